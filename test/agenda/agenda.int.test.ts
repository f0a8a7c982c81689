/** The agenda's store contract against the real backends: SQLite, and the local PostgreSQL and Redis. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../../src/storage/index.ts";
import { agendaContract } from "../contract/agenda.ts";
import {
  dropPgTable,
  dropRedisNamespace,
  PG_URL,
  quietLogger,
  REDIS_URL,
  requireServer,
  runId,
} from "../storage/servers.ts";

/** Fresh isolation names, remembered for the cleanup. */
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

const dir = mkdtempSync(join(tmpdir(), "bahk-ag-"));
let files = 0;
agendaContract(
  "sqlite",
  () => openStore({ url: `sqlite://${join(dir, `ag-${files++}.sqlite`)}`, dataDir: dir, logger: quietLogger() }),
  async () => rmSync(dir, { recursive: true, force: true }),
);

if (await requireServer("PostgreSQL", 5432)) {
  const pg = names("ag");
  agendaContract(
    "postgresql",
    () => openStore({ url: PG_URL, dataDir: "unused", logger: quietLogger(), isolate: pg.next() }),
    async () => {
      for (const t of pg.made.splice(0)) await dropPgTable(t);
    },
  );
}

if (await requireServer("Redis", 6379)) {
  const redis = names("ag");
  agendaContract(
    "redis",
    () => openStore({ url: REDIS_URL, dataDir: "unused", logger: quietLogger(), isolate: redis.next() }),
    async () => {
      for (const ns of redis.made.splice(0)) await dropRedisNamespace(ns);
    },
  );
}
