/**
 * A fake Discord on 127.0.0.1 that the real discord.js client talks to: an
 * HTTP server for REST (`/api/v10/...`, recording every call) and a WebSocket
 * gateway speaking enough of the protocol (HELLO, IDENTIFY -> READY and
 * GUILD_CREATE, heartbeats) to dispatch the events a test injects. JSON
 * encoding, no compression (zlib-sync is not installed, so discord.js asks for none).
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";

/** One recorded REST call. `body` is parsed JSON (for multipart: `payload_json`), `raw` the whole body. */
export interface RestCall {
  readonly method: string;
  readonly path: string;
  readonly body: Record<string, unknown>;
  readonly raw: string;
}

/** Ids of the fake world. */
export const IDS = {
  app: "100000000000000001",
  bot: "100000000000000002",
  guild: "200000000000000001",
  channel: "300000000000000001",
  organiserChannel: "300000000000000002",
  organiserRole: "400000000000000001",
} as const;

const BOT_USER = { id: IDS.bot, username: "bahk", discriminator: "0", global_name: "BAHK", avatar: null, bot: true };

function channel(id: string, name: string): Record<string, unknown> {
  return { id, type: 0, name, guild_id: IDS.guild, position: 0, permission_overwrites: [], parent_id: null };
}

const role = (id: string, name: string) => ({
  id,
  name,
  permissions: "0",
  position: 0,
  color: 0,
  hoist: false,
  managed: false,
  mentionable: false,
  flags: 0,
});

const GUILD = {
  id: IDS.guild,
  name: "BAHK",
  icon: null,
  owner_id: "1",
  afk_timeout: 300,
  verification_level: 0,
  default_message_notifications: 0,
  explicit_content_filter: 0,
  mfa_level: 0,
  features: [],
  emojis: [],
  stickers: [],
  roles: [role(IDS.guild, "@everyone"), role(IDS.organiserRole, "Organisers")],
  channels: [channel(IDS.channel, "general"), channel(IDS.organiserChannel, "organisers")],
  members: [],
  threads: [],
  presences: [],
  voice_states: [],
  stage_instances: [],
  guild_scheduled_events: [],
  soundboard_sounds: [],
  member_count: 3,
  system_channel_id: IDS.channel,
  joined_at: "2026-01-01T00:00:00.000Z",
  large: false,
  unavailable: false,
  preferred_locale: "en-US",
  premium_tier: 0,
  nsfw_level: 0,
};

/** The fake server. */
export class FakeDiscord {
  readonly calls: RestCall[] = [];
  /** The next REST calls whose path matches are refused with 400 / 50035 (Invalid Form Body), once each. */
  readonly refuse: RegExp[] = [];
  /** The next REST calls whose path matches answer 429 with `Retry-After` (seconds), once each. */
  readonly rateLimit: { path: RegExp; retryAfter: number }[] = [];
  /** Members of the server and their role ids (GET /guilds/{g}/members/{u}); others are Unknown Member. */
  readonly memberRoles = new Map<string, string[]>();
  /** User ids whose DMs are closed (50007, as Discord answers). */
  readonly closedDms = new Set<string>();
  private readonly http: Server;
  private readonly wss: WebSocketServer;
  private socket: WebSocket | undefined;
  private seq = 0;
  private nextId = 500000000000000000n;
  private waiters: { pred: (c: RestCall) => boolean; resolve: (c: RestCall) => void }[] = [];
  private port = 0;
  /** The intents bitfield of the client's last IDENTIFY. */
  intents: number | undefined;
  private readonly lastPosted = new Map<string, string>();
  /** Messages posted through REST, by id (GET /channels/{c}/messages/{m} answers them). */
  private readonly posted = new Map<string, ReturnType<FakeDiscord["message"]>>();
  /** What Discord itself shows: message id -> answer id -> voters' user ids. */
  private readonly voters = new Map<string, Map<number, Set<string>>>();

  constructor() {
    this.http = createServer((req, res) => {
      void this.onRequest(req).then(
        ({ status, body, headers }) => {
          if (body === undefined) res.writeHead(status, headers).end();
          else res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
        },
        (e: unknown) => {
          res.writeHead(500, { "content-type": "application/json" });
          res.end(JSON.stringify({ message: String(e), code: 0 }));
        },
      );
    });
    this.wss = new WebSocketServer({ server: this.http });
    this.wss.on("connection", (ws) => this.onConnection(ws));
  }

  /** Starts listening; resolves to the REST base for discord.js (`rest: { api }`). */
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.http.listen(0, "127.0.0.1", resolve));
    this.port = (this.http.address() as AddressInfo).port;
    return `http://127.0.0.1:${this.port}/api`;
  }

  async stop(): Promise<void> {
    for (const c of this.wss.clients) c.terminate();
    this.wss.close();
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  /** A new snowflake. */
  id(): string {
    this.nextId += 1n;
    return String(this.nextId);
  }

  /**
   * A member adds (or removes) their vote on a native poll, as Discord records it. With `dispatch`
   * false the gateway event is lost (the client was away): only the voters endpoint knows.
   */
  castVote(messageId: string, userId: string, answerId: number, opts: { remove?: boolean; dispatch?: boolean } = {}) {
    const answers = this.voters.get(messageId) ?? new Map<number, Set<string>>();
    this.voters.set(messageId, answers);
    const set = answers.get(answerId) ?? new Set<string>();
    answers.set(answerId, set);
    if (opts.remove) set.delete(userId);
    else set.add(userId);
    if (opts.dispatch === false) return;
    const msg = this.posted.get(messageId);
    this.dispatch(opts.remove ? "MESSAGE_POLL_VOTE_REMOVE" : "MESSAGE_POLL_VOTE_ADD", {
      user_id: userId,
      channel_id: msg?.channel_id ?? IDS.channel,
      message_id: messageId,
      guild_id: IDS.guild,
      answer_id: answerId,
    });
  }

  private votersPage(m: RegExpExecArray, url: URL): Record<string, unknown>[] {
    return page(this.voters.get(m[1] ?? "")?.get(Number(m[2])) ?? [], url);
  }

  /** Discord's own count of each answer of a poll (answer id -> votes). */
  pollCounts(messageId: string): Map<number, number> {
    return new Map([...(this.voters.get(messageId) ?? [])].map(([a, set]) => [a, set.size]));
  }

  /** A member joins the server (GUILD_MEMBER_ADD; Discord sends it only with the GuildMembers intent). */
  join(id: string, name: string, bot = false): void {
    const u = { ...user(id, name), ...(bot ? { bot: true } : {}) };
    this.dispatch("GUILD_MEMBER_ADD", {
      guild_id: IDS.guild,
      user: u,
      nick: null,
      roles: [],
      joined_at: new Date().toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
    });
  }

  /** Resolves once a client has identified on the gateway (and got READY), e.g. one in another process. */
  async waitForConnection(timeoutMs = 10_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (this.intents === undefined) {
      if (Date.now() > end) throw new Error("timed out waiting for a gateway connection");
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Sends a gateway dispatch (op 0) to the connected client. */
  dispatch(t: string, d: Record<string, unknown>): void {
    if (!this.socket) throw new Error("no gateway connection");
    this.seq += 1;
    this.socket.send(JSON.stringify({ op: 0, t, s: this.seq, d }));
  }

  /** The id of the last message posted to a channel through REST. */
  lastMessageId(channelId: string): string {
    return this.lastPosted.get(channelId) ?? "";
  }

  /** Calls with a method and a path matching the pattern. */
  of(method: string, path: RegExp): RestCall[] {
    return this.calls.filter((c) => c.method === method && path.test(c.path));
  }

  /** Waits for a call (already made after `since`, or future) that matches. */
  async waitFor(pred: (c: RestCall) => boolean, since = 0, timeoutMs = 10_000): Promise<RestCall> {
    const found = this.calls.slice(since).find(pred);
    if (found) return found;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("timed out waiting for a Discord REST call")), timeoutMs);
      this.waiters.push({
        pred,
        resolve: (c) => {
          clearTimeout(timer);
          resolve(c);
        },
      });
    });
  }

  private onConnection(ws: WebSocket): void {
    this.socket = ws;
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 45_000 }, s: null, t: null }));
    ws.on("message", (data) => {
      const msg = JSON.parse(String(data)) as { op: number; d: unknown };
      if (msg.op === 1) ws.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      if (msg.op === 2) {
        this.intents = (msg.d as { intents?: number }).intents;
        this.dispatch("READY", {
          v: 10,
          user: BOT_USER,
          guilds: [{ id: IDS.guild, unavailable: true }],
          session_id: "session-1",
          resume_gateway_url: `ws://127.0.0.1:${this.port}`,
          application: { id: IDS.app, flags: 0 },
        });
        this.dispatch("GUILD_CREATE", GUILD);
      }
    });
  }

  private record(call: RestCall): void {
    this.calls.push(call);
    this.waiters = this.waiters.filter((w) => {
      if (!w.pred(call)) return true;
      w.resolve(call);
      return false;
    });
  }

  /** A message object as Discord returns it. */
  message(channelId: string, body: Record<string, unknown>, author: Record<string, unknown> = BOT_USER) {
    const poll = body.poll as
      | { question: unknown; answers: { poll_media: unknown }[]; allow_multiselect: boolean }
      | undefined;
    return {
      id: this.id(),
      channel_id: channelId,
      author,
      content: body.content ?? "",
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: body.embeds ?? [],
      components: body.components ?? [],
      pinned: false,
      type: 0,
      flags: body.flags ?? 0,
      ...(poll
        ? {
            poll: {
              question: poll.question,
              answers: poll.answers.map((a, i) => ({ answer_id: i + 1, poll_media: a.poll_media })),
              expiry: new Date(Date.now() + 86_400_000).toISOString(),
              allow_multiselect: poll.allow_multiselect,
              layout_type: 1,
            },
          }
        : {}),
    };
  }

  private async onRequest(
    req: IncomingMessage,
  ): Promise<{ status: number; body?: unknown; headers?: Record<string, string> }> {
    const url = new URL(req.url ?? "/", "http://x");
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v\d+/, "");
    const raw = await readBody(req);
    const call: RestCall = { method: req.method ?? "", path, body: parseBody(raw, req.headers["content-type"]), raw };
    this.record(call);
    const { method } = call;
    const body = call.body;
    const refused = this.refuse.findIndex((re) => re.test(path));
    if (refused >= 0) {
      this.refuse.splice(refused, 1);
      return { status: 400, body: { message: "Invalid Form Body", code: 50035 } };
    }
    const limited = this.rateLimit.findIndex((r) => r.path.test(path));
    if (limited >= 0) {
      const [{ retryAfter } = { retryAfter: 1 }] = this.rateLimit.splice(limited, 1);
      const headers = { "retry-after": String(retryAfter), "x-ratelimit-scope": "user" };
      return {
        status: 429,
        headers,
        body: { message: "You are being rate limited.", retry_after: retryAfter, global: false },
      };
    }
    const match = (re: RegExp) => re.exec(path)?.[1];
    if (method === "GET" && path === "/gateway/bot") {
      const limit = { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 };
      return { status: 200, body: { url: `ws://127.0.0.1:${this.port}`, shards: 1, session_start_limit: limit } };
    }
    if (method === "PUT" && /^\/applications\/\d+\/commands$/.test(path)) {
      const cmds = (body as unknown as Record<string, unknown>[]) ?? [];
      return { status: 200, body: cmds.map((c) => ({ ...c, id: this.id(), application_id: IDS.app, version: "1" })) };
    }
    if (method === "POST" && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return { status: 204 };
    if (/^\/webhooks\/\d+\/[^/]+(?:\/messages\/(@original|\d+))?$/.test(path)) {
      if (method === "DELETE") return { status: 204 };
      return { status: 200, body: this.message(IDS.channel, body) };
    }
    const expiring = /^\/channels\/(\d+)\/polls\/(\d+)\/expire$/.exec(path);
    if (expiring && method === "POST") return { status: 200, body: this.message(expiring[1] ?? IDS.channel, {}) };
    if (method === "POST" && path === "/users/@me/channels") {
      const recipient = String(body.recipient_id);
      return { status: 200, body: { id: `9${recipient}`, type: 1, recipients: [user(recipient)] } };
    }
    const member = /^\/guilds\/(\d+)\/members\/(\d+)$/.exec(path);
    if (member && method === "GET") {
      const roles = this.memberRoles.get(member[2] ?? "");
      if (member[1] !== IDS.guild || !roles) return { status: 404, body: { message: "Unknown Member", code: 10007 } };
      const u = user(member[2] ?? "");
      return {
        status: 200,
        body: { user: u, nick: null, roles, joined_at: "2026-01-01T00:00:00.000Z", deaf: false, mute: false, flags: 0 },
      };
    }
    const posting = match(/^\/channels\/(\d+)\/messages$/);
    if (posting && method === "POST") {
      const ch = posting;
      if (ch.startsWith("9") && this.closedDms.has(ch.slice(1))) {
        return { status: 403, body: { message: "Cannot send messages to this user", code: 50007 } };
      }
      const msg = this.message(ch, body);
      this.lastPosted.set(ch, msg.id);
      this.posted.set(msg.id, msg);
      return { status: 200, body: msg };
    }
    const fetching = /^\/channels\/(\d+)\/messages\/(\d+)$/.exec(path);
    if (fetching && method === "GET") {
      const msg = this.posted.get(fetching[2] ?? "");
      return msg ? { status: 200, body: msg } : { status: 404, body: { message: "Unknown Message", code: 10008 } };
    }
    const voters = /^\/channels\/\d+\/polls\/(\d+)\/answers\/(\d+)$/.exec(path);
    if (voters && method === "GET") return { status: 200, body: { users: this.votersPage(voters, url) } };
    const ch = match(/^\/channels\/(\d+)$/);
    if (ch && method === "GET") {
      return { status: 200, body: { id: ch, type: 1, recipients: [user(ch.slice(1))] } };
    }
    const userId = match(/^\/users\/(\d+)$/);
    if (userId && method === "GET") return { status: 200, body: user(userId) };
    return { status: 404, body: { message: `Unknown route ${method} ${path}`, code: 0 } };
  }
}

/** One page of an answer's voters (ids ascending, `after` and `limit` as Discord reads them). */
function page(ids: Iterable<string>, url: URL): Record<string, unknown>[] {
  const after = BigInt(url.searchParams.get("after") ?? "0");
  const limit = Number(url.searchParams.get("limit") ?? "25");
  return [...ids]
    .filter((id) => BigInt(id) > after)
    .sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1))
    .slice(0, limit)
    .map((id) => user(id));
}

/** A user object. */
export function user(id: string, name = `user${id.slice(-3)}`): Record<string, unknown> {
  return { id, username: name, discriminator: "0", global_name: name, avatar: null };
}

function parseBody(raw: string, type: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (type?.includes("json")) return JSON.parse(raw) as Record<string, unknown>;
  const json = /name="payload_json"[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*?)\r\n--/.exec(raw);
  return json?.[1] ? (JSON.parse(json[1]) as Record<string, unknown>) : {};
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
