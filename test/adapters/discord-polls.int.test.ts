/**
 * A Discord native poll whose vote events were partly lost (the gateway was
 * away): closing it reads every answer's voters from Discord, so the ballots
 * the core holds at the end equal what Discord shows.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiscordAdapter } from "../../src/adapters/discord/discord.ts";
import { Bot } from "../../src/core/bot.ts";
import { text } from "../../src/core/replies.ts";
import { FakeDiscord, IDS } from "../fakes/discord-api.ts";
import { type Actor, slash } from "../fakes/discord-payloads.ts";
import { makeServices } from "../helpers/services.ts";

const ADA: Actor = { id: "600000000000000042", name: "Ada" };
/** Voter ids: 130 of them, so that one answer's voters take two pages of 100. */
const voter = (n: number) => String(700000000000000000n + BigInt(n));

describe("Discord native poll reconciled from its voters (discord.js against a fake Discord)", () => {
  const fake = new FakeDiscord();
  const ballots = new Map<string, readonly number[]>();
  let adapter: DiscordAdapter;

  beforeAll(async () => {
    const apiBase = await fake.start();
    const { services } = makeServices();
    const bot = new Bot(
      services,
      [
        {
          name: "demo",
          commands: [
            {
              name: "poll",
              description: { en: "Poll", "zh-HK": "投票" },
              run: async () => [
                {
                  type: "poll",
                  pollId: "demo:P1",
                  question: "Which?",
                  options: ["Alpha", "Beta", "Gamma"],
                  allowMultiple: true,
                  durationHours: 24,
                  fallbackText: "",
                },
              ],
            },
          ],
          async onPollVote(member, _pollId, options) {
            ballots.set(member.id, options);
          },
        },
      ],
      async () => [text("answer")],
    );
    adapter = new DiscordAdapter({ token: "TEST.TOKEN.X", apiBase, bot, logger: services.logger });
    await adapter.start();
  });

  afterAll(async () => {
    await adapter.stop();
    await fake.stop();
  });

  /** Counts per option of the core's ballots. */
  const tally = () => {
    const counts = new Map<number, number>();
    for (const options of ballots.values()) for (const o of options) counts.set(o + 1, (counts.get(o + 1) ?? 0) + 1);
    return counts;
  };

  it("closes with the tally Discord shows, votes missed during a gateway gap included", async () => {
    const n = fake.calls.length;
    fake.dispatch("INTERACTION_CREATE", slash(fake, ADA, "guild", "poll"));
    const posted = await fake.waitFor((c) => c.method === "POST" && c.path === `/channels/${IDS.channel}/messages`, n);
    expect(posted.body.poll).toBeDefined();
    await new Promise((r) => setTimeout(r, 100));
    const messageId = fake.lastMessageId(IDS.channel);
    // Seen live: 10 for Alpha, 5 for Beta.
    for (let i = 0; i < 10; i++) fake.castVote(messageId, voter(i), 1);
    for (let i = 10; i < 15; i++) fake.castVote(messageId, voter(i), 2);
    await until(() => ballots.size === 15);
    // Missed while the gateway was away: 125 more for Beta, voter 0 leaves Alpha for Gamma, and
    // voter 1 withdraws from Alpha.
    for (let i = 15; i < 140; i++) fake.castVote(messageId, voter(i), 2, { dispatch: false });
    fake.castVote(messageId, voter(0), 1, { remove: true, dispatch: false });
    fake.castVote(messageId, voter(0), 3, { dispatch: false });
    fake.castVote(messageId, voter(1), 1, { remove: true, dispatch: false });
    expect(tally()).toEqual(
      new Map([
        [1, 10],
        [2, 5],
      ]),
    );

    await adapter
      .delivery()
      .closePoll?.({ platform: "discord", nativePollId: messageId, chatId: IDS.channel, messageId });
    expect(fake.of("POST", /\/expire$/)).toHaveLength(1);
    expect(tally()).toEqual(fake.pollCounts(messageId));
    expect(tally()).toEqual(
      new Map([
        [1, 8],
        [2, 130],
        [3, 1],
      ]),
    );
    expect(ballots.get(`discord:${voter(0)}`)).toEqual([2]);
    expect(ballots.get(`discord:${voter(1)}`)).toEqual([]);
    // Beta's 130 voters took two pages of the voters endpoint.
    expect(fake.of("GET", new RegExp(`/polls/${messageId}/answers/2$`))).toHaveLength(2);
  });

  it("posts the final tally in the channel where the poll was", async () => {
    const n = fake.calls.length;
    await adapter.delivery().toChat?.(IDS.channel, [text("Poll closed: Beta 130")]);
    const posted = await fake.waitFor((c) => c.method === "POST" && c.path === `/channels/${IDS.channel}/messages`, n);
    expect(posted.body.content).toBe("Poll closed: Beta 130");
  });
});

async function until(cond: () => boolean, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error("condition not reached");
    await new Promise((r) => setTimeout(r, 20));
  }
}
