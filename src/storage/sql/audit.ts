/** The audit log as rows: indexed by actor, action and time. */
import type { Kysely, Transaction } from "kysely";
import type { AuditEntry, AuditLog } from "../../core/audit.ts";
import type { Clock } from "../../core/ports.ts";
import type { AuditInput } from "../../core/records.ts";
import type { Member } from "../../core/types.ts";
import { guard } from "./errors.ts";
import type { AuditTable, Database } from "./schema.ts";

type Row = Omit<AuditTable, "id">;

function entry(r: Row): AuditEntry {
  return {
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    target: r.target,
    ...(r.detail === null ? {} : { detail: r.detail }),
  };
}

/** Writes and lists audit rows. */
export class SqlAuditLog implements AuditLog {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  /** Writes an entry in a workflow's transaction. */
  async write(trx: Kysely<Database> | Transaction<Database>, a: AuditInput): Promise<AuditEntry> {
    const row: Row = {
      at: this.clock.now().toISOString(),
      actor_id: a.actor.id,
      actor_name: a.actor.displayName,
      action: a.action,
      target: a.target,
      detail: a.detail ?? null,
    };
    await trx.insertInto("audit").values(row).execute();
    return entry(row);
  }

  /** Records an action; resolves once it is stored. */
  async record(actor: Member, action: string, target: string, detail?: string): Promise<AuditEntry> {
    const input = { actor, action, target, ...(detail === undefined ? {} : { detail }) };
    return guard("audit", () => this.write(this.db, input));
  }

  /** Every entry of a member's actions, oldest first. */
  async byActor(memberId: string): Promise<AuditEntry[]> {
    return guard("audit", async () =>
      (await this.db.selectFrom("audit").selectAll().where("actor_id", "=", memberId).orderBy("id").execute()).map(
        entry,
      ),
    );
  }

  /** The most recent entries, newest first, optionally only those whose action starts with `prefix`. */
  async recent(limit = 20, prefix?: string): Promise<AuditEntry[]> {
    return guard("audit", async () => {
      let q = this.db.selectFrom("audit").selectAll().orderBy("id", "desc").limit(limit);
      if (prefix) q = q.where("action", ">=", prefix).where("action", "<", `${prefix}\uffff`);
      return (await q.execute()).map(entry);
    });
  }

  /** Removes the actor's name from their entries; returns how many changed. */
  async anonymise(memberId: string): Promise<number> {
    return guard("audit", async () => {
      const r = await this.db
        .updateTable("audit")
        .set({ actor_name: "", actor_id: "" })
        .where("actor_id", "=", memberId)
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    });
  }
}
