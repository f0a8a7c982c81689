/**
 * Erasure that erases: after a record is overwritten or deleted, its bytes are not left readable
 * in the SQLite file (secure_delete), once the store is closed (the WAL is checkpointed).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createStore } from "../../src/storage/index.ts";
import { sqliteBackend } from "../../src/storage/sqlite.ts";
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

describe("SQLite connection", () => {
  it("waits for another process's write lock instead of failing at once", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bahk-busy-"));
    try {
      const backend = sqliteBackend({ file: join(dir, "bot.sqlite"), busyTimeoutMs: 5000 });
      await backend.ready();
      const adapter = backend.adapter as unknown as { all(sql: string): Record<string, unknown>[] };
      expect(Object.values(adapter.all("PRAGMA busy_timeout")[0] ?? {})).toEqual([5000]);
      expect(Object.values(adapter.all("PRAGMA journal_mode")[0] ?? {})).toEqual(["wal"]);
      await backend.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
