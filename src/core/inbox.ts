/**
 * Updates received from a platform and not yet handled, kept in the store.
 *
 * Telegram's long polling confirms every update below the offset of the next getUpdates call, so
 * a bot that confirms only what it has handled cannot ask for new updates while others run:
 * Telegram answers at once with the unconfirmed ones. Keeping each update here before confirming
 * it lets the adapter poll on while earlier updates run (a new message is taken at once, not after
 * the ones before it), and a restart still handles what was received but not finished: the
 * adapter hands these back first. A record is deleted once its update has been handled (its
 * effect stored, its replies sent); one left by a crash expires after a day.
 *
 * The records of handled updates are deleted in the same write as the next updates kept (one
 * transaction for both, not one per record), or after {@link FORGET_AFTER_MS} when no update comes.
 * An update that a crash leaves kept after it was handled comes back at the restart, where the core
 * recognises a message, a button press or a vote by its id as handled already (as it did when a
 * crash came between handling an update and deleting its record).
 */
import type { Store, StoreWrite } from "./ports.ts";
import type { Platform } from "./types.ts";

const NS = "inbox";
/** How long an unhandled update is kept: it holds a member's message. */
const KEEP_MS = 24 * 60 * 60_000;
/** Ids are stored zero-padded, so the store's key order is the order they arrived in. */
const ID_DIGITS = 16;
/** How long a handled update's record may wait for the next updates before it is deleted on its own. */
export const FORGET_AFTER_MS = 1000;

/** One platform's received, unhandled updates. */
export class Inbox {
  /** Handled updates whose records are not deleted yet. */
  private readonly handled = new Set<number>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly store: Store,
    private readonly platform: Platform,
    private readonly forgetAfterMs = FORGET_AFTER_MS,
  ) {}

  private key(id: number): string {
    return `${this.platform}:${String(id).padStart(ID_DIGITS, "0")}`;
  }

  /**
   * Keeps received updates until each is {@link done}, in one write with the deletion of those
   * handled since the last; resolves once it is durable.
   */
  keep(updates: readonly { readonly id: number; readonly update: unknown }[]): Promise<void> {
    return this.write(updates.map(({ id, update }) => ({ ns: NS, key: this.key(id), set: update, ttlMs: KEEP_MS })));
  }

  /** Forgets a handled update: its record goes with the next write, at the latest after `forgetAfterMs`. */
  done(id: number): void {
    this.handled.add(id);
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // A store that is down now: the records go with a later write (or expire).
      this.flush().catch(() => {});
    }, this.forgetAfterMs);
    this.timer.unref();
  }

  /** Deletes the records of the updates handled so far (before the store closes). */
  flush(): Promise<void> {
    return this.handled.size > 0 ? this.write([]) : Promise.resolve();
  }

  /** The updates kept and not handled (an earlier process stopped first), oldest first. */
  async pending<U>(): Promise<{ id: number; update: U }[]> {
    const rows = await this.store.list<U>(NS, `${this.platform}:`);
    return rows.map((r) => ({ id: Number(r.key.slice(this.platform.length + 1)), update: r.value }));
  }

  private async write(kept: StoreWrite[]): Promise<void> {
    const handled = [...this.handled];
    this.handled.clear();
    clearTimeout(this.timer);
    this.timer = undefined;
    try {
      await this.store.write([...handled.map((id) => ({ ns: NS, key: this.key(id), delete: true as const })), ...kept]);
    } catch (e) {
      for (const id of handled) this.done(id);
      throw e;
    }
  }
}
