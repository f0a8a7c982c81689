/**
 * Dashboard benchmark: the overview page (all its charts, rendered server-side)
 * at 100,000 records: 100,000 donation offers and 100,000 unanswered
 * questions (the newest 1,000 grouped by similarity), with a year of daily
 * question counters, over the in-memory store, through the real Hono app and
 * session check. Target: at most 200 ms. The page's figures are computed at
 * most every 15 s (pages/overview.ts): the first render computes them (cold),
 * the next ones reuse them (warm); both are reported.
 * `npx tsx scripts/bench/dashboard.ts` (or `npm run bench -- dashboard`) prints the Markdown section.
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { STATUSES } from "../../src/core/donations/catalogue.ts";
import { type Offer, OfferRepo } from "../../src/core/donations/repo.ts";
import { harness, signIn } from "../../test/dashboard/harness.ts";

const RECORDS = 100_000;
const RUNS = 30;
const TARGET_MS = 200;

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

/** Seeds the records, signs in, renders the overview RUNS times; the Markdown section. */
export async function benchDashboard(): Promise<string> {
  const h = harness();
  const store = h.services.store;
  const offers = new OfferRepo(store);
  const now = h.clock.now().getTime();
  for (let i = 0; i < RECORDS; i++) {
    const at = new Date(now - (RECORDS - i) * 60_000).toISOString();
    await offers.create(() => offer(i, at));
    const words = ["hackathon", "visa", "internship", "office", "parking", "grant", "membership fee", "logo"];
    await store.set("faq.questions", `${at}-${i}`, {
      text: `Where can I find the ${words[i % words.length]} details ${i % 400}?`,
      lang: "en",
      at,
      memberId: `telegram:${2000 + (i % 3000)}`,
    });
  }
  for (let d = 0; d < 365; d++) {
    const day = new Date(now - d * 86_400_000).toISOString().slice(0, 10);
    await store.increment("qstats", `${day}:answer`, 40 + (d % 17));
    await store.increment("qstats", `${day}:decline`, 5 + (d % 7));
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
    bytes = body.length;
    if (r > 0) times.push(ms);
    else cold = ms;
  }
  times.sort((a, b) => a - b);
  const p50 = percentile(times, 50);
  const p95 = percentile(times, 95);
  // The target is every render's: a cold one (the first, and the first after 15 s) counts too.
  const verdict = (ms: number) => (ms <= TARGET_MS ? "meets" : "**misses**");
  return [
    "## Dashboard overview (`npm run bench -- dashboard`)",
    "",
    `${RECORDS.toLocaleString("en-US")} donation offers and ${RECORDS.toLocaleString("en-US")} unanswered questions (the newest 1,000 grouped by the embedder), a year of daily counters, in-memory store; \`GET /\` through Hono with the session check. The figures are computed at most every 15 s and after each change made in the dashboard: the cold render computes them, the ${RUNS} warm renders reuse them.`,
    "",
    `| cold render | warm p50 | warm p95 | page size | target ≤ ${TARGET_MS} ms, cold | warm |`,
    "|---|---|---|---|---|---|",
    `| ${cold.toFixed(0)} ms | ${p50.toFixed(1)} ms | ${p95.toFixed(1)} ms | ${(bytes / 1024).toFixed(0)} KiB | ${verdict(cold)} | ${verdict(p95)} |`,
    "",
    "The cold render is dominated by reading 200,000 records from the store (the key-value repositories list whole namespaces); the figures would need per-status counters kept by the workflows to be cheap cold.",
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
