/** Discord interaction and message views -> core events, and the poll ballot tracker. */
import { describe, expect, it } from "vitest";
import { type InteractionView, type MessageView, mapInteraction, mapMessage } from "../../src/adapters/discord/map.ts";

const BOT = "999";
const user = { id: "42", name: "Ada", locale: "zh-TW", roles: ["777"] };
const base = { id: "111", user, channelId: "55", inGuild: true };

describe("Discord map", () => {
  it("maps a slash command with its text option, the member's roles and locale", () => {
    const v: InteractionView = { ...base, kind: "command", command: "propose", args: "Stablecoin rules" };
    expect(mapInteraction(v)).toEqual({
      kind: "command",
      command: "propose",
      args: "Stablecoin rules",
      eventId: "111",
      chat: { id: "discord:55", type: "group" },
      member: {
        id: "discord:42",
        platform: "discord",
        platformUserId: "42",
        displayName: "Ada",
        locale: "zh-TW",
        roles: ["777"],
      },
    });
  });

  it("maps buttons and select menus to actions, modals to forms", () => {
    expect(mapInteraction({ ...base, kind: "button", customId: "ag:up:T1" })).toMatchObject({
      kind: "action",
      data: "ag:up:T1",
    });
    expect(
      mapInteraction({ ...base, kind: "select", customId: "sel:0", values: ["don:f:district:wch"] }),
    ).toMatchObject({ kind: "action", data: "don:f:district:wch" });
    expect(mapInteraction({ ...base, kind: "select", customId: "sel:0", values: [] })).toBeUndefined();
    expect(
      mapInteraction({ ...base, inGuild: false, kind: "modal", customId: "don:form", fields: { qty: "3" } }),
    ).toMatchObject({ kind: "form", formId: "don:form", values: { qty: "3" }, chat: { type: "private" } });
  });

  it("reads server messages only when they mention the bot or reply to it; every DM", () => {
    const msg: MessageView = { id: "7", user, bot: false, channelId: "55", inGuild: true, content: "hello all" };
    expect(mapMessage(msg, BOT)).toBeUndefined();
    expect(mapMessage({ ...msg, content: `<@${BOT}> what is QMAS?` }, BOT)).toMatchObject({
      kind: "text",
      text: "what is QMAS?",
      eventId: "7",
    });
    expect(mapMessage({ ...msg, content: `hey <@!${BOT}>` }, BOT)).toMatchObject({ text: "hey" });
    expect(mapMessage({ ...msg, content: "and then?", repliedToUserId: BOT }, BOT)).toMatchObject({
      text: "and then?",
    });
    expect(mapMessage({ ...msg, inGuild: false }, BOT)).toMatchObject({
      text: "hello all",
      chat: { id: "discord:55", type: "private" },
    });
    expect(mapMessage({ ...msg, inGuild: false, bot: true }, BOT)).toBeUndefined();
  });
});
