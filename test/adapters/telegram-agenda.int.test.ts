/**
 * Support buttons on an /agenda message in a Telegram group, through telegraf against the fake Bot
 * API: a press is answered with a toast and the agenda message is edited in place with the new
 * counts (without the presser's own marks: the group reads it); nothing new is posted in the group.
 * Its pager turns the page of that same message, also by an edit.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TelegramAdapter } from "../../src/adapters/telegram/telegram.ts";
import { agenda } from "../../src/core/agenda/index.ts";
import { Bot } from "../../src/core/bot.ts";
import { text } from "../../src/core/replies.ts";
import { FakeTelegramApi, type RecordedCall } from "../fakes/telegram-api.ts";
import { makeServices } from "../helpers/services.ts";

const ORG = { id: 7, first_name: "Olivia", language_code: "en" };
const ADA = { id: 42, first_name: "Ada", language_code: "en" };
const BOB = { id: 43, first_name: "Bob", language_code: "en" };
const CAROL = { id: 44, first_name: "Carol", language_code: "en" };
const GROUP = { id: -100, type: "supergroup" };
const dm = (u: { id: number }) => ({ id: u.id, type: "private" });
/** The id of the agenda message the presses belong to (the fake does not check it). */
const AGENDA_MESSAGE = 555;

describe("Agenda counts edited in place on Telegram (telegraf against a fake Bot API)", () => {
  const api = new FakeTelegramApi();
  let adapter: TelegramAdapter;
  const topics: string[] = [];

  const say = async (from: typeof ADA, chat: { id: number; type: string }, body: string): Promise<RecordedCall> => {
    const n = api.calls.length;
    api.message(from, chat, body);
    return api.waitFor((c) => c.method === "sendMessage" && String(c.body.chat_id) === String(chat.id), n);
  };
  const press = async (from: typeof ADA, data: string) => {
    const n = api.calls.length;
    api.press(from, GROUP, data, AGENDA_MESSAGE);
    const ack = await api.waitFor((c) => c.method === "answerCallbackQuery", n);
    // Let an edit that follows the answer reach the fake.
    await new Promise((r) => setTimeout(r, 150));
    return { ack, after: api.calls.slice(n) };
  };

  beforeAll(async () => {
    const apiRoot = await api.start();
    const { services } = makeServices({ organisers: [`telegram:${ORG.id}`] });
    const bot = new Bot(services, [agenda(services, { moderation: "auto", maxProposalsPerMember: 50 })], async () => [
      text("fallback"),
    ]);
    adapter = new TelegramAdapter({ token: "123:TEST", apiRoot, bot, logger: services.logger });
    await adapter.start();
    await say(ORG, dm(ORG), "/townhall open 2027 Q1 Townhall | 2027-03-15");
    for (const title of ["Stablecoin licensing", "Custody rules for exchanges"]) {
      const answer = String((await say(ADA, dm(ADA), `/propose ${title} | Details of ${title}`)).body.text);
      const id = /\bT[0-9A-Z]{3,}\b/.exec(answer)?.[0];
      if (!id) throw new Error(`not proposed: ${answer}`);
      topics.push(id);
    }
  });

  afterAll(async () => {
    adapter.stop();
    await api.stop();
  });

  it("edits the pressed agenda message with the new counts, posting nothing in the group", async () => {
    const [first = "", second = ""] = topics;
    const list = await say(ADA, GROUP, "/agenda");
    expect(String(list.body.text)).toContain(`${second} Custody rules for exchanges (0 votes)`);
    type Keyboard = { inline_keyboard: { callback_data: string }[][] };
    const ids = (list.body.reply_markup as Keyboard).inline_keyboard.flat().map((b) => b.callback_data);
    const support = ids.find((x) => x.startsWith(`ag:up:${second}`));
    expect(support).toBe(`ag:up:${second}:0`);

    const bob = await press(BOB, support ?? "");
    expect(String(bob.ack.body.text)).toContain(`You support ${second}`);
    const edits = bob.after.filter((c) => c.method === "editMessageText");
    expect(edits).toHaveLength(1);
    expect(edits[0]?.body).toMatchObject({ chat_id: String(GROUP.id), message_id: AGENDA_MESSAGE });
    expect(String(edits[0]?.body.text)).toContain(`1. ${second} Custody rules for exchanges (1 vote)`);
    // The edited message keeps its buttons.
    const markup = edits[0]?.body.reply_markup as Keyboard | undefined;
    const kept = (markup?.inline_keyboard ?? []).flat().map((b) => b.callback_data);
    expect(kept).toContain(`ag:up:${first}:0`);

    // The presser's own mark is not shown in the group: Bob supports the topic, the list says only its count.
    const carol = await press(CAROL, support ?? "");
    const edited = carol.after.filter((c) => c.method === "editMessageText");
    expect(edited).toHaveLength(1);
    expect(String(edited[0]?.body.text)).toContain(`1. ${second} Custody rules for exchanges (2 votes)`);
    expect(String(edited[0]?.body.text)).not.toContain("✓");

    // Pressed again: the count is unchanged, so nothing is edited; a toast says so.
    const again = await press(BOB, support ?? "");
    expect(String(again.ack.body.text)).toContain("already support");
    expect(again.after.filter((c) => c.method === "editMessageText")).toHaveLength(0);

    // Nothing new in the group (nor in anyone's private chat) from the three presses.
    const posts = [...bob.after, ...carol.after, ...again.after].filter((c) => c.method.startsWith("send"));
    expect(posts).toHaveLength(0);
  });

  it("coalesces a rush of presses into a few edits while the group is rate-limited", async () => {
    const [first = ""] = topics;
    const n = api.calls.length;
    // The first edit is refused with a 429 (retry after 1 s); meanwhile five more members press.
    api.editRateLimitOnce = 1;
    const voters = [50, 51, 52, 53, 54, 55].map((id) => ({ id, first_name: `Voter ${id}` }));
    for (const v of voters) api.press(v, GROUP, `ag:up:${first}:0`, AGENDA_MESSAGE);
    const last = () => api.accepted("editMessageText").slice(-1)[0];
    const end = Date.now() + 8_000;
    while (!String(last()?.body.text).includes(`${first} Stablecoin licensing (6 votes)`) && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(String(last()?.body.text)).toContain(`1. ${first} Stablecoin licensing (6 votes)`);
    // Six presses, six toasts, but only the waiting edit and one carrying the latest counts.
    const after = api.calls.slice(n);
    expect(after.filter((c) => c.method === "answerCallbackQuery")).toHaveLength(6);
    expect(after.filter((c) => c.method === "editMessageText" && c.refused === undefined).length).toBeLessThanOrEqual(
      2,
    );
  });

  it("turns the page of the pressed agenda message in place, posting nothing in the group", async () => {
    const more = [
      "Mining difficulty",
      "Wallet recovery phrases",
      "Zero knowledge proofs",
      "Carbon credits on chain",
      "Remittance corridors",
      "Validator slashing",
      "Gaming guild taxation",
      "Bridge exploits",
      "Oracle pricing feeds",
      "NFT royalties",
    ];
    for (const title of more) await say(ADA, dm(ADA), `/propose ${title} | Details of ${title}`);
    type Keyboard = { inline_keyboard: { callback_data: string }[][] };
    const ids = (c: RecordedCall | undefined) =>
      ((c?.body.reply_markup as Keyboard | undefined)?.inline_keyboard ?? []).flat().map((b) => b.callback_data);
    const list = await say(ADA, GROUP, "/agenda");
    expect(String(list.body.text)).toContain("(1–10 of 12)");
    expect(ids(list)).toContain("ag:pg:1");

    const next = await press(BOB, "ag:pg:1");
    const edits = next.after.filter((c) => c.method === "editMessageText");
    expect(edits).toHaveLength(1);
    expect(edits[0]?.body).toMatchObject({ chat_id: String(GROUP.id), message_id: AGENDA_MESSAGE });
    expect(String(edits[0]?.body.text)).toContain("(11–12 of 12)");
    expect(ids(edits[0])).toContain("ag:pg:0");
    expect(ids(edits[0])).not.toContain("ag:pg:2");

    const previous = await press(CAROL, "ag:pg:0");
    const back = previous.after.filter((c) => c.method === "editMessageText");
    expect(back).toHaveLength(1);
    expect(back[0]?.body).toMatchObject({ chat_id: String(GROUP.id), message_id: AGENDA_MESSAGE });
    expect(String(back[0]?.body.text)).toContain("(1–10 of 12)");
    expect(ids(back[0])).toContain("ag:pg:1");
    // The group's page marks nobody's votes, whoever turned it.
    expect(String(back[0]?.body.text)).not.toContain("✓");

    // Both presses were answered (the button stops spinning) and nothing was posted anywhere.
    expect(next.ack.method).toBe("answerCallbackQuery");
    expect(previous.ack.method).toBe("answerCallbackQuery");
    const posts = [...next.after, ...previous.after].filter((c) => c.method.startsWith("send"));
    expect(posts).toHaveLength(0);
  });

  it("marks a member's own votes on the agenda in their private chat only", async () => {
    const [, second = ""] = topics;
    const mine = await say(BOB, dm(BOB), "/agenda");
    expect(String(mine.body.text)).toContain(`${second} Custody rules for exchanges (2 votes) ✓`);
    const group = await say(BOB, GROUP, "/agenda");
    expect(String(group.body.text)).toContain(`${second} Custody rules for exchanges (2 votes)`);
    expect(String(group.body.text)).not.toContain("✓");
  });

  it("answers 16 presses in a group with 16 toasts and posts nothing", async () => {
    const [first = "", second = ""] = topics;
    const n = api.calls.length;
    const members = Array.from({ length: 16 }, (_, i) => ({ id: 300 + i, first_name: `Member ${i}` }));
    // Last, as it changes the counts the tests before it read: half support one topic, half another.
    for (const [i, m] of members.entries())
      api.press(m, GROUP, `ag:up:${i % 2 === 0 ? first : second}:0`, AGENDA_MESSAGE);
    const end = Date.now() + 8_000;
    while (api.calls.slice(n).filter((c) => c.method === "answerCallbackQuery").length < 16 && Date.now() < end)
      await new Promise((r) => setTimeout(r, 20));
    const after = api.calls.slice(n);
    expect(after.filter((c) => c.method === "answerCallbackQuery")).toHaveLength(16);
    expect(after.filter((c) => c.method.startsWith("send"))).toEqual([]);
  });
});
