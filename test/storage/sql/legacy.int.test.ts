/**
 * Upgrading a data directory of the key-value release: records written the
 * old way (through the key-value repositories) arrive in the tables, on both
 * dialects, and their key-value copies are gone afterwards.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PollRepo } from "../../../src/core/agenda/polls.ts";
import { AgendaRepo } from "../../../src/core/agenda/repo.ts";
import { AuditLog } from "../../../src/core/audit.ts";
import { QuestionStats } from "../../../src/core/dashboard/stats.ts";
import { OfferRepo } from "../../../src/core/donations/repo.ts";
import { KeyvQuestionLog, type QuestionLog } from "../../../src/core/faq/log.ts";
import { Identities } from "../../../src/core/identity/identities.ts";
import type { Store } from "../../../src/core/ports.ts";
import { exportRecords } from "../../../src/storage/backup.ts";
import { openStore } from "../../../src/storage/index.ts";
import { importAll, parseBackupFile } from "../../../src/storage/sql/backup.ts";
import { sqlRecords } from "../../../src/storage/sql/index.ts";
import {
  importLegacy,
  LEGACY_DAY_NAMESPACES,
  LEGACY_FAQ_NAMESPACES,
  LEGACY_NAMESPACES,
} from "../../../src/storage/sql/legacy.ts";
import { agendaDriver, ExactEmbedder } from "../../agenda/driver.ts";
import { answers, as, donate, makeBot } from "../../donations/driver.ts";
import { member } from "../../helpers/services.ts";
import { quietLogger } from "../servers.ts";
import { dialects } from "./dialects.ts";

/** Writes a townhall, topics, votes, a decided topic, a closed poll, offers with history, audit entries and a link the old way. */
async function oldFormatData(dataDir: string) {
  const store = await openStore({ dataDir, logger: quietLogger() });
  const a = agendaDriver({ store, embedder: new ExactEmbedder(), moderation: "review" });
  const th = await a.openTownhall();
  const t1 = await a.proposeTopic(member("p1"), "Stablecoin licensing");
  const t2 = await a.proposeTopic(member("p2"), "Travel rule costs");
  const t3 = await a.proposeTopic(member("p3"), "Rejected idea");
  for (const id of [t1, t2]) await a.say(a.org, `/townhall approve ${id}`);
  await a.say(a.org, `/townhall reject ${t3} | off topic`);
  for (let i = 0; i < 7; i++) await a.press(member(`v${i}`, "telegram"), `ag:up:${t1}`);
  for (let i = 0; i < 3; i++) await a.press(member(`w${i}`, "discord"), `ag:up:${t2}`);
  const [poll] = await a.say(a.org, "/townhall poll 2");
  if (poll?.type !== "poll") throw new Error("no poll");
  for (let i = 0; i < 5; i++) await a.say(member(`b${i}`), `/pollvote ${(i % 2) + 1}`);
  await a.say(a.org, "/townhall poll close");
  const d = makeBot(a.services);
  const refs: string[] = [];
  for (let i = 1; i <= 3; i++) refs.push((await donate(d.bot, member(`donor${i}`), answers(i))).ref);
  await as(d.bot, member("org")).say(`/offerstatus ${refs[0]} accepted thanks`);
  await new Identities(store).link(member("tg1", "telegram"), "NOCODE", "discord:dc1");
  await faqData(store);
  const stats = new QuestionStats(store, { now: () => new Date() });
  for (const kind of ["answer", "answer", "decline", "intent"] as const) await stats.record(kind);
  await stats.recordJoins(3);
  await stats.flush();
  return { store, th, topics: [t1, t2, t3], refs };
}

/** Declined questions (one forwarded, one of a forgotten member), answer refs and ratings, the key-value way. */
async function faqData(store: Store) {
  const log = new KeyvQuestionLog(store);
  const at = (m: number) => new Date(Date.UTC(2026, 10, 20, 10, m)).toISOString();
  await log.record("20261120T1000-aaaaaa", {
    text: "Is there a student fee?",
    lang: "en",
    at: at(0),
    memberId: "telegram:q1",
  });
  await log.record("20261120T1001-bbbbbb", { text: "有冇實習？", lang: "zh-HK", at: at(1), memberId: "discord:q2" });
  await log.markForwarded("20261120T1001-bbbbbb");
  await log.record("20261120T1002-cccccc", { text: "Parking?", lang: "en", at: at(2), memberId: "telegram:q3" });
  await log.rememberAnswer("ansKey000001", "faq:fees");
  await log.rememberAnswer("ansKey000002", "passage:visa");
  await log.rate("ansKey000001", { answer: "faq:fees", value: "up", at: at(3), memberId: "telegram:q1" });
  await log.rate("ansKey000001", { answer: "faq:fees", value: "down", at: at(4), memberId: "telegram:q3" });
  await log.rate("ansKey000002", { answer: "passage:visa", value: "down", at: at(5), memberId: "telegram:q1" });
  await log.forget("telegram:q3");
  return log;
}

/** What a question log holds, comparable across implementations. */
async function faqState(log: QuestionLog) {
  return {
    recent: await log.recent(100),
    groups: await log.textGroups(100),
    tallies: await log.tallies(100),
    feedback: await log.feedback(),
    q1: await log.ofMember("telegram:q1"),
    q2: await log.ofMember("discord:q2"),
    q3: await log.ofMember("telegram:q3"),
    answers: [await log.answerRef("ansKey000001"), await log.answerRef("ansKey000002")],
  };
}

for (const dialect of await dialects()) {
  describe(`old-format records upgrade: ${dialect.name}`, () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const c of cleanups) await c();
    });

    it("imports every old record into empty tables once, and removes the key-value copies", async () => {
      const dataDir = mkdtempSync(join(tmpdir(), "bahk-legacy-"));
      const old = await oldFormatData(dataDir);
      const f = await dialect.fresh();
      cleanups.push(async () => {
        await f.records.close();
        await f.remove();
        await old.store.close();
        rmSync(dataDir, { recursive: true, force: true });
      });
      const before = {
        townhalls: await new AgendaRepo(old.store).townhalls(),
        topics: await new AgendaRepo(old.store).topics(old.th),
        polls: await new PollRepo(old.store).polls(old.th),
        offers: await new OfferRepo(old.store).all(),
        audit: await new AuditLog(old.store, { now: () => new Date() }).recent(100),
        faq: await faqState(new KeyvQuestionLog(old.store)),
        days: await new QuestionStats(old.store, { now: () => new Date() }).lastDays(3),
      };
      const closedBefore = await new PollRepo(old.store).closed(before.polls[0]?.id ?? "");
      expect(closedBefore?.voters).toBe(5);
      expect(before.topics).toHaveLength(3);
      expect(before.offers).toHaveLength(3);
      expect(before.audit.length).toBeGreaterThan(3);
      expect(before.faq.recent).toHaveLength(2);
      expect(before.faq.feedback).toEqual({ up: 1, down: 2 });
      expect(before.days.at(-1)).toMatchObject({ answer: 2, decline: 1, intent: 1, joined: 3 });

      const outcome = await importLegacy(old.store, f.records);
      expect(outcome.kind).toBe("imported");
      const r = sqlRecords(f.records, {
        store: old.store,
        notifier: { toMember: async () => {}, toOrganisers: async () => true },
        clock: { now: () => new Date() },
        logger: quietLogger(),
      });
      expect(await r.agenda.townhalls()).toEqual(before.townhalls);
      const topics = await r.agenda.topics(old.th);
      const sorted = (v: typeof topics) =>
        [...v]
          .map((x) => ({ ...x, voters: [...x.voters].sort() }))
          .sort((x, y) => x.topic.id.localeCompare(y.topic.id));
      expect(sorted(topics)).toEqual(sorted(before.topics));
      expect(await r.polls.polls(old.th)).toEqual(before.polls);
      const [poll] = before.polls;
      if (!poll) throw new Error("no poll");
      expect(await r.polls.closed(poll.id)).toEqual(closedBefore);
      expect(await r.offers.all()).toEqual(before.offers);
      expect(await r.audit.recent(100)).toEqual(before.audit);
      expect((await r.identities.resolve(member("tg1", "telegram"))).id).toBe("discord:dc1");
      expect(await r.agenda.isOpen(old.th)).toBe(true);
      expect(await faqState(r.questions)).toEqual(before.faq);
      expect(await r.questions.get("20261120T1001-bbbbbb")).toMatchObject({ forwarded: true });
      // One rating per member per answer holds on the imported rows too.
      const again = {
        answer: "faq:fees",
        value: "up" as const,
        at: "2026-11-21T00:00:00.000Z",
        memberId: "telegram:q1",
      };
      expect(await r.questions.rate("ansKey000001", again)).toBe(false);
      expect(await new QuestionStats(old.store, { now: () => new Date() }, r.days).lastDays(3)).toEqual(before.days);

      for (const ns of [...LEGACY_NAMESPACES, ...LEGACY_FAQ_NAMESPACES, ...LEGACY_DAY_NAMESPACES])
        expect(await old.store.list(ns), ns).toEqual([]);
      expect((await importLegacy(old.store, f.records)).kind).toBe("none");
    });

    it("restores a backup of the key-value release (format 1) into the tables", async () => {
      const dataDir = mkdtempSync(join(tmpdir(), "bahk-legacy-"));
      const old = await oldFormatData(dataDir);
      const lines: string[] = [];
      await exportRecords(old.store, (l) => {
        lines.push(l);
      });
      const offers = await new OfferRepo(old.store).all();
      const target = await openStore({ dataDir: join(dataDir, "new"), logger: quietLogger() });
      const f = await dialect.fresh();
      cleanups.push(async () => {
        await f.records.close();
        await f.remove();
        await target.close();
        await old.store.close();
        rmSync(dataDir, { recursive: true, force: true });
      });
      const backup = parseBackupFile(lines.join(""));
      expect(backup.format).toBe(1);
      const r = await importAll(target, f.records, backup);
      expect(r.legacy.kind).toBe("imported");
      const records = sqlRecords(f.records, {
        store: target,
        notifier: { toMember: async () => {}, toOrganisers: async () => true },
        clock: { now: () => new Date() },
        logger: quietLogger(),
      });
      expect(await records.offers.all()).toEqual(offers);
      expect(await records.agenda.topics(old.th)).toHaveLength(3);
      expect(await target.list("offer")).toEqual([]);
    });

    it("imports nothing into tables that already hold records, and deletes nothing", async () => {
      const dataDir = mkdtempSync(join(tmpdir(), "bahk-legacy-"));
      const old = await oldFormatData(dataDir);
      const f = await dialect.fresh();
      cleanups.push(async () => {
        await f.records.close();
        await f.remove();
        await old.store.close();
        rmSync(dataDir, { recursive: true, force: true });
      });
      await f.records.db
        .insertInto("audit")
        .values({ at: "2026-01-01", actor_id: "x", actor_name: "X", action: "a", target: "t", detail: null })
        .execute();
      const outcome = await importLegacy(old.store, f.records);
      expect(outcome.kind).toBe("refused");
      expect(await old.store.list("offer")).toHaveLength(3);
      expect(await old.store.list("faq.questions")).toHaveLength(3);
    });

    it("brings the questions and ratings of a directory whose other records an earlier release imported", async () => {
      const dataDir = mkdtempSync(join(tmpdir(), "bahk-legacy-"));
      const store = await openStore({ dataDir, logger: quietLogger() });
      const f = await dialect.fresh();
      cleanups.push(async () => {
        await f.records.close();
        await f.remove();
        await store.close();
        rmSync(dataDir, { recursive: true, force: true });
      });
      // The earlier release imported the association's records and left the FAQ's in the store.
      await f.records.db.insertInto("settings").values({ key: "legacy_imported_at", value: "2026-11-01" }).execute();
      await f.records.db
        .insertInto("audit")
        .values({ at: "2026-11-01", actor_id: "x", actor_name: "X", action: "a", target: "t", detail: null })
        .execute();
      const before = await faqState(await faqData(store));
      const outcome = await importLegacy(store, f.records);
      expect(outcome).toEqual({ kind: "imported", counts: { faq_questions: 3, faq_answers: 2, faq_ratings: 3 } });
      const r = sqlRecords(f.records, {
        store,
        notifier: { toMember: async () => {}, toOrganisers: async () => true },
        clock: { now: () => new Date() },
        logger: quietLogger(),
      });
      expect(await faqState(r.questions)).toEqual(before);
      for (const ns of LEGACY_FAQ_NAMESPACES) expect(await store.list(ns), ns).toEqual([]);
      expect((await importLegacy(store, f.records)).kind).toBe("none");
    });
  });
}
