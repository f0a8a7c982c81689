/**
 * Reading every offer a page at a time (the CSV export): every offer once, oldest first, across
 * page boundaries and offers created in the same instant, on both dialects.
 */
import { afterAll, describe, expect, it } from "vitest";
import { offersCsv } from "../../../src/core/donations/views.ts";
import { sqlRecords } from "../../../src/storage/sql/index.ts";
import { makeServices } from "../../helpers/services.ts";
import { dialects } from "./dialects.ts";

const N = 1203;

for (const dialect of await dialects()) {
  describe(`offers a page at a time: ${dialect.name}`, () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const c of cleanups) await c();
    });

    it("exports every offer once, oldest first, with the filter applied", async () => {
      const f = await dialect.fresh();
      cleanups.push(async () => {
        await f.records.close();
        await f.remove();
      });
      const rows = Array.from({ length: N }, (_, i) => ({
        ref: `DON-${String(i).padStart(5, "0")}`,
        owner_id: `telegram:d${i % 13}`,
        version: 1,
        status: i % 3 === 0 ? "accepted" : "offered",
        // Runs of offers created in the same instant, across the pages' boundaries.
        created_at: `2026-11-${String(1 + Math.floor(i / 250)).padStart(2, "0")}T10:00:00.000Z`,
        updated_at: "2026-11-30T10:00:00.000Z",
        category: "clothing",
        quantity: 1,
        condition: "new",
        district: "Wan Chai",
      }));
      for (let i = 0; i < N; i += 300) {
        await f.records.db
          .insertInto("offers")
          .values(rows.slice(i, i + 300) as never)
          .execute();
      }
      const records = sqlRecords(f.records, makeServices({}).services);
      let pages = 0;
      const refs: string[] = [];
      for await (const page of records.offers.pages()) {
        pages++;
        refs.push(...page.map((o) => o.ref));
      }
      expect(pages).toBeGreaterThan(1);
      expect(refs).toEqual(rows.map((r) => r.ref));
      const csv = await offersCsv(records.offers.pages(), (o) => o.status === "accepted");
      expect(csv.rows).toBe(Math.ceil(N / 3));
      expect(csv.content.trim().split("\r\n")).toHaveLength(csv.rows + 1);
      expect(csv.content).toContain("\r\nDON-01200,");
      expect(csv.content).not.toContain("\r\nDON-01201,");
    });
  });
}
