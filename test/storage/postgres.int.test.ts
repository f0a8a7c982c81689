import pg from "pg";
import { openStore } from "../../src/storage/index.ts";
import { PG_URL, quietLogger, requireServer, runId } from "./servers.ts";
import { storeContract } from "./store-contract.ts";

const table = runId("contract");

if (await requireServer("PostgreSQL", 5432)) {
  storeContract("postgresql", {
    open: () => openStore({ url: PG_URL, dataDir: "unused", logger: quietLogger(), isolate: table }),
    persistent: true,
    cleanup: async () => {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`DROP TABLE IF EXISTS "${table}"`);
      await client.end();
    },
  });
}
