/**
 * Polls, ballots and ballot choices as rows. A ballot is one row per member
 * and poll (primary key), its choices one row each; the poll's counts per
 * platform and option are kept in `poll_tallies` by the same transaction.
 * Voting reads the poll row with a share lock (PostgreSQL) and closing
 * updates it first, so a ballot either commits before the close counts it or
 * sees the poll closed and is refused: an acknowledged ballot is always in
 * the frozen result. On SQLite every transaction runs alone.
 */
import type { Kysely, Transaction } from "kysely";
import type { Ballot, Poll, PollResult, Tally, TopicView } from "../../core/agenda/model.ts";
import { type MemberBallot, type OwedByClose, POLL_HOURS, type PollRepo } from "../../core/agenda/polls.ts";
import { err, ok, type Result } from "../../core/errors.ts";
import { shortId } from "../../core/ids.ts";
import { guard, isUniqueViolation } from "./errors.ts";
import type { SqlKind } from "./kind.ts";
import type { SqlOutbox } from "./outbox.ts";
import type { Database, PollTable } from "./schema.ts";
import { countBallot, lockBallot, readBallot, readTallies, removeBallot } from "./tallies.ts";

const MAX_OPTION_CHARS = 100;

function toPoll(r: PollTable): Poll {
  return {
    id: r.id,
    townhallId: r.townhall_id,
    question: r.question,
    topicIds: JSON.parse(r.topic_ids) as string[],
    options: JSON.parse(r.options) as string[],
    createdAt: r.created_at,
    createdBy: r.created_by,
    durationHours: Number(r.duration_hours),
  };
}

function frozen(r: PollTable): PollResult | undefined {
  if (r.closed_at === null || r.result_counts === null) return undefined;
  return {
    counts: JSON.parse(r.result_counts) as number[],
    voters: Number(r.result_voters ?? 0),
    closedAt: r.closed_at,
  };
}

/** Polls in SQL. */
export class SqlPollRepo implements PollRepo {
  /** `outbox`: where the notices a close owes are written, in its transaction (none without). */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly kind: SqlKind,
    private readonly outbox?: SqlOutbox,
  ) {}

  /** Creates a poll unless the townhall has an open one (unique constraint). */
  async create(townhall: { id: string; name: string }, topics: readonly TopicView[], by: string, now: Date) {
    const poll: Poll = {
      id: `${townhall.id}-${shortId(4)}`,
      townhallId: townhall.id,
      question: `${townhall.name}: which topics should we discuss? 你想討論哪些議題？`,
      topicIds: topics.map((t) => t.topic.id),
      options: topics.map((t) => Array.from(t.topic.title).slice(0, MAX_OPTION_CHARS).join("")),
      createdAt: now.toISOString(),
      createdBy: by,
      durationHours: POLL_HOURS,
    };
    try {
      await guard("poll create", async () => {
        try {
          await this.db.insertInto("polls").values(this.row(poll)).execute();
        } catch (e) {
          if (isUniqueViolation(e)) throw new PollOpen();
          throw e;
        }
      });
    } catch (e) {
      if (e instanceof Error && e.cause instanceof PollOpen) return err("pollOpen");
      throw e;
    }
    return ok(poll);
  }

  private row(p: Poll): PollTable {
    return {
      id: p.id,
      townhall_id: p.townhallId,
      question: p.question,
      topic_ids: JSON.stringify(p.topicIds),
      options: JSON.stringify(p.options),
      created_at: p.createdAt,
      created_by: p.createdBy,
      duration_hours: p.durationHours,
      open_slot: 1,
      closed_at: null,
      result_counts: null,
      result_voters: null,
    };
  }

  private async rowOf(pollId: string): Promise<PollTable | undefined> {
    return guard("poll", () => this.db.selectFrom("polls").selectAll().where("id", "=", pollId).executeTakeFirst());
  }

  /** A poll by id. */
  async get(pollId: string): Promise<Poll | undefined> {
    const r = await this.rowOf(pollId);
    return r ? toPoll(r) : undefined;
  }

  /** The townhall's open poll. */
  async openPoll(townhallId: string): Promise<Poll | undefined> {
    const r = await guard("poll", () =>
      this.db
        .selectFrom("polls")
        .selectAll()
        .where("townhall_id", "=", townhallId)
        .where("open_slot", "=", 1)
        .executeTakeFirst(),
    );
    return r ? toPoll(r) : undefined;
  }

  /** The townhall's polls, newest first. */
  async polls(townhallId: string): Promise<Poll[]> {
    const rows = await guard("poll", () =>
      this.db
        .selectFrom("polls")
        .selectAll()
        .where("townhall_id", "=", townhallId)
        .orderBy("created_at", "desc")
        .execute(),
    );
    return rows.map(toPoll);
  }

  /** The frozen result of a closed poll. */
  async closed(pollId: string): Promise<PollResult | undefined> {
    const r = await this.rowOf(pollId);
    return r ? frozen(r) : undefined;
  }

  /** Records, replaces or withdraws a ballot, in one transaction with the poll's open state. */
  async vote(pollId: string, memberId: string, platform: string, options: readonly number[], now: Date) {
    return guard("ballot", () =>
      this.db.transaction().execute(async (trx): Promise<Result<Poll>> => {
        let q = trx.selectFrom("polls").selectAll().where("id", "=", pollId);
        if (this.kind === "postgres") q = q.forShare();
        const row = await q.executeTakeFirst();
        if (!row) return err("unknownPoll");
        if (row.closed_at !== null) return err("pollClosed");
        const poll = toPoll(row);
        const chosen = [...new Set(options)].sort((a, b) => a - b);
        if (chosen.some((i) => !Number.isInteger(i) || i < 0 || i >= poll.options.length)) return err("badOption");
        await this.replaceBallot(
          trx,
          pollId,
          memberId,
          chosen.length === 0 ? undefined : { options: chosen, at: now.toISOString(), platform },
        );
        return ok(poll);
      }),
    );
  }

  /**
   * Writes a member's ballot (none withdraws it) and moves the poll's counts from the old one, under
   * the ballot's lock: the ballot row, then its choices, then the counts.
   */
  private async replaceBallot(trx: Transaction<Database>, pollId: string, memberId: string, b: Ballot | undefined) {
    if (!b) return removeBallot(trx, pollId, memberId);
    await lockBallot(trx, pollId, memberId);
    const before = await readBallot(trx, pollId, memberId);
    const row = { options: JSON.stringify(b.options), at: b.at, platform: b.platform };
    await trx
      .insertInto("ballots")
      .values({ poll_id: pollId, member_id: memberId, ...row })
      .onConflict((oc) => oc.columns(["poll_id", "member_id"]).doUpdateSet(row))
      .execute();
    await trx.deleteFrom("ballot_choices").where("poll_id", "=", pollId).where("member_id", "=", memberId).execute();
    const choices = b.options.map((option_index) => ({ poll_id: pollId, member_id: memberId, option_index }));
    if (choices.length > 0) await trx.insertInto("ballot_choices").values(choices).execute();
    await countBallot(trx, pollId, before, b);
    return true;
  }

  /** Counts a poll's ballots with SQL aggregates. */
  async tally(poll: Poll): Promise<Tally> {
    return guard("tally", () => this.count(this.db, poll));
  }

  /** Counts the ballots of a poll per platform they were cast on. */
  async tallyByPlatform(poll: Poll): Promise<Record<string, Tally>> {
    return guard("tally by platform", async () =>
      Object.fromEntries(await readTallies(this.db, poll.id, poll.options.length)),
    );
  }

  /** The poll's counts, summed over the platforms (kept with the ballots: a few rows at any size). */
  private async count(db: Kysely<Database> | Transaction<Database>, poll: Poll): Promise<Tally> {
    const counts = poll.options.map(() => 0);
    let voters = 0;
    for (const t of (await readTallies(db, poll.id, poll.options.length)).values()) {
      voters += t.voters;
      t.counts.forEach((n, i) => {
        counts[i] = (counts[i] ?? 0) + n;
      });
    }
    return { counts, voters };
  }

  /** Frozen when closed, live otherwise. */
  async result(poll: Poll): Promise<{ tally: Tally; closed: boolean }> {
    const f = await this.closed(poll.id);
    return f ? { tally: f, closed: true } : { tally: await this.tally(poll), closed: false };
  }

  /**
   * Closes the open poll and freezes its tally in one transaction, with the notices the close owes
   * (written to the outbox in it, delivered after the commit: a crash in between leaves them for the
   * outbox's next sweep).
   */
  async close(townhallId: string, now: Date, owes?: OwedByClose): Promise<Result<{ poll: Poll; result: PollResult }>> {
    let owed: number[] = [];
    const closed = await guard("poll close", () =>
      this.db.transaction().execute(async (trx): Promise<Result<{ poll: Poll; result: PollResult }>> => {
        const closedAt = now.toISOString();
        const row = await trx
          .updateTable("polls")
          .set({ open_slot: null, closed_at: closedAt })
          .where("townhall_id", "=", townhallId)
          .where("open_slot", "=", 1)
          .returningAll()
          .executeTakeFirst();
        if (!row) return err("noPoll");
        const poll = toPoll(row);
        const tally = await this.count(trx, poll);
        await trx
          .updateTable("polls")
          .set({ result_counts: JSON.stringify(tally.counts), result_voters: tally.voters })
          .where("id", "=", poll.id)
          .execute();
        const result = { ...tally, closedAt };
        if (owes && this.outbox) owed = await this.outbox.write(trx, await owes({ poll, result }));
        return ok({ poll, result });
      }),
    );
    // A failure stays in the outbox for the next sweep.
    if (owed.length > 0) await this.outbox?.deliver(owed).catch(() => 0);
    return closed;
  }

  /** The member's ballots. */
  async ballotsOf(memberId: string): Promise<MemberBallot[]> {
    const rows = await guard("ballot", () =>
      this.db.selectFrom("ballots").selectAll().where("member_id", "=", memberId).orderBy("at").execute(),
    );
    return rows.map((r) => ({
      key: `${r.poll_id}:${r.member_id}`,
      pollId: r.poll_id,
      ballot: { options: JSON.parse(r.options) as number[], at: r.at, platform: r.platform },
    }));
  }

  /** Deletes one ballot (`<pollId>:<memberId>`). */
  async deleteBallot(key: string): Promise<boolean> {
    const i = key.indexOf(":");
    const [pollId, memberId] = [key.slice(0, i), key.slice(i + 1)];
    return guard("ballot", () =>
      this.db.transaction().execute((trx) => this.replaceBallot(trx, pollId, memberId, undefined)),
    );
  }

  /** Gives a ballot to another member unless they have one in that poll; the old one goes either way. */
  async moveBallot(b: MemberBallot, intoId: string): Promise<boolean> {
    const fromId = b.key.slice(b.pollId.length + 1);
    return guard("ballot", () =>
      this.db.transaction().execute(async (trx) => {
        // Both ballots locked, in one order, so two moves the other way round can't deadlock.
        for (const m of [fromId, intoId].sort()) await lockBallot(trx, b.pollId, m);
        const theirs = await trx
          .selectFrom("ballots")
          .select("member_id")
          .where("poll_id", "=", b.pollId)
          .where("member_id", "=", intoId)
          .executeTakeFirst();
        await this.replaceBallot(trx, b.pollId, fromId, undefined);
        if (theirs) return false;
        await this.replaceBallot(trx, b.pollId, intoId, b.ballot);
        return true;
      }),
    );
  }
}

class PollOpen extends Error {}
