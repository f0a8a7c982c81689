/**
 * Poll tallies and offer totals kept as rows beside what they count (see
 * `../tallies.ts`), so a poll's result and /impact read a few rows at any
 * size. Existing ballots and offers are counted once here.
 */
import type { Kysely, Migration } from "kysely";
import { recountTotals } from "../tallies.ts";

/** Creates and fills the two tables. */
export const tallies0005: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("poll_tallies")
      .addColumn("poll_id", "text", (c) => c.notNull().references("polls.id").onDelete("cascade"))
      .addColumn("platform", "text", (c) => c.notNull())
      // -1 counts the platform's voters, 0… the voters of each option.
      .addColumn("option_index", "integer", (c) => c.notNull())
      .addColumn("n", "integer", (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint("poll_tallies_pk", ["poll_id", "platform", "option_index"])
      .execute();
    await db.schema
      .createTable("offer_totals")
      .addColumn("category", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("offers", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("items", "bigint", (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint("offer_totals_pk", ["category", "status"])
      .execute();
    await recountTotals(db);
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable("offer_totals").ifExists().execute();
    await db.schema.dropTable("poll_tallies").ifExists().execute();
  },
};
