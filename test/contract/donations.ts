/**
 * Store-level guarantees of the donations feature, for any {@link Store}
 * backend: concurrent submissions all land exactly once with unique
 * references, a member's list is exactly their offers, and erasure keeps the
 * anonymised counts.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { OfferStatus } from "../../src/core/donations/catalogue.ts";
import { type Offer, OfferRepo } from "../../src/core/donations/repo.ts";
import type { Store } from "../../src/core/ports.ts";
import { answers, as, donate, makeBot } from "../donations/driver.ts";
import { makeServices, member, replyText } from "../helpers/services.ts";
import type { RecordsFactory } from "./agenda.ts";

/** Runs the donations contract against a store made by `makeStore` (a fresh, empty store each time). */
export function donationsContract(
  name: string,
  makeStore: () => Promise<Store>,
  cleanup?: () => Promise<void>,
  makeRecords?: RecordsFactory,
): void {
  describe(`donations contract: ${name}`, () => {
    const closers: (() => Promise<void>)[] = [];
    const setup = async () => {
      const store = await makeStore();
      closers.push(() => store.close());
      const t = makeServices({ store, organisers: ["console:org"] });
      const sql = await makeRecords?.();
      const records = sql?.make(t.services);
      if (sql) closers.unshift(sql.close);
      const services = records ? { ...t.services, records, audit: records.audit } : t.services;
      const offers = records?.offers ?? new OfferRepo(store);
      return { ...t, services, offers, ...makeBot(services) };
    };
    afterAll(async () => {
      for (const close of closers.splice(0)) await close();
      await cleanup?.();
    });

    it("keeps 200 concurrent submissions by different members, each exactly once with a unique reference", async () => {
      const { bot, offers } = await setup();
      const members = Array.from({ length: 200 }, (_, i) => member(`c${i}`));
      const refs = await Promise.all(members.map(async (m, i) => (await donate(bot, m, answers(i + 1))).ref));
      expect(new Set(refs).size).toBe(200);
      const stored = await offers.all();
      expect(stored.map((o) => o.ref).sort()).toEqual([...refs].sort());
      const owners = stored.map((o) => o.ownerId).sort();
      expect(owners).toEqual(members.map((m) => m.id).sort());
      for (const [i, m] of members.entries()) {
        const own = await offers.byOwner(m.id);
        expect(own.map((o) => o.ref)).toEqual([refs[i]]);
      }
      const impact = replyText(await as(bot, member("anyone")).say("/impact"));
      expect(impact).toContain("Offers: 200 · items: 24,000");
    });

    it("lists exactly a member's own offers, whoever else donates", async () => {
      const { bot } = await setup();
      const alice = member("alice1");
      const alice10 = member("alice10");
      const mine = [(await donate(bot, alice, answers(1))).ref, (await donate(bot, alice, answers(2))).ref];
      const theirs = (await donate(bot, alice10, answers(3))).ref;
      const listed = replyText(await as(bot, alice).say("/mydonations"));
      for (const ref of mine) expect(listed).toContain(ref);
      expect(listed).not.toContain(theirs);
      const other = replyText(await as(bot, alice10).say("/mydonations"));
      expect(other).toContain(theirs);
      for (const ref of mine) expect(other).not.toContain(ref);
    });

    it("loses no update when an offer is changed by several people at once", async () => {
      const { bot, offers, notifier } = await setup();
      const dora = member("dora");
      const { ref } = await donate(bot, dora, answers(9));
      const org = as(bot, member("org"));
      const replies = await Promise.all([
        org.say(`/offerstatus ${ref} accepted`),
        org.say(`/offerstatus ${ref} declined`),
        as(bot, dora).press(`don:wdy:${ref}`),
      ]);
      // Each change either wins (and is recorded) or is refused with a clear reason; none is silently lost.
      const won = replies.filter((r) => /→|withdrawn\. Thank you/.test(replyText(r)));
      expect(won.length).toBeGreaterThanOrEqual(1);
      for (const lost of replies.filter((r) => !won.includes(r))) {
        expect(replyText(lost)).toMatch(
          /changed by someone else|can move only to|can no longer be withdrawn|it is closed/,
        );
      }
      const offer = await offers.get(ref);
      expect(offer?.version).toBe(1 + won.length);
      expect(offer?.history).toHaveLength(1 + won.length);
      expect(notifier.toMembers.length + notifier.toOrganisersLog.length).toBe(1 + won.length);
    });

    it("pages the newest offers from where the last page ended, and counts them by status", async () => {
      const { offers } = await setup();
      // Seven offers, two of them created at the same instant (their references break the tie).
      const made: Offer[] = [];
      for (let i = 0; i < 7; i++) {
        const at = `2026-11-2${Math.min(i, 5)}T10:00:00.000Z`;
        const status: OfferStatus = i % 3 === 0 ? "accepted" : "offered";
        made.push(
          await offers.create((ref) => ({
            ref,
            ownerId: `console:m${i}`,
            version: 1,
            status,
            createdAt: at,
            updatedAt: at,
            category: i < 4 ? "clothing" : "stationery",
            quantity: 10 + i,
            condition: "new",
            district: "Wan Chai",
            history: [{ at, status, by: "donor" }],
          })),
        );
      }
      const order = [...made]
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || (b.ref < a.ref ? -1 : b.ref > a.ref ? 1 : 0))
        .map((o) => o.ref);
      const cursor = (o: Offer | undefined) => (o ? { createdAt: o.createdAt, ref: o.ref } : undefined);

      const first = await offers.newest({}, 3);
      expect(first.total).toBe(7);
      expect(first.offers.map((o) => o.ref)).toEqual(order.slice(0, 3));
      const second = await offers.newest({}, 3, cursor(first.offers.at(-1)));
      expect(second.total).toBe(7);
      expect(second.offers.map((o) => o.ref)).toEqual(order.slice(3, 6));
      const third = await offers.newest({}, 3, cursor(second.offers.at(-1)));
      expect(third.offers.map((o) => o.ref)).toEqual(order.slice(6));

      // Filtered: counted and paged among the matching offers only.
      const accepted = made.filter((o) => o.status === "accepted").map((o) => o.ref);
      const page1 = await offers.newest({ status: "accepted" }, 2);
      expect(page1.total).toBe(accepted.length);
      const page2 = await offers.newest({ status: "accepted" }, 2, cursor(page1.offers.at(-1)));
      expect([...page1.offers, ...page2.offers].map((o) => o.ref)).toEqual(order.filter((r) => accepted.includes(r)));

      const totals = await offers.impact();
      expect(totals.byStatus.get("accepted")).toEqual({ offers: 3, items: 10 + 13 + 16 });
      expect(totals.byStatus.get("offered")).toEqual({ offers: 4, items: 11 + 12 + 14 + 15 });
      expect(totals.byCategory.get("stationery")).toEqual({ offers: 3, items: 14 + 15 + 16 });
    });

    it("erases contacts and free text on forget but keeps the /impact counts", async () => {
      const { bot, offers, feature } = await setup();
      const bob = member("bob");
      const { ref } = await donate(bot, bob, answers(7, { quantity: "35" }));
      await donate(bot, member("carol"), answers(8, { quantity: "5", category: "stationery" }));
      const before = replyText(await as(bot, member("x")).say("/impact"));
      expect(await feature.forget?.(bob.id)).toBe(1);
      const offer = await offers.get(ref);
      expect(offer).toBeDefined();
      const raw = JSON.stringify(offer);
      for (const secret of ["Chan Tai Man 7", "90000007", "9000 0007", "Flat 7", "Cotton", "Acme"])
        expect(raw).not.toContain(secret);
      expect(offer?.quantity).toBe(35);
      expect(offer?.ownerId).toBe("");
      expect(await offers.byOwner(bob.id)).toEqual([]);
      const after = replyText(await as(bot, member("x")).say("/impact"));
      expect(after).toContain("Offers: 2 · items: 40");
      const categories = (text: string) => text.slice(text.indexOf("By category"), text.indexOf("By status"));
      expect(categories(after)).toBe(categories(before));
      expect(before).toContain("Offered — offers: 2, items: 40");
      expect(after).toContain("Offered — offers: 1, items: 5");
      expect(after).toContain("Withdrawn — offers: 1, items: 35");
    });
  });
}
