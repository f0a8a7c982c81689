/**
 * Record-level ports: the association's records (offers, polls and ballots,
 * audit, linked accounts) behind interfaces the core defines and the storage
 * layer implements (src/storage/sql). A workflow that writes several rows
 * passes what else it owes (an audit entry, notifications) with its write, so
 * the implementation commits all of it in one transaction and delivers the
 * notifications afterwards from an outbox.
 */

import type { PollRepo } from "./agenda/polls.ts";
import type { AgendaRepo } from "./agenda/repo.ts";
import type { AuditLog } from "./audit.ts";
import type { DayCounters } from "./dashboard/stats.ts";
import type { OfferRepo } from "./donations/repo.ts";
import type { QuestionLog } from "./faq/log.ts";
import type { Identities } from "./identity/identities.ts";
import type { NativePoll, Notifier } from "./ports.ts";
import type { Reply } from "./replies.ts";
import type { Member } from "./types.ts";

/** A notification a workflow owes: to one member, to the organisers, or where a native poll was (its tally). */
export type Notice =
  | { readonly to: "organisers"; readonly replies: readonly Reply[] }
  | { readonly to: "member"; readonly memberId: string; readonly replies: readonly Reply[] }
  | { readonly to: "pollChat"; readonly poll: NativePoll; readonly replies: readonly Reply[] };

/** An organiser action to audit with a workflow's write. */
export interface AuditInput {
  readonly actor: Member;
  readonly action: string;
  readonly target: string;
  readonly detail?: string;
}

/** What a workflow owes besides its own rows: written with them, or not at all. */
export interface Owed {
  readonly audit?: AuditInput;
  readonly notices?: readonly Notice[];
}

/** What a key-value repository needs to carry out what a change owes (one step after another, no transaction). */
export interface OwedEffects {
  readonly notifier: Notifier;
  readonly audit: { record(actor: Member, action: string, target: string, detail?: string): Promise<unknown> };
}

/** Records the audit entry and sends the notices a change owes, one after another. */
export async function carryOut(effects: OwedEffects | undefined, owed: Owed): Promise<void> {
  if (!effects) return;
  const a = owed.audit;
  if (a) await effects.audit.record(a.actor, a.action, a.target, a.detail);
  for (const n of owed.notices ?? []) {
    if (n.to === "organisers") await effects.notifier.toOrganisers(n.replies);
    else if (n.to === "pollChat") await effects.notifier.toPollChat?.(n.poll, n.replies);
    else await effects.notifier.toMember(n.memberId, n.replies);
  }
}

/** Delivers what workflows wrote to the outbox. */
export interface Outbox {
  /** Delivers every notice not yet delivered (after a crash, or a failed delivery); returns how many went out. */
  deliverPending(): Promise<number>;
}

/** The association's records, as the storage layer provides them. */
export interface Records {
  readonly agenda: AgendaRepo;
  readonly offers: OfferRepo;
  readonly polls: PollRepo;
  readonly audit: AuditLog;
  readonly identities: Identities;
  readonly outbox: Outbox;
  /** Declined questions, answer refs and answer ratings. */
  readonly questions: QuestionLog;
  /** The overview's questions (and newcomers) per day. */
  readonly days: DayCounters;
  /**
   * Erases or anonymises every record of a member (offers and their history, topics, votes,
   * ballots, proposal counts, linked accounts, audit entries, questions, ratings, notices owed to
   * them) in one transaction: all or nothing. Returns the records changed; throws (nothing
   * changed) when the store fails. What each feature keeps is the features' rule (see their
   * `forget`); the features' own `forget` then finds nothing left here and clears ephemeral state.
   */
  forgetMember(memberId: string): Promise<number>;
  /** Makes erased bytes unreadable in files now (SQLite: checkpoints and truncates the write-ahead log). */
  compact(): Promise<void>;
  close(): Promise<void>;
}
