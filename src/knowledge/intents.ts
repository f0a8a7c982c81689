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
import { LexicalIndex } from "./lexical.ts";
import type { LocalEmbedder } from "./local-embedder.ts";
import { analyse, type Token } from "./text.ts";

const perLang = <T extends z.ZodType>(item: T) => z.object({ en: z.array(item), "zh-HK": z.array(item) });
const intentSchema = z.object({
  name: z.string().regex(/^[a-z]{2,20}$/),
  command: z.string().optional(),
  args: z.union([z.boolean(), z.literal("title")]).optional(),
  examples: perLang(z.string().min(1)),
  /** Regular expressions that decide the intent outright (case-insensitive): the plainest attacks and abuse. */
  patterns: z.array(z.string().min(1)).optional(),
  replies: perLang(z.string().min(1)).optional(),
});
const fileSchema = z.object({
  filler: perLang(z.string().min(1)),
  slang: z.record(z.string(), z.string()).default({}),
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
export function intentTokens(text: string): Token[] {
  return analyse(text, true).map((t) => (/^\d/.test(t.word) ? { word: "#num", key: "#num", han: false } : t));
}

/** The weight of a function word in a message, relative to a content word. */
const STOP_WEIGHT = 0.3;

/** Weights of the three similarities in an example's score. */
const W = { coverage: 0.45, reverse: 0.35, dense: 0.2 };

/** Nearest-neighbour intent classifier. */
export class IntentClassifier {
  private readonly lexical: LexicalIndex;
  private readonly vectors: Float64Array[];
  private readonly owners: IntentSpec[] = [];
  private readonly patterns: { spec: IntentSpec; re: RegExp }[];

  constructor(
    readonly intents: readonly IntentSpec[],
    private readonly embedder: LocalEmbedder,
  ) {
    this.patterns = intents.flatMap((spec) => (spec.patterns ?? []).map((p) => ({ spec, re: new RegExp(p, "iu") })));
    const tokens: Token[][] = [];
    for (const intent of intents) {
      for (const lang of ["en", "zh-HK"] as const) {
        for (const ex of intent.examples[lang]) {
          tokens.push(intentTokens(ex));
          this.owners.push(intent);
        }
      }
    }
    this.lexical = new LexicalIndex(embedder.vectors, tokens, (t) => embedder.row(t));
    this.vectors = tokens.map((t) => embedder.embedTokens(t));
  }

  /** The closest intent and its score, or undefined for a message with nothing to compare. */
  classify(text: string): IntentMatch | undefined {
    for (const { spec, re } of this.patterns) if (re.test(text)) return toMatch(spec, 1);
    const tokens = this.lexical.correct(intentTokens(text));
    if (tokens.length === 0) return undefined;
    // Function words say how something is asked ("I want to…"), content words what it is about: they weigh more.
    const stops = new Set(tokens.filter((t) => t.stop).map((t) => t.key));
    const query = this.lexical.prepare(tokens, 0.5, 1, stops, STOP_WEIGHT);
    const v = this.embedder.embedTokens(tokens);
    let best: { spec: IntentSpec; score: number } | undefined;
    this.owners.forEach((spec, u) => {
      const cov = this.lexical.coverage(query, u).coverage;
      const rev = this.lexical.reverseCoverage(query, u);
      const ex = this.vectors[u];
      let dot = 0;
      if (ex) for (let i = 0; i < ex.length; i++) dot += (ex[i] ?? 0) * (v[i] ?? 0);
      const score = W.coverage * cov + W.reverse * rev + W.dense * Math.max(0, dot);
      if (!best || score > best.score) best = { spec, score };
    });
    if (!best) return undefined;
    return toMatch(best.spec, best.score);
  }

  /** The declared intent of a name, as a match of the given score. */
  named(name: string, score: number): IntentMatch | undefined {
    const spec = this.intents.find((i) => i.name === name);
    return spec ? toMatch(spec, score) : undefined;
  }
}

function toMatch(spec: IntentSpec, score: number): IntentMatch {
  return {
    name: spec.name,
    score,
    ...(spec.command ? { command: spec.command } : {}),
    ...(spec.args !== undefined ? { args: spec.args } : {}),
    ...(spec.replies ? { replies: spec.replies as Record<Lang, string[]> } : {}),
  };
}
