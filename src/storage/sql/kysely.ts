/**
 * Kysely's values, taken from one place so that one copy is loaded; types are imported from the
 * package itself (`import type`, which loads nothing).
 *
 * Kysely's ES-module build is some 260 files, and its CommonJS build as many: loaded file by file,
 * either took about 0.3 s of the bot's start. The bot's bundle (scripts/run.mjs) takes Kysely in,
 * so the running bot reads it as part of one file.
 */
export {
  CompiledQuery,
  Kysely,
  Migrator,
  PostgresAdapter,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  sql,
} from "kysely";
