/**
 * The repositories the dashboard reads: the same the features use (the SQL
 * records when the app has them, else the key-value ones over the store), so
 * the pages always see what the commands changed.
 */
import type { PollRepo } from "../core/agenda/polls.ts";
import { PollRepo as KeyvPolls } from "../core/agenda/polls.ts";
import { AgendaRepo } from "../core/agenda/repo.ts";
import type { OfferRepo } from "../core/donations/repo.ts";
import { OfferRepo as KeyvOffers } from "../core/donations/repo.ts";
import type { Services } from "../core/feature.ts";

/** What the pages read. */
export interface DashboardRepos {
  readonly agenda: AgendaRepo;
  readonly polls: PollRepo;
  readonly offers: Pick<OfferRepo, "all" | "get" | "newest" | "impact">;
}

/** The repositories of the app's services (as donations/index.ts and agenda/index.ts pick them). */
export function serviceRepos(services: Services): DashboardRepos {
  const { store, records } = services;
  return {
    agenda: records?.agenda ?? new AgendaRepo(store),
    polls: records?.polls ?? new KeyvPolls(store),
    offers: records?.offers ?? new KeyvOffers(store),
  };
}
