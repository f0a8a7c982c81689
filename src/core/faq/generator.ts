/**
 * The port of the optional language model (issue 11). The FAQ feature asks
 * it only after retrieval and the embedded decline rules have run, hands it
 * the embedded answer as the fallback, and acts on what it returns exactly as
 * it acts on the member's own words: a checked answer is shown with its
 * sources, a tool call runs the feature's command through the intents path,
 * anything else keeps the embedded answer. Implemented in src/knowledge/llm.
 */
import type { Answer, IntentMatch } from "../ports.ts";
import type { SourceRef } from "../replies.ts";
import type { Lang, Platform } from "../types.ts";

/** What the model is asked about. It never receives stored personal data. */
export interface GenerationRequest {
  /** The question as understood (markup stripped, padding set aside). */
  readonly question: string;
  readonly lang: Lang;
  /** Bounds the answer's length (Discord and Telegram limits differ). */
  readonly platform: Platform;
  /** The embedded answer (or a topical decline, when only tools may help): what retrieval chose, the fallback. */
  readonly answer: Answer;
  /** The member's own previous question in this chat (10-minute context), if any. */
  readonly previous?: string;
  /** The questions before that one in the same ten minutes, oldest first. */
  readonly earlier?: readonly string[];
  /** What answered it (`faq:<id>`, `passage:<id>`): a follow-up is likely about the same document. */
  readonly previousRef?: string;
  /** Told the checked-so-far text as it streams in; never told text that later fails the checks' prefix rules. */
  readonly onPartial?: (text: string) => void;
}

/** What the model produced, after the checks. */
export type Generated =
  /** A grounded answer: every citation, link, number and command checked against the cited passages. */
  | { readonly kind: "answer"; readonly text: string; readonly sources: readonly SourceRef[] }
  /** A feature to start, run as the member's own command would be (`words` are the member's words it needs). */
  | { readonly kind: "intent"; readonly intent: IntentMatch; readonly words: string }
  /** Keep the embedded answer (the reason was logged). */
  | { readonly kind: "fallback"; readonly reason: string };

/** An optional language model behind the FAQ feature. */
export interface Generator {
  generate(request: GenerationRequest): Promise<Generated>;
}
