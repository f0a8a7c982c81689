/**
 * One member on two platforms: after /link, votes and poll ballots from the
 * Telegram and the Discord account count once, including those cast before
 * linking; codes expire, cannot link an account to itself, and a link is
 * refused when the account holds records that cannot be merged.
 */
import { describe, expect, it } from "vitest";
import { agenda } from "../../src/core/agenda/index.ts";
import { Bot } from "../../src/core/bot.ts";
import type { Feature } from "../../src/core/feature.ts";
import { Identities } from "../../src/core/identity/identities.ts";
import { link } from "../../src/core/identity/link.ts";
import { privacy } from "../../src/core/privacy/privacy.ts";
import { text } from "../../src/core/replies.ts";
import type { Member } from "../../src/core/types.ts";
import { topicIdIn } from "../agenda/driver.ts";
import { dm, makeServices, member, replyText } from "../helpers/services.ts";

function setup(extra: Feature[] = []) {
  const org = member("org");
  const env = makeServices({ organisers: [org.id] });
  const features: Feature[] = [
    agenda(env.services, { moderation: "auto", maxProposalsPerMember: 5 }),
    ...extra,
    link(new Identities(env.store), () => features),
    privacy(() => features),
  ];
  const bot = new Bot(env.services, features, async () => [text("fallback")]);
  const say = async (m: Member, body: string) =>
    replyText(await bot.handle({ kind: "text", member: m, chat: dm(m), text: body }));
  const code = async (m: Member) => /\b([0-9A-Z]{8})\b/.exec(await say(m, "/link"))?.[1] ?? "";
  return { ...env, org, bot, say, code };
}

const tg = member("100", "telegram", { displayName: "Ada" });
const dc = member("200", "discord", { displayName: "Ada" });

describe("linked accounts", () => {
  it("count a member once across platforms, for votes cast before and after linking", async () => {
    const { say, code, org, store } = setup();
    await say(org, "/townhall open 2027 Q1 Townhall | 2027-03-15");
    const t1 = topicIdIn([text(await say(tg, "/propose Stablecoin licensing | Who may issue?"))]);
    const t2 = topicIdIn([text(await say(tg, "/propose Tokenised deposits | Bank-issued tokens"))]);
    await say(tg, `/upvote ${t1}`);
    await say(dc, `/upvote ${t1}`);
    expect(await say(org, `/agenda ${t1}`)).toMatch(/2 votes/);

    const c = await code(tg);
    expect(await say(dc, `/link ${c}`)).toMatch(/Linked: this account now acts as telegram:100/);
    expect(await say(org, `/agenda ${t1}`)).toMatch(/1 vote\b/);
    const votes = await store.list("agvote");
    expect(votes.filter((v) => v.key.includes(t1)).map((v) => v.key.split(":").slice(2).join(":"))).toEqual([
      "telegram:100",
    ]);

    // After linking, pressing on Discord is the same member: no second vote, and withdrawing works across.
    expect(await say(dc, `/upvote ${t2}`)).toMatch(/You support/);
    expect(await say(tg, `/upvote ${t2}`)).toMatch(/already support/);
    expect(await say(org, `/agenda ${t2}`)).toMatch(/1 vote\b/);
    expect(await say(tg, "/mydata")).toMatch(/discord:200/);
  });

  it("gives one ballot per member in a poll voted from both platforms", async () => {
    const { say, code, org, bot } = setup();
    await say(org, "/townhall open 2027 Q2 Townhall | 2027-06-15");
    const a = topicIdIn([text(await say(tg, "/propose Topic A | a"))]);
    const b = topicIdIn([text(await say(tg, "/propose Topic B | b"))]);
    await say(org, `/upvote ${a}`);
    await say(org, `/upvote ${b}`);
    await say(dc, `/link ${await code(tg)}`);
    const posted = await bot.handle({ kind: "text", member: org, chat: dm(org), text: "/townhall poll 2" });
    const poll = posted.find((r) => r.type === "poll");
    expect(poll?.type).toBe("poll");
    if (poll?.type !== "poll") return;
    await bot.pollPosted(poll.pollId, "telegram", "tg-poll");
    await bot.pollPosted(poll.pollId, "discord", "dc-poll");
    await bot.pollVote({ member: tg, platform: "telegram", nativePollId: "tg-poll", optionIndexes: [0] });
    await bot.pollVote({ member: dc, platform: "discord", nativePollId: "dc-poll", optionIndexes: [1] });
    const results = await say(org, "/townhall results");
    // The Discord vote replaced the same member's Telegram ballot.
    expect(results).toMatch(/1 member voted/);
    const [first = "", second = ""] = poll.options;
    expect(results).toContain(`${second} (1 vote)`);
    expect(results).toContain(`${first} (0 votes)`);
  });

  it("refuses expired, unknown and self codes, and accounts holding records it cannot merge", async () => {
    const holder: Feature = {
      name: "hold",
      commands: [],
      personalData: async (id) => (id === "discord:300" ? ["an offer"] : []),
    };
    const { say, code, clock } = setup([holder]);
    const c = await code(tg);
    expect(await say(tg, `/link ${c}`)).toMatch(/same account/);
    expect(await say(dc, "/link NOPE1234")).toMatch(/unknown or has expired/);
    expect(await say(member("300", "discord"), `/link ${c}`)).toMatch(/can't be merged/);
    clock.advance(11 * 60 * 1000);
    expect(await say(dc, `/link ${c}`)).toMatch(/unknown or has expired/);
    const fresh = await code(tg);
    expect(await say(dc, `/link ${fresh}`)).toMatch(/Linked/);
    expect(await say(dc, `/link ${await code(tg)}`)).toMatch(/already linked/);
  });

  it("/forgetme removes the links", async () => {
    const { say, code, bot, store } = setup();
    await say(dc, `/link ${await code(tg)}`);
    const confirm = await bot.handle({ kind: "text", member: tg, chat: dm(tg), text: "/forgetme" });
    const yes = confirm[0]?.type === "text" ? confirm[0].buttons?.find((x) => x.style === "danger")?.id : undefined;
    await bot.handle({ kind: "action", member: tg, chat: dm(tg), data: yes ?? "" });
    expect(await store.list("identity")).toEqual([]);
  });
});
