/**
 * The feature teams' store contracts (agenda, donations), driven through the
 * real Bot, on every real backend: SQLite file, PostgreSQL, Redis.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Store } from "../../src/core/ports.ts";
import { openStore } from "../../src/storage/index.ts";
import { agendaContract } from "../contract/agenda.ts";
import { donationsContract } from "../contract/donations.ts";
import { dropPgTable, dropRedisNamespace, PG_URL, quietLogger, REDIS_URL, requireServer, runId } from "./servers.ts";

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
