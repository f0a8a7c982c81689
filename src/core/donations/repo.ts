/**
 * Storage of offers through the {@link Store} port: one record per offer
 * (ns `offer`, key = reference) and one index record per owner and offer
 * (ns `offerby`, key `<memberId>:<ref>`), so no shared list is ever
 * read-modified-written.
 *
 * Lost updates: every offer carries a `version`. A writer claims the next
 * version with the store's atomic create-if-absent (`offerver`,
 * `<ref>:<version>`) before writing the whole record, so of two concurrent
 * writers of the same version exactly one wins and the other gets a conflict.
 * Limit: the claim lives {@link CLAIM_TTL_MS}; a writer that read the record
 * longer ago than that and writes only now could still overwrite (the
 * version is re-read just before the write to narrow this), and a crash
 * between claim and write blocks further changes of that offer until the
 * claim expires.
 */
import { shortId } from "../ids.ts";
import type { Store } from "../ports.ts";
import { carryOut, type Owed, type OwedEffects } from "../records.ts";
import type { OfferStatus } from "./catalogue.ts";
import { impactTotals } from "./views.ts";

/** One change of status, as the donor is told of it. */
export interface OfferEvent {
  readonly at: string;
  readonly status: OfferStatus;
  readonly by: "donor" | "organiser" | "system";
  /** The organiser's note; erased with the personal data. */
  readonly note?: string;
}

/** A donation offer as stored. Personal fields are absent once erased. */
export interface Offer {
  readonly ref: string;
  /** The donor's member id; empty once the personal data was erased. */
  readonly ownerId: string;
  readonly version: number;
  readonly status: OfferStatus;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** When it reached a closed status (distributed, declined, withdrawn). */
  readonly closedAt?: string;
  readonly category: string;
  readonly quantity: number;
  readonly unit?: string;
  readonly condition: string;
  readonly district: string;
  readonly organisation?: string;
  readonly description?: string;
  readonly address?: string;
  readonly available?: string;
  readonly contactName?: string;
  readonly phone?: string;
  readonly email?: string;
  /** When the donor accepted the Personal Information Collection Statement. */
  readonly pdpoAcceptedAt?: string;
  /** When the personal data was erased (by /forgetme or the retention period). */
  readonly erasedAt?: string;
  readonly history: readonly OfferEvent[];
}

/** An offer's own fields, without its history of status changes: what an export shows. */
export type OfferRecord = Omit<Offer, "history">;

/** The index record of one offer of one owner. */
interface OwnerIndex {
  readonly ref: string;
}

const NS = "offer";
const BY = "offerby";
const VER = "offerver";
/** How long a version claim guards a write. */
export const CLAIM_TTL_MS = 60_000;

/** The offer was changed by someone else since it was read. */
export class OfferConflictError extends Error {
  override readonly name = "OfferConflictError";
}

/** The offers' records (a port: {@link KeyvOfferRepo} here, the SQL one in src/storage/sql). */
export interface OfferRepo {
  /** Stores a new offer under a fresh unique reference (`DON-XXXX`). */
  create(make: (ref: string) => Offer): Promise<Offer>;
  /**
   * Stores the offer of one form submission at most once, with what the submission owes, all or
   * nothing; undefined when this submission was stored before. Absent: the caller de-duplicates.
   */
  submitOnce?(submission: string, make: (ref: string) => Offer, owed: (o: Offer) => Owed): Promise<Offer | undefined>;
  /** One offer by reference (case-insensitive), if it exists. */
  get(ref: string): Promise<Offer | undefined>;
  /**
   * Writes a changed offer whose `version` is still the one read, with what the change owes;
   * throws {@link OfferConflictError} otherwise (and then nothing owed happened).
   */
  save(read: Offer, next: Omit<Offer, "version">, owed?: Owed): Promise<Offer>;
  /** Removes the owner's index record of an offer (when the offer is anonymised). */
  unindex(ownerId: string, ref: string): Promise<void>;
  /** A member's offers, oldest first. */
  byOwner(ownerId: string): Promise<Offer[]>;
  /** Every offer, oldest first. */
  all(): Promise<Offer[]>;
  /**
   * Every offer without its history (an export shows none), oldest first, a page at a time: an
   * export need not hold them all at once (else {@link all}).
   */
  pages?(): AsyncIterable<readonly OfferRecord[]>;
  /** Offers and items per category and per status, counted by the store where it can. */
  impact(): Promise<ImpactTotals>;
  /**
   * How many offers match a filter, and the newest `limit` of them, newest first; with `before`, the
   * newest of those older than that offer (the next page, found from where the last one ended).
   */
  newest(filter: OfferFilter, limit: number, before?: OfferCursor): Promise<{ total: number; offers: Offer[] }>;
}

/** Where a page of offers ended: the last offer shown (offers are ordered by creation, then reference). */
export interface OfferCursor {
  readonly createdAt: string;
  readonly ref: string;
}

/** Offers and items counted. */
export interface OfferTally {
  readonly offers: number;
  readonly items: number;
}

/** What /impact reports: per category and per status. */
export interface ImpactTotals {
  readonly byCategory: ReadonlyMap<string, OfferTally>;
  readonly byStatus: ReadonlyMap<string, OfferTally>;
}

/** An organiser's filter of /offers. */
export interface OfferFilter {
  readonly status?: string | undefined;
  readonly category?: string | undefined;
  readonly district?: string | undefined;
}

/** What the key-value repository needs to carry out what a change owes (see records.ts). */
export type { OwedEffects } from "../records.ts";

/** Offers in the key-value store. */
export class KeyvOfferRepo implements OfferRepo {
  constructor(
    private readonly store: Store,
    private readonly effects?: OwedEffects,
  ) {}

  /**
   * Stores a new offer under a fresh unique reference (`DON-XXXX`) and indexes it under its
   * owner. The index is written first: if the store fails in between, a dangling index entry
   * is ignored by {@link byOwner}, whereas an offer without one would be hidden from its donor.
   */
  async create(make: (ref: string) => Offer): Promise<Offer> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const offer = make(`DON-${shortId(attempt < 10 ? 4 : 6)}`);
      const index = `${offer.ownerId}:${offer.ref}`;
      await this.store.set<OwnerIndex>(BY, index, { ref: offer.ref });
      if (await this.store.add(NS, offer.ref, offer)) return offer;
      // The reference is taken (by someone else's offer): drop our index entry and draw again.
      await this.store.delete(BY, index);
    }
    throw new Error("could not find a free offer reference");
  }

  /** One offer by reference (case-insensitive), if it exists. */
  async get(ref: string): Promise<Offer | undefined> {
    const key = ref.trim().toUpperCase();
    if (!/^DON-[0-9A-Z]{4,6}$/.test(key)) return undefined;
    return this.store.get<Offer>(NS, key);
  }

  /** Writes a changed offer whose `version` is still the one read; throws {@link OfferConflictError} otherwise. */
  async save(read: Offer, next: Omit<Offer, "version">, owed?: Owed): Promise<Offer> {
    const version = read.version + 1;
    if (!(await this.store.add(VER, `${read.ref}:${version}`, 1, CLAIM_TTL_MS))) throw new OfferConflictError(read.ref);
    const current = await this.store.get<Offer>(NS, read.ref);
    if (!current || current.version !== read.version) throw new OfferConflictError(read.ref);
    const saved: Offer = { ...next, version };
    await this.store.set(NS, read.ref, saved);
    if (owed) await carryOut(this.effects, owed);
    return saved;
  }

  /** Removes the owner's index record of an offer (when the offer is anonymised). */
  async unindex(ownerId: string, ref: string): Promise<void> {
    await this.store.delete(BY, `${ownerId}:${ref}`);
  }

  /** A member's offers, oldest first. */
  async byOwner(ownerId: string): Promise<Offer[]> {
    const index = await this.store.list<OwnerIndex>(BY, `${ownerId}:`);
    const offers = await Promise.all(index.map((i) => this.store.get<Offer>(NS, i.value.ref)));
    return offers
      .filter((o): o is Offer => o !== undefined && o.ownerId === ownerId)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** Every offer, oldest first. */
  async all(): Promise<Offer[]> {
    const rows = await this.store.list<Offer>(NS);
    return rows
      .map((r) => r.value)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.ref.localeCompare(b.ref));
  }

  /** Counted from every offer: the key-value store has no aggregates. */
  async impact(): Promise<ImpactTotals> {
    return impactTotals(await this.all());
  }

  /** Filtered and paged in memory: the key-value store has no indexes. */
  async newest(filter: OfferFilter, limit: number, before?: OfferCursor): Promise<{ total: number; offers: Offer[] }> {
    const matching = (await this.all())
      .filter(
        (o) =>
          (!filter.status || o.status === filter.status) &&
          (!filter.category || o.category === filter.category) &&
          (!filter.district || o.district === filter.district),
      )
      .reverse();
    const older = before
      ? matching.filter(
          (o) => o.createdAt < before.createdAt || (o.createdAt === before.createdAt && o.ref < before.ref),
        )
      : matching;
    return { total: matching.length, offers: older.slice(0, Math.max(0, limit)) };
  }
}

/** The key-value repository under the name callers construct (`new OfferRepo(store)`). */
export const OfferRepo = KeyvOfferRepo;
