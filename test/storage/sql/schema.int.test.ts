/** The records schema on both dialects: migrations, constraints, aggregates, pragmas. */
import { readFileSync } from "node:fs";
import type { Kysely } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { migrateToLatest } from "../../../src/storage/sql/db.ts";
import { Migrator, sql } from "../../../src/storage/sql/kysely.ts";
import { migrations } from "../../../src/storage/sql/migrations/index.ts";
import { dialects } from "./dialects.ts";

for (const dialect of await dialects()) {
  describe(`records schema: ${dialect.name}`, () => {
    const removers: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const r of removers) await r();
    });
    const fresh = async () => {
      const f = await dialect.fresh();
      removers.push(async () => {
        await f.records.close();
        await f.remove();
      });
      return f.records;
    };

    it("migrates once; running the migrations again changes nothing", async () => {
      const r = await fresh();
      const again = await migrateToLatest(r);
      expect(again.error).toBeUndefined();
      expect(again.results).toEqual([]);
      const tables = await r.db.introspection.getTables();
      const names = tables.map((t) => t.name);
      for (const t of [
        "townhalls",
        "topics",
        "votes",
        "polls",
        "ballots",
        "offers",
        "audit",
        "identities",
        "outbox",
        "faq_questions",
        "faq_answers",
        "faq_ratings",
        "question_days",
      ]) {
        expect(names).toContain(t);
      }
    });

    it("upgrades a database of an older schema version in place", async () => {
      const r = await fresh();
      const migrator = new Migrator({
        db: r.db,
        provider: migrations(r.kind),
        ...(r.schema ? { migrationTableSchema: r.schema } : {}),
      });
      expect((await migrator.migrateTo("0001_records")).error).toBeUndefined();
      // Rows of version 1: a topic on the agenda with two votes, one rejected topic.
      const db = r.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
      await db.insertInto("townhalls").values({ id: "H1", name: "Q", opened_at: "t", opened_by: "o" }).execute();
      for (const id of ["T1", "T2"]) {
        await db
          .insertInto("topics")
          .values({
            id,
            townhall_id: "H1",
            title: id,
            details: "",
            proposer_id: "m",
            proposer_name: "M",
            lang: "en",
            created_at: "t",
            initial: "approved",
          })
          .execute();
      }
      for (const m of ["a", "b"])
        await db.insertInto("votes").values({ topic_id: "T1", member_id: m, at: "t" }).execute();
      await db
        .insertInto("decisions")
        .values({ topic_id: "T2", kind: "final", status: "rejected", decided_by: "o", at: "t" })
        .execute();
      await r.db
        .insertInto("audit")
        .values({ at: "t", actor_id: "a", actor_name: "A", action: "x", target: "y", detail: null })
        .execute();
      // A poll with two ballots on two platforms, and two offers.
      await db
        .insertInto("polls")
        .values({
          id: "P1",
          townhall_id: "H1",
          question: "Q",
          topic_ids: '["T1","T2"]',
          options: '["T1","T2"]',
          created_at: "t",
          created_by: "o",
          duration_hours: 72,
          open_slot: 1,
        })
        .execute();
      for (const [m, platform, options] of [
        ["a", "telegram", [0]],
        ["b", "discord", [0, 1]],
      ] as const) {
        await db
          .insertInto("ballots")
          .values({ poll_id: "P1", member_id: m, options: JSON.stringify(options), at: "t", platform })
          .execute();
        for (const option_index of options)
          await db.insertInto("ballot_choices").values({ poll_id: "P1", member_id: m, option_index }).execute();
      }
      for (const [ref, category, status, quantity] of [
        ["DON-1", "clothing", "offered", 200],
        ["DON-2", "stationery", "accepted", 30],
        ["DON-3", "clothing", "offered", 5],
      ] as const) {
        await db
          .insertInto("offers")
          .values({
            ref,
            owner_id: "m",
            version: 1,
            status,
            created_at: "t",
            updated_at: "t",
            category,
            quantity,
            condition: "new",
            district: "Wan Chai",
          })
          .execute();
      }
      const up = await migrateToLatest(r);
      expect(up.error).toBeUndefined();
      expect(up.results?.map((m) => m.migrationName)).toEqual([
        "0002_counting_indexes",
        "0003_topic_counts",
        "0004_questions",
        "0005_tallies",
        "0006_question_days",
        "0007_poll_chat_notices",
        "0008_agenda_sizes",
      ]);
      const tallies = await r.db
        .selectFrom("poll_tallies")
        .select(["platform", "option_index", "n"])
        .orderBy("platform")
        .orderBy("option_index")
        .execute();
      expect(tallies.map((t) => [t.platform, t.option_index, Number(t.n)])).toEqual([
        ["discord", -1, 1],
        ["discord", 0, 1],
        ["discord", 1, 1],
        ["telegram", -1, 1],
        ["telegram", 0, 1],
      ]);
      const totals = await r.db.selectFrom("offer_totals").selectAll().orderBy("category").execute();
      expect(totals.map((t) => [t.category, t.status, Number(t.offers), Number(t.items)])).toEqual([
        ["clothing", "offered", 2, 205],
        ["stationery", "accepted", 1, 30],
      ]);
      expect(await r.db.selectFrom("audit").select("actor_name").execute()).toEqual([{ actor_name: "A" }]);
      const counted = await r.db.selectFrom("topics").select(["id", "votes", "approved"]).orderBy("id").execute();
      expect(counted).toEqual([
        { id: "T1", votes: 2, approved: 1 },
        { id: "T2", votes: 0, approved: 0 },
      ]);
      // The agenda's size counted once (0008), then kept by the database as topics come, change and go.
      const size = async () =>
        Number(
          (await r.db.selectFrom("townhalls").select("approved_topics").executeTakeFirstOrThrow()).approved_topics,
        );
      expect(await size()).toBe(1);
      await r.db.updateTable("topics").set({ approved: 1 }).where("id", "=", "T2").execute();
      expect(await size()).toBe(2);
      await r.db.updateTable("topics").set({ approved: 1 }).execute();
      expect(await size()).toBe(2);
      await db
        .insertInto("topics")
        .values({
          id: "T3",
          townhall_id: "H1",
          title: "T3",
          details: "",
          proposer_id: "m",
          proposer_name: "M",
          lang: "en",
          created_at: "t",
          initial: "pending",
        })
        .execute();
      expect(await size()).toBe(2);
      await r.db.updateTable("topics").set({ approved: 0 }).where("id", "in", ["T1", "T3"]).execute();
      expect(await size()).toBe(1);
      await r.db.deleteFrom("topics").where("id", "=", "T2").execute();
      expect(await size()).toBe(0);
    });

    it("indexes the FAQ's questions by time and member, and ratings by member and answer", async () => {
      const r = await fresh();
      const rows =
        r.kind === "sqlite"
          ? await sql<{ name: string }>`select name from sqlite_master where type = 'index'`.execute(r.db)
          : await sql<{
              name: string;
            }>`select indexname as name from pg_indexes where schemaname = ${r.schema ?? "public"}`.execute(r.db);
      const names = rows.rows.map((x) => x.name);
      for (const i of ["faq_questions_at", "faq_questions_member", "faq_ratings_member", "faq_ratings_tally"])
        expect(names).toContain(i);
      await r.db
        .insertInto("faq_ratings")
        .values({ answer_key: "A", answer_ref: "faq:x", member_id: "m", value: "up", at: "t" })
        .execute();
      await expect(
        r.db
          .insertInto("faq_ratings")
          .values({ answer_key: "A", answer_ref: "faq:x", member_id: "m", value: "down", at: "t" })
          .execute(),
      ).rejects.toThrow();
      await expect(
        r.db
          .insertInto("faq_ratings")
          .values({ answer_key: "B", answer_ref: "faq:x", member_id: "m", value: "meh", at: "t" })
          .execute(),
      ).rejects.toThrow();
    });

    it("keeps the outbox's rows when it learns a closed poll's tally (0007), and its check", async () => {
      const r = await fresh();
      const migrator = new Migrator({
        db: r.db,
        provider: migrations(r.kind),
        ...(r.schema ? { migrationTableSchema: r.schema } : {}),
      });
      expect((await migrator.migrateTo("0006_question_days")).error).toBeUndefined();
      const row = { kind: "member", member_id: "telegram:42", payload: "[]", created_at: "t" };
      await r.db
        .insertInto("outbox")
        .values([row, { ...row, member_id: "telegram:43" }])
        .execute();
      const refused = r.db
        .insertInto("outbox")
        .values({ ...row, kind: "pollChat", member_id: null })
        .execute();
      await expect(refused).rejects.toThrow();
      expect((await migrateToLatest(r)).error).toBeUndefined();

      const kept = await r.db.selectFrom("outbox").select(["id", "kind", "member_id"]).orderBy("id").execute();
      expect(kept.map((k) => [k.kind, k.member_id])).toEqual([
        ["member", "telegram:42"],
        ["member", "telegram:43"],
      ]);
      const [added] = await r.db
        .insertInto("outbox")
        .values({ ...row, kind: "pollChat", member_id: null })
        .returning("id")
        .execute();
      // Ids go on from the kept rows.
      expect(Number(added?.id)).toBeGreaterThan(Math.max(...kept.map((k) => Number(k.id))));
      await expect(
        r.db
          .insertInto("outbox")
          .values({ ...row, kind: "other" })
          .execute(),
      ).rejects.toThrow();
    });

    it("refuses a second vote of one member on one topic (unique constraint)", async () => {
      const r = await fresh();
      await r.db
        .insertInto("townhalls")
        .values({ id: "H1", name: "Q1", date: null, opened_at: "t", opened_by: "o", closed_at: null, open_slot: 1 })
        .execute();
      await r.db
        .insertInto("topics")
        .values({
          id: "T1",
          townhall_id: "H1",
          title: "x",
          details: "",
          proposer_id: "m",
          proposer_name: "M",
          lang: "en",
          created_at: "t",
          initial: "approved",
          embedding: null,
        })
        .execute();
      await r.db.insertInto("votes").values({ topic_id: "T1", member_id: "a", at: "t" }).execute();
      await expect(
        r.db.insertInto("votes").values({ topic_id: "T1", member_id: "a", at: "t" }).execute(),
      ).rejects.toThrow();
      await r.db.insertInto("votes").values({ topic_id: "T1", member_id: "b", at: "t" }).execute();
      const { n } = await r.db
        .selectFrom("votes")
        .select((eb) => eb.fn.countAll<number | string>().as("n"))
        .where("topic_id", "=", "T1")
        .executeTakeFirstOrThrow();
      expect(Number(n)).toBe(2);
      // One open townhall at a time.
      await expect(
        r.db
          .insertInto("townhalls")
          .values({ id: "H2", name: "Q2", date: null, opened_at: "t", opened_by: "o", closed_at: null, open_slot: 1 })
          .execute(),
      ).rejects.toThrow();
    });

    if (dialect.name === "sqlite") {
      it("runs SQLite with WAL and secure_delete, so deleted text leaves the file", async () => {
        const r = await fresh();
        const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(r.db);
        expect(mode.rows[0]?.journal_mode).toBe("wal");
        const secure = await sql<{ secure_delete: number }>`pragma secure_delete`.execute(r.db);
        expect(secure.rows[0]?.secure_delete).toBe(1);
        await r.db
          .insertInto("audit")
          .values({ at: "t", actor_id: "a", actor_name: "Zyxwvut Secretname", action: "x", target: "y", detail: null })
          .execute();
        await r.db.deleteFrom("audit").execute();
        await sql`pragma wal_checkpoint(TRUNCATE)`.execute(r.db);
        expect(readFileSync(r.location).includes("Zyxwvut Secretname")).toBe(false);
      });
    }
  });
}
