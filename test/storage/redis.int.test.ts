import { openStore } from "../../src/storage/index.ts";
import { dropRedisNamespace, quietLogger, REDIS_URL, requireServer, runId } from "./servers.ts";
import { storeContract } from "./store-contract.ts";

const namespace = runId("contract");

if (await requireServer("Redis", 6379)) {
  storeContract("redis", {
    open: () => openStore({ url: REDIS_URL, dataDir: "unused", logger: quietLogger(), isolate: namespace }),
    persistent: true,
    cleanup: () => dropRedisNamespace(namespace),
  });
}
