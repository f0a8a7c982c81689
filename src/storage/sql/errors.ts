/** How database failures reach the core: constraint violations are answers, anything else means "try again". */

import { OfferConflictError } from "../../core/donations/repo.ts";
import { StoreUnavailableError } from "../../core/errors.ts";

/** Whether an error is a unique or primary-key violation (SQLite or PostgreSQL). */
export function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === "23505") return true;
  const text = e instanceof Error ? `${e.message} ${String((e as { cause?: unknown }).cause ?? "")}` : String(e);
  return /UNIQUE constraint failed|PRIMARY KEY constraint|SQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY)/.test(text);
}

/** Runs a records operation; an unexpected database failure becomes {@link StoreUnavailableError}. */
export async function guard<T>(op: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof StoreUnavailableError || e instanceof OfferConflictError) throw e;
    throw new StoreUnavailableError(`records ${op} failed: ${e instanceof Error ? e.message : String(e)}`, {
      cause: e,
    });
  }
}
