/**
 * Retrieval and answering. Units (FAQ question phrasings, FAQ answers and
 * document passages) are found through the HNSW index and the lexical index,
 * scored by soft coverage, reverse coverage and embedding cosine, and the best
 * FAQ entry or passage answers when its score clears the calibrated threshold.
 */
import type { Answer, Embedder, KnowledgeBase } from "../core/ports.ts";
import type { SourceRef } from "../core/replies.ts";
import type { Lang } from "../core/types.ts";
import { expectation, satisfies } from "./answer-checks.ts";
import type { FaqEntry, Passage } from "./documents.ts";
import type { LexicalIndex, PreparedQuery } from "./lexical.ts";
import { LocalEmbedder } from "./local-embedder.ts";
import { KB_TEXT } from "./messages.ts";
import { analyse, sentences, type Token } from "./text.ts";

/** A unit of retrieval. */
export interface Unit {
  readonly kind: "faq-q" | "faq-a" | "passage";
  /** FAQ entry id or passage id. */
  readonly ref: string;
  readonly lang: Lang;
  readonly text: string;
}

/** Nearest-neighbour search over the unit vectors (the HNSW index). */
export interface VectorSearch {
  search(vector: readonly number[], k: number): Promise<{ unit: number; cosine: number }[]>;
  cosine(vector: readonly number[], unit: number): number;
}

/** Scoring weights and the decision threshold; `calibrated` comes from eval/calibrate.ts. */
export interface Tuning {
  readonly coverage: number;
  readonly reverse: number;
  readonly dense: number;
  /** Multiplier of passage scores (they are longer and less precise than curated answers). */
  readonly passage: number;
  /** GloVe cosine below which two different words do not match at all. */
  readonly softFloor: number;
  /** Exponent of the inverse document frequency in the question's word weights: above 1, rare words dominate. */
  readonly idfPower: number;
  /** How much an uncovered key word of the question lowers the score (0..1). */
  readonly keyPenalty: number;
  readonly threshold: number;
}

/** The tuning calibrated on eval/questions.jsonl (see eval/calibrate.ts and BENCHMARKS). */
export const DEFAULT_TUNING: Tuning = {
  coverage: 0.5,
  reverse: 0.1,
  dense: 0.35,
  passage: 0.9,
  softFloor: 0.5,
  idfPower: 1.5,
  keyPenalty: 0,
  threshold: 0.45,
};

/** What a question retrieved, before the decision: for the answer and for calibration. */
export interface Retrieval {
  readonly best?: { readonly kind: "faq" | "passage"; readonly ref: string; readonly score: number };
  readonly query: PreparedQuery;
}

const MAX_QUESTION_CHARS = 1000;
const MAX_ANSWER_CHARS = 900;

/** Answers questions from FAQ entries and passages. */
export class LocalKnowledgeBase implements KnowledgeBase {
  private readonly faqById: Map<string, FaqEntry>;
  private readonly passageById: Map<string, Passage>;
  private readonly titleByPath = new Map<string, string>();

  constructor(
    readonly units: readonly Unit[],
    private readonly lexical: LexicalIndex,
    private readonly vectors: VectorSearch,
    private readonly embedder: Embedder,
    faq: readonly FaqEntry[],
    passages: readonly Passage[],
    private readonly knowledgeFolder: string,
    public tuning: Tuning = DEFAULT_TUNING,
  ) {
    this.faqById = new Map(faq.map((e) => [e.id, e]));
    this.passageById = new Map(passages.map((p) => [p.id, p]));
    for (const p of passages) this.titleByPath.set(p.path, p.title);
  }

  /** Finds the best FAQ entry or passage for a question, with its score. */
  async retrieve(question: string, tuning: Tuning = this.tuning): Promise<Retrieval> {
    const text = question.slice(0, MAX_QUESTION_CHARS);
    let tokens = this.lexical.correct(analyse(text));
    // A question made only of function words ("What can you do?") is matched on those words.
    if (tokens.length === 0) tokens = analyse(text, true);
    const query = this.lexical.prepare(tokens, tuning.softFloor, tuning.idfPower);
    if (query.keys.length === 0) return { query };
    const vector = await this.queryVector(question, tokens);
    const k = Math.min(24, this.units.length);
    const dense = new Map<number, number>();
    for (const hit of await this.vectors.search(vector, k)) dense.set(hit.unit, hit.cosine);
    for (const u of this.lexical.candidates(query, k)) {
      if (!dense.has(u)) dense.set(u, this.vectors.cosine(vector, u));
    }
    let best: Retrieval["best"];
    for (const [u, cos] of dense) {
      const unit = this.units[u];
      if (!unit) continue;
      const { coverage: cov, key } = this.lexical.coverage(query, u);
      const rev = unit.kind === "passage" ? 0 : this.lexical.reverseCoverage(query, u);
      const wRev = unit.kind === "passage" ? 0 : tuning.reverse;
      let score =
        (tuning.coverage * cov + wRev * rev + tuning.dense * Math.max(0, cos)) /
        (tuning.coverage + wRev + tuning.dense);
      score *= 1 - tuning.keyPenalty * (1 - key);
      if (unit.kind === "passage") score *= tuning.passage;
      const kind = unit.kind === "passage" ? "passage" : "faq";
      if (!best || score > best.score) best = { kind, ref: unit.ref, score };
    }
    return best ? { best, query } : { query };
  }

  async answer(question: string, lang: Lang): Promise<Answer> {
    const { best, query } = await this.retrieve(question);
    const confidence = Math.max(0, Math.min(1, best?.score ?? 0));
    const decline = (c: number): Answer => ({
      answered: false,
      text: KB_TEXT.declined[lang],
      sources: [],
      confidence: c,
    });
    if (!best || confidence < this.tuning.threshold) return decline(confidence);
    // The best match must also be the kind of answer asked for (a date for "when", a number for "how many").
    const expect = expectation(question.slice(0, MAX_QUESTION_CHARS));
    if (best.kind === "faq") {
      const e = this.faqById.get(best.ref);
      if (e && !satisfies(expect, `${e.a.en}\n${e.a["zh-HK"]}`))
        return decline(Math.min(confidence, this.tuning.threshold / 2));
      if (e)
        return { answered: true, text: e.a[lang], sources: [this.faqSource(e, lang)], confidence, ref: `faq:${e.id}` };
    }
    const p = this.passageById.get(best.ref);
    if (!p) return decline(confidence);
    const body = this.bestSentences(query, p);
    if (!satisfies(expect, body)) return decline(Math.min(confidence, this.tuning.threshold / 2));
    const note = KB_TEXT.englishOnly[lang];
    return {
      answered: true,
      text: note ? `${note}\n${body}` : body,
      sources: [{ title: p.title, path: this.path(p.path), section: p.section }],
      confidence,
      ref: `passage:${p.id}`,
    };
  }

  private async queryVector(question: string, tokens: readonly Token[]): Promise<number[]> {
    if (this.embedder instanceof LocalEmbedder) return Array.from(this.embedder.embedTokens(tokens));
    return this.embedder.embedQuery(question.slice(0, MAX_QUESTION_CHARS));
  }

  /** The one or two sentences of a passage that cover the question best, in their original order. */
  private bestSentences(query: PreparedQuery, p: Passage): string {
    const all = sentences(p.text);
    const scored = all.map((s, i) => ({ s, i, c: this.lexical.coverageOf(query, analyse(s)) }));
    const ranked = [...scored].sort((a, b) => b.c - a.c);
    const top = ranked[0];
    if (!top) return p.text.slice(0, MAX_ANSWER_CHARS);
    const picked = [top];
    const second = ranked[1];
    if (second && second.c >= top.c * 0.6 && top.s.length + second.s.length < MAX_ANSWER_CHARS) picked.push(second);
    const text = picked
      .sort((a, b) => a.i - b.i)
      .map((x) => x.s)
      .join(" ");
    return text.length > MAX_ANSWER_CHARS ? `${text.slice(0, MAX_ANSWER_CHARS - 1)}…` : text;
  }

  private path(file: string): string {
    return `${this.knowledgeFolder}/${file}`;
  }

  private faqSource(e: FaqEntry, lang: Lang): SourceRef {
    if (e.doc === "bot") return { title: KB_TEXT.botSource[lang], path: this.path("faq.json"), section: e.section };
    return { title: this.titleByPath.get(e.doc) ?? e.doc, path: this.path(e.doc), section: e.section };
  }
}
