/** The audit log: every organiser action, who did it, what, when. Append-only, one record per entry. */
import { timeKey } from "./ids.ts";
import type { Clock, Store } from "./ports.ts";
import type { Member } from "./types.ts";

/** One audit record. */
export interface AuditEntry {
  readonly at: string;
  readonly actorId: string;
  readonly actorName: string;
  /** e.g. `townhall.open`, `offer.status`. */
  readonly action: string;
  /** e.g. a topic id or an offer reference. */
  readonly target: string;
  readonly detail?: string;
}

const NS = "audit";

/** The audit log's records (a port: {@link KeyvAuditLog} here, the SQL one in src/storage/sql). */
export interface AuditLog {
  /** Records an action; resolves once it is stored. */
  record(actor: Member, action: string, target: string, detail?: string): Promise<AuditEntry>;
  /** Every entry recorded about a member's actions (for /mydata: organisers' names are personal data too). */
  byActor(memberId: string): Promise<AuditEntry[]>;
  /** The most recent entries, newest first, optionally only those whose action starts with `prefix`. */
  recent(limit?: number, prefix?: string): Promise<AuditEntry[]>;
  /** Removes the actor's name from their entries (the action stays on record); returns how many changed. */
  anonymise?(memberId: string): Promise<number>;
}

/** Writes and lists audit records in the key-value store. */
export class KeyvAuditLog implements AuditLog {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** Records an action; resolves once it is stored. */
  async record(actor: Member, action: string, target: string, detail?: string): Promise<AuditEntry> {
    const now = this.clock.now();
    const entry: AuditEntry = {
      at: now.toISOString(),
      actorId: actor.id,
      actorName: actor.displayName,
      action,
      target,
      ...(detail === undefined ? {} : { detail }),
    };
    await this.store.set(NS, timeKey(now), entry);
    return entry;
  }

  /** Every entry recorded about a member's actions (for /mydata: organisers' names are personal data too). */
  async byActor(memberId: string): Promise<AuditEntry[]> {
    return (await this.store.list<AuditEntry>(NS)).map((r) => r.value).filter((e) => e.actorId === memberId);
  }

  /** The most recent entries, newest first, optionally only those whose action starts with `prefix`. */
  async recent(limit = 20, prefix?: string): Promise<AuditEntry[]> {
    const all = await this.store.list<AuditEntry>(NS);
    return all
      .map((r) => r.value)
      .filter((e) => (prefix ? e.action.startsWith(prefix) : true))
      .reverse()
      .slice(0, limit);
  }
}

/** The key-value audit log under the name callers construct (`new AuditLog(store, clock)`). */
export const AuditLog = KeyvAuditLog;
