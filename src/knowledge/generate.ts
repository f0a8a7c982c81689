/**
 * Optional answers from a language model: with `OPENAI_API_KEY` (and
 * `OPENAI_CHAT_MODEL`) set, the FAQ feature asks the {@link LlmGenerator}
 * after retrieval and the embedded decline rules have run; without them the
 * bot answers exactly as before, with no model code loaded at all.
 */
import { basename } from "node:path";
import type { Generator } from "../core/faq/generator.ts";
import type { Logger } from "../core/ports.ts";
import { loadKnowledgeFiles } from "./documents.ts";
import type { LocalKnowledgeBase } from "./kb.ts";
import { ChatModel } from "./llm/chat.ts";
import { LlmGenerator } from "./llm/generator.ts";
import { PassageFinder } from "./llm/passages.ts";
import { loadPrompts } from "./llm/prompts.ts";

/** Settings of {@link createGenerator}. */
export interface GeneratorOptions {
  readonly apiKey: string;
  readonly baseURL?: string | undefined;
  readonly model: string;
  /** The folder of the prompt templates (system.md, answer.md, rewrite.md, tools.md). */
  readonly promptsDir: string;
  readonly knowledgeDir: string;
  /** Retrieval, for the passages beyond the one the embedded answer chose. */
  readonly knowledge: Pick<LocalKnowledgeBase, "retrieve">;
  /** The bot's command names, which answers may mention. */
  readonly commands: () => readonly string[];
  readonly timeoutMs: number;
  readonly logger: Logger;
}

/** Builds the language-model generator; the `openai` client loads in the background. */
export function createGenerator(opts: GeneratorOptions): Generator {
  const files = loadKnowledgeFiles(opts.knowledgeDir);
  const passages = new PassageFinder(
    (q, context, ref) => opts.knowledge.retrieve(q, undefined, context ?? "", ref ?? ""),
    files,
    basename(opts.knowledgeDir),
  );
  const model = new ChatModel({ apiKey: opts.apiKey, baseURL: opts.baseURL, model: opts.model });
  // The client loads in the background now, not while the first member waits.
  void model.warm().catch((e: unknown) => opts.logger.warn("openai client not loaded", { error: String(e) }));
  return new LlmGenerator({
    model,
    prompts: loadPrompts(opts.promptsDir),
    passages,
    commands: opts.commands,
    timeoutMs: opts.timeoutMs,
    logger: opts.logger,
  });
}
