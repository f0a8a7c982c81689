/**
 * Backups of format 3 (format 2 plus the FAQ's tables and the per-day
 * counters, migrations 0004 and 0005): a header line `{"format":3}`, the
 * key-value records (`{"ns","key","value","expiresAt"?}`, as in format 1) and
 * one line per table row (`{"table","row"}`), tables in the order their keys
 * refer to each other. Importing validates the whole file first, writes the
 * rows in one transaction (rows already there are kept), and a format-1 file
 * (the key-value release) goes through the old-format upgrade, as do the
 * FAQ's records and the counters of a format-2 file (key-value there).
 */
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Store } from "../../core/ports.ts";
import { type BackupLine, exportRecords, importRecords, parseBackup } from "../backup.ts";
import type { KeyvStore } from "../keyv-store.ts";
import type { RecordsDb } from "./db.ts";
import { sql } from "./kysely.ts";
import { importLegacy, type LegacyOutcome } from "./legacy.ts";
import { recountTopics } from "./migrations/0003_topic_counts.ts";
import { recountAgendaSizes } from "./migrations/0008_agenda_sizes.ts";
import type { Database } from "./schema.ts";
import { recountTotals } from "./tallies.ts";

/** The format this release writes. */
export const BACKUP_FORMAT = 3;

/** Tables in the order a restore writes them (the outbox is transient and not backed up). */
export const TABLES = [
  "townhalls",
  "settings",
  "topics",
  "decisions",
  "votes",
  "quotas",
  "polls",
  "ballots",
  "ballot_choices",
  "offers",
  "offer_events",
  "audit",
  "identities",
  "faq_questions",
  "faq_answers",
  "faq_ratings",
  "question_days",
] as const satisfies readonly (keyof Database)[];

/** Tables whose `id` the database generates: restored with their ids, then PostgreSQL's counter moves past them. */
const GENERATED_ID = ["offer_events", "audit", "faq_ratings"] as const;

type Table = (typeof TABLES)[number];
/** One table row of a backup. */
export interface RowLine {
  readonly table: Table;
  readonly row: Readonly<Record<string, string | number | null>>;
}

/** A parsed backup of either format. */
export interface ParsedBackup {
  readonly format: 1 | 2 | 3;
  readonly lines: readonly BackupLine[];
  readonly rows: readonly RowLine[];
}

const headerSchema = z.strictObject({ format: z.literal([2, BACKUP_FORMAT]), exportedAt: z.string().optional() });
const rowSchema = z.strictObject({
  table: z.enum(TABLES),
  row: z.record(z.string().regex(/^[a-z_]+$/), z.union([z.string(), z.number(), z.null()])),
});

/** Writes the header, the key-value records and every table row; returns the counts. */
export async function exportAll(
  store: KeyvStore,
  records: RecordsDb,
  write: (line: string) => Promise<void> | void,
  now: Date = new Date(),
): Promise<{ exported: number; rows: number; unreadable: string[] }> {
  await write(`${JSON.stringify({ format: BACKUP_FORMAT, exportedAt: now.toISOString() })}\n`);
  const { exported, unreadable } = await exportRecords(store, write);
  let rows = 0;
  for (const table of TABLES) {
    for (const row of await records.db.selectFrom(table).selectAll().execute()) {
      await write(`${JSON.stringify({ table, row })}\n`);
      rows++;
    }
  }
  return { exported, rows, unreadable };
}

/** Parses a backup of format 1 or 2; throws naming the bad lines (nothing is imported then). */
export function parseBackupFile(text: string): ParsedBackup {
  const all = text.split(/\r?\n/);
  const first = all.findIndex((l) => l.trim() !== "");
  const head = headerSchema.safeParse(first < 0 ? undefined : safeJson(all[first] ?? ""));
  if (!head.success) return { format: 1, lines: parseBackup(text), rows: [] };
  const kv: string[] = [];
  const rows: RowLine[] = [];
  const problems: string[] = [];
  all.forEach((raw, i) => {
    if (i <= first || raw.trim() === "") return;
    const json = safeJson(raw);
    if (json && typeof json === "object" && "table" in json) {
      const r = rowSchema.safeParse(json);
      if (r.success) rows.push(r.data);
      else problems.push(`line ${i + 1}: ${r.error.issues.map((x) => `${x.path.join(".")} ${x.message}`).join("; ")}`);
      kv.push("");
    } else kv.push(raw);
  });
  if (problems.length > 0)
    throw new Error(`Invalid backup, nothing imported:\n  ${problems.slice(0, 20).join("\n  ")}`);
  // Key-value lines keep their line numbers in parseBackup's messages (offset by the header).
  return { format: head.data.format, lines: parseBackup(["", ...kv].join("\n")), rows };
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** Restores a parsed backup: key-value records, then table rows in one transaction, then any old-format records. */
export async function importAll(
  store: Store,
  records: RecordsDb,
  backup: ParsedBackup,
): Promise<{ imported: number; expired: number; rows: number; legacy: LegacyOutcome }> {
  const { imported, expired } = await importRecords(store, backup.lines);
  let rows = 0;
  await records.db.transaction().execute(async (trx) => {
    for (const table of TABLES) {
      const mine = backup.rows.filter((r) => r.table === table).map((r) => ({ ...r.row }));
      for (let i = 0; i < mine.length; i += 200) {
        const r = await trx
          .insertInto(table)
          .values(mine.slice(i, i + 200) as never)
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        rows += Number(r.numInsertedOrUpdatedRows ?? 0);
      }
    }
    // Support and agenda state kept on topics, poll tallies and offer totals follow the rows restored.
    await recountTopics(trx as unknown as Kysely<unknown>);
    await recountAgendaSizes(trx as unknown as Kysely<unknown>);
    await recountTotals(trx as unknown as Kysely<unknown>);
    if (records.kind === "postgres") {
      for (const t of GENERATED_ID) {
        await sql`select setval(pg_get_serial_sequence(${t}, 'id'), coalesce((select max(id) from ${sql.table(t)}), 0) + 1, false)`.execute(
          trx,
        );
      }
    }
  });
  const legacy = await importLegacy(store, records);
  return { imported, expired, rows, legacy };
}
