/** Exports with personal data expire under the retention setting. */
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { purgeOldExports } from "../../src/exports.ts";

describe("old exports", () => {
  it("are deleted once older than the retention period; recent ones stay", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bahk-exports-"));
    try {
      const now = new Date("2026-11-30T12:00:00Z");
      writeFileSync(join(dir, "offers-old.csv"), "name,phone\nChan,91234567\n");
      writeFileSync(join(dir, "offers-new.csv"), "name,phone\nLee,98765432\n");
      const old = new Date(now.getTime() - 40 * 24 * 3600 * 1000);
      utimesSync(join(dir, "offers-old.csv"), old, old);
      const recent = new Date(now.getTime() - 2 * 24 * 3600 * 1000);
      utimesSync(join(dir, "offers-new.csv"), recent, recent);
      expect(await purgeOldExports(dir, 30 * 24 * 3600 * 1000, now)).toBe(1);
      expect(readdirSync(dir)).toEqual(["offers-new.csv"]);
      expect(await purgeOldExports(join(dir, "missing"), 1, now)).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
