/**
 * A fake Telegram Bot API on 127.0.0.1 that the real telegraf client talks to.
 * It records every call, serves queued updates to getUpdates, and can be told
 * to refuse messages to a chat (403, as Telegram does before /start) or to
 * rate-limit the first try of every send (429 with `retry_after`).
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One recorded call. `body` is parsed JSON, or `{ raw }` for multipart uploads. */
export interface RecordedCall {
  readonly method: string;
  readonly body: Record<string, unknown>;
  /** The error code the fake answered with; absent when the call succeeded. */
  readonly refused?: number;
}

/** A native poll the fake holds: each voter's options, as Telegram counts them. */
interface FakePoll {
  readonly id: string;
  readonly chatId: string;
  readonly messageId: number;
  readonly question: string;
  readonly options: string[];
  readonly multiple: boolean;
  readonly ballots: Map<number, number[]>;
  closed: boolean;
}

const BOT_USER = { id: 999, is_bot: true, first_name: "BAHK", username: "bahk_test_bot" };

/** The fake server. */
export class FakeTelegramApi {
  readonly calls: RecordedCall[] = [];
  readonly forbiddenChats = new Set<string>();
  /** getUpdates answers 409 (another poller) this many more times. */
  conflicts = 0;
  /** getUpdates answers 401 (token revoked) from now on. */
  unauthorized = false;
  /** When set, the first try of each distinct send (method and body) answers 429 with this `retry_after` (s). */
  rateLimitFirstTry: number | undefined;
  private readonly tried = new Set<string>();
  /** Sends to a chat (by id) answer 502 Bad Gateway this many more times (Telegram unreachable). */
  readonly unavailableSends = new Map<string, number>();
  /** When set, the next editMessageText answers 429 with this `retry_after` (s), once. */
  editRateLimitOnce: number | undefined;
  /** The parameters of the last getUpdates (not recorded in `calls`: it repeats). */
  lastGetUpdates: Record<string, unknown> | undefined;
  /** How many getUpdates calls were made. */
  getUpdatesCount = 0;
  private readonly server: Server;
  private updates: unknown[] = [];
  private nextUpdateId = 1;
  private nextMessageId = 1;
  private nextPollId = 1;
  private readonly polls = new Map<string, FakePoll>();
  private waiters: (() => void)[] = [];
  private callWaiters: { pred: (c: RecordedCall) => boolean; resolve: (c: RecordedCall) => void }[] = [];

  constructor() {
    this.server = createServer((req, res) => {
      void this.onRequest(req).then(
        (payload) => {
          res.writeHead(payload.ok ? 200 : (payload.error_code as number), { "content-type": "application/json" });
          res.end(JSON.stringify(payload));
        },
        (e: unknown) => {
          res.writeHead(500);
          res.end(String(e));
        },
      );
    });
  }

  /** Starts listening; resolves to the apiRoot for telegraf. */
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    for (const w of this.waiters) w();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Queues an update (update_id is assigned) and returns its id. */
  push(update: Record<string, unknown>): number {
    const id = this.nextUpdateId++;
    this.updates.push({ update_id: id, ...update });
    for (const w of this.waiters.splice(0)) w();
    return id;
  }

  /** Queues a text message from a user in a chat. */
  message(
    from: { id: number; first_name?: string; language_code?: string },
    chat: { id: number; type: string },
    text: string,
  ): number {
    return this.push({
      message: {
        message_id: this.nextMessageId++,
        date: Math.floor(Date.now() / 1000),
        chat: chat.type === "private" ? { id: chat.id, type: "private", first_name: "U" } : { ...chat, title: "Group" },
        from: { is_bot: false, first_name: "User", ...from },
        text,
      },
    });
  }

  /** Queues a button press (on message 1 of the chat, unless told which). */
  press(
    from: { id: number; first_name?: string },
    chat: { id: number; type: string },
    data: string,
    messageId = 1,
  ): number {
    return this.push({
      callback_query: {
        id: `cb${this.nextUpdateId}`,
        from: { is_bot: false, first_name: "User", ...from },
        chat_instance: "ci",
        data,
        message: { message_id: messageId, date: 0, chat, text: "…" },
      },
    });
  }

  /**
   * A member's whole ballot in a native poll (empty withdraws it), as Telegram records it; the
   * poll_answer update reaches the bot unless `dispatch` is false (the bot was away).
   */
  castVote(pollId: string, user: { id: number; first_name?: string }, optionIds: number[], dispatch = true): void {
    const poll = this.polls.get(pollId);
    if (!poll || poll.closed) throw new Error(`no open poll ${pollId}`);
    if (optionIds.length > 0) poll.ballots.set(user.id, [...optionIds]);
    else poll.ballots.delete(user.id);
    if (dispatch) {
      this.push({
        poll_answer: {
          poll_id: pollId,
          user: { is_bot: false, first_name: "User", ...user },
          option_ids: optionIds,
        },
      });
    }
  }

  /** Each option's voter count in a native poll, as members see it on Telegram. */
  pollCounts(pollId: string): number[] {
    const poll = this.polls.get(pollId);
    if (!poll) throw new Error(`no poll ${pollId}`);
    return this.pollObject(poll).options.map((o) => o.voter_count);
  }

  /** The polls sent, by poll id. */
  pollIds(): string[] {
    return [...this.polls.keys()];
  }

  private pollObject(p: FakePoll) {
    const counts = p.options.map(() => 0);
    for (const b of p.ballots.values()) for (const o of b) counts[o] = (counts[o] ?? 0) + 1;
    return {
      id: p.id,
      question: p.question,
      options: p.options.map((text, i) => ({ text, voter_count: counts[i] ?? 0 })),
      total_voter_count: p.ballots.size,
      is_closed: p.closed,
      is_anonymous: false,
      type: "regular",
      allows_multiple_answers: p.multiple,
    };
  }

  /** Waits for the next call (already made or future) that matches, after `since` calls. */
  async waitFor(pred: (c: RecordedCall) => boolean, since = 0, timeoutMs = 10_000): Promise<RecordedCall> {
    const found = this.calls.slice(since).find(pred);
    if (found) return found;
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error("timed out waiting for a Bot API call")), timeoutMs);
      this.callWaiters.push({
        pred,
        resolve: (c) => {
          clearTimeout(t);
          resolve(c);
        },
      });
    });
  }

  /** Calls of a method. */
  of(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  private record(call: RecordedCall): void {
    this.calls.push(call);
    this.callWaiters = this.callWaiters.filter((w) => {
      if (!w.pred(call)) return true;
      w.resolve(call);
      return false;
    });
  }

  private async onRequest(req: IncomingMessage): Promise<Record<string, unknown>> {
    const method = (req.url ?? "").split("/").pop() ?? "";
    const raw = await readBody(req);
    const type = req.headers["content-type"] ?? "";
    const body: Record<string, unknown> =
      type.includes("json") && raw ? (JSON.parse(raw) as Record<string, unknown>) : { raw };
    if (method === "getUpdates") {
      this.lastGetUpdates = body;
      this.getUpdatesCount++;
    }
    const payload = await this.respond(method, body);
    if (method !== "getUpdates") {
      this.record(payload.ok ? { method, body } : { method, body, refused: payload.error_code as number });
    }
    return payload;
  }

  /** Calls of a method that the fake accepted (not refused with an error). */
  accepted(method: string): RecordedCall[] {
    return this.of(method).filter((c) => c.refused === undefined);
  }

  private async respond(method: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const chatId = String(body.chat_id ?? "");
    if (method.startsWith("send") && this.forbiddenChats.has(chatId)) {
      return { ok: false, error_code: 403, description: "Forbidden: bot can't initiate conversation with a user" };
    }
    const outages = this.unavailableSends.get(chatId) ?? 0;
    if (method.startsWith("send") && outages > 0) {
      this.unavailableSends.set(chatId, outages - 1);
      return { ok: false, error_code: 502, description: "Bad Gateway" };
    }
    const fingerprint = `${method} ${JSON.stringify(body)}`;
    if (this.rateLimitFirstTry !== undefined && method.startsWith("send") && !this.tried.has(fingerprint)) {
      this.tried.add(fingerprint);
      const retry_after = this.rateLimitFirstTry;
      return {
        ok: false,
        error_code: 429,
        description: `Too Many Requests: retry after ${retry_after}`,
        parameters: { retry_after },
      };
    }
    if (method === "editMessageText" && this.editRateLimitOnce !== undefined) {
      const retry_after = this.editRateLimitOnce;
      this.editRateLimitOnce = undefined;
      return {
        ok: false,
        error_code: 429,
        description: `Too Many Requests: retry after ${retry_after}`,
        parameters: { retry_after },
      };
    }
    switch (method) {
      case "getMe":
        return { ok: true, result: BOT_USER };
      case "getUpdates":
        if (this.unauthorized) return { ok: false, error_code: 401, description: "Unauthorized" };
        if (this.conflicts > 0) {
          this.conflicts--;
          return { ok: false, error_code: 409, description: "Conflict: terminated by other getUpdates request" };
        }
        return { ok: true, result: await this.takeUpdates(Number(body.offset ?? 0), Number(body.limit ?? 100)) };
      case "sendMessage":
        return { ok: true, result: this.message_(chatId, { text: body.text }) };
      case "sendPoll": {
        const poll = { id: `poll-${this.nextPollId++}`, question: body.question, options: body.options };
        const message = this.message_(chatId, { poll });
        const texts = ((body.options ?? []) as (string | { text: string })[]).map((o) =>
          typeof o === "string" ? o : o.text,
        );
        this.polls.set(poll.id, {
          id: poll.id,
          chatId,
          messageId: Number(message.message_id),
          question: String(body.question ?? ""),
          options: texts,
          multiple: body.allows_multiple_answers === true,
          ballots: new Map(),
          closed: false,
        });
        return { ok: true, result: message };
      }
      case "stopPoll": {
        const poll = [...this.polls.values()].find(
          (p) => p.chatId === chatId && p.messageId === Number(body.message_id),
        );
        // A poll the fake did not send (a test stopping one by its ids alone) ends with no votes.
        if (!poll) return { ok: true, result: { id: "unknown", question: "", options: [], total_voter_count: 0 } };
        if (poll.closed) {
          return { ok: false, error_code: 400, description: "Bad Request: poll has already been closed" };
        }
        poll.closed = true;
        return { ok: true, result: this.pollObject(poll) };
      }
      case "sendDocument":
        return { ok: true, result: this.message_(chatId, { document: { file_id: "f1" } }) };
      default:
        return { ok: true, result: true };
    }
  }

  private message_(chatId: string, extra: Record<string, unknown>): Record<string, unknown> {
    return { message_id: this.nextMessageId++, date: 0, chat: { id: Number(chatId), type: "private" }, ...extra };
  }

  /** As Telegram: updates from `offset` on, at most `limit` (1 to 100) of them. */
  private async takeUpdates(offset: number, limit: number): Promise<unknown[]> {
    this.updates = this.updates.filter((u) => (u as { update_id: number }).update_id >= offset);
    if (this.updates.length === 0) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 300);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
    return this.updates.slice(0, Math.max(1, Math.min(100, limit)));
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
