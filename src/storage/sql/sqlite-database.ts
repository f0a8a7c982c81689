/**
 * The records' SQLite connection as Kysely's own SQLite dialect wants it: libSQL's synchronous
 * binding (the one the key-value store uses), with its prepared statements kept.
 *
 * Kysely's SQLite driver prepares every query it runs, and so did libSQL's client before it; the
 * bot runs the same few dozen statements for every message, so each connection keeps up to
 * {@link MAX_STATEMENTS} of them prepared by their SQL (compiling one costs as much as running it).
 * Values are bound as the client bound them: booleans as 1 and 0 (the binding itself panics on a
 * boolean, taking the process down), dates as milliseconds. A transaction takes the write lock when
 * it begins (`BEGIN IMMEDIATE`), so one that reads first waits for another process's writer (the
 * busy timeout) instead of failing when it comes to write.
 */
import type { DatabaseConnection, Driver, SqliteDatabase, SqliteDialectConfig, SqliteStatement } from "kysely";
import { keepNewest } from "../../core/bounded.ts";
import type { LibsqlConnection, LibsqlStatement } from "../sqlite.ts";
import { CompiledQuery, SqliteDialect, SqliteDriver } from "./kysely.ts";

/** Statements kept prepared per connection (queries with lists of varying length each have their own SQL). */
const MAX_STATEMENTS = 256;

/** A value as SQLite binds it. */
function bindable(value: unknown): unknown {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Date) return value.valueOf();
  if (value === undefined) throw new TypeError("undefined cannot be passed as argument to the database");
  return value;
}

const bind = (parameters: readonly unknown[]): unknown[] => parameters.map(bindable);

/** The connection behind Kysely's `SqliteDialect`, keeping its statements prepared. */
export function kyselySqlite(db: LibsqlConnection): SqliteDatabase {
  const prepared = new Map<string, SqliteStatement>();
  const wrap = (s: LibsqlStatement): SqliteStatement => ({
    reader: s.reader,
    all: (parameters) => s.all(bind(parameters)) as unknown[],
    run: (parameters) => s.run(bind(parameters)),
    iterate: (parameters) => s.iterate(bind(parameters)) as IterableIterator<unknown>,
  });
  return {
    prepare(sql: string): SqliteStatement {
      let statement = prepared.get(sql);
      if (statement) {
        // Most recently used last, so the least recently used is the first to go.
        prepared.delete(sql);
      } else {
        statement = wrap(db.prepare(sql));
      }
      prepared.set(sql, statement);
      keepNewest(prepared, MAX_STATEMENTS);
      return statement;
    },
    close(): void {
      prepared.clear();
      db.close();
    },
  };
}

/** Kysely's SQLite driver, its transactions beginning with the write lock. */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}

/** Kysely's SQLite dialect over {@link kyselySqlite}, with {@link ImmediateSqliteDriver}. */
export class RecordsSqliteDialect extends SqliteDialect {
  constructor(private readonly config: SqliteDialectConfig) {
    super(config);
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.config);
  }
}
