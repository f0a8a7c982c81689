/**
 * No reply lost on Telegram: telegraf against the fake Bot API answering 429
 * (retry_after 1 s) to the first try of every send. Replies are retried in
 * place, in order per chat; notices go through the notifier's persistent outbox.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TelegramAdapter } from "../../src/adapters/telegram/telegram.ts";
import { Bot } from "../../src/core/bot.ts";
import { NotifierHub } from "../../src/core/notify.ts";
import { text } from "../../src/core/replies.ts";
import { MemoryStore } from "../../src/storage/memory.ts";
import { FakeTelegramApi } from "../fakes/telegram-api.ts";
import { MemoryLogger, makeServices } from "../helpers/services.ts";

const USER = { id: 42, first_name: "Ada", language_code: "en" };
const DM = { id: 42, type: "private" };

describe("Telegram delivery under rate limits (telegraf against a fake Bot API)", () => {
  let api: FakeTelegramApi;
  let adapter: TelegramAdapter;
  let logger: MemoryLogger;

  beforeEach(async () => {
    api = new FakeTelegramApi();
    const apiRoot = await api.start();
    const { services } = makeServices();
    logger = new MemoryLogger();
    const bot = new Bot(
      services,
      [
        {
          name: "demo",
          commands: [
            {
              name: "two",
              description: { en: "Two", "zh-HK": "二" },
              run: async () => [text("first part"), text("second part")],
            },
          ],
        },
      ],
      async (_c, q) => [text(`answer: ${q}`)],
    );
    adapter = new TelegramAdapter({ token: "123:TEST", apiRoot, bot, logger, organiserChatId: "-500" });
    await adapter.start();
  });

  afterEach(async () => {
    adapter.stop();
    await api.stop();
  });

  it("delivers every reply once and in order when each first try gets 429 retry_after 1", async () => {
    api.rateLimitFirstTry = 1;
    const n = api.calls.length;
    api.message(USER, DM, "/two");
    api.message(USER, DM, "what is QMAS?");
    await api.waitFor((c) => c.refused === undefined && c.body.text === "answer: what is QMAS?", n, 15_000);
    await new Promise((r) => setTimeout(r, 50));
    const texts = api.calls.slice(n).filter((c) => c.method === "sendMessage" && c.refused === undefined);
    expect(texts.map((c) => c.body.text)).toEqual(["first part", "second part", "answer: what is QMAS?"]);
    expect(api.calls.slice(n).filter((c) => c.refused === 429)).toHaveLength(3);
    expect(adapter.stats.get("telegram", "reply", "sent")).toBe(3);
    expect(adapter.stats.get("telegram", "reply", "retried")).toBe(3);
    expect(adapter.stats.get("telegram", "reply", "failed")).toBe(0);
  }, 20_000);

  it("delivers notices to a member and the organisers once, in order, through the outbox", async () => {
    api.rateLimitFirstTry = 1;
    const hub = new NotifierHub(logger, { store: new MemoryStore(), stats: adapter.stats, baseDelayMs: 50 });
    hub.register("telegram", adapter.delivery());
    const n = api.calls.length;
    await hub.toMember("telegram:42", [text("Your offer DON-1 was accepted")]);
    await hub.toMember("telegram:42", [text("Your offer DON-1 was collected")]);
    expect(await hub.toOrganisers([text("New offer DON-2"), text("Details of DON-2")])).toBe(true);
    expect(await hub.flush(15_000)).toBe(0);
    const sent = api.calls.slice(n).filter((c) => c.method === "sendMessage" && c.refused === undefined);
    const to = (chat: string) => sent.filter((c) => c.body.chat_id === chat).map((c) => c.body.text);
    expect(to("42")).toEqual(["Your offer DON-1 was accepted", "Your offer DON-1 was collected"]);
    expect(to("-500")).toEqual(["New offer DON-2", "Details of DON-2"]);
    expect(adapter.stats.get("telegram", "notice", "sent")).toBe(3);
    expect(adapter.stats.get("telegram", "notice", "retried")).toBe(4);
    expect(adapter.stats.get("telegram", "notice", "failed")).toBe(0);
    await hub.stop();
  }, 20_000);

  it("logs a reply lost for good with the update id and the member id", async () => {
    api.forbiddenChats.add("42");
    const id = api.message(USER, DM, "/two");
    await api.waitFor((c) => c.refused === 403, 0);
    await new Promise((r) => setTimeout(r, 50));
    const line = logger.lines.find((l) => l.msg === "telegram update failed");
    expect(line?.data).toMatchObject({ updateId: id, userId: "42" });
    expect(adapter.stats.get("telegram", "reply", "failed")).toBe(1);
  });

  it("gives up a notice to a member who blocked the bot, without retrying it", async () => {
    api.forbiddenChats.add("42");
    const hub = new NotifierHub(logger, { store: new MemoryStore(), stats: adapter.stats, baseDelayMs: 50 });
    hub.register("telegram", adapter.delivery());
    await hub.toMember("telegram:42", [text("Your offer was accepted")]);
    expect(await hub.flush(5_000)).toBe(0);
    expect(api.of("sendMessage")).toHaveLength(1);
    expect(adapter.stats.get("telegram", "notice", "failed")).toBe(1);
    expect(adapter.stats.get("telegram", "notice", "retried")).toBe(0);
    await hub.stop();
  });
});
