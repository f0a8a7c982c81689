import { describe, expect, it } from "vitest";
import { openStore } from "../../src/storage/index.ts";
import { dropPgTable, PG_URL, quietLogger, requireServer, runId } from "./servers.ts";
import { storeContract } from "./store-contract.ts";

const table = runId("contract");

if (await requireServer("PostgreSQL", 5432)) {
  storeContract("postgresql", {
    open: () => openStore({ url: PG_URL, dataDir: "unused", logger: quietLogger(), isolate: table }),
    persistent: true,
    cleanup: () => dropPgTable(table),
  });
}

if (await requireServer("PostgreSQL", 5432)) {
  describe("postgresql: instances starting at once", () => {
    it("each creates or finds the shared table, whichever wins the race", async () => {
      // Several bot processes sharing one store start together: each creates the table if missing,
      // and PostgreSQL tells all but one of them that it (or its row type) already exists.
      for (let round = 0; round < 5; round++) {
        const shared = runId("race");
        try {
          const stores = await Promise.all(
            Array.from({ length: 8 }, () =>
              openStore({ url: PG_URL, dataDir: "unused", logger: quietLogger(), isolate: shared }),
            ),
          );
          await Promise.all(stores.map((s, i) => s.set("ns", `k${i}`, { i })));
          for (const [i, s] of stores.entries())
            expect(await s.get("ns", `k${(i + 1) % 8}`)).toEqual({ i: (i + 1) % 8 });
          await Promise.all(stores.map((s) => s.close()));
        } finally {
          await dropPgTable(shared);
        }
      }
    });
  });
}
