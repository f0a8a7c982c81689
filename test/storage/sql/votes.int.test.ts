/**
 * A member's support of a topic in SQL, on both dialects: what voting reads of a topic in one
 * query (its status, decisions, merge target and whether its townhall is open) is what the
 * repository's other reads say, and the count kept on each topic equals its vote rows after
 * repeated, withdrawn and concurrent presses (on PostgreSQL each change is one statement); a vote
 * and a merge of its topic at the same time, in either order, leave the vote on the topic merged
 * into (PostgreSQL; SQLite runs one writing transaction at a time).
 */
import type { Kysely, Transaction } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { sql } from "../../../src/storage/sql/kysely.ts";
import type { Database } from "../../../src/storage/sql/schema.ts";
import { member, replyText } from "../../helpers/services.ts";
import { agendaOnSql } from "./agenda-records.ts";
import { dialects } from "./dialects.ts";

for (const dialect of await dialects()) {
  describe(`votes in SQL: ${dialect.name}`, () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const c of cleanups) await c();
    });

    async function setUp() {
      const { a, repo, db } = await agendaOnSql(dialect, cleanups);
      /** Each topic's kept count beside its rows' count. */
      const counts = async () => {
        const r = await sql<{ id: string; kept: number | string; rows: number | string }>`
          select t.id, t.votes as kept, (select count(*) from votes v where v.topic_id = t.id) as rows
          from topics t order by t.id`.execute(db);
        return r.rows.map((x) => ({ id: x.id, kept: Number(x.kept), rows: Number(x.rows) }));
      };
      return { a, repo, db, counts };
    }

    /** Two approved topics of an open townhall: one to merge into the other. */
    async function twoTopics() {
      const s = await setUp();
      const th = await s.a.openTownhall();
      const from = await s.a.proposeTopic(member("p1"), "Stablecoin licensing timeline");
      const into = await s.a.proposeTopic(member("p2"), "Tokenised deposit pilots");
      for (const id of [from, into]) await s.a.say(s.a.org, `/townhall approve ${id}`);
      return { ...s, th, from, into };
    }

    /** A transaction on its own connection that runs `work` and stays open until `commit` is called. */
    function heldOpen(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<unknown>) {
      let commit!: () => void;
      const released = new Promise<void>((r) => {
        commit = r;
      });
      let ready!: () => void;
      const done = new Promise<void>((r) => {
        ready = r;
      });
      const finished = db.transaction().execute(async (trx) => {
        await work(trx);
        ready();
        await released;
      });
      return { done, commit, finished };
    }

    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

    // Concurrent merges and votes (PostgreSQL, read committed; SQLite runs one writing transaction at a time).
    if (dialect.name === "postgresql") {
      it("moves a vote whose statement ran while the topic was being merged", async () => {
        const { a, repo, db, counts, th, from, into } = await twoTopics();
        // A member's vote in flight: added and counted on the topic (as addVote's statement does), not yet committed.
        const vote = heldOpen(db, async (trx) => {
          await trx
            .insertInto("votes")
            .values({ topic_id: from, member_id: "console:v1", at: new Date().toISOString() })
            .execute();
          await trx.updateTable("topics").set({ votes: sql<number>`votes + 1` }).where("id", "=", from).execute();
        });
        await vote.done;
        const merging = a.say(a.org, `/townhall merge ${from} ${into}`);
        await pause(200);
        vote.commit();
        await vote.finished;
        expect(replyText(await merging)).toContain(into);
        expect(await repo.voters(th, into)).toEqual(["console:v1"]);
        expect(await repo.voters(th, from)).toEqual([]);
        for (const c of await counts()) expect(c.kept, c.id).toBe(c.rows);
      });

      it("moves a vote pressed while a merge of its topic was being committed", async () => {
        const { a, repo, db, counts, th, from, into } = await twoTopics();
        // A merge in flight: the topic's row locked and the decision written, not yet committed.
        const merge = heldOpen(db, async (trx) => {
          await trx.selectFrom("topics").select("id").where("id", "=", from).forUpdate().execute();
          await trx
            .insertInto("decisions")
            .values({
              topic_id: from,
              kind: "final",
              status: "merged",
              decided_by: "console:org",
              at: new Date().toISOString(),
              reason: null,
              into_id: into,
            })
            .execute();
        });
        await merge.done;
        const pressing = a.press(member("v2"), `ag:up:${from}`);
        await pause(200);
        merge.commit();
        await merge.finished;
        await pressing;
        expect(await repo.voters(th, into)).toEqual(["console:v2"]);
        expect(await repo.voters(th, from)).toEqual([]);
        for (const c of await counts()) expect(c.kept, c.id).toBe(c.rows);
      });
    }

    it("reads a topic's status, merge target and open townhall as the other reads do", async () => {
      const { a, repo } = await setUp();
      const th = await a.openTownhall();
      const ids: string[] = [];
      for (const [i, title] of ["Pending", "Approved", "Rejected", "Merged", "Kept"].entries())
        ids.push(await a.proposeTopic(member(`p${i}`), `${title} topic about subject ${i}`));
      const [pending = "", approved = "", rejected = "", merged = "", into = ""] = ids;
      for (const id of [approved, merged, into]) await a.say(a.org, `/townhall approve ${id}`);
      await a.say(a.org, `/townhall reject ${rejected} | not for now`);
      await a.say(a.org, `/townhall merge ${merged} ${into}`);

      const views = new Map((await repo.topics(th)).map((v) => [v.topic.id, v]));
      // The agenda's size the database keeps (decisions, a merge) is the number of topics on it.
      const onAgenda = [...views.values()].filter((v) => v.status === "approved").length;
      expect(onAgenda).toBe(2);
      expect((await repo.rankedPage?.(th, 0, 10, "console:v1"))?.total).toBe(onAgenda);
      for (const id of [pending, approved, rejected, merged, into]) {
        const target = await repo.voteTarget(id);
        expect(target, id).toMatchObject({ id, townhallId: th, status: views.get(id)?.status, open: true });
        expect(target?.into).toBe(views.get(id)?.decision?.into);
      }
      expect(await repo.voteTarget(merged)).toMatchObject({ status: "merged", into });
      expect(await repo.voteTarget("T99999")).toBeUndefined();

      // A vote for the merged topic goes to the one it was merged into.
      expect(replyText(await a.press(member("v1"), `ag:up:${merged}`))).toContain(into);
      expect(await repo.voters(th, into)).toEqual(["console:v1"]);

      await a.say(a.org, "/townhall close");
      expect(await repo.voteTarget(approved)).toMatchObject({ status: "approved", open: false });
      expect(replyText(await a.press(member("v2"), `ag:up:${approved}`))).toContain("is closed");
      expect(await repo.voters(th, approved)).toEqual([]);
    });

    it("keeps each topic's count equal to its votes through repeated, withdrawn and concurrent presses", async () => {
      const { a, repo, counts } = await setUp();
      const th = await a.openTownhall();
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        const id = await a.proposeTopic(member(`p${i}`), `Distinct subject number ${i}`);
        await a.say(a.org, `/townhall approve ${id}`);
        ids.push(id);
      }
      const [t0 = "", t1 = "", t2 = ""] = ids;
      // Added once however often pressed; withdrawn once however often withdrawn.
      expect(await repo.addVote(th, t0, "console:m1", new Date())).toBe(true);
      expect(await repo.addVote(th, t0, "console:m1", new Date())).toBe(false);
      expect(await repo.removeVote(th, t0, "console:m1")).toBe(true);
      expect(await repo.removeVote(th, t0, "console:m1")).toBe(false);
      expect(await repo.removeVote(th, t0, "console:nobody")).toBe(false);
      expect(await repo.addVote(th, t0, "console:m1", new Date())).toBe(true);

      // Twenty members pressing at once, each twice, some withdrawing at the same time.
      await Promise.all(
        Array.from({ length: 20 }, (_, i) => {
          const m = member(`c${i}`);
          const topic = i % 2 === 0 ? t1 : t2;
          const presses = [a.press(m, `ag:up:${topic}`), a.press(m, `ag:up:${topic}`)];
          return Promise.all(presses).then(() => (i % 5 === 0 ? a.press(m, `ag:un:${topic}`) : undefined));
        }),
      );
      const all = await counts();
      for (const c of all) expect(c.kept, c.id).toBe(c.rows);
      expect(all.find((c) => c.id === t0)?.rows).toBe(1);
      expect(all.find((c) => c.id === t1)?.rows).toBe(8);
      expect(all.find((c) => c.id === t2)?.rows).toBe(8);
      expect((await repo.voters(th, t1)).length).toBe(8);
    });
  });
}
