/**
 * Embeddings from an OpenAI-compatible server (OpenAI, vLLM, Ollama, LM
 * Studio) through the `openai` client, used instead of the offline embedder
 * when an API key is configured.
 */
import type OpenAI from "openai";
import type { Embedder } from "../core/ports.ts";

/** Settings of the OpenAI-compatible embedder. */
export interface OpenAIEmbedderOptions {
  readonly apiKey: string;
  readonly baseURL?: string;
  readonly model: string;
  /** Texts per request. */
  readonly batchSize?: number;
  readonly timeoutMs?: number;
}

/** An {@link Embedder} backed by `POST /v1/embeddings`. */
export class OpenAIEmbedder implements Embedder {
  /** Recorded in the index manifest: a change of server or model rebuilds the index. */
  readonly id: string;
  private client: OpenAI | undefined;
  private readonly batchSize: number;

  constructor(private readonly opts: OpenAIEmbedderOptions) {
    this.batchSize = opts.batchSize ?? 64;
    this.id = `openai:${opts.baseURL ?? "https://api.openai.com/v1"}:${opts.model}`;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    const out: number[][] = [];
    for (let i = 0; i < texts.length; i += this.batchSize) {
      out.push(...(await this.batch(texts.slice(i, i + this.batchSize))));
    }
    return out;
  }

  async embedQuery(text: string): Promise<number[]> {
    const [v] = await this.batch([text]);
    if (!v) throw new Error("embedding server returned no vector");
    return v;
  }

  /** The client, imported on first use so that offline starts don't pay for loading it. */
  private async openai(): Promise<OpenAI> {
    if (!this.client) {
      const { default: OpenAIClient } = await import("openai");
      this.client = new OpenAIClient({
        apiKey: this.opts.apiKey,
        maxRetries: 2,
        timeout: this.opts.timeoutMs ?? 30_000,
        ...(this.opts.baseURL ? { baseURL: this.opts.baseURL } : {}),
      });
    }
    return this.client;
  }

  private async batch(input: string[]): Promise<number[][]> {
    // Empty strings are refused by some servers; a single space embeds as "nothing".
    const safe = input.map((t) => (t.trim() ? t : " "));
    const client = await this.openai();
    const res = await client.embeddings.create({ model: this.opts.model, input: safe, encoding_format: "float" });
    const sorted = [...res.data].sort((a, b) => a.index - b.index);
    if (sorted.length !== input.length) {
      throw new Error(`embedding server returned ${sorted.length} vectors for ${input.length} texts`);
    }
    return sorted.map((d) => d.embedding);
  }
}
