import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkIdentifier, isNetworkError, prefixUpperBound } from "../../src/storage/backend.ts";
import { sqliteBackend } from "../../src/storage/sqlite.ts";

describe("prefix range bounds", () => {
  it("is the smallest string above every extension of the prefix", () => {
    expect(prefixUpperBound("vote:")).toBe("vote;");
    expect(prefixUpperBound("a\u{D7FF}")).toBe("a\u{E000}");
    expect(prefixUpperBound("ab\u{10FFFF}")).toBe("ac");
    expect(prefixUpperBound("\u{10FFFF}")).toBeUndefined();
    const p = "T1:é";
    const hi = prefixUpperBound(p) ?? "";
    for (const k of [p, `${p}\u{10FFFE}`, `${p}zzz`]) expect(k < hi).toBe(true);
    expect("T1:ê" >= hi).toBe(true);
  });
});

describe("error classification", () => {
  it("recognises refused, reset and unreachable connections, also wrapped", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    expect(isNetworkError(refused)).toBe(true);
    expect(isNetworkError(new AggregateError([refused], ""))).toBe(true);
    expect(isNetworkError(new Error("wrapped", { cause: refused }))).toBe(true);
    expect(isNetworkError(Object.assign(new Error("syntax"), { code: "42601" }))).toBe(false);
    expect(isNetworkError("ECONNREFUSED")).toBe(false);
  });

  it("accepts only plain lower-case SQL identifiers", () => {
    expect(checkIdentifier("t_run_1")).toBe("t_run_1");
    for (const bad of ["", "Keyv", "a;drop", 'x"y', "1abc"]) expect(() => checkIdentifier(bad)).toThrow();
  });
});

describe("SQLite writes", () => {
  it("applies a write's records in one transaction, rolled back when one fails", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bahk-write-"));
    const backend = sqliteBackend({ file: join(dir, "kv.sqlite") });
    try {
      await backend.ready();
      await backend.write([{ key: "ns:kept", raw: "1" }]);
      // The second record's value cannot be bound: the first must not stay written.
      const bad = [{ key: "ns:new", raw: "2" }, { key: "ns:kept" }, { key: "ns:x", raw: {} as unknown as string }];
      await expect(backend.write(bad)).rejects.toThrow();
      expect((await backend.scan("ns:")).map((r) => r.key)).toEqual(["ns:kept"]);
      await backend.write([{ key: "ns:new", raw: "2" }, { key: "ns:kept" }]);
      expect(await backend.scan("ns:")).toEqual([{ key: "ns:new", raw: "2" }]);
    } finally {
      await backend.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("SQLite purge", () => {
  it("deletes every expired record in slices, the event loop running between them", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bahk-purge-"));
    const backend = sqliteBackend({ file: join(dir, "kv.sqlite"), purgeSlice: 4 });
    try {
      await backend.ready();
      const now = Date.now();
      const raw = (expires?: number) => JSON.stringify(expires === undefined ? { value: 1 } : { value: 1, expires });
      // 24 records (a multiple of the slice), every third expired, one not JSON at all.
      const rows = Array.from({ length: 24 }, (_, i) => ({
        key: `ns:${String(i).padStart(2, "0")}`,
        raw: i === 7 ? "not json" : raw(i % 3 === 0 ? now - 1 : i % 2 ? now + 60_000 : undefined),
      }));
      await backend.write(rows);
      let turns = 0;
      const tick = () => {
        turns++;
        if (turns < 100) setImmediate(tick);
      };
      setImmediate(tick);
      expect(await backend.purgeExpired(now)).toBe(8);
      expect(turns).toBeGreaterThanOrEqual(5);
      const left = (await backend.scan("ns:")).map((r) => r.key);
      expect(left).toEqual(rows.filter((_, i) => i % 3 !== 0).map((r) => r.key));
      expect(await backend.purgeExpired(now)).toBe(0);
    } finally {
      await backend.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
