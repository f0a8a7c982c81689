/**
 * Welcomes on Discord (discord.js against the fake Discord): with the
 * GuildMembers intent, a burst of joins gets one short welcome naming them
 * all, in the server's system channel; without it the intent is not asked
 * for and nothing is sent.
 */
import { GatewayIntentBits } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { DiscordAdapter } from "../../src/adapters/discord/discord.ts";
import { Bot } from "../../src/core/bot.ts";
import { onboarding } from "../../src/core/onboarding/onboarding.ts";
import { text } from "../../src/core/replies.ts";
import { FakeDiscord, IDS } from "../fakes/discord-api.ts";
import { makeServices } from "../helpers/services.ts";

const newcomer = (n: number) => String(800000000000000000n + BigInt(n));

describe("Discord welcomes (discord.js against a fake Discord)", () => {
  let fake: FakeDiscord;
  let adapter: DiscordAdapter;

  async function start(guildMembers: boolean): Promise<void> {
    fake = new FakeDiscord();
    const apiBase = await fake.start();
    const { services } = makeServices();
    const bot: Bot = new Bot(services, [onboarding(() => bot.commandList())], async () => [text("answer")]);
    adapter = new DiscordAdapter({
      token: "TEST.TOKEN.X",
      apiBase,
      bot,
      logger: services.logger,
      guildMembers,
      joinWindowMs: 300,
    });
    await adapter.start();
  }

  afterEach(async () => {
    await adapter.stop();
    await fake.stop();
  });

  const posts = () => fake.of("POST", new RegExp(`^/channels/${IDS.channel}/messages$`));

  it("welcomes 1 join, then 20 at once, in one short message naming them (15, and 6 others)", async () => {
    await start(true);
    expect((fake.intents ?? 0) & GatewayIntentBits.GuildMembers).toBe(GatewayIntentBits.GuildMembers);
    fake.join(newcomer(0), "Newcomer0");
    for (let n = 1; n <= 20; n++) fake.join(newcomer(n), `Newcomer${n}`);
    fake.join(newcomer(99), "SomeBot", true);
    const welcome = await fake.waitFor((c) => c.method === "POST" && c.path === `/channels/${IDS.channel}/messages`);
    await new Promise((r) => setTimeout(r, 500));
    expect(posts()).toHaveLength(1);
    const body = String(welcome.body.content);
    for (let n = 0; n < 15; n++) expect(body).toMatch(new RegExp(`Newcomer${n}[, ]`));
    expect(body).not.toContain("Newcomer15");
    expect(body).toContain("and 6 others");
    expect(body.length).toBeLessThan(500);
    expect(body).not.toContain("SomeBot");
    expect(welcome.body.allowed_mentions).toEqual({ parse: [] });
  });

  it("does not ask for the intent, nor welcome, when it is not enabled", async () => {
    await start(false);
    expect((fake.intents ?? 0) & GatewayIntentBits.GuildMembers).toBe(0);
    fake.join(newcomer(1), "Newcomer1");
    await new Promise((r) => setTimeout(r, 500));
    expect(posts()).toHaveLength(0);
  });
});
