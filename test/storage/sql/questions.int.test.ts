/**
 * The FAQ's records (declined questions, answer refs, ratings) behind the
 * QuestionLog port: the same guarantees from the key-value log and the SQL
 * one on SQLite and PostgreSQL, and the FAQ feature over SQL records end to end.
 */
import { afterAll, describe, expect, it } from "vitest";
import { Bot } from "../../../src/core/bot.ts";
import { faq } from "../../../src/core/faq/index.ts";
import { KeyvQuestionLog, type QuestionLog } from "../../../src/core/faq/log.ts";
import type { Answer, KnowledgeBase } from "../../../src/core/ports.ts";
import type { Reply } from "../../../src/core/replies.ts";
import type { Member } from "../../../src/core/types.ts";
import { MemoryStore } from "../../../src/storage/memory.ts";
import { sqlRecords } from "../../../src/storage/sql/index.ts";
import { dm, makeServices, member, replyText } from "../../helpers/services.ts";
import { dialects } from "./dialects.ts";

const at = (m: number) => new Date(Date.UTC(2026, 10, 21, 10, m)).toISOString();
const key = (m: number) => `${at(m).replace(/[-:.]/g, "")}-k${m}`;

type Maker = { name: string; make(): Promise<{ log: QuestionLog; close(): Promise<void> }> };

const makers: Maker[] = [
  { name: "key-value", make: async () => ({ log: new KeyvQuestionLog(new MemoryStore()), close: async () => {} }) },
];
for (const d of await dialects()) {
  makers.push({
    name: d.name,
    async make() {
      const f = await d.fresh();
      const t = makeServices();
      return {
        log: sqlRecords(f.records, t.services).questions,
        close: async () => {
          await f.records.close();
          await f.remove();
        },
      };
    },
  });
}

for (const maker of makers) {
  describe(`question log: ${maker.name}`, () => {
    const closers: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const c of closers) await c();
    });
    const fresh = async () => {
      const m = await maker.make();
      closers.push(m.close);
      return m.log;
    };

    it("records, forwards once, lists newest first and groups by text", async () => {
      const log = await fresh();
      await log.record(key(1), { text: "Where is the office?", lang: "en", at: at(1), memberId: "telegram:a" });
      await log.record(key(2), { text: "有冇實習？", lang: "zh-HK", at: at(2), memberId: "discord:b" });
      await log.record(key(3), { text: "Where is the office?", lang: "en", at: at(3), memberId: "telegram:c" });
      expect(await log.get(key(2))).toEqual({ text: "有冇實習？", lang: "zh-HK", at: at(2), memberId: "discord:b" });
      expect(await log.markForwarded(key(2))).toBe(true);
      expect(await log.markForwarded(key(2))).toBe(false);
      expect(await log.markForwarded("nothing")).toBe(false);
      expect((await log.get(key(2)))?.forwarded).toBe(true);
      expect((await log.recent(2)).map((q) => q.key)).toEqual([key(3), key(2)]);
      expect(await log.textGroups(10)).toEqual([
        { text: "Where is the office?", count: 2, first: at(1), last: at(3) },
        { text: "有冇實習？", count: 1, first: at(2), last: at(2) },
      ]);
      expect((await log.withTexts(["Where is the office?", "unknown"])).map((q) => q.key)).toEqual([key(1), key(3)]);
      expect(await log.remove([key(1), "nothing"])).toBe(1);
      expect(await log.purgeBefore(at(3))).toBe(1);
      expect((await log.recent(10)).map((q) => q.key)).toEqual([key(3)]);
    });

    it("keeps one rating per member per answer and tallies them", async () => {
      const log = await fresh();
      await log.rememberAnswer("A1", "faq:fees");
      await log.rememberAnswer("A2", "passage:visa");
      expect(await log.answerRef("A1")).toBe("faq:fees");
      expect(await log.answerRef("nothing")).toBeUndefined();
      const rate = (k: string, answer: string, value: "up" | "down", memberId: string) =>
        log.rate(k, { answer, value, at: at(5), memberId });
      expect(await rate("A1", "faq:fees", "up", "telegram:a")).toBe(true);
      expect(await rate("A1", "faq:fees", "down", "telegram:a")).toBe(false);
      expect(await rate("A1", "faq:fees", "down", "telegram:b")).toBe(true);
      expect(await rate("A2", "passage:visa", "down", "telegram:a")).toBe(true);
      expect(await log.tallies(10)).toEqual([
        { answer: "faq:fees", up: 1, down: 1 },
        { answer: "passage:visa", up: 0, down: 1 },
      ]);
      expect(await log.feedback()).toEqual({ up: 1, down: 2 });
    });

    it("shows a member their rows and forgets them, keeping the anonymous counts", async () => {
      const log = await fresh();
      await log.record(key(1), {
        text: "My phone is 9123 4567, call me",
        lang: "en",
        at: at(1),
        memberId: "telegram:a",
      });
      await log.record(key(2), { text: "Parking?", lang: "en", at: at(2), memberId: "telegram:b" });
      await log.rate("A1", { answer: "faq:fees", value: "down", at: at(3), memberId: "telegram:a" });
      const mine = await log.ofMember("telegram:a");
      expect(mine.questions.map((q) => q.text)).toEqual(["My phone is 9123 4567, call me"]);
      expect(mine.ratings).toEqual([{ answer: "faq:fees", value: "down", at: at(3), memberId: "telegram:a" }]);
      expect(await log.forget("telegram:a")).toBe(2);
      expect(await log.ofMember("telegram:a")).toEqual({ questions: [], ratings: [] });
      expect(await log.get(key(1))).toMatchObject({ text: "", memberId: "" });
      expect((await log.recent(10)).map((q) => q.text)).toEqual(["Parking?"]);
      expect(await log.feedback()).toEqual({ up: 0, down: 1 });
      expect(await log.tallies(10)).toEqual([{ answer: "faq:fees", up: 0, down: 1 }]);
      // The forgotten rating names nobody, so the member may rate again.
      expect(await log.rate("A1", { answer: "faq:fees", value: "up", at: at(4), memberId: "telegram:a" })).toBe(true);
      expect(await log.forget("telegram:nobody")).toBe(0);
    });
  });
}

/** Knows about QMAS only. */
const knowledge: KnowledgeBase = {
  async answer(question): Promise<Answer> {
    if (/qmas/i.test(question))
      return { answered: true, text: "QMAS quota: 1,000.", sources: [], confidence: 0.9, ref: "faq:qmas-quota" };
    return { answered: false, text: "not covered", sources: [], confidence: 0.1 };
  },
};

const ids = (replies: readonly Reply[]) =>
  replies.flatMap((r) => (r.type === "card" || r.type === "text" ? (r.buttons ?? []).map((b) => b.id) : []));

for (const d of await dialects()) {
  describe(`the FAQ feature over SQL records: ${d.name}`, () => {
    const closers: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const c of closers) await c();
    });

    it("stores declined questions and ratings as rows, lists them, shows and forgets a member's", async () => {
      const f = await d.fresh();
      closers.push(async () => {
        await f.records.close();
        await f.remove();
      });
      const t = makeServices({ knowledge, organisers: ["console:org"] });
      const records = sqlRecords(f.records, t.services);
      const services = { ...t.services, records, audit: records.audit };
      const { feature, fallback } = faq(services, { runCommand: async () => [] });
      const bot = new Bot(services, [feature], fallback);
      const say = (m: Member, text: string) => bot.handle({ kind: "text", member: m, chat: dm(m), text });
      const press = (m: Member, data: string) => bot.handle({ kind: "action", member: m, chat: dm(m), data });
      const [alice, bob, org] = [member("alice"), member("bob"), member("org")];

      const declined = await say(alice, "How much is the membership fee?");
      const [fwd] = ids(declined);
      expect(replyText(await press(bob, fwd ?? ""))).not.toMatch(/Done/);
      expect(replyText(await press(alice, fwd ?? ""))).toMatch(/organisers/i);
      expect(replyText(await press(alice, fwd ?? ""))).toMatch(/already/i);
      expect(t.notifier.toOrganisersLog).toHaveLength(1);
      const [up, down] = ids(await say(alice, "QMAS?"));
      expect(replyText(await press(alice, up ?? ""))).toMatch(/Thanks/);
      expect(replyText(await press(alice, down ?? ""))).toMatch(/already rated/);
      await press(bob, down ?? "");
      t.clock.advance(1000);
      await say(bob, "Any parking?");

      const rows = await f.records.db.selectFrom("faq_questions").selectAll().orderBy("at").execute();
      expect(rows.map((r) => [r.text, r.member_id, Number(r.forwarded)])).toEqual([
        ["How much is the membership fee?", "console:alice", 1],
        ["Any parking?", "console:bob", 0],
      ]);
      const list = replyText(await say(org, "/unanswered"));
      expect(list).toMatch(/1× How much is the membership fee\?/);
      expect(list).toMatch(/faq:qmas-quota: 1 helpful, 1 not helpful/);
      expect((await feature.personalData?.("console:alice", "en"))?.join("\n")).toMatch(/membership fee[\s\S]*helpful/);

      expect(await records.forgetMember("console:alice")).toBe(2);
      expect(await feature.forget?.("console:alice")).toBe(1); // the conversation context, in the key-value store
      expect(await feature.personalData?.("console:alice", "en")).toEqual([]);
      const after = await f.records.db.selectFrom("faq_ratings").select(["member_id", "value"]).orderBy("id").execute();
      expect(after).toEqual([
        { member_id: null, value: "up" },
        { member_id: "console:bob", value: "down" },
      ]);
      expect(replyText(await say(org, "/unanswered"))).toMatch(/faq:qmas-quota: 1 helpful, 1 not helpful/);
    });
  });
}
