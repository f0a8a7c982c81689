/**
 * The association's records in SQL ({@link Records}): offers, polls and
 * ballots, audit, linked accounts, the FAQ's questions and ratings, the
 * overview's per-day counters, and the outbox that delivers what their
 * workflows owe. Ephemeral state (sessions, rate limits, link codes,
 * de-duplication) stays in the key-value {@link Store}.
 */
import type { Clock, Logger, Notifier, Store } from "../../core/ports.ts";
import type { Records } from "../../core/records.ts";
import { SqlAgendaRepo } from "./agenda.ts";
import { SqlAuditLog } from "./audit.ts";
import { SqlDayCounters } from "./days.ts";
import { openRecordsDb, type RecordsDb, type RecordsDbOptions } from "./db.ts";
import { SqlErasure } from "./erasure.ts";
import { SqlIdentities } from "./identities.ts";
import { importLegacy } from "./legacy.ts";
import { SqlOfferRepo } from "./offers.ts";
import { SqlOutbox } from "./outbox.ts";
import { SqlPollRepo } from "./polls.ts";
import { SqlQuestionLog } from "./questions.ts";

export { openRecordsDb, type RecordsDb, recordsFile, recordsKind } from "./db.ts";

/** The SQL records with their concrete types (tests, import, benchmarks). */
export interface SqlRecords extends Records {
  readonly sql: RecordsDb;
  readonly agenda: SqlAgendaRepo;
  readonly offers: SqlOfferRepo;
  readonly polls: SqlPollRepo;
  readonly audit: SqlAuditLog;
  readonly identities: SqlIdentities;
  readonly outbox: SqlOutbox;
  readonly questions: SqlQuestionLog;
  readonly days: SqlDayCounters;
}

/** What the records need besides their database. */
export interface RecordsDeps {
  readonly store: Store;
  readonly notifier: Notifier;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** Builds the records over an open database. */
export function sqlRecords(sql: RecordsDb, deps: RecordsDeps): SqlRecords {
  const { db } = sql;
  const audit = new SqlAuditLog(db, deps.clock);
  const outbox = new SqlOutbox(db, deps.notifier, deps.clock, deps.logger);
  const erasure = new SqlErasure(db, outbox, deps.clock);
  return {
    sql,
    audit,
    outbox,
    agenda: new SqlAgendaRepo(db, outbox, audit, sql.kind),
    offers: new SqlOfferRepo(db, outbox, audit),
    polls: new SqlPollRepo(db, sql.kind, outbox),
    identities: new SqlIdentities(db, deps.store),
    questions: new SqlQuestionLog(db),
    days: new SqlDayCounters(db),
    forgetMember: (memberId) => erasure.forgetMember(memberId),
    compact: () => sql.compact(),
    close: () => sql.close(),
  };
}

/** Opens (and migrates) the records database the configuration names, and builds the records over it. */
export async function openRecords(opts: RecordsDbOptions, deps: RecordsDeps): Promise<SqlRecords> {
  const sql = await openRecordsDb(opts);
  deps.logger.info("records ready", { kind: sql.kind, location: sql.location });
  await upgrade(deps, sql);
  return sqlRecords(sql, deps);
}

/** Moves the records of a key-value data directory (the previous release) into the tables, once. */
async function upgrade(deps: RecordsDeps, sql: RecordsDb): Promise<void> {
  try {
    const outcome = await importLegacy(deps.store, sql, deps.clock.now());
    if (outcome.kind === "imported") deps.logger.info("imported old-format records", outcome.counts);
    if (outcome.kind === "refused")
      deps.logger.error("old-format records not imported: the records database already holds records", {
        records: outcome.records,
      });
  } catch (e) {
    // The key-value store may be down at start: nothing was deleted, the next start tries again.
    deps.logger.warn("old-format records not checked; will try at the next start", { error: String(e) });
  }
}
