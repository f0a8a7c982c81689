/**
 * Discord slash commands derived from the core's command specs (discord.js
 * against the fake Discord): typed options from the usage, subcommands for
 * verbs, zh-TW descriptions, typed options and subcommands back into the
 * core's args, and a modal for a command with several free-text parts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { argsOf, slashShape } from "../../src/adapters/discord/commands.ts";
import { DiscordAdapter } from "../../src/adapters/discord/discord.ts";
import { Bot } from "../../src/core/bot.ts";
import type { CommandSpec } from "../../src/core/feature.ts";
import { text } from "../../src/core/replies.ts";
import { FakeDiscord, type RestCall } from "../fakes/discord-api.ts";
import { type Actor, modalSubmit, slash, slashWith } from "../fakes/discord-payloads.ts";
import { makeServices } from "../helpers/services.ts";

const ADA: Actor = { id: "600000000000000052", name: "Ada" };

/** Commands with the core's real usages; each echoes what it was given. */
const echo = (name: string, usage: string, extra: Partial<CommandSpec> = {}): CommandSpec => ({
  name,
  usage,
  description: { en: `Do ${name}`, "zh-HK": `執行 ${name}` },
  run: async (_ctx, args) => [text(`${name}(${args})`)],
  ...extra,
});

const COMMANDS: CommandSpec[] = [
  echo("propose", "propose <title> | <details>"),
  echo("agenda", "agenda [topic id]"),
  echo("offerstatus", "offerstatus <ref> <status> [note]", { organiserOnly: true }),
  echo("townhall", "townhall open|close|list|review|approve|reject|merge|poll|results|export|moderation", {
    organiserOnly: true,
  }),
];

describe("Discord slash commands from the core's specs (discord.js against a fake Discord)", () => {
  const fake = new FakeDiscord();
  let adapter: DiscordAdapter;

  beforeAll(async () => {
    const apiBase = await fake.start();
    const { services } = makeServices({ organisers: [`discord:${ADA.id}`] });
    const bot = new Bot(services, [{ name: "demo", commands: COMMANDS }], async () => []);
    adapter = new DiscordAdapter({ token: "TEST.TOKEN.X", apiBase, bot, logger: services.logger });
    await adapter.start();
  });

  afterAll(async () => {
    await adapter.stop();
    await fake.stop();
  });

  const answerTo = (id: string) => (c: RestCall) => c.method === "POST" && c.path.startsWith(`/interactions/${id}/`);
  const content = (c: RestCall) => (c.body.data as { content?: string }).content;
  type Registered = {
    name: string;
    description_localizations?: Record<string, string>;
    default_member_permissions?: string | null;
    options?: { name: string; type: number; required?: boolean; options?: { name: string }[] }[];
  };
  const registered = async () => {
    const put = await fake.waitFor((c) => c.method === "PUT" && c.path.endsWith("/commands"));
    return put.body as unknown as Registered[];
  };

  it("registers typed options, required first, and subcommands for verbs, with zh-TW descriptions", async () => {
    const cmds = await registered();
    const by = (n: string) => cmds.find((c) => c.name === n);
    expect(by("agenda")?.options).toEqual([expect.objectContaining({ name: "topic_id", type: 3, required: false })]);
    expect(by("offerstatus")?.options?.map((o) => [o.name, o.required])).toEqual([
      ["ref", true],
      ["status", true],
      ["note", false],
    ]);
    // A modal asks for what is missing, so nothing is required up front.
    expect(by("propose")?.options?.map((o) => [o.name, o.required])).toEqual([
      ["title", false],
      ["details", false],
    ]);
    const townhall = by("townhall");
    expect(townhall?.options?.map((o) => o.name)).toEqual([
      "open",
      "close",
      "list",
      "review",
      "approve",
      "reject",
      "merge",
      "poll",
      "results",
      "export",
      "moderation",
    ]);
    expect(townhall?.options?.every((o) => o.type === 1 && o.options?.[0]?.name === "details")).toBe(true);
    expect(townhall?.default_member_permissions).toBe("32");
    expect(townhall?.description_localizations).toEqual({ "zh-TW": "執行 townhall" });
    for (const c of cmds) {
      expect(c.name).toMatch(/^[a-z0-9_-]{1,32}$/);
      for (const o of c.options ?? []) expect(o.name).toMatch(/^[a-z0-9_-]{1,32}$/);
    }
  });

  it("gives the core typed options in the usage's order, with a subcommand as the first word", async () => {
    const typed = slashWith(fake, ADA, "guild", "offerstatus", { note: "picked up", status: "collected", ref: "D-7" });
    fake.dispatch("INTERACTION_CREATE", typed);
    expect(content(await fake.waitFor(answerTo(typed.id)))).toBe("offerstatus(D-7 collected picked up)");

    const sub = slashWith(fake, ADA, "guild", "townhall", { details: "2027 Q1 | 2027-03-15" }, "open");
    fake.dispatch("INTERACTION_CREATE", sub);
    expect(content(await fake.waitFor(answerTo(sub.id)))).toBe("townhall(open 2027 Q1 | 2027-03-15)");

    const bare = slashWith(fake, ADA, "guild", "townhall", {}, "review");
    fake.dispatch("INTERACTION_CREATE", bare);
    expect(content(await fake.waitFor(answerTo(bare.id)))).toBe("townhall(review)");
  });

  it("asks a command's free-text parts in a modal and runs the command with them", async () => {
    const i = slash(fake, ADA, "guild", "propose");
    fake.dispatch("INTERACTION_CREATE", i);
    const shown = await fake.waitFor(answerTo(i.id));
    expect(shown.body.type).toBe(9);
    const modal = shown.body.data as { custom_id: string; components: { component: { custom_id: string } }[] };
    expect(modal.custom_id).toBe("/propose");
    expect(modal.components.map((c) => c.component.custom_id)).toEqual(["title", "details"]);

    const s = modalSubmit(fake, ADA, "guild", "/propose", {
      title: "Stablecoins",
      details: "What should issuers need?",
    });
    fake.dispatch("INTERACTION_CREATE", s);
    expect(content(await fake.waitFor(answerTo(s.id)))).toBe("propose(Stablecoins | What should issuers need?)");

    // A part missing: the modal asks for it, with the given part filled in.
    const half = slashWith(fake, ADA, "guild", "propose", { title: "Custody" });
    fake.dispatch("INTERACTION_CREATE", half);
    const asked = await fake.waitFor(answerTo(half.id));
    expect(asked.body.type).toBe(9);
    const inputs = (asked.body.data as { components: { component: { custom_id: string; value?: string } }[] })
      .components;
    expect(inputs.map((c) => [c.component.custom_id, c.component.value])).toEqual([
      ["title", "Custody"],
      ["details", undefined],
    ]);

    // Given as options, the command runs at once.
    const typed = slashWith(fake, ADA, "guild", "propose", { title: "Tax", details: "Why?" });
    fake.dispatch("INTERACTION_CREATE", typed);
    expect(content(await fake.waitFor(answerTo(typed.id)))).toBe("propose(Tax | Why?)");
  });
});

describe("slash shapes", () => {
  it("reads the core's usages", () => {
    expect(slashShape({ name: "donate", usage: "donate [what you offer]" }).params).toEqual([
      { name: "what_you_offer", label: "what you offer", required: false, before: " " },
    ]);
    expect(slashShape({ name: "cancel" })).toEqual({ name: "cancel", verbs: [], params: [], modal: false });
    const propose = slashShape({ name: "propose", usage: "propose <title> | <details>" });
    expect(propose.modal).toBe(true);
    expect(argsOf(propose, null, { title: "T" })).toBe("T");
    expect(argsOf(propose, null, { details: "D", title: "T" })).toBe("T | D");
    expect(argsOf(slashShape({ name: "echo" }), null, { text: " hi " })).toBe("hi");
    // A command still registered with its old `text` option.
    expect(argsOf(propose, null, { text: "T | D" })).toBe("T | D");
  });
});
