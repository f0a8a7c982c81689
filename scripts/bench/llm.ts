/**
 * Benchmark of answers from a language model, as a Markdown section:
 *   npx tsx scripts/bench.ts llm
 * Against the fake OpenAI-compatible server with a fixed model delay (first
 * byte after MODEL_DELAY_MS, then one chunk every CHUNK_MS), the time to the
 * first shown sentence and to the whole answer through the whole bot, beside
 * the same stream read by plain `fetch`: the difference is the bot's own
 * overhead (retrieval, prompt, client, checks, the core). Also the cost of
 * loading the `openai` client (lazily, only with a model configured).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildApp } from "../../src/app.ts";
import { loadConfig } from "../../src/config/index.ts";
import { MemoryStore } from "../../src/storage/memory.ts";
import { FakeOpenAIApi } from "../../test/fakes/openai-api.ts";

const MODEL_DELAY_MS = 200;
const CHUNK_MS = 5;
const ROUNDS = 30;
const ANSWER =
  "The Quality Migrant Admission Scheme admits up to 1,000 people a year [1]. It was first launched in 2006 [1]. It favours highly skilled talent [1].";
const quiet = { debug() {}, info() {}, warn() {}, error() {} };

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

/** The fake model's own times, read by plain fetch: first sentence and whole stream. */
async function rawStream(baseURL: string): Promise<{ first: number; full: number }> {
  const t0 = performance.now();
  const res = await fetch(`${baseURL}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer sk" },
    body: JSON.stringify({ model: "m", stream: true, messages: [{ role: "user", content: "q" }] }),
  });
  let first = 0;
  let sse = "";
  let content = "";
  const decoder = new TextDecoder();
  for await (const chunk of res.body ?? []) {
    sse += decoder.decode(chunk as Uint8Array);
    const events = sse.split("\n\n");
    sse = events.pop() ?? "";
    for (const e of events) {
      const data = e.replace(/^data: /, "");
      if (data === "[DONE]") continue;
      const parsed = JSON.parse(data) as { choices: { delta: { content?: string } }[] };
      content += parsed.choices[0]?.delta.content ?? "";
    }
    if (!first && content.includes(". ")) first = performance.now() - t0;
  }
  return { first, full: performance.now() - t0 };
}

/** Milliseconds and MB of loading the openai client (and LangChain's ChatOpenAI, not used) in a fresh process. */
function loadCost(module: string): string {
  const code = `const t=performance.now();const r0=process.memoryUsage().rss;import(${JSON.stringify(module)}).then(()=>console.log(Math.round(performance.now()-t)+" ms, +"+Math.round((process.memoryUsage().rss-r0)/2**20)+" MB"))`;
  const r = spawnSync(process.execPath, ["-e", code], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : "not installed";
}

/** The section. */
export async function benchLlm(): Promise<string> {
  const api = new FakeOpenAIApi();
  const baseURL = await api.start();
  api.responder = () => ({ content: ANSWER, delayMs: MODEL_DELAY_MS, chunkDelayMs: CHUNK_MS, chunkChars: 6 });
  const dataDir = mkdtempSync(join(tmpdir(), "bahk-bench-llm-"));
  const config = loadConfig({
    ...process.env,
    DATA_DIR: dataDir,
    OPENAI_API_KEY: "sk",
    OPENAI_BASE_URL: baseURL,
    OPENAI_EMBEDDING_MODEL: "",
  });
  const app = await buildApp(config, quiet, { store: new MemoryStore() });
  const raw = { first: [] as number[], full: [] as number[] };
  const bot = { first: [] as number[], full: [] as number[] };
  try {
    for (let i = 0; i < ROUNDS + 3; i++) {
      const r = await rawStream(baseURL);
      const m = { id: `console:b${i}`, platform: "console" as const, platformUserId: `b${i}`, displayName: "B" };
      let first = 0;
      const t0 = performance.now();
      const replies = await app.bot.handle(
        { kind: "text", member: m, chat: { id: `console:dm:b${i}`, type: "private" }, text: "What is QMAS?" },
        {
          partial: () => {
            if (!first) first = performance.now() - t0;
          },
        },
      );
      const full = performance.now() - t0;
      if (!JSON.stringify(replies).includes("1,000 people a year")) throw new Error("the model's answer was not shown");
      if (i < 3) continue; // warm-up: the client loads, the index opens
      raw.first.push(r.first);
      raw.full.push(r.full);
      bot.first.push(first);
      bot.full.push(full);
    }
  } finally {
    await app.close();
    await api.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const row = (name: string, b: number[], r: number[]) =>
    `| ${name} | ${ms(pct(r, 50))} | ${ms(pct(b, 50))} / ${ms(pct(b, 95))} | ${ms(pct(b, 50) - pct(r, 50))} |`;
  return [
    "## Answers from a language model (`npm run bench -- llm`)",
    "",
    `Against the fake OpenAI-compatible server (test/fakes/openai-api.ts): first byte after ${MODEL_DELAY_MS} ms, then a 6-character chunk every ${CHUNK_MS} ms; ${ROUNDS} rounds of "What is QMAS?" through the whole bot (understanding, retrieval, passages, prompt, the \`openai\` client, checks, the core), beside the same stream read by plain \`fetch\`. The goal: the bot adds under 20 ms to the model's own time.`,
    "",
    "| | model alone (p50) | through the bot (p50 / p95) | bot overhead (p50) |",
    "|---|---|---|---|",
    row("first shown sentence", bot.first, raw.first),
    row("whole answer", bot.full, raw.full),
    "",
    `Client load, once, only when a model is configured: \`openai\` ${loadCost("openai")}; LangChain's \`@langchain/openai\` (measured, not used) ${loadCost("@langchain/openai")}.`,
  ].join("\n");
}
