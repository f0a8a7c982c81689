/**
 * One member's events are handled one after another, different members' in parallel: a
 * platform may deliver a batch of updates at once (Telegram's getUpdates), and a member's
 * second message must not overtake the first ("/propose" then its title, two poll changes).
 * {@link KeyedSerializer} orders events within one process; where several instances share a
 * store (a Telegram webhook behind a load balancer), a {@link MemberLease} in that store keeps
 * two instances from handling one member's events at the same time.
 */
import { randomBytes } from "node:crypto";
import type { Logger, Store } from "./ports.ts";

/** Runs work for a key while holding something shared with other processes (a {@link MemberLease}). */
export interface KeyHold {
  hold<T>(key: string, task: () => Promise<T>): Promise<T>;
}

export class KeyedSerializer {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** `across`: also held across instances (the tasks of one key in this process already wait for each other). */
  constructor(private readonly across?: KeyHold) {}

  /** Runs `task` after every earlier task of the same key has settled. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const across = this.across;
    const work = across ? () => across.hold(key, task) : task;
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(work, work);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** How many keys have work queued or running. */
  get busy(): number {
    return this.tails.size;
  }
}

/** Tuning of a {@link MemberLease}. */
export interface MemberLeaseOptions {
  /** A lease not released (its instance died) lapses after this long. */
  readonly ttlMs?: number;
  /** The longest an event waits for another instance's lease before it is handled anyway. */
  readonly waitMs?: number;
  /** First pause between tries (doubling up to `maxBackoffMs`). */
  readonly backoffMs?: number;
  readonly maxBackoffMs?: number;
}

/** How long one event may take to be handled (an answer written by a language model), with room. */
const LEASE_TTL_MS = 90_000;
const LEASE_WAIT_MS = 15_000;

/**
 * A short-lived per-member lease in a shared store: an instance takes it (an atomic `add` with a
 * TTL) before handling a member's event and releases it after; another instance with an event of
 * the same member waits, retrying with a small backoff. The wait is bounded: a lease left by an
 * instance that died lapses with its TTL, and an event that waited `waitMs` is handled anyway
 * (logged) rather than lost. Release deletes the lease only if it is still this holder's (a read
 * then a delete: a lease that lapsed during a very slow event may, rarely, be released for its next
 * holder). If the store fails, the event is handled without a lease: the handler meets the same
 * failure and tells the member.
 */
export class MemberLease implements KeyHold {
  private readonly ttlMs: number;
  private readonly waitMs: number;
  private readonly backoffMs: number;
  private readonly maxBackoffMs: number;

  constructor(
    private readonly store: Store,
    private readonly logger: Logger,
    opts: MemberLeaseOptions = {},
  ) {
    this.ttlMs = opts.ttlMs ?? LEASE_TTL_MS;
    this.waitMs = opts.waitMs ?? LEASE_WAIT_MS;
    this.backoffMs = opts.backoffMs ?? 5;
    this.maxBackoffMs = opts.maxBackoffMs ?? 100;
  }

  async hold<T>(key: string, task: () => Promise<T>): Promise<T> {
    const token = randomBytes(8).toString("hex");
    const held = await this.take(key, token);
    try {
      return await task();
    } finally {
      if (held) await this.release(key, token);
    }
  }

  private async take(key: string, token: string): Promise<boolean> {
    const deadline = Date.now() + this.waitMs;
    let pause = this.backoffMs;
    for (;;) {
      try {
        if (await this.store.add("lease", key, token, this.ttlMs)) return true;
      } catch (e) {
        this.logger.warn("member lease unavailable; handling without it", { key, error: String(e) });
        return false;
      }
      if (Date.now() >= deadline) {
        this.logger.warn("member lease still held by another instance; handling anyway", { key });
        return false;
      }
      await new Promise((r) => setTimeout(r, pause));
      pause = Math.min(this.maxBackoffMs, pause * 2);
    }
  }

  private async release(key: string, token: string): Promise<void> {
    try {
      if ((await this.store.get<string>("lease", key)) === token) await this.store.delete("lease", key);
    } catch (e) {
      this.logger.warn("member lease not released; it lapses by itself", { key, error: String(e) });
    }
  }
}
