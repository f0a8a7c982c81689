/**
 * The records database: SQLite through libSQL (`<dataDir>/records.sqlite`,
 * WAL, busy timeout, secure_delete) or PostgreSQL (`pg` pool), both through
 * Kysely, migrated to the latest schema when opened.
 *
 * libSQL's client runs one statement per pooled connection and refuses a
 * transaction when every connection is held by one; SQLite has one writer
 * anyway, so the SQLite driver here keeps one connection and queues every use
 * of it (as Kysely's own SQLite driver does), which also keeps the per-
 * connection pragmas (secure_delete) in force.
 */
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { DatabaseConnection, Dialect, Driver, MigrationResultSet, TransactionSettings } from "kysely";
import { startCheckpointer } from "../checkpointer.ts";
import type { SqlKind } from "./kind.ts";
import { createClient, Kysely, LibsqlDialect, Migrator, PostgresDialect, sql } from "./kysely.ts";
import { migrations } from "./migrations/index.ts";
import type { Database } from "./schema.ts";

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
  // The dialect bundles an older libSQL client type; the current one (busy timeout, pooling) has the same API.
  const client = createClient({ url: `file:${file}`, concurrency: 1, timeout });
  await client.execute("PRAGMA journal_mode = WAL");
  await client.execute(`PRAGMA busy_timeout = ${Math.trunc(timeout)}`);
  await client.execute("PRAGMA secure_delete = ON");
  await client.execute("PRAGMA foreign_keys = ON");
  await client.execute("PRAGMA synchronous = NORMAL");
  // The log's checkpoints run in a worker, not inside a write on the event loop (see checkpointer.ts);
  // it starts beside the bot (about 0.2 s), and until it runs SQLite checkpoints as usual.
  const checkpointer = startCheckpointer(file, { whenRunning: () => client.execute("PRAGMA wal_autocheckpoint = 0") });
  const db = new Kysely<Database>({ dialect: new QueuedDialect(new LibsqlDialect({ client: client as never })) });
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
      client.close();
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

/** A dialect whose driver lends its one connection to one user at a time. */
class QueuedDialect implements Dialect {
  constructor(private readonly inner: Dialect) {}
  createAdapter() {
    return this.inner.createAdapter();
  }
  createDriver(): Driver {
    return new QueuedDriver(this.inner.createDriver());
  }
  createIntrospector(db: Kysely<unknown>) {
    return this.inner.createIntrospector(db);
  }
  createQueryCompiler() {
    return this.inner.createQueryCompiler();
  }
}

/** Delegates to a driver, queueing connection use (a FIFO mutex). */
class QueuedDriver implements Driver {
  private tail: Promise<void> = Promise.resolve();
  private release: (() => void) | undefined;

  constructor(private readonly inner: Driver) {}
  init(): Promise<void> {
    return this.inner.init();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.tail;
    let unlock: () => void = () => {};
    this.tail = new Promise<void>((r) => {
      unlock = r;
    });
    await previous;
    this.release = unlock;
    return this.inner.acquireConnection();
  }
  beginTransaction(c: DatabaseConnection, s: TransactionSettings): Promise<void> {
    return this.inner.beginTransaction(c, s);
  }
  commitTransaction(c: DatabaseConnection): Promise<void> {
    return this.inner.commitTransaction(c);
  }
  rollbackTransaction(c: DatabaseConnection): Promise<void> {
    return this.inner.rollbackTransaction(c);
  }
  async releaseConnection(c: DatabaseConnection): Promise<void> {
    await this.inner.releaseConnection(c);
    const unlock = this.release;
    this.release = undefined;
    unlock?.();
  }
  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}
