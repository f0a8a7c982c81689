/**
 * A streamed answer on Telegram, through the real telegraf client against the
 * fake Bot API: the first checked text is sent, later text edits that message
 * at most about once a second, a 429 on an edit delays the next past its
 * retry_after, the complete answer becomes the final card in the same message
 * (buttons included), and a broken stream keeps what was shown and is followed
 * by the fallback answer.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TelegramAdapter } from "../../src/adapters/telegram/telegram.ts";
import { Bot } from "../../src/core/bot.ts";
import type { LiveReply } from "../../src/core/live.ts";
import { actionId, button, type CardReply } from "../../src/core/replies.ts";
import { FakeTelegramApi, type RecordedCall } from "../fakes/telegram-api.ts";
import { makeServices } from "../helpers/services.ts";

const USER = { id: 42, first_name: "Ada", language_code: "en" };
const DM = { id: 42, type: "private" };
const SENTENCES = [
  "QMAS admits 1,000 people a year.",
  " It began in 2006.",
  " It favours talent.",
  " Apply online.",
  " Quotas are annual.",
  " That is all.",
];
const FULL = SENTENCES.join("");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const card = (body: string): CardReply => ({
  type: "card",
  title: "From the association's documents",
  body,
  sources: [{ title: "Talent", path: "knowledge/talent.md" }],
  buttons: [button(actionId("faq", "fb", "k", "up"), "Helpful")],
});

describe("Telegram: an answer edited in as it is written", () => {
  let api: FakeTelegramApi;
  let adapter: TelegramAdapter;
  let broken = false;
  const at = new Map<RecordedCall, number>();

  beforeEach(async () => {
    api = new FakeTelegramApi();
    const push = api.calls.push.bind(api.calls);
    api.calls.push = (...calls: RecordedCall[]) => {
      for (const c of calls) at.set(c, performance.now());
      return push(...calls);
    };
    const apiRoot = await api.start();
    const { services } = makeServices();
    // The core's side: checked text every 250 ms, then the final card (or, broken, the fallback).
    const fallback = async (_c: unknown, _q: string, live?: LiveReply) => {
      let text = "";
      for (const s of SENTENCES.slice(0, broken ? 3 : SENTENCES.length)) {
        text += s;
        live?.partial(text);
        await sleep(250);
      }
      return [card(broken ? "The embedded answer: QMAS has an annual quota of 1,000." : FULL)];
    };
    const bot = new Bot(services, [], fallback);
    adapter = new TelegramAdapter({ token: "123:TEST", apiRoot, bot, logger: services.logger });
    await adapter.start();
  });
  afterEach(async () => {
    try {
      adapter.stop();
    } catch {
      // not polling
    }
    await api.stop();
  });

  const ask = async () => {
    const since = api.calls.length;
    api.message(USER, DM, "What is QMAS?");
    return since;
  };

  it("sends the first text, edits at most about once a second, and ends with the card in the same message", async () => {
    broken = false;
    const since = await ask();
    const last = await api.waitFor((c) => c.method === "editMessageText" && Boolean(c.body.reply_markup), since);
    const calls = api.calls.slice(since).filter((c) => c.method === "sendMessage" || c.method === "editMessageText");
    expect(calls[0]?.method).toBe("sendMessage");
    expect(calls[0]?.body.text).toBe("QMAS admits 1,000 people a year.");
    expect(calls.filter((c) => c.method === "sendMessage")).toHaveLength(1);
    // Six pieces of text over 1.5 s, but no more than one call a second (with a little slack for timers).
    const times = calls.map((c) => at.get(c) ?? 0);
    for (let i = 1; i < times.length; i++) expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThan(900);
    expect(calls.length).toBeLessThan(SENTENCES.length + 1);
    expect(String(last.body.text)).toContain("That is all.");
    expect(String(last.body.text)).toContain("Talent");
  });

  it("shares the rate of a group chat between two answers streaming in it", async () => {
    broken = false;
    const group = { id: -100, type: "supergroup" };
    const since = api.calls.length;
    // In a group the bot answers what mentions it.
    api.message(USER, group, "@bahk_test_bot What is QMAS?");
    api.message({ id: 43, first_name: "Ben", language_code: "en" }, group, "@bahk_test_bot What is QMAS?");
    const final = (c: RecordedCall) => c.method === "editMessageText" && Boolean(c.body.reply_markup);
    const first = await api.waitFor(final, since);
    await api.waitFor(final, api.calls.indexOf(first) + 1);
    const streamed = api.calls.slice(since).filter((c) => c.method === "sendMessage" || c.method === "editMessageText");
    // Two first messages and two final cards at least, none closer than about a second to another.
    expect(streamed.length).toBeGreaterThanOrEqual(4);
    const times = streamed.map((c) => at.get(c) ?? 0);
    for (let i = 1; i < times.length; i++) expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThan(900);
  });

  it("waits out a 429's retry_after before the next edit", async () => {
    broken = false;
    api.editRateLimitOnce = 2;
    const since = await ask();
    const refused = await api.waitFor((c) => c.method === "editMessageText" && c.refused === 429, since);
    const next = await api.waitFor((c) => c.method === "editMessageText" && c.refused === undefined, since + 1, 15_000);
    expect((at.get(next) ?? 0) - (at.get(refused) ?? 0)).toBeGreaterThan(1900);
  });

  it("keeps what was shown when the stream breaks, and sends the fallback after it", async () => {
    broken = true;
    const since = await ask();
    const fallback = await api.waitFor(
      (c) => c.method === "sendMessage" && String(c.body.text).includes("embedded answer"),
      since,
    );
    const before = api.calls.slice(since, api.calls.indexOf(fallback));
    expect(before.find((c) => c.method === "sendMessage")?.body.text).toBe("QMAS admits 1,000 people a year.");
    expect(api.calls.slice(since).some((c) => c.method === "editMessageText" && Boolean(c.body.reply_markup))).toBe(
      false,
    );
  });
});
