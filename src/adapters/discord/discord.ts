/**
 * The Discord adapter (discord.js v14): registers every core command as a
 * global slash command (typed options and subcommands, ./commands.ts), maps
 * interactions and messages in, calls the core, renders the replies out.
 * Discord drops an interaction that is not answered within 3 seconds: the
 * core gets `ackAfterMs` (2 s) to answer; when it takes longer the
 * interaction is deferred first and answered by editing or following up. A
 * form can open as a modal only as the first, undeferred answer; otherwise a
 * button opens it (./modals.ts) beside its step-by-step text. Private replies
 * are ephemeral in interactions and go by DM when asked for in a server
 * message; where an answer goes (organisers' lists, pagers) is in
 * ./placement.ts.
 */
import { once } from "node:events";
import {
  type APIModalInteractionResponseCallbackData,
  type ApplicationCommandDataResolvable,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  type Interaction,
  type Message,
  MessageFlags,
  Partials,
  type RepliableInteraction,
  Routes,
  Status,
} from "discord.js";
import type { Bot } from "../../core/bot.ts";
import { type Delivery, DeliveryStats } from "../../core/delivery.ts";
import type { CommandSpec } from "../../core/feature.ts";
import type { Logger, PlatformHealth } from "../../core/ports.ts";
import type { KeyedSerializer } from "../../core/serial.ts";
import type { InboundEvent, Member } from "../../core/types.ts";
import { commandModal, type SlashShape, slashCommand, slashShape } from "./commands.ts";
import { describeFailure, toFailure, within } from "./errors.ts";
import { DiscordLive } from "./live.ts";
import { interactionView, mapInteraction, mapMessage, messageView, optionValues } from "./map.ts";
import { ModalStash } from "./modals.ts";
import { ephemeralMessage, isPageOf, ownMessage, privately, privateOuts } from "./placement.ts";
import { NativeVotes } from "./polls.ts";
import { type DcOut, type MessagePayload, NO_MENTIONS, renderEdit, renderReplies } from "./render.ts";
import { DmRoles } from "./roles.ts";
import { JOIN_WINDOW_MS, JoinGatherer } from "./welcome.ts";

/** What the adapter needs. */
export interface DiscordAdapterOptions {
  readonly token: string;
  /** REST base, e.g. `http://127.0.0.1:PORT/api` for a local fake; the gateway URL comes from its `GET /gateway/bot`. */
  readonly apiBase?: string | undefined;
  /** The channel that receives organiser notices. */
  readonly organiserChannelId?: string | undefined;
  readonly bot: Bot;
  readonly logger: Logger;
  /** How long the core may take before an interaction is deferred (Discord allows 3 s in all). */
  readonly ackAfterMs?: number;
  /** Counters of replies sent, failed and retried (shared with the notifier's for a metrics endpoint). */
  readonly stats?: DeliveryStats;
  /**
   * The privileged GuildMembers intent is enabled for the bot (Developer Portal): newcomers are then
   * welcomed. Off by default: login fails (4014) when asked for without it being enabled.
   */
  readonly guildMembers?: boolean;
  /** Whether organisers are recognised by server role: only then are a DM writer's roles looked up. */
  readonly organiserRoles?: boolean;
  /** How long joins to a server are gathered into one welcome (default 5 s). */
  readonly joinWindowMs?: number;
}

const NOTE = {
  sentPrivately: { content: "I've sent you the details privately. / 詳情已私訊給你。", allowedMentions: NO_MENTIONS },
  dmClosed: {
    content:
      "I need to send you this privately, but your DMs are closed. Please allow direct messages from server members and try again, or use the slash command. / 我需要私訊你，但你關閉了私人訊息。請允許伺服器成員私訊你後再試，或使用斜線指令。",
    allowedMentions: NO_MENTIONS,
  },
  pollPosted: { content: "Poll posted. / 已發佈投票。", allowedMentions: NO_MENTIONS },
  failed: {
    content: "Sorry, I couldn't send my answer. Please try again. / 抱歉，未能傳送回覆，請再試一次。",
    allowedMentions: NO_MENTIONS,
  },
} satisfies Record<string, MessagePayload>;

type Sendable = { send(p: MessagePayload): Promise<Message> };
type Answering = "fresh" | "deferredReply" | "deferredUpdate" | "replied" | "modal";

/** Runs the bot on Discord. */
export class DiscordAdapter {
  readonly client: Client;
  /** Native poll votes, in order per member and poll, and reconciled from Discord before a result freezes. */
  private readonly votes: NativeVotes;
  private readonly shapes = new Map<string, SlashShape>();
  /** Modals that could not be shown yet, opened by a button. */
  private readonly modals = new ModalStash();
  /** Server roles of members writing in DMs. */
  private readonly dmRoles: DmRoles;
  /**
   * One member's interactions and messages reach the core one after another (across instances
   * sharing a store too); members run in parallel.
   */
  private readonly serial: KeyedSerializer;
  /** Interactions and messages being answered (drained on shutdown). */
  private readonly inflight = new Set<Promise<void>>();
  private stopping = false;
  /** Answers to interactions and messages sent or failed; rate limits discord.js waited out, as retries. */
  readonly stats: DeliveryStats;

  constructor(private readonly opts: DiscordAdapterOptions) {
    this.stats = opts.stats ?? new DeliveryStats();
    // In order per member; across instances too when they share a store (a lease in it).
    this.serial = opts.bot.memberOrder("discord");
    const G = GatewayIntentBits;
    this.client = new Client({
      intents: [
        G.Guilds,
        G.GuildMessages,
        G.DirectMessages,
        // No MessageContent: it is privileged (login fails with 4014 unless enabled in the Developer Portal),
        // and Discord sends the content of DMs and of messages that mention the bot without it.
        G.GuildMessagePolls,
        G.DirectMessagePolls,
        ...(opts.guildMembers ? [G.GuildMembers] : []),
      ],
      partials: [Partials.Channel, Partials.Message, Partials.User, Partials.Poll, Partials.PollAnswer],
      allowedMentions: NO_MENTIONS,
      // No margin on top of rate-limit waits (discord.js adds 50 ms): the global window of 50 requests/s
      // is kept here, and a bucket's reset is counted from when its response arrived, after Discord
      // started counting. At the global limit the margin made every send of a busy second wait 50 ms
      // more; a 429 Discord still sends is waited out by discord.js (and counted as a retry).
      rest: { offset: 0, ...(opts.apiBase ? { api: opts.apiBase } : {}) },
    });
    this.dmRoles = new DmRoles(this.client);
    this.client.on(Events.InteractionCreate, (i) => this.track(this.guard("interaction", () => this.onInteraction(i))));
    this.client.on(Events.MessageCreate, (m) => this.track(this.answerMessage(m)));
    if (opts.guildMembers) {
      const joins = new JoinGatherer(opts.joinWindowMs ?? JOIN_WINDOW_MS, (ch, newcomers) =>
        this.guard("welcome", () => this.welcome(ch, newcomers)),
      );
      this.client.on(Events.GuildMemberAdd, (m) => joins.add(m));
    }
    this.votes = new NativeVotes(this.client, opts.bot, (what, work) => this.guard(what, work));
    this.client.on(Events.MessagePollVoteAdd, (a, userId) => this.votes.onVote(a, userId, true));
    this.client.on(Events.MessagePollVoteRemove, (a, userId) => this.votes.onVote(a, userId, false));
    this.client.on(Events.Error, (e) => opts.logger.error("discord client error", describeFailure(e)));
    // discord.js waits out a 429 (and a 5xx) and retries the request itself, in order per bucket: count it.
    this.client.rest.on("response", (_req, res) => {
      if (res.status === 429 || res.status >= 500) this.stats.count("discord", "reply", "retried");
    });
  }

  /** Connects to the gateway, waits until ready, and registers the slash commands. */
  async start(): Promise<void> {
    await Promise.all([once(this.client, Events.ClientReady), this.client.login(this.opts.token)]);
    await this.client.application?.commands.set(this.commands());
  }

  /** Disconnects. */
  async stop(timeoutMs = 10_000): Promise<void> {
    await this.drain(timeoutMs);
    await this.client.destroy();
  }

  /**
   * Stops taking interactions and messages (Discord tells their senders "did not respond") and waits,
   * at most `timeoutMs`, for those being answered, so that no deferred answer stays "thinking".
   * The client stays connected (notices can still be sent) until {@link stop}.
   */
  async drain(timeoutMs = 10_000): Promise<void> {
    this.stopping = true;
    const running = [...this.inflight, ...this.votes.pending()];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = await Promise.race([
      Promise.allSettled(running).then(() => false),
      new Promise<boolean>((done) => {
        timer = setTimeout(() => done(true), timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    if (timedOut) this.opts.logger.error("discord answers still running at shutdown", { count: this.inflight.size });
  }

  /** Keeps an answer in flight until it settles. */
  private track(work: Promise<void>): void {
    this.inflight.add(work);
    void work.finally(() => this.inflight.delete(work));
  }

  /** Deliveries for the notifier (durable, through the outbox): DMs to members, messages to the organiser channel. */
  delivery(): Delivery {
    const id = this.opts.organiserChannelId;
    const failing = (e: unknown) => {
      throw toFailure(e);
    };
    return {
      durable: true,
      hasOrganisers: Boolean(id),
      toMember: async (userId, replies) => {
        const user = await this.client.users.fetch(userId).catch(failing);
        await this.sendOuts(renderReplies(replies), async () => user).catch(failing);
      },
      toOrganisers: async (replies) => {
        if (!id) return false;
        const channel = await this.channel(id).catch(failing);
        await this.sendOuts(renderReplies(replies), async () => channel).catch(failing);
        return true;
      },
      toChat: async (channelId, replies) => {
        // Through the outbox, like the notices above (which counts it).
        const channel = await this.channel(channelId).catch(failing);
        await this.sendOuts(renderReplies(replies), async () => channel).catch(failing);
      },
      closePoll: async (poll) => {
        // POST /channels/{channel}/polls/{message}/expire: the poll ends for everyone on Discord.
        await this.client.rest.post(Routes.expirePoll(poll.chatId, poll.messageId));
        await this.votes.reconcile(poll.chatId, poll.messageId);
      },
    };
  }

  /**
   * Whether Discord is reachable, for /healthz: the gateway connection is ready (no call made; the
   * gateway's heartbeat keeps it honest); otherwise the gateway's state is the reason.
   */
  health(): PlatformHealth {
    return {
      platform: "discord",
      check: async () => {
        const ws = this.client.ws;
        // The manager says Ready once all shards first were; each shard's own state follows its connection.
        const down = ws.status === Status.Ready ? ws.shards.find((shard) => shard.status !== Status.Ready) : undefined;
        if (ws.status === Status.Ready && !down) return { ok: true };
        const status = down?.status ?? ws.status;
        return { ok: false, detail: `gateway ${Status[status] ?? status}` };
      },
    };
  }

  /** The slash commands: every core command with typed options or subcommands, in English and Traditional Chinese. */
  commands(): ApplicationCommandDataResolvable[] {
    return this.opts.bot.commandList().map((c) => slashCommand(c, this.shapeOf(c.name)));
  }

  /** A command's Discord shape, read once from its usage. */
  private shapeOf(name: string): SlashShape | undefined {
    let shape = this.shapes.get(name);
    if (!shape) {
      const spec = this.spec(name);
      if (!spec) return undefined;
      shape = slashShape(spec);
      this.shapes.set(name, shape);
    }
    return shape;
  }

  /** Handles one interaction: map, ask the core (deferring if slow), answer, and always acknowledge. */
  async onInteraction(i: Interaction): Promise<void> {
    if (!i.isRepliable() || this.stopping) return;
    let state: Answering = "fresh";
    try {
      state = await this.answer(i);
      this.stats.count("discord", "reply", "sent");
    } catch (e) {
      this.stats.count("discord", "reply", "failed");
      this.opts.logger.error("discord interaction failed", {
        interactionId: i.id,
        userId: i.user.id,
        ...describeFailure(e),
      });
      // Best effort: tell the member instead of leaving Discord's "did not respond".
      const note = { ...NOTE.failed, flags: MessageFlags.Ephemeral as const };
      const tell = i.replied || i.deferred ? i.followUp(note) : i.reply(note);
      await tell.catch((e2: unknown) => this.opts.logger.warn("discord failure note not sent", describeFailure(e2)));
      return;
    }
    // Every interaction is acknowledged, even when there was nothing to say.
    if (state === "fresh") {
      if (i.isMessageComponent()) await i.deferUpdate();
      else {
        await i.deferReply({ flags: MessageFlags.Ephemeral });
        await i.deleteReply();
      }
    } else if (state === "deferredReply") await i.deleteReply();
  }

  private async answer(i: RepliableInteraction): Promise<Answering> {
    const held = i.isButton() ? this.modals.take(i.customId, i.user.id) : undefined;
    if (held && i.isButton()) {
      await i.showModal(held);
      return "modal";
    }
    const view = interactionView(i, (name) => this.shapeOf(name));
    const event = view ? mapInteraction(view) : undefined;
    if (!event) return "fresh";
    const asked = this.commandModal(i, event);
    if (asked && i.isChatInputCommand()) {
      await i.showModal(asked);
      return "modal";
    }
    const spec = event.kind === "command" && i.inGuild() ? this.spec(event.command) : undefined;
    if (spec?.privateOnly) return this.answerInDm(i, event);
    // Queued behind the member's earlier events; the 3-second clock runs from arrival, so a queued
    // interaction is deferred in time.
    // /ask may be answered as it is written (a language model): the deferred reply is edited.
    const live = i.isChatInputCommand() && event.kind === "command" ? new DiscordLive(i, this.opts.logger) : undefined;
    // Interactions in DMs carry no roles: a server's organiser role counts there too (read within the 3 s).
    const work = this.serial.run(i.user.id, async () =>
      this.opts.bot.handle(i.inGuild() ? event : await this.withDmRoles(event), live),
    );
    let replies = await within(work, this.opts.ackAfterMs ?? 2000);
    let state: Answering = "fresh";
    if (!replies) {
      if (i.isMessageComponent()) await i.deferUpdate();
      else await (live ? live.defer() : i.deferReply());
      state = i.isMessageComponent() ? "deferredUpdate" : "deferredReply";
      replies = await work;
    }
    const streamed = live ? await live.settle(replies) : { shown: false, continued: false };
    if (state === "fresh" && i.deferred) state = "deferredReply";
    // What was shown stays when the answer doesn't continue it (a broken stream): the rest follows it.
    if (streamed.shown && !streamed.continued) state = "replied";
    if (i.isMessageComponent() && !ownMessage(i)) {
      // Another page of another member's message is shown to the presser alone: theirs stays as it was.
      replies = replies.map((r) => (r.type === "update" && r.pageTurn ? { ...r.reply, private: true } : r));
    }
    let outs = renderReplies(spec?.organiserOnly ? privately(replies) : replies);
    if (i.isMessageComponent()) {
      // The pressed message redrawn by the core (an agenda page's counts) replaces it: the
      // interaction's own update, so the rest (the presser's note) follows it, ephemeral.
      const update = replies.find((r) => r.type === "update");
      const redrawn = update && (state === "fresh" || state === "deferredUpdate") ? renderEdit(update) : undefined;
      if (redrawn) {
        await (state === "fresh" ? i.update(redrawn) : i.editReply(redrawn));
        return this.answerInteraction(i, ephemeralMessage(i) ? privateOuts(outs) : outs, "replied");
      }
      // A press on an ephemeral message is answered ephemerally, and so is a page of another member's list.
      const page = (state === "fresh" || state === "deferredUpdate") && isPageOf(i.customId, outs[0]);
      const own = ownMessage(i);
      if (ephemeralMessage(i) || (page && !own)) outs = privateOuts(outs);
      if (page && own) return this.turnPage(i, outs, state);
    }
    return this.answerInteraction(i, outs, state, streamed.continued);
  }

  /** The pressed message becomes the next page (the rest of the answer follows it). */
  private async turnPage(i: RepliableInteraction, outs: readonly DcOut[], state: Answering): Promise<Answering> {
    const [first, ...rest] = outs;
    if (first?.kind !== "message" || !i.isMessageComponent()) return this.answerInteraction(i, outs, state);
    const page = { content: "", embeds: [], ...first.payload };
    await (state === "fresh" ? i.update(page) : i.editReply(page));
    return this.answerInteraction(i, rest, "replied");
  }

  /**
   * A command about the member's own records used in a server (`/donate`, `/mydata`): run in their DMs,
   * answered there, and the interaction told so privately.
   */
  private async answerInDm(i: RepliableInteraction, event: InboundEvent): Promise<Answering> {
    await i.deferReply({ flags: MessageFlags.Ephemeral });
    try {
      const dm = await i.user.createDM();
      const moved: InboundEvent = { ...event, chat: { id: `discord:${dm.id}`, type: "private" } };
      const replies = await this.serial.run(i.user.id, () => this.opts.bot.handle(moved));
      await this.sendOuts(renderReplies(replies), async () => dm, i.user.id);
      await i.editReply(NOTE.sentPrivately);
    } catch (e) {
      // 50007: Cannot send messages to this user (DMs closed).
      if (!(e instanceof DiscordAPIError && e.code === 50007)) throw e;
      await i.editReply(NOTE.dmClosed);
    }
    return "replied";
  }

  /** A command about the member's own records typed in a mention (`@bot /donate`). */
  private privateCommand(event: InboundEvent): boolean {
    const name = event.kind === "text" ? /^\/([a-z0-9_]+)(?:@\S*)?(?:\s|$)/i.exec(event.text)?.[1] : undefined;
    return Boolean(name && this.spec(name.toLowerCase())?.privateOnly);
  }

  /** Runs such a command in the member's DMs; the channel gets one short note, as a reply to the mention. */
  private async messageInDm(m: Message, event: InboundEvent): Promise<void> {
    const here = await this.channel(m.channelId);
    const reply = { reply: { messageReference: m.id, failIfNotExists: false } };
    try {
      const dm = await m.author.createDM();
      const moved: InboundEvent = { ...event, chat: { id: `discord:${dm.id}`, type: "private" } };
      const replies = await this.opts.bot.handle(moved);
      await this.sendOuts(renderReplies(replies), async () => dm, m.author.id);
      await here.send({ ...NOTE.sentPrivately, ...reply });
    } catch (e) {
      if (!(e instanceof DiscordAPIError && e.code === 50007)) throw e;
      await here.send({ ...NOTE.dmClosed, ...reply });
    }
    this.stats.count("discord", "reply", "sent");
  }

  private spec(name: string): CommandSpec | undefined {
    return this.opts.bot.commandList().find((c) => c.name === name);
  }

  /** The modal of a command with several free-text parts used without all it needs (`/propose`). */
  private commandModal(
    i: RepliableInteraction,
    event: InboundEvent,
  ): APIModalInteractionResponseCallbackData | undefined {
    if (!i.isChatInputCommand() || event.kind !== "command") return undefined;
    const shape = this.shapeOf(event.command);
    const spec = this.spec(event.command);
    if (!shape?.modal || !spec) return undefined;
    // A part missing (a required one, or any declared one): the modal asks for it, the given ones filled in.
    const values = optionValues(i);
    const missing = shape.params.some((p) => (p.required || shape.fields) && !values[p.name]?.trim());
    return missing ? commandModal(spec, shape, values, i.locale.startsWith("zh") ? "zh-HK" : "en") : undefined;
  }

  private async answerInteraction(
    i: RepliableInteraction,
    outs: readonly DcOut[],
    initial: Answering,
    /** The deferred reply holds streamed text: the final edit replaces it. */
    streamed = false,
  ): Promise<Answering> {
    let state = initial;
    let posted = false;
    const inGuild = i.inGuild();
    for (const [n, out] of outs.entries()) {
      if (out.kind === "form") {
        const canModal = n === 0 && state === "fresh" && !i.isModalSubmit() && out.modal !== undefined;
        if (canModal && out.modal) {
          await i.showModal(out.modal);
          state = "modal";
        } else state = await this.answerInteraction(i, this.modals.withButton(i.user.id, out), state);
        continue;
      }
      if (out.kind === "poll") {
        const msg = await (await this.channel(i.channelId ?? "")).send(out.payload);
        await this.opts.bot.pollPosted(out.pollId, "discord", msg.id, { chatId: msg.channelId, messageId: msg.id });
        posted = true;
        continue;
      }
      if (state === "modal") {
        // A modal was the answer: the rest goes to the channel, private parts by DM.
        const to = out.private && inGuild ? i.user : await this.channel(i.channelId ?? "");
        await to.send(out.payload);
        continue;
      }
      const flags = out.private ? { flags: MessageFlags.Ephemeral as const } : {};
      if (state === "fresh") {
        await i.reply({ ...out.payload, ...flags });
        state = "replied";
      } else if (state === "deferredReply" && !out.private) {
        await i.editReply(streamed ? { content: "", ...out.payload } : out.payload);
        state = "replied";
      } else {
        await i.followUp({ ...out.payload, ...flags });
        if (state === "deferredUpdate") state = "replied";
      }
    }
    if (posted && state === "fresh") {
      await i.reply({ ...NOTE.pollPosted, flags: MessageFlags.Ephemeral });
      state = "replied";
    }
    return state;
  }

  /** Handles one message: DMs, and server messages that mention the bot or reply to it. */
  /**
   * A DM event with its writer's server roles, only when organisers are recognised by role: each
   * lookup is a REST call, against Discord's 50 requests/s for the whole bot.
   */
  private async withDmRoles(event: InboundEvent): Promise<InboundEvent> {
    if (!this.opts.organiserRoles) return event;
    return this.dmRoles.withRoles(event);
  }

  async onMessage(m: Message): Promise<void> {
    const me = this.client.user;
    if (!me) return;
    const mapped = mapMessage(messageView(m), me.id);
    if (!mapped) return;
    const event = m.inGuild() ? mapped : await this.withDmRoles(mapped);
    if (m.inGuild() && this.privateCommand(event)) return this.messageInDm(m, event);
    const replies = await this.opts.bot.handle(event);
    const here = await this.channel(m.channelId);
    if (!m.inGuild()) {
      await this.sendOuts(renderReplies(replies), async () => here, m.author.id);
      this.stats.count("discord", "reply", "sent");
      return;
    }
    let toldPrivately = false;
    // In a server the first public answer replies to the member's message (no ping: allowed mentions are
    // empty), so that in a busy channel it is clear what it answers.
    let referenced = false;
    const replyHere: Sendable = {
      send: async (p) => {
        if (referenced) return here.send(p);
        referenced = true;
        const withReference = { ...p, reply: { messageReference: m.id, failIfNotExists: false } };
        return here.send(withReference);
      },
    };
    try {
      await this.sendOuts(
        renderReplies(replies),
        async (priv) => {
          if (!priv) return replyHere;
          if (!toldPrivately) {
            toldPrivately = true;
            // Tell the channel once, after the first private message went out.
            return {
              send: async (p) => {
                const sent = await m.author.send(p);
                await here.send(NOTE.sentPrivately);
                return sent;
              },
            };
          }
          return m.author;
        },
        m.author.id,
      );
    } catch (e) {
      // 50007: Cannot send messages to this user (DMs closed).
      if (e instanceof DiscordAPIError && e.code === 50007) await here.send(NOTE.dmClosed);
      else throw e;
    }
    this.stats.count("discord", "reply", "sent");
  }

  /** Answers a message; a reply lost for good is counted and logged with the message and the member. */
  private async answerMessage(m: Message): Promise<void> {
    if (this.stopping) return;
    try {
      // The whole message, replies included: a member's second message is answered after the first.
      await this.serial.run(m.author.id, () => this.onMessage(m));
    } catch (e) {
      this.stats.count("discord", "reply", "failed");
      this.opts.logger.error("discord message failed", { messageId: m.id, userId: m.author.id, ...describeFailure(e) });
    }
  }

  /** Welcomes a burst of newcomers in one message, in the server's system channel. */
  private async welcome(channelId: string, newcomers: readonly Member[]): Promise<void> {
    const [first] = newcomers;
    if (!first) return;
    const chat = { id: `discord:${channelId}`, type: "group" as const };
    const replies = await this.opts.bot.handle({ kind: "join", member: first, chat, newcomers });
    const here = await this.channel(channelId);
    // Nothing private is posted in the channel: a welcome is public by nature.
    await this.sendOuts(
      renderReplies(replies).filter((o) => o.kind !== "message" || !o.private),
      async () => here,
    );
  }

  /**
   * Sends rendered items outside an interaction; forms show their step-by-step text, and a button
   * that opens their modal when sent to `userId`.
   */
  private async sendOuts(
    outs: readonly DcOut[],
    target: (priv: boolean) => Promise<Sendable>,
    userId?: string,
  ): Promise<void> {
    for (const out of outs) {
      if (out.kind === "form") await this.sendOuts(userId ? this.modals.withButton(userId, out) : out.fallback, target);
      else if (out.kind === "poll") {
        const msg = await (await target(false)).send(out.payload);
        await this.opts.bot.pollPosted(out.pollId, "discord", msg.id, { chatId: msg.channelId, messageId: msg.id });
      } else await (await target(out.private)).send(out.payload);
    }
  }

  private async channel(id: string): Promise<Sendable> {
    const ch = await this.client.channels.fetch(id);
    if (!ch?.isSendable()) throw new Error(`cannot send to Discord channel ${id}`);
    return ch;
  }

  private async guard(what: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (e) {
      this.opts.logger.error(`discord ${what} failed`, describeFailure(e));
    }
  }
}

export { describeFailure } from "./errors.ts";
