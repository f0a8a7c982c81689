/** The knowledge gaps' embeddings: each text embedded once while it is among the newest questions. */
import { describe, expect, it } from "vitest";
import { KeyvQuestionLog } from "../../src/core/faq/log.ts";
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
});
