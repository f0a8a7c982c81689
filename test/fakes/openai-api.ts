/**
 * A fake OpenAI-compatible chat-completions server on 127.0.0.1 that the real
 * `openai` client talks to (`baseURL`). It records every request and answers
 * each with what a responder returns: plain text (as one JSON body or as SSE
 * chunks when `stream` is asked), tool calls, or a scripted fault (a server
 * that never answers, a 500, a malformed or cut stream, a refusal, a tool call
 * that is not valid).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One message of a recorded request. */
export interface FakeMessage {
  readonly role: string;
  readonly content?: string | null;
  readonly tool_calls?: unknown;
}

/** A recorded chat-completions request (the parsed body, and the Authorization header). */
export interface FakeChatRequest {
  readonly model: string;
  readonly messages: readonly FakeMessage[];
  readonly stream?: boolean;
  readonly tools?: readonly { type: string; function: { name: string; parameters?: unknown } }[];
  readonly max_tokens?: number;
  readonly auth?: string;
}

/** A tool call the fake model makes. `arguments` is sent as given (it need not be JSON). */
export interface FakeToolCall {
  readonly name: string;
  readonly arguments: string;
}

/** Faults the fake can play. */
export type FakeFault =
  /** Never answers (the client must time out). */
  | "timeout"
  /** HTTP 500 with an OpenAI-style error body. */
  | "500"
  /** A stream (or body) that is not valid JSON after some good chunks. */
  | "malformed"
  /** A stream that stops mid-answer, without a finish reason or [DONE]. */
  | "cut"
  /** The model refuses (the `refusal` field, no content). */
  | "refusal"
  /** A tool call whose arguments are not JSON, for a tool that was never offered. */
  | "invalid-tool";

/** What the fake model answers. */
export interface FakeReply {
  readonly content?: string;
  readonly toolCalls?: readonly FakeToolCall[];
  readonly fault?: FakeFault;
  /** Milliseconds before the first byte (the model's "thinking" time). */
  readonly delayMs?: number;
  /** Milliseconds between streamed chunks. */
  readonly chunkDelayMs?: number;
  /** Characters per streamed chunk (default 8). */
  readonly chunkChars?: number;
}

/** Decides the fake model's reply to a request. */
export type Responder = (req: FakeChatRequest) => FakeReply;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The fake server. */
export class FakeOpenAIApi {
  readonly requests: FakeChatRequest[] = [];
  /** `performance.now()` when each complete answer's last byte was written. */
  readonly finishedAt: number[] = [];
  /** Replies used in order before the responder (one per request). */
  readonly queue: FakeReply[] = [];
  responder: Responder = () => ({ content: "" });
  private readonly server: Server;
  private readonly hanging = new Set<ServerResponse>();

  constructor() {
    this.server = createServer((req, res) => {
      void this.onRequest(req, res).catch((e: unknown) => {
        if (!res.headersSent) res.writeHead(500);
        res.end(String(e));
      });
    });
  }

  /** Starts listening; resolves to the `baseURL` for the `openai` client. */
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/v1`;
  }

  async stop(): Promise<void> {
    for (const r of this.hanging) r.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The last request received. */
  get last(): FakeChatRequest | undefined {
    return this.requests.at(-1);
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: "not found" } }));
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as FakeChatRequest;
    const request: FakeChatRequest = req.headers.authorization ? { ...body, auth: req.headers.authorization } : body;
    this.requests.push(request);
    const reply = this.queue.shift() ?? this.responder(request);
    if (reply.delayMs) await sleep(reply.delayMs);
    if (reply.fault === "timeout") {
      this.hanging.add(res);
      res.on("close", () => this.hanging.delete(res));
      return;
    }
    if (reply.fault === "500") {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: "the model is overloaded", type: "server_error" } }));
      return;
    }
    if (request.stream) await this.stream(res, request.model, reply);
    else this.whole(res, request.model, reply);
  }

  private whole(res: ServerResponse, model: string, reply: FakeReply): void {
    res.writeHead(200, { "content-type": "application/json" });
    if (reply.fault === "malformed" || reply.fault === "cut") {
      res.end('{"id":"x","choices":[{"message":{"content":"Broken');
      return;
    }
    const calls = toolCallsOf(reply);
    const message = {
      role: "assistant",
      content: reply.fault === "refusal" ? null : (reply.content ?? null),
      ...(reply.fault === "refusal" ? { refusal: "I'm sorry, I can't help with that." } : {}),
      ...(calls.length > 0
        ? { tool_calls: calls.map((c, i) => ({ id: `call_${i}`, type: "function", function: c })) }
        : {}),
    };
    const finish = calls.length > 0 ? "tool_calls" : "stop";
    res.end(
      JSON.stringify({
        ...envelope(model, "chat.completion"),
        choices: [{ index: 0, finish_reason: finish, message }],
      }),
    );
  }

  private async stream(res: ServerResponse, model: string, reply: FakeReply): Promise<void> {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    const send = (delta: Record<string, unknown>, finish: string | null = null) =>
      res.write(
        `data: ${JSON.stringify({ ...envelope(model, "chat.completion.chunk"), choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`,
      );
    send({ role: "assistant", content: "" });
    if (reply.fault === "refusal") {
      send({ refusal: "I'm sorry, I can't help with that." });
      send({}, "stop");
    } else {
      const text = reply.content ?? "";
      const size = reply.chunkChars ?? 8;
      const parts = Array.from({ length: Math.ceil(text.length / size) }, (_, i) =>
        text.slice(i * size, (i + 1) * size),
      );
      const keep = reply.fault === "malformed" || reply.fault === "cut" ? Math.ceil(parts.length / 2) : parts.length;
      for (const p of parts.slice(0, keep)) {
        if (reply.chunkDelayMs) await sleep(reply.chunkDelayMs);
        send({ content: p });
      }
      if (reply.fault === "malformed") {
        res.end('data: {"choices":[{"delta":{"content":"bro\n\n');
        return;
      }
      if (reply.fault === "cut") {
        res.destroy();
        return;
      }
      toolCallsOf(reply).forEach((c, i) => {
        send({
          tool_calls: [{ index: i, id: `call_${i}`, type: "function", function: { name: c.name, arguments: "" } }],
        });
        send({ tool_calls: [{ index: i, function: { arguments: c.arguments } }] });
      });
      send({}, toolCallsOf(reply).length > 0 ? "tool_calls" : "stop");
    }
    res.end("data: [DONE]\n\n");
    this.finishedAt.push(performance.now());
  }
}

function envelope(model: string, object: string) {
  return { id: `chatcmpl-${Date.now()}`, object, created: Math.floor(Date.now() / 1000), model };
}

function toolCallsOf(reply: FakeReply): readonly FakeToolCall[] {
  if (reply.fault === "invalid-tool") return [{ name: "transfer_funds", arguments: "{not json" }];
  return reply.toolCalls ?? [];
}

/** The text of a request's messages of one role, joined. */
export function textOf(req: FakeChatRequest, role: string): string {
  return req.messages
    .filter((m) => m.role === role)
    .map((m) => m.content ?? "")
    .join("\n");
}
