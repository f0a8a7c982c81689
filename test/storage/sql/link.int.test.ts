/**
 * Linking accounts with the records in SQL: the link and the move of the
 * account's votes, ballots and proposals are one transaction, on both
 * dialects; a cut in the middle leaves neither the link nor any move.
 */
import { afterAll, describe, expect, it } from "vitest";
import { agenda } from "../../../src/core/agenda/index.ts";
import { Bot } from "../../../src/core/bot.ts";
import type { Feature } from "../../../src/core/feature.ts";
import { link } from "../../../src/core/identity/link.ts";
import { text } from "../../../src/core/replies.ts";
import { sqlRecords } from "../../../src/storage/sql/index.ts";
import { ExactEmbedder } from "../../agenda/driver.ts";
import { dm, makeServices, member, replyText } from "../../helpers/services.ts";
import { dialects } from "./dialects.ts";
import { FaultPlugin } from "./faults.ts";

for (const dialect of await dialects()) {
  describe(`linking accounts in SQL: ${dialect.name}`, () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const c of cleanups) await c();
    });

    const setup = async () => {
      const f = await dialect.fresh();
      cleanups.push(async () => {
        await f.records.close();
        await f.remove();
      });
      const fault = new FaultPlugin();
      const org = member("org");
      const t = makeServices({ organisers: [org.id], embedder: new ExactEmbedder() });
      const records = sqlRecords({ ...f.records, db: f.records.db.withPlugin(fault) }, t.services);
      const services = { ...t.services, records, audit: records.audit };
      const features: Feature[] = [agenda(services, { moderation: "auto", maxProposalsPerMember: 5 })];
      features.push(link(records.identities, () => features));
      const bot = new Bot(services, features, async () => [text("fallback")]);
      const say = async (m: ReturnType<typeof member>, body: string) =>
        replyText(await bot.handle({ kind: "text", member: m, chat: dm(m), text: body }));
      const press = async (m: ReturnType<typeof member>, data: string) =>
        replyText(await bot.handle({ kind: "action", member: m, chat: dm(m), data }));
      const th = /\bH[0-9A-Z]{5}\b/.exec(await say(org, "/townhall open 2027 Q1 | 2027-03-15"))?.[0] ?? "";
      const topic = async (title: string) =>
        /\bT[0-9A-Z]{5}\b/.exec(await say(org, `/propose ${title} | d`))?.[0] ?? "";
      const [a, b] = [await topic("Both accounts support this"), await topic("Only Telegram supports this")];
      const tg = member("1", "telegram");
      const dc = member("1", "discord");
      for (const m of [tg, dc]) await press(m, `ag:up:${a}`);
      await press(tg, `ag:up:${b}`);
      await say(org, "/townhall poll 2");
      await say(tg, "/pollvote 2");
      const code = /\b[0-9A-Z]{8}\b/.exec(await say(dc, "/link"))?.[0] ?? "";
      return { records, fault, say, th, a, b, tg, dc, code };
    };

    it("moves votes, ballots and proposals with the link, counts kept", async () => {
      const s = await setup();
      expect(await s.say(s.tg, `/link ${s.code}`)).toMatch(/linked/i);
      const repo = s.records.agenda;
      expect(await repo.voters(s.th, s.a)).toEqual([s.dc.id]);
      expect(await repo.voters(s.th, s.b)).toEqual([s.dc.id]);
      expect((await s.records.polls.ballotsOf(s.dc.id)).map((x) => x.ballot.options)).toEqual([[1]]);
      expect(await s.records.polls.ballotsOf(s.tg.id)).toEqual([]);
      const page = await repo.rankedPage?.(s.th, 0, 10, s.dc.id);
      expect(page?.rows.map((r) => [r.topic.id, r.votes, r.mine])).toEqual(
        expect.arrayContaining([
          [s.a, 1, true],
          [s.b, 1, true],
        ]),
      );
    });

    it("links nothing and moves nothing when the database is cut in the middle", async () => {
      const s = await setup();
      // The first update of the /link flow is inside the transaction, after the link row and the
      // vote moves were written: all of that must be undone.
      s.fault.armOn("UpdateQueryNode");
      expect(await s.say(s.tg, `/link ${s.code}`)).toMatch(/try again/);
      s.fault.armOn("none");
      const repo = s.records.agenda;
      expect((await repo.voters(s.th, s.a)).sort()).toEqual([s.dc.id, s.tg.id].sort());
      expect(await repo.voters(s.th, s.b)).toEqual([s.tg.id]);
      expect(await s.records.identities.linkedTo(s.dc.id)).toEqual([]);
      expect(await s.records.polls.ballotsOf(s.tg.id)).toHaveLength(1);
      // Told to try again, the member does: it all happens once.
      expect(await s.say(s.tg, `/link ${s.code}`)).toMatch(/linked/i);
      expect(await repo.voters(s.th, s.b)).toEqual([s.dc.id]);
    });
  });
}
