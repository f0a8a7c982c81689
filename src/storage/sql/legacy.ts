/**
 * Upgrades a data directory of the key-value release: when the records
 * database is empty and the key-value store holds records of the old format
 * (one key per record: `agth`, `agtopic`, `agvote`, `offer`, `audit`, …),
 * they are copied into the tables in one transaction, then deleted from the
 * key-value store (so personal data does not stay behind in two places).
 * The FAQ's questions, answer refs and ratings (`faq.*`, in SQL since
 * migration 0004) and the overview's per-day counters (`qstats`, since 0005)
 * are groups with markers of their own, so a data directory whose other
 * records were imported by an earlier release gets them too.
 */
import type { Kysely, Transaction } from "kysely";
import type { Ballot, Decision, Poll, PollResult, Topic, Townhall, Vote } from "../../core/agenda/model.ts";
import { NS as AG } from "../../core/agenda/model.ts";
import type { AuditEntry } from "../../core/audit.ts";
import { NS_DAY_COUNTS } from "../../core/dashboard/stats.ts";
import type { Offer } from "../../core/donations/repo.ts";
import { type DeclinedQuestion, NS_ANSWERS, NS_QUESTIONS, NS_RATINGS, type Rating } from "../../core/faq/log.ts";
import type { Store } from "../../core/ports.ts";
import { decisionRow, topicRow } from "./agenda.ts";
import type { RecordsDb } from "./db.ts";
import { recountTopics } from "./migrations/0003_topic_counts.ts";
import { recountAgendaSizes } from "./migrations/0008_agenda_sizes.ts";
import { eventRows, offerRow } from "./offers.ts";
import { questionRow, ratingRow } from "./questions.ts";
import type { Database } from "./schema.ts";
import { recountTotals } from "./tallies.ts";

/** The old namespaces whose records move to SQL (ephemeral ones stay in the key-value store). */
export const LEGACY_NAMESPACES = [
  AG.townhall,
  AG.open,
  AG.config,
  AG.topic,
  AG.topicRef,
  AG.decision,
  AG.vote,
  AG.quota,
  AG.embedding,
  AG.poll,
  AG.pollOpen,
  AG.pollClosed,
  AG.ballot,
  "offer",
  "offerby",
  "offerver",
  "audit",
  "identity",
] as const;

/** The FAQ's old namespaces (a group of their own: see the module comment). */
export const LEGACY_FAQ_NAMESPACES = [NS_QUESTIONS, NS_ANSWERS, NS_RATINGS] as const;

/** The overview's old per-day counters (a group of their own). */
export const LEGACY_DAY_NAMESPACES = [NS_DAY_COUNTS] as const;

/** How many rows of each kind were imported. */
export type LegacyCounts = Record<string, number>;

type Rows<T> = { key: string; value: T }[];

/** Splits `<a>:<b>:<rest…>` (member ids hold colons). */
function split3(key: string): [string, string, string] {
  const i = key.indexOf(":");
  const j = key.indexOf(":", i + 1);
  return [key.slice(0, i), key.slice(i + 1, j), key.slice(j + 1)];
}

/** The setting that says the old records were imported (and their key-value copies may go). */
const MARKER = "legacy_imported_at";
/** The same for the FAQ's records… */
const FAQ_MARKER = "legacy_faq_imported_at";
/** …and for the per-day counters. */
const DAYS_MARKER = "legacy_days_imported_at";

/** Whether the records database holds no association record yet. */
export function recordsEmpty(r: RecordsDb): Promise<boolean> {
  return tablesEmpty(r, ["townhalls", "topics", "offers", "audit", "identities", "polls"]);
}

/** Whether the records database holds no FAQ record yet. */
function faqEmpty(r: RecordsDb): Promise<boolean> {
  return tablesEmpty(r, ["faq_questions", "faq_answers", "faq_ratings"]);
}

/** Whether every one of the tables is empty. */
async function tablesEmpty(r: RecordsDb, tables: readonly (keyof Database)[]): Promise<boolean> {
  for (const table of tables) {
    const row = await r.db
      .selectFrom(table)
      .select((eb) => eb.lit(1).as("one"))
      .limit(1)
      .executeTakeFirst();
    if (row) return false;
  }
  return true;
}

/** What {@link importLegacy} did. */
export type LegacyOutcome =
  | { readonly kind: "none" }
  | { readonly kind: "imported"; readonly counts: LegacyCounts }
  | { readonly kind: "cleaned"; readonly records: number }
  | { readonly kind: "refused"; readonly records: number };

/** One group of old namespaces, imported together under one marker. */
interface Group {
  readonly namespaces: readonly string[];
  readonly marker: string;
  readonly empty: (r: RecordsDb) => Promise<boolean>;
  readonly copy: (trx: Transaction<Database>, get: <T>(ns: string) => Rows<T>) => Promise<LegacyCounts>;
}

const GROUPS: readonly Group[] = [
  { namespaces: LEGACY_NAMESPACES, marker: MARKER, empty: recordsEmpty, copy },
  { namespaces: LEGACY_FAQ_NAMESPACES, marker: FAQ_MARKER, empty: faqEmpty, copy: copyFaq },
  {
    namespaces: LEGACY_DAY_NAMESPACES,
    marker: DAYS_MARKER,
    empty: (r) => tablesEmpty(r, ["question_days"]),
    copy: copyDays,
  },
];

/**
 * Imports old-format records when the tables are empty, in one transaction with a marker; then
 * deletes the key-value copies (also left-overs of an earlier import). Tables that already hold
 * records and no marker: nothing is imported or deleted ("refused"), for an operator to decide.
 * Each group (the association's records, then the FAQ's) is decided on its own, except that a
 * refusal stops the rest.
 */
export async function importLegacy(store: Store, r: RecordsDb, now: Date = new Date()): Promise<LegacyOutcome> {
  const outcomes: LegacyOutcome[] = [];
  for (const g of GROUPS) {
    const o = await importGroup(store, r, now, g);
    // Tables of unknown origin: nothing more is imported or deleted either.
    if (o.kind === "refused") return o;
    outcomes.push(o);
  }
  const imported = outcomes.flatMap((o) => (o.kind === "imported" ? [o.counts] : []));
  if (imported.length > 0) return { kind: "imported", counts: Object.assign({}, ...imported) as LegacyCounts };
  const cleaned = outcomes.reduce((n, o) => n + (o.kind === "cleaned" ? o.records : 0), 0);
  if (cleaned > 0) return { kind: "cleaned", records: cleaned };
  return { kind: "none" };
}

async function importGroup(store: Store, r: RecordsDb, now: Date, g: Group): Promise<LegacyOutcome> {
  const lists = new Map<string, Rows<unknown>>();
  for (const ns of g.namespaces) lists.set(ns, await store.list(ns));
  const total = [...lists.values()].reduce((n, l) => n + l.length, 0);
  if (total === 0) return { kind: "none" };
  const get = <T>(ns: string) => (lists.get(ns) ?? []) as Rows<T>;
  const marked = await r.db.selectFrom("settings").select("value").where("key", "=", g.marker).executeTakeFirst();
  let outcome: LegacyOutcome = { kind: "cleaned", records: total };
  if (!marked) {
    if (!(await g.empty(r))) return { kind: "refused", records: total };
    const counts = await r.db.transaction().execute(async (trx) => {
      const c = await g.copy(trx, get);
      await trx.insertInto("settings").values({ key: g.marker, value: now.toISOString() }).execute();
      return c;
    });
    outcome = { kind: "imported", counts };
  }
  for (const [ns, rows] of lists) for (const row of rows) await store.delete(ns, row.key);
  return outcome;
}

/** Inserts rows in batches, counting them. */
function adder(trx: Transaction<Database>, counts: LegacyCounts) {
  return async <T extends keyof Database>(table: T, rows: readonly object[]) => {
    for (let i = 0; i < rows.length; i += 200) {
      await trx
        .insertInto(table)
        .values(rows.slice(i, i + 200) as never)
        .execute();
    }
    counts[table] = (counts[table] ?? 0) + rows.length;
  };
}

/** The FAQ's questions, answer refs and ratings (`<answerKey>:<member or forgotten-…>`). */
async function copyFaq(trx: Transaction<Database>, get: <T>(ns: string) => Rows<T>): Promise<LegacyCounts> {
  const counts: LegacyCounts = {};
  const add = adder(trx, counts);
  await add(
    "faq_questions",
    get<DeclinedQuestion>(NS_QUESTIONS).map(({ key, value }) => questionRow(key, value)),
  );
  await add(
    "faq_answers",
    get<{ ref: string }>(NS_ANSWERS).map(({ key, value }) => ({ key, ref: value.ref })),
  );
  await add(
    "faq_ratings",
    get<Rating>(NS_RATINGS).map(({ key, value }) => ratingRow(key.slice(0, key.indexOf(":")), value)),
  );
  return counts;
}

const DAY_KINDS = new Set(["answer", "decline", "intent", "social", "joined"]);

/** The per-day counters (`<YYYY-MM-DD>:<kind>` → count). */
async function copyDays(trx: Transaction<Database>, get: <T>(ns: string) => Rows<T>): Promise<LegacyCounts> {
  const counts: LegacyCounts = {};
  const rows = get<number>(NS_DAY_COUNTS).flatMap(({ key, value }) => {
    const [day = "", kind = ""] = key.split(":");
    const n = Number(value);
    return DAY_KINDS.has(kind) && Number.isInteger(n) && n >= 0 ? [{ day, kind, n }] : [];
  });
  await adder(trx, counts)("question_days", rows);
  return counts;
}

async function copy(trx: Transaction<Database>, get: <T>(ns: string) => Rows<T>): Promise<LegacyCounts> {
  const counts: LegacyCounts = {};
  const add = adder(trx, counts);
  const open = get<{ id: string }>(AG.open).find((x) => x.key === "current")?.value.id;
  await add(
    "townhalls",
    get<Townhall>(AG.townhall).map(({ value: t }) => ({
      id: t.id,
      name: t.name,
      date: t.date ?? null,
      opened_at: t.openedAt,
      opened_by: t.openedBy,
      closed_at: t.closedAt ?? null,
      open_slot: t.id === open ? 1 : null,
    })),
  );
  const mode = get<string>(AG.config).find((x) => x.key === "moderation")?.value;
  if (mode) await add("settings", [{ key: "moderation", value: mode }]);
  const embeddings = new Map(get<number[]>(AG.embedding).map((x) => [x.key, x.value]));
  const townhalls = new Set(get<Townhall>(AG.townhall).map((x) => x.value.id));
  const topics = get<Topic>(AG.topic).filter((x) => townhalls.has(x.value.townhallId));
  const topicIds = new Set(topics.map((x) => x.value.id));
  await add(
    "topics",
    topics.map(({ key, value }) => topicRow(value, embeddings.get(key) ?? null)),
  );
  await add(
    "decisions",
    get<Decision>(AG.decision)
      .filter(({ key }) => topicIds.has(split3(key)[1]) && ["review", "final"].includes(split3(key)[2]))
      .map(({ key, value }) => decisionRow(split3(key)[1], split3(key)[2], value)),
  );
  await add(
    "votes",
    get<Vote>(AG.vote)
      .filter(({ key }) => topicIds.has(split3(key)[1]))
      .map(({ key, value }) => ({ topic_id: split3(key)[1], member_id: split3(key)[2], at: value.at })),
  );
  await add(
    "quotas",
    get<number>(AG.quota)
      .filter((x) => x.value > 0)
      .map(({ key, value }) => ({
        townhall_id: key.slice(0, key.indexOf(":")),
        member_id: key.slice(key.indexOf(":") + 1),
        used: value,
      })),
  );
  await copyPolls(trx, get, add);
  await add(
    "offers",
    get<Offer>("offer").map(({ value }) => offerRow(value)),
  );
  await add(
    "offer_events",
    get<Offer>("offer").flatMap(({ value }) => eventRows(value)),
  );
  await add(
    "audit",
    get<AuditEntry>("audit").map(({ value: e }) => ({
      at: e.at,
      actor_id: e.actorId,
      actor_name: e.actorName,
      action: e.action,
      target: e.target,
      detail: e.detail ?? null,
    })),
  );
  await add(
    "identities",
    get<{ canonicalId: string }>("identity").map(({ key, value }) => ({
      account_id: key,
      canonical_id: value.canonicalId,
    })),
  );
  await recountTopics(trx as unknown as Kysely<unknown>);
  await recountAgendaSizes(trx as unknown as Kysely<unknown>);
  await recountTotals(trx as unknown as Kysely<unknown>);
  return counts;
}

async function copyPolls(
  _trx: Transaction<Database>,
  get: <T>(ns: string) => Rows<T>,
  add: <T extends keyof Database>(table: T, rows: readonly object[]) => Promise<void>,
): Promise<void> {
  const openPolls = new Set(get<{ id: string }>(AG.pollOpen).map((x) => x.value.id));
  const results = new Map(get<PollResult>(AG.pollClosed).map((x) => [x.key, x.value]));
  await add(
    "polls",
    get<Poll>(AG.poll).map(({ value: p }) => {
      const res = results.get(p.id);
      return {
        id: p.id,
        townhall_id: p.townhallId,
        question: p.question,
        topic_ids: JSON.stringify(p.topicIds),
        options: JSON.stringify(p.options),
        created_at: p.createdAt,
        created_by: p.createdBy,
        duration_hours: p.durationHours,
        open_slot: openPolls.has(p.id) && !res ? 1 : null,
        closed_at: res?.closedAt ?? null,
        result_counts: res ? JSON.stringify(res.counts) : null,
        result_voters: res ? res.voters : null,
      };
    }),
  );
  const pollIds = new Set(get<Poll>(AG.poll).map((x) => x.value.id));
  const ballots = get<Ballot>(AG.ballot)
    .filter(({ key }) => pollIds.has(key.slice(0, key.indexOf(":"))))
    .map(({ key, value }) => ({
      poll_id: key.slice(0, key.indexOf(":")),
      member_id: key.slice(key.indexOf(":") + 1),
      ballot: value,
    }));
  await add(
    "ballots",
    ballots.map((b) => ({
      poll_id: b.poll_id,
      member_id: b.member_id,
      options: JSON.stringify(b.ballot.options),
      at: b.ballot.at,
      platform: b.ballot.platform,
    })),
  );
  await add(
    "ballot_choices",
    ballots.flatMap((b) =>
      [...new Set(b.ballot.options)].map((o) => ({ poll_id: b.poll_id, member_id: b.member_id, option_index: o })),
    ),
  );
}
