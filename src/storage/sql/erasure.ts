/**
 * /forgetme on the SQL side: every row of a member erased or anonymised in one
 * transaction, by the same rules the features apply one record at a time
 * (src/core/donations/privacy.ts, src/core/agenda/privacy.ts,
 * src/core/faq/log.ts): all or nothing. The organisers' notices of withdrawn
 * offers are written to the outbox in it and delivered after the commit.
 */
import type { Kysely, Transaction } from "kysely";
import { type Decision, statusOf, type Topic } from "../../core/agenda/model.ts";
import { erasedWithdrawnNotice, forgotten } from "../../core/donations/privacy.ts";
import { OfferConflictError } from "../../core/donations/repo.ts";
import { shortId } from "../../core/ids.ts";
import type { Clock } from "../../core/ports.ts";
import { text } from "../../core/replies.ts";
import { guard } from "./errors.ts";
import { eventRows, offerRow, toOffer } from "./offers.ts";
import type { SqlOutbox } from "./outbox.ts";
import { forgetQuestions } from "./questions.ts";
import type { Database } from "./schema.ts";
import { countOffer, removeBallot } from "./tallies.ts";

type Trx = Transaction<Database>;
/** Ids per statement. */
const BATCH = 500;

function chunks<T>(all: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < all.length; i += BATCH) out.push(all.slice(i, i + BATCH));
  return out;
}

/** Erases a member's records in one transaction. */
export class SqlErasure {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly outbox: SqlOutbox,
    private readonly clock: Clock,
  ) {}

  /** Erases or anonymises every row of the member; returns the rows changed. Throws, changing nothing, on failure. */
  async forgetMember(memberId: string): Promise<number> {
    if (!memberId) return 0;
    for (let attempt = 0; ; attempt++) {
      try {
        const { changed, ids } = await guard("erasure", () =>
          this.db.transaction().execute((trx) => this.erase(trx, memberId)),
        );
        if (ids.length > 0) await this.outbox.deliver(ids).catch(() => 0);
        return changed;
      } catch (e) {
        // An organiser changed one of the offers meanwhile: the whole erasure runs again.
        if (!(e instanceof OfferConflictError) || attempt === 2) throw e;
      }
    }
  }

  private async erase(trx: Trx, memberId: string): Promise<{ changed: number; ids: number[] }> {
    const now = this.clock.now().toISOString();
    const offers = await this.offers(trx, memberId, now);
    let changed = offers.changed;
    changed += await this.agenda(trx, memberId);
    changed += await this.ballots(trx, memberId);
    const links = await trx.deleteFrom("identities").where("canonical_id", "=", memberId).executeTakeFirst();
    changed += Number(links.numDeletedRows);
    changed += await this.audit(trx, memberId, offers.refs);
    changed += await forgetQuestions(trx, memberId);
    changed += await this.outbox.forgetMember(trx, memberId);
    const ids = await this.outbox.write(
      trx,
      offers.withdrawn.map((ref) => ({ to: "organisers" as const, replies: [text(erasedWithdrawnNotice(ref))] })),
    );
    return { changed, ids };
  }

  /** Open offers withdrawn, every offer anonymised with its history's notes (donations/privacy.ts). */
  private async offers(trx: Trx, memberId: string, now: string) {
    const rows = await trx.selectFrom("offers").selectAll().where("owner_id", "=", memberId).execute();
    const refs = rows.map((r) => r.ref);
    const events = new Map<string, Awaited<ReturnType<typeof eventsOf>>>();
    for (const part of chunks(refs)) {
      for (const e of await eventsOf(trx, part)) {
        const list = events.get(e.ref) ?? [];
        list.push(e);
        events.set(e.ref, list);
      }
    }
    const withdrawn: string[] = [];
    for (const row of rows) {
      const read = toOffer(row, events.get(row.ref) ?? []);
      const saved = { ...forgotten(read, now), version: read.version + 1 };
      const r = await trx
        .updateTable("offers")
        .set({ ...offerRow(saved), submission: null })
        .where("ref", "=", read.ref)
        .where("version", "=", read.version)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw new OfferConflictError(read.ref);
      await countOffer(trx, read, saved);
      await trx.deleteFrom("offer_events").where("ref", "=", read.ref).execute();
      const history = eventRows(saved);
      if (history.length > 0) await trx.insertInto("offer_events").values(history).execute();
      if (saved.status !== read.status) withdrawn.push(read.ref);
    }
    return { changed: rows.length, refs, withdrawn };
  }

  /** Topics, votes and proposal counts (agenda/privacy.ts). */
  private async agenda(trx: Trx, memberId: string): Promise<number> {
    let changed = 0;
    const proposed = await trx
      .selectFrom("topics")
      .select(["id", "initial"])
      .where("proposer_id", "=", memberId)
      .execute();
    for (const part of chunks(proposed)) {
      const decisions = await trx
        .selectFrom("decisions")
        .selectAll()
        .where(
          "topic_id",
          "in",
          part.map((t) => t.id),
        )
        .execute();
      for (const r of part) {
        const d = (kind: string): Decision | undefined => {
          const x = decisions.find((y) => y.topic_id === r.id && y.kind === kind);
          return x ? { status: x.status as Decision["status"], by: x.decided_by, at: x.at } : undefined;
        };
        const status = statusOf({ initial: r.initial as Topic["initial"] }, d("review"), d("final"));
        if (status === "pending" || status === "rejected") {
          // Nobody else could act on it: deleted with its votes and decisions.
          const v = await trx.deleteFrom("votes").where("topic_id", "=", r.id).executeTakeFirst();
          await trx.deleteFrom("decisions").where("topic_id", "=", r.id).execute();
          await trx.deleteFrom("topics").where("id", "=", r.id).execute();
          changed += Number(v.numDeletedRows) + 1;
        } else {
          // On an agenda: the title stays (others voted for it); the member's details and name go.
          await trx
            .updateTable("topics")
            .set({ details: "", proposer_id: "", proposer_name: "" })
            .where("id", "=", r.id)
            .execute();
          changed++;
        }
      }
    }
    const votes = await trx
      .selectFrom("votes")
      .innerJoin("topics", "topics.id", "votes.topic_id")
      .innerJoin("townhalls", "townhalls.id", "topics.townhall_id")
      .select(["votes.topic_id", "townhalls.open_slot"])
      .where("votes.member_id", "=", memberId)
      .execute();
    for (const v of votes) {
      if (v.open_slot === 1) {
        // The open townhall counts current supporters: the vote goes, and its count.
        await trx.deleteFrom("votes").where("topic_id", "=", v.topic_id).where("member_id", "=", memberId).execute();
        await trx
          .updateTable("topics")
          .set((eb) => ({ votes: eb("votes", "-", 1) }))
          .where("id", "=", v.topic_id)
          .execute();
      } else {
        // A closed townhall's counts stay, naming nobody.
        await trx
          .updateTable("votes")
          .set({ member_id: `forgotten:${shortId(10)}` })
          .where("topic_id", "=", v.topic_id)
          .where("member_id", "=", memberId)
          .execute();
      }
      changed++;
    }
    const quotas = await trx.deleteFrom("quotas").where("member_id", "=", memberId).executeTakeFirst();
    return changed + Number(quotas.numDeletedRows);
  }

  /** Ballots and their choices, and their part of the polls' counts (closed polls' results were frozen when they closed). */
  private async ballots(trx: Trx, memberId: string): Promise<number> {
    const polls = await trx.selectFrom("ballots").select("poll_id").where("member_id", "=", memberId).execute();
    let n = 0;
    for (const { poll_id } of polls) if (await removeBallot(trx, poll_id, memberId)) n++;
    return n;
  }

  /**
   * Audit entries about the member: their own actions keep the action but not the name or id;
   * entries naming them as the target, or about their offers, lose the target id or detail.
   */
  private async audit(trx: Trx, memberId: string, offerRefs: readonly string[]): Promise<number> {
    const own = await trx
      .updateTable("audit")
      .set({ actor_id: "", actor_name: "" })
      .where("actor_id", "=", memberId)
      .executeTakeFirst();
    const named = await trx.updateTable("audit").set({ target: "" }).where("target", "=", memberId).executeTakeFirst();
    let n = Number(own.numUpdatedRows) + Number(named.numUpdatedRows);
    for (const part of chunks(offerRefs)) {
      const r = await trx
        .updateTable("audit")
        .set({ detail: null })
        .where("target", "in", part)
        .where("detail", "is not", null)
        .executeTakeFirst();
      n += Number(r.numUpdatedRows);
    }
    return n;
  }
}

function eventsOf(trx: Trx, refs: readonly string[]) {
  return trx
    .selectFrom("offer_events")
    .select(["ref", "seq", "at", "status", "by_whom", "note"])
    .where("ref", "in", refs)
    .orderBy("ref")
    .orderBy("seq")
    .execute();
}
