/**
 * The agenda page counted by SQL is the page the feature would rank itself
 * from every topic: same topics, order, counts and ticks, on both dialects,
 * with pending, rejected and merged topics and ties in the mix.
 */
import { afterAll, describe, expect, it } from "vitest";
import { agendaPage, agendaPageOf, PAGE_SIZE } from "../../../src/core/agenda/views.ts";
import { member } from "../../helpers/services.ts";
import { agendaOnSql } from "./agenda-records.ts";
import { dialects } from "./dialects.ts";

for (const dialect of await dialects()) {
  describe(`agenda page in SQL: ${dialect.name}`, () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const c of cleanups) await c();
    });

    it("matches the page ranked from every topic", async () => {
      const { a, repo } = await agendaOnSql(dialect, cleanups);
      const th = await a.openTownhall();
      const ids: string[] = [];
      for (let i = 0; i < 24; i++) {
        a.clock.advance(i % 3 === 0 ? 0 : 1000);
        ids.push(await a.proposeTopic(member(`p${i}`), `Distinct subject number ${i} about ${"x".repeat(i)}`));
      }
      for (const [i, id] of ids.entries()) {
        if (i % 5 !== 4) await a.say(a.org, `/townhall approve ${id}`);
        for (let v = 0; v < i % 4; v++) await a.press(member(`v${v}`), `ag:up:${id}`);
      }
      await a.say(a.org, `/townhall reject ${ids[1]} | not for now`);
      await a.say(a.org, `/townhall merge ${ids[2]} ${ids[3]}`);
      const reader = member("v1");
      const townhall = await repo.townhall(th);
      if (!townhall || !repo.rankedPage) throw new Error("no townhall");
      for (const page of [0, 1, 2, 7]) {
        const mine = agendaPageOf("en", townhall, true, await repo.rankedPage(th, page, PAGE_SIZE, reader.id));
        const theirs = agendaPage("en", townhall, true, await repo.topics(th), page, reader.id);
        expect(mine).toEqual(theirs);
        if (page === 0) expect(JSON.stringify(mine)).toMatch(/Distinct subject number \d+.*\(3 votes\) ✓/);
      }
      // A member's topics found by member are those a scan of every topic finds.
      for (const m of [reader, member("p5"), member("v3"), member("nobody")]) {
        const byMember = ((await repo.memberTopics?.(m.id)) ?? []).map(
          (x) => `${x.topic.id} ${x.status} ${x.proposed} ${x.supported}`,
        );
        const scanned = (await repo.topics(th))
          .filter((v) => v.topic.proposerId === m.id || v.voters.includes(m.id))
          .map((v) => `${v.topic.id} ${v.status} ${v.topic.proposerId === m.id} ${v.voters.includes(m.id)}`);
        expect(byMember.sort()).toEqual(scanned.sort());
      }
    });
  });
}
