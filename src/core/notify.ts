/**
 * Routes notifications to the adapter of the recipient's platform (member ids
 * are platform-qualified) and organiser notices to every platform's organiser
 * destination. A platform whose delivery is `durable` gets its notices through
 * the persistent {@link Outbox} (stored first, retried, delivered after a
 * restart); others are sent at once, best effort. A failure is logged, never
 * thrown back into the action that caused it (which has already been stored).
 */
import { type Delivery, DeliveryStats } from "./delivery.ts";
import { Outbox, type OutboxOptions } from "./outbox.ts";
import type { Logger, NativePoll, Notifier } from "./ports.ts";
import type { Reply } from "./replies.ts";
import type { Platform } from "./types.ts";

export type { Delivery } from "./delivery.ts";

/** The store (and tuning) of the outbox; without it every notice is sent at once. */
export type DurableOptions = Omit<OutboxOptions, "logger" | "stats" | "deliveries"> & {
  readonly stats?: DeliveryStats;
};

/** A {@link Notifier} over the running adapters. */
export class NotifierHub implements Notifier {
  private readonly deliveries = new Map<Platform, Delivery>();
  /** Delivery counters and outbox depth, for a metrics endpoint. */
  readonly stats: DeliveryStats;
  private readonly outbox: Outbox | undefined;

  constructor(
    private readonly logger: Logger,
    durable?: DurableOptions,
  ) {
    this.stats = durable?.stats ?? new DeliveryStats();
    this.outbox = durable
      ? new Outbox({ ...durable, logger, stats: this.stats, deliveries: (p) => this.deliveries.get(p) })
      : undefined;
  }

  /** Adds (or replaces) the delivery of a platform, and sends what the outbox still owes it. */
  register(platform: Platform, delivery: Delivery): void {
    this.deliveries.set(platform, delivery);
    if (delivery.durable) this.outbox?.kick();
  }

  async toMember(memberId: string, replies: readonly Reply[]): Promise<void> {
    const colon = memberId.indexOf(":");
    const platform = memberId.slice(0, colon) as Platform;
    const userId = memberId.slice(colon + 1);
    const delivery = this.deliveries.get(platform);
    if (!delivery) {
      this.logger.warn("no delivery for member's platform", { memberId });
      return;
    }
    const outbox = delivery.durable ? this.outbox : undefined;
    if (outbox) {
      await this.safely(() => outbox.enqueue(platform, { member: userId }, replies), platform);
      return;
    }
    await this.safely(() => delivery.toMember(userId, replies), platform);
  }

  async toOrganisers(replies: readonly Reply[]): Promise<boolean> {
    const reached = await Promise.all(
      [...this.deliveries].map(([platform, d]) => {
        const outbox = d.durable ? this.outbox : undefined;
        if (!outbox) return this.safely(() => d.toOrganisers(replies), platform);
        if (d.hasOrganisers === false) return false;
        return this.safely(() => outbox.enqueue(platform, { organisers: true }, replies), platform);
      }),
    );
    if (!reached.includes(true))
      this.logger.error("a notice reached no organiser (no organiser chat or channel configured?)");
    return reached.includes(true);
  }

  async closeNativePoll(poll: NativePoll): Promise<void> {
    const close = this.deliveries.get(poll.platform)?.closePoll;
    if (close) await this.safely(() => close(poll), poll.platform);
  }

  /** Through the outbox where the platform's delivery is durable (retried, kept across restarts). */
  async toPollChat(poll: NativePoll, replies: readonly Reply[]): Promise<void> {
    const delivery = this.deliveries.get(poll.platform);
    const post = delivery?.toChat;
    if (!post) return;
    const outbox = delivery.durable ? this.outbox : undefined;
    if (outbox) {
      await this.safely(() => outbox.enqueue(poll.platform, { chat: poll.chatId }, replies), poll.platform);
      return;
    }
    await this.safely(() => post(poll.chatId, replies), poll.platform);
  }

  /** Platforms running without an organiser destination: their organiser notices go nowhere. */
  withoutOrganisers(): Platform[] {
    return [...this.deliveries].filter(([, d]) => d.hasOrganisers === false).map(([p]) => p);
  }

  /** Waits (at most `timeoutMs`) for the outbox to empty; resolves to the number of notices still owed. */
  async flush(timeoutMs: number): Promise<number> {
    return this.outbox ? this.outbox.flush(timeoutMs) : 0;
  }

  /** Stops the outbox's retries; what it still owes stays stored for the next start. */
  async stop(): Promise<void> {
    await this.outbox?.stop();
  }

  private async safely(send: () => Promise<unknown>, platform: Platform): Promise<boolean> {
    try {
      return (await send()) !== false;
    } catch (e) {
      this.logger.error("notification failed", { platform, error: e instanceof Error ? e.message : String(e) });
      return false;
    }
  }
}
