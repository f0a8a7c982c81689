/**
 * Load for the multi-process tests and the storage benchmark: a seeded plan
 * of votes (with repeated voters, so duplicates must be refused) and donation
 * submissions, and a handle on a worker process that runs part of it.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Townhall } from "./bot-load.ts";

/** One write a worker performs. */
export type Op =
  | { readonly t: "vote"; readonly topic: string; readonly member: string }
  | { readonly t: "offer"; readonly ref: string; readonly member: string };

/** What a worker is asked to do (sent as JSON on its stdin). */
export interface Job {
  readonly url?: string | undefined;
  readonly dataDir: string;
  readonly isolate?: string | undefined;
  /** Writes in flight at once in the worker. */
  readonly concurrency: number;
  readonly ops: readonly Op[];
  /** When set, ops go through the real Bot: votes press this townhall's upvote buttons, offers fill the form. */
  readonly townhall?: Townhall | undefined;
  /** Keep the association's records in SQL (STORAGE_URL's PostgreSQL with `isolate` as schema, else DATA_DIR/records.sqlite). */
  readonly records?: boolean;
  /** Epoch ms at which to start writing (so several workers start together); default at once. */
  readonly startAt?: number;
}

/** Shape of a plan. */
export interface PlanSize {
  readonly votes: number;
  readonly offers: number;
  readonly topics: number;
  readonly members: number;
  /** Processes to split the plan across (round-robin, so their writes interleave). */
  readonly parts: number;
  readonly seed?: number;
  /** Distinguishes the offer references of several plans on one store. */
  readonly tag?: string;
}

/** A deterministic pseudo-random generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A plan: votes drawn from few members (many repeats), offers with unique references, split into parts. */
export function plan(size: PlanSize): Op[][] {
  const rand = rng(size.seed ?? 42);
  const ops: Op[] = [];
  const pick = (n: number) => Math.floor(rand() * n);
  const every = size.offers > 0 ? size.votes / size.offers : Number.POSITIVE_INFINITY;
  let offers = 0;
  const offer = (): Op => ({
    t: "offer",
    ref: `DON-${size.tag ?? "A"}${String(offers++).padStart(5, "0")}`,
    member: `discord:${2000 + pick(size.members)}`,
  });
  for (let i = 0; i < size.votes; i++) {
    ops.push({ t: "vote", topic: `T${pick(size.topics)}`, member: `telegram:${1000 + pick(size.members)}` });
    // Spread the offers evenly through the votes.
    while (offers < size.offers && i + 1 >= (offers + 1) * every) ops.push(offer());
  }
  while (offers < size.offers) ops.push(offer());
  const parts: Op[][] = Array.from({ length: size.parts }, () => []);
  ops.forEach((op, i) => parts[i % size.parts]?.push(op));
  return parts;
}

/** What a worker acknowledged. */
export interface Acks {
  /** `<topic>:<member>` → one flag per acknowledged vote (true: this call created the record). */
  readonly votes: Map<string, boolean[]>;
  /** Offer reference → its sequence number (raw store) or the plan's reference (through the Bot). */
  readonly offers: Map<string, string>;
  readonly voteMs: number[];
  readonly offerMs: number[];
  readonly failures: string[];
}

const WORKER = fileURLToPath(new URL("./worker.ts", import.meta.url));

/** A running worker process. */
export class Worker {
  readonly acks: Acks = { votes: new Map(), offers: new Map(), voteMs: [], offerMs: [], failures: [] };
  readonly done: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly ready: Promise<void>;
  stderr = "";
  /** Epoch ms at which the worker started and finished writing. */
  startedAt = 0;
  finishedAt = 0;
  private readonly child: ChildProcessWithoutNullStreams;
  private buffered = "";
  private onAck: (() => void) | undefined;
  private count = 0;

  constructor(job: Job) {
    this.child = spawn(process.execPath, ["--import", "tsx", WORKER], { stdio: ["pipe", "pipe", "pipe"] });
    let markReady: () => void = () => {};
    this.ready = new Promise((r) => {
      markReady = r;
    });
    this.child.stdout.setEncoding("utf8");
    this.child.stdout.on("data", (chunk: string) => {
      this.buffered += chunk;
      const lines = this.buffered.split("\n");
      this.buffered = lines.pop() ?? "";
      for (const line of lines) {
        if (line === "ready") markReady();
        this.parse(line);
      }
    });
    this.child.stderr.setEncoding("utf8");
    this.child.stderr.on("data", (chunk: string) => {
      this.stderr += chunk;
    });
    this.done = new Promise((resolve) => this.child.on("exit", (code, signal) => resolve({ code, signal })));
    this.child.stdin.end(JSON.stringify(job));
  }

  /** Resolves once `n` writes have been acknowledged (or the worker exits). */
  async acknowledged(n: number): Promise<void> {
    while (this.count < n) {
      const exited = await Promise.race([
        new Promise<false>((r) => {
          this.onAck = () => r(false);
        }),
        this.done.then(() => true),
      ]);
      if (exited) return;
    }
  }

  /** Kills the process without warning. */
  kill(): void {
    this.child.kill("SIGKILL");
  }

  private parse(line: string): void {
    const [kind, a = "", b = "", c = ""] = line.split(" ");
    if (kind === "go") this.startedAt = Number(a);
    if (kind === "done") this.finishedAt = Number(a);
    if (kind === "vote") {
      const list = this.acks.votes.get(a) ?? [];
      list.push(b === "1");
      this.acks.votes.set(a, list);
      this.acks.voteMs.push(Number(c));
    } else if (kind === "offer") {
      this.acks.offers.set(a, b);
      this.acks.offerMs.push(Number(c));
    } else if (kind === "fail" || kind === "fatal") {
      this.acks.failures.push(line);
    } else {
      return;
    }
    this.count++;
    this.onAck?.();
  }
}
