/** Per-key ordering: one member's events one after another, members in parallel. */
import { describe, expect, it } from "vitest";
import { KeyedSerializer } from "../../src/core/serial.ts";

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("KeyedSerializer", () => {
  it("keeps each key's order whatever each task takes, runs keys in parallel, and survives a failure", async () => {
    const s = new KeyedSerializer();
    const seen: string[] = [];
    const jobs: Promise<unknown>[] = [];
    for (let i = 0; i < 10; i++) {
      jobs.push(
        s.run("alice", async () => {
          await tick(10 - i);
          if (i === 3) throw new Error("boom");
          seen.push(`a${i}`);
        }),
      );
      jobs.push(s.run("bob", async () => void seen.push(`b${i}`)));
    }
    await Promise.allSettled(jobs);
    expect(seen.filter((x) => x.startsWith("a"))).toEqual(["a0", "a1", "a2", "a4", "a5", "a6", "a7", "a8", "a9"]);
    expect(seen.filter((x) => x.startsWith("b"))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `b${i}`));
    // Bob did not wait for Alice's slow tasks.
    expect(seen.indexOf("b9")).toBeLessThan(seen.indexOf("a1"));
    expect(s.busy).toBe(0);
  });
});
