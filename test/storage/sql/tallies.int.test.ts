/**
 * The counts kept beside the rows (poll tallies, offer totals) against
 * aggregates over the rows themselves, after random votes, changes,
 * withdrawals, deleted and moved ballots, linked accounts, new offers and
 * status changes, some of them at once, on both dialects.
 */
import type { Kysely } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import type { OfferStatus } from "../../../src/core/donations/catalogue.ts";
import type { Offer } from "../../../src/core/donations/repo.ts";
import { sqlRecords } from "../../../src/storage/sql/index.ts";
import { sql } from "../../../src/storage/sql/kysely.ts";
import type { Database } from "../../../src/storage/sql/schema.ts";
import { recountTotals } from "../../../src/storage/sql/tallies.ts";
import { makeServices, member } from "../../helpers/services.ts";
import { dialects } from "./dialects.ts";

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

type Counts = [string, number, number][];

async function kept(db: Kysely<Database>, pollId: string): Promise<Counts> {
  const rows = await db
    .selectFrom("poll_tallies")
    .select(["platform", "option_index", "n"])
    .where("poll_id", "=", pollId)
    .where("n", "<>", 0)
    .orderBy("platform")
    .orderBy("option_index")
    .execute();
  return rows.map((r) => [r.platform, r.option_index, Number(r.n)]);
}

async function aggregated(db: Kysely<Database>, pollId: string): Promise<Counts> {
  const voters = await sql<{ platform: string; n: number | string }>`
    select platform, count(*) as n from ballots where poll_id = ${pollId} group by platform`.execute(db);
  const choices = await sql<{ platform: string; option_index: number; n: number | string }>`
    select b.platform, c.option_index, count(*) as n from ballot_choices c
    join ballots b on b.poll_id = c.poll_id and b.member_id = c.member_id
    where c.poll_id = ${pollId} group by b.platform, c.option_index`.execute(db);
  const all: Counts = [
    ...voters.rows.map((r): [string, number, number] => [r.platform, -1, Number(r.n)]),
    ...choices.rows.map((r): [string, number, number] => [r.platform, Number(r.option_index), Number(r.n)]),
  ];
  return all.sort((a, b) => (a[0] === b[0] ? a[1] - b[1] : a[0] < b[0] ? -1 : 1));
}

async function totals(db: Kysely<Database>, fromRows: boolean): Promise<[string, string, number, number][]> {
  const rows = fromRows
    ? (
        await sql<{ category: string; status: string; offers: number | string; items: number | string }>`
          select category, status, count(*) as offers, coalesce(sum(quantity), 0) as items
          from offers group by category, status`.execute(db)
      ).rows
    : await db.selectFrom("offer_totals").selectAll().where("offers", "<>", 0).execute();
  return rows
    .map((r): [string, string, number, number] => [r.category, r.status, Number(r.offers), Number(r.items)])
    .sort((a, b) => `${a[0]}/${a[1]}`.localeCompare(`${b[0]}/${b[1]}`));
}

for (const dialect of await dialects()) {
  describe(`counts kept with the rows: ${dialect.name}`, () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const c of cleanups) await c();
    });

    it("keeps a poll's tallies equal to the ballots, whatever happens to them", async () => {
      const f = await dialect.fresh();
      cleanups.push(async () => {
        await f.records.close();
        await f.remove();
      });
      const db = f.records.db;
      const t = makeServices({});
      const records = sqlRecords(f.records, t.services);
      await db
        .insertInto("townhalls")
        .values({ id: "H1", name: "Q", date: null, opened_at: "t", opened_by: "o", closed_at: null, open_slot: 1 })
        .execute();
      const topics = ["A", "B", "C"].map((id) => ({ topic: { id, title: id } })) as never;
      const made = await records.polls.create({ id: "H1", name: "Q" }, topics, "o", new Date());
      if (!made.ok) throw new Error("no poll");
      const poll = made.value;
      const rnd = random(7);
      const members = Array.from({ length: 24 }, (_, i) => `telegram:m${i}`);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
      const now = new Date();
      for (let step = 0; step < 60; step++) {
        // A burst of changes at once, some of them by the same member.
        const burst = Array.from({ length: 6 }, async () => {
          const m = pick(members);
          const r = rnd();
          if (r < 0.6) {
            const options = [0, 1, 2].filter(() => rnd() < 0.5);
            await records.polls.vote(poll.id, m, pick(["telegram", "discord"]), options, now);
          } else if (r < 0.75) {
            await records.polls.vote(poll.id, m, "telegram", [], now);
          } else if (r < 0.85) {
            await records.polls.deleteBallot(`${poll.id}:${m}`);
          } else {
            const [ballot] = await records.polls.ballotsOf(m);
            if (ballot) await records.polls.moveBallot(ballot, pick(members));
          }
        });
        await Promise.all(burst);
      }
      // Linking accounts gives one account's ballot to the other, or drops it when both voted.
      let linked = 0;
      for (let i = 0; i < 12; i++) {
        const account = member(`m${i + 12}`, "telegram");
        expect(account.id).toBe(members[i + 12]);
        const code = await records.identities.issueCode(members[i] as string);
        const target = await records.identities.target(account, code);
        if (!target.ok) throw new Error(target.error);
        linked += (await records.identities.linkAndMerge(account, code, target.canonicalId)) ?? 0;
      }
      expect(linked).toBeGreaterThan(0);
      // A member who asks to be forgotten takes their ballot, and its part of the counts, with them.
      for (const m of members.slice(0, 4)) await records.forgetMember(m);
      const expected = await aggregated(db, poll.id);
      expect(expected.length).toBeGreaterThan(3);
      expect(await kept(db, poll.id)).toEqual(expected);
      // What the repository reports is what the rows say, and a recount changes nothing.
      const voters = expected.filter((c) => c[1] === -1).reduce((s, c) => s + c[2], 0);
      expect((await records.polls.tally(poll)).voters).toBe(voters);
      await recountTotals(db as unknown as Kysely<unknown>);
      expect(await kept(db, poll.id)).toEqual(expected);
      const closed = await records.polls.close("H1", now);
      if (!closed.ok) throw new Error("not closed");
      expect(closed.value.result.voters).toBe(voters);
    });

    it("keeps the offer totals equal to the offers, through new offers and status changes", async () => {
      const f = await dialect.fresh();
      cleanups.push(async () => {
        await f.records.close();
        await f.remove();
      });
      const db = f.records.db;
      const records = sqlRecords(f.records, makeServices({}).services);
      const rnd = random(11);
      const at = new Date().toISOString();
      const refs: string[] = [];
      for (let i = 0; i < 40; i++) {
        const o = await records.offers.create(
          (ref): Offer => ({
            ref,
            ownerId: `telegram:d${i % 7}`,
            version: 1,
            status: "offered",
            createdAt: at,
            updatedAt: at,
            category: rnd() < 0.5 ? "clothing" : "stationery",
            quantity: 1 + Math.floor(rnd() * 300),
            condition: "new",
            district: "Wan Chai",
            history: [],
          }),
        );
        refs.push(o.ref);
      }
      const statuses: OfferStatus[] = ["accepted", "collected", "declined", "withdrawn"];
      await Promise.all(
        refs.map(async (ref) => {
          if (rnd() < 0.3) return;
          const read = await records.offers.get(ref);
          if (!read) throw new Error(ref);
          const { version: _v, ...rest } = read;
          const quantity = rnd() < 0.3 ? read.quantity + 5 : read.quantity;
          await records.offers.save(read, {
            ...rest,
            status: statuses[Math.floor(rnd() * 4)] as OfferStatus,
            quantity,
          });
        }),
      );
      // A donor forgotten: their open offers are withdrawn, and the totals move with them.
      await records.forgetMember("telegram:d1");
      await records.forgetMember("telegram:d2");
      const expected = await totals(db, true);
      expect(expected.length).toBeGreaterThan(2);
      expect(await totals(db, false)).toEqual(expected);
      const impact = await records.offers.impact?.();
      const clothing = expected.filter((r) => r[0] === "clothing").reduce((s, r) => s + r[3], 0);
      expect(impact?.byCategory.get("clothing")?.items).toBe(clothing);
    });
  });
}
