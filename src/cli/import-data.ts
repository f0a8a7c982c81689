/**
 * Restores a JSON Lines backup (from `npm run export-data`, format 3 or 2, or of
 * the key-value release, format 1) into the configured storage (STORAGE_URL,
 * DATA_DIR). The whole file is checked first: a bad line imports nothing.
 * Rows already present are kept and key-value records overwritten, so
 * importing twice is harmless; expired records are skipped. Format-1 records
 * go through the same upgrade as a data directory of that release.
 *   npm run import-data -- backup.jsonl
 *   npm run import-data -- - < backup.jsonl
 */
import { readFile } from "node:fs/promises";
import { config as loadDotenv } from "dotenv";
import { loadConfig } from "../config/index.ts";
import { createLogger } from "../logging.ts";
import { openStore, redact } from "../storage/index.ts";
import { importAll, parseBackupFile } from "../storage/sql/backup.ts";
import { openRecordsDb } from "../storage/sql/db.ts";

async function readInput(path: string): Promise<string> {
  if (path !== "-") return readFile(path, "utf8");
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const path = process.argv.slice(2).find((a) => !a.startsWith("--"));
  if (!path) throw new Error("usage: npm run import-data -- <backup.jsonl | - for stdin>");
  const config = loadConfig();
  const backup = parseBackupFile(await readInput(path));
  const logger = createLogger(config.LOG_LEVEL);
  const store = await openStore({ url: config.STORAGE_URL, dataDir: config.dataDir, logger });
  const records = await openRecordsDb({ url: config.STORAGE_URL, dataDir: config.dataDir });
  try {
    const { imported, expired, rows, legacy } = await importAll(store, records, backup);
    const old =
      legacy.kind === "imported" ? `; ${Object.values(legacy.counts).reduce((a, b) => a + b, 0)} old-format rows` : "";
    process.stderr.write(
      `imported format ${backup.format}: ${rows} rows and ${imported} key-value records into ${redact(config.STORAGE_URL)}${old}${expired ? ` (${expired} expired, skipped)` : ""}\n`,
    );
    if (legacy.kind === "refused")
      process.stderr.write("old-format records not moved: the tables already hold records\n");
  } finally {
    await records.close();
    await store.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`import failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
