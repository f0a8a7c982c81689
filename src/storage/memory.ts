/** An in-process {@link Store}: for unit tests and as the reference semantics of the real backends. */
import type { Store } from "../core/ports.ts";

interface Entry {
  value: unknown;
  expiresAt?: number;
}

/** A {@link Store} in a Map. Values are deep-copied in and out, as a real backend would. */
export class MemoryStore implements Store {
  private readonly data = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  private k(ns: string, key: string): string {
    // The real backends store `<ns>:<key>`: a namespace with ":" would be ambiguous there.
    if (ns === "" || ns.includes(":")) throw new Error(`invalid namespace "${ns}": must be non-empty, without ":"`);
    return `${ns}\u0000${key}`;
  }

  private live(full: string): Entry | undefined {
    const e = this.data.get(full);
    if (e?.expiresAt !== undefined && e.expiresAt <= this.now()) {
      this.data.delete(full);
      return undefined;
    }
    return e;
  }

  async get<T>(ns: string, key: string): Promise<T | undefined> {
    const e = this.live(this.k(ns, key));
    return e ? (structuredClone(e.value) as T) : undefined;
  }

  async set<T>(ns: string, key: string, value: T, ttlMs?: number): Promise<void> {
    this.data.set(this.k(ns, key), this.entry(value, ttlMs));
  }

  async delete(ns: string, key: string): Promise<boolean> {
    const full = this.k(ns, key);
    const existed = this.live(full) !== undefined;
    this.data.delete(full);
    return existed;
  }

  async add<T>(ns: string, key: string, value: T, ttlMs?: number): Promise<boolean> {
    const full = this.k(ns, key);
    if (this.live(full)) return false;
    this.data.set(full, this.entry(value, ttlMs));
    return true;
  }

  async increment(ns: string, key: string, by = 1, ttlMs?: number): Promise<number> {
    const full = this.k(ns, key);
    const e = this.live(full);
    const next = (typeof e?.value === "number" ? e.value : 0) + by;
    this.data.set(full, e ? { ...e, value: next } : this.entry(next, ttlMs));
    return next;
  }

  async list<T>(ns: string, prefix = ""): Promise<{ key: string; value: T }[]> {
    const start = this.k(ns, prefix);
    const out: { key: string; value: T }[] = [];
    for (const full of [...this.data.keys()].sort()) {
      if (!full.startsWith(start)) continue;
      const e = this.live(full);
      if (e) out.push({ key: full.slice(ns.length + 1), value: structuredClone(e.value) as T });
    }
    return out;
  }

  async close(): Promise<void> {}

  private entry(value: unknown, ttlMs?: number): Entry {
    const copy = structuredClone(value);
    return ttlMs === undefined ? { value: copy } : { value: copy, expiresAt: this.now() + ttlMs };
  }
}
