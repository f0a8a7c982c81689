/**
 * The passages a model answers from: first the text the embedded answer chose
 * (so the model has at least what the fallback has), then the next few FAQ
 * entries and document sections retrieval ranked for the question, each once,
 * numbered, with its title and section and the source it is cited as.
 */
import type { GenerationRequest } from "../../core/faq/generator.ts";
import type { SourceRef } from "../../core/replies.ts";
import type { Lang } from "../../core/types.ts";
import type { FaqEntry, KnowledgeFiles, Passage } from "../documents.ts";
import type { Retrieval } from "../kb.ts";
import { KB_TEXT } from "../messages.ts";
import type { NumberedPassage } from "./prompts.ts";

/** Retrieval's ranking (LocalKnowledgeBase.retrieve). */
export type Retrieve = (question: string, context?: string, contextRef?: string) => Promise<Retrieval>;

/** What the passages are found for (the generator's request). */
export type PassageQuery = Pick<GenerationRequest, "question" | "answer" | "lang" | "previous" | "previousRef">;

/** Numbered passages with the source each is cited as. */
export interface FoundPassages {
  readonly passages: readonly NumberedPassage[];
  readonly sources: readonly SourceRef[];
}

const MAX_PASSAGES = 4;
const MAX_PASSAGE_CHARS = 1200;
/** Ranked candidates scoring below this share of the best are not worth the model's attention. */
const MIN_SHARE = 0.6;

/** Finds the passages for a question. */
export class PassageFinder {
  private readonly faq: Map<string, FaqEntry>;
  private readonly passages: Map<string, Passage>;
  private readonly titles = new Map<string, string>();

  constructor(
    private readonly retrieve: Retrieve,
    files: KnowledgeFiles,
    private readonly folder: string,
  ) {
    this.faq = new Map(files.faq.map((e) => [e.id, e]));
    const all = files.docs.flatMap((d) => d.passages);
    this.passages = new Map(all.map((p) => [p.id, p]));
    for (const d of files.docs) this.titles.set(d.path, d.title);
  }

  /** The passages for a question whose embedded answer is `answer`. */
  async find({ question, answer, lang, previous, previousRef }: PassageQuery): Promise<FoundPassages> {
    const items: { title: string; section?: string; text: string; source: SourceRef }[] = [];
    const seen = new Set<string>();
    const first = answer.sources[0];
    if (answer.answered && first) {
      items.push({
        title: first.title,
        ...(first.section ? { section: first.section } : {}),
        text: answer.text,
        source: first,
      });
      if (answer.ref) seen.add(answer.ref);
    }
    // A follow-up is read with the previous question, preferring the document that answered it.
    const r = await this.retrieve(answer.resolved ?? question, previous, previousRef);
    const top = r.best?.score ?? 0;
    for (const c of r.ranked ?? []) {
      if (items.length >= MAX_PASSAGES || c.score < top * MIN_SHARE) break;
      const ref = `${c.kind}:${c.ref}`;
      if (seen.has(ref)) continue;
      seen.add(ref);
      const item = c.kind === "faq" ? this.fromFaq(c.ref, lang) : this.fromPassage(c.ref);
      if (item) items.push(item);
    }
    return {
      passages: items.map((x, i) => ({
        n: i + 1,
        title: x.title,
        ...(x.section ? { section: x.section } : {}),
        text: x.text.slice(0, MAX_PASSAGE_CHARS),
      })),
      sources: items.map((x) => x.source),
    };
  }

  private fromFaq(id: string, lang: Lang) {
    const e = this.faq.get(id);
    if (!e) return undefined;
    const title = e.doc === "bot" ? KB_TEXT.botSource[lang] : (this.titles.get(e.doc) ?? e.doc);
    const path = `${this.folder}/${e.doc === "bot" ? "faq.json" : e.doc}`;
    return { title, section: e.section, text: e.a[lang], source: { title, path, section: e.section } };
  }

  private fromPassage(id: string) {
    const p = this.passages.get(id);
    if (!p) return undefined;
    return {
      title: p.title,
      section: p.section,
      text: p.text,
      source: { title: p.title, path: `${this.folder}/${p.path}`, section: p.section },
    };
  }
}
