/**
 * Retrieval-augmented answers from a language model (the core's Generator
 * port). The model gets the numbered passages, the member's previous question
 * and the question in the data section, and the bot's features as tools. What
 * it says is checked (citations, links, figures, commands, the rules' own
 * words) before a member sees it; a tool call becomes the intent it stands
 * for. Any failure, refusal, invalid call or check that fails keeps the
 * embedded answer, logged, within the timeout.
 */
import type { Generated, GenerationRequest, Generator } from "../../core/faq/generator.ts";
import type { Logger } from "../../core/ports.ts";
import type { Platform } from "../../core/types.ts";
import { type ChatModel, RefusalError } from "./chat.ts";
import { checkAnswer, citations, leaks, stripCitations, ungrounded } from "./check.ts";
import type { FoundPassages, PassageQuery } from "./passages.ts";
import { answerMessage, NOT_COVERED, type PromptTemplates, systemMessage } from "./prompts.ts";
import { readToolCall, toolDefinitions } from "./tools.ts";

/** Finds the numbered passages of a question (see PassageFinder). */
export interface PassageSource {
  find(req: PassageQuery): Promise<FoundPassages>;
}

/** Settings of the {@link LlmGenerator}. */
export interface LlmGeneratorOptions {
  readonly model: ChatModel;
  readonly prompts: PromptTemplates;
  readonly passages: PassageSource;
  /** The bot's command names (without the slash): the commands an answer may mention. */
  readonly commands: () => readonly string[];
  readonly timeoutMs: number;
  readonly logger: Logger;
}

/** Longest answer per platform, in characters (a Discord embed reads best short; Telegram allows 4,096). */
export const MAX_ANSWER_CHARS: Record<Platform, number> = { console: 1500, telegram: 1200, discord: 900 };
const MAX_WORDS = 150;
const MAX_TOKENS = 600;

class Fallback extends Error {}

/** The language-model {@link Generator}. */
export class LlmGenerator implements Generator {
  constructor(private readonly opts: LlmGeneratorOptions) {}

  async generate(req: GenerationRequest): Promise<Generated> {
    const ac = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<Generated>((resolve) => {
      timer = setTimeout(() => {
        ac.abort();
        resolve({ kind: "fallback", reason: `no answer within ${this.opts.timeoutMs} ms` });
      }, this.opts.timeoutMs);
    });
    const work = this.run(req, ac.signal).catch((e: unknown): Generated => {
      const reason = e instanceof RefusalError ? "refusal" : e instanceof Error ? e.message : String(e);
      return { kind: "fallback", reason: ac.signal.aborted ? `no answer within ${this.opts.timeoutMs} ms` : reason };
    });
    const out = await Promise.race([work, late]);
    clearTimeout(timer);
    if (out.kind === "fallback")
      this.opts.logger.warn("language model answer not used; embedded answer kept", { reason: out.reason });
    return out;
  }

  private async run(req: GenerationRequest, signal: AbortSignal): Promise<Generated> {
    const found = await this.opts.passages.find(req);
    if (req.answer.answered && found.passages.length === 0) throw new Fallback("no passages");
    const system = systemMessage(this.opts.prompts, req.lang, MAX_WORDS);
    const recent = req.previous ? [...(req.earlier ?? []), req.previous] : [];
    const user = answerMessage(this.opts.prompts, found.passages, req.question, recent);
    const commands = new Set(this.opts.commands());
    const all = found.passages.map((p) => `${p.title}\n${p.section ?? ""}\n${p.text}`).join("\n");
    const partial =
      req.answer.answered && req.onPartial
        ? this.partial(req.onPartial, found, commands, system, all, MAX_ANSWER_CHARS[req.platform])
        : undefined;
    const res = await this.opts.model.complete(
      [
        { role: "system", content: system },
        { role: "user", content: user },
      ],
      toolDefinitions(this.opts.prompts.tools),
      signal,
      MAX_TOKENS,
      partial,
    );
    if (res.toolCalls.length > 0) {
      const [call, ...more] = res.toolCalls;
      if (!call || more.length > 0) return { kind: "fallback", reason: "several tool calls" };
      const t = readToolCall(call.name, call.arguments, req.question);
      return t.ok ? { kind: "intent", intent: t.intent, words: t.words } : { kind: "fallback", reason: t.reason };
    }
    if (!req.answer.answered) return { kind: "fallback", reason: "not covered: only a tool may help" };
    if (res.text.includes(NOT_COVERED))
      return { kind: "fallback", reason: "the model found no answer in the passages" };
    const max = MAX_ANSWER_CHARS[req.platform];
    const checked = checkAnswer(res.text, found.passages, commands, system, max);
    if (!checked.ok) return { kind: "fallback", reason: checked.reason };
    const sources = checked.cited.flatMap((n) => found.sources[n - 1] ?? []);
    return { kind: "answer", text: checked.text, sources };
  }

  /**
   * Passes on the streamed text sentence by sentence, as long as each prefix passes the checks
   * against every given passage; the whole answer is checked again against the cited ones.
   */
  private partial(
    onPartial: (text: string) => void,
    found: FoundPassages,
    commands: ReadonlySet<string>,
    system: string,
    all: string,
    max: number,
  ): (text: string) => void {
    let shown = "";
    let stopped = false;
    return (text) => {
      if (stopped) return;
      const end = Math.max(...[". ", "。", "! ", "? ", "！", "？", "\n"].map((s) => text.lastIndexOf(s)));
      if (end <= 0) return;
      const prefix = text.slice(0, end + 1);
      if (prefix.length <= shown.length) return;
      const plain = stripCitations(prefix);
      const ok =
        !prefix.includes(NOT_COVERED) &&
        citations(prefix, found.passages.length) !== undefined &&
        !ungrounded(plain, all, commands) &&
        !leaks(plain, system, all);
      if (!ok) {
        stopped = true;
        return;
      }
      shown = prefix;
      // Beyond the platform's length the answer is cut at a sentence: what was shown stays its beginning.
      // (bound() keeps a sentence only when its end and the space after it fit in max - 1 characters.)
      if (plain.length >= max - 2) {
        stopped = true;
        return;
      }
      onPartial(plain);
    };
  }
}
