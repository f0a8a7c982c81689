/**
 * A Telegram native poll whose poll_answer updates were partly lost (the bot was away): closing it
 * takes Telegram's final counts from stopPoll, so the result the core freezes (combined with the
 * console's /pollvote ballots) equals what members see on Telegram. Telegram does not say who cast
 * the missed votes: they are kept as count-only "unattributed" ballots, and when a voter the bot
 * saw changed their vote unseen, Telegram's counts replace the whole Telegram share. The final tally
 * is posted where the poll was.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TelegramAdapter } from "../../src/adapters/telegram/telegram.ts";
import { agenda } from "../../src/core/agenda/index.ts";
import { NS } from "../../src/core/agenda/model.ts";
import { Bot, countOnlyBallots } from "../../src/core/bot.ts";
import { NotifierHub } from "../../src/core/notify.ts";
import type { Store } from "../../src/core/ports.ts";
import { text } from "../../src/core/replies.ts";
import { FakeTelegramApi, type RecordedCall } from "../fakes/telegram-api.ts";
import { makeServices, member, replyText } from "../helpers/services.ts";

const ORG = { id: 7, first_name: "Olivia", language_code: "en" };
const ADA = { id: 42, first_name: "Ada", language_code: "en" };
const GROUP = { id: -100, type: "supergroup" };
const dm = (u: { id: number }) => ({ id: u.id, type: "private" });
const voter = (n: number) => ({ id: 1000 + n, first_name: `Voter ${n}` });

describe("Telegram native poll reconciled from stopPoll's final counts (telegraf against a fake Bot API)", () => {
  let api: FakeTelegramApi;
  let adapter: TelegramAdapter;
  let bot: Bot;
  let store: Store;
  let pollId: string;

  const say = async (from: typeof ADA, chat: { id: number; type: string }, body: string): Promise<RecordedCall> => {
    const n = api.calls.length;
    api.message(from, chat, body);
    return api.waitFor((c) => c.method.startsWith("send") && String(c.body.chat_id) === String(chat.id), n);
  };
  /** Waits until the core holds `n` ballots. */
  const ballots = async (n: number) => {
    const end = Date.now() + 5_000;
    while ((await store.list(NS.ballot)).length !== n) {
      if (Date.now() > end) throw new Error(`expected ${n} ballots`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  beforeEach(async () => {
    api = new FakeTelegramApi();
    const apiRoot = await api.start();
    const made = makeServices({ organisers: [`telegram:${ORG.id}`] });
    store = made.services.store;
    const hub = new NotifierHub(made.services.logger);
    const services = { ...made.services, notifier: hub };
    bot = new Bot(services, [agenda(services, { moderation: "auto", maxProposalsPerMember: 50 })], async () => [
      text("fallback"),
    ]);
    adapter = new TelegramAdapter({ token: "123:TEST", apiRoot, bot, logger: services.logger });
    hub.register("telegram", adapter.delivery());
    await adapter.start();
    await say(ORG, dm(ORG), "/townhall open 2027 Q1 Townhall | 2027-03-15");
    for (const title of ["Stablecoin licensing", "Custody rules for exchanges", "Tokenised deposits"]) {
      await say(ADA, dm(ADA), `/propose ${title} | Details of ${title}`);
    }
    const posted = await say(ORG, GROUP, "/townhall poll 3");
    expect(posted.method).toBe("sendPoll");
    [pollId = ""] = api.pollIds();
    // The poll is known to the core before votes arrive.
    await new Promise((r) => setTimeout(r, 100));
  });

  afterEach(async () => {
    adapter.stop();
    await api.stop();
  });

  /** Option counts in the closing result's lines (`1. Title (3 votes)`), by option title. */
  const resultCounts = (body: string) =>
    Object.fromEntries([...body.matchAll(/^\d+\. (.+) \((\d+) votes?\)$/gm)].map((m) => [m[1], Number(m[2])]));
  const telegramCounts = () => {
    const options = (api.of("sendPoll")[0]?.body.options ?? []) as (string | { text: string })[];
    const counts = api.pollCounts(pollId);
    return Object.fromEntries(options.map((o, i) => [typeof o === "string" ? o : o.text, counts[i] ?? 0]));
  };

  it("counts the votes missed during a polling gap: Telegram's tally, plus the console's ballot", async () => {
    // Seen live.
    api.castVote(pollId, voter(1), [0]);
    api.castVote(pollId, voter(2), [0, 1]);
    api.castVote(pollId, voter(3), [1]);
    await ballots(3);
    // Missed while the bot was away: two new voters.
    api.castVote(pollId, voter(4), [0], false);
    api.castVote(pollId, voter(5), [1, 2], false);
    // A console member votes with /pollvote (a platform without native polls): the result combines both.
    const console_ = member("cara", "console");
    const chat = { id: "console:cara", type: "private" as const };
    expect(replyText(await bot.handle({ kind: "text", member: console_, chat, text: "/pollvote 3" }))).toContain(
      "Your poll vote is recorded",
    );

    const n = api.calls.length;
    const closed = await say(ORG, GROUP, "/townhall poll close");
    expect(api.calls.slice(n).filter((c) => c.method === "stopPoll")).toHaveLength(1);
    // Closed in the group where the poll was: the result is posted there once.
    await new Promise((r) => setTimeout(r, 100));
    const posts = api.calls
      .slice(n)
      .filter((c) => c.method === "sendMessage" && String(c.body.chat_id) === String(GROUP.id));
    expect(posts).toHaveLength(1);
    const body = String(closed.body.text);
    expect(body).toContain("(6 members voted)");
    const expected = telegramCounts();
    const third = Object.keys(expected)[2] ?? "";
    expected[third] = (expected[third] ?? 0) + 1;
    expect(resultCounts(body)).toEqual(expected);
    // The voters the bot saw keep their own ballots; the two it missed are count-only.
    const keys = (await store.list(NS.ballot)).map((b) => b.key.slice(b.key.indexOf(":") + 1));
    expect(keys.filter((k) => k.startsWith("telegram:10"))).toHaveLength(3);
    expect(keys.filter((k) => k.startsWith("telegram:unattributed:"))).toHaveLength(2);
  });

  it("lets Telegram's counts win when a voter it saw changed their vote unseen", async () => {
    api.castVote(pollId, voter(1), [0]);
    api.castVote(pollId, voter(2), [1]);
    api.castVote(pollId, voter(3), [1]);
    await ballots(3);
    // Unseen: voter 1 moves from the first option to the third, voter 3 withdraws, voter 4 joins.
    api.castVote(pollId, voter(1), [2], false);
    api.castVote(pollId, voter(3), [], false);
    api.castVote(pollId, voter(4), [0], false);

    // Closed from the organiser's private chat: the result is the answer there, and is posted in the
    // group where the poll was.
    const n = api.calls.length;
    const closed = String((await say(ORG, dm(ORG), "/townhall poll close")).body.text);
    expect(closed).toContain("(3 members voted)");
    expect(resultCounts(closed)).toEqual(telegramCounts());
    const inGroup = await api.waitFor(
      (c) => c.method === "sendMessage" && String(c.body.chat_id) === String(GROUP.id),
      n,
    );
    expect(String(inGroup.body.text)).toBe(closed);
    const keys = (await store.list(NS.ballot)).map((b) => b.key.slice(b.key.indexOf(":") + 1));
    expect(keys.every((k) => k.startsWith("telegram:unattributed:"))).toBe(true);
  });
});

describe("count-only ballots", () => {
  it("gives every voter at least one option and each option its count", () => {
    expect(countOnlyBallots([2, 1, 0], 2)).toEqual([[0, 1], [0]]);
    expect(countOnlyBallots([1, 1, 1], 2)).toEqual([[0, 2], [1]]);
    expect(countOnlyBallots([0, 0], 0)).toEqual([]);
    // No such ballots: a negative count, an option with more votes than voters, fewer choices than voters.
    expect(countOnlyBallots([-1, 2], 2)).toBeUndefined();
    expect(countOnlyBallots([3, 0], 2)).toBeUndefined();
    expect(countOnlyBallots([1, 0], 2)).toBeUndefined();
  });
});
