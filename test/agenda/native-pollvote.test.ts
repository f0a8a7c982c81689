/** /pollvote never replaces a Discord member's choice in the poll Discord shows. */
import { describe, expect, it } from "vitest";
import { member, replyText } from "../helpers/services.ts";
import { agendaDriver } from "./driver.ts";

describe("/pollvote where the poll is posted on Discord", () => {
  it("sends a Discord member to the native poll, and still serves members elsewhere", async () => {
    const a = agendaDriver();
    await a.say(a.org, "/townhall open 2027 Q1 Townhall | 2027-03-15");
    await a.proposeTopic(member("p1", "telegram"), "Stablecoin issuer reserves");
    await a.proposeTopic(member("p2", "telegram"), "Talent admission for Web3 engineers");
    const [poll] = await a.say(a.org, "/townhall poll 2");
    if (poll?.type !== "poll") throw new Error("expected a poll");
    const dc = member("dc", "discord");
    const tg = member("tg", "telegram");
    // Before the poll is posted on Discord, /pollvote is how a Discord member votes.
    expect(replyText(await a.say(dc, "/pollvote 1"))).toContain("recorded");
    await a.bot.pollPosted(poll.pollId, "discord", "dc1", { chatId: "c1", messageId: "dc1" });
    await a.bot.pollVote({ member: dc, platform: "discord", nativePollId: "dc1", optionIndexes: [1] });
    expect(replyText(await a.say(dc, "/pollvote 1"))).toContain("vote in it directly");
    expect(replyText(await a.say(tg, "/pollvote 1"))).toContain("recorded");
    const results = replyText(await a.say(a.org, "/townhall results"));
    // The Discord member's native choice (option 2) stands; the Telegram member's /pollvote counts.
    expect(results).toContain("2 members voted");
    expect(results).toMatch(/\(1 vote\)[\s\S]*\(1 vote\)/);
  });
});
