/** Shared setup of the knowledge tests: the GloVe vectors (shipped in assets/glove) and temp data dirs. */
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { loadGlove, type WordVectors } from "../../src/knowledge/glove.ts";

/** Where the vectors are converted only when assets/glove is missing. */
export const GLOVE_DIR = resolve("data/glove");
/** The project's knowledge folder. */
export const KNOWLEDGE_DIR = resolve("knowledge");

let vectors: WordVectors | undefined;

/** The word vectors, loaded once per test file. */
export function glove(): WordVectors {
  vectors ??= loadGlove(GLOVE_DIR);
  return vectors;
}

/** A fresh data directory (sharing data/glove, used only when assets/glove is missing); `cleanup` removes it. */
export function tempDataDir(): { dir: string; cleanup: () => void } {
  glove();
  const dir = mkdtempSync(join(tmpdir(), "bahk-kb-"));
  symlinkSync(GLOVE_DIR, join(dir, "glove"));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A logger that drops everything. */
export const quietLogger = { debug() {}, info() {}, warn() {}, error() {} };
