import { describe, expect, it } from "vitest";
import type { Reading } from "../../src/core/ports.ts";
import { ReadAhead } from "../../src/knowledge/read-ahead.ts";

/** A reader that counts its readings of each text. */
function counting() {
  const reads: string[] = [];
  const read = async (text: string): Promise<Reading> => {
    reads.push(text);
    return { question: text.toUpperCase() };
  };
  return { reads, read };
}

describe("readings started ahead", () => {
  it("reads a text once when it was started ahead, and again when taken twice", async () => {
    const { reads, read } = counting();
    const ahead = new ReadAhead(read);
    ahead.start("what is qmas?");
    ahead.start("what is qmas?");
    expect(reads).toEqual(["what is qmas?"]);
    expect(await ahead.take("what is qmas?")).toEqual({ question: "WHAT IS QMAS?" });
    expect(reads).toHaveLength(1);
    expect(ahead.waiting).toBe(0);
    // Taken once: a second reading of the same text reads it again, as does one never started.
    await ahead.take("what is qmas?");
    await ahead.take("hi");
    expect(reads).toEqual(["what is qmas?", "what is qmas?", "hi"]);
  });

  it("keeps a bounded number waiting, the oldest going first", async () => {
    const { reads, read } = counting();
    const ahead = new ReadAhead(read, 2);
    for (const text of ["a", "b", "c"]) ahead.start(text);
    expect(ahead.waiting).toBe(2);
    await ahead.take("a");
    await ahead.take("c");
    expect(reads).toEqual(["a", "b", "c", "a"]);
  });

  it("drops a reading never taken (a form's answer) after a while, with no timer of its own", async () => {
    const { reads, read } = counting();
    let now = 0;
    const ahead = new ReadAhead(read, 64, 20, () => now);
    ahead.start("91234567");
    now = 15;
    ahead.start("hello");
    expect(ahead.waiting).toBe(2);
    now = 21;
    expect(ahead.waiting).toBe(1);
    await ahead.take("91234567");
    expect(reads).toEqual(["91234567", "hello", "91234567"]);
    expect(await ahead.take("hello")).toEqual({ question: "HELLO" });
    expect(reads).toHaveLength(3);
  });

  it("fails a reading that failed when it is taken, and not before", async () => {
    const ahead = new ReadAhead(async () => {
      throw new Error("no dictionary");
    });
    ahead.start("x");
    await new Promise((resolve) => setImmediate(resolve));
    await expect(ahead.take("x")).rejects.toThrow("no dictionary");
  });
});
