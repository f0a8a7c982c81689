/**
 * Kysely and the libSQL client, loaded through their CommonJS builds.
 *
 * Kysely's ES-module build is some 260 files and libSQL's client another 50.
 * Under tsx (`npm start`) every ES module goes through its loader hooks, a
 * round-trip to the loader's thread each, which made these two packages about
 * half of the bot's start; their CommonJS builds load in the main thread in a
 * third of that time. Every value from these packages is taken from here, so
 * one copy of each is loaded; types are still imported from the packages
 * themselves (`import type`, which loads nothing).
 */
import { createRequire } from "node:module";

const load = createRequire(import.meta.url);

const kysely = load("kysely") as typeof import("kysely");
const libsql = load("@libsql/client") as typeof import("@libsql/client");
const libsqlDialect = load("@libsql/kysely-libsql") as typeof import("@libsql/kysely-libsql");

export const { Kysely, Migrator, PostgresAdapter, PostgresDialect, sql } = kysely;
/** The class's instance type, for annotations (a const alone carries no type). */
export type Kysely<DB> = import("kysely").Kysely<DB>;
export const { createClient } = libsql;
export const { LibsqlDialect } = libsqlDialect;
