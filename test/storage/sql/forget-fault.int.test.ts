/**
 * /forgetme is one transaction on the SQL side, on both dialects: a member
 * with offers (one open, with an organiser's note), topics (one on the agenda,
 * one pending), votes in a closed and in the open townhall, a proposal count,
 * a ballot, a linked account, audit entries, a pending notice, questions and
 * ratings is erased while the database is cut at every statement boundary of
 * the erasure, one after another. Every cut leaves every table exactly as it
 * was (nothing partial) and the member is told to try again; the run without
 * a cut erases everything, and the member's id, name and contacts are found
 * nowhere in the tables.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { Topic } from "../../../src/core/agenda/model.ts";
import { Bot } from "../../../src/core/bot.ts";
import type { Offer } from "../../../src/core/donations/repo.ts";
import { privacy } from "../../../src/core/privacy/privacy.ts";
import { TABLES as BACKED_UP } from "../../../src/storage/sql/backup.ts";
import { sqlRecords } from "../../../src/storage/sql/index.ts";
import type { Database } from "../../../src/storage/sql/schema.ts";
import { dm, makeServices, member, replyText } from "../../helpers/services.ts";
import { dialects } from "./dialects.ts";
import { FaultPlugin } from "./faults.ts";

const M = member("forgetme", "telegram", { displayName: "Chan Tai-man Secretname" });
const NAME = "Chan Tai-man Secretname";
const PHONE = "6987 1234";
const EMAIL = "secret.chan@example.com";
const ADDRESS = "Flat 7Q Hidden Court";
const SECRETS = [M.id, NAME, PHONE, EMAIL, ADDRESS];
/** Every table a cut must leave as it was: the backed-up ones, the outbox, and the counts kept with the rows. */
const TABLES: readonly (keyof Database)[] = [...BACKED_UP, "outbox", "poll_tallies", "offer_totals"];

for (const dialect of await dialects()) {
  describe(`/forgetme as one transaction under a database cut: ${dialect.name}`, () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const c of cleanups) await c();
    });

    it("leaves nothing partial at any cut, and erases everything without one", async () => {
      const f = await dialect.fresh();
      cleanups.push(async () => {
        await f.records.close();
        await f.remove();
      });
      const fault = new FaultPlugin();
      const t = makeServices({ organisers: ["console:org"] });
      const records = sqlRecords({ ...f.records, db: f.records.db.withPlugin(fault) }, t.services);
      const db = f.records.db;
      const now = () => t.clock.now();
      const org = member("org");

      // A closed townhall with the member's vote, and the open one with their topics, vote and count.
      const old = await records.agenda.openTownhall("2026 Q4", undefined, org.id, now());
      if (!old.ok) throw new Error("no townhall");
      const topic = (
        id: string,
        townhallId: string,
        initial: Topic["initial"],
        proposerId = "telegram:other",
      ): Topic => ({
        id,
        townhallId,
        title: `Title ${id}`,
        details: proposerId === M.id ? `Call me on ${PHONE}` : "details",
        proposerId,
        proposerName: proposerId === M.id ? M.displayName : "Other",
        lang: "en",
        createdAt: now().toISOString(),
        initial,
      });
      await records.agenda.saveTopic(topic("TOLD01", old.value.id, "approved"), [1, 0]);
      await records.agenda.addVote(old.value.id, "TOLD01", M.id, now());
      await records.agenda.closeTownhall(now());
      const th = await records.agenda.openTownhall("2027 Q1", undefined, org.id, now());
      if (!th.ok) throw new Error("no townhall");
      await records.agenda.saveTopic(topic("TMINE1", th.value.id, "approved", M.id), [0, 1]);
      await records.agenda.saveTopic(topic("TMINE2", th.value.id, "pending", M.id), [0, 1]);
      await records.agenda.saveTopic(topic("TOTHER", th.value.id, "approved"), [1, 1]);
      for (const id of ["TMINE1", "TMINE2", "TOTHER"]) await records.agenda.addVote(th.value.id, id, M.id, now());
      await records.agenda.addVote(th.value.id, "TOTHER", "telegram:other", now());
      await records.agenda.takeSlot(th.value.id, M.id, 5);
      const views = await records.agenda.topics(th.value.id);
      const poll = await records.polls.create(th.value, views.slice(0, 2), org.id, now());
      if (!poll.ok) throw new Error("no poll");
      expect((await records.polls.vote(poll.value.id, M.id, "telegram", [0, 1], now())).ok).toBe(true);

      // Two offers: one open (withdrawn by the erasure), one distributed with an organiser's note.
      const at = now().toISOString();
      const offer = (ref: string, status: Offer["status"]): Offer => ({
        ref,
        ownerId: M.id,
        version: 1,
        status,
        createdAt: at,
        updatedAt: at,
        category: "clothing",
        quantity: 10,
        condition: "new",
        district: "wch",
        contactName: NAME,
        phone: PHONE,
        email: EMAIL,
        address: ADDRESS,
        history: [
          { at, status: "offered", by: "donor" },
          ...(status === "distributed"
            ? [{ at, status: "distributed" as const, by: "organiser" as const, note: `handed to ${NAME}` }]
            : []),
        ],
      });
      await records.offers.create(() => offer("DON-OPEN", "offered"));
      await records.offers.create(() => offer("DON-DONE", "distributed"));
      await db.insertInto("identities").values({ account_id: "discord:dc9", canonical_id: M.id }).execute();
      await records.audit.record(M, "dashboard.signin", M.id);
      await records.audit.record(org, "offer.status", "DON-DONE", `note: ${NAME}`);
      await db
        .insertInto("outbox")
        .values({
          kind: "member",
          member_id: M.id,
          payload: "[]",
          created_at: at,
          claimed_until: null,
          delivered_at: null,
        })
        .execute();
      await records.questions.record("20261121T1000-aaaaaa", {
        text: `My number is ${PHONE}`,
        lang: "en",
        at,
        memberId: M.id,
      });
      await records.questions.rememberAnswer("A1", "faq:fees");
      await records.questions.rate("A1", { answer: "faq:fees", value: "down", at, memberId: M.id });

      const snapshot = async () => {
        const out: Record<string, string[]> = {};
        for (const table of TABLES) {
          const rows = await db.selectFrom(table).selectAll().execute();
          out[table] = rows.map((r) => JSON.stringify(r)).sort();
        }
        return out;
      };
      const before = await snapshot();
      for (const s of SECRETS) expect(JSON.stringify(before)).toContain(s);

      const bot = new Bot(
        { ...t.services, records },
        [
          privacy(
            () => [],
            undefined,
            undefined,
            (id) => records.forgetMember(id),
          ),
        ],
        async () => [],
      );
      const press = (data: string) => bot.handle({ kind: "action", member: M, chat: dm(M), data });

      // Cut at every boundary in turn, until the erasure gets through.
      let cuts = 0;
      for (let point = 0; point < 500; point++) {
        fault.arm(point);
        const reply = replyText(await press("pv:forget:yes"));
        const fired = fault.seen > point;
        fault.arm(undefined);
        if (/Done/.test(reply)) break;
        expect(fired).toBe(true);
        expect(reply).toMatch(/try again/);
        expect(await snapshot()).toEqual(before);
        cuts++;
      }
      expect(cuts).toBeGreaterThanOrEqual(20);

      // Erased: nothing names the member any more…
      const after = JSON.stringify(await snapshot());
      for (const s of SECRETS) expect(after).not.toContain(s);
      // …and what the features' rules keep is kept.
      const offers = await db
        .selectFrom("offers")
        .select(["ref", "status", "owner_id", "phone"])
        .orderBy("ref")
        .execute();
      expect(offers).toEqual([
        { ref: "DON-DONE", status: "distributed", owner_id: "", phone: null },
        { ref: "DON-OPEN", status: "withdrawn", owner_id: "", phone: null },
      ]);
      const topics = await db.selectFrom("topics").select(["id", "votes", "proposer_id"]).orderBy("id").execute();
      expect(topics).toEqual([
        { id: "TMINE1", votes: 0, proposer_id: "" },
        { id: "TOLD01", votes: 1, proposer_id: "telegram:other" },
        { id: "TOTHER", votes: 1, proposer_id: "telegram:other" },
      ]);
      const oldVotes = await db.selectFrom("votes").select("member_id").where("topic_id", "=", "TOLD01").execute();
      expect(oldVotes.map((v) => v.member_id.startsWith("forgotten:"))).toEqual([true]);
      expect(await db.selectFrom("ballots").selectAll().execute()).toEqual([]);
      expect(await db.selectFrom("quotas").selectAll().execute()).toEqual([]);
      expect(await db.selectFrom("faq_ratings").select(["member_id", "value"]).execute()).toEqual([
        { member_id: null, value: "down" },
      ]);
      const audit = await db.selectFrom("audit").select(["action", "actor_id"]).orderBy("id").execute();
      expect(audit).toEqual([
        { action: "dashboard.signin", actor_id: "" },
        { action: "offer.status", actor_id: org.id },
      ]);
      // The organisers are told of the withdrawn offer once the erasure committed (a cut while
      // delivering leaves the notice to the outbox's sweep).
      await records.outbox.deliverPending();
      expect(t.notifier.toOrganisersLog.map((r) => replyText([...r]))).toEqual([expect.stringMatching(/DON-OPEN/)]);
    }, 120_000);
  });
}
