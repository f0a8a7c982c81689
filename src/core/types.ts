/**
 * Platform-neutral vocabulary of the core: who is talking, where, and what
 * happened. Adapters translate their platform's updates into these types.
 */

/** A platform the bot runs on. */
export type Platform = "console" | "telegram" | "discord";

/** A language the bot answers in. */
export type Lang = "en" | "zh-HK";

/** Someone talking to the bot. `id` is stable and platform-qualified, e.g. `telegram:12345`. */
export interface Member {
  /** `${platform}:${platformUserId}`: the key under which everything of this member is stored. */
  readonly id: string;
  readonly platform: Platform;
  readonly platformUserId: string;
  readonly displayName: string;
  /** The language the platform reports for the member (e.g. Telegram `language_code`, Discord `locale`). */
  readonly locale?: string;
  /** Platform roles (Discord role ids), used by the organiser policy. */
  readonly roles?: readonly string[];
}

/** Where a message came from. */
export interface Chat {
  /** `${platform}:${platformChatId}`. */
  readonly id: string;
  /** `private` for a one-to-one chat with the bot, `group` for groups, servers and channels. */
  readonly type: "private" | "group";
}

interface EventBase {
  readonly member: Member;
  readonly chat: Chat;
  /** Platform delivery id (Telegram update_id, Discord interaction id): handled once even if delivered twice. */
  readonly eventId?: string;
}

/** A plain message; a leading `/word` is parsed as a command by the core. */
export interface TextEvent extends EventBase {
  readonly kind: "text";
  readonly text: string;
}

/** A command the platform already parsed (a Discord slash command). */
export interface CommandEvent extends EventBase {
  readonly kind: "command";
  readonly command: string;
  readonly args: string;
}

/** A button press; `data` is what the core put in the button's `id`. */
export interface ActionEvent extends EventBase {
  readonly kind: "action";
  readonly data: string;
}

/** Several form fields submitted at once (a Discord modal). */
export interface FormEvent extends EventBase {
  readonly kind: "form";
  readonly formId: string;
  readonly values: Readonly<Record<string, string>>;
}

/**
 * Newcomers joined a group (one burst: adapters gather joins for a few seconds). `member` is the
 * first of them; the bot welcomes them all in one short message.
 */
export interface JoinEvent extends EventBase {
  readonly kind: "join";
  readonly newcomers: readonly Member[];
}

/** An inbound event from any adapter. */
export type InboundEvent = TextEvent | CommandEvent | ActionEvent | FormEvent | JoinEvent;

interface PollVoteBase {
  readonly member: Member;
  readonly platform: Platform;
  /** Telegram poll id, Discord message id of the poll. */
  readonly nativePollId: string;
  readonly eventId?: string;
}

/**
 * A vote in a native platform poll: either the member's whole ballot (Telegram
 * reports it; empty = retraction), or one answer selected or unselected
 * (Discord reports those; the core keeps the member's selection in the store).
 */
export type PollVoteEvent = PollVoteBase &
  (
    | { readonly optionIndexes: readonly number[] }
    | { readonly change: { readonly option: number; readonly selected: boolean } }
  );
