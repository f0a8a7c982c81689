/**
 * Redis backend: `@keyv/redis` on our own client, configured to fail fast
 * while the server is away (no offline queue, short connect timeout) and to
 * reconnect in the background, so the store recovers by itself. Values are
 * keyv's JSON with a native PX expiry, as `@keyv/redis` writes them.
 * add = `SET NX PX`; increment = a Lua script (atomic on the server) that adds
 * to the JSON's number and keeps the TTL, or creates the record with its TTL,
 * so counters stay readable by keyv; list = SCAN of the prefix then MGET.
 */
import KeyvRedis from "@keyv/redis";
import { createClient } from "@redis/client";
import type { Logger } from "../core/ports.ts";
import type { Backend, RawRecord } from "./backend.ts";
import { isNetworkError } from "./backend.ts";

/** Options of {@link redisBackend}. */
export interface RedisOptions {
  readonly url: string;
  /**
   * A namespace isolating this store (e.g. a test run): keys become `<namespace>::<ns>:<key>`,
   * `@keyv/redis`'s own convention. Default none: keys are `<ns>:<key>`.
   */
  readonly namespace?: string;
  /** Connect timeout in ms (default 2,000). */
  readonly connectTimeoutMs?: number;
  readonly logger: Logger;
}

const INCREMENT = `
local raw = redis.call('GET', KEYS[1])
if not raw then
  if tonumber(ARGV[3]) > 0 then redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) else redis.call('SET', KEYS[1], ARGV[2]) end
  return ARGV[2]
end
local n, exp = 0, nil
local ok, obj = pcall(cjson.decode, raw)
if ok and type(obj) == 'table' then
  if type(obj.value) == 'number' then n = obj.value end
  if type(obj.expires) == 'number' then exp = obj.expires end
end
n = n + tonumber(ARGV[1])
local out = '{"value":' .. string.format('%.17g', n)
if exp then out = out .. ',"expires":' .. string.format('%.17g', exp) end
out = out .. '}'
redis.call('SET', KEYS[1], out, 'KEEPTTL')
return out`;

const UNAVAILABLE_ERRORS = new Set([
  "ClientOfflineError",
  "ClientClosedError",
  "ConnectionTimeoutError",
  "SocketClosedUnexpectedlyError",
  "SocketTimeoutError",
  "ReconnectStrategyError",
  "SocketTimeoutDuringMaintenanceError",
  "CommandTimeoutDuringMaintenanceError",
  "AbortError",
]);
const UNAVAILABLE_REPLIES = /^(LOADING|BUSY|MASTERDOWN|TRYAGAIN|READONLY|CLUSTERDOWN)\b|not connected/i;

/** Escapes a literal for a Redis glob pattern. */
function globEscape(s: string): string {
  return s.replace(/[\\*?[\]^]/g, "\\$&");
}

/** Opens the Redis backend and starts connecting in the background. */
export function redisBackend(opts: RedisOptions): Backend {
  const namespace = opts.namespace;
  if (namespace !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(namespace)) throw new Error("invalid redis namespace");
  const pre = namespace ? `${namespace}::` : "";
  const client = createClient({
    url: opts.url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: opts.connectTimeoutMs ?? 2000,
      reconnectStrategy: (retries: number) => Math.min(100 * 2 ** Math.min(retries, 4), 1000),
    },
  });
  // While the server is away the client reports every reconnection attempt: warn once a minute at most.
  let warnedAt = 0;
  client.on("error", (e: unknown) => {
    const now = Date.now();
    const level = now - warnedAt > 60_000 ? "warn" : "debug";
    if (level === "warn") warnedAt = now;
    opts.logger[level]("redis connection error", { error: String(e) });
  });
  let connecting: Promise<unknown> | undefined;
  const start = (): void => {
    if (client.isOpen) return;
    connecting = client.connect().catch((e: unknown) => {
      opts.logger.debug("redis connect failed", { error: String(e) });
    });
  };
  start();
  let patience = opts.connectTimeoutMs ?? 2000;
  const adapter = new KeyvRedis<string>(client, { throwOnErrors: true, throwOnConnectError: true });
  adapter.namespace = namespace;
  const k = (key: string): string => adapter.createKeyPrefix(key, namespace);

  return {
    kind: "redis",
    adapter,
    namespace,
    async ready() {
      start();
      if (!client.isReady) {
        // Wait for a connection in progress (up to the connect timeout the first time, briefly after);
        // then commands fail fast while offline, and the client reconnects in the background.
        const wait = patience;
        patience = 50;
        await Promise.race([connecting, new Promise((r) => setTimeout(r, wait).unref())]);
      }
    },
    async add(key, raw, ttlMs) {
      const res = ttlMs
        ? await client.set(k(key), raw, { NX: true, PX: ttlMs })
        : await client.set(k(key), raw, { NX: true });
      return res === "OK";
    },
    async increment(key, by, createRaw, ttlMs) {
      const out = await client.eval(INCREMENT, {
        keys: [k(key)],
        arguments: [String(by), createRaw, String(ttlMs ?? 0)],
      });
      return String(out);
    },
    async write(writes) {
      const tx = client.multi();
      for (const { key, raw, ttlMs } of writes) {
        if (raw === undefined) tx.del(k(key));
        else if (ttlMs) tx.set(k(key), raw, { PX: ttlMs });
        else tx.set(k(key), raw);
      }
      await tx.exec();
    },
    async remove(key) {
      const full = k(key);
      const [old] = await client.multi().get(full).del(full).exec();
      return typeof old === "string" ? old : undefined;
    },
    async scan(prefix) {
      const keys = new Set<string>();
      for await (const batch of client.scanIterator({ MATCH: `${globEscape(pre + prefix)}*`, COUNT: 1000 })) {
        for (const key of batch) keys.add(key);
      }
      const all = [...keys];
      const out: RawRecord[] = [];
      for (let i = 0; i < all.length; i += 500) {
        const chunk = all.slice(i, i + 500);
        const values = await client.mGet(chunk);
        chunk.forEach((key, j) => {
          const raw = values[j];
          if (typeof raw === "string") out.push({ key: key.slice(pre.length), raw });
        });
      }
      return out;
    },
    async purgeExpired() {
      return 0;
    },
    isUnavailable(e) {
      if (!(e instanceof Error)) return false;
      return (
        UNAVAILABLE_ERRORS.has(e.name) ||
        UNAVAILABLE_ERRORS.has(e.constructor.name) ||
        isNetworkError(e) ||
        UNAVAILABLE_REPLIES.test(e.message)
      );
    },
    async close() {
      client.destroy();
    },
  };
}
