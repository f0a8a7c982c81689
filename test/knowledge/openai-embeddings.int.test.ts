/**
 * The OpenAI-compatible embedding path against a local fake server
 * (node:http on 127.0.0.1:0) implementing POST /v1/embeddings.
 */

import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openKnowledge } from "../../src/knowledge/index.ts";
import { OpenAIEmbedder } from "../../src/knowledge/openai-embedder.ts";
import { KNOWLEDGE_DIR, quietLogger, tempDataDir } from "./helpers.ts";

const DIMS = 32;

/** Bag-of-words vectors, so that similar texts get similar embeddings. */
function fakeVector(text: string): number[] {
  const v: number[] = new Array<number>(DIMS).fill(0);
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    let h = 0;
    for (const c of w) h = (h * 31 + (c.codePointAt(0) ?? 0)) >>> 0;
    v[h % DIMS] = (v[h % DIMS] ?? 0) + 1;
  }
  if (!v.some((x) => x !== 0)) v[0] = 1;
  return v;
}

interface Call {
  auth: string | undefined;
  model: string;
  inputs: string[];
}

describe("OpenAI-compatible embeddings", () => {
  const calls: Call[] = [];
  let server: Server;
  let baseURL = "";

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => {
        body += c.toString("utf8");
      });
      req.on("end", () => {
        if (req.method !== "POST" || req.url !== "/v1/embeddings") {
          res.writeHead(404, { "content-type": "application/json" });
          res.end(JSON.stringify({ error: { message: "not found" } }));
          return;
        }
        const parsed = JSON.parse(body) as { model: string; input: string | string[] };
        const inputs = Array.isArray(parsed.input) ? parsed.input : [parsed.input];
        calls.push({ auth: req.headers.authorization, model: parsed.model, inputs });
        res.writeHead(200, { "content-type": "application/json" });
        res.end(
          JSON.stringify({
            object: "list",
            model: parsed.model,
            data: inputs.map((t, index) => ({ object: "embedding", index, embedding: fakeVector(t) })),
            usage: { prompt_tokens: inputs.length, total_tokens: inputs.length },
          }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("sends the key and model, batches documents and keeps their order", async () => {
    calls.length = 0;
    const e = new OpenAIEmbedder({ apiKey: "sk-test", baseURL, model: "fake-embed", batchSize: 2 });
    const vs = await e.embedDocuments(["one", "two", "three"]);
    expect(vs).toEqual([fakeVector("one"), fakeVector("two"), fakeVector("three")]);
    expect(calls.map((c) => c.inputs)).toEqual([["one", "two"], ["three"]]);
    expect(calls[0]?.auth).toBe("Bearer sk-test");
    expect(calls[0]?.model).toBe("fake-embed");
    expect(await e.embedQuery("two")).toEqual(fakeVector("two"));
    expect(e.id).toBe(`openai:${baseURL}:fake-embed`);
  });

  it("builds the index with the server's embeddings, records it, and rebuilds when the model changes", async () => {
    const data = tempDataDir();
    try {
      calls.length = 0;
      const opened = await openKnowledge({
        knowledgeDir: KNOWLEDGE_DIR,
        dataDir: data.dir,
        logger: quietLogger,
        openai: { apiKey: "sk-test", baseURL, model: "fake-embed" },
      });
      expect(opened.stats.builtFresh).toBe(true);
      expect(opened.stats.embedder).toBe(`openai:${baseURL}:fake-embed`);
      const manifest = JSON.parse(readFileSync(join(data.dir, "index", "manifest.json"), "utf8")) as {
        embedder: string;
        dims: number;
      };
      expect(manifest.embedder).toBe(`openai:${baseURL}:fake-embed`);
      expect(manifest.dims).toBe(DIMS);
      expect(calls.length).toBeGreaterThan(0);

      const before = calls.length;
      const a = await opened.knowledge.answer("How many people can be admitted under QMAS each year?", "en");
      expect(a.answered).toBe(true);
      expect(a.text).toMatch(/1,000/);
      expect(calls.length).toBe(before + 1);
      expect(calls.at(-1)?.inputs).toEqual(["How many people can be admitted under QMAS each year?"]);

      const again = await openKnowledge({
        knowledgeDir: KNOWLEDGE_DIR,
        dataDir: data.dir,
        logger: quietLogger,
        openai: { apiKey: "sk-test", baseURL, model: "fake-embed" },
      });
      expect(again.stats.builtFresh).toBe(false);
      const other = await openKnowledge({
        knowledgeDir: KNOWLEDGE_DIR,
        dataDir: data.dir,
        logger: quietLogger,
        openai: { apiKey: "sk-test", baseURL, model: "fake-embed-2" },
      });
      expect(other.stats.builtFresh).toBe(true);
      const offline = await openKnowledge({ knowledgeDir: KNOWLEDGE_DIR, dataDir: data.dir, logger: quietLogger });
      expect(offline.stats.builtFresh).toBe(true);
      expect(offline.stats.embedder).toMatch(/^local-/);
    } finally {
      data.cleanup();
    }
  });

  it("fails clearly when the server refuses", async () => {
    const e = new OpenAIEmbedder({ apiKey: "sk-test", baseURL: `${baseURL}/nowhere`, model: "m" });
    await expect(e.embedQuery("x")).rejects.toThrow();
  });
});
