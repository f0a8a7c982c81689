/**
 * Donation offers as rows: one row per offer (personal columns NULL once
 * erased), one row per status event. A change is an UPDATE guarded by the
 * version read (optimistic concurrency), committed in one transaction with
 * its events, its audit entry and the notifications it owes (outbox).
 */
import type { Kysely, Transaction } from "kysely";
import type { OfferStatus } from "../../core/donations/catalogue.ts";
import {
  type ImpactTotals,
  type Offer,
  OfferConflictError,
  type OfferCursor,
  type OfferEvent,
  type OfferFilter,
  type OfferRecord,
  type OfferRepo,
} from "../../core/donations/repo.ts";
import { shortId } from "../../core/ids.ts";
import type { Owed } from "../../core/records.ts";
import type { SqlAuditLog } from "./audit.ts";
import { guard, isUniqueViolation } from "./errors.ts";
import type { SqlOutbox } from "./outbox.ts";
import type { Database, OfferEventTable, OfferTable } from "./schema.ts";
import { countOffer, readOfferTotals } from "./tallies.ts";

type Row = OfferTable;
/** Offers read per query when reading them all. */
const PAGE = 500;
/**
 * How long a whole-table read pauses between pages, and how long its pages are: on a machine of two
 * cores, an export reading flat out took the database's CPU from members' votes (vote p99 15 ms at
 * 100,000 offers on PostgreSQL). Pages of 250 with a pause of 4 ms still gave a p99 of 10-14 ms in a
 * cold process; pages of 100 with 2 ms between them 8-10.5 ms, the export taking 4 s instead of 3.
 */
const PAGE_PAUSE_MS = 2;
/**
 * And at least this many times as long as the page took, read and turned into an export's text: an
 * export allocates as it goes, and each young collection it brings on holds up whichever member's
 * vote is running (5-12 ms each on a virtual machine of two cores). Flat out, one vote in thirty-five
 * met one (PostgreSQL, 100,000 offers: vote p99 10.4-13.5 ms during an export against 7 ms without);
 * giving members three quarters of the time, 8.1-9.1 ms in three runs of four. An export of 100,000
 * offers takes about 13 s instead of 5; of the thousand an association may have, a fraction of a second.
 */
const PAGE_YIELD = 3;
/** Pages of a whole-table read: short, so each of its queries takes the database only briefly. */
const READ_PAGE = 100;
type EventRow = Omit<OfferEventTable, "id">;

/** An offer's row (without its events). */
export function offerRow(o: Offer, submission: string | null = null): Row {
  return {
    ref: o.ref,
    owner_id: o.ownerId,
    version: o.version,
    status: o.status,
    created_at: o.createdAt,
    updated_at: o.updatedAt,
    closed_at: o.closedAt ?? null,
    category: o.category,
    quantity: o.quantity,
    unit: o.unit ?? null,
    condition: o.condition,
    district: o.district,
    organisation: o.organisation ?? null,
    description: o.description ?? null,
    address: o.address ?? null,
    available: o.available ?? null,
    contact_name: o.contactName ?? null,
    phone: o.phone ?? null,
    email: o.email ?? null,
    pdpo_accepted_at: o.pdpoAcceptedAt ?? null,
    erased_at: o.erasedAt ?? null,
    submission,
  };
}

/** Event rows of an offer's history from position `from`. */
export function eventRows(o: Pick<Offer, "ref" | "history">, from = 0): EventRow[] {
  return o.history.slice(from).map((e, i) => ({
    ref: o.ref,
    seq: from + i,
    at: e.at,
    status: e.status,
    by_whom: e.by,
    note: e.note ?? null,
  }));
}

function optional<K extends string>(key: K, v: string | null): { [P in K]?: string } {
  return (v === null ? {} : { [key]: v }) as { [P in K]?: string };
}

/**
 * An offer's own fields from its row. Set one by one, not spread: an export reads every offer
 * through here, and an object spread for each optional field was a third of its garbage.
 */
export function toRecord(r: Row): OfferRecord {
  const o: { -readonly [K in keyof OfferRecord]: OfferRecord[K] } = {
    ref: r.ref,
    ownerId: r.owner_id,
    version: Number(r.version),
    status: r.status as OfferStatus,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    category: r.category,
    quantity: Number(r.quantity),
    condition: r.condition,
    district: r.district,
  };
  if (r.closed_at !== null) o.closedAt = r.closed_at;
  if (r.unit !== null) o.unit = r.unit;
  if (r.organisation !== null) o.organisation = r.organisation;
  if (r.description !== null) o.description = r.description;
  if (r.address !== null) o.address = r.address;
  if (r.available !== null) o.available = r.available;
  if (r.contact_name !== null) o.contactName = r.contact_name;
  if (r.phone !== null) o.phone = r.phone;
  if (r.email !== null) o.email = r.email;
  if (r.pdpo_accepted_at !== null) o.pdpoAcceptedAt = r.pdpo_accepted_at;
  if (r.erased_at !== null) o.erasedAt = r.erased_at;
  return o;
}

export function toOffer(r: Row, events: readonly EventRow[]): Offer {
  return {
    ...toRecord(r),
    history: events.map(
      (e): OfferEvent => ({
        at: e.at,
        status: e.status as OfferStatus,
        by: e.by_whom as OfferEvent["by"],
        ...optional("note", e.note),
      }),
    ),
  };
}

function sameEvent(a: OfferEvent | undefined, b: OfferEvent | undefined): boolean {
  return a?.at === b?.at && a?.status === b?.status && a?.by === b?.by && a?.note === b?.note;
}

/** Offers in SQL. */
export class SqlOfferRepo implements OfferRepo {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly outbox: SqlOutbox,
    private readonly audit: SqlAuditLog,
  ) {}

  /** Stores a new offer under a fresh unique reference. */
  async create(make: (ref: string) => Offer): Promise<Offer> {
    const r = await this.insert(null, make, () => ({}));
    if (!r) throw new Error("offer without a submission key reported as duplicate");
    return r;
  }

  /** Stores one submission's offer at most once, with its notices, in one transaction. */
  async submitOnce(submission: string, make: (ref: string) => Offer, owed: (o: Offer) => Owed) {
    return this.insert(submission, make, owed);
  }

  private async insert(submission: string | null, make: (ref: string) => Offer, owed: (o: Offer) => Owed) {
    return guard("offer create", async () => {
      for (let attempt = 0; attempt < 20; attempt++) {
        const offer = make(`DON-${shortId(attempt < 10 ? 4 : 6)}`);
        try {
          const done = await this.db.transaction().execute(async (trx) => {
            if (
              submission &&
              (await trx.selectFrom("offers").select("ref").where("submission", "=", submission).executeTakeFirst())
            )
              return { dup: true as const };
            if (await trx.selectFrom("offers").select("ref").where("ref", "=", offer.ref).executeTakeFirst())
              return undefined;
            await trx.insertInto("offers").values(offerRow(offer, submission)).execute();
            await countOffer(trx, undefined, offer);
            if (offer.history.length > 0) await trx.insertInto("offer_events").values(eventRows(offer)).execute();
            return { dup: false as const, ids: await this.owe(trx, owed(offer)) };
          });
          if (done?.dup) return undefined;
          if (done) {
            await this.deliver(done.ids);
            return offer;
          }
        } catch (e) {
          if (!isUniqueViolation(e)) throw e;
          // A concurrent insert of the same submission or reference: look again.
          if (submission && (await this.bySubmission(submission))) return undefined;
        }
      }
      throw new Error("could not find a free offer reference");
    });
  }

  private async bySubmission(submission: string): Promise<boolean> {
    return !!(await this.db.selectFrom("offers").select("ref").where("submission", "=", submission).executeTakeFirst());
  }

  /** One offer by reference (case-insensitive). */
  async get(ref: string): Promise<Offer | undefined> {
    const key = ref.trim().toUpperCase();
    if (!/^DON-[0-9A-Z]{4,6}$/.test(key)) return undefined;
    return guard("offer get", async () => {
      const row = await this.db.selectFrom("offers").selectAll().where("ref", "=", key).executeTakeFirst();
      if (!row) return undefined;
      const events = await this.db
        .selectFrom("offer_events")
        .selectAll()
        .where("ref", "=", key)
        .orderBy("seq")
        .execute();
      return toOffer(row, events);
    });
  }

  /** Writes a change if the version is still the one read, with what it owes, in one transaction. */
  async save(read: Offer, next: Omit<Offer, "version">, owed: Owed = {}): Promise<Offer> {
    const saved: Offer = { ...next, version: read.version + 1 };
    const ids = await guard("offer save", () =>
      this.db.transaction().execute(async (trx) => {
        // The submission key names the member: it goes with the rest when the offer is anonymised.
        const { submission: _s, ...row } = offerRow(saved);
        const r = await trx
          .updateTable("offers")
          .set(saved.ownerId ? row : { ...row, submission: null })
          .where("ref", "=", read.ref)
          .where("version", "=", read.version)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) throw new OfferConflictError(read.ref);
        await countOffer(trx, read, saved);
        await this.writeHistory(trx, read, saved);
        return this.owe(trx, owed);
      }),
    );
    await this.deliver(ids);
    return saved;
  }

  private async writeHistory(trx: Transaction<Database>, read: Offer, saved: Offer): Promise<void> {
    const kept = read.history.every((e, i) => sameEvent(e, saved.history[i]));
    const from = kept ? read.history.length : 0;
    if (!kept) await trx.deleteFrom("offer_events").where("ref", "=", saved.ref).execute();
    const rows = eventRows(saved, from);
    if (rows.length > 0) await trx.insertInto("offer_events").values(rows).execute();
  }

  private async owe(trx: Transaction<Database>, owed: Owed): Promise<number[]> {
    if (owed.audit) await this.audit.write(trx, owed.audit);
    return this.outbox.write(trx, owed.notices ?? []);
  }

  /** Delivers after the commit: a failure leaves the rows for the next sweep, never undoes the change. */
  private async deliver(ids: readonly number[]): Promise<void> {
    if (ids.length > 0) await this.outbox.deliver(ids).catch(() => 0);
  }

  /** Nothing to do: a member's offers are found by the owner column, which erasure empties. */
  async unindex(_ownerId: string, _ref: string): Promise<void> {}

  /** A member's offers, oldest first. */
  async byOwner(ownerId: string): Promise<Offer[]> {
    if (!ownerId) return [];
    return guard("offer list", async () => {
      const rows = await this.db
        .selectFrom("offers")
        .selectAll()
        .where("owner_id", "=", ownerId)
        .orderBy("created_at")
        .orderBy("ref")
        .execute();
      return this.withEvents(rows);
    });
  }

  /** Every offer, oldest first. */
  async all(): Promise<Offer[]> {
    const out: Offer[] = [];
    for await (const rows of this.rowPages()) out.push(...(await this.withEvents(rows)));
    return out;
  }

  /** Every offer without its history, oldest first, a page at a time (see {@link rowPages}). */
  async *pages(): AsyncIterable<readonly OfferRecord[]> {
    for await (const rows of this.rowPages()) yield rows.map(toRecord);
  }

  /**
   * Every offer's row, oldest first, in pages along the creation index, pausing between them: SQLite
   * answers on the event loop, so one long read would hold up every member's vote for its whole
   * length, and 100,000 offers held at once cost the collector pauses of tens of ms.
   */
  private async *rowPages(): AsyncIterable<Row[]> {
    let after: { created_at: string; ref: string } | undefined;
    for (;;) {
      const from = after;
      const started = performance.now();
      const rows = await guard("offer list", async () => {
        let q = this.db.selectFrom("offers").selectAll().orderBy("created_at").orderBy("ref").limit(READ_PAGE);
        // A row comparison, which both databases answer from the index where the page left off.
        if (from) q = q.where((eb) => eb(eb.refTuple("created_at", "ref"), ">", eb.tuple(from.created_at, from.ref)));
        return q.execute();
      });
      if (rows.length > 0) yield rows;
      const last = rows.at(-1);
      if (!last || rows.length < READ_PAGE) return;
      after = { created_at: last.created_at, ref: last.ref };
      const took = performance.now() - started;
      await new Promise((r) => setTimeout(r, Math.max(PAGE_PAUSE_MS, took * PAGE_YIELD)));
    }
  }

  /** Offers and items per category and per status, from the totals kept with the offers. */
  async impact(): Promise<ImpactTotals> {
    return guard("offer impact", async () => {
      const byCategory = new Map<string, { offers: number; items: number }>();
      const byStatus = new Map<string, { offers: number; items: number }>();
      for (const r of await readOfferTotals(this.db)) {
        for (const [map, key] of [
          [byCategory, r.category],
          [byStatus, r.status],
        ] as const) {
          const t = map.get(key) ?? { offers: 0, items: 0 };
          map.set(key, { offers: t.offers + r.offers, items: t.items + r.items });
        }
      }
      return { byCategory, byStatus };
    });
  }

  /**
   * How many offers match, and the newest `limit` of them (indexed on creation time); with `before`,
   * a keyset page: the newest older than that offer, read from the index where the last page ended.
   */
  async newest(filter: OfferFilter, limit: number, before?: OfferCursor): Promise<{ total: number; offers: Offer[] }> {
    return guard("offer list", async () => {
      let q = this.db.selectFrom("offers");
      if (filter.status) q = q.where("status", "=", filter.status);
      if (filter.category) q = q.where("category", "=", filter.category);
      if (filter.district) q = q.where("district", "=", filter.district);
      const { n } = await q.select((eb) => eb.fn.countAll<number | string>().as("n")).executeTakeFirstOrThrow();
      let page = q;
      if (before) {
        const { createdAt, ref } = before;
        page = page.where((eb) => eb(eb.refTuple("created_at", "ref"), "<", eb.tuple(createdAt, ref)));
      }
      const rows = await page
        .selectAll()
        .orderBy("created_at", "desc")
        .orderBy("ref", "desc")
        .limit(Math.max(0, limit))
        .execute();
      return { total: Number(n), offers: await this.withEvents(rows) };
    });
  }

  private async withEvents(rows: Row[]): Promise<Offer[]> {
    if (rows.length === 0) return [];
    const byRef = new Map<string, EventRow[]>();
    const events: EventRow[] = [];
    for (let i = 0; i < rows.length; i += PAGE) {
      const refs = rows.slice(i, i + PAGE).map((r) => r.ref);
      events.push(
        ...(await this.db
          .selectFrom("offer_events")
          .selectAll()
          .where("ref", "in", refs)
          .orderBy("ref")
          .orderBy("seq")
          .execute()),
      );
    }
    for (const e of events) {
      const list = byRef.get(e.ref) ?? [];
      list.push(e);
      byRef.set(e.ref, list);
    }
    return rows.map((r) => toOffer(r, byRef.get(r.ref) ?? []));
  }
}
