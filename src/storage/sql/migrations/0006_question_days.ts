/**
 * The overview's questions per day as rows: one counter per day and kind
 * (answer, decline, intent, social, joined), read by day through the primary
 * key. Nothing personal: a few hundred rows a year.
 */
import type { Kysely, Migration } from "kysely";
import { sql } from "../kysely.ts";

/** Adds the table (the same on both dialects). */
export const questionDays0006: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("question_days")
      .addColumn("day", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) =>
        c.notNull().check(sql`kind in ('answer', 'decline', 'intent', 'social', 'joined')`),
      )
      .addColumn("n", "integer", (c) => c.notNull().check(sql`n >= 0`))
      .addPrimaryKeyConstraint("question_days_pk", ["day", "kind"])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable("question_days").ifExists().execute();
  },
};
