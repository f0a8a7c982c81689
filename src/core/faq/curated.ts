/**
 * Curated answers written by organisers (from the dashboard's knowledge gaps):
 * an answer in English and Chinese to questions the documents did not cover,
 * with its source "organisers, <date>". They answer before the knowledge
 * base, from the moment they are saved (no restart, no index rebuild), for
 * questions alike to the ones they were written for (the bot's embedder).
 * A change of the file by someone else (another instance, a hand edit) is
 * picked up within {@link CURATED_RECHECK_MS}.
 * Entries can be edited and withdrawn. Where they are kept is a port
 * ({@link CuratedFile}): `knowledge/curated.json`, so the knowledge folder
 * stays the source of truth.
 */
import type { Answer, AnswerOptions, Asked, Embedder, KnowledgeBase, Logger } from "../ports.ts";
import type { Lang } from "../types.ts";
import { cosine } from "../vectors.ts";

/** One curated entry. */
export interface CuratedEntry {
  readonly id: string;
  /** The questions it answers, as members asked them. */
  readonly questions: readonly string[];
  readonly answer: { readonly en: string; readonly "zh-HK": string };
  /** e.g. "organisers, 2026-11-30". */
  readonly source: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Withdrawn entries stay on file (for the record) and answer nothing. */
  readonly withdrawn?: boolean;
}

/** Where curated entries are kept. */
export interface CuratedFile {
  load(): Promise<CuratedEntry[]>;
  save(entries: readonly CuratedEntry[]): Promise<void>;
  /** What identifies the stored version (e.g. modification time and size): a change is reloaded. */
  stamp?(): Promise<string>;
}

/** How often the stored version is compared (another instance, or a hand edit, may have changed it). */
export const CURATED_RECHECK_MS = 5_000;

/** How alike a question must be to a curated one to get its answer (cosine of embeddings). */
export const CURATED_THRESHOLD = 0.9;

/** Where curated answers are cited from. */
export const CURATED_PATH = "knowledge/curated.json";

/** A knowledge base that answers from curated entries first, else from the one it wraps. */
export class CuratedKnowledge implements KnowledgeBase {
  private entries: CuratedEntry[] = [];
  private vectors = new Map<string, number[]>();
  private loaded: Promise<void> | undefined;
  private stamp: string | undefined;
  private checkedAt = 0;

  constructor(
    private readonly inner: KnowledgeBase,
    private readonly embedder: Embedder,
    private readonly file: CuratedFile,
    private readonly logger?: Pick<Logger, "warn">,
    private readonly threshold = CURATED_THRESHOLD,
  ) {
    // Where the knowledge it wraps reads and answers in one step, so does this: the question read
    // is then given its curated answer, if it has one, instead of the knowledge's.
    const ask = inner.ask?.bind(inner);
    if (ask) {
      this.ask = async (raw, lang, options) => {
        const asked = await ask(raw, lang, options);
        const mine = asked.answer ? await this.curated(asked.question, lang) : undefined;
        return mine ? { ...asked, answer: mine } : asked;
      };
    }
  }

  /** Reads and answers in one step: present when the knowledge it wraps does. */
  declare ask?: (raw: string, lang: Lang, options?: AnswerOptions) => Promise<Asked>;

  /** Every entry, withdrawn ones included, newest first. */
  async list(): Promise<CuratedEntry[]> {
    await this.load();
    return [...this.entries].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  /** One entry by id. */
  async get(id: string): Promise<CuratedEntry | undefined> {
    await this.load();
    return this.entries.find((e) => e.id === id);
  }

  /** Adds or replaces an entry; it answers from now on. */
  async put(entry: CuratedEntry): Promise<void> {
    await this.load();
    const next = [...this.entries.filter((e) => e.id !== entry.id), entry];
    await this.file.save(next);
    this.entries = next;
    this.stamp = await this.file.stamp?.();
    await this.embed(entry.questions);
  }

  async answer(question: string, lang: Lang, options?: AnswerOptions): Promise<Answer> {
    return (await this.curated(question, lang)) ?? this.inner.answer(question, lang, options);
  }

  /** The curated answer to a question, when one is alike enough. */
  private async curated(question: string, lang: Lang): Promise<Answer | undefined> {
    await this.load();
    const live = this.entries.filter((e) => !e.withdrawn);
    if (live.length === 0) return undefined;
    const q = await this.embedder.embedQuery(question);
    let best: { e: CuratedEntry; s: number } | undefined;
    for (const e of live) {
      for (const text of e.questions) {
        const s = cosine(q, this.vectors.get(text) ?? []);
        if (!best || s > best.s) best = { e, s };
      }
    }
    if (!best || best.s < this.threshold) return undefined;
    return {
      answered: true,
      text: best.e.answer[lang],
      sources: [
        {
          title: lang === "en" ? best.e.source : best.e.source.replace("organisers", "籌辦人"),
          path: CURATED_PATH,
        },
      ],
      confidence: Math.min(1, best.s),
      ref: `curated:${best.e.id}`,
    };
  }

  private async load(): Promise<void> {
    this.loaded ??= this.read();
    await this.loaded;
    const now = Date.now();
    if (!this.file.stamp || now - this.checkedAt < CURATED_RECHECK_MS) return;
    this.checkedAt = now;
    if ((await this.file.stamp()) !== this.stamp) {
      this.loaded = this.read();
      await this.loaded;
    }
  }

  /** Reads the file; a file that can't be read keeps the entries there were (answers go on) and is logged. */
  private async read(): Promise<void> {
    const stamp = await this.file.stamp?.();
    try {
      const entries = await this.file.load();
      await this.embed(entries.flatMap((e) => e.questions));
      this.entries = entries;
    } catch (e) {
      this.logger?.warn("curated answers not loaded", { error: e instanceof Error ? e.message : String(e) });
    }
    this.stamp = stamp;
  }

  private async embed(texts: readonly string[]): Promise<void> {
    const fresh = [...new Set(texts)].filter((t) => !this.vectors.has(t));
    if (fresh.length === 0) return;
    const v = await this.embedder.embedDocuments(fresh);
    fresh.forEach((t, i) => this.vectors.set(t, v[i] ?? []));
  }
}
