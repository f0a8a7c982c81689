/**
 * /healthz asks each platform's adapter whether its platform is reachable: Telegram (telegraf
 * against the fake Bot API: recent calls, else getMe) and Discord (discord.js against the fake
 * Discord: the gateway's state). Stopping a fake makes /healthz answer 503 naming that platform.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiscordAdapter } from "../../src/adapters/discord/discord.ts";
import { TelegramAdapter } from "../../src/adapters/telegram/telegram.ts";
import { Bot } from "../../src/core/bot.ts";
import { text } from "../../src/core/replies.ts";
import { FakeDiscord } from "../fakes/discord-api.ts";
import { FakeTelegramApi } from "../fakes/telegram-api.ts";
import { makeServices } from "../helpers/services.ts";
import { harness } from "./harness.ts";

describe("/healthz with the platforms' reachability (real clients against the fakes)", () => {
  const telegramApi = new FakeTelegramApi();
  const discordApi = new FakeDiscord();
  let telegram: TelegramAdapter;
  let discord: DiscordAdapter;
  let h: ReturnType<typeof harness>;

  beforeAll(async () => {
    const { services } = makeServices();
    const bot = new Bot(services, [], async () => [text("answer")]);
    telegram = new TelegramAdapter({
      token: "123:TEST",
      apiRoot: await telegramApi.start(),
      bot,
      logger: services.logger,
    });
    discord = new DiscordAdapter({
      token: "TEST.TOKEN.X",
      apiBase: await discordApi.start(),
      bot,
      logger: services.logger,
    });
    await telegram.start();
    await discord.start();
    h = harness({ platformHealth: () => [telegram.health(), discord.health()] });
  });

  afterAll(async () => {
    telegram.stop();
    await discord.stop();
  });

  const healthz = async () => {
    const res = await h.app.request("/healthz");
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  /** Asks /healthz until it answers `status` (a dropped connection is noticed within a moment). */
  const until = async (status: number) => {
    const end = Date.now() + 10_000;
    for (;;) {
      const r = await healthz();
      if (r.status === status || Date.now() > end) return r;
      await new Promise((done) => setTimeout(done, 100));
    }
  };

  it("answers 200 while both platforms answer, then 503 naming the one that stopped", async () => {
    const up = await until(200);
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ status: "ok", reachable: { telegram: "ok", discord: "ok" } });
    expect(up.body.down).toBeUndefined();

    await telegramApi.stop();
    const noTelegram = await until(503);
    expect(noTelegram.status).toBe(503);
    expect(noTelegram.body).toMatchObject({ status: "degraded", store: "ok", down: ["telegram"] });
    const reachable = noTelegram.body.reachable as Record<string, string>;
    expect(reachable.telegram).toMatch(/^unreachable/);
    expect(reachable.discord).toBe("ok");

    await discordApi.stop();
    const end = Date.now() + 10_000;
    let both = await healthz();
    while ((both.body.down as string[]).length < 2 && Date.now() < end) {
      await new Promise((done) => setTimeout(done, 100));
      both = await healthz();
    }
    expect(both.status).toBe(503);
    expect(both.body.down).toEqual(["telegram", "discord"]);
    expect((both.body.reachable as Record<string, string>).discord).toMatch(/^unreachable: gateway/);
  });
});
