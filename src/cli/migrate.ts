/**
 * Brings the records database (STORAGE_URL's PostgreSQL, else
 * `<DATA_DIR>/records.sqlite`) to the latest schema and says what ran. The bot
 * also migrates at start; this is for deployments that migrate first.
 *   npm run migrate
 */
import { config as loadDotenv } from "dotenv";
import { loadConfig } from "../config/index.ts";
import { migrateToLatest, openRecordsDb } from "../storage/sql/db.ts";

async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const config = loadConfig();
  const records = await openRecordsDb({ url: config.STORAGE_URL, dataDir: config.dataDir, migrate: false });
  try {
    const { error, results } = await migrateToLatest(records);
    for (const r of results ?? []) process.stderr.write(`${r.status.toLowerCase()}: ${r.migrationName}\n`);
    if (error) throw error;
    if ((results ?? []).length === 0) process.stderr.write(`${records.location}: schema already up to date\n`);
    else process.stderr.write(`${records.location}: migrated\n`);
  } finally {
    await records.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`migration failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
