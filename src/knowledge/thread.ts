/**
 * The knowledge in a worker thread of its own, for the running bot (`npm start`).
 *
 * Reading a message, retrieval and the answer checks are CPU work: under a millisecond for a short
 * question, several for a long story. On the event loop they hold every adapter, timer and database
 * call behind them, so in a busy group one long message delays everyone's replies. In a worker thread
 * they run beside the loop (on a second core where there is one), and the main thread only passes
 * text and plain answers. The same {@link KnowledgeBase}, {@link Understanding} and {@link Embedder}
 * interfaces: the core does not know where its knowledge runs.
 *
 * Bundled (`scripts/run.mjs`), the worker is the bundle's `knowledge-thread.js`, named by the
 * BAHK_KNOWLEDGE_WORKER variable run.mjs sets; under tsx, thread-worker.ts beside this file, loaded
 * through tsx.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type {
  Answer,
  AnswerOptions,
  Asked,
  Embedder,
  KnowledgeBase,
  Logger,
  Reading,
  Script,
  Understanding,
} from "../core/ports.ts";
import type { Lang } from "../core/types.ts";
import type { createLogger } from "../logging.ts";
import { ChineseScripts } from "./chinese.ts";
import type { OpenedKnowledge, OpenKnowledgeOptions } from "./index.ts";

/** What the worker is started with: plain data only. */
export interface ThreadData {
  readonly options: Omit<OpenKnowledgeOptions, "logger" | "onProgress">;
  readonly logLevel: Parameters<typeof createLogger>[0];
}

/** A call to the worker. */
export type ThreadCall = { readonly id: number } & (
  | { readonly op: "answer"; readonly args: [question: string, lang: Lang, options?: AnswerOptions | undefined] }
  | { readonly op: "ask"; readonly args: [raw: string, lang: Lang, options?: AnswerOptions | undefined] }
  | { readonly op: "read"; readonly args: [text: string] }
  | { readonly op: "script"; readonly args: [text: string] }
  | { readonly op: "toSimplified"; readonly args: [texts: readonly string[]] }
  | { readonly op: "embedQuery"; readonly args: [text: string] }
  | { readonly op: "embedDocuments"; readonly args: [texts: string[]] }
);

/** What the worker posts: ready (once), failed to open, or a call's result. */
export type ThreadReply =
  | { readonly ready: OpenedKnowledge["stats"] }
  | { readonly failed: string }
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: string };

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };
type CallOf<O extends ThreadCall["op"]> = Extract<ThreadCall, { op: O }>;

/** Starts the worker: the bundle's module, or the TypeScript source loaded through tsx (`npm run dev`). */
function startWorker(data: ThreadData): Worker {
  const built = process.env.BAHK_KNOWLEDGE_WORKER;
  if (built) return new Worker(pathToFileURL(built), { workerData: data });
  const source = new URL("./thread-worker.ts", import.meta.url).href;
  // tsx's ESM `register` (its CommonJS build points at a file it lacks), where its exports map says.
  const require = createRequire(import.meta.url);
  const pkg = require("tsx/package.json") as { exports: Record<string, { import?: { default?: string } }> };
  const api = pkg.exports["./esm/api"]?.import?.default ?? "./dist/esm/api/index.mjs";
  const tsx = pathToFileURL(join(dirname(require.resolve("tsx/package.json")), api));
  const boot = `import(${JSON.stringify(tsx.href)}).then((t) => { t.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(boot, { eval: true, workerData: data });
}

/** Starts a worker and resolves to it once its knowledge is open (rejects if it cannot open it). */
async function openWorker(data: ThreadData): Promise<{ worker: Worker; stats: OpenedKnowledge["stats"] }> {
  const worker = startWorker(data);
  const stats = await new Promise<OpenedKnowledge["stats"]>((resolve, reject) => {
    const fail = (e: Error) => {
      void worker.terminate();
      reject(e);
    };
    worker.once("error", fail);
    worker.once("exit", (code) => reject(new Error(`the knowledge thread exited (${code}) before it was ready`)));
    worker.once("message", (m: ThreadReply) => {
      worker.off("error", fail);
      worker.removeAllListeners("exit");
      if ("ready" in m) resolve(m.ready);
      else fail(new Error(`the knowledge thread could not open the knowledge: ${"failed" in m ? m.failed : "?"}`));
    });
  });
  return { worker, stats };
}

/** How many times a thread that stopped on its own is started again before the knowledge is given up. */
const MAX_RESTARTS = 5;

/** The knowledge opened in a worker thread, behind the core's interfaces. */
export class KnowledgeThread {
  readonly knowledge: KnowledgeBase;
  readonly understanding: Understanding;
  readonly embedder: Embedder;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;
  private restarts = 0;
  /** The worker, or its restart under way. */
  private current: Promise<Worker>;

  private constructor(
    worker: Worker,
    private readonly data: ThreadData,
    private readonly logger: Logger,
    readonly stats: OpenedKnowledge["stats"],
  ) {
    this.current = Promise.resolve(this.watch(worker));
    this.knowledge = {
      answer: (...args) => this.call({ op: "answer", args }) as Promise<Answer>,
      // Read and answered in the thread: one round trip per question.
      ask: (...args) => this.call({ op: "ask", args }) as Promise<Asked>,
    };
    this.understanding = {
      read: (...args) => this.call({ op: "read", args }) as Promise<Reading>,
      // A text without Chinese has no script and reads the same in both: no need to ask the thread.
      script: (text) =>
        ChineseScripts.hasHan(text)
          ? (this.call({ op: "script", args: [text] }) as Promise<Script | undefined>)
          : Promise.resolve(undefined),
      toSimplified: (texts) =>
        texts.some((text) => ChineseScripts.hasHan(text))
          ? (this.call({ op: "toSimplified", args: [texts] }) as Promise<string[]>)
          : Promise.resolve([...texts]),
    };
    this.embedder = {
      embedQuery: (...args) => this.call({ op: "embedQuery", args }) as Promise<number[]>,
      embedDocuments: (...args) => this.call({ op: "embedDocuments", args }) as Promise<number[][]>,
    };
  }

  /** Starts the worker and resolves once its knowledge is open (rejects if it cannot open it). */
  static async open(data: ThreadData, logger: Logger): Promise<KnowledgeThread> {
    const { worker, stats } = await openWorker(data);
    return new KnowledgeThread(worker, data, logger, stats);
  }

  /** Stops the worker; calls in flight are rejected. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const worker = await this.current.catch(() => undefined);
    await worker?.terminate();
  }

  /**
   * Listens to a worker. One that stops on its own (a crash) fails the calls in flight and is started
   * again, at most MAX_RESTARTS times; calls made meanwhile wait for it.
   */
  private watch(worker: Worker): Worker {
    worker.on("message", (m: ThreadReply) => this.settle(worker, m));
    worker.on("error", (e) => this.logger.error("knowledge thread failed", { error: e.message }));
    worker.on("exit", (code) => {
      for (const p of this.pending.values()) p.reject(new Error("the knowledge thread stopped"));
      this.pending.clear();
      if (this.closed) return;
      if (this.restarts >= MAX_RESTARTS) {
        this.logger.error("knowledge thread stopped; not started again", { code, restarts: this.restarts });
        this.closed = true;
        return;
      }
      this.restarts++;
      this.logger.error("knowledge thread stopped; starting it again", { code, restarts: this.restarts });
      this.current = openWorker(this.data).then(({ worker: next }) => this.watch(next));
      this.current.catch((e: unknown) => {
        this.logger.error("knowledge thread could not start again", { error: String(e) });
        this.closed = true;
      });
    });
    // Idle, the thread does not keep the process alive; a call in flight does.
    worker.unref();
    return worker;
  }

  private async call<O extends ThreadCall["op"]>(call: Omit<CallOf<O>, "id">): Promise<unknown> {
    if (this.closed) throw new Error("the knowledge thread is closed");
    const worker = await this.current;
    const id = this.nextId++;
    if (this.pending.size === 0) worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...call, id });
    });
  }

  private settle(worker: Worker, m: ThreadReply): void {
    if (!("id" in m)) return;
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    if (this.pending.size === 0) worker.unref();
    if (m.ok) p.resolve(m.value);
    else p.reject(new Error(m.error));
  }
}
