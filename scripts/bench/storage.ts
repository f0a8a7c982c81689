/**
 * Storage benchmark: votes and donation offers per second on each backend
 * (SQLite file, and PostgreSQL / Redis when they answer on loopback), with one
 * and with two bot processes writing at once, and the latency of one write
 * (p50, p99), as raw store writes and through the real Bot. Bounded: a fixed
 * number of operations per run.
 * `npx tsx scripts/bench/storage.ts` prints the Markdown section.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { openStore } from "../../src/storage/index.ts";
import { expired, openLibsql, sqliteBackend } from "../../src/storage/sqlite.ts";
import { openTownhall } from "../../test/storage/bot-load.ts";
import { type Job, type Op, plan, Worker } from "../../test/storage/load.ts";
import { dropPgTable, dropRedisNamespace, listening, PG_URL, REDIS_URL, runId } from "../../test/storage/servers.ts";

const VOTES = 2000;
const OFFERS = 400;
/** Through the Bot an offer is a whole form (about a dozen messages), so fewer. */
const BOT_VOTES = 1000;
const BOT_OFFERS = 100;
/** Writes in flight per process (members talking at once). */
const CONCURRENCY = 8;

interface Backend {
  readonly name: string;
  place(): { url?: string; dataDir: string; isolate?: string; cleanup(): Promise<void> };
}

interface Run {
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function measure(backend: Backend, processes: number, kind: "vote" | "offer", viaBot: boolean): Promise<Run> {
  const { cleanup, ...where } = backend.place();
  const store = viaBot ? await openStore({ ...where, logger: silent }) : undefined;
  try {
    const parts = plan({
      votes: kind === "vote" ? (viaBot ? BOT_VOTES : VOTES) : 0,
      offers: kind === "offer" ? (viaBot ? BOT_OFFERS : OFFERS) : 0,
      topics: TOPICS.length,
      members: 400,
      parts: processes,
    });
    const townhall = store ? await openTownhall(store, TOPICS) : undefined;
    const startAt = Date.now() + 1500 + 500 * processes;
    const job = (ops: readonly Op[]): Job => ({ ...where, concurrency: CONCURRENCY, ops, startAt, townhall });
    const workers = parts.map((ops) => new Worker(job(ops)));
    const exits = await Promise.all(workers.map((w) => w.done));
    const failed = workers.find((w, i) => exits[i]?.code !== 0 || w.acks.failures.length > 0);
    if (failed) throw new Error(`worker failed: ${failed.acks.failures[0] ?? failed.stderr.slice(0, 500)}`);
    const start = Math.min(...workers.map((w) => w.startedAt));
    const end = Math.max(...workers.map((w) => w.finishedAt));
    const latencies = workers.flatMap((w) => (kind === "vote" ? w.acks.voteMs : w.acks.offerMs)).sort((x, y) => x - y);
    return {
      perSecond: latencies.length / ((end - start) / 1000),
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
    };
  } finally {
    await store?.close();
    await cleanup();
  }
}

async function backends(): Promise<{ available: Backend[]; missing: string[] }> {
  const available: Backend[] = [
    {
      name: "SQLite (file, WAL)",
      place() {
        const dataDir = mkdtempSync(join(tmpdir(), "bahk-bench-"));
        return { dataDir, cleanup: async () => rmSync(dataDir, { recursive: true, force: true }) };
      },
    },
  ];
  const missing: string[] = [];
  if (await listening(5432)) {
    available.push({
      name: "PostgreSQL",
      place() {
        const isolate = runId("bench");
        return { url: PG_URL, dataDir: "unused", isolate, cleanup: () => dropPgTable(isolate) };
      },
    });
  } else missing.push("PostgreSQL");
  if (await listening(6379)) {
    available.push({
      name: "Redis",
      place() {
        const isolate = runId("bench");
        return { url: REDIS_URL, dataDir: "unused", isolate, cleanup: () => dropRedisNamespace(isolate) };
      },
    });
  } else missing.push("Redis");
  return { available, missing };
}

const TOPICS = ["T0", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9"];
const silent = { debug() {}, info() {}, warn() {}, error() {} };
const f0 = (n: number) => n.toFixed(0);

async function table(available: readonly Backend[], viaBot: boolean): Promise<string[]> {
  const rows: string[] = [];
  for (const backend of available) {
    for (const processes of [1, 2]) {
      const votes = await measure(backend, processes, "vote", viaBot);
      const offers = await measure(backend, processes, "offer", viaBot);
      rows.push(
        `| ${backend.name} | ${processes} | ${f0(votes.perSecond)} | ${f1(votes.p50)} | ${f1(votes.p99)} | ${f0(offers.perSecond)} | ${f1(offers.p50)} | ${f1(offers.p99)} |`,
      );
    }
  }
  return [
    "| Backend | Processes | Votes/s | Vote p50 | Vote p99 | Offers/s | Offer p50 | Offer p99 |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
    ...rows,
  ];
}
const f1 = (n: number) => n.toFixed(1);

/** Records in the SQLite store when expired ones are purged: a day of duplicate checks at about one update a second. */
const PURGE_RECORDS = 100_000;

/**
 * A SQLite store of {@link PURGE_RECORDS} records (1% expired), purged: the whole purge's time and the
 * longest the event loop waited during it, the backend's sliced purge beside one DELETE over the table.
 */
async function purge(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "bahk-bench-purge-"));
  const now = Date.now();
  const rows = Array.from({ length: PURGE_RECORDS }, (_, i) => ({
    key: `dedup:telegram:${1_000_000_000 + i}`,
    raw: JSON.stringify({ value: 1, expires: now + (i % 100 === 0 ? -1000 : 86_400_000) }),
  }));
  // The longest gap between turns of the event loop while `run` runs.
  const timed = async (run: () => Promise<number>) => {
    let longest = 0;
    let last = performance.now();
    let running = true;
    const tick = () => {
      const t = performance.now();
      longest = Math.max(longest, t - last);
      last = t;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    const started = performance.now();
    const purged = await run();
    const total = performance.now() - started;
    running = false;
    return { purged, total, longest: Math.max(longest, performance.now() - last) };
  };
  try {
    const sliced = sqliteBackend({ file: join(dir, "sliced.sqlite") });
    await sliced.ready();
    for (let i = 0; i < rows.length; i += 5000) await sliced.write(rows.slice(i, i + 5000));
    const a = await timed(() => sliced.purgeExpired(now));
    await sliced.close();
    const one = sqliteBackend({ file: join(dir, "one.sqlite") });
    await one.ready();
    for (let i = 0; i < rows.length; i += 5000) await one.write(rows.slice(i, i + 5000));
    await one.close();
    const db = openLibsql(join(dir, "one.sqlite"), 5000);
    const b = await timed(
      async () => db.prepare(`DELETE FROM keyv WHERE ${expired("value")} RETURNING key`).all({ now }).length,
    );
    db.close();
    const row = (name: string, r: typeof a) => `| ${name} | ${r.purged} | ${f1(r.total)} | ${f1(r.longest)} |`;
    return [
      "| Purge | Records deleted | Whole purge (ms) | Longest wait of the event loop (ms) |",
      "|---|---:|---:|---:|",
      row("in slices of 2,000 records (the bot's)", a),
      row("one DELETE over the table (before)", b),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the storage benchmark and returns its Markdown section. */
export async function benchStorage(): Promise<string> {
  const { available, missing } = await backends();
  const load = loadavg()[0] ?? 0;
  const raw = await table(available, false);
  const bot = await table(available, true);
  return [
    "## Storage",
    "",
    `Writes split across 1 or 2 bot processes (\`test/storage/worker.ts\`), ${CONCURRENCY} operations in flight per process, on loopback; 400 members on ${TOPICS.length} topics, so some votes are refused duplicates. Rates count acknowledged operations over the wall time from the first process starting to the last finishing; latencies (ms) are per operation, from call to acknowledgement. Load average when the run started: ${load.toFixed(1)} (other work on the machine slows every number).`,
    "",
    `### Store writes: ${VOTES} votes, ${OFFERS} offers per run`,
    "",
    "A vote is an atomic `add` of `<topic>:<member>` plus a counter increment when new; an offer is a sequence increment, an `add` of the offer and an owner-index `set`.",
    "",
    ...raw,
    "",
    `### Through the Bot: ${BOT_VOTES} votes, ${BOT_OFFERS} offers per run`,
    "",
    "A vote is a press of a topic's upvote button (agenda feature); an offer is a whole donation form, about a dozen messages from `/donate` to its reference (donations feature).",
    "",
    ...bot,
    "",
    `### Purging expired records: SQLite, ${PURGE_RECORDS.toLocaleString("en")} records`,
    "",
    "Every 10 minutes (and at start) the store deletes its expired records; on SQLite that runs on the event loop, so every reply waits behind it. 1% of the records are expired; the rest live (a day of duplicate checks at about one update a second). Goal: no wait of the event loop above 10 ms.",
    "",
    ...(await purge()),
    ...(missing.length > 0 ? ["", `Not measured (server not reachable on loopback): ${missing.join(", ")}.`] : []),
  ].join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  benchStorage().then(
    (md) => process.stdout.write(`${md}\n`),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    },
  );
}
