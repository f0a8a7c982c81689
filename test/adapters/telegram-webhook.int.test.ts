/**
 * Two bot instances behind one Telegram webhook, sharing one store: a
 * delivery retried to the other instance is handled once, and requests
 * without the secret token are refused.
 */
import { afterEach, describe, expect, it } from "vitest";
import { TelegramAdapter } from "../../src/adapters/telegram/telegram.ts";
import { Bot } from "../../src/core/bot.ts";
import { text } from "../../src/core/replies.ts";
import { MemoryStore } from "../../src/storage/memory.ts";
import { FakeTelegramApi } from "../fakes/telegram-api.ts";
import { makeServices } from "../helpers/services.ts";

const PATH = "/tg-hook";
const SECRET = "s3cret-token";

describe("Telegram webhook, two instances", () => {
  const adapters: TelegramAdapter[] = [];
  let api: FakeTelegramApi | undefined;

  afterEach(async () => {
    for (const a of adapters.splice(0)) a.stop();
    await api?.stop();
  });

  it("handles a retried delivery once and refuses requests without the secret", async () => {
    api = new FakeTelegramApi();
    const apiRoot = await api.start();
    const store = new MemoryStore();
    const ports = [18_000 + Math.floor(Math.random() * 1000), 19_000 + Math.floor(Math.random() * 1000)];
    for (const port of ports) {
      const { services } = makeServices({ store });
      const bot = new Bot(services, [], async (_c, q) => [text(`answer: ${q}`)]);
      const adapter = new TelegramAdapter({
        token: "123:TEST",
        apiRoot,
        bot,
        logger: services.logger,
        webhook: { domain: "bot.example.org", port, host: "127.0.0.1", path: PATH, secretToken: SECRET },
      });
      await adapter.start();
      adapters.push(adapter);
    }
    const hooks = api.of("setWebhook");
    expect(hooks).toHaveLength(2);
    expect(hooks[0]?.body.url).toBe(`https://bot.example.org${PATH}`);
    expect(hooks[0]?.body.secret_token).toBe(SECRET);

    const update = {
      update_id: 501,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: 42, type: "private" },
        from: { id: 42, is_bot: false, first_name: "Ada" },
        text: "What is QMAS?",
      },
    };
    const post = (port: number | undefined, secret?: string) =>
      fetch(`http://127.0.0.1:${port}${PATH}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}),
        },
        body: JSON.stringify(update),
      });

    const refused = await post(ports[0]);
    expect(refused.status).toBe(403);
    const n = api.calls.length;
    expect((await post(ports[0], SECRET)).status).toBe(200);
    expect((await post(ports[1], SECRET)).status).toBe(200);
    const sent = api.calls.slice(n).filter((c) => c.method === "sendMessage");
    expect(sent.map((c) => c.body.text)).toEqual(["answer: What is QMAS?"]);
  });

  it("registers a secret of its own when none is configured, and refuses forged updates", async () => {
    api = new FakeTelegramApi();
    const apiRoot = await api.start();
    const port = 20_000 + Math.floor(Math.random() * 1000);
    const { services } = makeServices();
    let handled = 0;
    const bot = new Bot(services, [], async () => {
      handled++;
      return [text("answer")];
    });
    const adapter = new TelegramAdapter({
      token: "123:TEST",
      apiRoot,
      bot,
      logger: services.logger,
      webhook: { domain: "bot.example.org", port, path: PATH },
    });
    await adapter.start();
    adapters.push(adapter);
    const secret = String(api.of("setWebhook")[0]?.body.secret_token ?? "");
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const forged = await fetch(`http://127.0.0.1:${port}${PATH}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        update_id: 9,
        message: {
          message_id: 1,
          date: 0,
          chat: { id: 7, type: "private" },
          from: { id: 7, is_bot: false, first_name: "Eve" },
          text: "/offers export",
        },
      }),
    });
    expect(forged.status).toBe(403);
    expect(handled).toBe(0);
    expect(api.of("sendMessage")).toHaveLength(0);
  });
});
