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
