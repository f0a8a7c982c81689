/** The overview's per-day counters as rows: an atomic upsert per outcome, read by day range. */
import type { Kysely } from "kysely";
import type { DayCount, DayCounters } from "../../core/dashboard/stats.ts";
import { guard } from "./errors.ts";
import { sql } from "./kysely.ts";
import type { Database } from "./schema.ts";

/** Per-day counters in SQL. */
export class SqlDayCounters implements DayCounters {
  constructor(private readonly db: Kysely<Database>) {}

  async add(day: string, kind: string, n: number): Promise<void> {
    await guard("day counts", () =>
      this.db
        .insertInto("question_days")
        .values({ day, kind, n })
        .onConflict((oc) => oc.columns(["day", "kind"]).doUpdateSet({ n: sql<number>`question_days.n + excluded.n` }))
        .execute(),
    );
  }

  async since(from: string): Promise<DayCount[]> {
    const rows = await guard("day counts", () =>
      this.db.selectFrom("question_days").selectAll().where("day", ">=", from).orderBy("day").execute(),
    );
    return rows.map((r) => ({ day: r.day, kind: r.kind, n: Number(r.n) }));
  }
}
