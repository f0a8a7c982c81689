/**
 * Counts of what the bot did with free-text questions, per day and kind
 * (answered, declined, acted on an intent, social), for the dashboard's
 * overview. One counter per day and kind (atomic increments), so nothing
 * personal is kept and 100,000 questions are a few hundred counters: rows of
 * the SQL records (read by day through their primary key) when the app has
 * them, else key-value records.
 */
import type { Feature } from "../feature.ts";
import type { Clock, Store } from "../ports.ts";

/** The key-value namespace of the counters (`<day>:<kind>`). */
export const NS_DAY_COUNTS = "qstats";
const NS = NS_DAY_COUNTS;

/** One day's counter of one kind. */
export interface DayCount {
  readonly day: string;
  readonly kind: string;
  readonly n: number;
}

/** Per-day counters (a port: {@link KeyvDayCounters} here, the SQL one in src/storage/sql). */
export interface DayCounters {
  /** Adds `n` to the counter of a day (`YYYY-MM-DD`) and kind, atomically. */
  add(day: string, kind: string, n: number): Promise<void>;
  /** Every counter of the days from `from` (`YYYY-MM-DD`) on. */
  since(from: string): Promise<DayCount[]>;
}

/** The counters as key-value records (every read lists the namespace). */
export class KeyvDayCounters implements DayCounters {
  constructor(private readonly store: Store) {}

  async add(day: string, kind: string, n: number): Promise<void> {
    await this.store.increment(NS, `${day}:${kind}`, n);
  }

  async since(from: string): Promise<DayCount[]> {
    return (await this.store.list<number>(NS)).flatMap(({ key, value }) => {
      const [day = "", kind = ""] = key.split(":");
      return day >= from ? [{ day, kind, n: value }] : [];
    });
  }
}

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

/** How long counts wait in memory before one write per day and kind: a question costs no write of its own. */
const FLUSH_MS = 1000;

/**
 * Per-day question counters: the given ones (the SQL records'), else key-value ones in the store.
 * Counts gather in memory for up to {@link FLUSH_MS} and are written as one increment per day and
 * kind (at most a second of counts is lost if the process dies; {@link flush} on a clean stop).
 */
export class QuestionStats {
  private readonly listeners: OutcomeListener[] = [];
  private readonly counts: DayCounters;
  private readonly pending = new Map<string, number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    store: Store,
    private readonly clock: Clock,
    counts?: DayCounters,
    private readonly onError: (e: unknown) => void = () => {},
  ) {
    this.counts = counts ?? new KeyvDayCounters(store);
  }

  /** Adds a listener told of every outcome (after it is counted). */
  listen(listener: OutcomeListener): void {
    this.listeners.push(listener);
  }

  /** Counts one outcome on the day of `at` (UTC). */
  async record(kind: QuestionKind, at: Date = this.clock.now()): Promise<void> {
    this.add(at.toISOString().slice(0, 10), kind, 1);
    for (const l of this.listeners) l(kind);
  }

  /** Counts newcomers who joined a group on the day of `at`. */
  async recordJoins(n: number, at: Date = this.clock.now()): Promise<void> {
    if (n > 0) this.add(at.toISOString().slice(0, 10), "joined", n);
  }

  private add(day: string, kind: string, n: number): void {
    const key = `${day} ${kind}`;
    this.pending.set(key, (this.pending.get(key) ?? 0) + n);
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush().catch(this.onError);
    }, FLUSH_MS);
    this.timer.unref?.();
  }

  /** Writes the counts gathered so far (one after another: a failed write's counts wait for the next). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = [...this.pending];
    this.pending.clear();
    this.writing = this.writing
      .catch(() => {})
      .then(async () => {
        for (const [i, [key, n]] of batch.entries()) {
          const [day = "", kind = ""] = key.split(" ");
          try {
            await this.counts.add(day, kind, n);
          } catch (e) {
            for (const [k, m] of batch.slice(i)) this.pending.set(k, (this.pending.get(k) ?? 0) + m);
            throw e;
          }
        }
      });
    return this.writing;
  }

  /** The last `days` days, oldest first, days without questions included as zeros. */
  async lastDays(days: number): Promise<DayCounts[]> {
    await this.flush();
    const today = this.clock.now();
    const zero = () => ({ answer: 0, decline: 0, intent: 0, social: 0, joined: 0 });
    const counts = new Map<string, Record<QuestionKind | "joined", number>>();
    const out: string[] = [];
    for (let i = days - 1; i >= 0; i--) {
      const day = new Date(today.getTime() - i * 86_400_000).toISOString().slice(0, 10);
      out.push(day);
      counts.set(day, zero());
    }
    for (const { day, kind, n } of await this.counts.since(out[0] ?? "")) {
      const c = counts.get(day);
      if (c && kind in c) c[kind as QuestionKind | "joined"] = n;
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
