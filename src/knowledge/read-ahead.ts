/**
 * Readings started ahead of their use. The core asks the knowledge's thread to read a text message as
 * soon as it arrives, then does its own checks and bookkeeping on the event loop (a duplicate? the
 * rate limit, the member's language, the conversation, the form in progress); by the time it asks for
 * the answer, the thread has read the message meanwhile, and answers it. Each reading started ahead
 * is taken once. One never taken (a text that turned out to be a form's answer: a phone number, an
 * address; a duplicate; a message over the rate limit) is dropped after {@link MAX_AGE_MS}, and at most
 * {@link MAX_AHEAD} wait, the oldest going first.
 */
import { keepNewest } from "../core/bounded.ts";
import type { Reading } from "../core/ports.ts";

/** Readings started ahead that wait to be taken, at most. */
export const MAX_AHEAD = 64;
/** How long a reading started ahead waits to be taken, in ms (its answer is asked within milliseconds). */
export const MAX_AGE_MS = 10_000;

export class ReadAhead {
  private readonly started = new Map<string, Promise<Reading>>();

  constructor(
    private readonly read: (text: string) => Promise<Reading>,
    private readonly max = MAX_AHEAD,
    private readonly maxAgeMs = MAX_AGE_MS,
  ) {}

  /** Starts reading `text`, unless its reading has already started and waits. */
  start(text: string): void {
    if (this.started.has(text)) return;
    const reading = this.read(text);
    // A failure shows when the reading is taken; one never taken fails quietly.
    reading.catch(() => undefined);
    this.started.set(text, reading);
    keepNewest(this.started, this.max);
    setTimeout(() => {
      if (this.started.get(text) === reading) this.started.delete(text);
    }, this.maxAgeMs).unref();
  }

  /** The reading of `text`: the one started ahead (taken, so it is not used twice), or a new one. */
  take(text: string): Promise<Reading> {
    const reading = this.started.get(text);
    if (!reading) return this.read(text);
    this.started.delete(text);
    return reading;
  }

  /** Readings started and not yet taken. */
  get waiting(): number {
    return this.started.size;
  }
}
