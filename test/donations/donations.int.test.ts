/** The donations contract against the real backends: SQLite, and the local PostgreSQL and Redis. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../../src/storage/index.ts";
import { donationsContract } from "../contract/donations.ts";
import {
  dropPgTable,
  dropRedisNamespace,
  PG_URL,
  quietLogger,
  REDIS_URL,
  requireServer,
  runId,
} from "../storage/servers.ts";

/** A fresh isolation name per store, remembered for the cleanup. */
function names(label: string) {
  const made: string[] = [];
  return {
    made,
    next: () => {
      const id = runId(label);
      made.push(id);
      return id;
    },
  };
}

const dir = mkdtempSync(join(tmpdir(), "bahk-don-"));
let files = 0;
donationsContract(
  "sqlite",
  () => openStore({ url: `sqlite://${join(dir, `don-${files++}.sqlite`)}`, dataDir: dir, logger: quietLogger() }),
  async () => rmSync(dir, { recursive: true, force: true }),
);

if (await requireServer("PostgreSQL", 5432)) {
  const pg = names("don");
  donationsContract(
    "postgresql",
    () => openStore({ url: PG_URL, dataDir: "unused", logger: quietLogger(), isolate: pg.next() }),
    async () => {
      for (const t of pg.made) await dropPgTable(t);
    },
  );
}

if (await requireServer("Redis", 6379)) {
  const redis = names("don");
  donationsContract(
    "redis",
    () => openStore({ url: REDIS_URL, dataDir: "unused", logger: quietLogger(), isolate: redis.next() }),
    async () => {
      for (const ns of redis.made) await dropRedisNamespace(ns);
    },
  );
}
