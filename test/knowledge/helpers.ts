/** Shared setup of the knowledge tests: the converted GloVe vectors (made once in data/glove) and temp data dirs. */
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { loadGlove, type WordVectors } from "../../src/knowledge/glove.ts";

/** The repository's GloVe cache, converted on first use (slow once, then ~100 ms). */
export const GLOVE_DIR = resolve("data/glove");
/** The project's knowledge folder. */
export const KNOWLEDGE_DIR = resolve("knowledge");

let vectors: WordVectors | undefined;

/** The word vectors, loaded once per test file. */
export function glove(): WordVectors {
  vectors ??= loadGlove(GLOVE_DIR);
  return vectors;
}

/** A fresh data directory that shares the converted GloVe files; `cleanup` removes it. */
export function tempDataDir(): { dir: string; cleanup: () => void } {
  glove();
  const dir = mkdtempSync(join(tmpdir(), "bahk-kb-"));
  symlinkSync(GLOVE_DIR, join(dir, "glove"));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A logger that drops everything. */
export const quietLogger = { debug() {}, info() {}, warn() {}, error() {} };
