import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openKnowledge } from "../../src/knowledge/index.ts";
import { KNOWLEDGE_DIR, quietLogger, tempDataDir } from "./helpers.ts";

describe("the persisted index", () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const c of cleanups.splice(0)) c();
  });

  function setup() {
    const data = tempDataDir();
    const knowledgeDir = mkdtempSync(join(tmpdir(), "bahk-knowledge-"));
    cpSync(KNOWLEDGE_DIR, knowledgeDir, { recursive: true });
    cleanups.push(data.cleanup, () => rmSync(knowledgeDir, { recursive: true, force: true }));
    return { dataDir: data.dir, knowledgeDir };
  }

  it("is built on first open, loaded afterwards, and rebuilt when the knowledge changes", async () => {
    const { dataDir, knowledgeDir } = setup();
    const progress: string[] = [];
    const first = await openKnowledge({
      knowledgeDir,
      dataDir,
      logger: quietLogger,
      onProgress: (m) => progress.push(m),
    });
    expect(first.stats.builtFresh).toBe(true);
    expect(first.stats.passages).toBeGreaterThan(10);
    expect(progress.some((m) => m.includes("building index"))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(dataDir, "index", "manifest.json"), "utf8")) as Record<
      string,
      unknown
    >;
    expect(manifest.embedder).toBe(first.stats.embedder);
    expect(existsSync(join(dataDir, "index", "hnswlib.index"))).toBe(true);

    const second = await openKnowledge({ knowledgeDir, dataDir, logger: quietLogger });
    expect(second.stats.builtFresh).toBe(false);

    writeFileSync(
      join(knowledgeDir, "extra.md"),
      '---\ntitle: "Harbour Walks"\nsource: "test"\n---\n\n# Harbour Walks\n\n## Walks\n\nThe association organizes monthly harbour walks along the waterfront promenade.\n',
    );
    const third = await openKnowledge({ knowledgeDir, dataDir, logger: quietLogger });
    expect(third.stats.builtFresh).toBe(true);
    const a = await third.knowledge.answer("Does the association organise harbour walks along the promenade?", "en");
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(/monthly harbour walks/);
    expect(a.sources[0]?.path).toMatch(/extra\.md$/);
  });

  it("rebuilds on demand and when the index files are damaged", async () => {
    const { dataDir, knowledgeDir } = setup();
    await openKnowledge({ knowledgeDir, dataDir, logger: quietLogger });
    const forced = await openKnowledge({ knowledgeDir, dataDir, logger: quietLogger, rebuild: true });
    expect(forced.stats.builtFresh).toBe(true);
    writeFileSync(join(dataDir, "index", "manifest.json"), "not json");
    const repaired = await openKnowledge({ knowledgeDir, dataDir, logger: quietLogger });
    expect(repaired.stats.builtFresh).toBe(true);
    rmSync(join(dataDir, "index", "hnswlib.index"));
    expect((await openKnowledge({ knowledgeDir, dataDir, logger: quietLogger })).stats.builtFresh).toBe(true);
    expect((await openKnowledge({ knowledgeDir, dataDir, logger: quietLogger })).stats.builtFresh).toBe(false);
    expect((await repaired.knowledge.answer("What is QMAS?", "en")).answered).toBe(true);
  });
});
