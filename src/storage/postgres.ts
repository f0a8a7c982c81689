/**
 * PostgreSQL backend: `@keyv/postgres`'s table layout (`key` primary key,
 * `value` TEXT holding keyv's JSON), created by us with the "C" collation so
 * key order is byte order and prefix scans use the index. The adapter runs on
 * our own pool (its module-wide pool cannot be closed per store and has no
 * timeouts). Extra operations are single statements, atomic under concurrent
 * writers: `INSERT ... ON CONFLICT DO UPDATE ... WHERE <expired>` for add, an
 * upsert returning the new value for counters, `DELETE ... RETURNING`.
 */
import KeyvPostgres from "@keyv/postgres";
import pg from "pg";
import type { Logger } from "../core/ports.ts";
import type { Backend, RawRecord } from "./backend.ts";
import { checkIdentifier, isNetworkError, prefixUpperBound } from "./backend.ts";

/** Options of {@link postgresBackend}. */
export interface PostgresOptions {
  readonly url: string;
  /** Table name (default `keyv`, the table `@keyv/postgres` reads). */
  readonly table?: string;
  readonly schema?: string;
  /**
   * How long an operation may wait for a pooled connection, queueing included, in ms (default 5,000).
   * A burst (a thousand members pressing upvote at once) queues behind the 10 connections; a server
   * that refuses connections still fails at once, and every call stays bounded by the store's timeout.
   */
  readonly connectTimeoutMs?: number;
  /** Statement timeout in ms (default 5,000). */
  readonly queryTimeoutMs?: number;
  readonly logger: Logger;
}

// SQLSTATE classes and codes that mean "not reachable or not now": connection
// exceptions, shutdown, too many connections, cancelled by statement timeout,
// serialisation failure and deadlock (safe to retry: nothing was written).
const UNAVAILABLE_STATES = /^(08|53|57P0|57014|40001|40P01|55P03)/;
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connection error|timeout exceeded when trying to connect|Query read timeout|not queryable|Connection ended|Client was closed/i;

type Query = (sql: string, values?: unknown[]) => Promise<Record<string, unknown>[]>;

/** Opens the PostgreSQL backend; the table is created at once if the server answers, else on first use. */
export function postgresBackend(opts: PostgresOptions): Backend {
  const table = checkIdentifier(opts.table ?? "keyv");
  const schema = checkIdentifier(opts.schema ?? "public");
  const t = `"${schema}"."${table}"`;
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: 10,
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 5000,
    query_timeout: opts.queryTimeoutMs ?? 5000,
    statement_timeout: opts.queryTimeoutMs ?? 5000,
    idleTimeoutMillis: 10_000,
    keepAlive: true,
  });
  // A server that goes away makes idle clients emit errors; the pool drops them.
  pool.on("error", (e) => opts.logger.debug("postgres idle client error", { error: e.message }));
  const query: Query = async (sql, values) => (await pool.query(sql, values)).rows as Record<string, unknown>[];

  let readyOnce: Promise<void> | undefined;
  const ready = (): Promise<void> => {
    readyOnce ??= createTable(query, schema, t).catch((e: unknown) => {
      readyOnce = undefined;
      throw e;
    });
    return readyOnce;
  };
  // The adapter creates its own table on construction: ours (with the "C" collation) must come first.
  class PooledKeyvPostgres extends KeyvPostgres {
    override async connect() {
      return async (sql: string, values?: unknown[]) => {
        await ready();
        return query(sql, values);
      };
    }
    override async disconnect() {}
  }
  const expiredOld = `(${t}.value::jsonb ->> 'expires')::float8 <= $3`;

  const backend: Backend = {
    kind: "postgres",
    adapter: new PooledKeyvPostgres({ uri: opts.url, table, schema, keySize: 1024 }),
    ready,
    async add(key, raw, _ttlMs, now) {
      const rows = await query(
        `INSERT INTO ${t} (key, value) VALUES ($1, $2)
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value WHERE ${expiredOld}
         RETURNING key`,
        [key, raw, now],
      );
      return rows.length === 1;
    },
    async increment(key, by, createRaw, _ttlMs, now) {
      const old = `${t}.value::jsonb`;
      const rows = await query(
        `INSERT INTO ${t} (key, value) VALUES ($1, $2)
         ON CONFLICT (key) DO UPDATE SET value = CASE
           WHEN ${expiredOld} THEN EXCLUDED.value
           ELSE jsonb_set(${old}, '{value}', to_jsonb(
             (CASE WHEN jsonb_typeof(${old} -> 'value') = 'number' THEN (${old} ->> 'value')::numeric ELSE 0 END)
             + $4::numeric))::text
         END
         RETURNING value`,
        [key, createRaw, now, by],
      );
      return String(rows[0]?.value);
    },
    async write(writes) {
      const sets = writes.filter((w) => w.raw !== undefined);
      const deletes = writes.filter((w) => w.raw === undefined).map((w) => w.key);
      // One statement, so one transaction: the deletion and the upsert see the same snapshot (distinct keys).
      await query(
        `WITH gone AS (DELETE FROM ${t} WHERE key = ANY($1::text[]))
         INSERT INTO ${t} (key, value) SELECT * FROM unnest($2::text[], $3::text[])
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
        [deletes, sets.map((w) => w.key), sets.map((w) => w.raw)],
      );
    },
    async remove(key) {
      const rows = await query(`DELETE FROM ${t} WHERE key = $1 RETURNING value`, [key]);
      const value = rows[0]?.value;
      return typeof value === "string" ? value : undefined;
    },
    async scan(prefix) {
      const hi = prefixUpperBound(prefix);
      const k = `key COLLATE "C"`;
      const rows =
        prefix === ""
          ? await query(`SELECT key, value FROM ${t} ORDER BY ${k}`)
          : hi === undefined
            ? await query(`SELECT key, value FROM ${t} WHERE ${k} >= $1 ORDER BY ${k}`, [prefix])
            : await query(`SELECT key, value FROM ${t} WHERE ${k} >= $1 AND ${k} < $2 ORDER BY ${k}`, [prefix, hi]);
      return rows.map((r): RawRecord => ({ key: String(r.key), raw: String(r.value) }));
    },
    async purgeExpired(now) {
      const rows = await query(
        `DELETE FROM ${t} WHERE value LIKE '%"expires":%' AND (value::jsonb ->> 'expires')::float8 <= $1 RETURNING key`,
        [now],
      );
      return rows.length;
    },
    isUnavailable(e) {
      const code = (e as { code?: unknown } | null)?.code;
      if (typeof code === "string" && UNAVAILABLE_STATES.test(code)) return true;
      return isNetworkError(e) || (e instanceof Error && UNAVAILABLE_MESSAGES.test(e.message));
    },
    async close() {
      await pool.end();
    },
  };
  return backend;
}

async function createTable(query: Query, schema: string, t: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      if (schema !== "public") await query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await query(`CREATE TABLE IF NOT EXISTS ${t} (key VARCHAR(1024) COLLATE "C" PRIMARY KEY, value TEXT)`);
      return;
    } catch (e) {
      // Processes creating the schema or table at once: the losers see a duplicate (of the table, its
      // row type or the schema) once the winner commits, and the next attempt finds them made.
      const code = (e as { code?: unknown }).code;
      if (attempt >= 3 || !DUPLICATE.has(String(code))) throw e;
    }
  }
}

/** unique_violation, duplicate_object (a table's row type), duplicate_table, duplicate_schema. */
const DUPLICATE = new Set(["23505", "42710", "42P07", "42P06"]);
