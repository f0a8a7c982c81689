/**
 * A lone surrogate in a member's text (a broken emoji) is stored and read
 * back in the records on both dialects, and later writes keep working: it
 * no longer breaks PostgreSQL as JSON did.
 */
import { afterAll, describe, expect, it } from "vitest";
import { sqlRecords } from "../../../src/storage/sql/index.ts";
import { makeServices, member } from "../../helpers/services.ts";
import { dialects } from "./dialects.ts";

for (const dialect of await dialects()) {
  describe(`a lone surrogate in the records: ${dialect.name}`, () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const c of cleanups) await c();
    });

    it("stores it, reads it back (as the replacement character), and goes on", async () => {
      const f = await dialect.fresh();
      cleanups.push(async () => {
        await f.records.close();
        await f.remove();
      });
      const t = makeServices();
      const r = sqlRecords(f.records, t.services);
      const at = "2026-11-21T10:00:00.000Z";
      const broken = "T-shirts \uD83D and more";
      const offer = await r.offers.create((ref) => ({
        ref,
        ownerId: "telegram:1",
        version: 1,
        status: "offered",
        createdAt: at,
        updatedAt: at,
        category: "clothing",
        quantity: 1,
        condition: "new",
        district: "Wan Chai",
        description: broken,
        history: [{ at, status: "offered", by: "donor" }],
      }));
      await r.audit.record(member("org"), "offer.status", offer.ref, broken);
      const back = await r.offers.get(offer.ref);
      expect(back?.description?.replace(/\uFFFD|\uD83D/, "?")).toBe("T-shirts ? and more");
      const saved = await r.offers.save(offer, { ...offer, status: "accepted" });
      expect(saved.version).toBe(2);
      expect((await r.audit.recent(1))[0]?.target).toBe(offer.ref);
    });
  });
}
