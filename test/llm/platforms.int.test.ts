/**
 * The whole bot with a language model, on the platforms: the real composition
 * root, the fake OpenAI-compatible server streaming its answer, and the real
 * telegraf and discord.js clients against their fakes. The answer is shown as
 * it is written and ends as the cited card; a model that fails leaves the
 * member with the embedded answer.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiscordAdapter } from "../../src/adapters/discord/discord.ts";
import { TelegramAdapter } from "../../src/adapters/telegram/telegram.ts";
import { type App, buildApp } from "../../src/app.ts";
import { loadConfig } from "../../src/config/index.ts";
import { MemoryStore } from "../../src/storage/memory.ts";
import { FakeDiscord } from "../fakes/discord-api.ts";
import { type Actor, slash } from "../fakes/discord-payloads.ts";
import { FakeOpenAIApi } from "../fakes/openai-api.ts";
import { FakeTelegramApi } from "../fakes/telegram-api.ts";
import { quietLogger } from "../knowledge/helpers.ts";

const ANSWER =
  "QMAS admits up to 1,000 people a year [1]. It was first launched in 2006 [1]. It favours skilled talent [1].";
const SHOWN = "QMAS admits up to 1,000 people a year. It was first launched in 2006. It favours skilled talent.";

describe("a model's answer on Telegram and Discord, through the whole bot", () => {
  const model = new FakeOpenAIApi();
  const telegram = new FakeTelegramApi();
  const discord = new FakeDiscord();
  const dataDir = mkdtempSync(join(tmpdir(), "bahk-llm-platforms-"));
  let app: App;
  let tg: TelegramAdapter;
  let dc: DiscordAdapter;
  beforeAll(async () => {
    const config = loadConfig({
      ...process.env,
      DATA_DIR: dataDir,
      OPENAI_API_KEY: "sk",
      OPENAI_BASE_URL: await model.start(),
      OPENAI_EMBEDDING_MODEL: "",
      OPENAI_CHAT_TIMEOUT_MS: "3000",
    });
    app = await buildApp(config, quietLogger, { store: new MemoryStore() });
    tg = new TelegramAdapter({ token: "123:TEST", apiRoot: await telegram.start(), bot: app.bot, logger: quietLogger });
    await tg.start();
    dc = new DiscordAdapter({
      token: "TEST.TOKEN.X",
      apiBase: await discord.start(),
      bot: app.bot,
      logger: quietLogger,
    });
    await dc.start();
  });
  afterAll(async () => {
    try {
      tg.stop();
    } catch {
      // not polling
    }
    await dc.stop();
    await Promise.all([telegram.stop(), discord.stop(), model.stop()]);
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("Telegram: the first sentence is sent, then the same message becomes the cited card", async () => {
    model.queue.push({ content: ANSWER, chunkChars: 5, chunkDelayMs: 40 });
    const since = telegram.calls.length;
    telegram.message({ id: 77, first_name: "Ada", language_code: "en" }, { id: 77, type: "private" }, "What is QMAS?");
    const first = await telegram.waitFor((c) => c.method === "sendMessage", since);
    expect(first.body.text).toBe("QMAS admits up to 1,000 people a year.");
    const final = await telegram.waitFor((c) => c.method === "editMessageText" && Boolean(c.body.reply_markup), since);
    expect(String(final.body.text)).toContain(SHOWN);
    expect(String(final.body.text)).toMatch(/Quality Migrant|QMAS/);
    expect(telegram.calls.slice(since).filter((c) => c.method === "sendMessage")).toHaveLength(1);
  });

  it("Telegram: a model that fails leaves the embedded answer", async () => {
    model.queue.push({ fault: "500" });
    const since = telegram.calls.length;
    telegram.message({ id: 78, first_name: "Ben", language_code: "en" }, { id: 78, type: "private" }, "What is QMAS?");
    const sent = await telegram.waitFor((c) => c.method === "sendMessage", since);
    expect(String(sent.body.text)).toMatch(/Quality Migrant Admission Scheme[\s\S]*1,000/);
  });

  it("Discord: /ask is deferred, streamed into the reply, and ends as the cited embed", async () => {
    model.queue.push({ content: ANSWER, chunkChars: 5, chunkDelayMs: 40 });
    const actor: Actor = { id: "600000000000000077", name: "Cy" };
    const i = slash(discord, actor, "guild", "ask", "What is QMAS?");
    discord.dispatch("INTERACTION_CREATE", i);
    const edit = (c: { method: string; path: string }) =>
      c.method === "PATCH" && c.path.endsWith(`/tok-${i.id}/messages/@original`);
    const first = await discord.waitFor(edit);
    expect(first.body.content).toBe("QMAS admits up to 1,000 people a year.");
    const final = await discord.waitFor((c) => edit(c) && Array.isArray(c.body.embeds));
    expect(final.body.content).toBe("");
    expect(JSON.stringify(final.body.embeds)).toContain("It favours skilled talent");
  });
});
