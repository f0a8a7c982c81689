/** The townhall agenda through the real Bot, driven as members and organisers would. */
import { describe, expect, it } from "vitest";
import { NS } from "../../src/core/agenda/model.ts";
import { MAX_ACTION_BYTES } from "../../src/core/replies.ts";
import { MemoryStore } from "../../src/storage/memory.ts";
import { agendaContract } from "../contract/agenda.ts";
import { member, replyText } from "../helpers/services.ts";
import { agendaDriver, buttonsOf, ExactEmbedder, topicIdIn } from "./driver.ts";

agendaContract("MemoryStore", async () => new MemoryStore());

const alice = member("alice", "telegram", { displayName: "Alice" });
const bob = member("bob", "discord", { displayName: "Bob" });

describe("townhall lifecycle", () => {
  it("refuses organiser commands and buttons to members", async () => {
    const a = agendaDriver();
    expect(replyText(await a.say(alice, "/townhall open Sneaky"))).toContain("Only organisers can use /townhall");
    expect(await a.store.list(NS.townhall)).toHaveLength(0);
    await a.openTownhall();
    const id = await a.proposeTopic(alice, "Custody rules for exchanges");
    for (const data of [`ag:ap:${id}`, `ag:rj:${id}`, `ag:mi:${id}:${id}`, "ag:rv:0"]) {
      expect(replyText(await a.press(alice, data))).toBe("Only organisers can do that.");
    }
    expect(await a.store.list(NS.decision)).toHaveLength(0);
  });

  it("opens one townhall at a time, validates the date, keeps closed ones readable, audits", async () => {
    const a = agendaDriver();
    expect(replyText(await a.say(alice, "/propose Anything"))).toContain("No townhall is open");
    expect(replyText(await a.say(a.org, "/townhall open Q1 | 2027-02-30"))).toContain("real date");
    expect(replyText(await a.say(a.org, "/townhall open  | 2027-02-01"))).toContain("name of up to 80");
    const th = await a.openTownhall();
    expect(replyText(await a.say(a.org, "/townhall open Another"))).toContain("is still open");
    const id = await a.proposeTopic(alice, "Licensing of OTC desks");
    await a.press(bob, `ag:up:${id}`);
    expect(replyText(await a.say(a.org, "/townhall close"))).toContain("Closed 2027 Q1 Townhall (2027-03-15)");
    const after = replyText(await a.say(bob, "/agenda"));
    expect(after).toContain("closed, read only");
    expect(after).toContain(`${id} Licensing of OTC desks (1 vote)`);
    expect(replyText(await a.press(alice, `ag:up:${id}`))).toContain("is closed");
    expect(replyText(await a.say(bob, `/unvote ${id}`))).toContain("is closed");
    expect(await a.store.list(NS.vote, `${th}:`)).toHaveLength(1);
    expect(replyText(await a.say(alice, `/agenda ${th}`))).toContain("Licensing of OTC desks");
    const th2 = await a.openTownhall("2027 Q2 Townhall");
    const list = replyText(await a.say(a.org, "/townhall list"));
    expect(list).toContain(`${th2} 2027 Q2 Townhall: open`);
    expect(list).toContain(`${th} 2027 Q1 Townhall (2027-03-15): closed`);
    const actions = (await a.services.audit.recent(50)).map((e) => `${e.action} ${e.actorId}`);
    expect(actions).toContain("townhall.open console:org");
    expect(actions).toContain("townhall.close console:org");
  });
});

describe("proposals", () => {
  it("asks for details when missing, and Skip saves without them", async () => {
    const a = agendaDriver();
    await a.openTownhall();
    const ask = await a.say(alice, "/propose Regulating DeFi front-ends");
    expect(replyText(ask)).toContain("Add details");
    const details = await a.say(alice, "Who is liable when a front-end routes to an unlicensed protocol?");
    const id = topicIdIn(details);
    expect(replyText(await a.say(bob, `/agenda ${id}`))).toContain("Who is liable");
    await a.say(alice, "/propose");
    expect(replyText(await a.say(alice, "Tokenised deposits"))).toContain("Add details");
    const skip = buttonsOf(await a.say(alice, "/propose Tokenised deposits")).find((b) => b.id === "ag:nd");
    expect(skip).toBeDefined();
    const saved = await a.press(alice, "ag:nd");
    expect(replyText(await a.say(bob, `/agenda ${topicIdIn(saved)}`))).toContain("(no details)");
    expect(replyText(await a.press(alice, "ag:nd"))).toContain("no longer in progress");
  });

  it("offers look-alike topics: support one instead, propose anyway, or cancel", async () => {
    const a = agendaDriver();
    const th = await a.openTownhall();
    const first = await a.proposeTopic(alice, "Stablecoin licensing regime in Hong Kong");
    const offer = await a.say(bob, "/propose Hong Kong stablecoin licensing regime | my take");
    expect(replyText(offer)).toContain(first);
    const ids = buttonsOf(offer).map((b) => b.id);
    expect(ids).toEqual([`ag:ui:${first}`, "ag:pa", "ag:cx"]);
    expect(replyText(await a.press(bob, `ag:ui:${first}`))).toContain(`You support ${first}`);
    expect(await a.store.list(NS.topic, `${th}:`)).toHaveLength(1);
    await a.say(bob, "/propose Hong Kong stablecoin licensing regime | my take");
    expect(replyText(await a.press(bob, "ag:cx"))).toContain("cancelled");
    expect(await a.store.list(NS.topic, `${th}:`)).toHaveLength(1);
    await a.say(bob, "/propose Hong Kong stablecoin licensing regime | my take");
    expect(replyText(await a.say(bob, "just text"))).toContain("press one of the buttons");
    const second = topicIdIn(await a.press(bob, "ag:pa"));
    expect(second).not.toBe(first);
    expect(await a.store.list(NS.topic, `${th}:`)).toHaveLength(2);
    // Unrelated titles are not offered.
    expect(replyText(await a.say(alice, "/propose Talent visa processing times | slow"))).toContain("on the agenda");
  });

  it("refuses bad input with a clear reply and stores nothing", async () => {
    const a = agendaDriver({ maxProposalsPerMember: 2 });
    const th = await a.openTownhall();
    const count = async () => (await a.store.list(NS.topic, `${th}:`)).length;
    expect(replyText(await a.say(alice, "/propose  | details only"))).toContain("needs a title");
    expect(replyText(await a.say(alice, "/propose !!! ??? | details"))).toContain("needs a title");
    expect(replyText(await a.say(alice, `/propose ${"x".repeat(121)} | d`))).toContain("121 characters");
    expect(replyText(await a.say(alice, `/propose Fine title | ${"d".repeat(1001)}`))).toContain("1001 characters");
    expect(await count()).toBe(0);
    await a.say(alice, "/cancel");
    const id = await a.proposeTopic(alice, "<b>Bold</b> **claims** @everyone \u0007ping @here", "<@123> see");
    const card = replyText(await a.say(bob, `/agenda ${id}`));
    expect(card).toContain("<b>Bold</b> **claims** ＠everyone ping ＠here");
    expect(card).toContain("<＠123> see");
    expect(card).not.toMatch(/@everyone|@here|\u0007/);
    for (const probe of ["/upvote @everyone", "/agenda @here hello", "/unvote <@&123>"]) {
      const reply = replyText(await a.say(bob, probe));
      expect(reply).toContain("is not a topic id");
      expect(reply).not.toMatch(/@everyone|@here|<@/);
    }
    await a.proposeTopic(alice, "Second topic of Alice");
    expect(replyText(await a.say(alice, "/propose Third topic | no"))).toContain("already proposed 2 topics");
    expect(await count()).toBe(2);
  });
});

describe("moderation", () => {
  it("queues topics for review; approve, reject with reason, merge; proposers are told", async () => {
    const a = agendaDriver({ moderation: "review" });
    await a.openTownhall();
    const t1 = topicIdIn(await a.say(alice, "/propose Crypto ETF access for retail | details"));
    expect(a.notifier.toOrganisersLog).toHaveLength(1);
    expect(buttonsOf(a.notifier.toOrganisersLog[0] ?? []).map((b) => b.id)).toEqual([`ag:ap:${t1}`, `ag:rj:${t1}`]);
    expect(replyText(await a.say(bob, "/agenda"))).toContain("no topics");
    expect(replyText(await a.press(bob, `ag:up:${t1}`))).toContain("awaiting review");
    expect(replyText(await a.say(bob, `/agenda ${t1}`))).toContain("can't find");
    expect(replyText(await a.say(alice, `/agenda ${t1}`))).toContain("awaiting review");

    const queue = await a.say(a.org, "/townhall review");
    expect(replyText(queue)).toContain("Crypto ETF access for retail");
    expect(replyText(await a.press(a.org, `ag:ap:${t1}`))).toContain(`Approved ${t1}`);
    expect(replyText(await a.say(a.org, `/townhall approve ${t1}`))).toContain("already on the agenda");
    expect(replyText(await a.say(a.org, "/townhall approve"))).toContain("/townhall approve T7K2QX");
    expect(a.notifier.toMembers.at(-1)).toMatchObject({ memberId: alice.id });
    expect(replyText(await a.say(bob, "/agenda"))).toContain(t1);

    const t2 = topicIdIn(await a.say(bob, "/propose Ban all meme coins | details"));
    expect(replyText(await a.say(a.org, `/townhall reject ${t2}`))).toContain("Give a reason");
    expect(replyText(await a.say(a.org, `/townhall reject ${t2} Out of scope for policy work`))).toContain("Rejected");
    const told = a.notifier.toMembers.at(-1);
    expect(told?.memberId).toBe(bob.id);
    expect(replyText(told?.replies ?? [])).toContain("Reason: Out of scope for policy work");
    expect(replyText(await a.press(alice, `ag:up:${t2}`))).toContain("was rejected");

    expect(replyText(await a.say(bob, "/propose Retail access to crypto ETFs | same idea"))).toContain(t1);
    const t3 = topicIdIn(await a.press(bob, "ag:pa"));
    expect(t3).not.toBe(t1);
    expect(buttonsOf(a.notifier.toOrganisersLog.at(-1) ?? []).map((b) => b.id)).toContain(`ag:mi:${t3}:${t1}`);
    const card = (await a.say(a.org, "/townhall review")).filter((r) => r.type === "card");
    expect(buttonsOf(card).map((b) => b.id)).toContain(`ag:mi:${t3}:${t1}`);
    expect(replyText(await a.say(a.org, `/townhall merge ${t3} ${t3}`))).toContain("into itself");
    await a.press(alice, `ag:up:${t1}`);
    expect(replyText(await a.press(a.org, `ag:mi:${t3}:${t1}`))).toContain(`Merged ${t3} into ${t1}`);
    expect(replyText(a.notifier.toMembers.at(-1)?.replies ?? [])).toContain(`merged into ${t1}`);
    expect(replyText(await a.press(bob, `ag:up:${t3}`))).toContain(`${t3} was merged into ${t1}`);

    const t4 = topicIdIn(await a.say(alice, "/propose Sandbox for tokenised bonds | d"));
    expect(replyText(await a.press(a.org, `ag:rj:${t4}`))).toContain("Why is");
    expect(replyText(await a.say(a.org, "/cancel"))).toContain("not rejected");
    expect(replyText(await a.say(a.org, `/agenda ${t4}`))).toContain("awaiting review");
    await a.press(a.org, `ag:rj:${t4}`);
    expect(replyText(await a.say(a.org, "Covered by the HKMA sandbox already"))).toContain(`Rejected ${t4}`);
    expect(replyText(a.notifier.toMembers.at(-1)?.replies ?? [])).toContain("Covered by the HKMA sandbox");

    const audit = (await a.services.audit.recent(50)).map((e) => `${e.action} ${e.target}`);
    expect(audit).toEqual(
      expect.arrayContaining([`topic.approve ${t1}`, `topic.reject ${t2}`, `topic.merge ${t3}`, `topic.reject ${t4}`]),
    );
    expect(replyText(await a.say(a.org, "/townhall moderation auto"))).toContain("now auto");
    expect(replyText(await a.say(bob, "/propose Auto approved now | d"))).toContain("on the agenda");
  });
});

describe("agenda and votes", () => {
  it("ranks by support, pages in tens, votes once, withdraws, and refuses unknown ids", async () => {
    const a = agendaDriver({ embedder: new ExactEmbedder(), maxProposalsPerMember: 30 });
    await a.openTownhall();
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) ids.push(await a.proposeTopic(a.org, `Topic number ${i}`));
    const top = ids[7] ?? "";
    await a.press(alice, `ag:up:${top}`);
    expect(replyText(await a.press(alice, `ag:up:${top}`))).toContain("already support");
    await a.say(bob, `/upvote ${top.toLowerCase()}`);
    const page1 = await a.say(bob, "/agenda");
    expect(replyText(page1)).toContain(`1. ${top} Topic number 7 (2 votes) ✓`);
    expect(replyText(page1)).toContain("(1–10 of 25)");
    const pageIds = buttonsOf(page1).map((b) => b.id);
    expect(pageIds).toContain("ag:pg:1");
    expect(pageIds.every((id) => Buffer.byteLength(id) <= MAX_ACTION_BYTES)).toBe(true);
    const page3 = await a.press(bob, "ag:pg:2");
    expect(replyText(page3)).toContain("(21–25 of 25)");
    expect(buttonsOf(page3).map((b) => b.id)).toEqual([
      ...buttonsOf(page3)
        .slice(0, 5)
        .map((b) => b.id),
      "ag:pg:1",
    ]);
    expect(replyText(await a.press(bob, "ag:pg:99"))).toContain("(21–25 of 25)");
    expect(replyText(await a.press(bob, `ag:un:${top}`))).toContain(`You withdrew your support of ${top}`);
    expect(replyText(await a.say(bob, `/agenda ${top}`))).toContain("Support: 1 vote");
    expect(replyText(await a.say(bob, `/unvote ${top}`))).toContain("weren't supporting");
    expect(replyText(await a.say(bob, "/upvote TZZZZZ"))).toContain("can't find topic TZZZZZ");
    expect(replyText(await a.say(bob, "/upvote <script>"))).toContain("is not a topic id");
    expect(replyText(await a.say(bob, "/upvote"))).toContain("Which topic?");
    expect(replyText(await a.press(bob, "ag:zz"))).toContain("no longer does anything");
  });
});

describe("polls", () => {
  it("combines Telegram, Discord and console votes into one ballot per member; closing freezes", async () => {
    const a = agendaDriver();
    await a.openTownhall();
    expect(replyText(await a.say(a.org, "/townhall poll"))).toContain("at least 2 approved topics");
    const ids = [
      await a.proposeTopic(alice, "Virtual asset OTC regime"),
      await a.proposeTopic(alice, "Stablecoin issuer reserves"),
      await a.proposeTopic(bob, "Talent admission for Web3 engineers"),
    ];
    await a.press(bob, `ag:up:${ids[2]}`);
    expect(replyText(await a.say(a.org, "/townhall poll 11"))).toContain("Usage");
    const [poll] = await a.say(a.org, "/townhall poll 3");
    if (poll?.type !== "poll") throw new Error("expected a poll");
    expect(poll.pollId).toMatch(/^ag:H[0-9A-Z]{5}-[0-9A-Z]{4}$/);
    expect(poll.options[0]).toBe("Talent admission for Web3 engineers");
    expect(poll.options).toHaveLength(3);
    expect(poll.allowMultiple).toBe(true);
    expect(poll.durationHours).toBeGreaterThanOrEqual(24);
    expect(poll.fallbackText).toContain("/pollvote");
    expect(replyText(await a.say(a.org, "/townhall poll 2"))).toContain("already open");

    await a.bot.pollPosted(poll.pollId, "telegram", "tg1", { chatId: "-100", messageId: "7" });
    await a.bot.pollPosted(poll.pollId, "discord", "dc1", { chatId: "c1", messageId: "dc1" });
    const tg = member("tg", "telegram");
    const dc = member("dc", "discord");
    await a.bot.pollVote({ member: tg, platform: "telegram", nativePollId: "tg1", optionIndexes: [0, 2] });
    await a.bot.pollVote({ member: dc, platform: "discord", nativePollId: "dc1", optionIndexes: [0] });
    await a.bot.pollVote({ member: dc, platform: "discord", nativePollId: "dc1", optionIndexes: [0] });
    expect(replyText(await a.say(alice, "/pollvote 2 x"))).toContain("numbered 1 to 3");
    expect(replyText(await a.say(alice, "/pollvote 2"))).toContain(`2. ${poll.options[1]}`);
    let results = replyText(await a.say(a.org, "/townhall results"));
    expect(results).toContain("3 members voted");
    expect(results).toContain("1. Talent admission for Web3 engineers (2 votes)");
    await a.bot.pollVote({ member: tg, platform: "telegram", nativePollId: "tg1", optionIndexes: [] });
    results = replyText(await a.say(a.org, "/townhall results"));
    expect(results).toContain("2 members voted");

    expect(replyText(await a.say(a.org, "/townhall poll close"))).toContain("2 members voted");
    // Closing ends the poll where it was posted, so that nobody votes on a closed poll there.
    expect(a.notifier.closedPolls).toEqual([
      { platform: "discord", nativePollId: "dc1", chatId: "c1", messageId: "dc1" },
      { platform: "telegram", nativePollId: "tg1", chatId: "-100", messageId: "7" },
    ]);
    await a.bot.pollVote({
      member: member("late", "telegram"),
      platform: "telegram",
      nativePollId: "tg1",
      optionIndexes: [1],
    });
    expect(replyText(await a.say(bob, "/pollvote 1"))).toContain("no open poll");
    results = replyText(await a.say(a.org, "/townhall results"));
    expect(results).toContain("closed, final; 2 members voted");
    expect(results).toContain("Talent admission for Web3 engineers (1 vote)");
    expect((await a.services.audit.recent(50)).map((e) => e.action)).toEqual(
      expect.arrayContaining(["poll.open", "poll.close"]),
    );
    // A second poll, an hour later, is frozen by closing the townhall itself.
    a.clock.advance(3_600_000);
    const [second] = await a.say(a.org, "/townhall poll 2");
    if (second?.type !== "poll") throw new Error("expected a second poll");
    await a.bot.pollPosted(second.pollId, "telegram", "tg2");
    await a.bot.pollVote({ member: tg, platform: "telegram", nativePollId: "tg2", optionIndexes: [1] });
    await a.say(a.org, "/townhall close");
    await a.bot.pollVote({ member: dc, platform: "telegram", nativePollId: "tg2", optionIndexes: [0] });
    results = replyText(await a.say(a.org, "/townhall results"));
    expect(results).toContain("closed, final; 1 member voted");
    expect(results).toContain(`1. ${second.options[1]} (1 vote)`);
    const exported = replyText(await a.say(a.org, "/townhall export"));
    expect(exported).toContain("## Poll result\n\n1 member voted.");
    expect(exported).toContain(`- ${second.options[1]}: 1`);
  });
});

describe("export", () => {
  it("exports ranked Markdown with details and votes, and safe CSV", async () => {
    const a = agendaDriver();
    await a.openTownhall("2027 Q1 Townhall | 2027-03-15");
    const low = await a.proposeTopic(alice, "Licensing *all* the things", "Line one\n# Not a heading <i>");
    const high = await a.proposeTopic(bob, '=HYPERLINK("x") in a title', 'Has "quotes", commas');
    await a.press(alice, `ag:up:${high}`);
    await a.press(bob, `ag:up:${high}`);
    const [md] = await a.say(a.org, "/townhall export md");
    if (md?.type !== "file") throw new Error("expected a file");
    expect(md.mimeType).toBe("text/markdown");
    expect(md.content).toContain("# 2027 Q1 Townhall");
    expect(md.content).toContain("Date: 2027-03-15");
    expect(md.content).toContain('## 1. \\=HYPERLINK("x") in a title');
    expect(md.content).toContain(`${high} · 2 votes`);
    expect(md.content).toContain("## 2. Licensing \\*all\\* the things");
    expect(md.content).toContain(`${low} · 0 votes`);
    expect(md.content).toContain("Line one\n\\# Not a heading \\<i\\>");
    expect(md.content).not.toContain("Alice");
    const [csv] = await a.say(a.org, "/townhall export csv");
    if (csv?.type !== "file") throw new Error("expected a file");
    const rows = csv.content.trimEnd().split("\r\n");
    expect(rows[0]).toBe("rank,id,title,details,votes,proposed");
    expect(rows[1]).toBe(`1,${high},"'=HYPERLINK(""x"") in a title","Has ""quotes"", commas",2,2026-11-21`);
    expect(rows[2]).toBe(`2,${low},Licensing *all* the things,"Line one\n# Not a heading <i>",0,2026-11-21`);
    expect(replyText(await a.say(a.org, "/townhall export pdf"))).toContain("Usage");
    expect((await a.services.audit.recent(50)).filter((e) => e.action === "agenda.export")).toHaveLength(2);
  });
});

describe("personal data", () => {
  it("lists a member's records and forgets them while keeping counts meaningful", async () => {
    const a = agendaDriver();
    const th1 = await a.openTownhall("Old Townhall");
    const old = await a.proposeTopic(alice, "An old topic");
    await a.press(alice, `ag:up:${old}`);
    await a.press(bob, `ag:up:${old}`);
    await a.say(a.org, "/townhall close");
    const th2 = await a.openTownhall("New Townhall");
    const kept = await a.proposeTopic(alice, "Alice's approved topic");
    await a.press(alice, `ag:up:${kept}`);
    await a.press(bob, `ag:up:${kept}`);
    await a.say(a.org, "/townhall moderation review");
    const pending = topicIdIn(await a.say(alice, "/propose Quantum-safe wallet standards | private thoughts"));
    const feature = a.feature;
    if (!feature.personalData || !feature.forget) throw new Error("hooks missing");
    const lines = (await feature.personalData(alice.id, "en")).join("\n");
    expect(lines).toContain(`${kept} “Alice's approved topic”`);
    expect(lines).toContain(pending);
    expect(lines).toContain(old);
    expect(await feature.forget(alice.id)).toBeGreaterThan(0);
    expect(await feature.personalData(alice.id, "en")).toEqual([]);
    // The approved topic stays, anonymised; the pending one is gone.
    const topic = await a.store.get<{ proposerId: string; title: string; details: string }>(NS.topic, `${th2}:${kept}`);
    // Its title stays (others voted for it); the details she wrote and her name go.
    expect(topic).toMatchObject({ proposerId: "", title: "Alice's approved topic", details: "" });
    expect(await a.store.get(NS.topic, `${th2}:${pending}`)).toBeUndefined();
    // Open townhall: her vote is gone. Closed townhall: the count is unchanged but anonymous.
    expect(replyText(await a.say(bob, `/agenda ${kept}`))).toContain("1 vote");
    const oldVotes = await a.store.list(NS.vote, `${th1}:${old}:`);
    expect(oldVotes).toHaveLength(2);
    expect(oldVotes.map((v) => v.key).join(" ")).not.toContain(alice.id);
  });
});

describe("Traditional Chinese", () => {
  it("answers a member writing in Chinese in Chinese, end to end", async () => {
    const a = agendaDriver({ moderation: "review" });
    await a.openTownhall();
    const zh = member("chan", "telegram", { displayName: "陳大文", locale: "zh-HK" });
    const saved = await a.say(zh, "/propose 穩定幣發牌制度 | 新制度對本地初創企業有甚麼影響？");
    expect(replyText(saved)).toContain("正等候籌辦人審批");
    const id = topicIdIn(saved);
    await a.say(a.org, `/townhall reject ${id} 已在上一次會議討論`);
    const told = a.notifier.toMembers.at(-1);
    expect(told?.memberId).toBe(zh.id);
    expect(replyText(told?.replies ?? [])).toContain("未獲接納。原因：已在上一次會議討論");
    expect(replyText(await a.say(zh, "/propose 議題"))).toContain("請補充詳情");
    expect(replyText(await a.press(zh, `ag:up:${id}`))).toContain("已被拒絕");
  });
});
