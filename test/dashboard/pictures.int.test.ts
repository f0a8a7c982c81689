/**
 * A picture reply through the real telegraf client against the fake Bot API: uploaded with
 * sendPhoto as multipart (the PNG and its caption), in answer to a command.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TelegramAdapter } from "../../src/adapters/telegram/telegram.ts";
import { Bot } from "../../src/core/bot.ts";
import type { Feature } from "../../src/core/feature.ts";
import { withPicture } from "../../src/core/pictures.ts";
import { text } from "../../src/core/replies.ts";
import { ChartPictures } from "../../src/pictures/render.ts";
import { FakeTelegramApi } from "../fakes/telegram-api.ts";
import { makeServices } from "../helpers/services.ts";

describe("pictures on Telegram (telegraf against a fake Bot API)", () => {
  let api: FakeTelegramApi;
  let adapter: TelegramAdapter;

  beforeEach(async () => {
    api = new FakeTelegramApi();
    const apiRoot = await api.start();
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
    const bot = new Bot(services, [chart], async () => []);
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
