/**
 * Optional generated answers: with a language-model server configured, the
 * answer retrieval chose is rewritten by the model from the cited text only
 * (prompts/answer.md). Retrieval still decides whether to answer at all, and
 * the sources stay the retrieved ones, so the model can neither answer an
 * uncovered question nor invent a citation. Any failure or refusal of the
 * model falls back to the extractive answer.
 */
import { readFileSync } from "node:fs";
import type OpenAI from "openai";
import { fill } from "../core/i18n.ts";
import type { Answer, KnowledgeBase, Logger } from "../core/ports.ts";
import type { Lang } from "../core/types.ts";

/** Settings of the generator. */
export interface GeneratorOptions {
  readonly apiKey: string;
  readonly baseURL?: string | undefined;
  readonly model: string;
  /** Path of the prompt template (prompts/answer.md). */
  readonly promptPath: string;
  readonly timeoutMs?: number;
  readonly logger: Logger;
}

const NOT_COVERED = "NOT_COVERED";
const MAX_WORDS = 120;
const MAX_CHARS = 1200;
const LANGUAGE: Record<Lang, string> = { en: "English", "zh-HK": "Traditional Chinese as used in Hong Kong" };

/** A {@link KnowledgeBase} whose answers are phrased by a language model from the retrieved text. */
export class GeneratingKnowledgeBase implements KnowledgeBase {
  private client: OpenAI | undefined;
  private readonly template: string;

  constructor(
    private readonly inner: KnowledgeBase,
    private readonly opts: GeneratorOptions,
  ) {
    this.template = readFileSync(opts.promptPath, "utf8");
  }

  async answer(question: string, lang: Lang): Promise<Answer> {
    const found = await this.inner.answer(question, lang);
    if (!found.answered) return found;
    try {
      const text = await this.generate(question, lang, found);
      return text ? { ...found, text } : found;
    } catch (e) {
      this.opts.logger.warn("answer generation failed; using the extractive answer", {
        error: e instanceof Error ? e.message : String(e),
      });
      return found;
    }
  }

  /** The system prompt for an answer: the template filled with the cited text. */
  systemPrompt(lang: Lang, found: Answer): string {
    const cite = found.sources.map((s) => (s.section ? `${s.title} › ${s.section}` : s.title)).join("; ");
    return fill(this.template, {
      language: LANGUAGE[lang],
      max_words: MAX_WORDS,
      not_covered: NOT_COVERED,
      context: `[${cite}]\n${found.text}`,
    });
  }

  private async generate(question: string, lang: Lang, found: Answer): Promise<string | undefined> {
    const client = await this.openai();
    const res = await client.chat.completions.create(
      {
        model: this.opts.model,
        temperature: 0,
        max_tokens: 400,
        messages: [
          { role: "system", content: this.systemPrompt(lang, found) },
          { role: "user", content: question.slice(0, 1000) },
        ],
      },
      { timeout: this.opts.timeoutMs ?? 8000, maxRetries: 0 },
    );
    const out = res.choices[0]?.message?.content?.trim();
    // A refusal, an empty reply or a reply that claims no coverage keeps the extractive answer, which is cited.
    if (!out || out.includes(NOT_COVERED)) return undefined;
    return out.length > MAX_CHARS ? `${out.slice(0, MAX_CHARS - 1)}…` : out;
  }

  private async openai(): Promise<OpenAI> {
    if (!this.client) {
      const { default: OpenAIClient } = await import("openai");
      this.client = new OpenAIClient({
        apiKey: this.opts.apiKey,
        ...(this.opts.baseURL ? { baseURL: this.opts.baseURL } : {}),
      });
    }
    return this.client;
  }
}
