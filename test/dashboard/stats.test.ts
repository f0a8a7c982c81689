/** The dashboard's per-day question counters: gathered in memory, written once per day and kind. */
import { describe, expect, it } from "vitest";
import { type DayCount, type DayCounters, QuestionStats } from "../../src/core/dashboard/stats.ts";
import { MemoryStore } from "../../src/storage/memory.ts";

/** Counters that record every write, and fail while `failing` is set. */
class Counters implements DayCounters {
  readonly writes: [string, string, number][] = [];
  readonly rows = new Map<string, number>();
  failing = false;
  async add(day: string, kind: string, n: number): Promise<void> {
    if (this.failing) throw new Error("database unavailable");
    this.writes.push([day, kind, n]);
    this.rows.set(`${day}|${kind}`, (this.rows.get(`${day}|${kind}`) ?? 0) + n);
  }
  async since(from: string): Promise<DayCount[]> {
    return [...this.rows].flatMap(([k, n]) => {
      const [day = "", kind = ""] = k.split("|");
      return day >= from ? [{ day, kind, n }] : [];
    });
  }
}

const now = new Date("2026-12-02T10:00:00Z");
const clock = { now: () => now };

describe("question stats", () => {
  it("writes a burst of questions as one increment per day and kind, and shows them at once", async () => {
    const counters = new Counters();
    const stats = new QuestionStats(new MemoryStore(), clock, counters);
    for (let i = 0; i < 100; i++) await stats.record(i % 4 === 0 ? "decline" : "answer");
    await stats.recordJoins(3);
    expect(counters.writes).toEqual([]);
    const [today] = (await stats.lastDays(1)).slice(-1);
    expect(today).toMatchObject({ day: "2026-12-02", answer: 75, decline: 25, joined: 3 });
    expect(counters.writes).toHaveLength(3);
  });

  it("keeps the counts of a failed write for the next one", async () => {
    const counters = new Counters();
    const errors: unknown[] = [];
    const stats = new QuestionStats(new MemoryStore(), clock, counters, (e) => errors.push(e));
    await stats.record("answer");
    counters.failing = true;
    await expect(stats.flush()).rejects.toThrow(/unavailable/);
    await stats.record("answer");
    counters.failing = false;
    await stats.flush();
    expect(counters.rows.get("2026-12-02|answer")).toBe(2);
  });
});
