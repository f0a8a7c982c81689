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
 * Every message is read and answered in the thread, short ones too: a short question's answer costs
 * the loop more (0.7 ms at the median, up to 4 ms, for fresh short questions at 200 updates/s) than
 * the trip to the thread does, and while the loop answers, every other member's update, reply and
 * database call waits. Telling a message's script and converting replies to Simplified are cheap
 * (10–25 µs once the dictionaries are loaded): the loop loads the Chinese dictionaries itself a
 * little after start (see {@link SCRIPTS_DELAY_MS}) and does them there, so a Chinese message makes
 * one trip to the thread (its reading and answer), not two or three.
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

/**
 * A note to the worker, which posts nothing back: a reading to start ahead. A reply would wake the
 * event loop for nothing (waking a sleeping thread costs its sender tens of microseconds).
 */
export type ThreadNote = { readonly op: "readAhead"; readonly args: [text: string] };

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

/**
 * How long after the thread is ready the event loop loads the Chinese dictionaries (about 0.1 s of
 * parsing there, and 40 MB): after the first answers of a start, not in their way.
 */
const SCRIPTS_DELAY_MS = 2000;

/** Options of {@link KnowledgeThread.open}. */
export interface ThreadOptions {
  /** Ms after the thread is ready to load the Chinese dictionaries on the event loop; false: never (the thread tells scripts). */
  readonly scripts?: number | false;
}

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
  /** The Chinese dictionaries on the event loop, once loaded. */
  private loopScripts: ChineseScripts | undefined;
  /** Calls and notes sent to the worker so far. */
  private sent = 0;
  /** Replies the worker posted so far. */
  private received = 0;
  /** Resolves once the event loop tells and converts Chinese scripts itself (true), or will not (false). */
  readonly scriptsReady: Promise<boolean>;

  private constructor(
    worker: Worker,
    private readonly data: ThreadData,
    private readonly logger: Logger,
    readonly stats: OpenedKnowledge["stats"],
    scriptsAfter: number | false,
  ) {
    this.current = Promise.resolve(this.watch(worker));
    this.scriptsReady = scriptsAfter === false ? Promise.resolve(false) : this.loadScripts(scriptsAfter);
    this.knowledge = {
      answer: (question, lang, options) =>
        this.call({ op: "answer", args: [question, lang, options] }) as Promise<Answer>,
      // Read and answered in the thread: one round trip per question.
      ask: (raw, lang, options) => this.call({ op: "ask", args: [raw, lang, options] }) as Promise<Asked>,
    };
    this.understanding = {
      read: (text) => this.call({ op: "read", args: [text] }) as Promise<Reading>,
      // Read in the thread while the event loop does the core's bookkeeping (see read-ahead.ts).
      readAhead: (text) => void this.note({ op: "readAhead", args: [text] }).catch(() => undefined),
      // A text without Chinese has no script and reads the same in both: no need to ask the thread.
      // Once the event loop has the dictionaries, it tells and converts scripts itself.
      script: (text) =>
        !ChineseScripts.hasHan(text)
          ? Promise.resolve(undefined)
          : (this.loopScripts?.script(text) ??
            (this.call({ op: "script", args: [text] }) as Promise<Script | undefined>)),
      toSimplified: (texts) => {
        if (!texts.some((text) => ChineseScripts.hasHan(text))) return Promise.resolve([...texts]);
        const scripts = this.loopScripts;
        return scripts
          ? Promise.all(texts.map((text) => scripts.toSimplified(text)))
          : (this.call({ op: "toSimplified", args: [texts] }) as Promise<string[]>);
      },
    };
    this.embedder = {
      embedQuery: (...args) => this.call({ op: "embedQuery", args }) as Promise<number[]>,
      embedDocuments: (...args) => this.call({ op: "embedDocuments", args }) as Promise<number[][]>,
    };
  }

  /**
   * Starts the worker and resolves once its knowledge is open (rejects if it cannot open it). The
   * event loop loads the Chinese dictionaries `options.scripts` ms later (by default
   * {@link SCRIPTS_DELAY_MS}); until then, and if it cannot load them, the thread tells scripts.
   */
  static async open(data: ThreadData, logger: Logger, options: ThreadOptions = {}): Promise<KnowledgeThread> {
    const { worker, stats } = await openWorker(data);
    return new KnowledgeThread(worker, data, logger, stats, options.scripts ?? SCRIPTS_DELAY_MS);
  }

  /** How many calls and notes went to the worker thread. */
  get threadCalls(): number {
    return this.sent;
  }

  /** How many replies came back from it (a note gets none). */
  get threadReplies(): number {
    return this.received;
  }

  /**
   * Loads the Chinese dictionaries on the event loop after `delayMs` (about 100 ms of parsing there,
   * and 40 MB): telling a message's script or converting a reply then takes tens of microseconds on
   * the loop, where a trip to the thread costs more and waits behind a long story.
   */
  private async loadScripts(delayMs: number): Promise<boolean> {
    await new Promise((resolve) => setTimeout(resolve, delayMs).unref());
    if (this.closed) return false;
    const scripts = new ChineseScripts();
    try {
      await scripts.warm();
    } catch (e) {
      this.logger.warn("Chinese dictionaries not loaded on the event loop; the thread tells scripts", {
        error: String(e),
      });
      return false;
    }
    if (this.closed) return false;
    this.loopScripts = scripts;
    return true;
  }

  /** Stops the worker; calls in flight are rejected. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.loopScripts = undefined;
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
    this.sent++;
    if (this.pending.size === 0) worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...call, id });
    });
  }

  /** Posts a note: no reply, nothing pending, so the worker does not keep the process alive for it. */
  private async note(note: ThreadNote): Promise<void> {
    if (this.closed) return;
    const worker = await this.current;
    this.sent++;
    worker.postMessage(note);
  }

  private settle(worker: Worker, m: ThreadReply): void {
    if (!("id" in m)) return;
    this.received++;
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    if (this.pending.size === 0) worker.unref();
    if (m.ok) p.resolve(m.value);
    else p.reject(new Error(m.error));
  }
}
