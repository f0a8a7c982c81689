/**
 * A bot-like process writing votes and donation offers to a shared store, for
 * the multi-process and crash tests and the storage benchmark. Reads its job
 * (JSON) from stdin, prints `ready`, `go <epoch ms>` when it starts writing, then one line per acknowledged write,
 * only after the write resolved, then `done <epoch ms>`:
 *   `vote <topic>:<member> <1 created|0 refused> <ms>`
 *   `offer <ref> <seq, or the plan's reference when run through the Bot> <ms>`
 *   `fail <op> <message>` when a write failed (nothing acknowledged).
 * With `townhall` in the job, every op goes through the real Bot (see bot-load.ts).
 * Run: `npx tsx test/storage/worker.ts < job.json`.
 */
import { performance } from "node:perf_hooks";
import type { Store } from "../../src/core/ports.ts";
import { openStore } from "../../src/storage/index.ts";
import { openRecordsDb, type RecordsDb } from "../../src/storage/sql/db.ts";
import type { Townhall } from "./bot-load.ts";
import type { Job, Op } from "./load.ts";

const logger = { debug() {}, info() {}, warn() {}, error() {} };

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function write(line: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(`${line}\n`)) resolve();
    else process.stdout.once("drain", () => resolve());
  });
}

async function main(): Promise<void> {
  const job = JSON.parse(await readStdin()) as Job;
  const store = await openStore({
    url: job.url,
    dataDir: job.dataDir,
    logger,
    ...(job.isolate ? { isolate: job.isolate } : {}),
  });
  await write("ready");
  const wait = (job.startAt ?? 0) - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  await write(`go ${Date.now()}`);

  const records = job.records
    ? await openRecordsDb({ url: job.url, dataDir: job.dataDir, ...(job.isolate ? { schema: job.isolate } : {}) })
    : undefined;
  const viaBot = job.townhall ? await botRunner(store, job.townhall, records) : undefined;

  const run = async (op: Op): Promise<void> => {
    const t0 = performance.now();
    try {
      if (viaBot) {
        await viaBot(op, t0);
      } else if (op.t === "vote") {
        const created = await store.add("vote", `${op.topic}:${op.member}`, { topic: op.topic, member: op.member });
        if (created) await store.increment("votecount", op.topic);
        await write(`vote ${op.topic}:${op.member} ${created ? 1 : 0} ${ms(t0)}`);
      } else {
        const seq = await store.increment("seq", "offer");
        const offer = { ref: op.ref, seq, member: op.member, description: `Offer ${op.ref} «T-shirts» 120 pcs` };
        if (!(await store.add("offer", op.ref, offer))) throw new Error(`reference ${op.ref} already taken`);
        await store.set("offerby", `${op.member}:${op.ref}`, { ref: op.ref });
        await write(`offer ${op.ref} ${seq} ${ms(t0)}`);
      }
    } catch (e) {
      await write(`fail ${op.t} ${e instanceof Error ? e.message.replace(/\s+/g, " ") : String(e)}`);
    }
  };

  let next = 0;
  const lanes = Array.from({ length: Math.max(1, job.concurrency) }, async () => {
    while (next < job.ops.length) {
      const op = job.ops[next++];
      if (op) await run(op);
    }
  });
  await Promise.all(lanes);
  const finished = Date.now();
  await records?.close();
  await store.close();
  await write(`done ${finished}`);
}

/** Runs ops through the real Bot (agenda upvote button, donation form) instead of raw store calls. */
async function botRunner(store: Store, th: Townhall, records?: RecordsDb) {
  const { loadBot, botOffer, botVote } = await import("./bot-load.ts");
  const { sqlRecords } = await import("../../src/storage/sql/index.ts");
  const bot = loadBot(store, records ? (deps) => sqlRecords(records, deps) : undefined);
  return async (op: Op, t0: number): Promise<void> => {
    if (op.t === "vote") {
      const topic = th.topics[op.topic];
      if (!topic) throw new Error(`unknown topic ${op.topic}`);
      const outcome = await botVote(bot, op.member, topic);
      await write(`vote ${op.topic}:${op.member} ${outcome === "created" ? 1 : 0} ${ms(t0)}`);
    } else {
      // One member per offer: a member fills one form at a time.
      const ref = await botOffer(bot, `discord:${op.ref}`, Number(op.ref.replace(/\D/g, "")) + 1);
      await write(`offer ${ref} ${op.ref} ${ms(t0)}`);
    }
  };
}

function ms(t0: number): string {
  return (performance.now() - t0).toFixed(3);
}

main().catch(async (e: unknown) => {
  await write(`fatal ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
