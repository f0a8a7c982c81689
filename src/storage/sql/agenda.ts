/**
 * The townhall agenda as rows: townhalls (one open at a time by a unique
 * column), topics, decisions (one per kind by primary key), votes (one per
 * member and topic by primary key) and proposal counts (an upsert that
 * refuses past the limit). Counts come from indexed rows; a merge decision
 * and the move of its votes are one transaction.
 */
import type { Insertable, Kysely, Selectable, Transaction } from "kysely";
import type { Decision, Topic, TopicStatus, TopicView, Townhall } from "../../core/agenda/model.ts";
import { statusOf } from "../../core/agenda/model.ts";
import type { AgendaRepo, MemberTopic, Moderation, RankedPage, VoteTarget } from "../../core/agenda/repo.ts";
import { err, ok, type Result } from "../../core/errors.ts";
import { shortId } from "../../core/ids.ts";
import type { Owed } from "../../core/records.ts";
import type { Lang } from "../../core/types.ts";
import type { SqlAuditLog } from "./audit.ts";
import { guard, isUniqueViolation } from "./errors.ts";
import type { SqlKind } from "./kind.ts";
import { sql } from "./kysely.ts";
import type { SqlOutbox } from "./outbox.ts";
import type { Database, DecisionTable, TopicTable, TownhallTable } from "./schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

const TOPIC_COLUMNS = [
  "id",
  "townhall_id",
  "title",
  "details",
  "proposer_id",
  "proposer_name",
  "lang",
  "created_at",
  "initial",
] as const;

function toTownhall(r: Selectable<TownhallTable>): Townhall {
  return {
    id: r.id,
    name: r.name,
    openedAt: r.opened_at,
    openedBy: r.opened_by,
    ...(r.date === null ? {} : { date: r.date }),
    ...(r.closed_at === null ? {} : { closedAt: r.closed_at }),
  };
}

/** A topic's row (without its embedding). */
export function topicRow(t: Topic, embedding: readonly number[] | null): Insertable<TopicTable> {
  return {
    id: t.id,
    townhall_id: t.townhallId,
    title: t.title,
    details: t.details,
    proposer_id: t.proposerId,
    proposer_name: t.proposerName,
    lang: t.lang,
    created_at: t.createdAt,
    initial: t.initial,
    embedding: embedding ? JSON.stringify(embedding) : null,
    approved: t.initial === "approved" ? 1 : 0,
  };
}

function toTopic(r: Pick<Selectable<TopicTable>, (typeof TOPIC_COLUMNS)[number]>): Topic {
  return {
    id: r.id,
    townhallId: r.townhall_id,
    title: r.title,
    details: r.details,
    proposerId: r.proposer_id,
    proposerName: r.proposer_name,
    lang: r.lang as Lang,
    createdAt: r.created_at,
    initial: r.initial as Topic["initial"],
  };
}

/** A decision's row. */
export function decisionRow(topicId: string, kind: string, d: Decision): DecisionTable {
  return {
    topic_id: topicId,
    kind,
    status: d.status,
    decided_by: d.by,
    at: d.at,
    reason: d.reason ?? null,
    into_id: d.into ?? null,
  };
}

function toDecision(r: DecisionTable): Decision {
  return {
    status: r.status as Decision["status"],
    by: r.decided_by,
    at: r.at,
    ...(r.reason === null ? {} : { reason: r.reason }),
    ...(r.into_id === null ? {} : { into: r.into_id }),
  };
}

function view(topic: Topic, review: Decision | undefined, final: Decision | undefined, voters: string[]): TopicView {
  const status: TopicStatus = statusOf(topic, review, final);
  const decision = final ?? review;
  return decision ? { topic, status, decision, voters } : { topic, status, voters };
}

/** The agenda in SQL. */
export class SqlAgendaRepo implements AgendaRepo {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly outbox: SqlOutbox,
    private readonly audit: SqlAuditLog,
    private readonly kind: SqlKind,
  ) {}

  /**
   * A topic as voting sees it, with its decisions and whether its townhall is open, in one
   * indexed read: each vote is a few round trips to the database, and on PostgreSQL under load
   * their number is what a member waits for.
   */
  async voteTarget(topicId: string): Promise<VoteTarget | undefined> {
    return guard("agenda", async () => {
      const rows = await this.db
        .selectFrom("topics")
        .leftJoin("townhalls", "townhalls.id", "topics.townhall_id")
        .leftJoin("decisions", "decisions.topic_id", "topics.id")
        .select([
          "topics.id",
          "topics.townhall_id",
          "topics.title",
          "topics.initial",
          "townhalls.open_slot",
          "decisions.kind",
          "decisions.status",
          "decisions.decided_by",
          "decisions.at",
          "decisions.reason",
          "decisions.into_id",
        ])
        .where("topics.id", "=", topicId)
        .execute();
      const [t] = rows;
      if (!t) return undefined;
      const found: { review?: Decision; final?: Decision } = {};
      for (const { kind, status, decided_by, at, reason, into_id } of rows) {
        if ((kind === "review" || kind === "final") && status !== null && decided_by !== null && at !== null)
          found[kind] = toDecision({ topic_id: t.id, kind, status, decided_by, at, reason, into_id });
      }
      const { review, final } = found;
      const base = {
        id: t.id,
        townhallId: t.townhall_id,
        title: t.title,
        status: statusOf({ initial: t.initial as Topic["initial"] }, review, final),
        open: t.open_slot === 1,
      };
      return final?.into ? { ...base, into: final.into } : base;
    });
  }

  private async decisions(db: Db, topicId: string): Promise<{ review?: Decision; final?: Decision }> {
    const rows = await db.selectFrom("decisions").selectAll().where("topic_id", "=", topicId).execute();
    const out: { review?: Decision; final?: Decision } = {};
    for (const r of rows) if (r.kind === "review" || r.kind === "final") out[r.kind] = toDecision(r);
    return out;
  }

  /** Opens a townhall unless one is open (unique `open_slot`). */
  async openTownhall(name: string, date: string | undefined, by: string, now: Date): Promise<Result<Townhall>> {
    const th: Townhall = {
      id: `H${shortId(5)}`,
      name,
      openedAt: now.toISOString(),
      openedBy: by,
      ...(date ? { date } : {}),
    };
    try {
      await this.db
        .insertInto("townhalls")
        .values({
          id: th.id,
          name,
          date: date ?? null,
          opened_at: th.openedAt,
          opened_by: by,
          closed_at: null,
          open_slot: 1,
        })
        .execute();
    } catch (e) {
      if (isUniqueViolation(e)) return err("alreadyOpen");
      return guard("agenda", () => Promise.reject(e));
    }
    return ok(th);
  }

  /** Closes the open townhall; one caller's UPDATE wins. */
  async closeTownhall(now: Date): Promise<Result<Townhall>> {
    return guard("agenda", async () => {
      const r = await this.db
        .updateTable("townhalls")
        .set({ open_slot: null, closed_at: now.toISOString() })
        .where("open_slot", "=", 1)
        .returningAll()
        .executeTakeFirst();
      return r ? ok(toTownhall(r)) : err("noneOpen");
    });
  }

  /** A townhall by id. */
  async townhall(id: string): Promise<Townhall | undefined> {
    const r = await guard("agenda", () =>
      this.db.selectFrom("townhalls").selectAll().where("id", "=", id).executeTakeFirst(),
    );
    return r ? toTownhall(r) : undefined;
  }

  /** The open townhall. */
  async openOne(): Promise<Townhall | undefined> {
    const r = await guard("agenda", () =>
      this.db.selectFrom("townhalls").selectAll().where("open_slot", "=", 1).executeTakeFirst(),
    );
    return r ? toTownhall(r) : undefined;
  }

  /** Whether a townhall is the open one. */
  async isOpen(townhallId: string): Promise<boolean> {
    return (await this.openOne())?.id === townhallId;
  }

  /** Every townhall, newest first. */
  async townhalls(): Promise<Townhall[]> {
    const rows = await guard("agenda", () =>
      this.db.selectFrom("townhalls").selectAll().orderBy("opened_at", "desc").execute(),
    );
    return rows.map(toTownhall);
  }

  /** The open townhall, else the latest. */
  async currentOrLatest(): Promise<Townhall | undefined> {
    return (await this.openOne()) ?? (await this.townhalls())[0];
  }

  /** The moderation mode. */
  async moderation(fallback: Moderation): Promise<Moderation> {
    const r = await guard("agenda", () =>
      this.db.selectFrom("settings").select("value").where("key", "=", "moderation").executeTakeFirst(),
    );
    return r?.value === "auto" || r?.value === "review" ? r.value : fallback;
  }

  /** Sets the moderation mode. */
  async setModeration(mode: Moderation): Promise<void> {
    await guard("agenda", () =>
      this.db
        .insertInto("settings")
        .values({ key: "moderation", value: mode })
        .onConflict((oc) => oc.column("key").doUpdateSet({ value: mode }))
        .execute(),
    );
  }

  /** A topic id not used yet (the primary key refuses a duplicate when the topic is saved). */
  async newTopicId(_townhallId: string): Promise<string> {
    for (let attempt = 0; attempt < 10; attempt++) {
      const id = `T${shortId(5)}`;
      const taken = await guard("agenda", () =>
        this.db.selectFrom("topics").select("id").where("id", "=", id).executeTakeFirst(),
      );
      if (!taken) return id;
    }
    throw new Error("could not find a free topic id");
  }

  /** Proposals a member made in a townhall. */
  async usedSlots(townhallId: string, memberId: string): Promise<number> {
    const r = await guard("agenda", () =>
      this.db
        .selectFrom("quotas")
        .select("used")
        .where("townhall_id", "=", townhallId)
        .where("member_id", "=", memberId)
        .executeTakeFirst(),
    );
    return Number(r?.used ?? 0);
  }

  /** Takes a slot with one upsert that refuses past `max`. */
  async takeSlot(townhallId: string, memberId: string, max: number): Promise<boolean> {
    if (max < 1) return false;
    const r = await guard("agenda", () =>
      this.db
        .insertInto("quotas")
        .values({ townhall_id: townhallId, member_id: memberId, used: 1 })
        .onConflict((oc) =>
          oc
            .columns(["townhall_id", "member_id"])
            .doUpdateSet({ used: sql<number>`quotas.used + 1` })
            .where("quotas.used", "<", max),
        )
        .executeTakeFirst(),
    );
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  /** Gives back a slot. */
  async releaseSlot(townhallId: string, memberId: string): Promise<void> {
    await guard("agenda", () =>
      this.db
        .updateTable("quotas")
        .set({ used: sql<number>`used - 1` })
        .where("townhall_id", "=", townhallId)
        .where("member_id", "=", memberId)
        .where("used", ">", 0)
        .execute(),
    );
  }

  /** Forgets a member's proposal count. */
  async clearSlots(townhallId: string, memberId: string): Promise<boolean> {
    const r = await guard("agenda", () =>
      this.db
        .deleteFrom("quotas")
        .where("townhall_id", "=", townhallId)
        .where("member_id", "=", memberId)
        .executeTakeFirst(),
    );
    return Number(r.numDeletedRows) > 0;
  }

  /** Saves a new topic with its embedding. */
  async saveTopic(topic: Topic, embedding: readonly number[]): Promise<void> {
    await guard("agenda", () => this.db.insertInto("topics").values(topicRow(topic, embedding)).execute());
  }

  /** Rewrites a topic's proposer and details. */
  async replaceTopic(topic: Topic): Promise<void> {
    await guard("agenda", () =>
      this.db
        .updateTable("topics")
        .set({ details: topic.details, proposer_id: topic.proposerId, proposer_name: topic.proposerName })
        .where("id", "=", topic.id)
        .execute(),
    );
  }

  /** Deletes a topic with its votes and decisions (one transaction). */
  async deleteTopic(_townhallId: string, topicId: string): Promise<number> {
    return guard("agenda", () =>
      this.db.transaction().execute(async (trx) => {
        const v = await trx.deleteFrom("votes").where("topic_id", "=", topicId).executeTakeFirst();
        await trx.deleteFrom("decisions").where("topic_id", "=", topicId).execute();
        const t = await trx.deleteFrom("topics").where("id", "=", topicId).executeTakeFirst();
        return Number(v.numDeletedRows) + Number(t.numDeletedRows);
      }),
    );
  }

  /** Title embeddings of a townhall's topics. */
  async embeddings(townhallId: string): Promise<Map<string, number[]>> {
    const rows = await guard("agenda", () =>
      this.db.selectFrom("topics").select(["id", "embedding"]).where("townhall_id", "=", townhallId).execute(),
    );
    return new Map(
      rows.filter((r) => r.embedding !== null).map((r) => [r.id, JSON.parse(r.embedding ?? "[]") as number[]]),
    );
  }

  /** One topic with status and supporters. */
  async topic(topicId: string, withVoters = true): Promise<TopicView | undefined> {
    return guard("agenda", async () => {
      const r = await this.db.selectFrom("topics").select(TOPIC_COLUMNS).where("id", "=", topicId).executeTakeFirst();
      if (!r) return undefined;
      const { review, final } = await this.decisions(this.db, topicId);
      const voters = withVoters ? await this.votersOf(topicId) : [];
      return view(toTopic(r), review, final, voters);
    });
  }

  /** A topic's final decision. */
  async finalDecision(_townhallId: string, topicId: string): Promise<Decision | undefined> {
    return guard("agenda", async () => (await this.decisions(this.db, topicId)).final);
  }

  /** Every topic of a townhall with status and supporters: three indexed queries. */
  async topics(townhallId: string): Promise<TopicView[]> {
    return guard("agenda", async () => {
      const topics = await this.db
        .selectFrom("topics")
        .select(TOPIC_COLUMNS)
        .where("townhall_id", "=", townhallId)
        .orderBy("created_at")
        .orderBy("id")
        .execute();
      const decisions = await this.db
        .selectFrom("decisions")
        .innerJoin("topics", "topics.id", "decisions.topic_id")
        .selectAll("decisions")
        .where("topics.townhall_id", "=", townhallId)
        .execute();
      const votes = await this.db
        .selectFrom("votes")
        .innerJoin("topics", "topics.id", "votes.topic_id")
        .select(["votes.topic_id", "votes.member_id"])
        .where("topics.townhall_id", "=", townhallId)
        .execute();
      const decided = new Map(decisions.map((d) => [`${d.topic_id}:${d.kind}`, toDecision(d)]));
      const voters = new Map<string, string[]>();
      for (const v of votes) voters.set(v.topic_id, [...(voters.get(v.topic_id) ?? []), v.member_id]);
      return topics.map((r) =>
        view(toTopic(r), decided.get(`${r.id}:review`), decided.get(`${r.id}:final`), voters.get(r.id) ?? []),
      );
    });
  }

  /** A topic's supporters. */
  async voters(_townhallId: string, topicId: string): Promise<string[]> {
    return guard("agenda", () => this.votersOf(topicId));
  }

  private async votersOf(topicId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom("votes")
      .select("member_id")
      .where("topic_id", "=", topicId)
      .orderBy("at")
      .execute();
    return rows.map((r) => r.member_id);
  }

  /**
   * Adds a vote (the primary key makes a second one a no-op) and counts it on the topic, atomically:
   * on PostgreSQL one statement (the insert and the count in a data-modifying WITH, one round trip
   * instead of four), on SQLite one transaction.
   */
  async addVote(_townhallId: string, topicId: string, memberId: string, now: Date): Promise<boolean> {
    if (this.kind === "postgres") {
      return guard("vote", async () => {
        const r = await sql<{ n: number | string }>`
          with added as (
            insert into votes (topic_id, member_id, at) values (${topicId}, ${memberId}, ${now.toISOString()})
            on conflict (topic_id, member_id) do nothing returning topic_id
          ), counted as (
            update topics set votes = votes + 1 where id in (select topic_id from added) returning id
          )
          select count(*) as n from added`.execute(this.db);
        return Number(r.rows[0]?.n ?? 0) > 0;
      });
    }
    return guard("vote", () =>
      this.db.transaction().execute(async (trx) => {
        const r = await trx
          .insertInto("votes")
          .values({ topic_id: topicId, member_id: memberId, at: now.toISOString() })
          .onConflict((oc) => oc.columns(["topic_id", "member_id"]).doNothing())
          .executeTakeFirst();
        const added = Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
        if (added) await this.count(trx, topicId, 1);
        return added;
      }),
    );
  }

  /** Changes a topic's kept count of votes. */
  private async count(trx: Transaction<Database>, topicId: string, by: number): Promise<void> {
    if (by === 0) return;
    await trx
      .updateTable("topics")
      .set({ votes: sql<number>`votes + ${by}` })
      .where("id", "=", topicId)
      .execute();
  }

  /** Removes a vote and its count, atomically (on PostgreSQL in one statement, as {@link addVote}). */
  async removeVote(_townhallId: string, topicId: string, memberId: string): Promise<boolean> {
    if (this.kind === "postgres") {
      return guard("vote", async () => {
        const r = await sql<{ n: number | string }>`
          with removed as (
            delete from votes where topic_id = ${topicId} and member_id = ${memberId} returning topic_id
          ), counted as (
            update topics set votes = votes - 1 where id in (select topic_id from removed) returning id
          )
          select count(*) as n from removed`.execute(this.db);
        return Number(r.rows[0]?.n ?? 0) > 0;
      });
    }
    return guard("vote", () =>
      this.db.transaction().execute(async (trx) => {
        const r = await trx
          .deleteFrom("votes")
          .where("topic_id", "=", topicId)
          .where("member_id", "=", memberId)
          .executeTakeFirst();
        const removed = Number(r.numDeletedRows) > 0;
        if (removed) await this.count(trx, topicId, -1);
        return removed;
      }),
    );
  }

  /** Re-keys a vote under an anonymous id. */
  async anonymiseVote(_townhallId: string, topicId: string, memberId: string): Promise<boolean> {
    const r = await guard("vote", () =>
      this.db
        .updateTable("votes")
        .set({ member_id: `forgotten:${shortId(10)}` })
        .where("topic_id", "=", topicId)
        .where("member_id", "=", memberId)
        .executeTakeFirst(),
    );
    return Number(r.numUpdatedRows) > 0;
  }

  /** Gives a member's vote to another member. */
  async moveVote(_townhallId: string, topicId: string, fromId: string, intoId: string): Promise<boolean> {
    return guard("vote", () =>
      this.db.transaction().execute(async (trx) => {
        const r = await trx
          .deleteFrom("votes")
          .where("topic_id", "=", topicId)
          .where("member_id", "=", fromId)
          .returning("at")
          .executeTakeFirst();
        if (!r) return false;
        const ins = await trx
          .insertInto("votes")
          .values({ topic_id: topicId, member_id: intoId, at: r.at })
          .onConflict((oc) => oc.columns(["topic_id", "member_id"]).doNothing())
          .executeTakeFirst();
        const moved = Number(ins.numInsertedOrUpdatedRows ?? 0) > 0;
        if (!moved) await this.count(trx, topicId, -1);
        return moved;
      }),
    );
  }

  /** Moves every vote of one topic to another in one transaction. */
  async moveVotes(_townhallId: string, fromId: string, intoId: string): Promise<number> {
    return guard("vote", () => this.db.transaction().execute((trx) => this.move(trx, fromId, intoId)));
  }

  /**
   * Moves exactly the votes this statement deletes. On PostgreSQL (read committed) the source topic's
   * row is locked first: a vote being added to it (its statement counts it on that row) either commits
   * before the DELETE reads the votes, and is moved, or waits for this transaction to commit and then
   * finds the merge in the voter's own follow-up (vote.ts), which moves it. Without the lock, a vote
   * whose statement ran between the DELETE and the commit, its follow-up reading before the commit,
   * stayed on the merged topic. (SQLite runs one writing transaction at a time.)
   */
  private async move(trx: Transaction<Database>, fromId: string, intoId: string): Promise<number> {
    if (this.kind === "postgres") {
      await trx.selectFrom("topics").select("id").where("id", "=", fromId).forUpdate().execute();
    }
    const gone = await trx.deleteFrom("votes").where("topic_id", "=", fromId).returning(["member_id", "at"]).execute();
    let moved = 0;
    for (let i = 0; i < gone.length; i += 500) {
      const rows = gone.slice(i, i + 500).map((v) => ({ topic_id: intoId, member_id: v.member_id, at: v.at }));
      const r = await trx
        .insertInto("votes")
        .values(rows)
        .onConflict((oc) => oc.columns(["topic_id", "member_id"]).doNothing())
        .executeTakeFirst();
      moved += Number(r.numInsertedOrUpdatedRows ?? 0);
    }
    await this.count(trx, fromId, -gone.length);
    await this.count(trx, intoId, moved);
    return moved;
  }

  /** The topics a member proposed or supports: two lookups by member, then those topics. */
  async memberTopics(memberId: string): Promise<MemberTopic[]> {
    return guard("agenda", async () => {
      const proposed = await this.db.selectFrom("topics").select("id").where("proposer_id", "=", memberId).execute();
      const supported = await this.db
        .selectFrom("votes")
        .select("topic_id")
        .where("member_id", "=", memberId)
        .execute();
      const mine = new Set(proposed.map((r) => r.id));
      const backed = new Set(supported.map((r) => r.topic_id));
      const ids = [...new Set([...mine, ...backed])];
      if (ids.length === 0) return [];
      const out: MemberTopic[] = [];
      for (let i = 0; i < ids.length; i += 500) {
        const part = ids.slice(i, i + 500);
        const topics = await this.db.selectFrom("topics").select(TOPIC_COLUMNS).where("id", "in", part).execute();
        const decisions = await this.db.selectFrom("decisions").selectAll().where("topic_id", "in", part).execute();
        const decided = new Map(decisions.map((d) => [`${d.topic_id}:${d.kind}`, toDecision(d)]));
        for (const r of topics) {
          const topic = toTopic(r);
          const status = statusOf(topic, decided.get(`${r.id}:review`), decided.get(`${r.id}:final`));
          out.push({ topic, status, proposed: mine.has(r.id), supported: backed.has(r.id) });
        }
      }
      return out.sort(
        (a, b) => a.topic.createdAt.localeCompare(b.topic.createdAt) || a.topic.id.localeCompare(b.topic.id),
      );
    });
  }

  /** Topics per status: one aggregate over the townhall's topics and their decisions (primary key). */
  async statusCounts(townhallId: string): Promise<Map<TopicStatus, number>> {
    return guard("agenda", async () => {
      const rows = await this.db
        .selectFrom("topics as t")
        .leftJoin("decisions as r", (j) => j.onRef("r.topic_id", "=", "t.id").on("r.kind", "=", "review"))
        .leftJoin("decisions as f", (j) => j.onRef("f.topic_id", "=", "t.id").on("f.kind", "=", "final"))
        .select(["t.initial", "r.status as review", "f.status as final", (eb) => eb.fn.countAll<number>().as("n")])
        .where("t.townhall_id", "=", townhallId)
        .groupBy(["t.initial", "r.status", "f.status"])
        .execute();
      const counts = new Map<TopicStatus, number>();
      for (const r of rows) {
        const status = (r.final ?? r.review ?? r.initial) as TopicStatus;
        counts.set(status, (counts.get(status) ?? 0) + Number(r.n));
      }
      return counts;
    });
  }

  /** One page of the approved topics, most supported first, read in the order of an index. */
  async rankedPage(townhallId: string, page: number, pageSize: number, memberId: string): Promise<RankedPage> {
    return guard("agenda", async () => {
      const on = this.db.selectFrom("topics as t").where("t.townhall_id", "=", townhallId).where("t.approved", "=", 1);
      // The agenda's size as kept by the database (migration 0008), not a count of its topics.
      const size = await this.db
        .selectFrom("townhalls")
        .select("approved_topics")
        .where("id", "=", townhallId)
        .executeTakeFirst();
      const total = Number(size?.approved_topics ?? 0);
      const p = Math.min(page, Math.max(0, Math.ceil(total / pageSize) - 1));
      const rows = await on
        .select([
          ...TOPIC_COLUMNS.map((c) => `t.${c}` as const),
          "t.votes",
          (eb) =>
            eb
              .exists(
                eb
                  .selectFrom("votes as v")
                  .select("v.member_id")
                  .whereRef("v.topic_id", "=", "t.id")
                  .where("v.member_id", "=", memberId),
              )
              .as("mine"),
        ])
        .orderBy("t.votes", "desc")
        .orderBy("t.created_at")
        .orderBy("t.id")
        .limit(pageSize)
        .offset(p * pageSize)
        .execute();
      return {
        total,
        page: p,
        rows: rows.map((r) => ({ topic: toTopic(r), votes: Number(r.votes), mine: Boolean(Number(r.mine)) })),
      };
    });
  }

  private async noFinal(trx: Transaction<Database>, topicId: string): Promise<boolean> {
    const f = await trx
      .selectFrom("decisions")
      .select("kind")
      .where("topic_id", "=", topicId)
      .where("kind", "=", "final")
      .executeTakeFirst();
    return !f;
  }

  /** Records a decision once (primary key); a merge moves the votes in the same transaction. */
  async decide(
    _townhallId: string,
    topicId: string,
    kind: "review" | "final",
    d: Decision,
    owed: Owed = {},
  ): Promise<boolean> {
    const ids = await guard("decision", () =>
      this.db.transaction().execute(async (trx): Promise<number[] | undefined> => {
        const r = await trx
          .insertInto("decisions")
          .values(decisionRow(topicId, kind, d))
          .onConflict((oc) => oc.columns(["topic_id", "kind"]).doNothing())
          .executeTakeFirst();
        if (Number(r.numInsertedOrUpdatedRows ?? 0) === 0) return undefined;
        if (d.status === "merged" && d.into) await this.move(trx, topicId, d.into);
        // On the agenda: approved by review unless a final decision came first; off it after a final one.
        const on = kind === "review" && d.status === "approved" ? await this.noFinal(trx, topicId) : false;
        await trx
          .updateTable("topics")
          .set({ approved: on ? 1 : 0 })
          .where("id", "=", topicId)
          .$if(kind === "review", (q) => q.where("approved", "=", 0))
          .execute();
        if (owed.audit) await this.audit.write(trx, owed.audit);
        return this.outbox.write(trx, owed.notices ?? []);
      }),
    );
    if (!ids) return false;
    // Delivered after the commit; a failure stays in the outbox for the next sweep.
    if (ids.length > 0) await this.outbox.deliver(ids).catch(() => 0);
    return true;
  }
}
