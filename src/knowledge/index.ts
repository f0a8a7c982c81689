/**
 * The knowledge module's entry point for the composition root: loads the
 * knowledge folder, opens (or builds) the persisted index and returns the
 * knowledge base and the embedder.
 */
import { existsSync } from "node:fs";
import { basename, join } from "node:path";
import type { Embedder, KnowledgeBase, Logger } from "../core/ports.ts";
import { type KnowledgeFiles, loadKnowledgeFiles } from "./documents.ts";
import { loadGlove } from "./glove.ts";
import { IntentClassifier, loadIntents } from "./intents.ts";
import { DEFAULT_TUNING, LocalKnowledgeBase, type QueryEncoder, type Tuning, type Unit } from "./kb.ts";
import { LexicalIndex } from "./lexical.ts";
import { LocalEmbedder, toArray } from "./local-embedder.ts";
import { OpenAIEmbedder } from "./openai-embedder.ts";
import { ANALYZER_FINGERPRINT, analyse, analyzer, caseless, type ThesaurusGroup } from "./text.ts";
import { LocalUnderstanding } from "./understanding.ts";
import { openVectorIndex } from "./vector-index.ts";

/** How long after start the Chinese dictionaries begin to load. */
const DICTIONARY_DELAY_MS = 1500;

/** Options of {@link openKnowledge}. */
export interface OpenKnowledgeOptions {
  knowledgeDir: string;
  dataDir: string;
  openai?: { apiKey: string; baseURL?: string; model: string };
  logger: Logger;
  rebuild?: boolean;
  onProgress?: (msg: string) => void;
  /** Overrides of the calibrated answer tuning (calibration only). */
  tuning?: Partial<Tuning>;
}

/** What {@link openKnowledge} returns. */
export interface OpenedKnowledge {
  knowledge: KnowledgeBase;
  embedder: Embedder;
  /** Intents, scripts and padding (knowledge/intents.json); Chinese dictionaries load in the background. */
  understanding: LocalUnderstanding;
  stats: { passages: number; faqEntries: number; builtFresh: boolean; embedder: string; ms: number };
}

/** The retrieval units of the knowledge: every FAQ phrasing and answer, every passage. */
export function buildUnits(files: KnowledgeFiles): Unit[] {
  const units: Unit[] = [];
  for (const e of files.faq) {
    for (const q of e.q.en) units.push({ kind: "faq-q", ref: e.id, lang: "en", text: q });
    for (const q of e.q["zh-HK"]) units.push({ kind: "faq-q", ref: e.id, lang: "zh-HK", text: q });
    units.push({ kind: "faq-a", ref: e.id, lang: "en", text: e.a.en });
    units.push({ kind: "faq-a", ref: e.id, lang: "zh-HK", text: e.a["zh-HK"] });
  }
  for (const d of files.docs) {
    for (const p of d.passages)
      units.push({ kind: "passage", ref: p.id, lang: p.lang, text: `${p.section}\n${p.text}` });
  }
  return units;
}

/**
 * The thesaurus's subjects that no text of the knowledge speaks of ("dependants", "tax"): the
 * keys of their canonical words. A question about one asks what the documents do not hold.
 */
function absentSubjects(groups: readonly ThesaurusGroup[], lexical: LexicalIndex): ReadonlySet<string> {
  return new Set(groups.flatMap((g) => analyse(g.canonical).map((t) => t.key)).filter((key) => !lexical.has(key)));
}

/**
 * The words of the knowledge's texts in lower case, each under its letters alone ("nonprofit" for
 * "non-profit"): how a term typed apart is written again.
 */
function ownWords(units: readonly Unit[]): Map<string, string> {
  const words = new Map<string, string>();
  for (const u of units)
    for (const w of u.text.toLowerCase().match(/[a-z][a-z-]*[a-z]/g) ?? []) {
      const letters = w.replace(/-/g, "");
      if (!words.has(letters) || !w.includes("-")) words.set(letters, w);
    }
  return words;
}

/** Opens the knowledge base: rebuilds the index when the knowledge or the embedder changed, else loads it. */
export async function openKnowledge(
  opts: OpenKnowledgeOptions,
): Promise<OpenedKnowledge & { knowledge: LocalKnowledgeBase }> {
  const started = performance.now();
  const progress = (msg: string) => {
    opts.logger.info(msg);
    opts.onProgress?.(msg);
  };
  const files = loadKnowledgeFiles(opts.knowledgeDir);
  const vectors = loadGlove(join(opts.dataDir, "glove"), progress);
  const analyze = analyzer(files.thesaurus);
  const local = new LocalEmbedder(vectors, analyze);
  const embedder = opts.openai ? new OpenAIEmbedder(opts.openai) : local;
  const units = buildUnits(files);
  const { search, builtFresh } = await openVectorIndex({
    dir: join(opts.dataDir, "index"),
    units,
    embedder,
    // The analyser's function words shape every unit's tokens: a change of them rebuilds too.
    knowledgeHash: `${files.hash}:${ANALYZER_FINGERPRINT}`,
    progress,
    ...(opts.rebuild ? { rebuild: true } : {}),
  });
  const lexical = new LexicalIndex(
    vectors,
    units.map((u) => analyze(u.text)),
    (t) => local.row(t),
  );
  const passages = files.docs.flatMap((d) => d.passages);
  // The embedded embedder reuses the tokens already analysed (and spell-corrected) for the lexical side.
  const encode: QueryEncoder =
    embedder === local ? async (_q, tokens) => toArray(local.embedTokens(tokens)) : (q) => embedder.embedQuery(q);
  const intentsPath = join(opts.knowledgeDir, "intents.json");
  const intents = existsSync(intentsPath)
    ? loadIntents(intentsPath)
    : { filler: { en: [], "zh-HK": [] }, slang: {}, concepts: {}, subjects: [], intents: [] };
  const knowledge = new LocalKnowledgeBase({
    units,
    lexical,
    vectors: search,
    encode,
    faq: files.faq,
    passages,
    translations: Object.fromEntries(files.docs.flatMap((d) => (d.translationOf ? [[d.path, d.translationOf]] : []))),
    knowledgeFolder: basename(opts.knowledgeDir),
    analyze,
    tuning: { ...DEFAULT_TUNING, ...opts.tuning },
    absent: absentSubjects(files.thesaurus, lexical),
    entities: new Set(files.thesaurus.filter((g) => g.entity).flatMap((g) => analyse(g.canonical).map((t) => t.key))),
    ...(intents.subjects.length > 0 ? { subjects: intents.subjects.map((re) => caseless(re)) } : {}),
  });
  const understanding = new LocalUnderstanding({
    intents,
    classifier: new IntentClassifier(intents.intents, local, intents.concepts),
    words: ownWords(units),
  });
  // The dictionaries (about 165 ms of parsing) load once the bot is up, not while it starts and
  // answers its first message; a Chinese message before then loads them at once.
  setTimeout(() => {
    void understanding
      .warm()
      .catch((e: unknown) => opts.logger.warn("Chinese dictionaries not loaded", { error: String(e) }));
  }, DICTIONARY_DELAY_MS).unref();
  const ms = Math.round(performance.now() - started);
  progress(`knowledge ready: ${passages.length} passages, ${files.faq.length} FAQ entries, ${embedder.id}, ${ms} ms`);
  return {
    knowledge,
    embedder,
    understanding,
    stats: { passages: passages.length, faqEntries: files.faq.length, builtFresh, embedder: embedder.id, ms },
  };
}
