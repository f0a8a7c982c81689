/**
 * The poll-closed-while-voting fault run, on both dialects: two bot instances
 * over one records database, 5 rounds of 120 voters split across them, and
 * an organiser closing the poll on the second instance during round 3. Every
 * ballot a member was told "is recorded" is in the frozen result; every other
 * voter was told the poll had closed.
 */
import { afterAll, describe, expect, it } from "vitest";
import { openRecordsDb } from "../../../src/storage/sql/db.ts";
import { sqlRecords } from "../../../src/storage/sql/index.ts";
import { agendaDriver, ExactEmbedder } from "../../agenda/driver.ts";
import { member, replyText } from "../../helpers/services.ts";
import { dialects } from "./dialects.ts";
import { JitterPlugin } from "./faults.ts";

const ROUNDS = 5;
const VOTERS = 120;

for (const dialect of await dialects()) {
  describe(`poll closed during voting: ${dialect.name}`, () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const c of cleanups) await c();
    });

    it("puts every acknowledged ballot in the frozen result, across two instances", async () => {
      const f = await dialect.fresh();
      // PostgreSQL: a second pool, as a second process would have. SQLite: libSQL waits for a lock
      // synchronously, so two connections in one process would wait on each other; instances in one
      // process share its one queued connection (separate processes each have their own).
      const second =
        dialect.name === "postgresql"
          ? await openRecordsDb({
              ...(f.url ? { url: f.url } : {}),
              dataDir: f.dataDir,
              ...(f.schema ? { schema: f.schema } : {}),
            })
          : f.records;
      cleanups.push(async () => {
        if (second !== f.records) await second.close();
        await f.records.close();
        await f.remove();
      });
      // Every statement's answer is delayed a little, so a vote and the close really interleave.
      const jittered = (r: typeof second) => ({ ...r, db: r.db.withPlugin(new JitterPlugin()) });
      const a = agendaDriver({
        embedder: new ExactEmbedder(),
        records: (deps) => sqlRecords(jittered(f.records), deps),
      });
      const b = agendaDriver({ embedder: new ExactEmbedder(), records: (deps) => sqlRecords(jittered(second), deps) });
      await a.openTownhall();
      await a.proposeTopic(a.org, "First topic of the poll");
      await a.proposeTopic(a.org, "Second topic of the poll");
      const [poll] = await a.say(a.org, "/townhall poll 2");
      if (poll?.type !== "poll") throw new Error("no poll");

      const acknowledged = new Set<string>();
      const refused: string[] = [];
      let closing: Promise<string> | undefined;
      for (let round = 0; round < ROUNDS; round++) {
        const votes = Array.from({ length: VOTERS }, async (_, i) => {
          const m = member(`r${round}v${i}`, i % 2 ? "telegram" : "console");
          const via = i % 2 ? a : b;
          const reply = replyText(await via.say(m, `/pollvote ${(i % 2) + 1}`));
          if (reply.startsWith("Your poll vote is recorded")) acknowledged.add(m.id);
          else refused.push(reply);
        });
        if (round === 2) {
          closing = (async () => {
            await new Promise((r) => setTimeout(r, 5));
            return replyText(await b.say(b.org, "/townhall poll close"));
          })();
        }
        await Promise.all([...votes, closing]);
      }
      expect(await closing).toMatch(/closed/i);
      const records = a.records;
      if (!records) throw new Error("no records");
      const frozen = await records.polls.closed(poll.pollId.slice(3));
      expect(frozen?.voters).toBe(acknowledged.size);
      for (const id of acknowledged) expect((await records.polls.ballotsOf(id)).length, id).toBe(1);
      expect(frozen?.counts.reduce((x, y) => x + y, 0)).toBe(acknowledged.size);
      for (const r of refused) expect(r).toMatch(/poll is closed|no poll open|no open poll/i);
      // The run is a real race: some voters were before the close, some after.
      expect(acknowledged.size).toBeGreaterThan(0);
      expect(refused.length).toBeGreaterThan(0);
      expect(acknowledged.size + refused.length).toBe(ROUNDS * VOTERS);
    }, 120_000);
  });
}
