import { createClient } from "@redis/client";
import { openStore } from "../../src/storage/index.ts";
import { quietLogger, REDIS_URL, requireServer, runId } from "./servers.ts";
import { storeContract } from "./store-contract.ts";

const namespace = runId("contract");

if (await requireServer("Redis", 6379)) {
  storeContract("redis", {
    open: () => openStore({ url: REDIS_URL, dataDir: "unused", logger: quietLogger(), isolate: namespace }),
    persistent: true,
    cleanup: async () => {
      const client = createClient({ url: REDIS_URL });
      await client.connect();
      for await (const keys of client.scanIterator({ MATCH: `${namespace}::*`, COUNT: 1000 })) {
        if (keys.length > 0) await client.del(keys);
      }
      client.destroy();
    },
  });
}
