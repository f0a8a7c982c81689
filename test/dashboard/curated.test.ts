/**
 * Curated answers on file: written whole to knowledge/curated.json, read back, and a change made
 * by another instance (or by hand) picked up without a restart.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CURATED_RECHECK_MS, type CuratedEntry, CuratedKnowledge } from "../../src/core/faq/curated.ts";
import type { Asked, KnowledgeBase } from "../../src/core/ports.ts";
import { CuratedJsonFile } from "../../src/dashboard/curated-file.ts";
import { emptyKnowledge, HashingEmbedder, MemoryLogger } from "../helpers/services.ts";

const Q = "When does registration for the 2027 hackathon close?";

function entry(id: string, en: string): CuratedEntry {
  return {
    id,
    questions: [Q],
    answer: { en, "zh-HK": `${en}（中文）` },
    source: "organisers, 2026-11-30",
    createdAt: "2026-11-30T10:00:00.000Z",
    updatedAt: "2026-11-30T10:00:00.000Z",
  };
}

describe("curated answers on file", () => {
  const dir = mkdtempSync(join(tmpdir(), "bahk-curated-"));
  afterEach(() => {
    vi.useRealTimers();
  });

  it("writes the file, answers from it, and picks up another instance's change", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const path = join(dir, "curated.json");
    const a = new CuratedKnowledge(emptyKnowledge, new HashingEmbedder(), new CuratedJsonFile(path));
    const b = new CuratedKnowledge(emptyKnowledge, new HashingEmbedder(), new CuratedJsonFile(path));
    expect((await b.answer(Q, "en")).answered).toBe(false);
    await a.put(entry("C1", "On 31 January."));
    expect(JSON.parse(readFileSync(path, "utf8")).entries[0].id).toBe("C1");
    const got = await a.answer(Q, "zh-HK");
    expect(got).toMatchObject({ answered: true, text: "On 31 January.（中文）", ref: "curated:C1" });
    expect(got.sources[0]).toEqual({ title: "籌辦人, 2026-11-30", path: "knowledge/curated.json" });
    // b read the file before; it rechecks after a while.
    vi.setSystemTime(Date.now() + CURATED_RECHECK_MS + 1);
    expect((await b.answer(Q, "en")).text).toBe("On 31 January.");
    // A hand edit (a withdrawal) too.
    writeFileSync(path, JSON.stringify({ entries: [{ ...entry("C1", "On 31 January."), withdrawn: true }] }));
    vi.setSystemTime(Date.now() + CURATED_RECHECK_MS + 1);
    expect((await b.answer(Q, "en")).answered).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses a malformed file with a clear error, and answers go on from the documents", async () => {
    const bad = join(mkdtempSync(join(tmpdir(), "bahk-curated-")), "curated.json");
    writeFileSync(bad, JSON.stringify({ entries: [{ id: "C1" }] }));
    await expect(new CuratedJsonFile(bad).load()).rejects.toThrow(/questions/);
    const logger = new MemoryLogger();
    const kb = new CuratedKnowledge(emptyKnowledge, new HashingEmbedder(), new CuratedJsonFile(bad), logger);
    expect((await kb.answer(Q, "en")).answered).toBe(false);
    expect(logger.lines.map((l) => l.msg)).toEqual(["curated answers not loaded"]);
  });

  it("gives a question read and answered in one step its curated answer, the knowledge's otherwise", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "bahk-curated-")), "curated.json");
    const documents = { answered: true, text: "From the documents.", sources: [], confidence: 0.8 };
    const oneStep: KnowledgeBase = {
      answer: async () => documents,
      ask: async (raw): Promise<Asked> => {
        const question = raw.replace(/^hi,\s*/i, "");
        return question ? { reading: { question }, question, answer: documents } : { reading: { question }, question };
      },
    };
    const kb = new CuratedKnowledge(oneStep, new HashingEmbedder(), new CuratedJsonFile(path));
    await kb.put(entry("C1", "On 31 January."));
    expect((await kb.ask?.(`hi, ${Q}`, "en"))?.answer).toMatchObject({ text: "On 31 January.", ref: "curated:C1" });
    expect((await kb.ask?.("hi, what is QMAS?", "en"))?.answer).toBe(documents);
    expect(await kb.ask?.("hi, ", "en")).toEqual({ reading: { question: "" }, question: "" });
    // Over a knowledge that only answers, it only answers too (the core reads first).
    expect(new CuratedKnowledge(emptyKnowledge, new HashingEmbedder(), new CuratedJsonFile(path)).ask).toBeUndefined();
  });
});
