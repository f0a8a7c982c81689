/**
 * The versioned migrations of the records database, in order. Names sort in
 * the order they run; a released migration is never edited, only followed.
 */
import type { Migration, MigrationProvider } from "kysely";
import type { SqlKind } from "../kind.ts";
import { records0001 } from "./0001_records.ts";

/** Kysely's static migration provider for one dialect. */
export function migrations(kind: SqlKind): MigrationProvider {
  const all: Record<string, Migration> = {
    "0001_records": records0001(kind),
  };
  return { getMigrations: async () => all };
}
