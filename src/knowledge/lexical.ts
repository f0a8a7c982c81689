/**
 * Lexical side of retrieval: an inverted index with BM25 candidates, spelling
 * correction against the knowledge vocabulary, and "soft coverage": how much
 * of the question's weight a unit covers, where a word counts fully when its
 * stem appears and partly when a GloVe neighbour does.
 */

import { keepNewest } from "../core/bounded.ts";
import type { WordVectors } from "./glove.ts";
import { editDistance, type Token } from "./text.ts";

interface UnitTerms {
  readonly keys: readonly string[];
  readonly rows: Int32Array;
  readonly length: number;
  /** The indices of its keys that may match another word in part (GloVe words past the most common). */
  readonly soft: Int32Array;
  /** Each key's slot in the index's table of such words (see {@link LexicalIndex.cosines}), or -1. */
  readonly slots: Int32Array;
  /** Each key's idf. */
  readonly idfs: Float64Array;
  /** Their sum. */
  readonly idfTotal: number;
}

/** A question prepared for scoring. */
export interface PreparedQuery {
  readonly tokens: readonly Token[];
  readonly keys: readonly string[];
  readonly rows: Int32Array;
  readonly weights: Float64Array;
  readonly total: number;
  /** The heaviest key's weight. */
  readonly heaviest: number;
  /** Whether unit `u` has key `i`: `has[i * units + u]` (from the postings, once per question). */
  readonly has: Uint8Array;
  readonly cache: Map<number, number>[];
  /** Each key's cosines with the index's words that may match in part, fetched once per question. */
  readonly cos: (Float64Array | undefined)[];
  readonly floor: number;
  /** Its keys, for an exact match at once. */
  readonly keySet: ReadonlySet<string>;
  /** The indices of its keys that may match another word in part (GloVe words past the most common). */
  readonly soft: Int32Array;
}

const COMMON = 1000;
/** How many question words' cosine rows the index keeps (a few kilobytes each). */
const COSINE_ROWS = 512;

/** The indices of rows that may match another word in part: GloVe words past the most common. */
function softIndices(rows: Int32Array): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < rows.length; i++) if ((rows[i] as number) >= COMMON) out.push(i);
  return Int32Array.from(out);
}

/** The weight of a guessed Chinese pair next to a dictionary word. */
const GUESS_WEIGHT = 0.3;
/** English words this frequent (GloVe rank) are too general to show what a question is about. */
const COMMON_FOR_DOMAIN = 300;

/** Similarity of two different words from the cosine of their GloVe vectors: 0 up to `floor`, rising to 0.9 at 0.8. */
export function softSimilarity(cos: number, floor: number): number {
  if (cos >= 0.8) return 0.9;
  return cos <= floor ? 0 : ((cos - floor) / (0.8 - floor)) * 0.9;
}

/** How a unit covers a question. */
export interface CoverageDetail {
  /** Share of the question's weight covered (0..1). */
  readonly coverage: number;
  /** Coverage of the question's key words only (those weighing at least 60% of the heaviest). */
  readonly key: number;
}

/**
 * The indices of the `k` largest values, largest first, of all indices or those `among` (in their
 * order): a partial selection, not a sort of all; equal values keep their order.
 */
export function topIndices(values: Float64Array, k: number, among?: readonly number[]): number[] {
  const top: number[] = [];
  const n = among ? among.length : values.length;
  for (let at = 0; at < n; at++) {
    const u = among ? (among[at] as number) : at;
    const x = values[u] as number;
    if (top.length === k && x <= (values[top[k - 1] as number] as number)) continue;
    let i = top.length === k ? k - 1 : top.length;
    while (i > 0 && (values[top[i - 1] as number] as number) < x) i--;
    top.splice(i, 0, u);
    if (top.length > k) top.pop();
  }
  return top;
}

/** The lexical index over the retrieval units. */
export class LexicalIndex {
  private readonly units: UnitTerms[] = [];
  private readonly df = new Map<string, number>();
  /** Each known key's {@link idf}, computed once: the index does not change after it is built. */
  private readonly idfs = new Map<string, number>();
  private readonly postings = new Map<string, number[]>();
  /** Surface word of each English key, for spelling correction. */
  private readonly surface = new Map<string, Token>();
  /** The same words by length, so that a correction only looks at words of a similar length. */
  private readonly byLength = new Map<number, Token[]>();
  private avgLength = 1;
  /** Scratch for {@link candidates}: each unit's score, and whether a query has touched it yet. */
  private readonly scratch: Float64Array;
  private readonly seen: Uint8Array;
  /** The slot of each GloVe row past the most common words that some unit has. */
  private readonly slotOf = new Map<number, number>();
  /** The row of each slot. */
  private readonly slotRows: number[] = [];
  /**
   * Cosines of a question word (its GloVe row) with every slot's word, computed when first
   * needed (NaN until then) and kept for the next questions: the words of one message are
   * scored several times over (its parts, the whole, with and without the conversation).
   */
  private readonly cosineRows = new Map<number, Float64Array>();

  constructor(
    private readonly vectors: WordVectors,
    unitTokens: readonly (readonly Token[])[],
    private readonly rowOf: (t: Token) => number,
  ) {
    let total = 0;
    unitTokens.forEach((tokens, u) => {
      const first = new Map<string, Token>();
      for (const t of tokens) {
        if (!first.has(t.key)) first.set(t.key, t);
        if (!t.han && !this.surface.has(t.key)) this.surface.set(t.key, t);
      }
      const keys = [...first.keys()];
      const rows = Int32Array.from(first.values(), (t) => rowOf(t));
      const slots = Int32Array.from(rows, (row) => (row >= COMMON ? this.slot(row) : -1));
      for (const k of keys) {
        this.df.set(k, (this.df.get(k) ?? 0) + 1);
        let p = this.postings.get(k);
        if (!p) {
          p = [];
          this.postings.set(k, p);
        }
        p.push(u);
      }
      this.units.push({
        keys,
        rows,
        length: tokens.length,
        soft: softIndices(rows),
        slots,
        idfs: new Float64Array(keys.length),
        idfTotal: 0,
      });
      total += tokens.length;
    });
    this.avgLength = Math.max(1, total / Math.max(1, unitTokens.length));
    this.scratch = new Float64Array(unitTokens.length);
    this.seen = new Uint8Array(unitTokens.length);
    for (const [key, df] of this.df) this.idfs.set(key, this.idfOf(df));
    // Each unit's idfs once every unit is counted (the units' reverse coverage weighs its words by them).
    this.units = this.units.map((u) => {
      const idfs = Float64Array.from(u.keys, (k) => this.idf(k));
      return { ...u, idfs, idfTotal: idfs.reduce((a, b) => a + b, 0) };
    });
    for (const t of this.surface.values()) {
      const list = this.byLength.get(t.word.length) ?? [];
      list.push(t);
      this.byLength.set(t.word.length, list);
    }
  }

  private slot(row: number): number {
    let s = this.slotOf.get(row);
    if (s === undefined) {
      s = this.slotRows.length;
      this.slotOf.set(row, s);
      this.slotRows.push(row);
    }
    return s;
  }

  /** The cosines of a question word's row with every slot's word (see {@link cosineRows}). */
  private cosines(q: PreparedQuery, i: number): Float64Array {
    let c = q.cos[i];
    if (c) return c;
    const row = q.rows[i] as number;
    c = this.cosineRows.get(row);
    if (!c) {
      c = new Float64Array(this.slotRows.length).fill(Number.NaN);
      this.cosineRows.set(row, c);
      keepNewest(this.cosineRows, COSINE_ROWS);
    }
    q.cos[i] = c;
    return c;
  }

  /** {@link sim} of a question word and a unit's word past the most common ones, by the word's slot. */
  private softSim(q: PreparedQuery, i: number, slot: number): number {
    const c = this.cosines(q, i);
    let cos = c[slot] as number;
    if (Number.isNaN(cos)) {
      cos = this.vectors.cosine(q.rows[i] as number, this.slotRows[slot] as number);
      c[slot] = cos;
    }
    return softSimilarity(cos, q.floor);
  }

  /** How many units. */
  get size(): number {
    return this.units.length;
  }

  /** Whether any unit has a word (by its key). */
  has(key: string): boolean {
    return this.df.has(key);
  }

  /**
   * Whether a question names something the knowledge is about: a word found in at least two
   * units that is not one of the most common English words ("association", "QMAS", "捐贈";
   * not "good", "place"). Declined questions without one are out of scope: no hand-off.
   */
  hasDomainTerm(q: PreparedQuery): boolean {
    return q.tokens.some((t, i) => {
      if ((this.df.get(t.key) ?? 0) < 2) return false;
      if (t.han) return t.key.length >= 2;
      const row = q.rows[i] ?? -1;
      return row < 0 || row >= COMMON_FOR_DOMAIN;
    });
  }

  /**
   * BM25 inverse document frequency. A word no unit has weighs like the rarest known word: it
   * lowers every match alike (the knowledge may not cover the question), but a different
   * wording ("發佈" for "公佈") must not outweigh the words that do match.
   */
  idf(key: string): number {
    return this.idfs.get(key) ?? this.idfOf(1);
  }

  private idfOf(df: number): number {
    const n = this.units.length;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Replaces misspelt English words by the closest word of the knowledge (edit distance 1, or 2 for long words). */
  correct(tokens: readonly Token[]): Token[] {
    return tokens.map((t) => {
      if (t.han || this.df.has(t.key) || t.word.length < 4 || /\d/.test(t.word)) return t;
      const row = this.vectors.id(t.word);
      if (row >= 0 && row < 60_000) return t; // a common English word, not a typo
      const max = t.word.length >= 8 ? 2 : 1;
      let best: Token | undefined;
      let bestScore = -1;
      const w = t.word;
      for (let len = w.length - max; len <= w.length + max; len++) {
        for (const cand of this.byLength.get(len) ?? []) {
          // A typo rarely hits both of the first two letters.
          if (cand.word[0] !== w[0] && cand.word[1] !== w[1]) continue;
          const d = editDistance(w, cand.word, max);
          if (d > max) continue;
          const score = (max + 1 - d) * 1_000_000 + (this.df.get(cand.key) ?? 0);
          if (score > bestScore) {
            bestScore = score;
            best = cand;
          }
        }
      }
      return best ?? t;
    });
  }

  /**
   * Prepares a (corrected) question: its keys, GloVe rows and weights. Keys in `context` only
   * (the question a follow-up leans on) weigh `contextWeight` times as much as the member's own words.
   */
  prepare(
    tokens: readonly Token[],
    floor = 0.55,
    idfPower = 1,
    context: ReadonlySet<string> = new Set(),
    contextWeight = 1,
    unknownWeight = 1,
  ): PreparedQuery {
    const seen = new Map<string, Token>();
    for (const t of tokens) if (!seen.has(t.key)) seen.set(t.key, t);
    const uniq = [...seen.values()];
    const rows = new Int32Array(uniq.length);
    const weights = new Float64Array(uniq.length);
    let total = 0;
    uniq.forEach((t, i) => {
      const row = this.rowOf(t);
      rows[i] = row;
      // Single Chinese characters are weak evidence next to bigrams.
      const generic =
        row >= 0 ? this.vectors.sif(row) : t.han && t.key.length === 1 ? 0.12 : t.guess ? GUESS_WEIGHT : 1;
      weights[i] =
        this.idf(t.key) ** idfPower *
        generic *
        (context.has(t.key) ? contextWeight : 1) *
        (this.df.has(t.key) ? 1 : unknownWeight);
      total += weights[i] ?? 0;
    });
    const keys = uniq.map((t) => t.key);
    const n = this.units.length;
    const has = new Uint8Array(keys.length * n);
    keys.forEach((key, i) => {
      for (const u of this.postings.get(key) ?? []) has[i * n + u] = 1;
    });
    let heaviest = 0;
    for (const w of weights) heaviest = Math.max(heaviest, w);
    return {
      tokens: uniq,
      keys,
      rows,
      weights,
      total,
      heaviest,
      has,
      cache: uniq.map(() => new Map<number, number>()),
      cos: uniq.map(() => undefined),
      floor,
      keySet: new Set(keys),
      soft: softIndices(rows),
    };
  }

  /** The `k` best units by BM25 on exact keys. */
  candidates(q: PreparedQuery, k: number): number[] {
    // Scores summed in a buffer kept for every call (a query touches few units); the units in the
    // order first touched, which ties keep.
    const scores = this.scratch;
    const touched: number[] = [];
    const k1 = 1.2;
    const b = 0.75;
    for (let i = 0; i < q.keys.length; i++) {
      const idf = q.weights[i] ?? 0;
      for (const u of this.postings.get(q.keys[i] as string) ?? []) {
        const len = this.units[u]?.length ?? 1;
        const s = (idf * (k1 + 1)) / (1 + k1 * (1 - b + (b * len) / this.avgLength));
        if (!this.seen[u]) {
          this.seen[u] = 1;
          touched.push(u);
          scores[u] = 0;
        }
        scores[u] = (scores[u] as number) + s;
      }
    }
    for (const u of touched) this.seen[u] = 0;
    return topIndices(scores, k, touched);
  }

  private sim(q: PreparedQuery, i: number, key: string, row: number): number {
    if (q.keys[i] === key) return 1;
    const qr = q.rows[i] ?? -1;
    // Very common words have broad, noisy neighbourhoods ("start" ~ "year"): they match only exactly.
    if (qr < COMMON || row < COMMON) return 0;
    const cache = q.cache[i];
    const hit = cache?.get(row);
    if (hit !== undefined) return hit;
    const s = softSimilarity(this.vectors.cosine(qr, row), q.floor);
    cache?.set(row, s);
    return s;
  }

  /** How much of the question's weight a unit covers, overall and on the key words. */
  coverage(q: PreparedQuery, unit: number): CoverageDetail {
    const u = this.units[unit];
    if (!u || q.total === 0) return { coverage: 0, key: 0 };
    let got = 0;
    const max = q.heaviest;
    const n = this.units.length;
    let keyGot = 0;
    let keyTotal = 0;
    for (let i = 0; i < q.keys.length; i++) {
      // The same word counts fully; another only in part, and only when both are past the most
      // common words (see `sim`): the unit's other words are not read.
      let best = 0;
      if (q.has[i * n + unit] === 1) best = 1;
      else if ((q.rows[i] ?? -1) >= COMMON)
        for (let k = 0; k < u.soft.length; k++) {
          const s = this.softSim(q, i, u.slots[u.soft[k] as number] as number);
          if (s > best) best = s;
        }
      const w = q.weights[i] ?? 0;
      got += best * w;
      if (w >= 0.6 * max) {
        keyGot += best * w;
        keyTotal += w;
      }
    }
    return { coverage: got / q.total, key: keyTotal === 0 ? 0 : keyGot / keyTotal };
  }

  /** Share of a unit's own weight covered by the question (0..1): high when a phrasing is asked nearly verbatim. */
  reverseCoverage(q: PreparedQuery, unit: number): number {
    const u = this.units[unit];
    if (!u || u.keys.length === 0) return 0;
    let got = 0;
    for (let j = 0; j < u.keys.length; j++) {
      let best = 0;
      if (q.keySet.has(u.keys[j] as string)) best = 1;
      else {
        const slot = u.slots[j] as number;
        if (slot >= 0)
          for (let k = 0; k < q.soft.length; k++) best = Math.max(best, this.softSim(q, q.soft[k] as number, slot));
      }
      got += best * (u.idfs[j] as number);
    }
    return u.idfTotal === 0 ? 0 : got / u.idfTotal;
  }

  /** Soft coverage of the question by an arbitrary analysed text (a sentence), for picking answer sentences. */
  coverageOf(q: PreparedQuery, tokens: readonly Token[]): number {
    if (q.total === 0) return 0;
    let got = 0;
    for (let i = 0; i < q.keys.length; i++) {
      let best = 0;
      for (const t of tokens) best = Math.max(best, this.sim(q, i, t.key, this.rowOf(t)));
      got += best * (q.weights[i] ?? 0);
    }
    return got / q.total;
  }
}
