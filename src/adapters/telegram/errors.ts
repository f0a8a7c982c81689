/**
 * Telegram's errors, as the adapter treats them: a 429 carries
 * `parameters.retry_after` (seconds) and is retried after it, in place, a
 * bounded number of times; a 5xx or a network failure is transient; any
 * other 4xx (403 blocked by the member, 400 chat not found) is permanent.
 */
import { TelegramError } from "telegraf";
import { DeliveryFailure } from "../../core/delivery.ts";

/** Tries of one API call when Telegram answers 429 (the first included). */
export const MAX_SEND_ATTEMPTS = 4;
/** A 429 asking for a longer wait than this is not waited for in place (the outbox retries notices later). */
export const MAX_INLINE_WAIT_MS = 30_000;

/** The wait Telegram asked for, in ms, when `e` is a 429 with `retry_after`. */
export function retryAfterMs(e: unknown): number | undefined {
  if (!(e instanceof TelegramError) || e.code !== 429) return undefined;
  const seconds = e.parameters?.retry_after;
  return typeof seconds === "number" ? seconds * 1000 : 1000;
}

/**
 * Runs one API call; on a 429 waits `retry_after` and tries again (at most {@link MAX_SEND_ATTEMPTS}
 * tries, each wait at most {@link MAX_INLINE_WAIT_MS}). `onRetry` is told before each new try.
 */
export async function withRateLimitRetry<T>(call: () => Promise<T>, onRetry: (waitMs: number) => void): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (e) {
      const wait = retryAfterMs(e);
      if (wait === undefined || wait > MAX_INLINE_WAIT_MS || attempt >= MAX_SEND_ATTEMPTS) throw e;
      onRetry(wait);
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

/** A failed call, classified for the outbox: retried later unless the error is a permanent refusal. */
export function toFailure(e: unknown): DeliveryFailure {
  if (e instanceof DeliveryFailure) return e;
  if (e instanceof TelegramError) {
    const transient = e.code === 429 || e.code >= 500;
    return new DeliveryFailure(describe(e), { permanent: !transient, retryAfterMs: retryAfterMs(e), cause: e });
  }
  return new DeliveryFailure(describe(e), { permanent: false, cause: e });
}

/** A log line for an error: Telegram's code and description, or the message. */
export function describe(e: unknown): string {
  if (e instanceof TelegramError) return `Telegram API ${e.code}: ${e.description}`;
  return e instanceof Error ? e.message : String(e);
}
