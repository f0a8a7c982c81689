import { describe, expect, it } from "vitest";
import { mapUpdate } from "../../src/adapters/telegram/map.ts";
import { keyboard, renderReply, split } from "../../src/adapters/telegram/render.ts";

const ME = { id: 999, username: "bahk_test_bot" };
const from = { id: 1, is_bot: false, first_name: "Ada", language_code: "zh-hk" };

describe("Telegram map-in", () => {
  it("maps a private message with the member's locale", () => {
    const m = mapUpdate(
      {
        update_id: 5,
        message: { message_id: 1, date: 0, chat: { id: 1, type: "private", first_name: "Ada" }, from, text: "hi" },
      },
      ME,
    );
    expect(m).toMatchObject({
      kind: "event",
      event: {
        kind: "text",
        text: "hi",
        eventId: "5",
        member: { id: "telegram:1", locale: "zh-hk" },
        chat: { type: "private" },
      },
    });
  });

  it("welcomes a newcomer who joins a group, but not a bot", () => {
    const chat = { id: -5, type: "supergroup" as const, title: "G" };
    const joined = mapUpdate(
      {
        update_id: 6,
        message: {
          message_id: 2,
          date: 0,
          chat,
          from,
          new_chat_members: [
            { id: 3, is_bot: false, first_name: "New" },
            { id: 9, is_bot: true, first_name: "Other bot" },
            { id: 4, is_bot: false, first_name: "Two" },
          ],
        },
      } as never,
      ME,
    );
    expect(joined).toMatchObject({
      kind: "join",
      chat: { id: "telegram:-5", type: "group" },
      newcomers: [{ id: "telegram:3" }, { id: "telegram:4" }],
    });
    const bot = mapUpdate(
      {
        update_id: 7,
        message: { message_id: 3, date: 0, chat, from, new_chat_members: [{ id: 4, is_bot: true, first_name: "B" }] },
      } as never,
      ME,
    );
    expect(bot.kind).toBe("ignore");
  });
});

describe("Telegram render-out", () => {
  it("splits long text under 4,096 characters without breaking escapes", () => {
    const html = `${"a".repeat(4093)}&amp;${"b".repeat(5000)}`;
    const parts = split(html);
    expect(parts.every((p) => p.length <= 4096)).toBe(true);
    expect(parts.join("")).toBe(html);
    expect(parts[1]?.startsWith("&amp;")).toBe(true);
  });

  it("puts buttons on the last part only and drops ids over 64 bytes", () => {
    const out = renderReply({
      type: "text",
      text: "x\n".repeat(3000),
      buttons: [
        { id: "a:b", label: "OK" },
        { id: "x".repeat(65), label: "Too long" },
      ],
    });
    expect(out.length).toBe(2);
    expect(out[0]).not.toHaveProperty("keyboard");
    expect(out[1]).toMatchObject({ keyboard: { inline_keyboard: [[{ callback_data: "a:b" }]] } });
    expect(keyboard([{ id: "x".repeat(65), label: "no" }])).toBeUndefined();
  });

  it("renders cards as escaped HTML with sources, and polls within Telegram's limits", () => {
    const [card] = renderReply({
      type: "card",
      title: "<script>",
      fields: [{ label: "Status", value: "a & b" }],
      sources: [{ title: "Strategic Goals", path: "knowledge/x.md", section: "Goal 4" }],
    });
    expect(card).toMatchObject({
      text: "<b>&lt;script&gt;</b>\n<b>Status:</b> a &amp; b\n<i>Strategic Goals › Goal 4</i>",
    });
    const [poll] = renderReply({
      type: "poll",
      pollId: "ag:1",
      question: "q".repeat(400),
      options: Array.from({ length: 12 }, (_, i) => `${i}`.repeat(150)),
      allowMultiple: false,
      durationHours: 24,
      fallbackText: "",
    });
    expect(poll?.method).toBe("sendPoll");
    if (poll?.method === "sendPoll") {
      expect(Array.from(poll.question).length).toBe(300);
      expect(poll.options.length).toBe(10);
      expect(poll.options.every((o) => Array.from(o).length <= 100)).toBe(true);
    }
  });
});
