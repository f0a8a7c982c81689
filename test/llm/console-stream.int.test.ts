/**
 * Streaming in the console: with a language model, the answer is printed
 * sentence by sentence as the model writes it (each sentence checked first),
 * then its sources; a stream that breaks keeps what was printed and finishes
 * with the embedded answer.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConsoleChat } from "../../src/adapters/console/console.ts";
import { type App, buildApp } from "../../src/app.ts";
import { loadConfig } from "../../src/config/index.ts";
import { MemoryStore } from "../../src/storage/memory.ts";
import { FakeOpenAIApi } from "../fakes/openai-api.ts";
import { quietLogger } from "../knowledge/helpers.ts";

const ANSWER =
  "QMAS admits up to 1,000 people a year [1]. It was first launched in 2006 [1]. It favours skilled talent [1].";

describe("the console shows a model's answer as it is written", () => {
  const api = new FakeOpenAIApi();
  const dataDir = mkdtempSync(join(tmpdir(), "bahk-stream-"));
  const writes: { at: number; text: string }[] = [];
  let app: App;
  let chat: ConsoleChat;
  beforeAll(async () => {
    const config = loadConfig({
      ...process.env,
      DATA_DIR: dataDir,
      OPENAI_API_KEY: "sk",
      OPENAI_BASE_URL: await api.start(),
      OPENAI_EMBEDDING_MODEL: "",
    });
    app = await buildApp(config, quietLogger, { store: new MemoryStore() });
    const output = new Writable({
      write(chunk: Buffer, _enc, done) {
        writes.push({ at: performance.now(), text: chunk.toString("utf8") });
        done();
      },
    });
    chat = new ConsoleChat({ bot: app.bot, input: new PassThrough(), output, interactive: false, exportDir: dataDir });
  });
  afterAll(async () => {
    await app.close();
    await api.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("prints each checked sentence while the model is still writing, then the rest and the sources", async () => {
    writes.length = 0;
    api.queue.push({ content: ANSWER, chunkChars: 4, chunkDelayMs: 15 });
    await chat.send("What is QMAS?");
    const done = performance.now();
    const all = writes.map((w) => w.text).join("");
    expect(all).toContain(
      "QMAS admits up to 1,000 people a year. It was first launched in 2006. It favours skilled talent.",
    );
    expect(all.match(/QMAS admits up to 1,000/g)?.length).toBe(1);
    expect(all).toMatch(/Sources: /);
    // The first sentences were on screen well before the model finished (about 30 chunks of 15 ms).
    const finished = api.finishedAt.at(-1) ?? 0;
    const first = writes.find((w) => w.text.includes("QMAS admits"));
    expect(first && finished - first.at).toBeGreaterThan(150);
    expect(writes.filter((w) => w.at < finished).length).toBeGreaterThanOrEqual(2);
    expect(done).toBeGreaterThan(finished);
  });

  it("keeps what was printed when the stream breaks and finishes with the embedded answer", async () => {
    writes.length = 0;
    api.queue.push({
      fault: "cut",
      content: `${ANSWER} More to come [1]. And more [1].`,
      chunkChars: 4,
      chunkDelayMs: 2,
    });
    await chat.send("What is QMAS?");
    const all = writes.map((w) => w.text).join("");
    expect(all).toMatch(/^QMAS admits up to 1,000 people a year\./);
    expect(all).toMatch(/Quality Migrant Admission Scheme[\s\S]*Sources: /);
  });
});
