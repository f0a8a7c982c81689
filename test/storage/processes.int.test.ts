/**
 * Several bot processes on one backend (SQLite file, PostgreSQL, Redis), each
 * running the real Bot (agenda and donations features): 2,000 interleaved
 * upvote presses with repeated voters and 200 complete donation forms from
 * two processes land exactly once; a process killed with SIGKILL in the
 * middle of the load loses nothing it acknowledged and corrupts nothing.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Offer } from "../../src/core/donations/index.ts";
import { type KeyvStore, openStore } from "../../src/storage/index.ts";
import { openRecordsDb, type RecordsDb } from "../../src/storage/sql/db.ts";
import { sqlRecords } from "../../src/storage/sql/index.ts";
import { sql } from "../../src/storage/sql/kysely.ts";
import { replyText } from "../helpers/services.ts";
import { loadBot, ORGANISER, openTownhall, storedVoters } from "./bot-load.ts";
import { type Acks, type Job, type Op, plan, Worker } from "./load.ts";
import { dropPgTable, dropRedisNamespace, PG_URL, quietLogger, REDIS_URL, requireServer, runId } from "./servers.ts";

interface Target {
  readonly name: string;
  /** The association's records in SQL (else in the key-value store). */
  readonly records?: boolean;
  /** A fresh, isolated place on the backend: job fields and its cleanup. */
  place(): { url?: string; dataDir: string; isolate?: string; cleanup(): Promise<void> };
}

const targets: Target[] = [
  {
    name: "sqlite",
    place() {
      const dataDir = mkdtempSync(join(tmpdir(), "bahk-procs-"));
      return { dataDir, cleanup: async () => rmSync(dataDir, { recursive: true, force: true }) };
    },
  },
];
if (await requireServer("PostgreSQL", 5432)) {
  targets.push({
    name: "postgresql",
    place() {
      const isolate = runId("procs");
      return { url: PG_URL, dataDir: "unused", isolate, cleanup: () => dropPgTable(isolate) };
    },
  });
}
if (await requireServer("Redis", 6379)) {
  targets.push({
    name: "redis",
    place() {
      const isolate = runId("procs");
      return { url: REDIS_URL, dataDir: "unused", isolate, cleanup: () => dropRedisNamespace(isolate) };
    },
  });
}

// The same runs with the records in SQL: SQLite (records.sqlite beside bot.sqlite) and PostgreSQL (a schema).
for (const t of [...targets]) {
  if (t.name === "redis") continue;
  targets.push({
    name: `${t.name} records`,
    records: true,
    place() {
      const p = t.place();
      if (!p.isolate) return p;
      const schema = p.isolate;
      return {
        ...p,
        cleanup: async () => {
          await p.cleanup();
          const admin = await openRecordsDb({ url: PG_URL, dataDir: "unused", migrate: false });
          await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin.db);
          await admin.close();
        },
      };
    },
  });
}

const TOPICS = ["T0", "T1", "T2", "T3", "T4", "T5", "T6", "T7"];
const LOAD = { votes: 2000, offers: 200, topics: TOPICS.length, members: 120, parts: 2 } as const;
const SLOW = 240_000;

/** Members voting for each plan topic. */
function votersByTopic(ops: readonly Op[]): Map<string, Set<string>> {
  const by = new Map<string, Set<string>>();
  for (const op of ops) {
    if (op.t !== "vote") continue;
    const set = by.get(op.topic) ?? new Set<string>();
    set.add(op.member);
    by.set(op.topic, set);
  }
  return by;
}

function merged(...acks: Acks[]) {
  const votes = new Map<string, boolean[]>();
  const offers = new Map<string, string>();
  for (const a of acks) {
    for (const [k, flags] of a.votes) votes.set(k, [...(votes.get(k) ?? []), ...flags]);
    for (const [ref, planRef] of a.offers) offers.set(ref, planRef);
  }
  return { votes, offers, failures: acks.flatMap((a) => a.failures) };
}

for (const target of targets) {
  describe(`several bot processes on ${target.name}`, () => {
    const cleanups: (() => Promise<void>)[] = [];
    const stores: KeyvStore[] = [];
    const dbs: RecordsDb[] = [];
    afterAll(async () => {
      for (const d of dbs) await d.close();
      for (const s of stores) await s.close();
      for (const c of cleanups) await c();
    });
    const setup = async () => {
      const { cleanup, ...where } = target.place();
      cleanups.push(cleanup);
      const store = await openStore({ ...where, logger: quietLogger() });
      stores.push(store);
      const db = target.records
        ? await openRecordsDb({
            url: where.url,
            dataDir: where.dataDir,
            ...(where.isolate ? { schema: where.isolate } : {}),
          })
        : undefined;
      if (db) dbs.push(db);
      const records = db ? (deps: Parameters<typeof sqlRecords>[1]) => sqlRecords(db, deps) : undefined;
      const th = await openTownhall(store, TOPICS, records);
      const job = (ops: readonly Op[]): Job => ({ ...where, concurrency: 8, ops, townhall: th, records: !!db });
      const quiet = {
        store,
        notifier: { toMember: async () => {}, toOrganisers: async () => true },
        clock: { now: () => new Date() },
        logger: quietLogger(),
      };
      const sqlView = db ? sqlRecords(db, quiet) : undefined;
      /** The stored voters of a topic and the stored offers, wherever the records live. */
      const stored = {
        voters: (id: string) => (sqlView ? sqlView.agenda.voters(th.id, id) : storedVoters(store, th, id)),
        offers: async () =>
          sqlView ? (await sqlView.offers.all()).map((o) => ({ key: o.ref, value: o })) : store.list<Offer>("offer"),
      };
      return { job, store, th, records, stored };
    };

    /** Every plan voter's vote is stored once, and the bot shows the counts. */
    const expectVotes = async (s: Awaited<ReturnType<typeof setup>>, ops: readonly Op[]) => {
      const { store, th } = s;
      const bot = loadBot(store, s.records);
      for (const [name, members] of votersByTopic(ops)) {
        const id = th.topics[name] ?? "";
        expect((await s.stored.voters(id)).sort(), name).toEqual([...members].sort());
        const shown = replyText(
          await bot.handle({
            kind: "text",
            member: ORGANISER,
            chat: { id: "c", type: "private" },
            text: `/agenda ${id}`,
          }),
        );
        expect(shown).toContain(`${members.size} votes`);
      }
    };

    it(
      "two processes: 2,000 interleaved votes and 200 offers, each acknowledged record exactly once",
      async () => {
        const s = await setup();
        const { job } = s;
        const [a = [], b = []] = plan(LOAD);
        const workers = [new Worker(job(a)), new Worker(job(b))];
        const exits = await Promise.all(workers.map((w) => w.done));
        for (const [i, w] of workers.entries()) expect(exits[i], w.stderr).toEqual({ code: 0, signal: null });
        const acks = merged(...workers.map((w) => w.acks));
        expect(acks.failures).toEqual([]);

        const all = [...a, ...b];
        const pairs = [...votersByTopic(all)].flatMap(([topic, members]) => [...members].map((m) => `${topic}:${m}`));
        expect(pairs.length).toBeLessThan(2000); // voters repeat: duplicates had to be refused
        expect([...acks.votes.values()].flat()).toHaveLength(2000);
        for (const pair of pairs) expect(acks.votes.get(pair)?.filter(Boolean), pair).toEqual([true]);
        await expectVotes(s, all);

        expect(acks.offers.size).toBe(200);
        const offers = await s.stored.offers();
        expect(offers.map((r) => r.key).sort()).toEqual([...acks.offers.keys()].sort());
        for (const o of offers) expect(o.value.ownerId).toBe(`discord:${acks.offers.get(o.key)}`);
      },
      SLOW,
    );

    it(
      "a process killed mid-load loses nothing it acknowledged; a restarted one carries on",
      async () => {
        const s = await setup();
        const { job, store } = s;
        const [a = [], b = []] = plan({ ...LOAD, seed: 7 });
        const victim = new Worker(job(a));
        const survivor = new Worker(job(b));
        await victim.acknowledged(300);
        victim.kill();
        expect((await victim.done).signal).toBe("SIGKILL");
        const planRefs = new Set(victim.acks.offers.values());
        const acked = (op: Op) =>
          op.t === "vote" ? victim.acks.votes.has(`${op.topic}:${op.member}`) : planRefs.has(op.ref);
        // A member cut off mid-form starts again as a new donor; votes are simply pressed again.
        const leftover = a
          .filter((op) => !acked(op))
          .map((op) => (op.t === "offer" ? { ...op, ref: `${op.ref}R` } : op));
        expect(leftover.length).toBeGreaterThan(0); // it died in the middle

        const restarted = new Worker(job(leftover));
        const exits = await Promise.all([survivor.done, restarted.done]);
        expect(exits).toEqual([
          { code: 0, signal: null },
          { code: 0, signal: null },
        ]);
        const acks = merged(victim.acks, survivor.acks, restarted.acks);
        expect(acks.failures).toEqual([]);

        const bad: string[] = [];
        await store.records((key) => bad.push(key));
        expect(bad).toEqual([]);
        for (const flags of acks.votes.values()) expect(flags.filter(Boolean).length).toBeLessThanOrEqual(1);
        await expectVotes(s, [...a, ...b]);
        const offers = new Map((await s.stored.offers()).map((r) => [r.key, r.value]));
        for (const [ref, planRef] of acks.offers) {
          expect(offers.get(ref)?.ownerId, ref).toBe(`discord:${planRef}`);
        }
      },
      SLOW,
    );
  });
}
