/**
 * Backups as JSON Lines, one record per line: `{"ns","key","value","expiresAt"?}`
 * (`expiresAt` an ISO time). Export writes every live record of every
 * namespace; import validates the whole file first (a bad line changes
 * nothing), then writes each record with its remaining TTL (expired ones are
 * skipped). Importing the same file twice gives the same store, so an
 * association can move from SQLite to PostgreSQL: export, point STORAGE_URL
 * at the new server, import.
 */
import { z } from "zod";
import type { Store } from "../core/ports.ts";
import type { KeyvStore } from "./keyv-store.ts";

/** One line of a backup. */
export interface BackupLine {
  readonly ns: string;
  readonly key: string;
  readonly value: unknown;
  readonly expiresAt?: string;
}

const lineSchema = z.strictObject({
  ns: z
    .string()
    .min(1)
    .regex(/^[^:]+$/, "a namespace has no ':'"),
  key: z.string(),
  value: z.unknown().refine((v) => v !== undefined, "value is missing"),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});

/** Writes every live record as one JSON line through `write`; returns the counts. */
export async function exportRecords(
  store: KeyvStore,
  write: (line: string) => Promise<void> | void,
): Promise<{ exported: number; unreadable: string[] }> {
  const unreadable: string[] = [];
  const records = await store.records((key) => unreadable.push(key));
  for (const r of records) {
    const line: BackupLine =
      r.expiresAt === undefined
        ? { ns: r.ns, key: r.key, value: r.value }
        : { ns: r.ns, key: r.key, value: r.value, expiresAt: new Date(r.expiresAt).toISOString() };
    await write(`${JSON.stringify(line)}\n`);
  }
  return { exported: records.length, unreadable };
}

/** Parses and validates a whole backup; throws naming every bad line (at most 20). */
export function parseBackup(text: string): BackupLine[] {
  const out: BackupLine[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === "") return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      problems.push(`line ${i + 1}: not JSON`);
      return;
    }
    const parsed = lineSchema.safeParse(json);
    if (parsed.success) {
      const { ns, key, value, expiresAt } = parsed.data;
      out.push(expiresAt === undefined ? { ns, key, value } : { ns, key, value, expiresAt });
    } else {
      problems.push(`line ${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join(".")} ${x.message}`).join("; ")}`);
    }
  });
  if (problems.length > 0) {
    const more = problems.length > 20 ? `\n  … and ${problems.length - 20} more` : "";
    throw new Error(`Invalid backup, nothing imported:\n  ${problems.slice(0, 20).join("\n  ")}${more}`);
  }
  return out;
}

/** Writes validated records into a store (overwriting same keys); expired ones are skipped. */
export async function importRecords(
  store: Store,
  lines: readonly BackupLine[],
  now: number = Date.now(),
): Promise<{ imported: number; expired: number }> {
  let imported = 0;
  let expired = 0;
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < lines.length) {
      const line = lines[next++];
      if (!line) continue;
      const ttl = line.expiresAt === undefined ? undefined : Date.parse(line.expiresAt) - now;
      if (ttl !== undefined && ttl <= 0) {
        expired++;
        continue;
      }
      await store.set(line.ns, line.key, line.value, ttl);
      imported++;
    }
  };
  await Promise.all(Array.from({ length: 8 }, lane));
  return { imported, expired };
}
