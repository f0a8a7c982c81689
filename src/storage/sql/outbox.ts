/**
 * The outbox: notifications a workflow owes are rows written in the
 * workflow's transaction, delivered through the {@link Notifier} once it has
 * committed. A deliverer claims a row for a minute before sending, so two
 * instances send it at once; a row whose delivery failed (or whose process
 * died, or whose "delivered" mark was lost) is sent again by
 * {@link SqlOutbox.deliverPending}: delivery is at least once.
 */
import type { Kysely, Transaction } from "kysely";
import type { Clock, Logger, NativePoll, Notifier } from "../../core/ports.ts";
import type { Notice, Outbox } from "../../core/records.ts";
import type { Reply } from "../../core/replies.ts";
import type { Database } from "./schema.ts";

/** How long a claim keeps other deliverers off a row. */
const CLAIM_MS = 60_000;
/** How long a delivered row stays (for an organiser looking into a complaint), without its content. */
const KEEP_DELIVERED_MS = 24 * 60 * 60 * 1000;
/** Rows delivered by one sweep at most. */
const SWEEP = 200;

/** The outbox table and its deliverer. */
export class SqlOutbox implements Outbox {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Writes notices in a transaction; returns their row ids, for {@link deliver} after the commit. */
  async write(trx: Transaction<Database>, notices: readonly Notice[]): Promise<number[]> {
    if (notices.length === 0) return [];
    const at = this.clock.now().toISOString();
    const rows = notices.map((n) => ({
      kind: n.to,
      member_id: n.to === "member" ? n.memberId : null,
      // Where a poll was is kept with the replies (it is a chat, not a member).
      payload: JSON.stringify(n.to === "pollChat" ? { poll: n.poll, replies: n.replies } : n.replies),
      created_at: at,
      claimed_until: null,
      delivered_at: null,
    }));
    const ids = await trx.insertInto("outbox").values(rows).returning("id").execute();
    return ids.map((r) => Number(r.id));
  }

  /** Delivers the given rows (in order); a failure is logged and left for {@link deliverPending}. */
  async deliver(ids: readonly number[]): Promise<number> {
    let sent = 0;
    for (const id of ids) if (await this.deliverOne(id)) sent++;
    return sent;
  }

  /** Delivers every row not yet delivered, oldest first, and forgets rows delivered more than a day ago. */
  async deliverPending(): Promise<number> {
    const dayAgo = new Date(this.clock.now().getTime() - KEEP_DELIVERED_MS).toISOString();
    await this.db.deleteFrom("outbox").where("delivered_at", "<", dayAgo).execute();
    const rows = await this.db
      .selectFrom("outbox")
      .select("id")
      .where("delivered_at", "is", null)
      .orderBy("id")
      .limit(SWEEP)
      .execute();
    return this.deliver(rows.map((r) => Number(r.id)));
  }

  /** Notices waiting for delivery (for tests and the dashboard). */
  async pendingCount(): Promise<number> {
    const r = await this.db
      .selectFrom("outbox")
      .select((eb) => eb.fn.countAll<number | string>().as("n"))
      .where("delivered_at", "is", null)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** Erases the pending notices addressed to a member (when they ask to be forgotten). */
  async forgetMember(trx: Transaction<Database>, memberId: string): Promise<number> {
    const r = await trx.deleteFrom("outbox").where("member_id", "=", memberId).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  private async deliverOne(id: number): Promise<boolean> {
    const now = this.clock.now();
    const claimed = await this.db
      .updateTable("outbox")
      .set((eb) => ({
        claimed_until: new Date(now.getTime() + CLAIM_MS).toISOString(),
        attempts: eb("attempts", "+", 1),
      }))
      .where("id", "=", id)
      .where("delivered_at", "is", null)
      .where((eb) => eb.or([eb("claimed_until", "is", null), eb("claimed_until", "<", now.toISOString())]))
      .returning(["kind", "member_id", "payload"])
      .executeTakeFirst();
    if (!claimed) return false;
    try {
      if (claimed.kind === "pollChat") {
        const { poll, replies } = JSON.parse(claimed.payload) as { poll: NativePoll; replies: Reply[] };
        await this.notifier.toPollChat?.(poll, replies);
      } else {
        const replies = JSON.parse(claimed.payload) as Reply[];
        if (claimed.kind === "member" && claimed.member_id) await this.notifier.toMember(claimed.member_id, replies);
        else if (claimed.kind === "organisers") await this.notifier.toOrganisers(replies);
      }
    } catch (e) {
      this.logger.warn("outbox: delivery failed, will retry", { id, error: String(e) });
      await this.db
        .updateTable("outbox")
        .set({ claimed_until: null })
        .where("id", "=", id)
        .execute()
        .catch(() => {});
      return false;
    }
    // Sent: if this mark is lost, the claim keeps others off for a minute, then it goes again (at least once).
    await this.db
      .updateTable("outbox")
      .set({ delivered_at: this.clock.now().toISOString(), payload: "[]", member_id: null })
      .where("id", "=", id)
      .execute();
    return true;
  }
}
