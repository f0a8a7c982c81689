/**
 * Backs up every record (STORAGE_URL, DATA_DIR) as JSON Lines of format 3: a
 * header `{"format":3}`, the key-value records (`{"ns","key","value","expiresAt"?}`)
 * and the rows of the records database (`{"table","row"}`).
 *   npm run export-data                     to stdout
 *   npm run export-data -- --out backup.jsonl
 * Logs and the summary go to stderr.
 */

import { once } from "node:events";
import { createWriteStream } from "node:fs";
import type { Writable } from "node:stream";
import { config as loadDotenv } from "dotenv";
import { loadConfig } from "../config/index.ts";
import { createLogger } from "../logging.ts";
import { openStore, redact } from "../storage/index.ts";
import { exportAll } from "../storage/sql/backup.ts";
import { openRecordsDb } from "../storage/sql/db.ts";

function outPath(args: readonly string[]): string | undefined {
  const i = args.indexOf("--out");
  if (i < 0) return undefined;
  const path = args[i + 1];
  if (!path) throw new Error("--out needs a file name");
  return path;
}

async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const config = loadConfig();
  const path = outPath(process.argv.slice(2));
  const logger = createLogger(config.LOG_LEVEL);
  const store = await openStore({ url: config.STORAGE_URL, dataDir: config.dataDir, logger });
  const records = await openRecordsDb({ url: config.STORAGE_URL, dataDir: config.dataDir });
  const out: Writable = path ? createWriteStream(path) : process.stdout;
  try {
    const write = async (line: string) => {
      if (!out.write(line)) await once(out, "drain");
    };
    const { exported, rows, unreadable } = await exportAll(store, records, write);
    for (const key of unreadable) process.stderr.write(`skipped an unreadable record: ${key}\n`);
    process.stderr.write(
      `exported ${rows} rows and ${exported} key-value records from ${redact(config.STORAGE_URL)}${path ? ` to ${path}` : ""}\n`,
    );
  } finally {
    if (path) {
      out.end();
      await once(out, "finish");
    }
    await records.close();
    await store.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`export failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
