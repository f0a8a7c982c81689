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
 * A short message without Chinese ("What is QMAS?", "hi") costs the knowledge well under a millisecond,
 * less than the trip to the thread: on a virtual machine, waking a sleeping thread costs 0.15–0.5 ms
 * of the main thread's time and as much again on the way back. Once the thread is up, a copy of the
 * knowledge opened on the event loop too answers those (see {@link KnowledgeThread.open}); long
 * stories and Chinese still go to the thread. Both copies read and answer with the same code, so
 * where a message is answered never changes its answer. That copy then loads the Chinese
 * dictionaries too, and tells a message's script and converts replies to Simplified itself: a
 * Chinese message makes one trip to the thread (its reading and answer), not two or three.
 *
 * Bundled (`scripts/run.mjs`), the worker is the bundle's `knowledge-thread.js`, named by the
 * BAHK_KNOWLEDGE_WORKER variable run.mjs sets; under tsx, thread-worker.ts beside this file, loaded
 * through tsx.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { readAndAnswer } from "../core/faq/ask.ts";
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
import { LONG_WORDS, wordCount } from "./message-parts.ts";

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

/**
 * How long after the thread is ready the copy for short messages opens on the event loop (about
 * 0.2 s of work there, and some 40 MB): after the first answers of a start, not in their way.
 */
const NEARBY_DELAY_MS = 2000;
/** A message answered on the event loop: at most this long, fewer words than a long story's, no Chinese (reading Chinese costs milliseconds: the thread answers it). */
const NEARBY_MAX_CHARS = 160;

/** Whether a text is cheap enough to answer on the event loop: short, and without Chinese. */
export function answeredNearby(text: string): boolean {
  return text.length <= NEARBY_MAX_CHARS && wordCount(text) < LONG_WORDS && !ChineseScripts.hasHan(text);
}

/** Options of {@link KnowledgeThread.open}. */
export interface ThreadOptions {
  /** Ms after the thread is ready to open the copy for short messages on the event loop; false: none. */
  readonly nearby?: number | false;
}

type Nearby = Pick<OpenedKnowledge, "knowledge" | "understanding">;

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
  /** The copy of the knowledge on the event loop for short messages, once open. */
  private nearby: Nearby | undefined;
  /** Whether the copy on the event loop has loaded the Chinese dictionaries (after it opened). */
  private nearbyScripts = false;
  /** Calls sent to the worker so far. */
  private sent = 0;
  /** Resolves once the copy for short messages is open (true), or will not be (false). */
  readonly nearbyReady: Promise<boolean>;
  /** Resolves once that copy tells and converts Chinese scripts itself (true), or will not (false). */
  readonly scriptsReady: Promise<boolean>;

  private constructor(
    worker: Worker,
    private readonly data: ThreadData,
    private readonly logger: Logger,
    readonly stats: OpenedKnowledge["stats"],
    nearbyAfter: number | false,
  ) {
    this.current = Promise.resolve(this.watch(worker));
    this.nearbyReady = nearbyAfter === false ? Promise.resolve(false) : this.openNearby(nearbyAfter);
    this.scriptsReady = this.nearbyReady.then((open) => open && this.loadScripts());
    this.knowledge = {
      answer: (question, lang, options) =>
        this.nearby && answeredNearby(question)
          ? this.nearby.knowledge.answer(question, lang, options)
          : (this.call({ op: "answer", args: [question, lang, options] }) as Promise<Answer>),
      // Read and answered in the thread: one round trip per question (or none, for a short one).
      ask: (raw, lang, options) =>
        this.nearby && answeredNearby(raw)
          ? readAndAnswer(this.nearby.understanding, this.nearby.knowledge, raw, lang, options)
          : (this.call({ op: "ask", args: [raw, lang, options] }) as Promise<Asked>),
    };
    this.understanding = {
      read: (text) =>
        this.nearby && answeredNearby(text)
          ? this.nearby.understanding.read(text)
          : (this.call({ op: "read", args: [text] }) as Promise<Reading>),
      // A text without Chinese has no script and reads the same in both: no need to ask the thread.
      // Once the copy on the event loop has its dictionaries, it tells and converts scripts itself.
      script: (text) =>
        !ChineseScripts.hasHan(text)
          ? Promise.resolve(undefined)
          : (this.scripts?.script(text) ?? (this.call({ op: "script", args: [text] }) as Promise<Script | undefined>)),
      toSimplified: (texts) =>
        !texts.some((text) => ChineseScripts.hasHan(text))
          ? Promise.resolve([...texts])
          : (this.scripts?.toSimplified(texts) ??
            (this.call({ op: "toSimplified", args: [texts] }) as Promise<string[]>)),
    };
    this.embedder = {
      embedQuery: (...args) => this.call({ op: "embedQuery", args }) as Promise<number[]>,
      embedDocuments: (...args) => this.call({ op: "embedDocuments", args }) as Promise<number[][]>,
    };
  }

  /**
   * Starts the worker and resolves once its knowledge is open (rejects if it cannot open it). A
   * copy for short messages opens on the event loop `options.nearby` ms later (by default
   * {@link NEARBY_DELAY_MS}); until then, and if it cannot open, the thread answers everything.
   */
  static async open(data: ThreadData, logger: Logger, options: ThreadOptions = {}): Promise<KnowledgeThread> {
    const { worker, stats } = await openWorker(data);
    return new KnowledgeThread(worker, data, logger, stats, options.nearby ?? NEARBY_DELAY_MS);
  }

  /** How many calls went to the worker thread. */
  get threadCalls(): number {
    return this.sent;
  }

  /**
   * Opens the copy for short messages after `delayMs`, from the index the thread has already built
   * or checked (never rebuilding it). Its Chinese dictionaries are not loaded in the background as
   * a fresh knowledge's are: {@link loadScripts} loads them once it is open.
   */
  private async openNearby(delayMs: number): Promise<boolean> {
    await new Promise((resolve) => setTimeout(resolve, delayMs).unref());
    if (this.closed) return false;
    try {
      const { openKnowledge } = await import("./index.ts");
      const { rebuild: _rebuild, ...options } = this.data.options;
      const opened = await openKnowledge({ ...options, logger: this.logger, dictionaries: false });
      if (this.closed) return false;
      this.nearby = opened;
      return true;
    } catch (e) {
      this.logger.warn("knowledge for short messages not opened; the thread answers them", { error: String(e) });
      return false;
    }
  }

  /**
   * Loads the Chinese dictionaries into the copy on the event loop once it is open (about 100 ms of
   * parsing there, and 40 MB): telling a message's script or converting a reply then takes tens of
   * microseconds on the loop, where a trip to the thread costs more and waits behind a long story.
   */
  private async loadScripts(): Promise<boolean> {
    try {
      await this.nearby?.understanding.warm();
      this.nearbyScripts = !this.closed && this.nearby !== undefined;
    } catch (e) {
      this.logger.warn("Chinese dictionaries not loaded on the event loop; the thread tells scripts", {
        error: String(e),
      });
    }
    return this.nearbyScripts;
  }

  /** The copy on the event loop, once it tells and converts scripts itself. */
  private get scripts(): Understanding | undefined {
    return this.nearbyScripts ? this.nearby?.understanding : undefined;
  }

  /** Stops the worker; calls in flight are rejected. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.nearby = undefined;
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
