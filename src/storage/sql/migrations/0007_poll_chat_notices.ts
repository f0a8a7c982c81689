/**
 * The outbox also holds a closed poll's tally owed to the chat or channel that
 * carried the poll (kind `pollChat`), written in the close's transaction. Only
 * the `kind` check changes: PostgreSQL replaces the constraint; SQLite, which
 * cannot alter a check, rebuilds the table with its rows and indexes.
 */
import type { Kysely, Migration } from "kysely";
import type { SqlKind } from "../kind.ts";
import { sql } from "../kysely.ts";

const KINDS = sql`kind in ('member', 'organisers', 'closePoll', 'pollChat')`;
const BEFORE = sql`kind in ('member', 'organisers', 'closePoll')`;

/** Builds the migration for one SQL dialect. */
export function pollChat0007(kind: SqlKind): Migration {
  return {
    up: (db) => allow(db, kind, KINDS),
    // Back to the earlier kinds: notices of the new kind could not be kept.
    async down(db) {
      await sql`delete from outbox where kind = 'pollChat'`.execute(db);
      await allow(db, kind, BEFORE);
    },
  };
}

async function allow(db: Kysely<unknown>, kind: SqlKind, check: ReturnType<typeof sql>): Promise<void> {
  if (kind === "postgres") {
    // A column's check made with the table is named <table>_<column>_check.
    await sql`alter table outbox drop constraint if exists outbox_kind_check`.execute(db);
    await sql`alter table outbox add constraint outbox_kind_check check (${check})`.execute(db);
    return;
  }
  await db.schema
    .createTable("outbox_0007")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("kind", "text", (c) => c.notNull().check(check))
    .addColumn("member_id", "text")
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("claimed_until", "text")
    .addColumn("delivered_at", "text")
    .execute();
  await sql`insert into outbox_0007 (id, kind, member_id, payload, created_at, attempts, claimed_until, delivered_at)
    select id, kind, member_id, payload, created_at, attempts, claimed_until, delivered_at from outbox`.execute(db);
  await db.schema.dropTable("outbox").execute();
  await sql`alter table outbox_0007 rename to outbox`.execute(db);
  await db.schema.createIndex("outbox_pending").on("outbox").columns(["delivered_at", "id"]).execute();
  await db.schema.createIndex("outbox_member").on("outbox").column("member_id").execute();
}
