import { describe, expect, it } from "vitest";
import { keepNewest } from "../../src/core/bounded.ts";

describe("caches kept to a size", () => {
  it("drops the oldest entries of a Map or a Set until it holds at most the size", () => {
    const m = new Map([
      ["a", 1],
      ["b", 2],
      ["c", 3],
    ]);
    keepNewest(m, 2);
    expect([...m.keys()]).toEqual(["b", "c"]);
    // Used again (moved to the end), an entry outlives those used less recently.
    m.delete("b");
    m.set("b", 2);
    m.set("d", 4);
    keepNewest(m, 2);
    expect([...m.keys()]).toEqual(["b", "d"]);
    const s = new Set([1, 2, 3, 4]);
    keepNewest(s, 1);
    expect([...s]).toEqual([4]);
    keepNewest(s, 5);
    expect([...s]).toEqual([4]);
  });
});
