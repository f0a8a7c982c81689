/** Covering indexes for the counts: poll tallies by option, /impact by category and by status. */
import type { Kysely, Migration } from "kysely";

/** Adds the indexes (the same on both dialects). */
export const counting0002: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createIndex("ballot_choices_option")
      .on("ballot_choices")
      .columns(["poll_id", "option_index"])
      .execute();
    await db.schema.createIndex("offers_category_quantity").on("offers").columns(["category", "quantity"]).execute();
    await db.schema.createIndex("offers_status_quantity").on("offers").columns(["status", "quantity"]).execute();
  },
  async down(db: Kysely<unknown>) {
    for (const i of ["ballot_choices_option", "offers_category_quantity", "offers_status_quantity"]) {
      await db.schema.dropIndex(i).ifExists().execute();
    }
  },
};
