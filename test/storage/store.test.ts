import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../../src/storage/index.ts";
import { MemoryStore } from "../../src/storage/memory.ts";
import { quietLogger } from "./servers.ts";
import { storeContract } from "./store-contract.ts";

storeContract("memory", { open: async () => new MemoryStore(), persistent: false });

const dir = mkdtempSync(join(tmpdir(), "bahk-sqlite-"));
storeContract("sqlite", {
  open: () => openStore({ dataDir: dir, logger: quietLogger() }),
  persistent: true,
  cleanup: async () => rmSync(dir, { recursive: true, force: true }),
});
