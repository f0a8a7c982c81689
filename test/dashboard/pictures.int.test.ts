/**
 * A picture reply through the real clients against the fake platforms: telegraf uploads it
 * with sendPhoto (the PNG and its caption), discord.js as an attachment with the text.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DiscordAdapter } from "../../src/adapters/discord/discord.ts";
import { TelegramAdapter } from "../../src/adapters/telegram/telegram.ts";
import { Bot } from "../../src/core/bot.ts";
import type { Feature } from "../../src/core/feature.ts";
import { withPicture } from "../../src/core/pictures.ts";
import { text } from "../../src/core/replies.ts";
import { ChartPictures } from "../../src/pictures/render.ts";
import { FakeDiscord } from "../fakes/discord-api.ts";
import { slash } from "../fakes/discord-payloads.ts";
import { FakeTelegramApi } from "../fakes/telegram-api.ts";
import { makeServices } from "../helpers/services.ts";

/** A bot whose /chart answers with a picture of a poll's result. */
function chartBot(): { bot: Bot; services: ReturnType<typeof makeServices>["services"] } {
  const { services } = makeServices();
  const drawing = { ...services, pictures: new ChartPictures() };
  const chart: Feature = {
    name: "ch",
    commands: [
      {
        name: "chart",
        description: { en: "A chart", "zh-HK": "圖表" },
        run: async () => [
          await withPicture(drawing, text("Poll closed: Stablecoins 3"), {
            title: "Poll closed",
            rows: [{ label: "Stablecoins", value: 3 }],
            filename: "poll.png",
          }),
        ],
      },
    ],
  };
  return { bot: new Bot(services, [chart], async () => []), services };
}

describe("pictures on Telegram (telegraf against a fake Bot API)", () => {
  let api: FakeTelegramApi;
  let adapter: TelegramAdapter;

  beforeEach(async () => {
    api = new FakeTelegramApi();
    const apiRoot = await api.start();
    const { bot, services } = chartBot();
    adapter = new TelegramAdapter({ token: "123:TEST", apiRoot, bot, logger: services.logger });
    await adapter.start();
  });

  afterEach(async () => {
    try {
      adapter.stop();
    } catch {
      // not polling yet
    }
    await api.stop();
  });

  it("uploads the PNG with sendPhoto, its text as the caption", async () => {
    api.message({ id: 42, first_name: "Ada", language_code: "en" }, { id: 42, type: "private" }, "/chart");
    const photo = await api.waitFor((c) => c.method === "sendPhoto", 0);
    const raw = String(photo.body.raw);
    expect(raw).toContain('filename="poll.png"');
    expect(raw).toContain("PNG");
    expect(raw).toContain("Poll closed: Stablecoins 3");
    expect(api.calls.filter((c) => c.method === "sendMessage")).toHaveLength(0);
  });
});

describe("pictures on Discord (discord.js against a fake Discord)", () => {
  const fake = new FakeDiscord();
  let adapter: DiscordAdapter;

  beforeAll(async () => {
    const apiBase = await fake.start();
    const { bot, services } = chartBot();
    adapter = new DiscordAdapter({ token: "TEST.TOKEN.X", apiBase, bot, logger: services.logger });
    await adapter.start();
  });

  afterAll(async () => {
    await adapter.stop();
    await fake.stop();
  });

  it("sends the PNG as an attachment with the text", async () => {
    const i = slash(fake, { id: "600000000000000043", name: "Ben" }, "dm", "chart");
    fake.dispatch("INTERACTION_CREATE", i);
    const c = await fake.waitFor((call) => call.method === "POST" && call.path.startsWith(`/interactions/${i.id}/`));
    expect(c.raw).toContain('filename="poll.png"');
    expect(c.raw).toContain("PNG");
    expect(JSON.stringify(c.body)).toContain("Poll closed: Stablecoins 3");
  });
});
