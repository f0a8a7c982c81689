/**
 * Readings started ahead of their use. The core asks the knowledge's thread to read a text message as
 * soon as it arrives, then does its own checks and bookkeeping on the event loop (a duplicate? the
 * rate limit, the member's language, the conversation, the form in progress); by the time it asks for
 * the answer, the thread has read the message meanwhile, and answers it. Each reading started ahead
 * is taken once. One never taken (a text that turned out to be a form's answer: a phone number, an
 * address; a duplicate; a message over the rate limit) is dropped once it is older than
 * {@link MAX_AGE_MS}, and at most {@link MAX_AHEAD} wait, the oldest going first.
 */
import { keepNewest } from "../core/bounded.ts";
import type { Reading } from "../core/ports.ts";

/** Readings started ahead that wait to be taken, at most. */
export const MAX_AHEAD = 64;
/** How long a reading started ahead waits to be taken, in ms (its answer is asked within milliseconds). */
export const MAX_AGE_MS = 10_000;

export class ReadAhead {
  /** Readings waiting to be taken, oldest first, each with when it was started (ms). */
  private readonly started = new Map<string, { readonly reading: Promise<Reading>; readonly at: number }>();

  constructor(
    private readonly read: (text: string) => Promise<Reading>,
    private readonly max = MAX_AHEAD,
    private readonly maxAgeMs = MAX_AGE_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Starts reading `text`, unless its reading has already started and waits. */
  start(text: string): void {
    this.dropStale();
    if (this.started.has(text)) return;
    const reading = this.read(text);
    // A failure shows when the reading is taken; one never taken fails quietly.
    reading.catch(() => undefined);
    this.started.set(text, { reading, at: this.now() });
    keepNewest(this.started, this.max);
  }

  /** The reading of `text`: the one started ahead (taken, so it is not used twice), or a new one. */
  take(text: string): Promise<Reading> {
    this.dropStale();
    const waiting = this.started.get(text);
    if (!waiting) return this.read(text);
    this.started.delete(text);
    return waiting.reading;
  }

  /** Readings started and not yet taken. */
  get waiting(): number {
    this.dropStale();
    return this.started.size;
  }

  /**
   * Drops the readings started more than `maxAgeMs` ago, found when the reader is next used. (A timer
   * per reading kept every reading alive for `maxAgeMs`, taken or not: 2,000 of them at 200 messages
   * a second, moved into V8's old generation. Without them the knowledge's thread moved a third less
   * to it per young collection, fresh questions at 200/s through Telegram: 0.2 MB against 0.3.)
   */
  private dropStale(): void {
    const before = this.now() - this.maxAgeMs;
    for (const [text, { at }] of this.started) {
      if (at > before) return;
      this.started.delete(text);
    }
  }
}
