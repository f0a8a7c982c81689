/**
 * Delivery bookkeeping shared by the adapters and the outbound queue: how a
 * failed send should be treated (retried later, or given up), and counters a
 * metrics endpoint can read (replies and notices sent, failed, retried; queue
 * depth). Platform-free: adapters translate their client's errors into a
 * {@link DeliveryFailure}.
 */
import type { NativePoll } from "./ports.ts";
import type { Reply } from "./replies.ts";
import type { Platform } from "./types.ts";

/** What an adapter can deliver outside the current conversation. */
export interface Delivery {
  /** Throws (preferably a {@link DeliveryFailure}) when the platform refused or could not be reached. */
  toMember(platformUserId: string, replies: readonly Reply[]): Promise<void>;
  /** False when this platform has no organiser destination. */
  toOrganisers(replies: readonly Reply[]): Promise<boolean>;
  /** Ends a native poll this platform posted. */
  closePoll?(poll: NativePoll): Promise<void>;
  /** Posts in a chat or channel of this platform (where a native poll was). */
  toChat?(chatId: string, replies: readonly Reply[]): Promise<void>;
  /** Notices go through the persistent outbox (retried, kept across restarts) instead of being sent at once. */
  readonly durable?: boolean;
  /** Whether an organiser destination is configured (known up front, so a queued notice is accepted honestly). */
  readonly hasOrganisers?: boolean;
}

/** A send that failed, classified by the adapter that tried it. */
export class DeliveryFailure extends Error {
  /** True when trying again cannot help (the member blocked the bot, the chat does not exist). */
  readonly permanent: boolean;
  /** How long the platform asked us to wait before the next try (Telegram `retry_after`). */
  readonly retryAfterMs: number | undefined;

  constructor(message: string, opts: { permanent: boolean; retryAfterMs?: number | undefined; cause?: unknown }) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = "DeliveryFailure";
    this.permanent = opts.permanent;
    this.retryAfterMs = opts.retryAfterMs;
  }
}

/** What was delivered: a reply to an update, or a notice sent outside a conversation (through the outbox). */
export type DeliveryKind = "reply" | "notice";

/** What happened to one send. */
export type DeliveryOutcome = "sent" | "failed" | "retried";

/** One counter, labelled for a metrics exporter (e.g. prom-client `bot_deliveries_total{platform,kind,outcome}`). */
export interface DeliveryCount {
  readonly platform: Platform;
  readonly kind: DeliveryKind;
  readonly outcome: DeliveryOutcome;
  readonly value: number;
}

/** Counters of deliveries since start, and the number of notices the outbox still owes. */
export class DeliveryStats {
  private readonly counts = new Map<string, DeliveryCount>();
  /** Notices waiting in the outbox (persisted; set by the outbox after each round). */
  queueDepth = 0;

  /** Adds `n` to a counter. */
  count(platform: Platform, kind: DeliveryKind, outcome: DeliveryOutcome, n = 1): void {
    const key = `${platform}/${kind}/${outcome}`;
    const value = (this.counts.get(key)?.value ?? 0) + n;
    this.counts.set(key, { platform, kind, outcome, value });
  }

  /** The value of one counter (0 when never counted). */
  get(platform: Platform, kind: DeliveryKind, outcome: DeliveryOutcome): number {
    return this.counts.get(`${platform}/${kind}/${outcome}`)?.value ?? 0;
  }

  /** Every counter counted so far. */
  snapshot(): DeliveryCount[] {
    return [...this.counts.values()];
  }
}

/** Backoff before retry `attempt` (1-based): the platform's wish when given, else doubling from `baseMs` up to `maxMs`. */
export function retryDelay(attempt: number, failure: unknown, baseMs: number, maxMs: number): number {
  if (failure instanceof DeliveryFailure && failure.retryAfterMs !== undefined) return failure.retryAfterMs;
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}
