/** What every agenda handler works with. */
import type { Services } from "../feature.ts";
import type { PollRepo } from "./polls.ts";
import type { AgendaRepo, Moderation } from "./repo.ts";

/** Options of the agenda feature (from the configuration). */
export interface AgendaOptions {
  readonly moderation: Moderation;
  readonly maxProposalsPerMember: number;
}

/** The services, repositories and options shared by the agenda's handlers. */
export interface AgendaDeps {
  readonly services: Services;
  readonly repo: AgendaRepo;
  readonly polls: PollRepo;
  readonly opts: AgendaOptions;
}

/** Feature name: the prefix of the agenda's action ids, poll ids and sessions. */
export const FEATURE = "ag";

/** How long a proposal (or an organiser's pending rejection) waits for the next message. */
export const SESSION_TTL_MS = 15 * 60 * 1000;
