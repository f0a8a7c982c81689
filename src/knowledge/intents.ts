/**
 * Intents: what members ask the bot to do, declared as data in
 * knowledge/intents.json (example phrasings in English and Chinese). A
 * nearest-neighbour classifier over the same lexical scorer and embedder as
 * the answers compares a message with every example, function words and
 * numbers included ("I want to…", "we have 300…" say what is wanted), and
 * returns the closest intent. The `none` intent holds requests the bot does
 * not serve, so that they are recognised instead of matched to something else.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import type { IntentMatch } from "../core/ports.ts";
import type { Lang } from "../core/types.ts";
import { LexicalIndex, topIndices } from "./lexical.ts";
import type { LocalEmbedder } from "./local-embedder.ts";
import { clauses, LONG_WORDS, questionSentences, wordCount } from "./message-parts.ts";
import { type Analyzer, analyse, caseless, SOMEONE_OF_MINE, type Token } from "./text.ts";

const perLang = <T extends z.ZodType>(item: T) => z.object({ en: z.array(item), "zh-HK": z.array(item) });
const intentSchema = z.object({
  name: z.string().regex(/^[a-z]{2,20}$/),
  command: z.string().optional(),
  args: z.union([z.boolean(), z.literal("title")]).optional(),
  examples: perLang(z.string().min(1)),
  /** Regular expressions that decide the intent outright (case-insensitive): the plainest attacks and abuse. */
  patterns: z.array(z.string().min(1)).optional(),
  /**
   * Like `patterns`, but tested only where a message asks (see {@link askedPart}): subjects outside the
   * association's (a flight, a sore throat), which a long story mentions in passing before its question.
   */
  topics: z.array(z.string().min(1)).optional(),
  /**
   * Combinations of concepts (see the file's `concepts`) that express the intent in any wording; a
   * concept written `!name` must be absent ("the agenda" and "see" without asking to put something on it).
   */
  when: z.array(z.array(z.string().min(1)).min(1)).optional(),
  /**
   * Concepts of which a message resembling the examples must speak of one ("my", "status" for one's
   * own offers: "…有冇收集點可以直接拎過去放低？" asks where to drop goods off, not for one's offers).
   */
  needs: z.array(z.string().min(1)).optional(),
  replies: perLang(z.string().min(1)).optional(),
});
const fileSchema = z.object({
  filler: perLang(z.string().min(1)),
  slang: z.record(z.string(), z.string()).default({}),
  concepts: z.record(z.string(), z.array(z.string().min(1))).default({}),
  /** The association's subjects (regular expressions): a question naming one is the organisers' business. */
  subjects: z.array(z.string().min(1)).default([]),
  intents: z.array(intentSchema).min(1),
});

/** One declared intent. */
export type IntentSpec = z.infer<typeof intentSchema>;
/** The parsed intents file. */
export type IntentsFile = z.infer<typeof fileSchema>;

/** Reads and validates knowledge/intents.json. */
export function loadIntents(path: string): IntentsFile {
  const parsed = fileSchema.parse(JSON.parse(readFileSync(path, "utf8")));
  const names = new Set<string>();
  for (const i of parsed.intents) {
    if (names.has(i.name)) throw new Error(`duplicate intent ${i.name}`);
    names.add(i.name);
  }
  return parsed;
}

/** Tokens of a message for intent matching: function words kept, every number one token. */
export function intentTokens(text: string, analyze: Analyzer = analyse): Token[] {
  return analyze(text, true).map((t) => (/^\d/.test(t.word) ? { word: "#num", key: "#num", han: false } : t));
}

/** The score of an intent recognised by its concepts: above most example matches, below a pattern. */
const CONCEPT_SCORE = 0.75;

/** Words by which a message speaks of the member, or to the bot. */
const PERSONAL = /\b(i|i'm|i've|i'd|me|my|mine|we|we're|we've|our|us|you|your|you're)\b|我|你|您|本人|自己|我哋|你哋/iu;
const OF_MINE = new RegExp(SOMEONE_OF_MINE.source, "giu");
/** Whether a message speaks of the member or the bot ("my data"), not only of someone of theirs ("my cousin"). */
const personalIn = (text: string) => PERSONAL.test(text.replace(OF_MINE, " "));

/** The weight of a function word in a message, relative to a content word. */
const STOP_WEIGHT = 0.3;

/** How many examples are scored in full: the closest by vectors, and as many sharing the most words. */
const CANDIDATES = 24;

/** Weights of the three similarities in an example's score. */
const W = { coverage: 0.45, reverse: 0.35, dense: 0.2 };

/** A question for a fact: who, what, when, where, which, how many (not "how do I…", "who do I give them to?"). */
const FACT_QUESTION =
  /^(?:who|whom|whose|what|when|where|which|how (?:many|much|long|often|old))\b(?!\s+(?:do|should|can|could|shall) (?:i|we)\b)/i;

/**
 * The parts of a message read for concepts: the whole of a short one; of a long one, pairs of
 * adjacent clauses, or only its last sentence when that asks for a fact.
 */
function conceptWindows(text: string): string[] {
  if (wordCount(text) < LONG_WORDS) return [text];
  const clauses = text
    .split(/[.?!;…。？！；]+|,\s*|，|\s[-–—]+\s/u)
    .map((c) => c.trim())
    .filter(Boolean);
  // A long story that ends in a question for a fact ("…Who is launching that platform?") asks that.
  const last =
    text
      .split(/(?<=[.!?。！？])\s*/u)
      .filter((x) => x.trim())
      .at(-1) ?? "";
  if (/[?？]\s*$/u.test(last) && FACT_QUESTION.test(last.trim())) return [last];
  if (clauses.length < 2) return [text];
  return clauses.slice(0, -1).map((c, i) => `${c}, ${clauses[i + 1]}`);
}

/**
 * Where a message asks: the whole of a short one; in a long story, its question sentences, or else
 * its last clause ("…on a long flight to London… how many banks were part of that platform?").
 */
export function askedPart(text: string): string {
  if (wordCount(text) < LONG_WORDS) return text;
  const asks = questionSentences(text);
  if (asks.length > 0) return asks.join(" ");
  return clauses(text).at(-1) ?? text;
}

/** Nearest-neighbour intent classifier. */
export class IntentClassifier {
  private readonly lexical: LexicalIndex;
  /** Every example's vector, one after another in one array (`dims` numbers each): read in one pass. */
  private readonly matrix: Float64Array;
  private readonly dims: number;
  private readonly owners: IntentSpec[] = [];
  private readonly patterns: { spec: IntentSpec; re: RegExp }[];
  private readonly topics: { spec: IntentSpec; re: RegExp }[];

  private readonly concepts = new Map<string, RegExp[]>();

  /** The concepts whose presence rules an intent out however alike its examples ("in Bitcoin" for goods). */
  private readonly vetoes = new Map<IntentSpec, string[]>();

  constructor(
    readonly intents: readonly IntentSpec[],
    private readonly embedder: LocalEmbedder,
    concepts: Readonly<Record<string, readonly string[]>> = {},
  ) {
    for (const [name, res] of Object.entries(concepts))
      this.concepts.set(
        name,
        res.map((r) => caseless(r)),
      );
    for (const spec of intents)
      for (const c of [...(spec.when ?? []).flat(), ...(spec.needs ?? [])].map((c) => c.replace(/^!/, "")))
        if (!this.concepts.has(c)) throw new Error(`intent ${spec.name} uses unknown concept ${c}`);
    for (const spec of intents) {
      // A concept every one of an intent's conditions must lack ("!moneygift" for an offer of goods).
      const gates = spec.when ?? [];
      const lacking = gates.length > 0 ? gates.map((all) => all.filter((c) => c.startsWith("!"))) : [];
      const always = lacking[0]?.filter((c) => lacking.every((l) => l.includes(c))).map((c) => c.slice(1)) ?? [];
      if (always.length > 0) this.vetoes.set(spec, always);
    }
    // A request the bot never serves is one however politely it ends ("…send me the donors' numbers, 唔該晒"):
    // the `none` intent's patterns are tried before the greetings', thanks' and small talk's.
    const declinedFirst = [...intents].sort((a, b) => Number(b.name === "none") - Number(a.name === "none"));
    this.patterns = declinedFirst.flatMap((spec) => (spec.patterns ?? []).map((p) => ({ spec, re: caseless(p) })));
    this.topics = intents.flatMap((spec) => (spec.topics ?? []).map((p) => ({ spec, re: caseless(p) })));
    const tokens: Token[][] = [];
    for (const intent of intents) {
      for (const lang of ["en", "zh-HK"] as const) {
        for (const ex of intent.examples[lang]) {
          tokens.push(intentTokens(ex, embedder.analyze));
          this.owners.push(intent);
        }
      }
    }
    this.lexical = new LexicalIndex(embedder.vectors, tokens, (t) => embedder.row(t));
    const vectors = tokens.map((t) => embedder.embedTokens(t));
    this.dims = embedder.dims;
    this.matrix = new Float64Array(vectors.length * this.dims);
    vectors.forEach((v, u) => this.matrix.set(v.subarray(0, this.dims), u * this.dims));
  }

  /**
   * The intent of a message and its score: a pattern decides outright (1); a combination of
   * concepts scores {@link CONCEPT_SCORE}; otherwise the closest examples decide.
   */
  classify(text: string, patterned?: { text: string; match: IntentMatch | undefined }): IntentMatch | undefined {
    const personal = personalIn(text);
    // The patterns' verdict on this very text, when the caller already has it.
    if (patterned?.text === text) {
      if (patterned.match) return patterned.match;
    } else {
      const decided = this.decided(text, personal);
      if (decided) return decided;
    }
    // Concepts say in so many words what is wanted; examples only resemble it.
    return this.byConcepts(text, personal) ?? this.nearest(text, personal);
  }

  /** The intent a pattern decides outright (attacks, greetings, thanks, small talk), if any. */
  byPattern(text: string): IntentMatch | undefined {
    return this.decided(text, personalIn(text));
  }

  /** The intent a pattern decides outright, or a topic where the message asks. */
  private decided(text: string, personal: boolean): IntentMatch | undefined {
    for (const { spec, re } of this.patterns) if (re.test(text)) return toMatch(spec, 1, "pattern", personal);
    if (this.topics.length === 0) return undefined;
    const asked = askedPart(text);
    for (const { spec, re } of this.topics) if (re.test(asked)) return toMatch(spec, 1, "pattern", personal);
    return undefined;
  }

  /**
   * The first intent (in file order) one of whose concept combinations the text has entirely; in a
   * long message, within a clause or two ("she doesn't have a job offer" and "distributed ledger
   * stuff" far apart are no offer of goods).
   */
  private byConcepts(text: string, personal: boolean): IntentMatch | undefined {
    // Which concepts a text speaks of, each looked up once.
    const mentioning = (part: string) => {
      const has = new Map<string, boolean>();
      return (c: string) => {
        let v = has.get(c);
        if (v === undefined) {
          v = this.mentions(c, part);
          has.set(c, v);
        }
        return v;
      };
    };
    const windows = conceptWindows(text);
    // In a long story, what its question asks rules an intent out in every clause too ("…members
    // discuss industry issues - how often do those happen?" asks how often, proposes nothing).
    const asked = windows.length > 1 || windows[0] !== text ? mentioning(askedPart(text)) : () => false;
    for (const window of windows) {
      const present = mentioning(window);
      for (const spec of this.intents) {
        const holds = (c: string) => (c.startsWith("!") ? !present(c.slice(1)) && !asked(c.slice(1)) : present(c));
        if (spec.when?.some((all) => all.every(holds))) return toMatch(spec, CONCEPT_SCORE, "concepts", personal);
      }
    }
    return undefined;
  }

  /** Whether a text speaks of a concept (any of its patterns). */
  private mentions(concept: string, text: string): boolean {
    return (this.concepts.get(concept) ?? []).some((re) => re.test(text));
  }

  private nearest(text: string, personal: boolean): IntentMatch | undefined {
    const tokens = this.lexical.correct(intentTokens(text, this.embedder.analyze));
    if (tokens.length === 0) return undefined;
    // Function words say how something is asked ("I want to…"), content words what it is about: they weigh more.
    const stops = new Set(tokens.filter((t) => t.stop).map((t) => t.key));
    const query = this.lexical.prepare(tokens, 0.5, 1, stops, STOP_WEIGHT);
    const v = this.embedder.embedTokens(tokens);
    // The closest examples by the vectors, and those sharing words: only they are scored in full.
    const dots = this.dots(v);
    const byDot = topIndices(dots, CANDIDATES);
    let best: { spec: IntentSpec; score: number } | undefined;
    // Whether a concept rules the intent out, found once per intent (its examples are many).
    const vetoed = new Map<IntentSpec, boolean>();
    const ruledOut = (spec: IntentSpec) => {
      let v = vetoed.get(spec);
      if (v === undefined) {
        v =
          (this.vetoes.get(spec) ?? []).some((c) => this.mentions(c, text)) ||
          (spec.needs !== undefined && !spec.needs.some((c) => this.mentions(c, text)));
        vetoed.set(spec, v);
      }
      return v;
    };
    for (const u of new Set([...byDot, ...this.lexical.candidates(query, CANDIDATES)])) {
      const spec = this.owners[u];
      if (!spec || ruledOut(spec)) continue;
      const cov = this.lexical.coverage(query, u).coverage;
      const rev = this.lexical.reverseCoverage(query, u);
      const score = W.coverage * cov + W.reverse * rev + W.dense * Math.max(0, dots[u] ?? 0);
      if (!best || score > best.score) best = { spec, score };
    }
    if (!best) return undefined;
    return toMatch(best.spec, best.score, "examples", personal);
  }

  /**
   * The dot product of a vector with every example's, in one pass over the matrix. A message's
   * vector is mostly zeros in its hashed half (a few words' slots): only its non-zero entries are read.
   */
  private dots(v: Float64Array): Float64Array {
    const d = this.dims;
    const m = this.matrix;
    const n = m.length / d;
    let count = 0;
    for (let i = 0; i < d; i++) if (v[i] !== 0) count++;
    const at = new Int32Array(count);
    const val = new Float64Array(count);
    for (let i = 0, k = 0; i < d; i++) {
      const x = v[i] as number;
      if (x !== 0) {
        at[k] = i;
        val[k++] = x;
      }
    }
    const out = new Float64Array(n);
    const c4 = count - (count % 4);
    for (let u = 0, row = 0; u < n; u++, row += d) {
      let a = 0;
      let b = 0;
      let c = 0;
      let e = 0;
      let k = 0;
      for (; k < c4; k += 4) {
        a += (m[row + (at[k] as number)] as number) * (val[k] as number);
        b += (m[row + (at[k + 1] as number)] as number) * (val[k + 1] as number);
        c += (m[row + (at[k + 2] as number)] as number) * (val[k + 2] as number);
        e += (m[row + (at[k + 3] as number)] as number) * (val[k + 3] as number);
      }
      for (; k < count; k++) a += (m[row + (at[k] as number)] as number) * (val[k] as number);
      out[u] = a + b + c + e;
    }
    return out;
  }

  /** The declared intent of a name, as a match of the given score. */
  named(name: string, score: number): IntentMatch | undefined {
    const spec = this.intents.find((i) => i.name === name);
    return spec ? toMatch(spec, score, "pattern", true) : undefined;
  }
}

function toMatch(spec: IntentSpec, score: number, via: IntentMatch["via"], personal: boolean): IntentMatch {
  return {
    name: spec.name,
    score,
    ...(via ? { via } : {}),
    personal,
    ...(spec.command ? { command: spec.command } : {}),
    ...(spec.args !== undefined ? { args: spec.args } : {}),
    ...(spec.replies ? { replies: spec.replies as Record<Lang, string[]> } : {}),
  };
}
