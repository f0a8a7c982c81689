/**
 * Kysely, loaded through its CommonJS build.
 *
 * Kysely's ES-module build is some 260 files. Under tsx every ES module goes
 * through its loader hooks, a round-trip to the loader's thread each, which
 * made it a large part of the bot's start; its CommonJS build loads in the
 * main thread in a third of that time. Every value from Kysely is taken from
 * here, so one copy is loaded; types are still imported from the package
 * itself (`import type`, which loads nothing).
 */
import { createRequire } from "node:module";

const load = createRequire(import.meta.url);

const kysely = load("kysely") as typeof import("kysely");

export const { CompiledQuery, Kysely, Migrator, PostgresAdapter, PostgresDialect, SqliteDialect, SqliteDriver, sql } =
  kysely;
/** The class's instance type, for annotations (a const alone carries no type). */
export type Kysely<DB> = import("kysely").Kysely<DB>;
