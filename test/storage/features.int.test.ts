/**
 * The feature teams' store contracts (agenda, donations), driven through the
 * real Bot, on every real backend: SQLite file, PostgreSQL, Redis.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Store } from "../../src/core/ports.ts";
import { openStore } from "../../src/storage/index.ts";
import { sqlRecords } from "../../src/storage/sql/index.ts";
import { agendaContract, type RecordsFactory } from "../contract/agenda.ts";
import { donationsContract } from "../contract/donations.ts";
import { dropPgTable, dropRedisNamespace, PG_URL, quietLogger, REDIS_URL, requireServer, runId } from "./servers.ts";
import { dialects } from "./sql/dialects.ts";

interface Backend {
  readonly name: string;
  /** A fresh, empty store, and how to remove it. */
  fresh(): { open: () => Promise<Store>; remove: () => Promise<void> };
}

const backends: Backend[] = [
  {
    name: "sqlite",
    fresh() {
      const dataDir = mkdtempSync(join(tmpdir(), "bahk-feature-"));
      return {
        open: () => openStore({ dataDir, logger: quietLogger() }),
        remove: async () => rmSync(dataDir, { recursive: true, force: true }),
      };
    },
  },
];
if (await requireServer("PostgreSQL", 5432)) {
  backends.push({
    name: "postgresql",
    fresh() {
      const isolate = runId("feat");
      return {
        open: () => openStore({ url: PG_URL, dataDir: "unused", logger: quietLogger(), isolate }),
        remove: () => dropPgTable(isolate),
      };
    },
  });
}
if (await requireServer("Redis", 6379)) {
  backends.push({
    name: "redis",
    fresh() {
      const isolate = runId("feat");
      return {
        open: () => openStore({ url: REDIS_URL, dataDir: "unused", logger: quietLogger(), isolate }),
        remove: () => dropRedisNamespace(isolate),
      };
    },
  });
}

for (const backend of backends) {
  for (const [contract, run] of [
    ["agenda", agendaContract],
    ["donations", donationsContract],
  ] as const) {
    const pending: (() => Promise<void>)[] = [];
    const makeStore = async () => {
      const { open, remove } = backend.fresh();
      pending.push(remove);
      return open();
    };
    const cleanup = async () => {
      for (const remove of pending.splice(0)) await remove();
    };
    run(`${backend.name} (${contract})`, makeStore, cleanup);
  }
}

// The same contracts with the association's records in SQL (a fresh database per test), on both dialects.
for (const dialect of await dialects()) {
  const made: (() => Promise<void>)[] = [];
  const makeRecords: RecordsFactory = async () => {
    const f = await dialect.fresh();
    return {
      make: (deps) => sqlRecords(f.records, deps),
      close: async () => {
        await f.records.close();
        await f.remove();
      },
    };
  };
  for (const [contract, run] of [
    ["agenda", agendaContract],
    ["donations", donationsContract],
  ] as const) {
    const makeStore = async () => {
      const dataDir = mkdtempSync(join(tmpdir(), "bahk-feature-sql-"));
      made.push(async () => rmSync(dataDir, { recursive: true, force: true }));
      return openStore({ dataDir, logger: quietLogger() });
    };
    const cleanup = async () => {
      for (const remove of made.splice(0)) await remove();
    };
    run(`${dialect.name} records (${contract})`, makeStore, cleanup, makeRecords);
  }
}
