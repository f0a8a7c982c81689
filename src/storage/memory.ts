/** An in-process {@link Store}: for unit tests and as the reference semantics of the real backends. */
import type { Store, StoreWrite } from "../core/ports.ts";

interface Entry {
  value: unknown;
  expiresAt?: number;
}

/**
 * A {@link Store} in Maps, one per namespace (a listing reads its namespace, not every key). Values
 * are deep-copied in and out, as a real backend would.
 */
export class MemoryStore implements Store {
  private readonly spaces = new Map<string, Map<string, Entry>>();

  constructor(private readonly now: () => number = Date.now) {}

  private space(ns: string): Map<string, Entry> {
    let m = this.spaces.get(ns);
    if (!m) {
      // The real backends store `<ns>:<key>`: a namespace with ":" would be ambiguous there.
      if (ns === "" || ns.includes(":")) throw new Error(`invalid namespace "${ns}": must be non-empty, without ":"`);
      m = new Map();
      this.spaces.set(ns, m);
    }
    return m;
  }

  private live(space: Map<string, Entry>, key: string): Entry | undefined {
    const e = space.get(key);
    if (e?.expiresAt !== undefined && e.expiresAt <= this.now()) {
      space.delete(key);
      return undefined;
    }
    return e;
  }

  async get<T>(ns: string, key: string): Promise<T | undefined> {
    const e = this.live(this.space(ns), key);
    return e ? (structuredClone(e.value) as T) : undefined;
  }

  async set<T>(ns: string, key: string, value: T, ttlMs?: number): Promise<void> {
    this.space(ns).set(key, this.entry(value, ttlMs));
  }

  async delete(ns: string, key: string): Promise<boolean> {
    const space = this.space(ns);
    const existed = this.live(space, key) !== undefined;
    space.delete(key);
    return existed;
  }

  async add<T>(ns: string, key: string, value: T, ttlMs?: number): Promise<boolean> {
    const space = this.space(ns);
    if (this.live(space, key)) return false;
    space.set(key, this.entry(value, ttlMs));
    return true;
  }

  async increment(ns: string, key: string, by = 1, ttlMs?: number): Promise<number> {
    const space = this.space(ns);
    const e = this.live(space, key);
    const next = (typeof e?.value === "number" ? e.value : 0) + by;
    space.set(key, e ? { ...e, value: next } : this.entry(next, ttlMs));
    return next;
  }

  async list<T>(ns: string, prefix = ""): Promise<{ key: string; value: T }[]> {
    const space = this.space(ns);
    const keys: string[] = [];
    for (const key of space.keys()) if (key.startsWith(prefix)) keys.push(key);
    const out: { key: string; value: T }[] = [];
    for (const key of keys.sort()) {
      const e = this.live(space, key);
      if (e) out.push({ key, value: structuredClone(e.value) as T });
    }
    return out;
  }

  async write(writes: readonly StoreWrite[]): Promise<void> {
    // Every namespace is checked, and every value copied, before anything changes: all or none.
    const entries = writes.map((w) => ({
      w,
      space: this.space(w.ns),
      entry: "set" in w ? this.entry(w.set, w.ttlMs) : undefined,
    }));
    for (const { w, space, entry } of entries) {
      if (entry) space.set(w.key, entry);
      else space.delete(w.key);
    }
  }

  async close(): Promise<void> {}

  private entry(value: unknown, ttlMs?: number): Entry {
    const copy = structuredClone(value);
    return ttlMs === undefined ? { value: copy } : { value: copy, expiresAt: this.now() + ttlMs };
  }
}
