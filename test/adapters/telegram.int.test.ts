/**
 * The Telegram adapter through the real telegraf client against a fake Bot API
 * on 127.0.0.1: commands, markup escaping, buttons and their acknowledgement,
 * private replies from a group, polls whose votes reach the core, files,
 * duplicate deliveries.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TelegramAdapter } from "../../src/adapters/telegram/telegram.ts";
import { Bot } from "../../src/core/bot.ts";
import type { Feature } from "../../src/core/feature.ts";
import { onboarding } from "../../src/core/onboarding/onboarding.ts";
import { actionId, button, text } from "../../src/core/replies.ts";
import { FakeTelegramApi } from "../fakes/telegram-api.ts";
import { makeServices } from "../helpers/services.ts";

const USER = { id: 42, first_name: "Ada", language_code: "en" };
const DM = { id: 42, type: "private" };
const GROUP = { id: -100, type: "supergroup" };

/** A feature exercising every reply kind. */
function demo(votes: { member: string; options: readonly number[] }[]): Feature {
  return {
    name: "demo",
    commands: [
      {
        name: "echo",
        description: { en: "Echo", "zh-HK": "回音" },
        run: async (_c, args) => [text(args, { buttons: [button(actionId("demo", "ok"), "OK")] })],
      },
      {
        name: "secret",
        description: { en: "Secret", "zh-HK": "秘密" },
        privateOnly: true,
        run: async () => [text("phone 9123 4567", { private: true })],
      },
      {
        name: "poll",
        description: { en: "Poll", "zh-HK": "投票" },
        run: async () => [
          {
            type: "poll",
            pollId: "demo:P1",
            question: "Which?",
            options: ["A", "B"],
            allowMultiple: true,
            durationHours: 24,
            fallbackText: "",
          },
        ],
      },
      {
        name: "file",
        description: { en: "File", "zh-HK": "檔案" },
        run: async () => [
          { type: "file", filename: "agenda.csv", mimeType: "text/csv", content: "rank,title\n1,Stablecoins\n" },
        ],
      },
    ],
    async onAction(_ctx, args) {
      return [text(`pressed ${args.join(",")}`)];
    },
    async onPollVote(member, pollId, options) {
      votes.push({ member: `${member.id}@${pollId}`, options });
    },
  };
}

describe("Telegram adapter (telegraf against a fake Bot API)", () => {
  let api: FakeTelegramApi;
  let adapter: TelegramAdapter;
  const votes: { member: string; options: readonly number[] }[] = [];

  beforeEach(async () => {
    api = new FakeTelegramApi();
    const apiRoot = await api.start();
    const { services } = makeServices();
    const bot: Bot = new Bot(services, [onboarding(() => bot.commandList()), demo(votes)], async (_c, q) => [
      text(`answer: ${q}`),
    ]);
    adapter = new TelegramAdapter({
      token: "123:TEST",
      apiRoot,
      bot,
      logger: services.logger,
      organiserChatId: "-500",
      organiserIds: ["7"],
    });
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

  it("registers the command menus by scope, in English and Chinese", async () => {
    const sets = api.of("setMyCommands");
    const menu = (type: string, chat?: string, zh = false) =>
      sets.find((s) => {
        const scope = s.body.scope as { type: string; chat_id?: string } | undefined;
        return (
          scope?.type === type &&
          (chat === undefined || String(scope.chat_id) === chat) &&
          (s.body.language_code === "zh") === zh
        );
      })?.body.commands as { command: string }[] | undefined;
    const names = (m: { command: string }[] | undefined) => (m ?? []).map((c) => c.command);
    expect(names(menu("all_private_chats"))).toEqual(
      expect.arrayContaining(["start", "help", "echo", "secret", "cancel"]),
    );
    expect(names(menu("all_private_chats", undefined, true))).toContain("echo");
    // A command about the member's own records is not offered in groups.
    expect(names(menu("all_group_chats"))).toContain("echo");
    expect(names(menu("all_group_chats"))).not.toContain("secret");
    // Both the organiser chat and each organiser's private chat get the menus.
    expect(menu("chat", "-500")).toBeDefined();
    expect(menu("chat", "7")).toBeDefined();
  });

  it("answers a private message and escapes member markup", async () => {
    const n = api.calls.length;
    api.message(USER, DM, "/echo <b>hi</b> & @everyone");
    const sent = await api.waitFor((c) => c.method === "sendMessage", n);
    expect(sent.body.chat_id).toBe("42");
    expect(sent.body.parse_mode).toBe("HTML");
    expect(sent.body.text).toBe("&lt;b&gt;hi&lt;/b&gt; &amp; @everyone");
    const kb = sent.body.reply_markup as { inline_keyboard: { callback_data: string }[][] };
    expect(kb.inline_keyboard[0]?.[0]?.callback_data).toBe("demo:ok");
  });

  it("routes a button press to the core and answers a one-line result as a toast, posting nothing", async () => {
    for (const chat of [DM, GROUP]) {
      const n = api.calls.length;
      api.press(USER, chat, "demo:ok");
      const ack = await api.waitFor((c) => c.method === "answerCallbackQuery", n);
      expect(ack.body.text).toBe("pressed ok");
      expect(api.calls.slice(n).filter((c) => c.method === "sendMessage")).toHaveLength(0);
    }
  });

  it("handles a delivery once when Telegram sends it twice", async () => {
    const n = api.calls.length;
    const update = {
      update_id: 7777,
      message: {
        message_id: 5,
        date: 0,
        chat: { id: 42, type: "private" },
        from: { id: 42, is_bot: false, first_name: "Ada" },
        text: "/echo once",
      },
    };
    // Pushed twice under the same update_id, as a retried webhook would deliver it.
    await adapter.onUpdate(update as never);
    await adapter.onUpdate(update as never);
    expect(api.calls.slice(n).filter((c) => c.method === "sendMessage")).toHaveLength(1);
  });

  it("ignores group chatter, answers mentions and commands addressed to it", async () => {
    const n = api.calls.length;
    api.message(USER, GROUP, "just chatting");
    api.message(USER, GROUP, "/echo@other_bot nope");
    api.message(USER, GROUP, "@bahk_test_bot what is QMAS?");
    const sent = await api.waitFor((c) => c.method === "sendMessage", n);
    expect(sent.body.text).toBe("answer: what is QMAS?");
    expect(api.calls.slice(n).filter((c) => c.method === "sendMessage")).toHaveLength(1);
  });

  it("sends private replies from a group privately, or tells the member how to allow it", async () => {
    let n = api.calls.length;
    api.message(USER, GROUP, "/secret");
    const dm = await api.waitFor((c) => c.method === "sendMessage", n);
    expect(dm.body.chat_id).toBe("42");
    const note = await api.waitFor((c) => c.method === "sendMessage" && c.body.chat_id === "-100", n);
    expect(String(note.body.text)).toMatch(/private chat/);
    expect(String(note.body.text)).not.toContain("9123");

    api.forbiddenChats.add("42");
    n = api.calls.length;
    api.message(USER, GROUP, "/secret");
    const told = await api.waitFor((c) => c.method === "sendMessage" && c.body.chat_id === "-100", n);
    expect(String(told.body.text)).toMatch(/press Start/);
    const inGroup = api.calls.slice(n).filter((c) => c.body.chat_id === "-100");
    expect(inGroup.some((c) => String(c.body.text ?? "").includes("9123"))).toBe(false);
  });

  it("posts a native poll and passes its votes, and retractions, to the core", async () => {
    const n = api.calls.length;
    api.message(USER, GROUP, "/poll");
    const poll = await api.waitFor((c) => c.method === "sendPoll", n);
    expect(poll.body.is_anonymous).toBe(false);
    expect(poll.body.allows_multiple_answers).toBe(true);
    // The adapter records the native poll id before answering the next update.
    await new Promise((r) => setTimeout(r, 50));
    api.push({ poll_answer: { poll_id: "poll-1", user: { id: 7, is_bot: false, first_name: "B" }, option_ids: [1] } });
    api.push({ poll_answer: { poll_id: "poll-1", user: { id: 7, is_bot: false, first_name: "B" }, option_ids: [] } });
    api.push({ poll_answer: { poll_id: "unknown", user: { id: 8, is_bot: false, first_name: "C" }, option_ids: [0] } });
    await api.waitFor((c) => c.method === "never", 0, 800).catch(() => undefined);
    expect(votes).toEqual([
      { member: "telegram:7@demo:P1", options: [1] },
      { member: "telegram:7@demo:P1", options: [] },
    ]);
  });

  it("passes 30 changes of one member's poll vote in one batch to the core in order", async () => {
    const n = api.calls.length;
    api.message(USER, GROUP, "/poll");
    await api.waitFor((c) => c.method === "sendPoll", n);
    await new Promise((r) => setTimeout(r, 50));
    const before = votes.length;
    const choices = Array.from({ length: 30 }, (_, i) => [[0], [1], [0, 1], []][i % 4] as number[]);
    for (const option_ids of choices)
      api.push({ poll_answer: { poll_id: "poll-1", user: { id: 9, is_bot: false, first_name: "D" }, option_ids } });
    const end = Date.now() + 8_000;
    while (votes.length - before < 30 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    const mine = votes.slice(before).filter((v) => v.member === "telegram:9@demo:P1");
    expect(mine.map((v) => v.options)).toEqual(choices);
    expect(mine.at(-1)?.options).toEqual([1]);
  });

  it("ends a native poll the core has closed (stopPoll on its chat and message)", async () => {
    const n = api.calls.length;
    await adapter
      .delivery()
      .closePoll?.({ platform: "telegram", nativePollId: "poll-1", chatId: "-100", messageId: "12" });
    const stop = await api.waitFor((c) => c.method === "stopPoll", n);
    expect(stop.body).toMatchObject({ chat_id: "-100", message_id: 12 });
  });

  it("uploads files as documents", async () => {
    const n = api.calls.length;
    api.message(USER, DM, "/file");
    const doc = await api.waitFor((c) => c.method === "sendDocument", n);
    expect(String(doc.body.raw)).toContain('filename="agenda.csv"');
    expect(String(doc.body.raw)).toContain("1,Stablecoins");
  });

  it("delivers notices to a member and to the organiser chat", async () => {
    const n = api.calls.length;
    await adapter.delivery().toMember("42", [text("Your offer was accepted")]);
    await adapter.delivery().toOrganisers([text("New offer DON-1")]);
    const sent = api.calls.slice(n).filter((c) => c.method === "sendMessage");
    expect(sent.map((c) => [c.body.chat_id, c.body.text])).toEqual([
      ["42", "Your offer was accepted"],
      ["-500", "New offer DON-1"],
    ]);
  });
});
