/**
 * Several bot processes on one backend (SQLite file, PostgreSQL, Redis):
 * 2,000 interleaved votes with repeated voters and 200 donation submissions
 * from two processes land exactly once; a process killed with SIGKILL in the
 * middle of the load loses nothing it acknowledged and corrupts nothing.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type KeyvStore, openStore } from "../../src/storage/index.ts";
import { type Acks, type Job, type Op, plan, Worker } from "./load.ts";
import { dropPgTable, dropRedisNamespace, PG_URL, quietLogger, REDIS_URL, requireServer, runId } from "./servers.ts";

interface Target {
  readonly name: string;
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

/** Pairs voted for, per topic. */
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

function merged(...acks: Acks[]): { votes: Map<string, boolean[]>; offers: Map<string, number>; failures: string[] } {
  const votes = new Map<string, boolean[]>();
  const offers = new Map<string, number>();
  for (const a of acks) {
    for (const [k, flags] of a.votes) votes.set(k, [...(votes.get(k) ?? []), ...flags]);
    for (const [ref, seq] of a.offers) offers.set(ref, seq);
  }
  return { votes, offers, failures: acks.flatMap((a) => a.failures) };
}

for (const target of targets) {
  describe(`several processes on ${target.name}`, () => {
    const cleanups: (() => Promise<void>)[] = [];
    const stores: KeyvStore[] = [];
    afterAll(async () => {
      for (const s of stores) await s.close();
      for (const c of cleanups) await c();
    });
    const setup = () => {
      const { cleanup, ...where } = target.place();
      cleanups.push(cleanup);
      const job = (ops: readonly Op[]): Job => ({ ...where, concurrency: 8, ops });
      const open = async () => {
        const s = await openStore({ ...where, logger: quietLogger() });
        stores.push(s);
        return s;
      };
      return { job, open };
    };

    it("two processes: 2,000 interleaved votes and 200 offers, each acknowledged record exactly once", async () => {
      const { job, open } = setup();
      // The parent creates the schema first, as a deployed bot would have.
      await (await open()).list("vote");
      const [a = [], b = []] = plan({ votes: 2000, offers: 200, topics: 8, members: 120, parts: 2 });
      const workers = [new Worker(job(a)), new Worker(job(b))];
      const exits = await Promise.all(workers.map((w) => w.done));
      for (const [i, w] of workers.entries()) expect(exits[i], w.stderr).toEqual({ code: 0, signal: null });
      const acks = merged(...workers.map((w) => w.acks));
      expect(acks.failures).toEqual([]);

      const all = [...a, ...b];
      const byTopic = votersByTopic(all);
      const pairs = [...byTopic].flatMap(([topic, members]) => [...members].map((m) => `${topic}:${m}`));
      expect(pairs.length).toBeLessThan(2000); // voters repeat, so duplicates had to be refused
      expect([...acks.votes.values()].flat()).toHaveLength(2000);
      for (const pair of pairs) expect(acks.votes.get(pair)?.filter(Boolean), pair).toEqual([true]);

      const store = await open();
      expect((await store.list("vote")).map((r) => r.key).sort()).toEqual([...pairs].sort());
      for (const [topic, members] of byTopic) {
        expect(await store.list("vote", `${topic}:`)).toHaveLength(members.size);
        expect(await store.get("votecount", topic)).toBe(members.size);
      }

      const offers = await store.list<{ ref: string; seq: number }>("offer");
      expect(acks.offers.size).toBe(200);
      expect(offers.map((r) => r.key)).toEqual([...acks.offers.keys()].sort());
      for (const o of offers) expect(o.value.seq).toBe(acks.offers.get(o.key));
      expect(new Set(offers.map((o) => o.value.seq)).size).toBe(200);
      expect(await store.get("seq", "offer")).toBe(200);
      expect(await store.list("offerby")).toHaveLength(200);
    });

    it("a process killed mid-load loses nothing it acknowledged; a restarted one carries on", async () => {
      const { job, open } = setup();
      await (await open()).list("vote");
      const [a = [], b = []] = plan({ votes: 2000, offers: 200, topics: 8, members: 120, parts: 2, seed: 7 });
      const victim = new Worker(job(a));
      const survivor = new Worker(job(b));
      await victim.acknowledged(300);
      victim.kill();
      expect((await victim.done).signal).toBe("SIGKILL");
      const acked = (op: Op) =>
        op.t === "vote" ? victim.acks.votes.has(`${op.topic}:${op.member}`) : victim.acks.offers.has(op.ref);
      const leftover = a.filter((op) => !acked(op));
      expect(leftover.length).toBeGreaterThan(0); // it died in the middle

      const restarted = new Worker(job(leftover));
      const exits = await Promise.all([survivor.done, restarted.done]);
      expect(exits).toEqual([
        { code: 0, signal: null },
        { code: 0, signal: null },
      ]);
      const acks = merged(victim.acks, survivor.acks, restarted.acks);
      // Only a submission the victim wrote but never acknowledged may be refused as a duplicate on retry.
      for (const f of acks.failures) expect(f).toMatch(/^fail offer reference DON-\w+ already taken$/);
      expect(acks.failures.length).toBeLessThanOrEqual(8);

      const store = await open();
      const bad: string[] = [];
      const records = await store.records((key) => bad.push(key));
      expect(bad).toEqual([]);
      const keys = new Set(records.map((r) => `${r.ns}:${r.key}`));
      for (const [pair, flags] of acks.votes) {
        expect(keys.has(`vote:${pair}`), pair).toBe(true);
        expect(flags.filter(Boolean).length).toBeLessThanOrEqual(1);
      }
      for (const [ref, seq] of acks.offers) {
        expect(await store.get(`offer`, ref)).toMatchObject({ ref, seq });
      }
      const byTopic = votersByTopic([...a, ...b]);
      for (const [topic, members] of byTopic) {
        expect(await store.list("vote", `${topic}:`)).toHaveLength(members.size);
      }
    });
  });
}
