/**
 * Folds a SQLite write-ahead log into its database file from a worker thread. SQLite's automatic
 * checkpoint runs inside whichever write crosses 1,000 pages of log, with an fsync, on the thread
 * that writes: with the synchronous bindings the bot uses, that thread is the event loop, and every
 * member's reply waited 10-20 ms about once per thousand writes. The connection that writes turns
 * the automatic checkpoint off (`PRAGMA wal_autocheckpoint = 0`) and this worker's own connection
 * checkpoints every second instead (PASSIVE: it never waits for, nor blocks, a writer).
 */
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/** How often the worker folds the log in. */
const EVERY_MS = 1000;

/** The worker: opens the file with libSQL's binding and checkpoints until told to stop. */
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.binding);
const db = new Database(workerData.file, { timeout: 1000 });
const fold = () => {
  try {
    db.exec("PRAGMA wal_checkpoint(PASSIVE)");
  } catch {
    // Busy (another connection checkpoints, or the file is being closed): the next round does it.
  }
};
const timer = setInterval(fold, workerData.everyMs);
parentPort.on("message", () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
parentPort.postMessage("ready");
`;

/** A checkpointer, starting or running. */
export interface Checkpointer {
  /** Whether the worker runs (false when it could not start: SQLite's automatic checkpoint stays then). */
  readonly ready: Promise<boolean>;
  /** Stops the worker (the caller's close makes the final, truncating checkpoint). */
  stop(): Promise<void>;
}

/** Options of {@link startCheckpointer}. */
export interface CheckpointerOptions {
  /** How often the worker folds the log in, in ms. */
  readonly everyMs?: number;
  /**
   * Called once the worker runs: the caller turns its own connection's automatic checkpoint off
   * (`PRAGMA wal_autocheckpoint = 0`). A failure leaves SQLite's automatic checkpoint in place.
   */
  readonly whenRunning?: () => unknown;
}

/** Starts checkpointing `file` in a worker, beside the caller (the worker takes about 0.2 s to start). */
export function startCheckpointer(file: string, opts: CheckpointerOptions = {}): Checkpointer {
  const everyMs = opts.everyMs ?? EVERY_MS;
  const binding = createRequire(import.meta.url).resolve("libsql");
  const worker = new Worker(WORKER, { eval: true, workerData: { file, binding, everyMs } });
  let running = false;
  const ready = new Promise<boolean>((resolve) => {
    worker.once("message", () => {
      running = true;
      // Running, it keeps no process alive; a later failure only stops the checkpoints.
      worker.unref();
      resolve(true);
    });
    worker.once("error", () => resolve(false));
    worker.once("exit", () => resolve(false));
  });
  worker.on("error", () => {});
  const { whenRunning } = opts;
  if (whenRunning) {
    void ready
      .then(async (ok) => {
        if (ok) await whenRunning();
      })
      .catch(() => {});
  }
  return {
    ready,
    stop: async () => {
      // A worker still loading the binding is let finish (terminating one mid-load is not safe).
      if (!running) await Promise.race([ready, new Promise((r) => setTimeout(r, 1000).unref())]);
      if (!running) {
        await worker.terminate();
        return;
      }
      // Held again while it stops: a caller awaiting its close keeps the process.
      worker.ref();
      const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
      worker.postMessage("stop");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 2000).unref())]);
      await worker.terminate();
    },
  };
}
