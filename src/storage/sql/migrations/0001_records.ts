/** The first schema of the association's records: every table, key, constraint and index. */
import type { Kysely, Migration } from "kysely";
import type { SqlKind } from "../kind.ts";
import { sql } from "../kysely.ts";

/** Builds the migration for one SQL dialect (only the auto-increment column differs). */
export function records0001(kind: SqlKind): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await agendaTables(db);
      await pollTables(db);
      await offerTables(db, kind);
      await otherTables(db, kind);
    },
    async down(db: Kysely<unknown>) {
      for (const t of [
        "outbox",
        "identities",
        "audit",
        "offer_events",
        "offers",
        "ballot_choices",
        "ballots",
        "polls",
        "quotas",
        "votes",
        "decisions",
        "topics",
        "settings",
        "townhalls",
      ]) {
        await db.schema.dropTable(t).ifExists().execute();
      }
    },
  };
}

async function agendaTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("townhalls")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("date", "text")
    .addColumn("opened_at", "text", (c) => c.notNull())
    .addColumn("opened_by", "text", (c) => c.notNull())
    .addColumn("closed_at", "text")
    .addColumn("open_slot", "integer", (c) => c.unique().check(sql`open_slot = 1`))
    .execute();
  await db.schema
    .createTable("settings")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("topics")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("townhall_id", "text", (c) => c.notNull().references("townhalls.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("details", "text", (c) => c.notNull())
    .addColumn("proposer_id", "text", (c) => c.notNull())
    .addColumn("proposer_name", "text", (c) => c.notNull())
    .addColumn("lang", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("initial", "text", (c) => c.notNull().check(sql`initial in ('approved', 'pending')`))
    .addColumn("embedding", "text")
    .execute();
  await db.schema.createIndex("topics_townhall").on("topics").columns(["townhall_id", "created_at"]).execute();
  await db.schema.createIndex("topics_proposer").on("topics").column("proposer_id").execute();
  await db.schema
    .createTable("decisions")
    .addColumn("topic_id", "text", (c) => c.notNull().references("topics.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('review', 'final')`))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("decided_by", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("into_id", "text")
    .addPrimaryKeyConstraint("decisions_pk", ["topic_id", "kind"])
    .execute();
  await db.schema
    .createTable("votes")
    .addColumn("topic_id", "text", (c) => c.notNull().references("topics.id").onDelete("cascade"))
    .addColumn("member_id", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("votes_one_per_member", ["topic_id", "member_id"])
    .execute();
  await db.schema.createIndex("votes_member").on("votes").column("member_id").execute();
  await db.schema
    .createTable("quotas")
    .addColumn("townhall_id", "text", (c) => c.notNull())
    .addColumn("member_id", "text", (c) => c.notNull())
    .addColumn("used", "integer", (c) => c.notNull().check(sql`used >= 0`))
    .addPrimaryKeyConstraint("quotas_pk", ["townhall_id", "member_id"])
    .execute();
}

async function pollTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("polls")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("townhall_id", "text", (c) => c.notNull())
    .addColumn("question", "text", (c) => c.notNull())
    .addColumn("topic_ids", "text", (c) => c.notNull())
    .addColumn("options", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("duration_hours", "integer", (c) => c.notNull())
    .addColumn("open_slot", "integer", (c) => c.check(sql`open_slot = 1`))
    .addColumn("closed_at", "text")
    .addColumn("result_counts", "text")
    .addColumn("result_voters", "integer")
    .addUniqueConstraint("polls_one_open", ["townhall_id", "open_slot"])
    .execute();
  await db.schema.createIndex("polls_townhall").on("polls").columns(["townhall_id", "created_at"]).execute();
  await db.schema
    .createTable("ballots")
    .addColumn("poll_id", "text", (c) => c.notNull().references("polls.id").onDelete("cascade"))
    .addColumn("member_id", "text", (c) => c.notNull())
    .addColumn("options", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("platform", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("ballots_one_per_member", ["poll_id", "member_id"])
    .execute();
  await db.schema.createIndex("ballots_member").on("ballots").column("member_id").execute();
  await db.schema
    .createTable("ballot_choices")
    .addColumn("poll_id", "text", (c) => c.notNull())
    .addColumn("member_id", "text", (c) => c.notNull())
    .addColumn("option_index", "integer", (c) => c.notNull().check(sql`option_index >= 0`))
    .addPrimaryKeyConstraint("ballot_choices_pk", ["poll_id", "member_id", "option_index"])
    .addForeignKeyConstraint(
      "ballot_choices_ballot",
      ["poll_id", "member_id"],
      "ballots",
      ["poll_id", "member_id"],
      (c) => c.onDelete("cascade"),
    )
    .execute();
}

async function offerTables(db: Kysely<unknown>, kind: SqlKind): Promise<void> {
  await db.schema
    .createTable("offers")
    .addColumn("ref", "text", (c) => c.primaryKey())
    .addColumn("owner_id", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().check(sql`version >= 1`))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("closed_at", "text")
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("quantity", "integer", (c) => c.notNull().check(sql`quantity >= 0`))
    .addColumn("unit", "text")
    .addColumn("condition", "text", (c) => c.notNull())
    .addColumn("district", "text", (c) => c.notNull())
    .addColumn("organisation", "text")
    .addColumn("description", "text")
    .addColumn("address", "text")
    .addColumn("available", "text")
    .addColumn("contact_name", "text")
    .addColumn("phone", "text")
    .addColumn("email", "text")
    .addColumn("pdpo_accepted_at", "text")
    .addColumn("erased_at", "text")
    .addColumn("submission", "text", (c) => c.unique())
    .execute();
  await db.schema.createIndex("offers_owner").on("offers").columns(["owner_id", "created_at"]).execute();
  await db.schema.createIndex("offers_created").on("offers").columns(["created_at", "ref"]).execute();
  await db.schema.createIndex("offers_status").on("offers").columns(["status", "closed_at"]).execute();
  await db.schema
    .createTable("offer_events")
    .addColumn("id", "integer", (c) => autoId(c, kind))
    .addColumn("ref", "text", (c) => c.notNull().references("offers.ref").onDelete("cascade"))
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("by_whom", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addUniqueConstraint("offer_events_seq", ["ref", "seq"])
    .execute();
}

async function otherTables(db: Kysely<unknown>, kind: SqlKind): Promise<void> {
  await db.schema
    .createTable("audit")
    .addColumn("id", "integer", (c) => autoId(c, kind))
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor_id", "text", (c) => c.notNull())
    .addColumn("actor_name", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("target", "text", (c) => c.notNull())
    .addColumn("detail", "text")
    .execute();
  await db.schema.createIndex("audit_actor").on("audit").columns(["actor_id", "id"]).execute();
  await db.schema.createIndex("audit_target").on("audit").column("target").execute();
  await db.schema.createIndex("audit_action").on("audit").columns(["action", "id"]).execute();
  await db.schema
    .createTable("identities")
    .addColumn("account_id", "text", (c) => c.primaryKey())
    .addColumn("canonical_id", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("identities_canonical").on("identities").column("canonical_id").execute();
  await db.schema
    .createTable("outbox")
    .addColumn("id", "integer", (c) => autoId(c, kind))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('member', 'organisers', 'closePoll')`))
    .addColumn("member_id", "text")
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("claimed_until", "text")
    .addColumn("delivered_at", "text")
    .execute();
  await db.schema.createIndex("outbox_pending").on("outbox").columns(["delivered_at", "id"]).execute();
  await db.schema.createIndex("outbox_member").on("outbox").column("member_id").execute();
}

type ColumnBuilder = Parameters<
  Parameters<ReturnType<Kysely<unknown>["schema"]["createTable"]>["addColumn"]>[2] & {}
>[0];

/** An auto-increment primary key in either dialect. */
function autoId(c: ColumnBuilder, kind: SqlKind): ColumnBuilder {
  return kind === "postgres" ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement();
}
