/**
 * The FAQ feature's records as tables: declined questions (indexed by time and
 * by member), the answers members were shown, and their ratings (one per
 * member per answer: a unique constraint; an erased member's ratings keep no
 * member id, so they count without colliding).
 */
import type { Kysely, Migration } from "kysely";
import type { SqlKind } from "../kind.ts";
import { sql } from "../kysely.ts";

/** Builds the migration for one SQL dialect (only the auto-increment column differs). */
export function questions0004(kind: SqlKind): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("faq_questions")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("text", "text", (c) => c.notNull())
        .addColumn("lang", "text", (c) => c.notNull())
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("member_id", "text", (c) => c.notNull())
        .addColumn("forwarded", "integer", (c) => c.notNull().defaultTo(0).check(sql`forwarded in (0, 1)`))
        .execute();
      await db.schema.createIndex("faq_questions_at").on("faq_questions").columns(["at", "key"]).execute();
      await db.schema.createIndex("faq_questions_member").on("faq_questions").column("member_id").execute();
      await db.schema.createIndex("faq_questions_text").on("faq_questions").columns(["text", "at"]).execute();
      await db.schema
        .createTable("faq_answers")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("ref", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("faq_ratings")
        .addColumn("id", "integer", (c) =>
          kind === "postgres" ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
        )
        .addColumn("answer_key", "text", (c) => c.notNull())
        .addColumn("answer_ref", "text", (c) => c.notNull())
        .addColumn("member_id", "text")
        .addColumn("value", "text", (c) => c.notNull().check(sql`value in ('up', 'down')`))
        .addColumn("at", "text", (c) => c.notNull())
        .addUniqueConstraint("faq_ratings_one_per_member", ["answer_key", "member_id"])
        .execute();
      await db.schema.createIndex("faq_ratings_member").on("faq_ratings").column("member_id").execute();
      await db.schema.createIndex("faq_ratings_tally").on("faq_ratings").columns(["answer_ref", "value"]).execute();
      await db.schema.createIndex("faq_ratings_value").on("faq_ratings").column("value").execute();
    },
    async down(db: Kysely<unknown>) {
      for (const t of ["faq_ratings", "faq_answers", "faq_questions"])
        await db.schema.dropTable(t).ifExists().execute();
    },
  };
}
