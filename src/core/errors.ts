/**
 * Expected failures carry a stable code the core turns into a localised
 * message; unexpected ones are thrown, logged once, and answered generically.
 */

/** The storage backend could not be reached: members are asked to try again shortly. */
export class StoreUnavailableError extends Error {
  override readonly name = "StoreUnavailableError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A result of an operation that can fail in an expected way. */
export type Result<T, E extends string = string> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E; readonly detail?: string };

/** A successful {@link Result}. */
export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

/** A failed {@link Result} with a stable error code. */
export function err<E extends string>(
  error: E,
  detail?: string,
): { readonly ok: false; readonly error: E; readonly detail?: string } {
  return detail === undefined ? { ok: false, error } : { ok: false, error, detail };
}
