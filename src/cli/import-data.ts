/**
 * Restores a JSON Lines backup (from `npm run export-data`) into the
 * configured store (STORAGE_URL, DATA_DIR). The whole file is checked first:
 * a bad line imports nothing. Records with the same key are overwritten, so
 * importing twice is harmless; expired records are skipped.
 *   npm run import-data -- backup.jsonl
 *   npm run import-data -- - < backup.jsonl
 */
import { readFile } from "node:fs/promises";
import { config as loadDotenv } from "dotenv";
import { loadConfig } from "../config/index.ts";
import { createLogger } from "../logging.ts";
import { importRecords, parseBackup } from "../storage/backup.ts";
import { openStore, redact } from "../storage/index.ts";

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
  const lines = parseBackup(await readInput(path));
  const logger = createLogger(config.LOG_LEVEL);
  const store = await openStore({ url: config.STORAGE_URL, dataDir: config.dataDir, logger });
  try {
    const { imported, expired } = await importRecords(store, lines);
    process.stderr.write(
      `imported ${imported} records into ${redact(config.STORAGE_URL)}${expired ? ` (${expired} expired, skipped)` : ""}\n`,
    );
  } finally {
    await store.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`import failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
