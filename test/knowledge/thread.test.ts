/**
 * The knowledge in a worker thread (src/knowledge/thread.ts), as `npm start` runs it: the same
 * answers, readings and vectors as the knowledge opened in this thread, through the core's interfaces.
 */
import type { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAndAnswer } from "../../src/core/faq/ask.ts";
import { openKnowledge } from "../../src/knowledge/index.ts";
import { KnowledgeThread } from "../../src/knowledge/thread.ts";
import { quietLogger } from "./helpers.ts";

/** A thread whose event loop loads the Chinese dictionaries at once. */
const openWithScripts = () =>
  KnowledgeThread.open({ options: { knowledgeDir: "knowledge", dataDir: "data" }, logLevel: "error" }, quietLogger, {
    scripts: 0,
  });

describe("the knowledge in a worker thread", () => {
  let thread: KnowledgeThread;
  let local: Awaited<ReturnType<typeof openKnowledge>>;
  beforeAll(async () => {
    // Every call to the thread itself (see the last test for scripts told on the event loop).
    thread = await KnowledgeThread.open(
      { options: { knowledgeDir: "knowledge", dataDir: "data" }, logLevel: "error" },
      quietLogger,
      { scripts: false },
    );
    local = await openKnowledge({ knowledgeDir: "knowledge", dataDir: "data", logger: quietLogger });
  }, 60_000);
  afterAll(() => thread?.close());

  it("answers, reads and embeds as the knowledge in this thread does", async () => {
    for (const q of [
      "What is QMAS?",
      "优才计划每年有多少名额？",
      "I want to donate 200 t-shirts",
      "What's the price of bitcoin?",
    ]) {
      expect(await thread.knowledge.answer(q, "en")).toEqual(await local.knowledge.answer(q, "en"));
      expect(await thread.understanding.read(q)).toEqual(await local.understanding.read(q));
    }
    const previous = { previous: "What is QMAS?", previousRef: "faq:qmas" };
    expect(await thread.knowledge.answer("and who can apply?", "en", previous)).toEqual(
      await local.knowledge.answer("and who can apply?", "en", previous),
    );
    expect(await thread.understanding.script("优才计划")).toBe("hans");
    expect(await thread.understanding.script("What is QMAS?")).toBeUndefined();
    expect(await thread.understanding.toSimplified(["QMAS"])).toEqual(["QMAS"]);
    expect(await thread.understanding.toSimplified(["優才計劃", "QMAS"])).toEqual(["优才计划", "QMAS"]);
    expect(await thread.embedder.embedQuery("townhall")).toEqual(await local.embedder.embedQuery("townhall"));
    expect(await thread.embedder.embedDocuments(["a", "b"])).toHaveLength(2);
  });

  it("reads and answers a message in one call as the core does in two", async () => {
    const previous = { previous: "What is QMAS?", previousRef: "faq:qmas" };
    for (const [raw, lang, options] of [
      ["Hi! What is QMAS?", "en", {}],
      ["优才计划每年有多少名额？", "zh-HK", {}],
      ["thanks!", "en", {}],
      ["and who can apply?", "en", previous],
    ] as const) {
      const asked = await thread.knowledge.ask?.(raw, lang, options);
      expect(asked).toEqual(await readAndAnswer(local.understanding, local.knowledge, raw, lang, options));
    }
    expect((await thread.knowledge.ask?.("thanks!", "en"))?.answer).toBeUndefined();
  });

  it("reads a message ahead, then answers it with that reading", async () => {
    const previous = { previous: "What is QMAS?", previousRef: "faq:qmas" };
    for (const [raw, options] of [
      ["hey, who can apply for QMAS?", {}],
      ["and how long does it take?", previous],
    ] as const) {
      const before = thread.threadCalls;
      const replies = thread.threadReplies;
      thread.understanding.readAhead?.(raw);
      expect(await thread.knowledge.ask?.(raw, "en", options)).toEqual(
        await readAndAnswer(local.understanding, local.knowledge, raw, "en", options),
      );
      expect(thread.threadCalls).toBe(before + 2);
      // The reading ahead is a note: only the answer comes back, waking the event loop once.
      expect(thread.threadReplies).toBe(replies + 1);
    }
    thread.understanding.readAhead?.("优才计划每年有多少名额？");
    expect(await thread.understanding.read("优才计划每年有多少名额？")).toEqual(
      await local.understanding.read("优才计划每年有多少名额？"),
    );
  });

  it("answers calls made at once, each with its own answer", async () => {
    const qs = ["What is QMAS?", "When is the townhall?", "who can apply for QMAS?", "hi"];
    const many = await Promise.all(qs.map((q) => thread.knowledge.answer(q, "en")));
    expect(many).toEqual(await Promise.all(qs.map((q) => local.knowledge.answer(q, "en"))));
  });

  it("starts a thread that stopped on its own again: calls in flight fail, later ones are answered", async () => {
    const errors: string[] = [];
    const logger = { ...quietLogger, error: (msg: string) => void errors.push(msg) };
    const other = await KnowledgeThread.open(
      { options: { knowledgeDir: "knowledge", dataDir: "data" }, logLevel: "error" },
      logger,
    );
    // A crash, as the main thread sees one: the worker exits without being closed.
    const worker = await (other as unknown as { current: Promise<Worker> }).current;
    const inFlight = other.knowledge.answer("What is QMAS?", "en");
    await worker.terminate();
    await expect(inFlight).rejects.toThrow(/stopped/);
    expect((await other.knowledge.answer("What is QMAS?", "en")).answered).toBe(true);
    expect(errors).toContain("knowledge thread stopped; starting it again");
    await other.close();
  }, 60_000);

  it("rejects calls once closed, and fails to open knowledge that is not there", async () => {
    const other = await KnowledgeThread.open(
      { options: { knowledgeDir: "knowledge", dataDir: "data" }, logLevel: "error" },
      quietLogger,
    );
    await other.close();
    await expect(other.knowledge.answer("What is QMAS?", "en")).rejects.toThrow(/closed/);
    await expect(
      KnowledgeThread.open(
        { options: { knowledgeDir: "no-such-folder", dataDir: "data" }, logLevel: "error" },
        quietLogger,
      ),
    ).rejects.toThrow(/could not open the knowledge/);
  }, 60_000);

  it("reads and answers every message in the thread, short ones too, in one call each", async () => {
    const other = await openWithScripts();
    try {
      expect(await other.scriptsReady).toBe(true);
      const previous = { previous: "What is QMAS?", previousRef: "faq:qmas" };
      const messages = [
        "What is QMAS?",
        "hi",
        "and who can apply?",
        "I want to donate 200 t-shirts",
        "So my cousin is a data scientist in Singapore and she has been thinking about moving to Hong Kong for a while, what is the scheme called?",
        "优才计划每年有多少名额？",
        "QMAS 幾時開始？",
      ];
      const before = other.threadCalls;
      for (const q of messages) {
        expect(await other.knowledge.ask?.(q, "en", previous)).toEqual(
          await readAndAnswer(local.understanding, local.knowledge, q, "en", previous),
        );
      }
      // One trip each, the Chinese ones too: their script is told on the event loop.
      expect(other.threadCalls).toBe(before + messages.length);
    } finally {
      await other.close();
    }
    await expect(other.knowledge.answer("What is QMAS?", "en")).rejects.toThrow(/closed/);
  }, 60_000);

  it("tells and converts Chinese scripts on the event loop once it has the dictionaries, the same", async () => {
    const other = await openWithScripts();
    try {
      expect(await other.scriptsReady).toBe(true);
      const texts = [
        "优才计划每年有多少名额？",
        "優才計劃每年有幾多名額？",
        "每年大概能收到多少件？",
        "QMAS 幾時開始？",
        "hi",
      ];
      const before = other.threadCalls;
      for (const text of texts) {
        expect(await other.understanding.script(text)).toBe(await local.understanding.script(text));
      }
      expect(await other.understanding.script("优才计划")).toBe("hans");
      expect(await other.understanding.script("優才計劃")).toBe("hant");
      expect(await other.understanding.toSimplified(texts)).toEqual(await local.understanding.toSimplified(texts));
      expect(await other.understanding.toSimplified(["優才計劃", "QMAS"])).toEqual(["优才计划", "QMAS"]);
      expect(other.threadCalls).toBe(before);
    } finally {
      await other.close();
    }
    // Without the dictionaries on the event loop, the thread tells them.
    expect(await thread.scriptsReady).toBe(false);
    const before = thread.threadCalls;
    expect(await thread.understanding.script("优才计划")).toBe("hans");
    expect(thread.threadCalls).toBe(before + 1);
  }, 60_000);
});
