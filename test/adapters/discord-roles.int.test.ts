/**
 * Organisers by role are organisers in DMs too (discord.js against the fake
 * Discord): Discord sends no roles with DM events, so the adapter reads the
 * member's roles from the server, with the real organiser policy.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiscordAdapter } from "../../src/adapters/discord/discord.ts";
import { Bot } from "../../src/core/bot.ts";
import { organiserPolicy } from "../../src/core/policy.ts";
import { text } from "../../src/core/replies.ts";
import { FakeDiscord, IDS, type RestCall } from "../fakes/discord-api.ts";
import { type Actor, message, slash } from "../fakes/discord-payloads.ts";
import { makeServices } from "../helpers/services.ts";

const OLIVIA: Actor = { id: "600000000000000081", name: "Olivia" };
const EVE: Actor = { id: "600000000000000082", name: "Eve" };

describe("Discord organisers by role in DMs (discord.js against a fake Discord)", () => {
  const fake = new FakeDiscord();
  let adapter: DiscordAdapter;

  beforeAll(async () => {
    const apiBase = await fake.start();
    fake.memberRoles.set(OLIVIA.id, [IDS.organiserRole]);
    fake.memberRoles.set(EVE.id, []);
    const made = makeServices();
    const policy = organiserPolicy({
      consoleOrganiser: false,
      telegramIds: [],
      discordIds: [],
      discordRoleIds: [IDS.organiserRole],
    });
    const services = { ...made.services, policy };
    const boss = {
      name: "boss",
      description: { en: "Organisers only", "zh-HK": "只限籌辦人" },
      organiserOnly: true,
      run: async () => [text("hello organiser")],
    };
    const bot = new Bot(services, [{ name: "demo", commands: [boss] }], async (ctx) => [
      text(`organiser: ${ctx.isOrganiser}`),
    ]);
    adapter = new DiscordAdapter({
      token: "TEST.TOKEN.X",
      apiBase,
      bot,
      logger: services.logger,
      organiserRoles: true,
    });
    await adapter.start();
  });

  afterAll(async () => {
    await adapter.stop();
    await fake.stop();
  });

  const answerTo = (id: string) => (c: RestCall) => c.method === "POST" && c.path.startsWith(`/interactions/${id}/`);
  const content = (c: RestCall) => (c.body.data as { content?: string }).content;

  it("recognises an organiser by role in a DM slash command, and refuses a member", async () => {
    const mine = slash(fake, OLIVIA, "dm", "boss");
    fake.dispatch("INTERACTION_CREATE", mine);
    expect(content(await fake.waitFor(answerTo(mine.id)))).toBe("hello organiser");
    expect(fake.calls.some((c) => c.path === `/guilds/${IDS.guild}/members/${OLIVIA.id}`)).toBe(true);

    const eve = slash(fake, EVE, "dm", "boss");
    fake.dispatch("INTERACTION_CREATE", eve);
    expect(content(await fake.waitFor(answerTo(eve.id)))).toContain("Only organisers");
  });

  it("recognises an organiser by role in a DM message; a stranger to the server is a member", async () => {
    const n = fake.calls.length;
    fake.dispatch("MESSAGE_CREATE", message(fake, OLIVIA, "dm", "hello"));
    const sent = await fake.waitFor((c) => c.method === "POST" && c.path === `/channels/9${OLIVIA.id}/messages`, n);
    expect(sent.body.content).toBe("organiser: true");
    const stranger: Actor = { id: "600000000000000083", name: "Sam" };
    fake.dispatch("MESSAGE_CREATE", message(fake, stranger, "dm", "hello"));
    const told = await fake.waitFor((c) => c.method === "POST" && c.path === `/channels/9${stranger.id}/messages`, n);
    expect(told.body.content).toBe("organiser: false");
  });
});
