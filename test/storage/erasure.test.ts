/**
 * Erasure that erases: after a record is overwritten or deleted, its bytes are not left readable
 * in the SQLite file (secure_delete), once the store is closed (the WAL is checkpointed).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createStore } from "../../src/storage/index.ts";
import { MemoryLogger } from "../helpers/services.ts";

describe("SQLite erasure", () => {
  it("leaves no trace of an overwritten or deleted value in the database file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bahk-erase-"));
    try {
      const store = await createStore({ dataDir: dir, logger: new MemoryLogger() });
      const secret = "Chan Tai Man +852 9123 4567 Flat 8, 18 Harbour Road";
      for (let i = 0; i < 50; i++)
        await store.set("offer", `DON-${i}`, { contactName: `${secret} #${i}`, pad: "x".repeat(500) });
      for (let i = 0; i < 50; i++) {
        if (i % 2) await store.delete("offer", `DON-${i}`);
        else await store.set("offer", `DON-${i}`, { contactName: "", pad: "y".repeat(500) });
      }
      await store.close();
      const bytes = readdirSync(dir)
        .filter((f) => f.startsWith("bot.sqlite"))
        .map((f) => readFileSync(join(dir, f)).toString("latin1"))
        .join("");
      expect(bytes.length).toBeGreaterThan(0);
      expect(bytes.includes("9123 4567")).toBe(false);
      expect(bytes.includes("Harbour Road")).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
