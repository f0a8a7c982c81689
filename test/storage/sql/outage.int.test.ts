/**
 * The store-outage fault run of a donation submission, on both dialects: the
 * database is cut at every point of the final step (before each statement,
 * and after it ran but before its answer), 25 donors per point. Every donor
 * told "received" has that offer; every donor told to try again and who does
 * ends with exactly one offer; nobody is told "already submitted" without
 * an offer; the organisers get one notice per offer once the outbox is swept.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { Offer } from "../../../src/core/donations/repo.ts";
import { sqlRecords } from "../../../src/storage/sql/index.ts";
import { answers, as, GOODS, makeBot, PERSONAL } from "../../donations/driver.ts";
import { makeServices, member, replyText } from "../../helpers/services.ts";
import { dialects } from "./dialects.ts";
import { FaultPlugin } from "./faults.ts";

const DONORS_PER_POINT = 25;

for (const dialect of await dialects()) {
  describe(`donation submission under a database cut: ${dialect.name}`, () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const c of cleanups) await c();
    });

    it("gives 0 false confirmations and loses 0 offers, whatever the point of the cut", async () => {
      const f = await dialect.fresh();
      cleanups.push(async () => {
        await f.records.close();
        await f.remove();
      });
      const fault = new FaultPlugin();
      const t = makeServices({ organisers: ["console:org"] });
      const records = sqlRecords({ ...f.records, db: f.records.db.withPlugin(fault) }, t.services);
      const services = { ...t.services, records, audit: records.audit };
      const { bot } = makeBot(services);

      /** Fills the form up to its last answer; returns the member's talker and that answer. */
      const upToLast = async (id: string) => {
        const m = member(id);
        const who = as(bot, m);
        const a = answers(id.length + 1);
        await who.say("/donate");
        for (const g of GOODS) await who.say(a[g]);
        await who.press("don:pdpo:yes");
        const personal = [...PERSONAL];
        const last = personal.pop() ?? "contact";
        for (const p of personal) await who.say(a[p]);
        return { m, who, last: a[last] };
      };

      // A clean submission tells how many boundaries the final step has.
      const probe = await upToLast("probe");
      fault.arm(undefined);
      expect(replyText(await probe.who.say(probe.last))).toMatch(/DON-/);
      const points = fault.seen;
      expect(points).toBeGreaterThanOrEqual(7);

      const told = { confirmed: 0, tryAgain: 0, already: 0 };
      const falseConfirmations: string[] = [];
      const lost: string[] = [];
      for (let point = 0; point < points; point++) {
        for (let i = 0; i < DONORS_PER_POINT; i++) {
          const d = await upToLast(`d${point}x${i}`);
          fault.arm(point);
          const first = replyText(await d.who.say(d.last));
          fault.arm(undefined);
          const ref = /DON-[0-9A-Z]{4,6}/.exec(first)?.[0];
          if (ref) {
            told.confirmed++;
            if (!(await records.offers.get(ref))) falseConfirmations.push(`${d.m.id} ${ref}`);
          } else {
            expect(first).toMatch(/try again/);
            told.tryAgain++;
            // The member tries again, as told: it is stored now, once.
            const second = replyText(await d.who.say(d.last));
            if (/already submitted/i.test(second)) told.already++;
            else expect(second).toMatch(/DON-/);
          }
          const mine: Offer[] = await records.offers.byOwner(d.m.id);
          if (mine.length !== 1) lost.push(`${d.m.id}: ${mine.length} offers`);
        }
      }
      expect(falseConfirmations).toEqual([]);
      expect(lost).toEqual([]);
      expect(told.tryAgain).toBeGreaterThan(0);
      expect(told.already).toBe(0);
      // Every offer's notice reaches the organisers, if not at once then from the outbox once claims expire;
      // twice only when the cut fell between sending and marking it sent (at least once).
      await records.outbox.deliverPending();
      t.clock.advance(61_000);
      await records.outbox.deliverPending();
      const offers = await records.offers.all();
      expect(offers).toHaveLength(1 + points * DONORS_PER_POINT);
      const noticed = t.notifier.toOrganisersLog.map((r) => /DON-[0-9A-Z]{4,6}/.exec(replyText(r))?.[0] ?? "");
      expect([...new Set(noticed)].sort()).toEqual(offers.map((o) => o.ref).sort());
      expect(noticed.length - offers.length).toBeLessThanOrEqual(DONORS_PER_POINT);
      expect(await records.outbox.pendingCount()).toBe(0);
      // Delivered rows keep no content, and are gone a day later.
      const kept = await f.records.db.selectFrom("outbox").select(["payload", "member_id"]).execute();
      expect(kept.length).toBeGreaterThan(0);
      expect(kept.every((r) => r.payload === "[]" && r.member_id === null)).toBe(true);
      t.clock.advance(25 * 60 * 60 * 1000);
      await records.outbox.deliverPending();
      expect(await f.records.db.selectFrom("outbox").select("id").execute()).toEqual([]);
    }, 120_000);
  });
}
