/** The two SQL dialects the records tests run on: a fresh SQLite file, and a fresh PostgreSQL schema. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openRecordsDb, type RecordsDb } from "../../../src/storage/sql/db.ts";
import { sql } from "../../../src/storage/sql/kysely.ts";
import { PG_URL, requireServer, runId } from "../servers.ts";

/** A way to open fresh records databases of one dialect. */
export interface Dialect {
  readonly name: "sqlite" | "postgresql";
  /** A fresh, migrated, empty database, with its `url` and `dataDir` (to reopen it) and how to remove it. */
  fresh(): Promise<{ records: RecordsDb; url?: string; dataDir: string; schema?: string; remove(): Promise<void> }>;
}

const sqlite: Dialect = {
  name: "sqlite",
  async fresh() {
    const dataDir = mkdtempSync(join(tmpdir(), "bahk-records-"));
    const records = await openRecordsDb({ dataDir });
    return { records, dataDir, remove: async () => rmSync(dataDir, { recursive: true, force: true }) };
  },
};

const postgres: Dialect = {
  name: "postgresql",
  async fresh() {
    const schema = runId("rec");
    const records = await openRecordsDb({ url: PG_URL, dataDir: "unused", schema });
    return {
      records,
      url: PG_URL,
      dataDir: "unused",
      schema,
      async remove() {
        const admin = await openRecordsDb({ url: PG_URL, dataDir: "unused", migrate: false });
        await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin.db);
        await admin.close();
      },
    };
  },
};

/** SQLite always; PostgreSQL when it answers on 127.0.0.1:5432. */
export async function dialects(): Promise<Dialect[]> {
  return (await requireServer("PostgreSQL", 5432)) ? [sqlite, postgres] : [sqlite];
}
