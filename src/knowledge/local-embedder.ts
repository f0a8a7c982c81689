/**
 * The offline embedder: a unit vector made of two halves, so that a cosine
 * between two texts is a blend of meaning and wording.
 * - 100 dimensions: the SIF-weighted average of the GloVe vectors of the
 *   English content words (paraphrases: "internship" ~ "apprenticeship").
 * - 256 dimensions: hashed lexical features (stems, Chinese bigrams, and
 *   character trigrams of English words for misspellings).
 * It implements LangChain's `EmbeddingsInterface` and the core's `Embedder`.
 */
import type { Embedder } from "../core/ports.ts";
import type { WordVectors } from "./glove.ts";
import { type Analyzer, analyse, type Token } from "./text.ts";

const HASH_DIMS = 256;
/** Share of the cosine carried by the GloVe half. */
const DENSE_SHARE = 0.5;

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

function normalise(v: Float64Array): boolean {
  let n = 0;
  for (const x of v) n += x * x;
  if (n === 0) return false;
  const k = 1 / Math.sqrt(n);
  for (let i = 0; i < v.length; i++) v[i] = (v[i] ?? 0) * k;
  return true;
}

/** Offline embedder over GloVe vectors and hashed lexical features. */
export class LocalEmbedder implements Embedder {
  /** Recorded in the index manifest: a change rebuilds the index. */
  readonly id = `local-hybrid-v1:glove${100}+hash${HASH_DIMS}`;
  readonly dims: number;

  constructor(
    readonly vectors: WordVectors,
    /** How texts become tokens (with the knowledge's thesaurus). */
    readonly analyze: Analyzer = analyse,
  ) {
    this.dims = vectors.dims + HASH_DIMS;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => toArray(this.embedTokens(this.analyze(t))));
  }

  async embedQuery(text: string): Promise<number[]> {
    return toArray(this.embedTokens(this.analyze(text)));
  }

  /** The vector of already analysed (and possibly spell-corrected) tokens. */
  embedTokens(tokens: readonly Token[]): Float64Array {
    const g = this.vectors;
    const dense = new Float64Array(g.dims);
    const lex = new Float64Array(HASH_DIMS);
    for (const tok of tokens) {
      if (tok.han) {
        lex[hash(tok.key) % HASH_DIMS] = (lex[hash(tok.key) % HASH_DIMS] ?? 0) + 1;
        continue;
      }
      const row = this.row(tok);
      const w = row >= 0 ? g.sif(row) : 1;
      if (row >= 0) g.addTo(dense, row, w);
      const slot = hash(tok.key) % HASH_DIMS;
      lex[slot] = (lex[slot] ?? 0) + w;
      const padded = `#${tok.word}#`;
      for (let i = 0; i + 3 <= padded.length; i++) {
        const s = hash(padded.slice(i, i + 3)) % HASH_DIMS;
        lex[s] = (lex[s] ?? 0) + 0.15 * w;
      }
    }
    const hasDense = normalise(dense);
    const hasLex = normalise(lex);
    const out = new Float64Array(this.dims);
    const kd = hasDense && hasLex ? Math.sqrt(DENSE_SHARE) : 1;
    const kl = hasDense && hasLex ? Math.sqrt(1 - DENSE_SHARE) : 1;
    for (let i = 0; i < g.dims; i++) out[i] = (dense[i] ?? 0) * kd;
    for (let i = 0; i < HASH_DIMS; i++) out[g.dims + i] = (lex[i] ?? 0) * kl;
    return out;
  }

  /** The GloVe row of a token: its surface word, else its stem, else -1. */
  row(tok: Token): number {
    if (tok.han) return -1;
    const r = this.vectors.id(tok.word);
    return r >= 0 ? r : this.vectors.id(tok.key);
  }
}

/**
 * A vector as a plain array, copied by index: `Array.from` walks a typed array with an iterator,
 * allocating a result per element (about a fifth of what answering a message allocated).
 */
export function toArray(v: Float64Array): number[] {
  const out = new Array<number>(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v[i] ?? 0;
  return out;
}
