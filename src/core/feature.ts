/**
 * A feature (faq, onboarding, agenda, donations) plugs into the bot through
 * this interface: its commands, its buttons, its conversations, its polls.
 */

import type { AuditLog } from "./audit.ts";
import type { Localised } from "./i18n.ts";
import type { MemberLanguages } from "./language.ts";
import type { LiveReply } from "./live.ts";
import type {
  Clock,
  Embedder,
  KnowledgeBase,
  Logger,
  Notifier,
  OrganiserPolicy,
  Pictures,
  Script,
  Store,
  Understanding,
} from "./ports.ts";
import type { Records } from "./records.ts";
import type { Reply } from "./replies.ts";
import type { Session, SessionStore } from "./session.ts";
import type { Chat, Lang, Member } from "./types.ts";

/** Everything a feature may use. Built once in the composition root. */
export interface Services {
  readonly store: Store;
  readonly clock: Clock;
  readonly notifier: Notifier;
  readonly logger: Logger;
  readonly policy: OrganiserPolicy;
  readonly knowledge: KnowledgeBase;
  /** The language each member last wrote in, for notices sent later. */
  readonly languages?: MemberLanguages;
  /** Intents, scripts and padding of free text; without it, free text is only a question. */
  readonly understanding?: Understanding;
  readonly embedder: Embedder;
  readonly audit: AuditLog;
  readonly sessions: SessionStore;
  /** Draws charts for replies that are easier to look at than to read; without it, text only. */
  readonly pictures?: Pictures;
  /** The association's records in SQL; without them, features keep their records in `store`. */
  readonly records?: Records;
}

/** Who is talking, where, in which language; passed to every handler. */
export interface Context {
  readonly member: Member;
  readonly chat: Chat;
  readonly lang: Lang;
  /** Simplified Chinese members get their replies converted. */
  readonly script?: Script;
  readonly isOrganiser: boolean;
  readonly now: Date;
  /** The message is a question asked in the middle of the feature's own form (answered, then the form goes on). */
  readonly aside?: boolean;
}

/** A name in Traditional Chinese where the platform shows localized names (Discord): letters and digits, ≤32. */
export interface LocalName {
  readonly "zh-HK": string;
}

/** A verb of a command (`/townhall open …`): a subcommand where the platform has them (Discord). */
export interface CommandVerb {
  /** Lower-case, at most 32 characters of [a-z0-9_]. */
  readonly name: string;
  readonly localName?: LocalName;
  readonly description: Localised;
  /**
   * Its arguments after the verb: `<x>` required, `[x]` optional, `[x: a|b]` one of a few words,
   * a lone `|` written between free-text parts, e.g. `<name> | [date]`.
   */
  readonly usage?: string;
}

/** A free-text part of a command, asked in a form where the platform has one (a Discord modal). */
export interface CommandField {
  /** As in the usage: `title` for `<title>`. */
  readonly name: string;
  readonly localName?: LocalName;
  readonly label: Localised;
  readonly kind: "text" | "longtext";
  readonly required: boolean;
  readonly maxLength: number;
}

/** A slash command. Names are the same on every platform. */
export interface CommandSpec {
  /** Lower-case, no slash, at most 32 characters of [a-z0-9_] (Discord's and Telegram's rule). */
  readonly name: string;
  readonly localName?: LocalName;
  readonly description: Localised;
  /** Shown by /help after the slash, e.g. `propose <title>`. */
  readonly usage?: string;
  /** Its free-text parts in order; the command gets them joined by ` | ` (`/propose <title> | <details>`). */
  readonly fields?: readonly CommandField[];
  /** Its verbs, each with its own arguments (the args the command gets start with the verb). */
  readonly verbs?: readonly CommandVerb[];
  /** Refused with a clear message for members who are not organisers. */
  readonly organiserOnly?: boolean;
  /** Not listed in the member's /help (organiser commands are listed only to organisers). */
  readonly hidden?: boolean;
  /** About the member's own records (offers, personal data): not offered in group chats' command menus. */
  readonly privateOnly?: boolean;
  /** Runs the command; `live`, when given, may show an answer as it is written (/ask). */
  run(ctx: Context, args: string, live?: LiveReply): Promise<Reply[]>;
}

/** A feature of the bot. */
export interface Feature {
  /** Short prefix of its action ids and poll ids, e.g. `ag` for `ag:up:T7K2`. */
  readonly name: string;
  readonly commands: readonly CommandSpec[];
  /** A button of this feature was pressed; `args` are the parts after the prefix. */
  onAction?(ctx: Context, args: readonly string[]): Promise<Reply[]>;
  /** A message arrived while this feature's conversation is active for the member. */
  onText?(ctx: Context, text: string, session: Session): Promise<Reply[]>;
  /** The question the member's conversation is waiting on, asked again (after a question aside). */
  reprompt?(ctx: Context, session: Session): Promise<Reply[]>;
  /** Several fields submitted at once (a native form). */
  onForm?(ctx: Context, formId: string, values: Readonly<Record<string, string>>): Promise<Reply[]>;
  /** Newcomers joined a group: one short welcome for all of them. */
  onJoin?(ctx: Context, newcomers: readonly Member[]): Promise<Reply[]>;
  /** A vote in a native poll this feature posted; empty `optionIndexes` is a retraction. */
  onPollVote?(member: Member, pollId: string, optionIndexes: readonly number[]): Promise<void>;
  /** `/cancel` while this feature's conversation is active. */
  onCancel?(ctx: Context, session: Session): Promise<Reply[]>;
  /** Everything this feature holds about a member, as readable lines, for /mydata. */
  personalData?(memberId: string, lang: Lang): Promise<string[]>;
  /** Erases the member's personal data (contacts, free text), keeping anonymised counts; returns records changed. */
  forget?(memberId: string): Promise<number>;
  /** Moves a linked account's records to its canonical member (one vote per member stays one); returns records moved. */
  mergeMember?(fromId: string, intoId: string): Promise<number>;
}
