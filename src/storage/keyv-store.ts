/**
 * The {@link Store} over keyv and one {@link Backend}. Writes go through keyv
 * (its serialisation, its adapters, TTL as keyv stores it); reads use the keyv
 * adapter and deserialiser but never delete on read, so an expired record that
 * another process has just re-created is not removed by a stale reader (keyv's
 * own `get` deletes unconditionally). Every call is bounded by a timeout and
 * every backend failure surfaces as {@link StoreUnavailableError}.
 */
import type Keyv from "keyv";
import { StoreUnavailableError } from "../core/errors.ts";
import type { Logger, Store, StoreWrite } from "../core/ports.ts";
import type { Backend, RawWrite } from "./backend.ts";

/** A record as exported: namespace, key, value and expiry time (ms since epoch) if any. */
export interface StoredRecord {
  readonly ns: string;
  readonly key: string;
  readonly value: unknown;
  readonly expiresAt?: number;
}

/** Options of {@link KeyvStore}. */
export interface KeyvStoreOptions {
  /** Upper bound of any one call, in ms (default 8,000). */
  readonly timeoutMs?: number;
  /** How often expired rows are purged, in ms (default 10 minutes; 0 disables). */
  readonly purgeEveryMs?: number;
}

interface Envelope {
  value?: unknown;
  expires?: number | null;
}

/** A {@link Store} over keyv plus the backend's atomic operations. */
export class KeyvStore implements Store {
  private readonly timeoutMs: number;
  private readonly purgeTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    readonly backend: Backend,
    private readonly keyv: Keyv,
    private readonly logger: Logger,
    opts: KeyvStoreOptions = {},
  ) {
    this.timeoutMs = opts.timeoutMs ?? 8000;
    keyv.on("error", (e: unknown) =>
      logger.debug("keyv reported an error", { backend: backend.kind, error: String(e) }),
    );
    const every = opts.purgeEveryMs ?? 600_000;
    if (every > 0 && backend.kind !== "redis") {
      this.purgeTimer = setInterval(() => void this.purge(), every);
      this.purgeTimer.unref();
    }
  }

  async get<T>(ns: string, key: string): Promise<T | undefined> {
    return this.run("get", async () => {
      const raw: unknown = await this.backend.adapter.get(full(ns, key));
      if (typeof raw !== "string") return undefined;
      const env = await this.decode(raw);
      return env && live(env, Date.now()) ? (env.value as T) : undefined;
    });
  }

  async set<T>(ns: string, key: string, value: T, ttlMs?: number): Promise<void> {
    await this.run("set", async () => {
      await this.keyv.set(full(ns, key), value, ttlMs);
    });
  }

  async delete(ns: string, key: string): Promise<boolean> {
    return this.run("delete", async () => {
      const raw = await this.backend.remove(full(ns, key));
      if (raw === undefined) return false;
      const env = await this.decode(raw);
      return env !== undefined && live(env, Date.now());
    });
  }

  /** A PostgreSQL or Redis server may serve several instances; a SQLite file is taken as this process's own. */
  get shared(): boolean {
    return this.backend.kind !== "sqlite";
  }

  async add<T>(ns: string, key: string, value: T, ttlMs?: number): Promise<boolean> {
    return this.run("add", async () => {
      const now = Date.now();
      const raw = await this.encode(value, ttlMs, now);
      return this.backend.add(full(ns, key), raw, ttlMs, now);
    });
  }

  async increment(ns: string, key: string, by = 1, ttlMs?: number): Promise<number> {
    return this.run("increment", async () => {
      const now = Date.now();
      const createRaw = await this.encode(by, ttlMs, now);
      const raw = await this.backend.increment(full(ns, key), by, createRaw, ttlMs, now);
      const env = await this.decode(raw);
      if (typeof env?.value !== "number") throw new Error(`counter ${ns}:${key} holds no number`);
      return env.value;
    });
  }

  async list<T>(ns: string, prefix = ""): Promise<{ key: string; value: T }[]> {
    return this.run("list", async () => {
      const start = full(ns, prefix);
      const now = Date.now();
      const out: { key: string; value: T }[] = [];
      for (const row of sortByKey(await this.backend.scan(start))) {
        if (!row.key.startsWith(start)) continue;
        const env = await this.decode(row.raw);
        if (env && live(env, now)) out.push({ key: row.key.slice(ns.length + 1), value: env.value as T });
      }
      return out;
    });
  }

  async write(writes: readonly StoreWrite[]): Promise<void> {
    if (writes.length === 0) return;
    await this.run("write", async () => {
      const now = Date.now();
      // The last write of a key wins, so the backend sees each key once.
      const byKey = new Map<string, RawWrite>();
      for (const w of writes) {
        const key = full(w.ns, w.key);
        byKey.delete(key);
        byKey.set(key, "set" in w ? { key, raw: await this.encode(w.set, w.ttlMs, now), ttlMs: w.ttlMs } : { key });
      }
      await this.backend.write([...byKey.values()]);
    });
  }

  /** Every live record of every namespace, in key order (for backups). Unreadable rows are reported to `onBad`. */
  async records(onBad: (key: string, raw: string) => void = () => {}): Promise<StoredRecord[]> {
    return this.run("records", async () => {
      const now = Date.now();
      const out: StoredRecord[] = [];
      for (const row of sortByKey(await this.backend.scan(""))) {
        const colon = row.key.indexOf(":");
        const env = await this.decode(row.raw);
        if (colon <= 0 || env === undefined) {
          onBad(row.key, row.raw);
          continue;
        }
        if (!live(env, now)) continue;
        const base = { ns: row.key.slice(0, colon), key: row.key.slice(colon + 1), value: env.value };
        out.push(typeof env.expires === "number" ? { ...base, expiresAt: env.expires } : base);
      }
      return out;
    });
  }

  /** Deletes expired rows now (also done periodically); returns how many. */
  async purge(): Promise<number> {
    try {
      return await this.run("purge", () => this.backend.purgeExpired(Date.now()));
    } catch (e) {
      this.logger.warn("purging expired records failed", { backend: this.backend.kind, error: String(e) });
      return 0;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.purgeTimer) clearInterval(this.purgeTimer);
    await this.backend.close();
  }

  private async run<R>(op: string, fn: () => Promise<R>): Promise<R> {
    if (this.closed) throw new Error("store is closed");
    // A timer per call (a few per message) is pure cost where no call can hang.
    if (this.backend.inProcess) {
      try {
        await this.backend.ready();
        return await fn();
      } catch (e) {
        throw this.classify(op, e);
      }
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new StoreUnavailableError(`${this.backend.kind} ${op} timed out after ${this.timeoutMs} ms`)),
        this.timeoutMs,
      );
    });
    try {
      return await Promise.race([
        (async () => {
          await this.backend.ready();
          return fn();
        })(),
        timeout,
      ]);
    } catch (e) {
      throw this.classify(op, e);
    } finally {
      clearTimeout(timer);
    }
  }

  /** A failure as callers see it: "unavailable" when the backend cannot be reached, else as it was. */
  private classify(op: string, e: unknown): unknown {
    if (e instanceof StoreUnavailableError) return e;
    if (this.backend.isUnavailable(e)) {
      return new StoreUnavailableError(`${this.backend.kind} ${op} failed: ${describe(e)}`, { cause: e });
    }
    return e;
  }

  private async encode(value: unknown, ttlMs: number | undefined, now: number): Promise<string> {
    const ttl = ttlMs === undefined || ttlMs === 0 ? undefined : ttlMs;
    if (!this.keyv.serialize) throw new Error("keyv has no serializer");
    return this.keyv.serialize({ value, expires: ttl === undefined ? undefined : now + ttl });
  }

  private async decode(raw: string): Promise<Envelope | undefined> {
    try {
      if (!this.keyv.deserialize) throw new Error("keyv has no deserializer");
      const env: unknown = await this.keyv.deserialize(raw);
      return typeof env === "object" && env !== null ? (env as Envelope) : undefined;
    } catch {
      return undefined;
    }
  }
}

function full(ns: string, key: string): string {
  if (ns === "" || ns.includes(":")) throw new Error(`invalid namespace "${ns}": must be non-empty, without ":"`);
  return `${ns}:${key}`;
}

function live(env: Envelope, now: number): boolean {
  return typeof env.expires !== "number" || env.expires > now;
}

function sortByKey<R extends { key: string }>(rows: R[]): R[] {
  return rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function describe(e: unknown): string {
  if (e instanceof AggregateError) return e.errors.map(describe).join("; ") || e.name;
  if (e instanceof Error) return e.message || e.name;
  return String(e);
}
