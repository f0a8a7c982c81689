/**
 * The overview over SQL records, on both dialects: its figures come from SQL
 * aggregates (offers and topics per status, feedback counts) and the newest
 * unanswered questions, and equal what the rows hold.
 */
import { afterAll, describe, expect, it } from "vitest";
import { sqlRecords } from "../../src/storage/sql/index.ts";
import { answers, donate } from "../donations/driver.ts";
import { makeServices, member, replyText } from "../helpers/services.ts";
import { dialects } from "../storage/sql/dialects.ts";
import { harness, MEMBER, ORGANISER, signIn } from "./harness.ts";

const QUESTION = "When does registration for the 2027 hackathon close?";

for (const dialect of await dialects()) {
  describe(`overview over SQL records: ${dialect.name}`, () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const c of cleanups) await c();
    });

    it("charts offers and topics per status, feedback and themes from the rows", async () => {
      const f = await dialect.fresh();
      cleanups.push(async () => {
        await f.records.close();
        await f.remove();
      });
      const records = sqlRecords(f.records, makeServices().services);
      const h = harness({ records });
      await h.say(MEMBER, QUESTION);
      await h.say(member("223", "telegram"), QUESTION);
      for (let i = 0; i < 3; i++) await donate(h.bot, member(`d${i}`, "telegram"), answers(i + 1));
      await h.say(ORGANISER, "/townhall open 2027 Q1 | 2027-03-15");
      const ids: string[] = [];
      for (const title of ["Stablecoin licensing", "Travel rule costs", "Custody standards", "Off topic idea"]) {
        const text = replyText(await h.say(MEMBER, `/propose ${title} | details of ${title}`));
        const id = /\bT[0-9A-Z]{5}\b/.exec(text)?.[0];
        if (!id) throw new Error(text);
        ids.push(id);
      }
      await h.say(ORGANISER, `/townhall approve ${ids[0]}`);
      await h.say(ORGANISER, `/townhall approve ${ids[1]}`);
      await h.say(ORGANISER, `/townhall reject ${ids[3]} | off topic`);
      const th = await records.agenda.openOne();
      if (!th) throw new Error("no townhall");
      const derived = new Map<string, number>();
      for (const v of await records.agenda.topics(th.id)) derived.set(v.status, (derived.get(v.status) ?? 0) + 1);
      expect(await records.agenda.statusCounts(th.id)).toEqual(derived);
      expect(Object.fromEntries(derived)).toEqual({ approved: 2, pending: 1, rejected: 1 });
      await records.questions.rememberAnswer("A1", "faq:fees");
      for (const [i, value] of (["up", "up", "down"] as const).entries())
        await records.questions.rate("A1", {
          answer: "faq:fees",
          value,
          at: "2026-11-21T00:00:00Z",
          memberId: `m${i}`,
        });

      const { cookie } = await signIn(h);
      const page = await (await h.app.request("/", { headers: { cookie } })).text();
      expect(page).toContain("2 questions in 30 days, 2 declined.");
      expect(page).toContain("Donation offers by status (3)");
      expect(page).toContain("Topics of 2027 Q1 (4)");
      expect(page).toContain("Helpful: 2");
      expect(page).toContain("Not helpful: 1");
      expect(page).toContain(QUESTION.slice(0, 30));
    });
  });
}
