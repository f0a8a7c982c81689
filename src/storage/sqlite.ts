/**
 * SQLite backend: `@keyv/sqlite`'s table (`key` primary key, `value` TEXT
 * holding keyv's JSON), in WAL mode with a busy timeout so several processes
 * can share the file. The extra operations are single SQL statements on the
 * adapter's own connection, so each is atomic: an upsert whose update only
 * fires when the existing row has expired, an upsert-returning counter, and a
 * `DELETE ... RETURNING`. Listing is one ordered range query: `@keyv/sqlite`'s
 * iterator pages with OFFSET while keyv deletes expired rows under it, which
 * skips live keys, so it is not used.
 */
import KeyvSqlite from "@keyv/sqlite";
import type { Backend, RawRecord } from "./backend.ts";
import { checkIdentifier, isNetworkError, prefixUpperBound } from "./backend.ts";

/** Options of {@link sqliteBackend}. */
export interface SqliteOptions {
  /** Path of the database file. */
  readonly file: string;
  /** Table name (default `keyv`, the table `@keyv/sqlite` reads). */
  readonly table?: string;
  /** How long a writer waits for the lock, in ms (default 5,000). */
  readonly busyTimeoutMs?: number;
}

const UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|CANTOPEN|IOERR|FULL|PROTOCOL|NOLFS)/;

// The expiry time stored in a row's JSON, NULL when none (or when the row is not JSON).
const expires = (col: string) => `(CASE WHEN json_valid(${col}) THEN json_extract(${col}, '$.expires') END)`;
const expired = (col: string) => `(${expires(col)} IS NOT NULL AND ${expires(col)} <= $now)`;

/** Opens the SQLite backend (the connection opens lazily inside the adapter). */
export function sqliteBackend(opts: SqliteOptions): Backend {
  const table = checkIdentifier(opts.table ?? "keyv");
  const adapter = new KeyvSqlite({
    uri: `sqlite://${opts.file}`,
    table,
    keySize: 1024,
    busyTimeout: opts.busyTimeoutMs ?? 5000,
  });
  const query = async (sql: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> =>
    (await adapter.query(sql, params)) as Record<string, unknown>[];
  let readyOnce: Promise<void> | undefined;

  return {
    kind: "sqlite",
    adapter,
    ready() {
      readyOnce ??= (async () => {
        await query("PRAGMA journal_mode = WAL");
        // As the records database: in WAL mode a commit survives a crash of the process; only a power
        // cut may lose the last commits (never corrupt the file), and no commit waits on an fsync.
        await query("PRAGMA synchronous = NORMAL");
        // Erased personal data must not stay readable in freed pages of the file.
        await query("PRAGMA secure_delete = ON");
      })().catch((e: unknown) => {
        readyOnce = undefined;
        throw e;
      });
      return readyOnce;
    },
    async add(key, raw, _ttlMs, now) {
      const rows = await query(
        `INSERT INTO ${table} (key, value) VALUES ($key, $raw)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value WHERE ${expired(`${table}.value`)}
         RETURNING key`,
        { $key: key, $raw: raw, $now: now },
      );
      return rows.length === 1;
    },
    async increment(key, by, createRaw, _ttlMs, now) {
      const old = `${table}.value`;
      const rows = await query(
        `INSERT INTO ${table} (key, value) VALUES ($key, $raw)
         ON CONFLICT(key) DO UPDATE SET value = CASE
           WHEN NOT json_valid(${old}) OR ${expired(old)} THEN excluded.value
           ELSE json_set(${old}, '$.value',
             (CASE WHEN json_type(${old}, '$.value') IN ('integer', 'real') THEN json_extract(${old}, '$.value') ELSE 0 END) + $by)
         END
         RETURNING value`,
        { $key: key, $raw: createRaw, $now: now, $by: by },
      );
      return String(rows[0]?.value);
    },
    async remove(key) {
      const rows = await query(`DELETE FROM ${table} WHERE key = $key RETURNING value`, { $key: key });
      const value = rows[0]?.value;
      return typeof value === "string" ? value : undefined;
    },
    async scan(prefix) {
      const hi = prefixUpperBound(prefix);
      const rows =
        prefix === ""
          ? await query(`SELECT key, value FROM ${table} ORDER BY key`)
          : hi === undefined
            ? await query(`SELECT key, value FROM ${table} WHERE key >= $lo ORDER BY key`, { $lo: prefix })
            : await query(`SELECT key, value FROM ${table} WHERE key >= $lo AND key < $hi ORDER BY key`, {
                $lo: prefix,
                $hi: hi,
              });
      return rows.map((r): RawRecord => ({ key: String(r.key), raw: String(r.value) }));
    },
    async purgeExpired(now) {
      const rows = await query(`DELETE FROM ${table} WHERE ${expired("value")} RETURNING key`, { $now: now });
      return rows.length;
    },
    isUnavailable(e) {
      const code = (e as { code?: unknown } | null)?.code;
      return (typeof code === "string" && UNAVAILABLE.test(code)) || isNetworkError(e);
    },
    async close() {
      await adapter.disconnect();
    },
  };
}
