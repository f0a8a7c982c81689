/**
 * Store-level guarantees of the townhall agenda, for any {@link Store}: the
 * storage team runs `agendaContract` against SQLite, PostgreSQL and Redis.
 * Everything is driven through the real Bot as members would; assertions are
 * on the stored records as well as on what the bot displays. Only the Store
 * interface is relied on.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NS } from "../../src/core/agenda/model.ts";
import { PollRepo } from "../../src/core/agenda/polls.ts";
import { AgendaRepo } from "../../src/core/agenda/repo.ts";
import type { Services } from "../../src/core/feature.ts";
import type { Store } from "../../src/core/ports.ts";
import type { Records } from "../../src/core/records.ts";
import { agendaDriver as driver, ExactEmbedder, jittered } from "../agenda/driver.ts";
import { member, replyText } from "../helpers/services.ts";

export { agendaDriver, buttonsOf, ExactEmbedder, jittered, topicIdIn } from "../agenda/driver.ts";

/** Builds a test's SQL records around its services (a fresh, empty database each time). */
export type RecordsFactory = () => Promise<{
  make: (deps: Pick<Services, "store" | "notifier" | "clock" | "logger">) => Records;
  close: () => Promise<void>;
}>;

/** The store-level guarantees of the agenda, run against one store (and SQL records, when given). */
export function agendaContract(
  name: string,
  makeStore: () => Promise<Store>,
  cleanup?: () => Promise<void>,
  makeRecords?: RecordsFactory,
): void {
  describe(`agenda store contract: ${name}`, () => {
    let store: Store;
    let sql: Awaited<ReturnType<RecordsFactory>> | undefined;
    let polls: PollRepo | undefined;
    let repo: AgendaRepo | undefined;
    beforeEach(async () => {
      store = await makeStore();
      sql = await makeRecords?.();
      polls = undefined;
      repo = undefined;
    });
    afterEach(async () => {
      await sql?.close();
      await store.close();
      await cleanup?.();
    });
    /** The agenda driver over this test's store and records. */
    const agendaDriver = (opts: Parameters<typeof driver>[0] = {}) => {
      const made = sql;
      const d = driver({
        ...opts,
        ...(made
          ? {
              records: (deps: Pick<Services, "store" | "notifier" | "clock" | "logger">) => {
                const r = made.make(deps);
                polls = r.polls;
                repo = r.agenda;
                return r;
              },
            }
          : {}),
      });
      polls ??= new PollRepo(store);
      repo ??= new AgendaRepo(store);
      return d;
    };

    /** The member ids of a topic's vote records, through the repository (key-value or SQL). */
    const votesOf = async (th: string, topic: string) => (await repo?.voters(th, topic)) ?? [];

    it("counts 1,000 distinct members voting concurrently on one topic exactly 1,000 times", async () => {
      const a = agendaDriver({ store, embedder: new ExactEmbedder() });
      const th = await a.openTownhall();
      const id = await a.proposeTopic(a.org, "Stablecoin licensing for start-ups");
      const members = Array.from({ length: 1000 }, (_, i) => member(`m${i}`, i % 2 ? "telegram" : "discord"));
      const replies = await Promise.all(members.map((m) => a.press(m, `ag:up:${id}`)));
      const refused = replies.map(replyText).filter((r) => !r.startsWith(`You support ${id}`));
      expect(refused.slice(0, 3), `${refused.length} presses not acknowledged`).toEqual([]);
      const records = await votesOf(th, id);
      expect(records).toHaveLength(1000);
      expect(new Set(records).size).toBe(1000);
      expect(replyText(await a.say(a.org, `/agenda ${id}`))).toContain("1000 votes");
      expect(replyText(await a.say(a.org, "/agenda"))).toContain(
        `${id} Stablecoin licensing for start-ups (1000 votes)`,
      );
    });

    it("counts one member pressing upvote 100 times concurrently once", async () => {
      const a = agendaDriver({ store, embedder: new ExactEmbedder() });
      const th = await a.openTownhall();
      const id = await a.proposeTopic(a.org, "Tax treatment of staking rewards");
      const m = member("presser", "telegram");
      const replies = await Promise.all(Array.from({ length: 100 }, () => a.press(m, `ag:up:${id}`)));
      expect(await votesOf(th, id)).toHaveLength(1);
      expect(replies.filter((r) => replyText(r).startsWith("You support"))).toHaveLength(1);
      expect(replyText(await a.say(m, `/agenda ${id}`))).toContain("Support: 1 vote");
    });

    it("counts each voter once after merging two topics with overlapping voters", async () => {
      const a = agendaDriver({ store, embedder: new ExactEmbedder() });
      const th = await a.openTownhall();
      const from = await a.proposeTopic(a.org, "Bank accounts for virtual-asset firms");
      const into = await a.proposeTopic(a.org, "Banking access for crypto companies");
      const voters = Array.from({ length: 9 }, (_, i) => member(`v${i}`, i % 3 === 0 ? "discord" : "telegram"));
      await Promise.all(voters.slice(0, 6).map((m) => a.press(m, `ag:up:${from}`)));
      await Promise.all(voters.slice(3).map((m) => a.press(m, `ag:up:${into}`)));
      expect(await votesOf(th, from)).toHaveLength(6);
      expect(await votesOf(th, into)).toHaveLength(6);
      const reply = replyText(await a.say(a.org, `/townhall merge ${from} ${into}`));
      expect(reply).toContain("9 votes");
      const merged = await votesOf(th, into);
      expect([...merged].sort()).toEqual(voters.map((v) => v.id).sort());
      expect(await votesOf(th, from)).toHaveLength(0);
      expect(replyText(await a.say(a.org, `/agenda ${into}`))).toContain("9 votes");
    });

    it("loses no vote cast on a topic while it is being merged", async () => {
      const a = agendaDriver({ store: jittered(store), embedder: new ExactEmbedder() });
      const th = await a.openTownhall();
      const from = await a.proposeTopic(a.org, "Travel rule compliance costs");
      const into = await a.proposeTopic(a.org, "Cost of complying with the travel rule");
      const voters = Array.from({ length: 60 }, (_, i) => member(`r${i}`, "telegram"));
      await Promise.all(voters.slice(0, 20).map((m) => a.press(m, `ag:up:${from}`)));
      await Promise.all([
        // Spread over the merge so that some votes are checked before it and written after it.
        ...voters.slice(20).map(async (m, i) => {
          await new Promise((r) => setTimeout(r, i * 1.5));
          return a.press(m, `ag:up:${from}`);
        }),
        a.say(a.org, `/townhall merge ${from} ${into}`),
      ]);
      expect(await votesOf(th, into)).toHaveLength(60);
      expect(await votesOf(th, from)).toHaveLength(0);
    });

    it("lets concurrent proposals of one member never exceed the per-member limit", async () => {
      const a = agendaDriver({ store, embedder: new ExactEmbedder(), maxProposalsPerMember: 3 });
      const th = await a.openTownhall();
      const m = member("eager", "discord");
      const replies = await Promise.all(
        Array.from({ length: 20 }, (_, i) => a.say(m, `/propose Distinct topic number ${i} | details ${i}`)),
      );
      const mine = ((await repo?.topics(th)) ?? []).filter((v) => v.topic.proposerId === m.id);
      expect(mine).toHaveLength(3);
      expect(replies.filter((r) => replyText(r).includes("the most allowed per member"))).toHaveLength(17);
      expect(replyText(await a.say(m, "/propose One more topic | still refused"))).toContain("the most allowed");
      // Another member is not affected.
      expect(replyText(await a.say(member("other"), "/propose Another member's topic | fine"))).toContain("Your topic");
    });

    it("opens one townhall and records one decision per topic however many organisers act at once", async () => {
      const a = agendaDriver({ store, embedder: new ExactEmbedder(), moderation: "review" });
      await a.say(a.org, "/townhall close");
      const opens = await Promise.all(
        Array.from({ length: 10 }, (_, i) => a.say(a.org, `/townhall open Race ${i} | 2027-06-0${(i % 9) + 1}`)),
      );
      expect(opens.filter((r) => replyText(r).startsWith("Opened"))).toHaveLength(1);
      const open = ((await repo?.townhalls()) ?? []).filter((th) => !th.closedAt);
      expect(open).toHaveLength(1);
      const id = await a.proposeTopic(member("p"), "A topic to decide");
      const decisions = await Promise.all([
        ...Array.from({ length: 5 }, () => a.say(a.org, `/townhall approve ${id}`)),
        ...Array.from({ length: 5 }, () => a.press(a.org, `ag:ap:${id}`)),
      ]);
      expect(decisions.filter((r) => replyText(r).startsWith(`Approved ${id}`))).toHaveLength(1);
      if (sql) {
        // One decision per kind is the decisions table's primary key.
        expect((await repo?.topic(id))?.decision?.status).toBe("approved");
      } else {
        expect((await store.list(NS.decision)).filter((r) => r.key.includes(`:${id}:`))).toHaveLength(1);
      }
      expect(a.notifier.toMembers.filter((n) => n.memberId === "console:p")).toHaveLength(1);
    });

    it("keeps one ballot per member and combines platforms in a poll under concurrency", async () => {
      const a = agendaDriver({ store, embedder: new ExactEmbedder() });
      await a.openTownhall();
      await a.proposeTopic(a.org, "First topic of the poll");
      await a.proposeTopic(a.org, "Second topic of the poll");
      const [poll] = await a.say(a.org, "/townhall poll 2");
      if (poll?.type !== "poll") throw new Error("no poll");
      await a.bot.pollPosted(poll.pollId, "telegram", "tg-poll");
      await a.bot.pollPosted(poll.pollId, "discord", "dc-poll");
      const tg = Array.from({ length: 50 }, (_, i) => member(`t${i}`, "telegram"));
      const dc = Array.from({ length: 50 }, (_, i) => member(`d${i}`, "discord"));
      const repeat = member("again", "telegram");
      await Promise.all([
        ...tg.map((m) =>
          a.bot.pollVote({ member: m, platform: "telegram", nativePollId: "tg-poll", optionIndexes: [0] }),
        ),
        ...dc.map((m) =>
          a.bot.pollVote({ member: m, platform: "discord", nativePollId: "dc-poll", optionIndexes: [0, 1] }),
        ),
        ...Array.from({ length: 30 }, () =>
          a.bot.pollVote({ member: repeat, platform: "telegram", nativePollId: "tg-poll", optionIndexes: [1] }),
        ),
      ]);
      const stored = await polls?.get(poll.pollId.slice(3));
      if (!stored) throw new Error("poll not stored");
      expect((await polls?.tally(stored))?.voters).toBe(101);
      const results = replyText(await a.say(a.org, "/townhall results"));
      expect(results).toContain("101 members voted");
      expect(results).toContain(`1. ${poll.options[0]} (100 votes)`);
      expect(results).toContain(`2. ${poll.options[1]} (51 votes)`);
    });
  });
}
