/**
 * The townhall agenda on Discord through discord.js against the fake Discord,
 * with the real agenda feature: nothing waits for a typed message in a server
 * (modals for a topic and for a rejection reason), organisers' queues are
 * ephemeral, and pagers edit their own message.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiscordAdapter } from "../../src/adapters/discord/discord.ts";
import { agenda } from "../../src/core/agenda/index.ts";
import { Bot } from "../../src/core/bot.ts";
import { text } from "../../src/core/replies.ts";
import { FakeDiscord, IDS, type RestCall } from "../fakes/discord-api.ts";
import { type Actor, modalSubmit, press, slash, slashWith } from "../fakes/discord-payloads.ts";
import { makeServices } from "../helpers/services.ts";

const ORG: Actor = { id: "600000000000000061", name: "Olivia" };
const ADA: Actor = { id: "600000000000000062", name: "Ada" };
const BOB: Actor = { id: "600000000000000063", name: "Bob" };
const EPHEMERAL = 64;
const UPDATE_MESSAGE = 7;

describe("The agenda on Discord (discord.js against a fake Discord)", () => {
  const fake = new FakeDiscord();
  let adapter: DiscordAdapter;

  beforeAll(async () => {
    const apiBase = await fake.start();
    const { services } = makeServices({ organisers: [`discord:${ORG.id}`] });
    const feature = agenda(services, { moderation: "review", maxProposalsPerMember: 50 });
    const bot = new Bot(services, [feature], async () => [text("fallback")]);
    adapter = new DiscordAdapter({ token: "TEST.TOKEN.X", apiBase, bot, logger: services.logger });
    await adapter.start();
    const when = { date_yyyy_mm_dd: "2027-03-15", name: "2027 Q1 Townhall" };
    const open = slashWith(fake, ORG, "guild", "townhall", when, "open");
    fake.dispatch("INTERACTION_CREATE", open);
    await fake.waitFor(answerTo(open.id));
  });

  afterAll(async () => {
    await adapter.stop();
    await fake.stop();
  });

  const answerTo = (id: string) => (c: RestCall) => c.method === "POST" && c.path.startsWith(`/interactions/${id}/`);
  type Components = { components: { custom_id: string }[] }[];
  const data = (c: RestCall) =>
    (c.body.data ?? {}) as { content?: string; flags?: number; custom_id?: string; components?: Components };
  const ids = (c: RestCall) =>
    ((data(c).components ?? c.body.components ?? []) as Components).flatMap((r) =>
      r.components.map((b) => b.custom_id),
    );
  const run = async (i: ReturnType<typeof slashWith> | ReturnType<typeof press>) => {
    fake.dispatch("INTERACTION_CREATE", i);
    return fake.waitFor(answerTo(i.id));
  };

  /** Proposes a topic through the /propose modal; returns its id. */
  const propose = async (who: Actor, title: string): Promise<string> => {
    const s = modalSubmit(fake, who, "guild", "/propose", { title, details: `Details of ${title}` });
    fake.dispatch("INTERACTION_CREATE", s);
    const answer = data(await fake.waitFor(answerTo(s.id))).content ?? "";
    const id = /\bT[0-9A-Z]{3,}\b/.exec(answer)?.[0];
    if (!id) throw new Error(`not proposed: ${answer}`);
    return id;
  };

  it("registers /townhall's verbs as subcommands with typed options, choices and zh-TW descriptions", async () => {
    const put = await fake.waitFor((c) => c.method === "PUT" && c.path.endsWith("/commands"));
    type Option = { name: string; type: number; required?: boolean; choices?: { value: string }[] };
    type Sub = Option & { description_localizations: Record<string, string>; options?: Option[] };
    const townhall = (put.body as unknown as { name: string; options: Sub[] }[]).find((c) => c.name === "townhall");
    const sub = (n: string) => townhall?.options.find((o) => o.name === n);
    expect(sub("open")?.type).toBe(1);
    expect(sub("open")?.options?.map((o) => [o.name, o.required])).toEqual([
      ["name", true],
      ["date_yyyy_mm_dd", false],
    ]);
    expect(sub("reject")?.options?.map((o) => o.name)).toEqual(["topic_id", "reason"]);
    expect(sub("export")?.options?.[0]?.choices?.map((c) => c.value)).toEqual(["md", "csv"]);
    expect(sub("review")?.options).toEqual([]);
    expect(sub("review")?.description_localizations).toEqual({ "zh-TW": "待審批議題" });
    // Names in Chinese for a Chinese Discord.
    const all = put.body as unknown as (Sub & { name_localizations?: Record<string, string> })[];
    const named = (n: string) => all.find((c) => c.name === n) as Record<string, unknown> | undefined;
    expect(named("townhall")?.name_localizations).toEqual({ "zh-TW": "會員大會" });
    expect((sub("open") as Record<string, unknown> | undefined)?.name_localizations).toEqual({ "zh-TW": "開啟" });
    const title = (named("propose")?.options as Record<string, unknown>[] | undefined)?.[0];
    expect(title).toMatchObject({ name: "title", name_localizations: { "zh-TW": "標題" }, max_length: 120 });
    // The townhall opened in beforeAll through typed options.
    const answer = fake.calls.find((c) => c.path.includes("/callback") && JSON.stringify(c.body).includes("Opened"));
    expect(JSON.stringify(answer?.body)).toContain("2027 Q1 Townhall");
  });

  it("asks a topic's title and details in a modal in a server channel", async () => {
    const i = slash(fake, ADA, "guild", "propose");
    fake.dispatch("INTERACTION_CREATE", i);
    const shown = await fake.waitFor(answerTo(i.id));
    expect(shown.body.type).toBe(9);
    expect(data(shown).custom_id).toBe("/propose");
    type Input = { custom_id: string; max_length: number; required: boolean; value?: string };
    const inputs = (c: RestCall) =>
      (c.body.data as { components: { label: string; component: Input }[] }).components.map((x) => ({
        label: x.label,
        ...x.component,
      }));
    // The core's limits and labels: the title required, up to 120; the details optional, up to 1,000.
    expect(inputs(shown).map((x) => [x.custom_id, x.max_length, x.required])).toEqual([
      ["title", 120, true],
      ["details", 1000, false],
    ]);
    // In Chinese for a Chinese Discord, with a part already given filled in.
    const zh = slashWith(fake, { ...ADA, locale: "zh-TW" }, "guild", "propose", { title: "穩定幣發牌" });
    const asked = await run(zh);
    expect(asked.body.type).toBe(9);
    expect(inputs(asked)[0]).toMatchObject({ label: "標題（最多 120 字）", value: "穩定幣發牌" });
    const id = await propose(ADA, "Stablecoin licensing");
    expect(id).toMatch(/^T/);
  });

  it("asks an organiser's rejection reason in a modal and rejects with it", async () => {
    const id = await propose(ADA, "Custody rules for exchanges");
    const p = press(fake, ORG, "guild", `ag:rj:${id}`);
    fake.dispatch("INTERACTION_CREATE", p);
    const shown = await fake.waitFor(answerTo(p.id));
    expect(shown.body.type).toBe(9);
    expect(data(shown).custom_id).toBe(`ag:rjf:${id}`);
    const s = modalSubmit(fake, ORG, "guild", `ag:rjf:${id}`, { reason: "Covered at the last townhall" });
    fake.dispatch("INTERACTION_CREATE", s);
    expect(data(await fake.waitFor(answerTo(s.id))).content).toContain(`Rejected ${id}`);
    // A member cannot use the form.
    const m = modalSubmit(fake, ADA, "guild", `ag:rjf:${id}`, { reason: "no" });
    fake.dispatch("INTERACTION_CREATE", m);
    expect(data(await fake.waitFor(answerTo(m.id))).content).toContain("Only organisers");
  });

  it("shows the organisers' review queue ephemerally, and answers its buttons ephemerally", async () => {
    const id = await propose(ADA, "Tokenised deposits");
    const review = slashWith(fake, ORG, "guild", "townhall", {}, "review");
    // Typed: reject <topic id> <reason>.
    const gone = await propose(ADA, "Lottery tokens");
    const rejected = await run(
      slashWith(fake, ORG, "guild", "townhall", { reason: "Off topic", topic_id: gone }, "reject"),
    );
    expect(data(rejected).content).toContain(`Rejected ${gone}`);
    const head = await run(review);
    expect(data(head).flags).toBe(EPHEMERAL);
    // The queue's cards follow the head, ephemeral too.
    const card = await fake.waitFor((c) => c.path.includes(`/tok-${review.id}`) && ids(c).includes(`ag:ap:${id}`));
    expect(card.body.flags).toBe(EPHEMERAL);
    const approved = await run(press(fake, ORG, "guild", `ag:ap:${id}`, { ephemeral: true }));
    expect(data(approved).content).toContain(`Approved ${id}`);
    expect(data(approved).flags).toBe(EPHEMERAL);
  });

  it("turns the page of the presser's own list in place, and shows another member's page to them alone", async () => {
    const titles = [
      "Mining difficulty",
      "Wallet recovery phrases",
      "Zero knowledge proofs",
      "Carbon credits on chain",
      "Remittance corridors",
      "Validator slashing",
      "Gaming guild taxation",
      "Bridge exploits",
      "Oracle pricing feeds",
      "NFT royalties",
      "Payroll in USDC",
    ];
    const topics: string[] = [];
    for (const title of titles) topics.push(await propose(ADA, title));
    for (const id of topics) await run(press(fake, ORG, "guild", `ag:ap:${id}`, { ephemeral: true }));
    const list = await run(slashWith(fake, ADA, "guild", "agenda", {}));
    const next = ids(list).find((x) => x.startsWith("ag:pg:1"));
    expect(next).toBeDefined();

    const own = await run(press(fake, ADA, "guild", next ?? "", { answerTo: ADA }));
    expect(own.body.type).toBe(UPDATE_MESSAGE);
    expect(ids(own).some((x) => x.startsWith("ag:pg:0"))).toBe(true);

    const others = await run(press(fake, BOB, "guild", next ?? "", { answerTo: ADA }));
    expect(others.body.type).toBe(4);
    expect(data(others).flags).toBe(EPHEMERAL);
    expect(ids(others).some((x) => x.startsWith("ag:pg:0"))).toBe(true);

    // A page of an ephemeral list is its presser's own.
    const mine = await run(press(fake, BOB, "guild", next ?? "", { ephemeral: true }));
    expect(mine.body.type).toBe(UPDATE_MESSAGE);
  });

  it("turns the page of an organiser's ephemeral review queue in place, its cards ephemeral", async () => {
    for (const title of [
      "Layer two fees",
      "Token airdrops",
      "Custodial insurance",
      "DAO liability",
      "CBDC pilots",
      "Staking yields",
    ]) {
      await propose(ADA, title);
    }
    const review = slashWith(fake, ORG, "guild", "townhall", {}, "review");
    const head = await run(review);
    expect(ids(head)).toContain("ag:rv:1");
    const p = press(fake, ORG, "guild", "ag:rv:1", { ephemeral: true });
    const turned = await run(p);
    expect(turned.body.type).toBe(UPDATE_MESSAGE);
    const card = await fake.waitFor(
      (c) => c.path.includes(`/tok-${p.id}`) && ids(c).some((x) => x.startsWith("ag:ap:")),
    );
    expect(card.body.flags).toBe(EPHEMERAL);
    expect(fake.calls.some((c) => c.method === "POST" && c.path === `/channels/${IDS.channel}/messages`)).toBe(false);
  });

  it("redraws the agenda's counts in place when a member supports a topic, the note ephemeral", async () => {
    const id = await propose(ADA, "Tokenised deposits");
    await run(press(fake, ORG, "guild", `ag:ap:${id}`, { ephemeral: true }));
    // Ada's own support puts it first (the other topics have none), on the first page.
    await run(slashWith(fake, ADA, "guild", "upvote", { topic_id: id }));
    const list = await run(slashWith(fake, ADA, "guild", "agenda", {}));
    // (Discord's text is escaped Markdown: a numbered line reads "1\. ".)
    expect(data(list).content).toContain(`1\\. ${id} Tokenised deposits (1 vote)`);
    const support = ids(list).find((x) => x.startsWith(`ag:up:${id}:`));
    expect(support).toBe(`ag:up:${id}:0`);
    const n = fake.calls.length;
    // Bob presses Support on Ada's public agenda: the message itself is updated with the new count.
    const p = press(fake, BOB, "guild", support ?? "", { answerTo: ADA });
    const updated = await run(p);
    expect(updated.body.type).toBe(UPDATE_MESSAGE);
    expect(data(updated).content).toContain(`1\\. ${id} Tokenised deposits (2 votes)`);
    // Read by everyone in the channel: nobody's own mark.
    expect(data(updated).content).not.toContain("✓");
    expect(ids(updated)).toContain(`ag:up:${id}:0`);
    // The note to Bob follows, ephemeral.
    const note = await fake.waitFor((c) => c.path.startsWith("/webhooks/") && c.path.includes(`/tok-${p.id}`));
    expect(JSON.stringify(note.body)).toContain(`You support ${id}`);
    expect(note.body.flags).toBe(EPHEMERAL);
    // Nothing new posted in the channel.
    const posts = fake.calls
      .slice(n)
      .filter((c) => c.method === "POST" && c.path === `/channels/${IDS.channel}/messages`);
    expect(posts).toHaveLength(0);
  });
});
