/**
 * The one Store contract every backend must pass (memory, SQLite, PostgreSQL,
 * Redis): semantics of get/set/delete/add/increment/list with TTL, atomicity
 * under concurrent calls, listing that skips no live record, and persistence.
 */
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import type { Store } from "../../src/core/ports.ts";

/** How a suite opens stores of one backend. */
export interface ContractTarget {
  /** Opens a store; with `persistent`, every call opens the same data. */
  open(): Promise<Store>;
  /** Whether a second `open()` sees what the first wrote. */
  readonly persistent: boolean;
  /** Removes what the suite created (tables, keys, files). */
  cleanup?(): Promise<void>;
}

/** A fresh namespace, so tests never see each other's records. */
export function freshNs(label: string): string {
  return `${label}_${randomBytes(4).toString("hex")}`;
}

/** Registers the contract suite for one backend. */
export function storeContract(name: string, target: ContractTarget): void {
  describe(`Store contract: ${name}`, () => {
    const opened: Store[] = [];
    const open = async (): Promise<Store> => {
      const s = await target.open();
      opened.push(s);
      return s;
    };
    afterAll(async () => {
      for (const s of opened) await s.close();
      await target.cleanup?.();
    });

    it("round-trips JSON values and copies them", async () => {
      const s = await open();
      const ns = freshNs("rt");
      const value = {
        text: '投票 🗳️ "quoted" <b>',
        colon: ":starts with a colon",
        nested: { list: [1, 2.5, -3, null, true], empty: {} },
        big: 2 ** 40,
      };
      expect(await s.get(ns, "missing")).toBeUndefined();
      await s.set(ns, "k", value);
      const got = await s.get<typeof value>(ns, "k");
      expect(got).toEqual(value);
      if (got) got.nested.list.push(99);
      expect(await s.get(ns, "k")).toEqual(value);
      await s.set(ns, "str", ":x");
      expect(await s.get(ns, "str")).toBe(":x");
      await s.set(ns, "k", "overwritten");
      expect(await s.get(ns, "k")).toBe("overwritten");
    });

    it("delete reports whether a live record existed", async () => {
      const s = await open();
      const ns = freshNs("del");
      await s.set(ns, "a", 1);
      expect(await s.delete(ns, "a")).toBe(true);
      expect(await s.delete(ns, "a")).toBe(false);
      expect(await s.get(ns, "a")).toBeUndefined();
      await s.set(ns, "gone", 1, 30);
      await sleep(80);
      expect(await s.delete(ns, "gone")).toBe(false);
    });

    it("expires records after their TTL, and keeps others", async () => {
      const s = await open();
      const ns = freshNs("ttl");
      // TTLs that must still be alive at the next call are generous: a loaded CI machine is slow.
      await s.set(ns, "short", "x", 400);
      await s.set(ns, "long", "y", 60_000);
      await s.set(ns, "forever", "z");
      expect(await s.get(ns, "short")).toBe("x");
      await sleep(600);
      expect(await s.get(ns, "short")).toBeUndefined();
      expect(await s.get(ns, "long")).toBe("y");
      expect((await s.list(ns)).map((r) => r.key)).toEqual(["forever", "long"]);
    });

    it("add creates only when absent, and once among concurrent callers", async () => {
      const s = await open();
      const ns = freshNs("add");
      expect(await s.add(ns, "v", { by: 1 })).toBe(true);
      expect(await s.add(ns, "v", { by: 2 })).toBe(false);
      expect(await s.get(ns, "v")).toEqual({ by: 1 });
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => s.add(ns, "race", { i })));
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = results.indexOf(true);
      expect(await s.get(ns, "race")).toEqual({ i: winner });
    });

    it("add replaces an expired record and honours its own TTL", async () => {
      const s = await open();
      const ns = freshNs("addttl");
      expect(await s.add(ns, "d", 1, 400)).toBe(true);
      expect(await s.add(ns, "d", 2, 400)).toBe(false);
      await sleep(600);
      expect(await s.add(ns, "d", 3)).toBe(true);
      expect(await s.get(ns, "d")).toBe(3);
      expect(await s.add(ns, "d", 4)).toBe(false);
    });

    it("increment counts atomically and applies the TTL on creation", async () => {
      const s = await open();
      const ns = freshNs("inc");
      expect(await s.increment(ns, "c")).toBe(1);
      expect(await s.increment(ns, "c", 5)).toBe(6);
      expect(await s.increment(ns, "c", -2)).toBe(4);
      expect(await s.get(ns, "c")).toBe(4);
      const all = await Promise.all(Array.from({ length: 100 }, () => s.increment(ns, "hot")));
      expect(new Set(all).size).toBe(100);
      expect(await s.get(ns, "hot")).toBe(100);
      expect(await s.increment(ns, "t", 1, 400)).toBe(1);
      expect(await s.increment(ns, "t", 1, 60_000)).toBe(2);
      await sleep(600);
      expect(await s.get(ns, "t")).toBeUndefined();
      expect(await s.increment(ns, "t", 1, 60_000)).toBe(1);
      await s.set(ns, "text", "not a number");
      expect(await s.increment(ns, "text", 3)).toBe(3);
    });

    it("write applies sets and deletes as one, the last for a key winning", async () => {
      const s = await open();
      const ns = freshNs("write");
      const other = freshNs("write2");
      await s.set(ns, "old", "x");
      await s.set(ns, "twice", "x");
      await s.write([
        { ns, key: "a", set: { n: 1 } },
        { ns: other, key: "b", set: "short", ttlMs: 400 },
        { ns, key: "old", delete: true },
        { ns, key: "twice", delete: true },
        { ns, key: "twice", set: "again" },
        { ns, key: "never", set: 1 },
        { ns, key: "never", delete: true },
        { ns, key: "missing", delete: true },
      ]);
      expect(await s.list(ns)).toEqual([
        { key: "a", value: { n: 1 } },
        { key: "twice", value: "again" },
      ]);
      expect(await s.get(other, "b")).toBe("short");
      await sleep(600);
      expect(await s.get(other, "b")).toBeUndefined();
      await s.write([]);
      expect((await s.list(ns)).map((r) => r.key)).toEqual(["a", "twice"]);
    });

    it("write changes nothing when one of its writes is invalid", async () => {
      const s = await open();
      const ns = freshNs("writebad");
      await s.set(ns, "kept", 1);
      await expect(
        s.write([
          { ns, key: "new", set: 2 },
          { ns, key: "kept", delete: true },
          { ns: "bad:ns", key: "x", set: 3 },
        ]),
      ).rejects.toThrow(/namespace/);
      expect(await s.list(ns)).toEqual([{ key: "kept", value: 1 }]);
    });

    it("lists a namespace in key order, by prefix, without neighbours", async () => {
      const s = await open();
      const ns = freshNs("list");
      const other = `${ns}x`;
      for (const k of ["b:2", "a:1", "b:10", "c", "b:1", "b%_*?[x]\\", "é", "b"]) await s.set(ns, k, k);
      await s.set(other, "a:1", "neighbour");
      expect((await s.list<string>(ns)).map((r) => r.key)).toEqual(
        ["a:1", "b", "b%_*?[x]\\", "b:1", "b:10", "b:2", "c", "é"].sort(),
      );
      expect(await s.list<string>(ns, "b:1")).toEqual([
        { key: "b:1", value: "b:1" },
        { key: "b:10", value: "b:10" },
      ]);
      expect((await s.list(ns, "b%_")).map((r) => r.key)).toEqual(["b%_*?[x]\\"]);
      expect(await s.list(ns, "zzz")).toEqual([]);
      expect(await s.list(freshNs("empty"))).toEqual([]);
    });

    it("lists every live record while expired ones share the namespace", async () => {
      const s = await open();
      const ns = freshNs("mixed");
      const live: string[] = [];
      for (let i = 0; i < 40; i++) {
        const key = `k${String(i).padStart(3, "0")}`;
        if (i % 3 === 0) {
          await s.set(ns, key, i);
          live.push(key);
        } else {
          await s.set(ns, key, i, 30);
        }
      }
      await s.add(ns, "k900", "added-live");
      await s.add(ns, "k901", "added-expiring", 30);
      live.push("k900");
      await sleep(100);
      expect((await s.list(ns)).map((r) => r.key)).toEqual(live);
      expect((await s.list(ns)).map((r) => r.key)).toEqual(live);
      expect((await s.list(ns, "k0")).map((r) => r.key)).toEqual(live.filter((k) => k.startsWith("k0")));
    });

    it("refuses namespaces containing a colon", async () => {
      const s = await open();
      await expect(s.set("a:b", "k", 1)).rejects.toThrow(/namespace/);
      await expect(s.list("")).rejects.toThrow(/namespace/);
    });

    it.runIf(target.persistent)("keeps records across reopening", async () => {
      const ns = freshNs("persist");
      const a = await open();
      await a.set(ns, "k", { v: 1 });
      expect(await a.add(ns, "once", true)).toBe(true);
      await a.increment(ns, "n", 7);
      await a.close();
      const b = await open();
      expect(await b.get(ns, "k")).toEqual({ v: 1 });
      expect(await b.add(ns, "once", false)).toBe(false);
      expect(await b.increment(ns, "n")).toBe(8);
      expect((await b.list(ns)).map((r) => r.key)).toEqual(["k", "n", "once"]);
    });
  });
}
