/**
 * SQLite backend: keyv's SQLite layout (a table of `key` primary key and
 * `value` TEXT holding keyv's JSON, as `@keyv/sqlite` makes it) in WAL mode
 * with a busy timeout, so several processes can share the file.
 *
 * It speaks to SQLite through libSQL's synchronous binding (`libsql`, the
 * engine under the records database's client, shipped prebuilt), with its
 * statements prepared once. `@keyv/sqlite` runs each statement on node-sqlite3's
 * thread pool instead: five round-trips to that pool were half of the time the
 * bot took to answer a question (see BENCHMARKS.md), and node-sqlite3 compiled
 * from source on every fresh install. A statement here takes microseconds, so
 * running it on the main thread costs less than the hand-over.
 *
 * The extra operations are single SQL statements, so each is atomic: an
 * upsert whose update only fires when the existing row has expired, an
 * upsert-returning counter, and a `DELETE ... RETURNING`. Listing is one
 * ordered range query over the key index.
 */
import { EventEmitter } from "node:events";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import type { KeyvStoreAdapter, StoredData } from "keyv";
import type LibsqlDatabase from "libsql";
import type { Backend, RawRecord } from "./backend.ts";
import { checkIdentifier, isNetworkError, prefixUpperBound } from "./backend.ts";
import { type Checkpointer, startCheckpointer } from "./checkpointer.ts";

/** Options of {@link sqliteBackend}. */
export interface SqliteOptions {
  /** Path of the database file. */
  readonly file: string;
  /** Table name (default `keyv`, the table keyv's SQLite adapter reads). */
  readonly table?: string;
  /** How long a writer waits for the lock, in ms (default 5,000). */
  readonly busyTimeoutMs?: number;
  /** Records read per slice of a purge of expired ones, between which the event loop runs (default 2,000). */
  readonly purgeSlice?: number;
}

/** A connection of libSQL's synchronous binding, and one of its prepared statements. */
export type LibsqlConnection = InstanceType<typeof LibsqlDatabase>;
export type LibsqlStatement = ReturnType<LibsqlConnection["prepare"]>;
type Row = Record<string, unknown>;

const UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|CANTOPEN|IOERR|FULL|PROTOCOL|NOLFS)/;

// The expiry time stored in a row's JSON, NULL when none (or when the row is not JSON); and whether
// it has passed at `$now`.
const expires = (col: string) => `(CASE WHEN json_valid(${col}) THEN json_extract(${col}, '$.expires') END)`;
export const expired = (col: string) => `(${expires(col)} IS NOT NULL AND ${expires(col)} <= $now)`;

/** Writes a row, replacing the one of the same key. */
const upsert = (table: string) =>
  `INSERT INTO ${table} (key, value) VALUES ($key, $value) ON CONFLICT(key) DO UPDATE SET value = excluded.value`;

/**
 * Opens a file with libSQL's binding, a CommonJS module (loaded as such: one copy, no ES-module
 * wrapper), set up as both the short-lived state and the records use it.
 */
export const openLibsql = (file: string, timeoutMs: number): LibsqlConnection => {
  const Libsql = createRequire(import.meta.url)("libsql") as typeof LibsqlDatabase;
  const db = new Libsql(file, { timeout: timeoutMs });
  try {
    // Another process holding the write lock is waited for (in ms), not an error at once.
    db.exec(`PRAGMA busy_timeout = ${Math.trunc(timeoutMs)}`);
    db.exec("PRAGMA journal_mode = WAL");
    // In WAL mode a commit survives a crash of the process; only a power cut may lose the last
    // commits (never corrupt the file), and no commit waits on an fsync.
    db.exec("PRAGMA synchronous = NORMAL");
    // Erased personal data must not stay readable in freed pages of the file.
    db.exec("PRAGMA secure_delete = ON");
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
};

/**
 * A keyv adapter over one SQLite connection: the rows keyv reads and writes, by full key (keyv
 * adds no prefix: the store composes `<ns>:<key>` itself).
 */
class SqliteAdapter extends EventEmitter implements KeyvStoreAdapter {
  readonly opts: { readonly dialect: "sqlite"; readonly table: string };
  namespace?: string | undefined;
  private db: LibsqlConnection | undefined;
  private readonly statements = new Map<string, LibsqlStatement>();
  private checkpointer: Checkpointer | undefined;

  constructor(
    private readonly file: string,
    readonly table: string,
    private readonly timeoutMs: number,
  ) {
    super();
    this.opts = { dialect: "sqlite", table };
  }

  /** The connection, opened (with its table) on first use. */
  connection(): LibsqlConnection {
    if (this.db) return this.db;
    mkdirSync(dirname(this.file), { recursive: true });
    const db = openLibsql(this.file, this.timeoutMs);
    try {
      db.exec(`CREATE TABLE IF NOT EXISTS ${this.table} (key VARCHAR(1024) PRIMARY KEY, value TEXT)`);
    } catch (e) {
      db.close();
      throw e;
    }
    this.db = db;
    return db;
  }

  /**
   * Moves the log's checkpoints off the event loop (see checkpointer.ts): once a worker checkpoints,
   * this connection stops doing it inside writes.
   */
  startCheckpoints(): Promise<boolean> {
    if (!this.checkpointer) {
      this.checkpointer = startCheckpointer(this.file, {
        whenRunning: () => this.db?.exec("PRAGMA wal_autocheckpoint = 0"),
      });
    }
    return this.checkpointer.ready;
  }

  /** A statement, prepared once per connection. */
  private statement(sql: string): LibsqlStatement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.connection().prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  /** Runs a statement that returns rows. */
  all(sql: string, params: Row = {}): Row[] {
    return this.statement(sql).all(params) as Row[];
  }

  /** Runs a statement that returns nothing; the number of rows it changed. */
  run(sql: string, params: Row = {}): number {
    return this.statement(sql).run(params).changes;
  }

  /** Runs `fn` in one write transaction: committed when it returns, rolled back when it throws. */
  transaction(fn: () => void): void {
    this.run("BEGIN IMMEDIATE");
    try {
      fn();
      this.run("COMMIT");
    } catch (e) {
      if (this.connection().inTransaction) this.run("ROLLBACK");
      throw e;
    }
  }

  async get<Value>(key: string): Promise<StoredData<Value> | undefined> {
    const row = this.statement(`SELECT value FROM ${this.table} WHERE key = $key`).get({ key }) as Row | undefined;
    return (typeof row?.value === "string" ? row.value : undefined) as StoredData<Value> | undefined;
  }

  async getMany<Value>(keys: string[]): Promise<StoredData<Value | undefined>[]> {
    return Promise.all(keys.map((k) => this.get<Value>(k))) as Promise<StoredData<Value | undefined>[]>;
  }

  async set(key: string, value: unknown): Promise<void> {
    this.run(upsert(this.table), { key, value: String(value) });
  }

  async delete(key: string): Promise<boolean> {
    return this.run(`DELETE FROM ${this.table} WHERE key = $key`, { key }) > 0;
  }

  async deleteMany(keys: string[]): Promise<boolean> {
    let any = false;
    for (const k of keys) any = (await this.delete(k)) || any;
    return any;
  }

  async has(key: string): Promise<boolean> {
    return this.statement(`SELECT 1 FROM ${this.table} WHERE key = $key`).get({ key }) !== undefined;
  }

  async clear(): Promise<void> {
    this.run(`DELETE FROM ${this.table}`);
  }

  async disconnect(): Promise<void> {
    const checkpointer = this.checkpointer;
    this.checkpointer = undefined;
    await checkpointer?.stop();
    const db = this.db;
    this.db = undefined;
    this.statements.clear();
    if (!db) return;
    // What was erased must not stay in the write-ahead log: fold it into the file (whose freed pages
    // secure_delete zeroes) and empty it, as closing the last connection does.
    try {
      db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch {
      // Another process holds the database: its own close checkpoints.
    }
    db.close();
  }
}

/** Opens the SQLite backend (the connection opens on first use). */
export function sqliteBackend(opts: SqliteOptions): Backend {
  const table = checkIdentifier(opts.table ?? "keyv");
  const adapter = new SqliteAdapter(opts.file, table, opts.busyTimeoutMs ?? 5000);
  const upsertRow = upsert(table);
  const purgeSlice = opts.purgeSlice ?? 2000;
  let closed = false;

  return {
    kind: "sqlite",
    inProcess: true,
    adapter,
    async ready() {
      adapter.connection();
      // The worker starts beside the bot (about 0.2 s): until it runs, SQLite checkpoints as usual.
      void adapter.startCheckpoints();
    },
    async add(key, raw, _ttlMs, now) {
      const rows = adapter.all(
        `INSERT INTO ${table} (key, value) VALUES ($key, $raw)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value WHERE ${expired(`${table}.value`)}
         RETURNING key`,
        { key, raw, now },
      );
      return rows.length === 1;
    },
    async increment(key, by, createRaw, _ttlMs, now) {
      const old = `${table}.value`;
      const rows = adapter.all(
        `INSERT INTO ${table} (key, value) VALUES ($key, $raw)
         ON CONFLICT(key) DO UPDATE SET value = CASE
           WHEN NOT json_valid(${old}) OR ${expired(old)} THEN excluded.value
           ELSE json_set(${old}, '$.value',
             (CASE WHEN json_type(${old}, '$.value') IN ('integer', 'real') THEN json_extract(${old}, '$.value') ELSE 0 END) + $by)
         END
         RETURNING value`,
        { key, raw: createRaw, now, by },
      );
      return String(rows[0]?.value);
    },
    async write(writes) {
      adapter.transaction(() => {
        for (const { key, raw } of writes) {
          if (raw === undefined) adapter.run(`DELETE FROM ${table} WHERE key = $key`, { key });
          else adapter.run(upsertRow, { key, value: raw });
        }
      });
    },
    async remove(key) {
      const rows = adapter.all(`DELETE FROM ${table} WHERE key = $key RETURNING value`, { key });
      const value = rows[0]?.value;
      return typeof value === "string" ? value : undefined;
    },
    async scan(prefix) {
      const hi = prefixUpperBound(prefix);
      const rows =
        prefix === ""
          ? adapter.all(`SELECT key, value FROM ${table} ORDER BY key`)
          : hi === undefined
            ? adapter.all(`SELECT key, value FROM ${table} WHERE key >= $lo ORDER BY key`, { lo: prefix })
            : adapter.all(`SELECT key, value FROM ${table} WHERE key >= $lo AND key < $hi ORDER BY key`, {
                lo: prefix,
                hi,
              });
      return rows.map((r): RawRecord => ({ key: String(r.key), raw: String(r.value) }));
    },
    async purgeExpired(now) {
      // In slices of the key index, the event loop taken back between them: one statement over the
      // whole table read every record's JSON at once (117 ms for 100,000 records, a day of updates'
      // duplicate checks at about one a second), and every member's reply waited behind it.
      let purged = 0;
      let after = "";
      while (!closed) {
        const edge = adapter.all(`SELECT key FROM ${table} WHERE key > $after ORDER BY key LIMIT 1 OFFSET $n`, {
          after,
          n: purgeSlice - 1,
        })[0]?.key;
        const upTo = typeof edge === "string" ? edge : undefined;
        purged += adapter.all(
          `DELETE FROM ${table} WHERE key > $after ${upTo === undefined ? "" : "AND key <= $upTo"} AND ${expired("value")} RETURNING key`,
          upTo === undefined ? { after, now } : { after, upTo, now },
        ).length;
        if (upTo === undefined) break;
        after = upTo;
        await new Promise((resume) => setImmediate(resume));
      }
      return purged;
    },
    isUnavailable(e) {
      const code = (e as { code?: unknown } | null)?.code;
      return (typeof code === "string" && UNAVAILABLE.test(code)) || isNetworkError(e);
    },
    async close() {
      closed = true;
      await adapter.disconnect();
    },
  };
}
