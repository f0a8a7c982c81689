/**
 * The records database: SQLite through libSQL's synchronous binding
 * (`<dataDir>/records.sqlite`, WAL, busy timeout, secure_delete) or PostgreSQL
 * (`pg` pool), both through Kysely, migrated to the latest schema when opened.
 *
 * SQLite has one writer, so Kysely's SQLite driver keeps one connection and
 * lends it to one user at a time, which also keeps the per-connection pragmas
 * (secure_delete, foreign keys) in force; its statements stay prepared
 * (sqlite-database.ts).
 */
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { MigrationResultSet } from "kysely";
import { startCheckpointer } from "../checkpointer.ts";
import { openLibsql } from "../sqlite.ts";
import type { SqlKind } from "./kind.ts";
import { Kysely, Migrator, PostgresDialect, sql } from "./kysely.ts";
import { migrations } from "./migrations/index.ts";
import type { Database } from "./schema.ts";
import { kyselySqlite, RecordsSqliteDialect } from "./sqlite-database.ts";

/** An open records database. */
export interface RecordsDb {
  readonly db: Kysely<Database>;
  readonly kind: SqlKind;
  /** Where it lives, for logs (no password) and for tests that read the raw file. */
  readonly location: string;
  /** The PostgreSQL schema the tables live in, when not the default one. */
  readonly schema?: string;
  /** SQLite: copies the write-ahead log into the file and truncates it (erased rows leave no old pages). */
  compact(): Promise<void>;
  close(): Promise<void>;
}

/** Options of {@link openRecordsDb}. */
export interface RecordsDbOptions {
  /** `STORAGE_URL`: PostgreSQL when it is a postgres URL, else SQLite in `dataDir`. */
  readonly url?: string | undefined;
  readonly dataDir: string;
  /** PostgreSQL schema to use (tests, parallel runs); created when missing. */
  readonly schema?: string;
  /** Busy timeout (SQLite) and connection timeout (PostgreSQL) in ms; default 5,000. */
  readonly timeoutMs?: number;
  /** Skip migrating (the `migrate` CLI migrates itself and reports). */
  readonly migrate?: boolean;
}

/** Which dialect a `STORAGE_URL` selects for the records. */
export function recordsKind(url: string | undefined): SqlKind {
  return url && /^postgres(ql)?:\/\//.test(url.trim()) ? "postgres" : "sqlite";
}

/** The SQLite file of the records for a data directory (or a `sqlite:` URL's directory). */
export function recordsFile(url: string | undefined, dataDir: string): string {
  const u = url?.trim();
  if (u?.startsWith("sqlite:")) return join(dirname(resolve(u.replace(/^sqlite:(\/\/)?/, ""))), "records.sqlite");
  return join(resolve(dataDir), "records.sqlite");
}

/** Opens (and unless told otherwise migrates) the records database. */
export async function openRecordsDb(opts: RecordsDbOptions): Promise<RecordsDb> {
  const kind = recordsKind(opts.url);
  const timeout = opts.timeoutMs ?? 5000;
  const opened = kind === "postgres" ? await openPostgres(opts, timeout) : await openSqlite(opts, timeout);
  if (opts.migrate !== false) {
    const { error } = await migrateToLatest(opened);
    if (error) {
      await opened.close();
      throw error;
    }
  }
  return opened;
}

/** Runs every pending migration; returns what ran and the first error. */
export async function migrateToLatest(r: RecordsDb): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db: r.db,
    provider: migrations(r.kind),
    ...(r.schema ? { migrationTableSchema: r.schema } : {}),
  });
  return migrator.migrateToLatest();
}

async function openSqlite(opts: RecordsDbOptions, timeout: number): Promise<RecordsDb> {
  const file = recordsFile(opts.url, opts.dataDir);
  mkdirSync(dirname(file), { recursive: true });
  const connection = openLibsql(file, timeout);
  try {
    connection.exec("PRAGMA foreign_keys = ON");
  } catch (e) {
    connection.close();
    throw e;
  }
  // The log's checkpoints run in a worker, not inside a write on the event loop (see checkpointer.ts);
  // it starts beside the bot (about 0.2 s), and until it runs SQLite checkpoints as usual.
  const checkpointer = startCheckpointer(file, {
    whenRunning: () => connection.exec("PRAGMA wal_autocheckpoint = 0"),
  });
  // Kysely's SQLite driver keeps the one connection and lends it to one user at a time.
  const db = new Kysely<Database>({ dialect: new RecordsSqliteDialect({ database: kyselySqlite(connection) }) });
  const compact = async () => {
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
  };
  return {
    db,
    kind: "sqlite",
    location: file,
    compact,
    close: async () => {
      await checkpointer.stop();
      await compact().catch(() => {});
      await db.destroy();
    },
  };
}

async function openPostgres(opts: RecordsDbOptions, timeout: number): Promise<RecordsDb> {
  const url = opts.url?.trim() ?? "";
  const schema = opts.schema;
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`bad schema name "${schema}"`);
  // The PostgreSQL client loads only for a PostgreSQL URL: a SQLite start doesn't pay for it.
  const { default: pg } = await import("pg");
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: timeout,
    query_timeout: timeout,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // A pool error (server restarted) must not crash the process: the next query reconnects.
  pool.on("error", () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  const location = url.replace(/\/\/([^:/@]+):([^@]*)@/, "//$1:***@");
  return {
    db,
    kind: "postgres",
    location,
    ...(schema ? { schema } : {}),
    compact: async () => {},
    close: () => db.destroy(),
  };
}
