import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { convertGlove, GLOVE_ASSETS, GLOVE_WORDS, loadGlove } from "../../src/knowledge/glove.ts";

describe("the shipped word vectors", () => {
  it("load from assets/glove without converting into the data directory", () => {
    const dir = join(tmpdir(), `bahk-glove-unused-${process.pid}`);
    const g = loadGlove(dir);
    expect(existsSync(dir)).toBe(false);
    expect(g.count).toBe(GLOVE_WORDS);
    expect(g.dims).toBe(100);
    expect(g.word(0)).toBe("the");
    for (const w of ["internship", "apprenticeship", "stablecoin", "townhall", "blockchain"]) {
      const row = g.id(w);
      if (row >= 0) expect(g.word(row)).toBe(w);
    }
    expect(g.id("internship")).toBeGreaterThan(0);
    expect(g.id("not-a-word-at-all")).toBe(-1);
    // Rows are unit vectors scaled by 127.
    for (const row of [0, 1000, GLOVE_WORDS - 1]) expect(g.cosine(row, row)).toBeCloseTo(1, 1);
    expect(g.cosine(g.id("internship"), g.id("apprenticeship"))).toBeGreaterThan(
      g.cosine(g.id("internship"), g.id("quota")),
    );
  });

  it("give each pair's cosine exactly as the plain sum of the rows' products", () => {
    const g = loadGlove(join(tmpdir(), `bahk-glove-unused-${process.pid}`));
    for (let k = 0; k < 500; k++) {
      const a = (k * 7919) % GLOVE_WORDS;
      const b = (k * 104_729 + 13) % GLOVE_WORDS;
      let sum = 0;
      for (let i = 0; i < g.dims; i++) sum += (g.data[a * g.dims + i] ?? 0) * (g.data[b * g.dims + i] ?? 0);
      expect(g.cosine(a, b)).toBe(sum / (127 * 127));
    }
  });

  it("match a fresh conversion of the npm package (else run `npm run build-vectors`)", () => {
    const dir = mkdtempSync(join(tmpdir(), "bahk-glove-"));
    try {
      convertGlove(dir);
      for (const f of ["meta.json", "vocab.txt", "offsets.i32", "sorted.i32", "vectors.i8"]) {
        expect(readFileSync(join(dir, f)).equals(readFileSync(join(GLOVE_ASSETS, f))), f).toBe(true);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
