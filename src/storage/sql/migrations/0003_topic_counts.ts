/**
 * Agenda pages without counting every vote: each topic carries its support
 * (`votes`) and whether it is on the agenda (`approved`), kept in the same
 * transaction as the votes and decisions that change them, and indexed in
 * the agenda's order. Existing rows are counted once here.
 */
import type { Kysely, Migration } from "kysely";
import { sql } from "../kysely.ts";

/** Recounts every topic's support and agenda state from the rows (also after imports). */
export async function recountTopics(db: Kysely<unknown>): Promise<void> {
  await sql`update topics set votes = (select count(*) from votes v where v.topic_id = topics.id)`.execute(db);
  await sql`update topics set approved = case
      when exists (select 1 from decisions f where f.topic_id = topics.id and f.kind = 'final') then 0
      when topics.initial = 'approved' then 1
      when exists (select 1 from decisions r where r.topic_id = topics.id and r.kind = 'review' and r.status = 'approved') then 1
      else 0 end`.execute(db);
}

/** Adds, fills and indexes the two columns. */
export const topicCounts0003: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable("topics")
      .addColumn("votes", "integer", (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .alterTable("topics")
      .addColumn("approved", "integer", (c) => c.notNull().defaultTo(0))
      .execute();
    await recountTopics(db);
    await db.schema
      .createIndex("topics_ranked")
      .on("topics")
      .columns(["townhall_id", "approved", "votes desc", "created_at", "id"])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex("topics_ranked").ifExists().execute();
    await db.schema.alterTable("topics").dropColumn("approved").execute();
    await db.schema.alterTable("topics").dropColumn("votes").execute();
  },
};
