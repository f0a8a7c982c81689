/**
 * The outbound queue of notices (new offers, topics awaiting review, hand-offs,
 * donor notifications): each notice is written to the store before it is sent,
 * so a restart still delivers what was owed. Notices to one recipient go out in
 * the order they were queued; a failed send is retried with backoff (or after
 * the platform's `retry_after`) a bounded number of times, and later notices to
 * that recipient wait behind it. Different recipients are served in parallel.
 * Instances sharing a store take a short lease on a notice before sending it,
 * so it is sent by one of them.
 */
import { randomBytes } from "node:crypto";
import { type Delivery, DeliveryFailure, type DeliveryStats, retryDelay } from "./delivery.ts";
import type { Logger, Store } from "./ports.ts";
import type { Reply } from "./replies.ts";
import type { Platform } from "./types.ts";

const NS = "outbox";
const LEASE_NS = "outbox-lease";

/**
 * Who a notice is for: one member (platform user id), the platform's organiser destination, or a
 * chat or channel (where a native poll was: its final tally).
 */
export type Recipient = { readonly member: string } | { readonly organisers: true } | { readonly chat: string };

/** One queued notice, as stored. */
export interface OutboundNotice {
  readonly platform: Platform;
  readonly to: Recipient;
  readonly replies: readonly Reply[];
  /** Replies already delivered (a notice of several is resumed, not repeated). */
  readonly done: number;
  readonly attempts: number;
  /** Epoch ms before which it is not tried again. */
  readonly notBefore: number;
}

/** Tuning of the outbox. */
export interface OutboxOptions {
  readonly store: Store;
  readonly logger: Logger;
  readonly stats: DeliveryStats;
  /** The delivery of a platform, if it runs in this process. */
  readonly deliveries: (platform: Platform) => Delivery | undefined;
  /** Tries per notice before it is given up (default 8). */
  readonly maxAttempts?: number;
  /** First backoff (default 1 s), doubling up to `maxDelayMs` (default 5 min). */
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  /** How long a sending instance holds a notice (default 60 s). */
  readonly leaseMs?: number;
  /** How often the store is looked at even with nothing due here (default 60 s). */
  readonly sweepMs?: number;
  /**
   * How long a notice is kept for a platform that is not running (default 7 days): notices can carry
   * personal data (a donor's contact for the organisers), so they expire rather than wait forever.
   */
  readonly keepMs?: number;
  readonly now?: () => number;
}

/** The persistent outbound queue. */
export class Outbox {
  private readonly instance = randomBytes(6).toString("hex");
  private seq = 0;
  private round: Promise<void> | undefined;
  private again = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(private readonly opts: OutboxOptions) {}

  /** Stores a notice, then starts sending it. Resolves once it is stored (durable), not once delivered. */
  async enqueue(platform: Platform, to: Recipient, replies: readonly Reply[]): Promise<void> {
    const now = this.now();
    const key = `${String(now).padStart(15, "0")}-${String(this.seq++).padStart(6, "0")}-${this.instance}`;
    const notice: OutboundNotice = { platform, to, replies, done: 0, attempts: 0, notBefore: 0 };
    await this.opts.store.set(NS, key, notice, this.keepMs());
    this.kick();
  }

  /** Starts (or re-runs) a delivery round: also how pending notices are picked up after a restart. */
  kick(): void {
    if (this.stopped) return;
    if (this.round) {
      this.again = true;
      return;
    }
    this.round = (async () => {
      do {
        this.again = false;
        await this.deliverDue().catch((e: unknown) =>
          this.opts.logger.error("outbox round failed", { error: e instanceof Error ? e.message : String(e) }),
        );
      } while (this.again && !this.stopped);
    })().finally(() => {
      this.round = undefined;
    });
  }

  /**
   * Waits until nothing is owed to the platforms running here, or `timeoutMs` passed; resolves to the
   * number of those notices still queued (notices for other platforms wait for them, untouched).
   */
  async flush(timeoutMs: number): Promise<number> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      if (this.round) await this.round;
      const owed = await this.opts.store.list<OutboundNotice>(NS);
      const left = owed.filter((n) => this.opts.deliveries(n.value.platform)).length;
      if (left === 0 || Date.now() >= until || this.stopped) return left;
      this.kick();
      await new Promise((r) => setTimeout(r, Math.min(50, Math.max(0, until - Date.now()))));
    }
  }

  /** Stops retrying (the notices stay stored for the next start) and waits for the round in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.round;
  }

  private keepMs(): number {
    return this.opts.keepMs ?? 7 * 24 * 60 * 60 * 1000;
  }

  private now(): number {
    return this.opts.now?.() ?? Date.now();
  }

  /** One round: every recipient's notices in order, recipients in parallel; schedules the next retry. */
  private async deliverDue(): Promise<void> {
    const all = await this.opts.store.list<OutboundNotice>(NS);
    this.opts.stats.queueDepth = all.length;
    const byRecipient = new Map<string, { key: string; value: OutboundNotice }[]>();
    for (const entry of all) {
      if (!this.opts.deliveries(entry.value.platform)) continue;
      const r = recipientKey(entry.value);
      byRecipient.set(r, [...(byRecipient.get(r) ?? []), entry]);
    }
    const waits = await Promise.all([...byRecipient.values()].map((queue) => this.deliverQueue(queue)));
    this.opts.stats.queueDepth = (await this.opts.store.list(NS)).length;
    // Come back for the next retry, or at the latest after a sweep interval: notices another
    // instance stored and could not send (it stopped) are picked up here.
    const sweep = this.now() + (this.opts.sweepMs ?? 60_000);
    const next = Math.min(sweep, ...waits.filter((w): w is number => w !== undefined));
    if (!this.stopped) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => this.kick(), Math.max(0, next - this.now()));
      this.timer.unref?.();
    }
  }

  /** Sends one recipient's notices in order; returns when to come back if one must wait. */
  private async deliverQueue(queue: readonly { key: string; value: OutboundNotice }[]): Promise<number | undefined> {
    for (const { key, value } of queue) {
      if (this.stopped) return undefined;
      if (value.notBefore > this.now()) return value.notBefore;
      const leased = await this.opts.store.add(LEASE_NS, key, this.instance, this.opts.leaseMs ?? 60_000);
      if (!leased) return this.now() + (this.opts.leaseMs ?? 60_000);
      try {
        const current = await this.opts.store.get<OutboundNotice>(NS, key);
        if (!current) continue; // another instance delivered it meanwhile
        const wait = await this.attempt(key, current);
        if (wait !== undefined) return wait;
      } finally {
        await this.opts.store.delete(LEASE_NS, key);
      }
    }
    return undefined;
  }

  /** Tries one notice; undefined when it is settled (sent or given up), else when to try again. */
  private async attempt(key: string, notice: OutboundNotice): Promise<number | undefined> {
    const { stats, logger, store } = this.opts;
    const delivery = this.opts.deliveries(notice.platform);
    if (!delivery) return undefined;
    let done = notice.done;
    try {
      for (; done < notice.replies.length; done++) {
        await send(delivery, notice.to, notice.replies.slice(done, done + 1));
      }
      await store.delete(NS, key);
      stats.count(notice.platform, "notice", "sent");
      return undefined;
    } catch (e) {
      const attempts = notice.attempts + 1;
      const permanent = e instanceof DeliveryFailure && e.permanent;
      const error = e instanceof Error ? e.message : String(e);
      if (permanent || attempts >= (this.opts.maxAttempts ?? 8)) {
        await store.delete(NS, key);
        stats.count(notice.platform, "notice", "failed");
        logger.error("notice given up", { platform: notice.platform, to: notice.to, attempts, permanent, error });
        return undefined;
      }
      const delay = retryDelay(attempts, e, this.opts.baseDelayMs ?? 1_000, this.opts.maxDelayMs ?? 300_000);
      const notBefore = this.now() + delay;
      const left = Number(key.slice(0, 15)) + this.keepMs() - this.now();
      await store.set(NS, key, { ...notice, done, attempts, notBefore } satisfies OutboundNotice, Math.max(1, left));
      stats.count(notice.platform, "notice", "retried");
      logger.warn("notice will be retried", { platform: notice.platform, attempts, delayMs: delay, error });
      return notBefore;
    }
  }
}

async function send(delivery: Delivery, to: Recipient, replies: readonly Reply[]): Promise<void> {
  if ("member" in to) {
    await delivery.toMember(to.member, replies);
    return;
  }
  if ("chat" in to) {
    if (!delivery.toChat) throw new DeliveryFailure("no posting in chats", { permanent: true });
    await delivery.toChat(to.chat, replies);
    return;
  }
  if (!(await delivery.toOrganisers(replies))) {
    throw new DeliveryFailure("no organiser destination", { permanent: true });
  }
}

function recipientKey(n: OutboundNotice): string {
  if ("member" in n.to) return `${n.platform}:${n.to.member}`;
  return "chat" in n.to ? `${n.platform}:chat:${n.to.chat}` : `${n.platform}:organisers`;
}
