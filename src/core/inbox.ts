/**
 * Updates received from a platform and not yet handled, kept in the store.
 *
 * Telegram's long polling confirms every update below the offset of the next getUpdates call, so
 * a bot that confirms only what it has handled cannot ask for new updates while others run:
 * Telegram answers at once with the unconfirmed ones. Keeping each update here before confirming
 * it lets the adapter poll on while earlier updates run (a new message is taken at once, not after
 * the ones before it), and a restart still handles what was received but not finished: the
 * adapter hands these back first. A record is deleted as soon as its update has been handled (its
 * effect stored, its replies sent); one left by a crash expires after a day.
 */
import type { Store } from "./ports.ts";
import type { Platform } from "./types.ts";

const NS = "inbox";
/** How long an unhandled update is kept: it holds a member's message. */
const KEEP_MS = 24 * 60 * 60_000;
/** Ids are stored zero-padded, so the store's key order is the order they arrived in. */
const ID_DIGITS = 16;

/** One platform's received, unhandled updates. */
export class Inbox {
  constructor(
    private readonly store: Store,
    private readonly platform: Platform,
  ) {}

  private key(id: number): string {
    return `${this.platform}:${String(id).padStart(ID_DIGITS, "0")}`;
  }

  /** Keeps an update until {@link done}; resolves once it is durable. */
  keep(id: number, update: unknown): Promise<void> {
    return this.store.set(NS, this.key(id), update, KEEP_MS);
  }

  /** Forgets a handled update. */
  async done(id: number): Promise<void> {
    await this.store.delete(NS, this.key(id));
  }

  /** The updates kept and not handled (an earlier process stopped first), oldest first. */
  async pending<U>(): Promise<{ id: number; update: U }[]> {
    const rows = await this.store.list<U>(NS, `${this.platform}:`);
    return rows.map((r) => ({ id: Number(r.key.slice(this.platform.length + 1)), update: r.value }));
  }
}
