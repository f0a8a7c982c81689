/**
 * Routes notifications to the adapter of the recipient's platform (member ids
 * are platform-qualified) and organiser notices to every platform's organiser
 * destination. Delivery is best effort: a failure is logged, never thrown back
 * into the action that caused it (which has already been stored).
 */
import type { Logger, NativePoll, Notifier } from "./ports.ts";
import type { Reply } from "./replies.ts";
import type { Platform } from "./types.ts";

/** What an adapter can deliver outside the current conversation. */
export interface Delivery {
  toMember(platformUserId: string, replies: readonly Reply[]): Promise<void>;
  /** False when this platform has no organiser destination. */
  toOrganisers(replies: readonly Reply[]): Promise<boolean>;
  /** Ends a native poll this platform posted. */
  closePoll?(poll: NativePoll): Promise<void>;
}

/** A {@link Notifier} over the running adapters. */
export class NotifierHub implements Notifier {
  private readonly deliveries = new Map<Platform, Delivery>();

  constructor(private readonly logger: Logger) {}

  /** Adds (or replaces) the delivery of a platform. */
  register(platform: Platform, delivery: Delivery): void {
    this.deliveries.set(platform, delivery);
  }

  async toMember(memberId: string, replies: readonly Reply[]): Promise<void> {
    const colon = memberId.indexOf(":");
    const platform = memberId.slice(0, colon) as Platform;
    const delivery = this.deliveries.get(platform);
    if (!delivery) {
      this.logger.warn("no delivery for member's platform", { memberId });
      return;
    }
    await this.safely(() => delivery.toMember(memberId.slice(colon + 1), replies), platform);
  }

  async toOrganisers(replies: readonly Reply[]): Promise<boolean> {
    const reached = await Promise.all(
      [...this.deliveries].map(([platform, d]) => this.safely(() => d.toOrganisers(replies), platform)),
    );
    if (!reached.includes(true))
      this.logger.error("a notice reached no organiser (no organiser chat or channel configured?)");
    return reached.includes(true);
  }

  async closeNativePoll(poll: NativePoll): Promise<void> {
    const close = this.deliveries.get(poll.platform)?.closePoll;
    if (close) await this.safely(() => close(poll), poll.platform);
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
