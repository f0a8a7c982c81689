/**
 * A bot-like process writing votes and donation offers to a shared store, for
 * the multi-process and crash tests and the storage benchmark. Reads its job
 * (JSON) from stdin, prints `ready`, `go <epoch ms>` when it starts writing, then one line per acknowledged write,
 * only after the write resolved, then `done <epoch ms>`:
 *   `vote <topic>:<member> <1 created|0 refused> <ms>`
 *   `offer <ref> <seq> <ms>`
 *   `fail <op> <message>` when a write failed (nothing acknowledged).
 * Run: `npx tsx test/storage/worker.ts < job.json`.
 */
import { performance } from "node:perf_hooks";
import { openStore } from "../../src/storage/index.ts";
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

  const run = async (op: Op): Promise<void> => {
    const t0 = performance.now();
    try {
      if (op.t === "vote") {
        const created = await store.add("vote", `${op.topic}:${op.member}`, { topic: op.topic, member: op.member });
        if (created) await store.increment("votecount", op.topic);
        await write(`vote ${op.topic}:${op.member} ${created ? 1 : 0} ${(performance.now() - t0).toFixed(3)}`);
      } else {
        const seq = await store.increment("seq", "offer");
        const offer = { ref: op.ref, seq, member: op.member, description: `Offer ${op.ref} «T-shirts» 120 pcs` };
        if (!(await store.add("offer", op.ref, offer))) throw new Error(`reference ${op.ref} already taken`);
        await store.set("offerby", `${op.member}:${op.ref}`, { ref: op.ref });
        await write(`offer ${op.ref} ${seq} ${(performance.now() - t0).toFixed(3)}`);
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
  await store.close();
  await write(`done ${finished}`);
}

main().catch(async (e: unknown) => {
  await write(`fatal ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
