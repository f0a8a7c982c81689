/**
 * What each storage backend adds to its keyv adapter: the operations keyv
 * lacks (atomic create-if-absent, atomic counter, expiry-aware delete, listing)
 * written in the backend's own language, on the same connection, over the same
 * rows keyv reads and writes. Records keep keyv's layout: key `<ns>:<key>`,
 * value the keyv serialisation of `{ value, expires? }` (JSON text).
 */
import type { KeyvStoreAdapter } from "keyv";

/** One stored row as keyv wrote it: the full key and its serialised JSON text. */
export interface RawRecord {
  readonly key: string;
  readonly raw: string;
}

/** One write of {@link Backend.write}: `raw` (as keyv serialised it, TTL `ttlMs`) stored, or the key deleted when absent. */
export interface RawWrite {
  readonly key: string;
  readonly raw?: string | undefined;
  readonly ttlMs?: number | undefined;
}

/** A storage backend under {@link KeyvStore}. Keys are full keys (`<ns>:<key>`). */
export interface Backend {
  readonly kind: "sqlite" | "postgres" | "redis";
  /**
   * Calls run in this process and return before anything else can run (a local file): one cannot
   * hang on a network, so it needs no timeout of its own (SQLite's busy timeout bounds a lock wait).
   */
  readonly inProcess?: boolean;
  /** The keyv adapter, used for reads and writes through keyv. */
  readonly adapter: KeyvStoreAdapter;
  /** The namespace keyv must hand the adapter (the adapter prefixes keys with it), if any. */
  readonly namespace?: string | undefined;
  /** Connects and creates the schema if needed; idempotent, retried after a failure. */
  ready(): Promise<void>;
  /** Writes `raw` unless a live record exists; true when written. `now` decides what has expired. */
  add(key: string, raw: string, ttlMs: number | undefined, now: number): Promise<boolean>;
  /** Adds `by` to the number in a live record, or writes `createRaw` (TTL `ttlMs`); returns the stored text. */
  increment(key: string, by: number, createRaw: string, ttlMs: number | undefined, now: number): Promise<string>;
  /** Deletes a record; returns the text it held (possibly expired), or undefined. */
  remove(key: string): Promise<string | undefined>;
  /** Applies the writes (distinct keys) all or none, in one transaction. */
  write(writes: readonly RawWrite[]): Promise<void>;
  /** Every row whose key starts with `prefix` (expired ones included; the caller filters). */
  scan(prefix: string): Promise<RawRecord[]>;
  /** Deletes rows expired at `now` (a no-op where the backend expires keys itself). */
  purgeExpired(now: number): Promise<number>;
  /** Whether an error means "the backend cannot be reached right now". */
  isUnavailable(e: unknown): boolean;
  close(): Promise<void>;
}

const NET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "ENOTCONN",
]);

/** Network failures every backend shares (refused, reset, unreachable, timed out). */
export function isNetworkError(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === "string" && NET_CODES.has(code)) return true;
  if (e instanceof AggregateError) return e.errors.some(isNetworkError);
  return e.cause !== undefined && e.cause !== e && isNetworkError(e.cause);
}

/**
 * The smallest string greater than every string that starts with `prefix`
 * (in code point order, which is SQLite's and PostgreSQL's "C" byte order),
 * or undefined when there is none. For range scans that use the key index.
 */
export function prefixUpperBound(prefix: string): string | undefined {
  const cps = [...prefix];
  while (cps.length > 0) {
    const last = cps.pop() ?? "";
    let cp = (last.codePointAt(0) ?? 0) + 1;
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xe000;
    if (cp <= 0x10ffff) return cps.join("") + String.fromCodePoint(cp);
  }
  return undefined;
}

/** A SQL identifier (table or schema name) we accept: lower-case letters, digits, underscores. */
export function checkIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`invalid table or schema name: ${name}`);
  return name;
}
