/**
 * Dashboard benchmark: the overview page (all its charts, rendered server-side)
 * at 100,000 records, over the records a user runs: the SQL records file
 * (SQLite in a temporary data directory) and PostgreSQL when it answers on
 * 127.0.0.1:5432, seeded in bulk with 100,000 donation offers, 100,000
 * unanswered questions (the newest 1,000 grouped by similarity) and 10,000
 * answer ratings, and a year of daily question counters; `GET /` through the real Hono app and session check. Target: at most
 * 200 ms. The page's figures are computed at most every 15 s
 * (pages/overview.ts): the first render computes them (cold), the next ones
 * reuse them (warm); both are reported, and the figures' queries on their own.
 * `npx tsx scripts/bench/dashboard.ts` (or `npm run bench -- dashboard`) prints the Markdown section.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Kysely } from "kysely";
import { STATUSES } from "../../src/core/donations/catalogue.ts";
import type { Offer } from "../../src/core/donations/repo.ts";
import { loadKnowledgeFiles } from "../../src/knowledge/documents.ts";
import { loadGlove } from "../../src/knowledge/glove.ts";
import { LocalEmbedder } from "../../src/knowledge/local-embedder.ts";
import { analyzer } from "../../src/knowledge/text.ts";
import { openRecordsDb, type RecordsDb } from "../../src/storage/sql/db.ts";
import { sqlRecords } from "../../src/storage/sql/index.ts";
import { sql } from "../../src/storage/sql/kysely.ts";
import { offerRow } from "../../src/storage/sql/offers.ts";
import { questionRow, ratingRow } from "../../src/storage/sql/questions.ts";
import { recountTotals } from "../../src/storage/sql/tallies.ts";
import { harness, signIn } from "../../test/dashboard/harness.ts";
import { makeServices } from "../../test/helpers/services.ts";
import { listening, PG_URL, runId } from "../../test/storage/servers.ts";

const RECORDS = 100_000;
const RATINGS = 10_000;
const RUNS = 30;
const TARGET_MS = 200;
const WORDS = ["hackathon", "visa", "internship", "office", "parking", "grant", "membership fee", "logo"];

function offer(i: number, at: string): Offer {
  return {
    ref: `DON-${i.toString(32).toUpperCase().padStart(4, "0")}`,
    ownerId: `telegram:${1000 + (i % 5000)}`,
    version: 1,
    status: STATUSES[i % STATUSES.length] ?? "offered",
    createdAt: at,
    updatedAt: at,
    category: i % 3 === 0 ? "stationery" : "clothing",
    quantity: 1 + (i % 200),
    condition: "new",
    district: "wch",
    contactName: `Donor ${i}`,
    phone: "91234567",
    history: [],
  };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** Inserts `n` rows in batches of 500, in one transaction (seeding only). */
async function insertAll(db: RecordsDb, table: string, rows: (i: number) => object, n: number): Promise<void> {
  await db.db.transaction().execute(async (trx) => {
    for (let i = 0; i < n; i += 500) {
      const chunk = Array.from({ length: Math.min(500, n - i) }, (_, k) => rows(i + k));
      await trx
        .insertInto(table as never)
        .values(chunk as never)
        .execute();
    }
  });
}

/** The app's offline embedder (GloVe and hashed lexical features, with the knowledge's thesaurus). */
function localEmbedder(): LocalEmbedder {
  const root = resolve(import.meta.dirname, "../..");
  const thesaurus = loadKnowledgeFiles(join(root, "knowledge")).thesaurus;
  return new LocalEmbedder(loadGlove(join(root, "data", "glove")), analyzer(thesaurus));
}

/** Seeds the records through the SQL repositories' row shapes; returns the time the seed is relative to. */
async function seed(db: RecordsDb, now: number): Promise<void> {
  const at = (i: number) => new Date(now - (RECORDS - i) * 60_000).toISOString();
  await insertAll(db, "offers", (i) => offerRow(offer(i, at(i))), RECORDS);
  await insertAll(
    db,
    "faq_questions",
    (i) =>
      questionRow(`${at(i).replace(/[-:.]/g, "")}-${i.toString(36).padStart(6, "0")}`, {
        text: `Where can I find the ${WORDS[i % WORDS.length]} details ${i % 400}?`,
        lang: "en",
        at: at(i),
        memberId: `telegram:${2000 + (i % 3000)}`,
      }),
    RECORDS,
  );
  await insertAll(
    db,
    "faq_ratings",
    (i) =>
      ratingRow(`A${i % 50}`, {
        answer: `faq:entry-${i % 50}`,
        value: i % 4 === 0 ? "down" : "up",
        at: at(i),
        memberId: `telegram:${3000 + i}`,
      }),
    RATINGS,
  );
  // The offer totals as the repository keeps them; statistics as autovacuum would leave them.
  await recountTotals(db.db as unknown as Kysely<unknown>);
  if (db.kind === "postgres") await sql`vacuum analyze`.execute(db.db);
}

interface Row {
  readonly database: string;
  readonly cold: number;
  readonly p50: number;
  readonly p95: number;
  readonly bytes: number;
  readonly figures: number;
}

/** Signs in and renders the overview RUNS + 1 times over seeded records. */
async function measure(name: string, db: RecordsDb): Promise<Row> {
  const t = makeServices();
  const records = sqlRecords(db, t.services);
  // The bot's own embedder groups the questions, as in the app.
  const h = harness({ records, embedder: localEmbedder() });
  const now = h.clock.now().getTime();
  await seed(db, now);
  for (let d = 0; d < 365; d++) {
    const day = new Date(now - d * 86_400_000).toISOString().slice(0, 10);
    await records.days.add(day, "answer", 40 + (d % 17));
    await records.days.add(day, "decline", 5 + (d % 7));
  }
  const { cookie } = await signIn(h);
  const times: number[] = [];
  let bytes = 0;
  let cold = 0;
  for (let r = 0; r < RUNS + 1; r++) {
    const t0 = performance.now();
    const res = await h.app.request("/", { headers: { cookie } });
    const body = await res.text();
    const ms = performance.now() - t0;
    if (res.status !== 200 || !body.includes("Questions per day")) throw new Error(`overview failed: ${res.status}`);
    if (
      !body.includes(`Donation offers by status (${RECORDS.toLocaleString("en-US")})`) &&
      !body.includes(`(${RECORDS})`)
    )
      throw new Error("overview did not count the seeded offers");
    bytes = body.length;
    if (r > 0) times.push(ms);
    else cold = ms;
  }
  // The figures' queries alone (offers per status, newest questions, feedback), as a cold render runs them.
  const f0 = performance.now();
  await Promise.all([
    records.offers.impact(),
    records.questions.recent(1000),
    records.questions.feedback(),
    records.days.since(new Date(now - 30 * 86_400_000).toISOString().slice(0, 10)),
  ]);
  const figures = performance.now() - f0;
  times.sort((a, b) => a - b);
  return { database: name, cold, p50: percentile(times, 50), p95: percentile(times, 95), bytes, figures };
}

/** Seeds the records, signs in, renders the overview RUNS times, on each database; the Markdown section. */
export async function benchDashboard(): Promise<string> {
  const rows: Row[] = [];
  const dir = mkdtempSync(join(tmpdir(), "bahk-bench-dashboard-"));
  try {
    const sqlite = await openRecordsDb({ dataDir: dir });
    try {
      rows.push(await measure("SQLite (records file)", sqlite));
    } finally {
      await sqlite.close();
    }
    if (await listening(5432)) {
      const schema = runId("benchdash");
      const pg = await openRecordsDb({ url: PG_URL, dataDir: dir, schema });
      try {
        rows.push(await measure("PostgreSQL", pg));
      } finally {
        await sql`drop schema ${sql.id(schema)} cascade`.execute(pg.db);
        await pg.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // The target is every render's: a cold one (the first, and the first after 15 s) counts too.
  const verdict = (ms: number) => (ms <= TARGET_MS ? "meets" : "**misses**");
  return [
    "## Dashboard overview (`npm run bench -- dashboard`)",
    "",
    `${RECORDS.toLocaleString("en-US")} donation offers, ${RECORDS.toLocaleString("en-US")} unanswered questions (the newest 1,000 grouped by the bot's own embedder) and ${RATINGS.toLocaleString("en-US")} answer ratings in the SQL records (seeded in bulk), with a year of daily question counters; \`GET /\` through Hono with the session check. The figures are computed at most every 15 s and after each change made in the dashboard: the cold render computes them, the ${RUNS} warm renders reuse them.`,
    "",
    `| database | cold render | warm p50 | warm p95 | figures' queries | page size | target ≤ ${TARGET_MS} ms, cold | warm |`,
    "|---|---|---|---|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.database} | ${r.cold.toFixed(0)} ms | ${r.p50.toFixed(1)} ms | ${r.p95.toFixed(1)} ms | ${r.figures.toFixed(0)} ms | ${(r.bytes / 1024).toFixed(0)} KiB | ${verdict(r.cold)} | ${verdict(r.p95)} |`,
    ),
    "",
    "The cold render reads SQL aggregates over indexed rows (offers per status from the status index, the current townhall's topics per status, feedback per value, the last 30 days' counters by their primary key) and the newest 1,000 questions by the time index. Before, it listed every offer and every question (1,140 ms over the in-memory store, about 1.9 s over these SQL records). Grouping the newest questions embeds only texts not seen before (vectors are cached by text), so a cold render after the first embeds just the questions that arrived since; it compares each distinct text once (1,000 questions are about 400 texts), on vectors scaled to length 1, with the groups before it (that comparison, each question against every group with both norms recomputed, was 120–170 ms of a 214–288 ms cold render on 2026-12-04).",
  ].join("\n");
}

if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? "")).href) {
  benchDashboard()
    .then((s) => process.stdout.write(`${s}\n`))
    .catch((e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    });
}
