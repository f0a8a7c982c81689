/** The knowledge gaps' embeddings: each text embedded once while it is among the newest questions. */
import { describe, expect, it } from "vitest";
import { KeyvQuestionLog } from "../../src/core/faq/log.ts";
import type { Embedder } from "../../src/core/ports.ts";
import { storeGaps } from "../../src/dashboard/gaps.ts";
import { MemoryStore } from "../../src/storage/memory.ts";
import { HashingEmbedder } from "../helpers/services.ts";

class CountingEmbedder extends HashingEmbedder {
  embedded: string[] = [];
  override async embedDocuments(texts: string[]): Promise<number[][]> {
    this.embedded.push(...texts);
    return super.embedDocuments(texts);
  }
}

describe("knowledge gaps' embeddings", () => {
  it("embeds only texts not seen before, and forgets those no longer listed", async () => {
    const store = new MemoryStore();
    const log = new KeyvQuestionLog(store);
    const embedder = new CountingEmbedder();
    const gaps = storeGaps({ store, embedder });
    const ask = (i: number, text: string) =>
      log.record(`k${i}`, { text, lang: "en", at: `2026-11-21T10:0${i}:00.000Z`, memberId: "m" });
    await ask(1, "Where is the office?");
    await ask(2, "Is there parking?");
    expect((await gaps.groups()).map((g) => g.text).sort()).toEqual(["Is there parking?", "Where is the office?"]);
    expect(embedder.embedded).toHaveLength(2);
    await ask(3, "Where is the office?");
    await gaps.groups();
    expect(embedder.embedded).toHaveLength(2);
    // Answered in the dashboard: the questions leave, and so do their vectors.
    await log.remove(["k1", "k3"]);
    await gaps.groups();
    await ask(4, "Where is the office?");
    await gaps.groups();
    expect(embedder.embedded).toEqual(["Is there parking?", "Where is the office?", "Where is the office?"]);
  });

  it("groups each question with the first group alike, a text asked again with the group it joined", async () => {
    const store = new MemoryStore();
    const log = new KeyvQuestionLog(store);
    // Set vectors: A and A2 alike (cosine 0.9), B alike to neither, C alike to A2 only (0.85), not to A.
    const vectors: Record<string, number[]> = {
      A: [1, 0, 0],
      A2: [0.9, Math.sqrt(1 - 0.81), 0],
      B: [0, 0, 1],
      C: [0.6, 0.8, 0],
    };
    const embedder: Embedder = {
      embedQuery: async (t) => vectors[t] ?? [0, 0, 0],
      embedDocuments: async (ts) => ts.map((t) => (vectors[t] ?? [0, 0, 0]).map((x) => x * 3)),
    };
    const gaps = storeGaps({ store, embedder });
    // Newest first: A, B, C, A2, A, B, C.
    const asked = ["C", "B", "A", "A2", "C", "B", "A"];
    for (const [i, text] of asked.entries()) {
      await log.record(`k${i}`, { text, lang: "en", at: `2026-11-21T10:0${i}:00.000Z`, memberId: "m" });
    }
    expect(await gaps.groups()).toEqual([
      { text: "A", count: 3, last: "2026-11-21T10:06:00.000Z", questions: ["A", "A2"] },
      { text: "B", count: 2, last: "2026-11-21T10:05:00.000Z", questions: ["B"] },
      { text: "C", count: 2, last: "2026-11-21T10:04:00.000Z", questions: ["C"] },
    ]);
  });
});
