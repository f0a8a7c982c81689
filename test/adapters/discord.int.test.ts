/**
 * The Discord adapter through the real discord.js client against a fake
 * Discord on 127.0.0.1 (REST + WebSocket gateway): slash command registration,
 * commands, buttons, select menus, modals, ephemeral replies, DMs, mentions,
 * native polls whose votes reach the core as whole ballots, files, deferral,
 * notices, and that no payload can ever ping anyone.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiscordAdapter } from "../../src/adapters/discord/discord.ts";
import { Bot } from "../../src/core/bot.ts";
import type { Feature } from "../../src/core/feature.ts";
import { organiserPolicy } from "../../src/core/policy.ts";
import { actionId, button, type Reply, text } from "../../src/core/replies.ts";
import { FakeDiscord, IDS, type RestCall } from "../fakes/discord-api.ts";
import { type Actor, message, modalSubmit, press, select, slash, vote } from "../fakes/discord-payloads.ts";
import { makeServices } from "../helpers/services.ts";

const ADA: Actor = { id: "600000000000000042", name: "Ada", roles: [IDS.organiserRole], locale: "zh-TW" };
const BEN: Actor = { id: "600000000000000043", name: "Ben" };
const DISTRICTS = Array.from({ length: 18 }, (_, n) => `d${n}`);

interface Seen {
  votes: string[];
  gate: { open?: () => void };
}

const field = (name: string) => ({ name, label: `Label ${name}`, kind: "text" as const, required: true });

/** A feature exercising every reply kind. */
function demo(seen: Seen): Feature {
  const cmd = (name: string, run: (args: string) => Promise<Reply[]>) => ({
    name,
    description: { en: `Demo ${name}`, "zh-HK": `示範 ${name}` },
    run: async (_c: unknown, args: string) => run(args),
  });
  return {
    name: "demo",
    commands: [
      cmd("echo", async (a) => [text(a, { buttons: [button(actionId("demo", "ok"), "OK", "primary")] })]),
      {
        name: "boss",
        description: { en: "Organisers only", "zh-HK": "只限籌辦人" },
        organiserOnly: true,
        run: async (ctx) => [text(`hello organiser ${ctx.member.displayName} (${ctx.lang})`)],
      },
      cmd("secret", async () => [text("phone 9123 4567", { private: true })]),
      cmd("pick", async () => [
        { type: "choice", prompt: "District?", choices: DISTRICTS.map((d) => button(actionId("demo", "d", d), d)) },
      ]),
      cmd("card", async () => [
        {
          type: "card",
          title: "Townhall *1*",
          body: "Agenda",
          fields: [{ label: "When", value: "Friday" }],
          sources: [{ title: "FAQ", path: "faq.md", section: "Dates" }],
        },
      ]),
      cmd("poll", async () => [
        {
          type: "poll",
          pollId: "demo:P1",
          question: "Which?",
          options: ["A", "B", "C"],
          allowMultiple: true,
          durationHours: 24,
          fallbackText: "",
        },
      ]),
      cmd("file", async () => [
        { type: "file", filename: "agenda.csv", mimeType: "text/csv", content: "rank,title\n1,Stablecoins\n" },
      ]),
      cmd("form", async () => [
        {
          type: "form",
          formId: "demo:F1",
          title: "Offer",
          fields: [field("org"), field("qty")],
          fallbackText: "One at a time",
        },
        text("First: organisation?", { private: true }),
      ]),
      cmd("bigform", async () => [
        {
          type: "form",
          formId: "demo:F2",
          title: "Big",
          fields: ["a", "b", "c", "d", "e", "f"].map(field),
          fallbackText: "Step by step",
        },
      ]),
      cmd("slow", async () => {
        await new Promise<void>((resolve) => {
          seen.gate.open = resolve;
        });
        return [text("done slowly")];
      }),
    ],
    async onAction(_ctx, args) {
      if (args[0] === "quiet") return [];
      return [text(`pressed ${args.join(",")}`)];
    },
    async onForm(ctx, formId, values) {
      return [text(`form ${formId} ${JSON.stringify(values)} ${ctx.member.id}`)];
    },
    async onPollVote(member, pollId, options) {
      seen.votes.push(`${member.id}@${pollId}=${options.join(",")}`);
    },
  };
}

describe("Discord adapter (discord.js against a fake Discord)", () => {
  const fake = new FakeDiscord();
  const seen: Seen = { votes: [], gate: {} };
  let adapter: DiscordAdapter;
  let bot: Bot;
  let logs: { lines: { level: string; msg: string; data?: Record<string, unknown> }[] };

  beforeAll(async () => {
    const api = await fake.start();
    const made = makeServices();
    logs = made.logger;
    // The real organiser policy: Discord members with the organiser role are organisers.
    const policy = organiserPolicy({
      consoleOrganiser: false,
      telegramIds: [],
      discordIds: [],
      discordRoleIds: [IDS.organiserRole],
    });
    const services = { ...made.services, policy };
    bot = new Bot(services, [demo(seen)], async (ctx, q) => [
      text(`answer: ${q} (${ctx.member.id} ${ctx.chat.type} ${(ctx.member.roles ?? []).join(",")})`),
    ]);
    adapter = new DiscordAdapter({
      token: "TEST.TOKEN.X",
      apiBase: api,
      organiserChannelId: IDS.organiserChannel,
      bot,
      logger: services.logger,
    });
    await adapter.start();
  });

  afterAll(async () => {
    await adapter.stop();
    await fake.stop();
  });

  const callback = (id: string) => (c: RestCall) => c.method === "POST" && c.path.startsWith(`/interactions/${id}/`);
  const data = (c: RestCall) => (c.body.data ?? {}) as Record<string, unknown>;

  it("registers every command as a global slash command with a zh-TW description and a text option", async () => {
    const put = await fake.waitFor((c) => c.method === "PUT" && c.path === `/applications/${IDS.app}/commands`);
    const cmds = put.body as unknown as Record<string, unknown>[];
    expect(cmds.map((c) => c.name)).toEqual(expect.arrayContaining(["echo", "poll", "form", "cancel"]));
    const echo = cmds.find((c) => c.name === "echo");
    expect(echo?.description).toBe("Demo echo");
    expect(echo?.description_localizations).toEqual({ "zh-TW": "示範 echo" });
    expect(echo?.options).toEqual([expect.objectContaining({ name: "text", type: 3, required: false })]);
    // Organisers' commands are hidden from members by default (Manage Server); members' are not.
    expect(cmds.find((c) => c.name === "boss")?.default_member_permissions).toBe("32");
    expect(echo?.default_member_permissions ?? null).toBeNull();
  });

  it("ends a native poll the core has closed (expire on its channel and message)", async () => {
    await adapter.delivery().closePoll?.({
      platform: "discord",
      nativePollId: "123456789012345678",
      chatId: IDS.channel,
      messageId: "123456789012345678",
    });
    const call = await fake.waitFor((c) => c.method === "POST" && c.path.endsWith("/expire"));
    expect(call.path).toBe(`/channels/${IDS.channel}/polls/123456789012345678/expire`);
  });

  it("answers a slash command with escaped text, buttons, the member's roles, and no mentions", async () => {
    const i = slash(fake, ADA, "guild", "echo", "*hi* @everyone <@&1>\n# big");
    fake.dispatch("INTERACTION_CREATE", i);
    const c = await fake.waitFor(callback(i.id));
    expect(c.body.type).toBe(4);
    expect(data(c).content).toBe("\\*hi\\* @everyone <@&1>\n\\# big");
    expect(data(c).allowed_mentions).toEqual({ parse: [] });
    const row = (data(c).components as { components: { custom_id: string; style: number }[] }[])[0];
    expect(row?.components[0]).toMatchObject({ custom_id: "demo:ok", style: 1 });
  });

  it("passes the Discord member, roles, locale and chat to the core for mentions, ignores other chatter", async () => {
    const n = fake.calls.length;
    fake.dispatch("MESSAGE_CREATE", message(fake, ADA, "guild", "just chatting"));
    const mention = message(fake, ADA, "guild", `<@${IDS.bot}> what is QMAS?`);
    fake.dispatch("MESSAGE_CREATE", mention);
    const sent = await fake.waitFor((c) => c.method === "POST" && c.path === `/channels/${IDS.channel}/messages`, n);
    expect(sent.body.content).toBe(`answer: what is QMAS? (discord:${ADA.id} group ${IDS.organiserRole})`);
    // Answered as a reply to the mention, without pinging its author.
    expect(sent.body.message_reference).toMatchObject({ message_id: mention.id, fail_if_not_exists: false });
    expect(sent.body.allowed_mentions).toEqual({ parse: [] });
    expect(fake.calls.slice(n).filter((c) => c.path.endsWith("/messages"))).toHaveLength(1);
  });

  it("answers any DM message in the DM channel", async () => {
    const n = fake.calls.length;
    fake.dispatch("MESSAGE_CREATE", message(fake, BEN, "dm", "hello there"));
    const sent = await fake.waitFor((c) => c.method === "POST" && c.path === `/channels/9${BEN.id}/messages`, n);
    expect(sent.body.content).toBe(`answer: hello there (discord:${BEN.id} private )`);
    expect(sent.body.allowed_mentions).toEqual({ parse: [] });
  });

  it("routes a button press to the core and acknowledges it", async () => {
    const i = press(fake, BEN, "guild", "demo:ok");
    fake.dispatch("INTERACTION_CREATE", i);
    const c = await fake.waitFor(callback(i.id));
    expect(c.body.type).toBe(4);
    expect(data(c).content).toBe("pressed ok");
  });

  it("acknowledges a button press that has nothing to say without a message", async () => {
    const i = press(fake, BEN, "guild", "demo:quiet");
    fake.dispatch("INTERACTION_CREATE", i);
    const c = await fake.waitFor(callback(i.id));
    expect(c.body.type).toBe(6);
  });

  it("shows many choices as a select menu whose choice reaches the core", async () => {
    const i = slash(fake, BEN, "guild", "pick");
    fake.dispatch("INTERACTION_CREATE", i);
    const c = await fake.waitFor(callback(i.id));
    const menu = (data(c).components as { components: { type: number; custom_id: string; options: unknown[] }[] }[])[0]
      ?.components[0];
    expect(menu?.type).toBe(3);
    expect(menu?.options).toHaveLength(18);
    const s = select(fake, BEN, "guild", menu?.custom_id ?? "", ["demo:d:d17"]);
    fake.dispatch("INTERACTION_CREATE", s);
    const answered = await fake.waitFor(callback(s.id));
    expect(data(answered).content).toBe("pressed d,d17");
  });

  it("opens a form as a modal and turns its submission into a form event", async () => {
    const n = fake.calls.length;
    const i = slash(fake, BEN, "dm", "form");
    fake.dispatch("INTERACTION_CREATE", i);
    const c = await fake.waitFor(callback(i.id));
    expect(c.body.type).toBe(9);
    expect(data(c).custom_id).toBe("demo:F1");
    expect(
      (data(c).components as { type: number; component: { custom_id: string } }[]).map((x) => x.component.custom_id),
    ).toEqual(["org", "qty"]);
    // The step-by-step question still reaches the member, in the DM.
    const q = await fake.waitFor((x) => x.method === "POST" && x.path === `/channels/9${BEN.id}/messages`, n);
    expect(q.body.content).toBe("First: organisation?");
    const s = modalSubmit(fake, BEN, "dm", "demo:F1", { org: "Acme", qty: "3" });
    fake.dispatch("INTERACTION_CREATE", s);
    const answered = await fake.waitFor(callback(s.id));
    expect(data(answered).content).toBe(`form demo:F1 {"org":"Acme","qty":"3"} discord:${BEN.id}`);
  });

  it("falls back to the step-by-step text when a form has more than five fields", async () => {
    const i = slash(fake, BEN, "dm", "bigform");
    fake.dispatch("INTERACTION_CREATE", i);
    const c = await fake.waitFor(callback(i.id));
    expect(c.body.type).toBe(4);
    expect(data(c).content).toBe("Step by step");
  });

  it("makes private replies ephemeral in interactions and DMs them for server messages", async () => {
    const i = slash(fake, BEN, "guild", "secret");
    fake.dispatch("INTERACTION_CREATE", i);
    const c = await fake.waitFor(callback(i.id));
    expect(data(c)).toMatchObject({ content: "phone 9123 4567", flags: 64 });

    const n = fake.calls.length;
    fake.dispatch("MESSAGE_CREATE", message(fake, BEN, "guild", `<@${IDS.bot}> /secret`));
    const dm = await fake.waitFor((x) => x.method === "POST" && x.path === `/channels/9${BEN.id}/messages`, n);
    expect(dm.body.content).toBe("phone 9123 4567");
    const note = await fake.waitFor((x) => x.path === `/channels/${IDS.channel}/messages`, n);
    expect(String(note.body.content)).toMatch(/privately/);

    fake.closedDms.add(BEN.id);
    const m = fake.calls.length;
    fake.dispatch("MESSAGE_CREATE", message(fake, BEN, "guild", `<@${IDS.bot}> /secret`));
    const told = await fake.waitFor((x) => x.path === `/channels/${IDS.channel}/messages`, m);
    expect(String(told.body.content)).toMatch(/DMs are closed/);
    expect(
      fake.calls.slice(m).some((x) => x.path === `/channels/${IDS.channel}/messages` && x.raw.includes("9123")),
    ).toBe(false);
    fake.closedDms.delete(BEN.id);
  });

  it("posts a native poll and passes each member's whole selection to the core", async () => {
    const n = fake.calls.length;
    const i = slash(fake, ADA, "guild", "poll");
    fake.dispatch("INTERACTION_CREATE", i);
    const posted = await fake.waitFor((c) => c.method === "POST" && c.path === `/channels/${IDS.channel}/messages`, n);
    expect(posted.body.poll).toMatchObject({
      question: { text: "Which?" },
      answers: [{ poll_media: { text: "A" } }, { poll_media: { text: "B" } }, { poll_media: { text: "C" } }],
      duration: 24,
      allow_multiselect: true,
    });
    const ack = await fake.waitFor(callback(i.id));
    expect(data(ack).flags).toBe(64);
    // The poll message id is the one the fake gave; pollPosted ran before the acknowledgement.
    const msgId = fake.lastMessageId(IDS.channel);
    fake.dispatch("MESSAGE_POLL_VOTE_ADD", vote(BEN, msgId, 2));
    fake.dispatch("MESSAGE_POLL_VOTE_ADD", vote(BEN, msgId, 3));
    fake.dispatch("MESSAGE_POLL_VOTE_ADD", vote(ADA, msgId, 1));
    fake.dispatch("MESSAGE_POLL_VOTE_REMOVE", vote(BEN, msgId, 2));
    fake.dispatch("MESSAGE_POLL_VOTE_REMOVE", vote(BEN, msgId, 3));
    fake.dispatch("MESSAGE_POLL_VOTE_ADD", vote(BEN, "999", 1));
    await until(() => seen.votes.length >= 5);
    const ben = `discord:${BEN.id}@demo:P1`;
    expect(seen.votes.filter((v) => v.startsWith(ben))).toEqual([`${ben}=1`, `${ben}=1,2`, `${ben}=2`, `${ben}=`]);
    expect(seen.votes).toContain(`discord:${ADA.id}@demo:P1=0`);
  });

  it("passes votes in a poll posted before a restart (message not cached) to the core", async () => {
    await bot.pollPosted("demo:P2", "discord", "700000000000000001");
    const before = seen.votes.length;
    fake.dispatch("MESSAGE_POLL_VOTE_ADD", vote(ADA, "700000000000000001", 2));
    await until(() => seen.votes.length > before);
    expect(seen.votes.at(-1)).toBe(`discord:${ADA.id}@demo:P2=1`);
  });

  it("sends files as attachments", async () => {
    const i = slash(fake, BEN, "dm", "file");
    fake.dispatch("INTERACTION_CREATE", i);
    const c = await fake.waitFor(callback(i.id));
    expect(c.raw).toContain('filename="agenda.csv"');
    expect(c.raw).toContain("1,Stablecoins");
    expect(data(c).allowed_mentions).toEqual({ parse: [] });
  });

  it("renders cards as embeds", async () => {
    const i = slash(fake, BEN, "guild", "card");
    fake.dispatch("INTERACTION_CREATE", i);
    const c = await fake.waitFor(callback(i.id));
    expect(data(c).embeds).toEqual([
      {
        title: "Townhall \\*1\\*",
        description: "Agenda",
        fields: [{ name: "When", value: "Friday", inline: true }],
        footer: { text: "FAQ › Dates" },
      },
    ]);
  });

  it("defers a slow answer and then edits the deferred reply", async () => {
    const i = slash(fake, BEN, "guild", "slow");
    fake.dispatch("INTERACTION_CREATE", i);
    const c = await fake.waitFor(callback(i.id));
    expect(c.body.type).toBe(5);
    seen.gate.open?.();
    const edit = await fake.waitFor((x) => x.method === "PATCH" && x.path.endsWith(`/tok-${i.id}/messages/@original`));
    expect(edit.body.content).toBe("done slowly");
  });

  it("delivers notices to a member by DM and to the organiser channel", async () => {
    const n = fake.calls.length;
    await adapter.delivery().toMember(BEN.id, [text("Your offer was accepted")]);
    await adapter.delivery().toOrganisers([text("New offer DON-1 @everyone")]);
    const sent = fake.calls.slice(n).filter((c) => c.method === "POST" && c.path.endsWith("/messages"));
    expect(sent.map((c) => [c.path, c.body.content, c.body.allowed_mentions])).toEqual([
      [`/channels/9${BEN.id}/messages`, "Your offer was accepted", { parse: [] }],
      [`/channels/${IDS.organiserChannel}/messages`, "New offer DON-1 @everyone", { parse: [] }],
    ]);
  });

  it("logged no failure while doing all this", () => {
    expect(logs.lines.filter((l) => l.level === "error" || l.level === "warn")).toEqual([]);
  });

  it("lets the organiser policy use Discord roles and the interaction locale", async () => {
    const a = slash(fake, ADA, "guild", "boss");
    const b = slash(fake, BEN, "guild", "boss");
    fake.dispatch("INTERACTION_CREATE", a);
    fake.dispatch("INTERACTION_CREATE", b);
    expect(data(await fake.waitFor(callback(a.id))).content).toBe("hello organiser Ada (zh-HK)");
    expect(data(await fake.waitFor(callback(b.id))).content).toMatch(/^Only organisers can use \/boss/);
  });

  it("handles an interaction delivered twice once, and still acknowledges the second", async () => {
    const i = slash(fake, BEN, "dm", "echo", "once");
    fake.dispatch("INTERACTION_CREATE", i);
    const first = await fake.waitFor(callback(i.id));
    const n = fake.calls.indexOf(first) + 1;
    fake.dispatch("INTERACTION_CREATE", i);
    const second = await fake.waitFor(callback(i.id), n);
    expect(second.body).toEqual({ type: 5, data: { flags: 64 } });
    await fake.waitFor((c) => c.method === "DELETE" && c.path.includes(`/tok-${i.id}/`), n);
    expect(data(first).content).toBe("once");
  });

  it("logs a refusal by Discord with its code and tells the member", async () => {
    const i = slash(fake, BEN, "guild", "echo", "hi");
    fake.refuse.push(new RegExp(`^/interactions/${i.id}/`));
    fake.dispatch("INTERACTION_CREATE", i);
    const retry = await fake.waitFor((c) => callback(i.id)(c) && c !== fake.calls.find(callback(i.id)));
    expect(data(retry)).toMatchObject({ flags: 64, allowed_mentions: { parse: [] } });
    expect(String(data(retry).content)).toMatch(/couldn't send/);
    expect(logs.lines.find((l) => l.level === "error")).toMatchObject({
      msg: "discord interaction failed",
      data: { failure: "refused", status: 400, code: 50035 },
    });
    logs.lines.length = 0;
  });

  it("never sent a message that could ping anyone", () => {
    const bodies = fake.calls
      .filter((c) => c.method !== "GET" && c.method !== "PUT" && c.method !== "DELETE")
      .map((c) => (c.path.includes("/callback") ? data(c) : c.body))
      .filter((b) => "content" in b || "embeds" in b || "poll" in b);
    expect(bodies.length).toBeGreaterThan(10);
    for (const b of bodies) expect(b.allowed_mentions).toEqual({ parse: [] });
  });
});

async function until(cond: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error("condition not reached");
    await new Promise((r) => setTimeout(r, 20));
  }
}
