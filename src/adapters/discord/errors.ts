/**
 * Discord's errors, classified for the outbox. discord.js already waits out
 * 429s (per rate-limit bucket, in order) and retries 5xx and network failures
 * a few times; what reaches us is either a refusal (4xx: DMs closed, unknown
 * channel, missing access; permanent) or a failure that outlived those retries
 * (5xx, network, a rejected rate limit; worth trying again later).
 */
import { DiscordAPIError, HTTPError, RateLimitError } from "discord.js";
import { DeliveryFailure } from "../../core/delivery.ts";

/** A failed send as the outbox sees it. */
export function toFailure(e: unknown): DeliveryFailure {
  if (e instanceof DeliveryFailure) return e;
  if (e instanceof RateLimitError) {
    return new DeliveryFailure(e.message, { permanent: false, retryAfterMs: e.retryAfter, cause: e });
  }
  if (e instanceof DiscordAPIError) {
    const transient = e.status === 429 || e.status >= 500;
    return new DeliveryFailure(`Discord API ${e.status} (${e.code}): ${e.message}`, {
      permanent: !transient,
      cause: e,
    });
  }
  if (e instanceof HTTPError) return new DeliveryFailure(e.message, { permanent: e.status < 500, cause: e });
  return new DeliveryFailure(e instanceof Error ? e.message : String(e), { permanent: false, cause: e });
}

/** The work's result if it settles within `ms`, else undefined (the work goes on). */
export async function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Log data that tells a refusal by Discord's API apart from a failure to reach it. */
export function describeFailure(e: unknown): Record<string, unknown> {
  if (e instanceof DiscordAPIError) {
    return { failure: "refused", status: e.status, code: e.code, method: e.method, error: e.message };
  }
  if (e instanceof HTTPError) return { failure: "http", status: e.status, method: e.method, error: e.message };
  const error = e instanceof Error ? e.message : String(e);
  const cause = e instanceof Error && e.cause instanceof Error ? e.cause : e;
  const code = typeof cause === "object" && cause !== null && "code" in cause ? String(cause.code) : "";
  const network = /^(E[A-Z]+|UND_ERR)/.test(code) || /fetch failed|socket|timed? ?out|aborted/i.test(error);
  return { failure: network ? "network" : "internal", error, ...(code ? { code } : {}) };
}
