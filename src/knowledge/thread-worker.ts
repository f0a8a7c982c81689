/**
 * The knowledge in a worker thread (see thread.ts): opens it as the bot would in its own thread, then
 * answers the main thread's calls one after another.
 */
import { parentPort, workerData } from "node:worker_threads";
import { readAndAnswer } from "../core/faq/ask.ts";
import type { Understanding } from "../core/ports.ts";
import { createLogger } from "../logging.ts";
import { openKnowledge } from "./index.ts";
import { ReadAhead } from "./read-ahead.ts";
import type { ThreadCall, ThreadData, ThreadNote, ThreadReply } from "./thread.ts";

const port = parentPort;
if (!port) throw new Error("thread-worker.ts runs only as a worker thread");
const { options, logLevel } = workerData as ThreadData;

try {
  const logger = createLogger(logLevel);
  const opened = await openKnowledge({ ...options, logger });
  const { knowledge, understanding, embedder } = opened;
  const ahead = new ReadAhead((text) => understanding.read(text));
  // The understanding as calls use it: a message read ahead is not read again.
  const reader: Understanding = {
    read: (text) => ahead.take(text),
    script: (text) => understanding.script(text),
    toSimplified: (texts) => understanding.toSimplified(texts),
  };
  const run = (call: ThreadCall): Promise<unknown> => {
    switch (call.op) {
      case "answer":
        return knowledge.answer(...call.args);
      case "ask":
        return readAndAnswer(reader, knowledge, ...call.args);
      case "read":
        return reader.read(...call.args);
      case "script":
        return understanding.script(...call.args);
      case "toSimplified":
        return understanding.toSimplified(...call.args);
      case "embedQuery":
        return embedder.embedQuery(...call.args);
      case "embedDocuments":
        return embedder.embedDocuments(...call.args);
    }
  };
  port.on("message", (call: ThreadCall | ThreadNote) => {
    if (!("id" in call)) {
      ahead.start(...call.args);
      return;
    }
    run(call).then(
      (value) => port.postMessage({ id: call.id, ok: true, value } satisfies ThreadReply),
      (e: unknown) =>
        port.postMessage({
          id: call.id,
          ok: false,
          error: e instanceof Error ? e.message : String(e),
        } satisfies ThreadReply),
    );
  });
  port.postMessage({ ready: opened.stats } satisfies ThreadReply);
} catch (e) {
  port.postMessage({ failed: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies ThreadReply);
}
