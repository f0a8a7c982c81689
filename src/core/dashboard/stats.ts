/**
 * Counts of what the bot did with free-text questions, per day and kind
 * (answered, declined, acted on an intent, social), for the dashboard's
 * overview. One counter record per day and kind (atomic increments), so
 * nothing personal is kept and 100,000 questions are a few hundred records.
 */
import type { Feature } from "../feature.ts";
import type { Clock, Store } from "../ports.ts";

const NS = "qstats";

/** What happened to a question (the FAQ feature's outcome kinds). */
export type QuestionKind = "answer" | "decline" | "intent" | "social";

/** The counts of one day. */
export interface DayCounts {
  readonly day: string;
  readonly answer: number;
  readonly decline: number;
  readonly intent: number;
  readonly social: number;
  /** Newcomers who joined a group the bot is in. */
  readonly joined: number;
}

/** A listener of question outcomes (the metrics of the dashboard server). */
export type OutcomeListener = (kind: QuestionKind) => void;

/** Per-day question counters in the store. */
export class QuestionStats {
  private readonly listeners: OutcomeListener[] = [];

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** Adds a listener told of every outcome (after it is counted). */
  listen(listener: OutcomeListener): void {
    this.listeners.push(listener);
  }

  /** Counts one outcome on the day of `at` (UTC). */
  async record(kind: QuestionKind, at: Date = this.clock.now()): Promise<void> {
    await this.store.increment(NS, `${at.toISOString().slice(0, 10)}:${kind}`);
    for (const l of this.listeners) l(kind);
  }

  /** Counts newcomers who joined a group on the day of `at`. */
  async recordJoins(n: number, at: Date = this.clock.now()): Promise<void> {
    if (n > 0) await this.store.increment(NS, `${at.toISOString().slice(0, 10)}:joined`, n);
  }

  /** The last `days` days, oldest first, days without questions included as zeros. */
  async lastDays(days: number): Promise<DayCounts[]> {
    const today = this.clock.now();
    const zero = () => ({ answer: 0, decline: 0, intent: 0, social: 0, joined: 0 });
    const counts = new Map<string, Record<QuestionKind | "joined", number>>();
    const out: string[] = [];
    for (let i = days - 1; i >= 0; i--) {
      const day = new Date(today.getTime() - i * 86_400_000).toISOString().slice(0, 10);
      out.push(day);
      counts.set(day, zero());
    }
    for (const { key, value } of await this.store.list<number>(NS)) {
      const [day = "", kind = ""] = key.split(":");
      const c = counts.get(day);
      if (c && kind in c) c[kind as QuestionKind | "joined"] = value;
    }
    return out.map((day) => ({ day, ...(counts.get(day) ?? zero()) }));
  }
}

/** A feature that only counts newcomers (for the overview's new members); it answers nothing. */
export function joinCounter(stats: QuestionStats): Feature {
  return {
    name: "dstat",
    commands: [],
    async onJoin(ctx, newcomers) {
      await stats.recordJoins(newcomers.length, ctx.now);
      return [];
    },
  };
}
