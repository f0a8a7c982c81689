/**
 * Long polling that survives another poller (409: retried with backoff) and stops for good,
 * telling the process to exit non-zero, when the token no longer works.
 */
import { afterEach, describe, expect, it } from "vitest";
import { TelegramAdapter } from "../../src/adapters/telegram/telegram.ts";
import { Bot } from "../../src/core/bot.ts";
import { text } from "../../src/core/replies.ts";
import { FakeTelegramApi } from "../fakes/telegram-api.ts";
import { makeServices } from "../helpers/services.ts";

describe("Telegram long polling", () => {
  let api: FakeTelegramApi | undefined;
  let adapter: TelegramAdapter | undefined;
  afterEach(async () => {
    adapter?.stop();
    await api?.stop();
  });

  const start = async (onFatal?: (e: unknown) => void) => {
    api = new FakeTelegramApi();
    const apiRoot = await api.start();
    const { services, logger } = makeServices();
    const bot = new Bot(services, [], async (_c, q) => [text(`answer: ${q}`)]);
    adapter = new TelegramAdapter({
      token: "123:TEST",
      apiRoot,
      bot,
      logger: services.logger,
      conflictDelayMs: 20,
      ...(onFatal ? { onFatal } : {}),
    });
    return { api, adapter, logger };
  };

  it("retries after a polling conflict and then handles updates", async () => {
    const { api, adapter, logger } = await start();
    api.conflicts = 3;
    await adapter.start();
    api.push({
      message: {
        message_id: 1,
        date: 0,
        chat: { id: 42, type: "private" },
        from: { id: 42, is_bot: false, first_name: "Ada" },
        text: "hello there",
      },
    });
    const sent = await api.waitFor((c) => c.method === "sendMessage");
    expect(sent.body.text).toBe("answer: hello there");
    expect(logger.lines.filter((l) => l.msg.startsWith("telegram polling conflict"))).toHaveLength(3);
  });

  it("reports a polling stop it cannot recover from, so the process exits non-zero", async () => {
    let fatal: unknown;
    const { api, adapter } = await start((e) => {
      fatal = e;
    });
    api.unauthorized = true;
    await adapter.start();
    const deadline = Date.now() + 5_000;
    while (fatal === undefined && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(String(fatal)).toMatch(/401|Unauthorized/);
  });
});
