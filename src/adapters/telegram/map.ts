/**
 * Telegram update -> core event (pure). In groups the bot only reacts to what
 * is addressed to it: commands (for it), mentions of it, and replies to it;
 * everything else in a group is conversation between members.
 */
import type { CallbackQuery, ChatMemberUpdated, Message, PollAnswer, Update, User } from "telegraf/types";
import type { Chat, InboundEvent, Member, PollVoteEvent } from "../../core/types.ts";

/** What the mapper needs to know about the bot itself. */
export interface BotIdentity {
  readonly id: number;
  readonly username: string;
}

/** A core event from one update, or nothing to handle. */
export type Mapped =
  | {
      readonly kind: "event";
      readonly event: InboundEvent;
      readonly callbackQueryId?: string;
      /** The message whose button was pressed (edited when the core redraws it). */
      readonly pressed?: PressedMessage;
    }
  | { readonly kind: "poll"; readonly vote: PollVoteEvent }
  | { readonly kind: "join"; readonly chat: Chat; readonly newcomers: readonly Member[] }
  | { readonly kind: "ignore" };

/** Where a pressed button's message is. */
export interface PressedMessage {
  readonly chatId: number;
  readonly messageId: number;
}

/** The member behind a Telegram user. */
export function toMember(u: User): Member {
  const name = [u.first_name, u.last_name].filter(Boolean).join(" ") || u.username || String(u.id);
  return {
    id: `telegram:${u.id}`,
    platform: "telegram",
    platformUserId: String(u.id),
    displayName: name,
    ...(u.language_code ? { locale: u.language_code } : {}),
  };
}

/** The chat of a message. */
export function toChat(c: Message["chat"]): Chat {
  return { id: `telegram:${c.id}`, type: c.type === "private" ? "private" : "group" };
}

/** Maps one update. */
export function mapUpdate(update: Update, me: BotIdentity): Mapped {
  const eventId = String(update.update_id);
  if ("message" in update) return mapMessage(update.message, me, eventId);
  if ("callback_query" in update) return mapCallback(update.callback_query, eventId);
  if ("poll_answer" in update) return mapPollAnswer(update.poll_answer, eventId);
  if ("chat_member" in update) return mapChatMember(update.chat_member);
  return { kind: "ignore" };
}

/**
 * A `chat_member` update is a join when the user was not a member before and is one now. Telegram
 * sends it (to a bot that is an administrator) even where join messages are hidden; where both
 * arrive, the adapter welcomes the member once.
 */
function mapChatMember(u: ChatMemberUpdated): Mapped {
  const user = u.new_chat_member.user;
  if (user.is_bot || !isMember(u.new_chat_member) || isMember(u.old_chat_member)) return { kind: "ignore" };
  if (u.chat.type === "private" || u.chat.type === "channel") return { kind: "ignore" };
  return { kind: "join", chat: { id: `telegram:${u.chat.id}`, type: "group" }, newcomers: [toMember(user)] };
}

function isMember(m: ChatMemberUpdated["new_chat_member"]): boolean {
  if (m.status === "restricted") return m.is_member;
  return m.status === "member" || m.status === "administrator" || m.status === "creator";
}

function mapMessage(msg: Message, me: BotIdentity, eventId: string): Mapped {
  const from = msg.from;
  if (!from || from.is_bot) return { kind: "ignore" };
  const chat = toChat(msg.chat);
  if ("new_chat_members" in msg) {
    // Newcomers are gathered by the adapter and welcomed together, once per burst of joins.
    const newcomers = msg.new_chat_members.filter((u) => !u.is_bot).map(toMember);
    return newcomers.length > 0 ? { kind: "join", chat, newcomers } : { kind: "ignore" };
  }
  const raw = "text" in msg ? msg.text : "caption" in msg ? (msg.caption ?? "") : "";
  if (chat.type === "group") {
    const addressed = addressedText(raw, msg, me);
    if (addressed === undefined) return { kind: "ignore" };
    return { kind: "event", event: { kind: "text", member: toMember(from), chat, text: addressed, eventId } };
  }
  // In a private chat everything is for the bot; a sticker or photo arrives as empty text and gets a clear reply.
  return { kind: "event", event: { kind: "text", member: toMember(from), chat, text: raw, eventId } };
}

/** The text addressed to the bot in a group message, or undefined when the message is not for it. */
function addressedText(raw: string, msg: Message, me: BotIdentity): string | undefined {
  const command = /^\/[A-Za-z0-9_]+(?:@(\w+))?/.exec(raw);
  if (command) {
    const target = command[1];
    return target === undefined || target.toLowerCase() === me.username.toLowerCase() ? raw : undefined;
  }
  const mention = new RegExp(`@${me.username}\\b`, "i");
  if (mention.test(raw)) return raw.replace(mention, "").trim();
  if ("reply_to_message" in msg && msg.reply_to_message?.from?.id === me.id) return raw;
  return undefined;
}

function mapCallback(q: CallbackQuery, eventId: string): Mapped {
  if (!("data" in q) || !q.data) return { kind: "ignore" };
  const chat: Chat = q.message ? toChat(q.message.chat) : { id: `telegram:${q.from.id}`, type: "private" };
  return {
    kind: "event",
    event: { kind: "action", member: toMember(q.from), chat, data: q.data, eventId },
    callbackQueryId: q.id,
    ...(q.message ? { pressed: { chatId: q.message.chat.id, messageId: q.message.message_id } } : {}),
  };
}

function mapPollAnswer(a: PollAnswer, eventId: string): Mapped {
  if (!a.user) return { kind: "ignore" };
  return {
    kind: "poll",
    vote: {
      member: toMember(a.user),
      platform: "telegram",
      nativePollId: a.poll_id,
      optionIndexes: a.option_ids,
      eventId,
    },
  };
}
