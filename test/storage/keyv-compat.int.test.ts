/**
 * Records stay keyv records: a plain keyv over the stock adapter reads what
 * the store wrote, including records made by the operations keyv lacks
 * (add, increment), and the store reads what plain keyv wrote.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import KeyvPostgres from "@keyv/postgres";
import KeyvRedis from "@keyv/redis";
import Keyv from "keyv";
import { afterAll, describe, expect, it } from "vitest";
import { type KeyvStore, openStore } from "../../src/storage/index.ts";
import { sqliteBackend } from "../../src/storage/sqlite.ts";
import { dropPgTable, dropRedisNamespace, PG_URL, quietLogger, REDIS_URL, requireServer, runId } from "./servers.ts";

interface Target {
  readonly name: string;
  open(): Promise<KeyvStore>;
  /** A plain keyv over the stock adapter, configured as its documentation says, for namespace `ns`. */
  plain(ns: string): Keyv;
  /** The key to give that keyv for the store's `key`. */
  readonly keyOf?: (ns: string, key: string) => string;
  cleanup(): Promise<void>;
}

const dir = mkdtempSync(join(tmpdir(), "bahk-keyv-"));
const targets: Target[] = [
  {
    name: "sqlite",
    open: () => openStore({ dataDir: dir, logger: quietLogger() }),
    // keyv's SQLite layout, read by a keyv of its own (its own connection, keyv's namespacing).
    plain: (ns) => new Keyv({ store: sqliteBackend({ file: join(dir, "bot.sqlite") }).adapter, namespace: ns }),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  },
];
if (await requireServer("PostgreSQL", 5432)) {
  const table = runId("keyv");
  targets.push({
    name: "postgresql",
    open: () => openStore({ url: PG_URL, dataDir: dir, logger: quietLogger(), isolate: table }),
    plain: (ns) => new Keyv({ store: new KeyvPostgres({ uri: PG_URL, table }), namespace: ns }),
    cleanup: () => dropPgTable(table),
  });
}
if (await requireServer("Redis", 6379)) {
  const namespace = runId("keyv");
  targets.push({
    name: "redis",
    open: () => openStore({ url: REDIS_URL, dataDir: dir, logger: quietLogger(), isolate: namespace }),
    // @keyv/redis's own layout (as its `createKeyv` sets it up): `<namespace>::<key>`, keyv adding no prefix.
    plain: () => {
      const keyv = new Keyv({ store: new KeyvRedis(REDIS_URL), useKeyPrefix: false });
      keyv.namespace = namespace;
      return keyv;
    },
    keyOf: (ns, key) => `${ns}:${key}`,
    cleanup: () => dropRedisNamespace(namespace),
  });
}

for (const target of targets) {
  describe(`keyv compatibility: ${target.name}`, () => {
    const plains: Keyv[] = [];
    let store: KeyvStore | undefined;
    afterAll(async () => {
      // The PostgreSQL adapters share one module-wide pool, which may be ended only once.
      for (const k of plains) await k.disconnect().catch(() => {});
      await store?.close();
      await target.cleanup();
    });

    it("plain keyv reads what the store wrote, and the store reads what keyv wrote", async () => {
      store = await target.open();
      await store.set("offer", "DON-1", { ref: "DON-1", note: ":x" });
      await store.add("vote", "T1:m1", { at: 1 });
      await store.increment("count", "T1", 2);
      await store.increment("count", "T1", 3);
      await store.set("session", "m1", { step: "a" }, 60_000);
      const keyOf = target.keyOf ?? ((_: string, key: string) => key);
      const read = async (ns: string, key: string) => {
        const k = target.plain(ns);
        plains.push(k);
        return k.get(keyOf(ns, key));
      };
      expect(await read("offer", "DON-1")).toEqual({ ref: "DON-1", note: ":x" });
      expect(await read("vote", "T1:m1")).toEqual({ at: 1 });
      expect(await read("count", "T1")).toBe(5);
      expect(await read("session", "m1")).toEqual({ step: "a" });

      const writer = target.plain("offer");
      plains.push(writer);
      await writer.set(keyOf("offer", "DON-2"), { ref: "DON-2" });
      expect(await store.get("offer", "DON-2")).toEqual({ ref: "DON-2" });
      expect((await store.list("offer")).map((r) => r.key)).toEqual(["DON-1", "DON-2"]);
      expect(await store.add("offer", "DON-2", {})).toBe(false);
    });
  });
}
