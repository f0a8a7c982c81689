/**
 * The FAQ feature's records: questions the documents did not answer, the
 * answers members were shown (so a feedback button names one) and the
 * members' ratings of them, one per member per answer. A port: the key-value
 * {@link KeyvQuestionLog} here (tests that inject only a store), the SQL one
 * in src/storage/sql/questions.ts.
 */
import { createHash } from "node:crypto";
import type { Services } from "../feature.ts";
import type { Store } from "../ports.ts";
import type { Lang } from "../types.ts";

/** Declined questions, keyed by time. */
export const NS_QUESTIONS = "faq.questions";
/** Ratings, keyed `${answerKey}:${memberId}`: one per member per answer. */
export const NS_RATINGS = "faq.ratings";
/** What an answer key stands for (`faq:<id>` or `passage:<id>`). */
export const NS_ANSWERS = "faq.answers";

/** A question the documents did not answer. */
export interface DeclinedQuestion {
  readonly text: string;
  readonly lang: Lang;
  readonly at: string;
  /** Platform-neutral member id; empty once the member asked to be forgotten. */
  readonly memberId: string;
  readonly forwarded?: boolean;
}

/** A declined question with its key (time-ordered). */
export interface StoredQuestion extends DeclinedQuestion {
  readonly key: string;
}

/** One member's rating of one answer. */
export interface Rating {
  /** The answer's reference (`faq:<id>`, `passage:<id>`, `text:<key>`). */
  readonly answer: string;
  readonly value: "up" | "down";
  readonly at: string;
  /** Empty once the member asked to be forgotten. */
  readonly memberId: string;
}

/** Questions of the same text: how many, and when last asked. */
export interface TextGroup {
  readonly text: string;
  readonly count: number;
  readonly first: string;
  readonly last: string;
}

/** Ratings of one answer. */
export interface RatingTally {
  readonly answer: string;
  readonly up: number;
  readonly down: number;
}

/** The FAQ feature's records. */
export interface QuestionLog {
  /** Records a declined question under a time-ordered key. */
  record(key: string, q: DeclinedQuestion): Promise<void>;
  get(key: string): Promise<DeclinedQuestion | undefined>;
  /** Marks a question passed to the organisers; false when it was already, or is gone. */
  markForwarded(key: string): Promise<boolean>;
  /** The newest `limit` questions that still have their text, newest first. */
  recent(limit: number): Promise<StoredQuestion[]>;
  /** Every question whose text is one of `texts`. */
  withTexts(texts: readonly string[]): Promise<StoredQuestion[]>;
  /** Questions grouped by exact text (erased ones under ""), the `limit` most recently asked first. */
  textGroups(limit: number): Promise<TextGroup[]>;
  /** Deletes questions by key; returns how many were deleted. */
  remove(keys: readonly string[]): Promise<number>;
  /** Deletes questions asked before `cutoff` (ISO time); returns how many. */
  purgeBefore(cutoff: string): Promise<number>;
  /** Remembers what an answer key stands for. */
  rememberAnswer(key: string, ref: string): Promise<void>;
  /** The reference an answer key stands for. */
  answerRef(key: string): Promise<string | undefined>;
  /** Records a member's rating of an answer; false when they rated it before. */
  rate(answerKey: string, rating: Rating): Promise<boolean>;
  /** Ratings per answer, most "not helpful" first. */
  tallies(limit: number): Promise<RatingTally[]>;
  /** Every rating counted: helpful and not helpful. */
  feedback(): Promise<{ up: number; down: number }>;
  /** A member's questions and ratings (/mydata), oldest first. */
  ofMember(memberId: string): Promise<{ questions: StoredQuestion[]; ratings: Rating[] }>;
  /** Erases a member's question texts and unlinks their ratings; returns records changed. */
  forget(memberId: string): Promise<number>;
}

/** The question log the app's records provide, else the key-value one over the store. */
export function questionLog(services: Pick<Services, "store" | "records">): QuestionLog {
  return services.records?.questions ?? new KeyvQuestionLog(services.store);
}

/** A short, stable key of an answer reference, small enough for a button id. */
export function answerKey(ref: string): string {
  return createHash("sha256").update(ref).digest("base64url").slice(0, 12);
}

/** The key of a forgotten rating: its answer key, no member. */
function forgottenKey(key: string, memberId: string, at: string): string {
  return `${key.slice(0, key.length - memberId.length)}forgotten-${answerKey(`${key}:${at}`)}`;
}

/** The FAQ's records in the key-value store (each read lists a whole namespace). */
export class KeyvQuestionLog implements QuestionLog {
  constructor(private readonly store: Store) {}

  async record(key: string, q: DeclinedQuestion): Promise<void> {
    await this.store.set(NS_QUESTIONS, key, q);
  }

  get(key: string): Promise<DeclinedQuestion | undefined> {
    return this.store.get<DeclinedQuestion>(NS_QUESTIONS, key);
  }

  async markForwarded(key: string): Promise<boolean> {
    const q = await this.get(key);
    if (!q || q.forwarded) return false;
    await this.store.set<DeclinedQuestion>(NS_QUESTIONS, key, { ...q, forwarded: true });
    return true;
  }

  private async all(): Promise<StoredQuestion[]> {
    return (await this.store.list<DeclinedQuestion>(NS_QUESTIONS)).map((r) => ({ ...r.value, key: r.key }));
  }

  async recent(limit: number): Promise<StoredQuestion[]> {
    return (await this.all())
      .filter((q) => q.text)
      .slice(-limit)
      .reverse();
  }

  async withTexts(texts: readonly string[]): Promise<StoredQuestion[]> {
    const wanted = new Set(texts);
    return (await this.all()).filter((q) => q.text && wanted.has(q.text));
  }

  async textGroups(limit: number): Promise<TextGroup[]> {
    const groups = new Map<string, { text: string; count: number; first: string; last: string }>();
    for (const q of await this.all()) {
      const g = groups.get(q.text) ?? { text: q.text, count: 0, first: q.at, last: q.at };
      g.count++;
      if (q.at >= g.last) g.last = q.at;
      if (q.at < g.first) g.first = q.at;
      groups.set(q.text, g);
    }
    return [...groups.values()].sort((a, b) => b.last.localeCompare(a.last)).slice(0, limit);
  }

  async remove(keys: readonly string[]): Promise<number> {
    let n = 0;
    for (const k of keys) if (await this.store.delete(NS_QUESTIONS, k)) n++;
    return n;
  }

  async purgeBefore(cutoff: string): Promise<number> {
    return this.remove((await this.all()).filter((q) => q.at < cutoff).map((q) => q.key));
  }

  async rememberAnswer(key: string, ref: string): Promise<void> {
    await this.store.set(NS_ANSWERS, key, { ref });
  }

  async answerRef(key: string): Promise<string | undefined> {
    return (await this.store.get<{ ref: string }>(NS_ANSWERS, key))?.ref;
  }

  rate(answerKey: string, rating: Rating): Promise<boolean> {
    return this.store.add(NS_RATINGS, `${answerKey}:${rating.memberId}`, rating);
  }

  async tallies(limit: number): Promise<RatingTally[]> {
    const byAnswer = new Map<string, { up: number; down: number }>();
    for (const { value: r } of await this.store.list<Rating>(NS_RATINGS)) {
      const c = byAnswer.get(r.answer) ?? { up: 0, down: 0 };
      c[r.value]++;
      byAnswer.set(r.answer, c);
    }
    return [...byAnswer.entries()]
      .map(([answer, c]) => ({ answer, ...c }))
      .sort((a, b) => b.down - a.down || b.up - a.up)
      .slice(0, limit);
  }

  async feedback(): Promise<{ up: number; down: number }> {
    const ratings = await this.store.list<Rating>(NS_RATINGS);
    const up = ratings.filter((r) => r.value.value === "up").length;
    return { up, down: ratings.length - up };
  }

  async ofMember(memberId: string): Promise<{ questions: StoredQuestion[]; ratings: Rating[] }> {
    const questions = (await this.all()).filter((q) => q.memberId === memberId);
    const ratings = (await this.store.list<Rating>(NS_RATINGS))
      .map((r) => r.value)
      .filter((r) => r.memberId === memberId);
    return { questions, ratings };
  }

  async forget(memberId: string): Promise<number> {
    let changed = 0;
    for (const q of await this.all()) {
      if (q.memberId !== memberId) continue;
      const { key, ...rest } = q;
      await this.store.set<DeclinedQuestion>(NS_QUESTIONS, key, { ...rest, text: "", memberId: "" });
      changed++;
    }
    for (const { key, value: r } of await this.store.list<Rating>(NS_RATINGS)) {
      if (r.memberId !== memberId) continue;
      await this.store.set<Rating>(NS_RATINGS, forgottenKey(key, memberId, r.at), { ...r, memberId: "" });
      await this.store.delete(NS_RATINGS, key);
      changed++;
    }
    return changed;
  }
}
