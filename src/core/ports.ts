/**
 * The ports through which the core reaches the outside world. Implementations
 * live outside the core (src/storage, src/knowledge, src/adapters).
 */

import type { Reply, SourceRef } from "./replies.ts";
import type { Lang, Member, Platform } from "./types.ts";

/**
 * Key-value storage with the two atomic operations keyv lacks. Every record
 * lives under its own key in a namespace; counts are derived from records.
 * Any method may throw {@link StoreUnavailableError} when the backend is down.
 */
export interface Store {
  get<T>(ns: string, key: string): Promise<T | undefined>;
  /** Writes (overwrites) a record; resolves once it is durable. */
  set<T>(ns: string, key: string, value: T, ttlMs?: number): Promise<void>;
  /** Deletes a record; true when it existed. */
  delete(ns: string, key: string): Promise<boolean>;
  /** Atomic create-if-absent: true when this call created the record, false when it already existed. */
  add<T>(ns: string, key: string, value: T, ttlMs?: number): Promise<boolean>;
  /** Atomic increment of a counter (created at 0); returns the new value. `ttlMs` applies when created. */
  increment(ns: string, key: string, by?: number, ttlMs?: number): Promise<number>;
  /** Every live record of a namespace whose key starts with `prefix`, in key order. */
  list<T>(ns: string, prefix?: string): Promise<{ key: string; value: T }[]>;
  /**
   * Several sets and deletes as one write, all or none, in one transaction where the backend has them
   * (one commit instead of one per record); the last one for a key wins. Resolves once all are durable.
   */
  write(writes: readonly StoreWrite[]): Promise<void>;
  close(): Promise<void>;
  /**
   * Whether other processes may be using this store at the same time (a PostgreSQL or Redis server
   * behind several instances). Absent or false: this process is assumed alone (a local file, memory),
   * and what only matters across instances (a member's lease) is skipped.
   */
  readonly shared?: boolean;
}

/** One write of {@link Store.write}: a record set (as {@link Store.set}) or deleted. */
export type StoreWrite =
  | { readonly ns: string; readonly key: string; readonly set: unknown; readonly ttlMs?: number | undefined }
  | { readonly ns: string; readonly key: string; readonly delete: true };

/** Where a native poll was posted on a platform. */
export interface NativePoll {
  readonly platform: Platform;
  /** The platform's poll id (Telegram poll id, Discord message id). */
  readonly nativePollId: string;
  /** The chat or channel, and the message, that carry it. */
  readonly chatId: string;
  readonly messageId: string;
}

/** Whether one platform the bot runs on can be reached, as its adapter sees it. */
export interface PlatformHealth {
  readonly platform: Platform;
  /**
   * Cheap enough for a health probe every few seconds (a recent successful call counts, or one
   * quick call with a timeout); never throws. `detail` says why it is down.
   */
  check(): Promise<{ readonly ok: boolean; readonly detail?: string }>;
}

/** Time, injectable for tests. */
export interface Clock {
  now(): Date;
}

/** Delivers messages to people other than the one who is talking. */
export interface Notifier {
  /** Tells one member something (a status change of their offer, a rejected topic). */
  toMember(memberId: string, replies: readonly Reply[]): Promise<void>;
  /** Tells the organisers something (a new offer, a topic awaiting review); false when it reached no organiser. */
  toOrganisers(replies: readonly Reply[]): Promise<boolean>;
  /** Ends a native poll on its platform (Telegram stopPoll, Discord expire) once the core has closed it. */
  closeNativePoll?(poll: NativePoll): Promise<void>;
  /** Posts in the chat or channel that carried a native poll (its final tally, for those who voted there). */
  toPollChat?(poll: NativePoll, replies: readonly Reply[]): Promise<void>;
}

/** Structured logging. */
export interface Logger {
  debug(msg: string, data?: Record<string, unknown>): void;
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
}

/** An answer from the knowledge base. */
export interface Answer {
  readonly answered: boolean;
  readonly text: string;
  readonly sources: readonly SourceRef[];
  /** 0..1; compared with the calibrated threshold to decide `answered`. */
  readonly confidence: number;
  /** Which entry answered: `faq:<id>` or `passage:<id>`, for feedback and diagnostics. */
  readonly ref?: string;
  /** The question as understood (a follow-up joined with what it follows), for the next follow-up. */
  readonly resolved?: string;
  /** Whether a declined question is about the association's subjects (then the organisers may answer it). */
  readonly topical?: boolean;
  /** Whether the answer describes the bot's own features (it yields to an intent that performs them). */
  readonly aboutBot?: boolean;
  /** Whether the question asks for a fact of a kind (a date, a number, a name, a place, a role, a fee). */
  readonly factual?: boolean;
  /** Whether what it asks about is a subject none of the documents covers (tax, dependants). */
  readonly lacking?: boolean;
  /**
   * The parts of a message asking several things that the documents do not answer, when its other
   * parts are answered: offered to the organisers beside the answer.
   */
  readonly unanswered?: readonly string[];
}

/** What a question may draw on besides its own words. */
export interface AnswerOptions {
  /** The member's previous question in this chat (already resolved), for elliptical follow-ups. */
  readonly previous?: string;
  /** What answered the previous question (`faq:<id>`, `passage:<id>`): a follow-up is likely about the same document. */
  readonly previousRef?: string;
  /** The answer the member was given then, as shown (a follow-up asking "specifically?" wants more than it). */
  readonly previousAnswer?: string;
}

/** A message read and, when it asks anything, answered ({@link KnowledgeBase.ask}). */
export interface Asked {
  readonly reading: Reading;
  /** What was answered: the reading's question on one line, cut to the longest question answered. */
  readonly question: string;
  /** The answer to `question`; none when it has no words (a greeting and nothing else). */
  readonly answer?: Answer;
}

/** Answers questions from the association's documents. */
export interface KnowledgeBase {
  answer(question: string, lang: Lang, options?: AnswerOptions): Promise<Answer>;
  /**
   * Optional: reads a message and answers its question in one step, with the results of
   * `readAndAnswer` (src/core/faq/ask.ts) given the understanding the knowledge was opened with.
   * Where the knowledge runs in a thread of its own, a question then costs one round trip to it, not two.
   */
  ask?(raw: string, lang: Lang, options?: AnswerOptions): Promise<Asked>;
}

/** The writing system of a Chinese message: Traditional (answered as is) or Simplified (answers converted). */
export type Script = "hant" | "hans";

/** An intent the member expressed, as classified from their words (see knowledge/intents.json). */
export interface IntentMatch {
  readonly name: string;
  /** 0..1, comparable with an answer's confidence. */
  readonly score: number;
  /** The command the intent runs (without the slash), if any. */
  readonly command?: string;
  /** Whether the member's words are passed to the command (`title`: only the topic named in them). */
  readonly args?: boolean | "title";
  /** Short replies in each language (greetings, thanks, small talk, out of scope). */
  readonly replies?: Readonly<Record<Lang, readonly string[]>>;
  /** How it was recognised: a pattern, a combination of concepts, or the closest examples. */
  readonly via?: "pattern" | "concepts" | "examples";
  /** Whether the message speaks of the member or to the bot (I, my, we, you…), not of a third party. */
  readonly personal?: boolean;
}

/**
 * The social intent of a message that only acknowledges ("ok", "got it", "收到"): answered with a nod
 * on its own, but in the middle of a form it is the step's answer (it agrees, or it is what was typed).
 */
export const ACKNOWLEDGEMENT = "ack";

/** How the bot reads a free-text message before answering it. */
export interface Reading {
  /** The message as a question: markup stripped, Simplified converted to Traditional, greetings and padding set aside. */
  readonly question: string;
  /** A greeting or thanks found in the padding ("hi", "thanks in advance"), or what a message of nothing else says. */
  readonly social?: IntentMatch;
  /** The best intent for the question, `none` included; undefined when nothing is close. */
  readonly intent?: IntentMatch;
}

/** Language understanding: Chinese scripts, intents, padding. Implemented in src/knowledge. */
export interface Understanding {
  /** The script of a Chinese text; undefined for a text without Chinese, or written alike in both scripts. */
  script(text: string): Promise<Script | undefined>;
  /** Converts Traditional Chinese in the texts of a reply to Simplified, all in one call. */
  toSimplified(texts: readonly string[]): Promise<string[]>;
  /** Reads a free-text message. */
  read(text: string): Promise<Reading>;
  /**
   * Starts reading `text` where reading runs beside the event loop (the knowledge's thread), so that
   * a `read` or an answer of the same text soon after finds it read. Optional: without it, or where
   * reading is in process, nothing is started.
   */
  readAhead?(text: string): void;
}

/** Turns text into vectors (LangChain's `EmbeddingsInterface` shape). */
export interface Embedder {
  embedDocuments(texts: string[]): Promise<number[][]>;
  embedQuery(text: string): Promise<number[]>;
}

/** One bar of a chart: a label and its value. */
export interface ChartRow {
  readonly label: string;
  readonly value: number;
}

/** Draws charts as PNG pictures (implemented outside the core: src/pictures). */
export interface Pictures {
  /** Horizontal bars with a title; the PNG as base64. */
  bars(title: string, rows: readonly ChartRow[]): Promise<string>;
}

/** Decides who may run organiser commands. */
export interface OrganiserPolicy {
  isOrganiser(member: Member): boolean;
}
