/**
 * The storage factory: one {@link Store} over keyv, whose backend the
 * `STORAGE_URL` chooses. No URL: a SQLite file `<dataDir>/bot.sqlite` (WAL,
 * busy timeout). `sqlite://path`, `postgresql://...` / `postgres://...` and
 * `redis://...` / `rediss://...` select the backend. Several bot processes may
 * share one PostgreSQL, Redis or SQLite file: everything lives in the store.
 */
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import Keyv from "keyv";
import type { Logger, Store } from "../core/ports.ts";
import type { Backend } from "./backend.ts";
import { KeyvStore } from "./keyv-store.ts";
import { sqliteBackend } from "./sqlite.ts";

export { KeyvStore, type StoredRecord } from "./keyv-store.ts";

/** Options of {@link openStore}. */
export interface StoreOptions {
  readonly url?: string | undefined;
  readonly dataDir: string;
  readonly logger: Logger;
  /**
   * Isolates this store from others on the same server (tests, parallel runs):
   * the SQL table name, or the Redis key namespace. Lower-case letters, digits, underscores.
   */
  readonly isolate?: string;
  /** Upper bound of one store call in ms (default 8,000). */
  readonly timeoutMs?: number;
}

/** The store the configuration asks for. Throws if the URL is malformed or the backend rejects us (bad credentials). */
export async function createStore(opts: { url?: string | undefined; dataDir: string; logger: Logger }): Promise<Store> {
  return openStore(opts);
}

/** Like {@link createStore}, returning the concrete store (backups, tests, benchmarks). */
export async function openStore(opts: StoreOptions): Promise<KeyvStore> {
  const backend = await selectBackend(opts);
  // Keys are composed by KeyvStore (`<ns>:<key>`), so keyv adds no prefix; the Redis adapter
  // gets its isolating namespace through keyv, which otherwise defaults it to "keyv".
  const keyv = new Keyv({ store: backend.adapter, useKeyPrefix: false, throwOnErrors: true });
  keyv.namespace = backend.namespace;
  const store = new KeyvStore(
    backend,
    keyv,
    opts.logger,
    opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs },
  );
  try {
    const ready = await Promise.race([
      backend.ready().then(() => true),
      new Promise<false>((r) => setTimeout(() => r(false), 3000).unref()),
    ]);
    if (ready) await store.purge();
  } catch (e) {
    if (!backend.isUnavailable(e)) {
      await store.close();
      throw e;
    }
    // Down at start-up: members are told to try again until it comes back.
    opts.logger.warn("storage backend unreachable at start; will keep trying", {
      backend: backend.kind,
      error: String(e),
    });
  }
  opts.logger.info("storage ready", { backend: backend.kind, url: redact(opts.url) });
  return store;
}

/** The backend of a URL; PostgreSQL's and Redis's clients load only when asked for (0.7 s at start). */
async function selectBackend(opts: StoreOptions): Promise<Backend> {
  const url = opts.url?.trim();
  const isolate = opts.isolate;
  if (!url || url.startsWith("sqlite:")) {
    const path = url ? url.replace(/^sqlite:(\/\/)?/, "") : "";
    const file = path ? resolve(path) : join(resolve(opts.dataDir), "bot.sqlite");
    mkdirSync(dirname(file), { recursive: true });
    return sqliteBackend({ file, ...(isolate ? { table: isolate } : {}) });
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    const { postgresBackend } = await import("./postgres.ts");
    return postgresBackend({ url, logger: opts.logger, ...(isolate ? { table: isolate } : {}) });
  }
  if (/^rediss?:\/\//.test(url)) {
    const { redisBackend } = await import("./redis.ts");
    return redisBackend({ url, logger: opts.logger, ...(isolate ? { namespace: isolate } : {}) });
  }
  throw new Error(
    `STORAGE_URL must start with sqlite://, postgresql://, postgres:// or redis:// (got "${redact(url)}")`,
  );
}

/** A URL without its password, for logs. */
export function redact(url: string | undefined): string {
  if (!url) return "(default sqlite)";
  return url.replace(/\/\/([^:/@]+):([^@]*)@/, "//$1:***@");
}
