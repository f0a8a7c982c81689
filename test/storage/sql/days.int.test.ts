/**
 * The overview's per-day counters behind the DayCounters port: the key-value
 * ones and the SQL rows on SQLite and PostgreSQL count alike, concurrent
 * increments included, and read only the days asked for.
 */
import { afterAll, describe, expect, it } from "vitest";
import { type DayCounters, KeyvDayCounters, QuestionStats } from "../../../src/core/dashboard/stats.ts";
import { MemoryStore } from "../../../src/storage/memory.ts";
import { sqlRecords } from "../../../src/storage/sql/index.ts";
import { FakeClock, makeServices } from "../../helpers/services.ts";
import { dialects } from "./dialects.ts";

type Maker = { name: string; make(): Promise<{ counters: DayCounters; close(): Promise<void> }> };

const makers: Maker[] = [
  {
    name: "key-value",
    make: async () => ({ counters: new KeyvDayCounters(new MemoryStore()), close: async () => {} }),
  },
];
for (const d of await dialects()) {
  makers.push({
    name: d.name,
    async make() {
      const f = await d.fresh();
      return {
        counters: sqlRecords(f.records, makeServices().services).days,
        close: async () => {
          await f.records.close();
          await f.remove();
        },
      };
    },
  });
}

for (const maker of makers) {
  describe(`per-day counters: ${maker.name}`, () => {
    const closers: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const c of closers) await c();
    });

    it("counts every increment, concurrent ones too, and reads the days from a date on", async () => {
      const { counters, close } = await maker.make();
      closers.push(close);
      await Promise.all(Array.from({ length: 40 }, () => counters.add("2026-11-21", "answer", 1)));
      await counters.add("2026-11-21", "joined", 3);
      await counters.add("2026-11-20", "decline", 2);
      await counters.add("2026-10-01", "decline", 9);
      const sorted = (await counters.since("2026-11-20")).sort(
        (a, b) => a.day.localeCompare(b.day) || a.kind.localeCompare(b.kind),
      );
      expect(sorted).toEqual([
        { day: "2026-11-20", kind: "decline", n: 2 },
        { day: "2026-11-21", kind: "answer", n: 40 },
        { day: "2026-11-21", kind: "joined", n: 3 },
      ]);
    });

    it("gives the overview its last days, oldest first, zeros included", async () => {
      const { counters, close } = await maker.make();
      closers.push(close);
      const clock = new FakeClock();
      const stats = new QuestionStats(new MemoryStore(), clock, counters);
      await stats.record("answer");
      await stats.record("decline");
      await stats.recordJoins(2);
      const days = await stats.lastDays(3);
      expect(days.map((d) => [d.answer, d.decline, d.joined])).toEqual([
        [0, 0, 0],
        [0, 0, 0],
        [1, 1, 2],
      ]);
      expect(days.at(-1)?.day).toBe(clock.now().toISOString().slice(0, 10));
    });
  });
}
