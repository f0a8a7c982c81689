/**
 * The Telegram adapter (telegraf): maps updates in, calls the core, renders
 * the replies out, and acknowledges button presses. Private replies asked for
 * in a group go to the member's private chat; Telegram forbids that until the
 * member has started a chat with the bot, and then the group is told how.
 */
import { randomBytes } from "node:crypto";
import { Telegraf, TelegramError } from "telegraf";
import type { Update } from "telegraf/types";
import type { Bot } from "../../core/bot.ts";
import { type Delivery, type DeliveryKind, DeliveryStats } from "../../core/delivery.ts";
import type { Inbox } from "../../core/inbox.ts";
import type { Logger, PlatformHealth } from "../../core/ports.ts";
import type { Reply, UpdateReply } from "../../core/replies.ts";
import { KeyedSerializer } from "../../core/serial.ts";
import type { Chat, Member } from "../../core/types.ts";
import { describe, toFailure, withRateLimitRetry } from "./errors.ts";
import { TelegramLive } from "./live.ts";
import { type BotIdentity, mapUpdate, type PressedMessage } from "./map.ts";
import { escapeHtml, renderEdit, renderReply, type TgOut } from "./render.ts";

/** What the adapter needs. */
export interface TelegramAdapterOptions {
  readonly token: string;
  /** A local fake Bot API in tests; Telegram's own by default. */
  readonly apiRoot?: string | undefined;
  /** The chat that receives organiser notices. */
  readonly organiserChatId?: string | undefined;
  /** Organisers' user ids: their private chats list the organiser commands. */
  readonly organiserIds?: readonly string[] | undefined;
  /**
   * Receive updates by webhook instead of long polling. Several instances may
   * sit behind one webhook: de-duplication and conversations live in the store.
   */
  readonly webhook?:
    | {
        /** Public domain Telegram posts to (https). */
        readonly domain: string;
        readonly port: number;
        /** The interface the server listens on: 127.0.0.1 (behind a reverse proxy) unless set. */
        readonly host?: string | undefined;
        readonly path?: string | undefined;
        /**
         * Checked against the X-Telegram-Bot-Api-Secret-Token header; requests without it get 403.
         * Never optional: without one, a random secret is generated and registered with Telegram.
         */
        readonly secretToken?: string | undefined;
      }
    | undefined;
  readonly bot: Bot;
  readonly logger: Logger;
  /** Told when updates can no longer be received (polling stopped for good): the process should exit non-zero. */
  readonly onFatal?: (error: unknown) => void;
  /** How long joins to a group are gathered into one welcome (default 5 s). */
  readonly joinWindowMs?: number;
  /** First delay before polling again after a 409 conflict (doubles up to a minute). */
  readonly conflictDelayMs?: number;
  /** Counters of replies sent, failed and retried (shared with the notifier's for a metrics endpoint). */
  readonly stats?: DeliveryStats;
  /** A successful API call this recent counts as reachable for /healthz (default 90 s). */
  readonly healthyWithinMs?: number;
}

/** A successful API call this recent (long polling calls getUpdates at least every 50 s) means Telegram is reachable. */
const HEALTHY_WITHIN_MS = 90_000;
/** How long the health check's own getMe may take. */
const HEALTH_PROBE_MS = 3_000;

/** Telegram shows at most 200 characters in a callback answer (toast). */
const TOAST_CHARS = 200;

/** Joins within this window of the first get one welcome. */
const JOIN_WINDOW_MS = 5_000;

/** Long polling's wait for updates, in seconds. */
const LONG_POLL_SECONDS = 50;
/** At most this many updates are handled at once: with more running, new ones wait at Telegram. */
const MAX_RUNNING = 100;
/** The most updates one getUpdates call returns (Telegram's own limit). */
const TELEGRAM_MAX_BATCH = 100;
/** After the store failed to keep received updates, the wait before fetching them again. */
const STORE_RETRY_MS = 1_000;

/** How often a polling conflict (409) is retried before giving up. */
const MAX_CONFLICT_RETRIES = 20;
const CONFLICT_BASE_DELAY_MS = 2_000;
const CONFLICT_MAX_DELAY_MS = 60_000;

/** `chat_member` comes only to a bot that is an administrator of the group: joins are then seen even when hidden. */
const ALLOWED_UPDATES = ["message", "callback_query", "poll_answer", "chat_member"] as const;

/** A member welcomed in a chat is not welcomed again (join message and `chat_member` both arriving) for this long. */
const WELCOMED_TTL_MS = 10 * 60_000;

const NOTE = {
  sentPrivately: "I've sent you the details in a private chat. / 詳情已私訊給你。",
  startPrivate: (u: string) =>
    `I need to send you this privately: please open a chat with @${u}, press Start, and try again. / 請先私訊 @${u} 並按「開始」，然後再試一次。`,
};

/** Runs the bot on Telegram. */
export class TelegramAdapter {
  readonly telegraf: Telegraf;
  private me: BotIdentity | undefined;
  private stopped = false;
  /** Polling stopped for good: no update can arrive any more. */
  private fatal = false;
  /** One member's updates one after another (across instances sharing a store too); members in parallel. */
  private readonly serial: KeyedSerializer;
  /** One API call at a time per chat: a reply waiting out a 429 is not overtaken by the next. */
  private readonly chats = new KeyedSerializer();
  /** When each chat may next get a streamed answer's message or edit (about once a second, or after a 429). */
  private readonly liveCalls = new Map<string, number>();
  /** Replies sent, failed and retried. */
  readonly stats: DeliveryStats;
  private readonly inflight = new Set<Promise<void>>();
  private readonly joins = new Map<string, { members: Member[] }>();
  /** `chat:user` → when the welcome naming them was gathered (joins seen twice are welcomed once). */
  private readonly welcomed = new Map<string, number>();
  /** Polling: the getUpdates call waiting, the updates being handled by id, the first id not received. */
  private polling: AbortController | undefined;
  /** Polling's inbox: received updates kept until handled. */
  private inbox: Inbox | undefined;
  private readonly running = new Map<number, Promise<void>>();
  private nextUpdate = 0;
  private readonly pauses = new Set<() => void>();
  /** When an API call last succeeded, and when one last failed to reach Telegram (for /healthz). */
  private lastReached = 0;
  private lastUnreached = 0;
  /** `chat:message` → the latest content owed to a pressed message whose edit waits its turn in the chat. */
  private readonly owedEdits = new Map<string, ReturnType<typeof renderEdit>>();

  constructor(private readonly opts: TelegramAdapterOptions) {
    this.stats = opts.stats ?? new DeliveryStats();
    // In order per member; across instances too when they share a store (a lease in it).
    this.serial = opts.bot.memberOrder("telegram");
    this.telegraf = new Telegraf(opts.token, {
      handlerTimeout: 60_000,
      // Every call is a real API call (never folded into the webhook's HTTP answer): we need their results.
      telegram: { webhookReply: false, ...(opts.apiRoot ? { apiRoot: opts.apiRoot } : {}) },
    });
    this.watchCalls();
    this.telegraf.use(async (ctx) => {
      await this.onUpdate(ctx.update);
    });
    this.telegraf.catch((e) => opts.logger.error("telegram update failed", { error: describe(e) }));
  }

  /**
   * Notes every API call's outcome (polling's getUpdates included): Telegram answered (even with an
   * error such as a 400, except a revoked token), or could not be reached (a network failure).
   */
  private watchCalls(): void {
    const tg = this.telegraf.telegram;
    const call = tg.callApi.bind(tg);
    const watched = async (...args: Parameters<typeof call>) => {
      try {
        const result = await call(...args);
        this.lastReached = Date.now();
        return result;
      } catch (e) {
        if (e instanceof TelegramError && e.code !== 401) this.lastReached = Date.now();
        else if (!(e instanceof Error && e.name === "AbortError")) this.lastUnreached = Date.now();
        throw e;
      }
    };
    tg.callApi = watched as typeof tg.callApi;
  }

  /**
   * Whether Telegram is reachable, for /healthz: a recent successful call with no failure since
   * counts; otherwise one getMe, with a short timeout. Stopped for good (polling gave up) is down.
   */
  health(): PlatformHealth {
    return {
      platform: "telegram",
      check: async () => {
        if (this.stopped || this.fatal) return { ok: false, detail: this.fatal ? "polling stopped" : "stopped" };
        const within = this.opts.healthyWithinMs ?? HEALTHY_WITHIN_MS;
        if (Date.now() - this.lastReached < within && this.lastUnreached <= this.lastReached) return { ok: true };
        let timer: ReturnType<typeof setTimeout> | undefined;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error("getMe timed out")), HEALTH_PROBE_MS);
        });
        try {
          await Promise.race([this.telegraf.telegram.getMe(), timeout]);
          return { ok: true };
        } catch (e) {
          return { ok: false, detail: describe(e) };
        } finally {
          if (timer) clearTimeout(timer);
        }
      },
    };
  }

  /** Identifies the bot, registers its commands in both languages, and starts polling or the webhook. */
  async start(): Promise<void> {
    const info = await this.telegraf.telegram.getMe();
    this.telegraf.botInfo = info;
    this.me = { id: info.id, username: info.username };
    await this.registerCommands();
    const allowedUpdates = [...ALLOWED_UPDATES];
    const hook = this.opts.webhook;
    if (hook) {
      // Secure by default: a forged update must never act as a member (or an organiser).
      let secretToken = hook.secretToken;
      if (!secretToken) {
        secretToken = randomBytes(32).toString("hex");
        this.opts.logger.warn(
          "TELEGRAM_WEBHOOK_SECRET is not set: a random secret was registered with Telegram for this process; set one shared by every instance behind the same webhook",
        );
      }
      await this.telegraf.launch({
        allowedUpdates,
        webhook: {
          domain: hook.domain,
          port: hook.port,
          host: hook.host ?? "127.0.0.1",
          ...(hook.path ? { path: hook.path } : {}),
          secretToken,
        },
      });
      return;
    }
    this.poll(allowedUpdates);
  }

  /**
   * The command menus, by scope (Telegram shows the most specific one): members' commands in
   * private chats; in groups only those that make sense there (no personal records); organisers'
   * commands too in the organiser chat and in each organiser's private chat. English, and Chinese
   * for Chinese-language clients.
   */
  private async registerCommands(): Promise<void> {
    const all = this.opts.bot.commandList();
    const member = all.filter((c) => !c.hidden && !c.organiserOnly);
    const group = member.filter((c) => !c.privateOnly);
    const organiser = [...member, ...all.filter((c) => c.organiserOnly)];
    type Scope = Parameters<Telegraf["telegram"]["setMyCommands"]>[1];
    const menus: [typeof all, NonNullable<Scope>["scope"]][] = [
      [member, { type: "all_private_chats" }],
      [group, { type: "all_group_chats" }],
    ];
    if (this.opts.organiserChatId) menus.push([organiser, { type: "chat", chat_id: this.opts.organiserChatId }]);
    for (const id of this.opts.organiserIds ?? []) menus.push([organiser, { type: "chat", chat_id: id }]);
    for (const [commands, scope] of menus) {
      for (const lang of ["en", "zh-HK"] as const) {
        const list = commands.map((c) => ({ command: c.name, description: c.description[lang].slice(0, 256) }));
        await this.telegraf.telegram
          .setMyCommands(list, { ...(scope ? { scope } : {}), ...(lang === "zh-HK" ? { language_code: "zh" } : {}) })
          .catch((e: unknown) => this.opts.logger.warn("setMyCommands failed", { error: describe(e) }));
      }
    }
  }

  /**
   * Long polling that takes new updates while earlier ones are still being handled: telegraf's own
   * loop handles each batch to its end before asking for more, so one member's slow answer held
   * every update behind it. Each update is kept in the store's inbox before the next getUpdates
   * confirms it to Telegram, and cleared once handled; a restart handles what the inbox still
   * holds first. (Confirming only handled updates instead made every new update wait for a running
   * one to finish: Telegram answers getUpdates at once with the unconfirmed ones.) A 409
   * (another process polls with the same token, or a webhook is set) is retried with backoff; a
   * network failure, a 429 or a 5xx after the wait Telegram asks for; any other failure is fatal and
   * reported to `onFatal`, so a supervisor restarts the bot.
   */
  private poll(allowedUpdates: (typeof ALLOWED_UPDATES)[number][]): void {
    const inbox = this.opts.bot.inbox("telegram");
    this.inbox = inbox;
    const loop = async () => {
      await this.telegraf.telegram.deleteWebhook();
      // What an earlier process received and did not finish, first. (Telegram will not send them
      // again; should it, the core handles an update id once.)
      for (const { id, update } of await inbox.pending<Update>()) this.begin(id, update, inbox);
      let conflicts = 0;
      while (!this.stopped) {
        if (this.running.size >= MAX_RUNNING) {
          await Promise.race(this.running.values());
          continue;
        }
        let updates: Update[];
        try {
          const abort = new AbortController();
          this.polling = abort;
          updates = await this.telegraf.telegram.callApi(
            "getUpdates",
            {
              timeout: LONG_POLL_SECONDS,
              offset: this.nextUpdate,
              // No more than there is room for: at most MAX_RUNNING updates run at once.
              limit: Math.min(TELEGRAM_MAX_BATCH, MAX_RUNNING - this.running.size),
              allowed_updates: allowedUpdates,
            },
            { signal: abort.signal as never },
          );
          conflicts = 0;
        } catch (e) {
          if (this.stopped) return;
          if (e instanceof TelegramError && e.code === 409 && conflicts < MAX_CONFLICT_RETRIES) {
            const base = this.opts.conflictDelayMs ?? CONFLICT_BASE_DELAY_MS;
            const delay = Math.min(CONFLICT_MAX_DELAY_MS, base * 2 ** conflicts);
            this.opts.logger.warn("telegram polling conflict (another poller?); retrying", {
              delayMs: delay,
              attempt: conflicts,
            });
            conflicts++;
            await this.pause(delay);
            continue;
          }
          const transient =
            (e instanceof Error && e.name === "FetchError") ||
            (e instanceof TelegramError && (e.code === 429 || e.code >= 500));
          if (!transient) throw e;
          const after = e instanceof TelegramError ? (e.parameters?.retry_after ?? 5) : 5;
          await this.pause(after * 1000);
          continue;
        }
        const fresh = updates.filter((u) => u.update_id >= this.nextUpdate);
        // Kept before the next getUpdates confirms them: a restart still handles what was received.
        try {
          await inbox.keep(fresh.map((u) => ({ id: u.update_id, update: u })));
        } catch (e) {
          // Not confirmed either: Telegram gives them again once the store answers.
          this.opts.logger.error("telegram: could not keep received updates; fetching them again", {
            error: describe(e),
          });
          await this.pause(STORE_RETRY_MS);
          continue;
        }
        for (const update of fresh) {
          this.nextUpdate = update.update_id + 1;
          this.begin(update.update_id, update, inbox);
        }
      }
    };
    loop().catch((e: unknown) => {
      if (this.stopped) return;
      this.opts.logger.error("telegram polling stopped", { error: describe(e) });
      this.fatal = true;
      this.opts.onFatal?.(e);
    });
  }

  /** Handles a received update, then forgets it in the inbox. */
  private begin(id: number, update: Update, inbox: Inbox): void {
    if (this.running.has(id)) return;
    const work = this.onUpdate(update)
      .then(() => inbox.done(id))
      .catch((e: unknown) =>
        // Kept in the inbox: the next start handles it again.
        this.opts.logger.warn("telegram: an update was not handled", { updateId: id, error: describe(e) }),
      )
      .finally(() => this.running.delete(id));
    this.running.set(id, work);
  }

  /** Waits, cut short when the adapter stops. */
  private pause(ms: number): Promise<void> {
    return new Promise((done) => {
      const wake = () => {
        clearTimeout(timer);
        this.pauses.delete(wake);
        done();
      };
      const timer = setTimeout(wake, ms);
      this.pauses.add(wake);
    });
  }

  /** After a stop: tells Telegram every update was received (those not handled wait in the inbox). */
  private async confirmHandled(): Promise<void> {
    if (this.opts.webhook || this.nextUpdate === 0) return;
    await this.telegraf.telegram
      .callApi("getUpdates", { offset: this.nextUpdate, limit: 1, timeout: 0 })
      .catch((e: unknown) =>
        this.opts.logger.warn("telegram: could not confirm handled updates", { error: describe(e) }),
      );
  }

  /** Stops polling or the webhook server. */
  stop(): void {
    this.stopped = true;
    this.polling?.abort();
    for (const wake of this.pauses) wake();
    this.pauses.clear();
    if (this.opts.webhook) {
      try {
        this.telegraf.stop("shutdown");
      } catch {
        // Not running.
      }
    }
  }

  /** Deliveries for the notifier: durable (through the outbox), failures classified for its retries. */
  delivery(): Delivery {
    const chat = this.opts.organiserChatId;
    return {
      durable: true,
      hasOrganisers: Boolean(chat),
      toMember: async (userId, replies) => {
        await this.sendAll(replies, userId, userId, false, "notice").catch((e: unknown) => {
          throw toFailure(e);
        });
      },
      toOrganisers: async (replies) => {
        if (!chat) return false;
        await this.sendAll(replies, chat, chat, false, "notice").catch((e: unknown) => {
          throw toFailure(e);
        });
        return true;
      },
      toChat: async (chatId, replies) => {
        // Through the outbox, like the notices above (which counts it).
        await this.sendAll(replies, chatId, chatId, false, "notice").catch((e: unknown) => {
          throw toFailure(e);
        });
      },
      closePoll: async (poll) => {
        // stopPoll ends the poll for everyone and returns its final state: Telegram's own counts, which
        // include the votes whose poll_answer updates the bot missed (it was down, or restarting).
        const final = await this.telegraf.telegram.stopPoll(poll.chatId, Number(poll.messageId));
        await this.opts.bot.reconcileNativeCounts("telegram", poll.nativePollId, {
          counts: final.options.map((o) => o.voter_count),
          voters: final.total_voter_count,
        });
      },
    };
  }

  /** Handles one update (polling or a webhook): one member's updates in order, members in parallel. */
  async onUpdate(update: Update): Promise<void> {
    const work = this.route(update);
    this.inflight.add(work);
    try {
      await work;
    } finally {
      this.inflight.delete(work);
    }
  }

  /**
   * Stops taking updates, then waits (at most `timeoutMs`) for the ones being handled to finish and
   * their replies to be sent, so that a restart neither cuts a member off nor loses an update.
   */
  async drain(timeoutMs = 10_000): Promise<void> {
    this.stop();
    // The updates' work, and each one's clearing from the inbox after it.
    const running = [...this.inflight, ...this.running.values()];
    if (running.length === 0) {
      await this.forgetHandled();
      await this.confirmHandled();
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = await Promise.race([
      Promise.allSettled(running).then(() => false),
      new Promise<boolean>((done) => {
        timer = setTimeout(() => done(true), timeoutMs);
      }),
    ]);
    if (timer) clearTimeout(timer);
    if (timedOut) this.opts.logger.error("telegram updates still running at shutdown", { count: this.inflight.size });
    await this.forgetHandled();
    await this.confirmHandled();
  }

  /** Deletes the inbox's records of the updates handled, before the store closes. */
  private async forgetHandled(): Promise<void> {
    await this.inbox?.flush().catch((e: unknown) =>
      // They come back at the next start, and the core recognises them as handled.
      this.opts.logger.warn("telegram: could not clear handled updates", { error: describe(e) }),
    );
  }

  private async route(update: Update): Promise<void> {
    const me = this.me ?? (await this.identify());
    const mapped = mapUpdate(update, me);
    if (mapped.kind === "ignore") return;
    if (mapped.kind === "join") {
      this.gatherJoins(mapped.chat, mapped.newcomers);
      return;
    }
    const who = mapped.kind === "poll" ? mapped.vote.member.platformUserId : mapped.event.member.platformUserId;
    try {
      await this.serial.run(who, () => this.handleMapped(mapped));
    } catch (e) {
      // The reply (or part of it) is lost for good: say which update and whose.
      this.opts.logger.error("telegram update failed", { updateId: update.update_id, userId: who, error: describe(e) });
    }
  }

  /**
   * Newcomers of a chat are gathered for a few seconds and welcomed once, all named: twelve joins
   * one by one, or twelve in one message, get one short welcome, not twelve long ones.
   */
  private gatherJoins(chat: Chat, joined: readonly Member[]): void {
    const now = Date.now();
    for (const [key, at] of this.welcomed) if (now - at > WELCOMED_TTL_MS) this.welcomed.delete(key);
    const newcomers = joined.filter((m) => !this.welcomed.has(`${chat.id}:${m.platformUserId}`));
    for (const m of newcomers) this.welcomed.set(`${chat.id}:${m.platformUserId}`, now);
    if (newcomers.length === 0) return;
    const pending = this.joins.get(chat.id);
    if (pending) {
      pending.members.push(...newcomers);
      return;
    }
    const entry = { members: [...newcomers] };
    this.joins.set(chat.id, entry);
    const timer = setTimeout(() => {
      this.joins.delete(chat.id);
      const first = entry.members[0];
      if (!first) return;
      const work = (async () => {
        const replies = await this.opts.bot.handle({ kind: "join", member: first, chat, newcomers: entry.members });
        await this.sendAll(replies, chat.id.slice("telegram:".length), first.platformUserId, true);
      })().catch((e: unknown) => this.opts.logger.error("telegram welcome failed", { error: describe(e) }));
      this.inflight.add(work);
      void work.finally(() => this.inflight.delete(work));
    }, this.opts.joinWindowMs ?? JOIN_WINDOW_MS);
    timer.unref?.();
  }

  private async handleMapped(
    mapped: Extract<ReturnType<typeof mapUpdate>, { kind: "event" } | { kind: "poll" }>,
  ): Promise<void> {
    if (mapped.kind === "poll") {
      await this.opts.bot.pollVote(mapped.vote);
      return;
    }
    const { event } = mapped;
    let toast: string | undefined;
    let edits: UpdateReply[] = [];
    try {
      // A member's question may be answered as it is written (a language model): one message, edited.
      const live =
        event.kind === "text"
          ? new TelegramLive(
              this.telegraf.telegram,
              event.chat.id.slice("telegram:".length),
              this.liveCalls,
              this.opts.logger,
            )
          : undefined;
      const all = live ? await live.settle(await this.opts.bot.handle(event, live)) : await this.opts.bot.handle(event);
      // The pressed message redrawn (an agenda page's counts) is edited in place, never posted anew.
      edits = all.filter((r): r is UpdateReply => r.type === "update");
      const replies = all.filter((r) => r.type !== "update");
      // A button press answered by one short line ("Thanks for your feedback!") is a toast on the
      // presser's screen: nothing is posted, in a group or a private chat.
      const only = replies.length === 1 ? replies[0] : undefined;
      if (mapped.callbackQueryId && only?.type === "text" && !only.buttons?.length && only.text.length <= TOAST_CHARS) {
        toast = only.text;
      } else {
        const chatId = event.chat.id.slice("telegram:".length);
        await this.sendAll(replies, chatId, event.member.platformUserId, event.chat.type === "group");
      }
    } finally {
      // Acknowledge the press even when sending failed, so the button stops spinning.
      if (mapped.callbackQueryId) {
        await this.telegraf.telegram.answerCbQuery(mapped.callbackQueryId, toast).catch((e: unknown) => {
          this.opts.logger.warn("answerCallbackQuery failed", { error: describe(e) });
        });
      }
    }
    // After the answer: an edit waiting out the group's rate limit does not keep the button spinning.
    const pressed = mapped.pressed;
    if (pressed) for (const r of edits) await this.editPressed(pressed, r);
  }

  /**
   * Edits a pressed message to read as the core redrew it. Edits of one message are coalesced: while
   * one waits its turn in the chat (behind other calls, or a 429), later ones only replace what it
   * will show, so a rush of presses in a group costs a few edits, not one per press. A failure is
   * logged, not thrown: the press itself was handled and answered.
   */
  private async editPressed(where: PressedMessage, r: UpdateReply): Promise<void> {
    const rendered = renderEdit(r);
    if (!rendered) return;
    const chatId = String(where.chatId);
    const key = `${chatId}:${where.messageId}`;
    const queued = this.owedEdits.has(key);
    this.owedEdits.set(key, rendered);
    if (queued) return;
    const retried = () => this.stats.count("telegram", "reply", "retried");
    await this.chats
      .run(chatId, async () => {
        const latest = this.owedEdits.get(key);
        this.owedEdits.delete(key);
        if (!latest) return;
        const extra = {
          parse_mode: "HTML" as const,
          link_preview_options: { is_disabled: true },
          ...(latest.keyboard ? { reply_markup: latest.keyboard } : {}),
        };
        await withRateLimitRetry(
          () => this.telegraf.telegram.editMessageText(chatId, where.messageId, undefined, latest.text, extra),
          retried,
        );
      })
      .catch((e: unknown) => {
        // 400 "message is not modified": it already reads so (another press's edit got there first).
        if (e instanceof TelegramError && e.code === 400 && /not modified/i.test(e.description)) return;
        this.opts.logger.warn("telegram edit of a pressed message failed", { chatId, error: describe(e) });
      });
  }

  private async identify(): Promise<BotIdentity> {
    const info = await this.telegraf.telegram.getMe();
    this.me = { id: info.id, username: info.username };
    return this.me;
  }

  private async sendAll(
    replies: readonly Reply[],
    chatId: string,
    userId: string,
    inGroup: boolean,
    kind: DeliveryKind = "reply",
  ): Promise<void> {
    let toldPrivately = false;
    for (const reply of replies) {
      for (const out of renderReply(reply)) {
        const priv = out.method !== "sendPoll" && out.private && inGroup;
        try {
          await this.send(out, priv ? userId : chatId, kind);
          if (priv && !toldPrivately) {
            toldPrivately = true;
            const note = { method: "sendMessage", text: escapeHtml(NOTE.sentPrivately), private: false } as const;
            await this.send(note, chatId, kind);
          }
        } catch (e) {
          if (priv && e instanceof TelegramError && e.code === 403) {
            const text = escapeHtml(NOTE.startPrivate(this.me?.username ?? "bot"));
            await this.send({ method: "sendMessage", text, private: false }, chatId, kind);
            return;
          }
          throw e;
        }
      }
    }
  }

  /**
   * Sends one rendered item: in order per chat, retried in place after a 429's `retry_after`. Counted:
   * every retry, and a reply's final outcome (a notice's outcome is counted once by the outbox).
   */
  private async send(out: TgOut, chatId: string, kind: DeliveryKind = "reply"): Promise<void> {
    const retried = () => this.stats.count("telegram", kind, "retried");
    try {
      await this.chats.run(chatId, () => withRateLimitRetry(() => this.call(out, chatId), retried));
      if (kind === "reply") this.stats.count("telegram", kind, "sent");
    } catch (e) {
      if (kind === "reply") this.stats.count("telegram", kind, "failed");
      throw e;
    }
  }

  private async call(out: TgOut, chatId: string): Promise<void> {
    const tg = this.telegraf.telegram;
    switch (out.method) {
      case "sendMessage":
        await tg.sendMessage(chatId, out.text, {
          parse_mode: "HTML",
          link_preview_options: { is_disabled: true },
          ...(out.keyboard ? { reply_markup: out.keyboard } : {}),
        });
        return;
      case "sendPoll": {
        const msg = await tg.sendPoll(chatId, out.question, out.options, {
          is_anonymous: false,
          allows_multiple_answers: out.allowsMultiple,
        });
        await this.opts.bot.pollPosted(out.pollId, "telegram", msg.poll.id, {
          chatId: String(chatId),
          messageId: String(msg.message_id),
        });
        return;
      }
      case "sendPhoto":
        await tg.sendPhoto(
          chatId,
          { source: out.content, filename: out.filename },
          out.caption ? { caption: out.caption } : {},
        );
        return;
      case "sendDocument":
        await tg.sendDocument(
          chatId,
          { source: out.content, filename: out.filename },
          out.caption ? { caption: out.caption } : {},
        );
        return;
    }
  }
}
