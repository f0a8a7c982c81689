/**
 * Storage benchmark: votes and donation offers per second on each backend
 * (SQLite file, and PostgreSQL / Redis when they answer on loopback), with one
 * and with two bot processes writing at once, and the latency of one write
 * (p50, p99). Bounded: a fixed number of writes per run.
 * `npx tsx scripts/bench/storage.ts` prints the Markdown section.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { type Job, type Op, plan, Worker } from "../../test/storage/load.ts";
import { dropPgTable, dropRedisNamespace, listening, PG_URL, REDIS_URL, runId } from "../../test/storage/servers.ts";

const VOTES = 2000;
const OFFERS = 400;
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

async function measure(backend: Backend, processes: number, kind: "vote" | "offer"): Promise<Run> {
  const { cleanup, ...where } = backend.place();
  try {
    const parts = plan({
      votes: kind === "vote" ? VOTES : 0,
      offers: kind === "offer" ? OFFERS : 0,
      topics: 10,
      members: 400,
      parts: processes,
    });
    const startAt = Date.now() + 1500 + 500 * processes;
    const job = (ops: readonly Op[]): Job => ({ ...where, concurrency: CONCURRENCY, ops, startAt });
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

const f0 = (n: number) => n.toFixed(0);
const f1 = (n: number) => n.toFixed(1);

/** Runs the storage benchmark and returns its Markdown section. */
export async function benchStorage(): Promise<string> {
  const { available, missing } = await backends();
  const load = loadavg()[0] ?? 0;
  const rows: string[] = [];
  for (const backend of available) {
    for (const processes of [1, 2]) {
      const votes = await measure(backend, processes, "vote");
      const offers = await measure(backend, processes, "offer");
      rows.push(
        `| ${backend.name} | ${processes} | ${f0(votes.perSecond)} | ${f1(votes.p50)} | ${f1(votes.p99)} | ${f0(offers.perSecond)} | ${f1(offers.p50)} | ${f1(offers.p99)} |`,
      );
    }
  }
  return [
    "## Storage",
    "",
    `Each run: ${VOTES} votes (one \`add\` of \`<topic>:<member>\`, plus a counter increment when new; 400 members on 10 topics, so some are refused duplicates) or ${OFFERS} donation offers (sequence increment, \`add\` of the offer, owner index \`set\`), split across 1 or 2 bot processes (\`test/storage/worker.ts\`), ${CONCURRENCY} writes in flight per process, on loopback. Rates count acknowledged operations over the wall time from the first process starting to the last finishing; latencies (ms) are per operation, from call to acknowledgement.`,
    "",
    `Load average when the run started: ${load.toFixed(1)} (other work on the machine slows every number).`,
    "",
    "| Backend | Processes | Votes/s | Vote p50 | Vote p99 | Offers/s | Offer p50 | Offer p99 |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
    ...rows,
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
