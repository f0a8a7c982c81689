/**
 * Discord interactions and messages -> core events (pure). discord.js
 * structures are first reduced to plain views (so the mapping is testable on
 * recorded payloads), then mapped. In servers the bot only reads messages that
 * mention it or reply to it; in DMs everything is for it. Slash commands'
 * typed options (and subcommand), and the modal that asks for them, come back
 * as the one `args` string of the core (see ./commands.ts).
 */
import { type ChatInputCommandInteraction, GuildMember, type Interaction, type Message } from "discord.js";
import type { Chat, InboundEvent, Member } from "../../core/types.ts";
import { ARGS_OPTION, argsOf, COMMAND_MODAL_PREFIX, type SlashShape, slashShape } from "./commands.ts";
import { SELECT_PREFIX } from "./render.ts";

export { ARGS_OPTION };

/** A command's Discord shape by name (unknown commands: one `text` option). */
export type ShapeOf = (command: string) => SlashShape | undefined;

/** Who did something, as the mapper needs it. */
export interface UserView {
  readonly id: string;
  readonly name: string;
  readonly locale?: string;
  /** Role ids in the server (none in DMs). */
  readonly roles: readonly string[];
}

/** What happened in an interaction, as plain data. */
export type InteractionView = {
  readonly id: string;
  readonly user: UserView;
  readonly channelId: string;
  readonly inGuild: boolean;
} & (
  | { readonly kind: "command"; readonly command: string; readonly args: string }
  | { readonly kind: "button"; readonly customId: string }
  | { readonly kind: "select"; readonly customId: string; readonly values: readonly string[] }
  | { readonly kind: "modal"; readonly customId: string; readonly fields: Readonly<Record<string, string>> }
);

/** A message as plain data. */
export interface MessageView {
  readonly id: string;
  readonly user: UserView;
  readonly bot: boolean;
  readonly channelId: string;
  readonly inGuild: boolean;
  readonly content: string;
  /** Id of the author of the message this one replies to, if any. */
  readonly repliedToUserId?: string;
}

/** The member behind a Discord user. */
export function toMember(u: UserView): Member {
  return {
    id: `discord:${u.id}`,
    platform: "discord",
    platformUserId: u.id,
    displayName: u.name,
    ...(u.locale ? { locale: u.locale } : {}),
    ...(u.roles.length ? { roles: u.roles } : {}),
  };
}

function toChat(channelId: string, inGuild: boolean): Chat {
  return { id: `discord:${channelId}`, type: inGuild ? "group" : "private" };
}

/** The core event of an interaction (unknown kinds were already dropped by {@link interactionView}). */
export function mapInteraction(v: InteractionView): InboundEvent | undefined {
  const base = { member: toMember(v.user), chat: toChat(v.channelId, v.inGuild), eventId: v.id };
  switch (v.kind) {
    case "command":
      return { ...base, kind: "command", command: v.command, args: v.args };
    case "button":
      return { ...base, kind: "action", data: v.customId };
    case "select": {
      // A select menu carries one chosen option whose value is the core's action id.
      const data = v.values[0];
      return data ? { ...base, kind: "action", data } : undefined;
    }
    case "modal":
      return { ...base, kind: "form", formId: v.customId, values: v.fields };
  }
}

/** The core event of a message, or undefined when it is not for the bot. */
export function mapMessage(v: MessageView, botId: string): InboundEvent | undefined {
  if (v.bot) return undefined;
  const base = { member: toMember(v.user), chat: toChat(v.channelId, v.inGuild), eventId: v.id };
  if (!v.inGuild) return { ...base, kind: "text", text: v.content };
  const mention = new RegExp(`<@!?${botId}>`, "g");
  if (mention.test(v.content)) return { ...base, kind: "text", text: v.content.replace(mention, " ").trim() };
  if (v.repliedToUserId === botId) return { ...base, kind: "text", text: v.content };
  return undefined;
}

function rolesOf(member: Interaction["member"] | Message["member"], guildId: string | null): string[] {
  if (!member) return [];
  if (member instanceof GuildMember) return [...member.roles.cache.keys()].filter((id) => id !== guildId);
  return [...member.roles];
}

function userView(i: Interaction | Message, locale?: string): UserView {
  const user = "author" in i ? i.author : i.user;
  const member = i.member;
  const name =
    (member instanceof GuildMember ? member.displayName : member?.nick) ?? user.globalName ?? user.username ?? user.id;
  return { id: user.id, name, ...(locale ? { locale } : {}), roles: rolesOf(member, i.guildId) };
}

/** A slash command's option values by name (a subcommand's, when it has one). */
export function optionValues(i: ChatInputCommandInteraction): Record<string, string> {
  const values: Record<string, string> = {};
  for (const o of i.options.data.flatMap((d) => (d.options ? [...d.options] : [d]))) {
    if (o.value !== undefined && o.value !== null) values[o.name] = String(o.value);
  }
  return values;
}

/** Reduces a discord.js interaction to a view, or undefined for kinds the bot does not handle. */
export function interactionView(i: Interaction, shapeOf: ShapeOf = () => undefined): InteractionView | undefined {
  if (!i.channelId) return undefined;
  const base = { id: i.id, user: userView(i, i.locale), channelId: i.channelId, inGuild: i.inGuild() };
  const shape = (name: string) => shapeOf(name) ?? slashShape({ name });
  if (i.isChatInputCommand()) {
    const verb = i.options.getSubcommand(false);
    const args = argsOf(shape(i.commandName), verb, optionValues(i));
    return { ...base, kind: "command", command: i.commandName, args };
  }
  if (i.isButton()) return { ...base, kind: "button", customId: i.customId };
  if (i.isStringSelectMenu() && i.customId.startsWith(SELECT_PREFIX)) {
    return { ...base, kind: "select", customId: i.customId, values: i.values };
  }
  if (i.isModalSubmit()) {
    const fields: Record<string, string> = {};
    for (const [id, c] of i.fields.fields) {
      if ("value" in c && typeof c.value === "string") fields[id] = c.value;
      else if ("values" in c && Array.isArray(c.values)) fields[id] = c.values.map(String).join(",");
    }
    if (i.customId.startsWith(COMMAND_MODAL_PREFIX)) {
      const command = i.customId.slice(COMMAND_MODAL_PREFIX.length);
      return { ...base, kind: "command", command, args: argsOf(shape(command), null, fields) };
    }
    return { ...base, kind: "modal", customId: i.customId, fields };
  }
  return undefined;
}

/** Reduces a discord.js message to a view. */
export function messageView(m: Message): MessageView {
  const replied = m.mentions.repliedUser?.id;
  return {
    id: m.id,
    user: userView(m),
    bot: m.author.bot || m.system,
    channelId: m.channelId,
    inGuild: m.inGuild(),
    content: m.content,
    ...(replied ? { repliedToUserId: replied } : {}),
  };
}
