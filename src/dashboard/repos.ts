/**
 * The repositories the dashboard reads (the same the features use). Built in
 * one place so that the storage behind them can change without the pages
 * noticing.
 */
import type { PollRepo } from "../core/agenda/polls.ts";
import { PollRepo as KeyvPolls } from "../core/agenda/polls.ts";
import { AgendaRepo } from "../core/agenda/repo.ts";
import type { OfferRepo } from "../core/donations/repo.ts";
import { OfferRepo as KeyvOffers } from "../core/donations/repo.ts";
import type { Store } from "../core/ports.ts";

/** What the pages read. */
export interface DashboardRepos {
  readonly agenda: AgendaRepo;
  readonly polls: PollRepo;
  readonly offers: Pick<OfferRepo, "all" | "get">;
}

/** The repositories over the bot's store. */
export function storeRepos(store: Store): DashboardRepos {
  return { agenda: new AgendaRepo(store), polls: new KeyvPolls(store), offers: new KeyvOffers(store) };
}
