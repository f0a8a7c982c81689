/**
 * The bot: the one entry point adapters call. It de-duplicates deliveries,
 * cleans input, picks the language, routes commands, buttons, conversations
 * and poll votes to features, and turns failures into clear replies.
 */
import { StoreUnavailableError } from "./errors.ts";
import type { CommandSpec, Context, Feature, Services } from "./feature.ts";
import { detectLang, fill, type Localised, langFromLocale, t } from "./i18n.ts";
import { Identities } from "./identity/identities.ts";
import { Inbox } from "./inbox.ts";
import type { LiveReply } from "./live.ts";
import { ACKNOWLEDGEMENT, type NativePoll, type Script, type StoreWrite } from "./ports.ts";
import { convertTexts, type Reply, text } from "./replies.ts";
import { KeyedSerializer, MemberLease } from "./serial.ts";
import { cleanText, hasWords, MAX_MESSAGE_CHARS, saysSomething, truncate } from "./text.ts";
import type { InboundEvent, Lang, Member, Platform, PollVoteEvent } from "./types.ts";

const DEDUP_TTL_MS = 24 * 60 * 60 * 1000;
/** Discord polls last at most 32 days (768 hours); a selection is kept that long. */
const POLL_SELECTION_TTL_MS = 32 * 24 * 60 * 60 * 1000;
/** Where native polls were posted, kept as long as a native poll can run. */
const NATIVE_POLL_TTL_MS = POLL_SELECTION_TTL_MS;

/** A command as typed: its name (for this bot or `@another`) and its arguments. */
const COMMAND = /^\/([A-Za-z0-9_]{1,32})(?:@\S+)?(?:\s+([\s\S]*))?$/;

/** A message's text as the bot reads it: cut to {@link MAX_MESSAGE_CHARS}. */
function bodyOf(raw: string): string {
  return raw.length > MAX_MESSAGE_CHARS ? truncate(raw, MAX_MESSAGE_CHARS) : raw;
}

/** A message that asks something (it ends in a question mark or a question particle). */
function asksAside(text: string): boolean {
  if (!/\p{L}{2}/u.test(text)) return false;
  const bare = text.replace(/[\p{Extended_Pictographic}\s]+$/u, "");
  // A question mark, or a question no form field is answered with ("why do they even do it tho").
  return /[?？]\s*$|[嗎吗呢咩]\s*$/u.test(bare) || ASIDE_QUESTION.test(bare);
}

/**
 * Questions that never answer a form's field, however typed: a reason, who, what, which, whether there is
 * something or the member must or may do something ("is there a deadline", "do we need to pack them");
 * and requests to be told something ("煩請告知收集點的地址。", "please let me know the opening hours").
 */
const ASIDE_QUESTION =
  /^(?:煩請|烦请|敬請|敬请|懇請|恳请|請|请|麻煩|麻烦|唔該|唔该)?(?:你|您|貴會|贵会)?(?:告知|告訴我|告诉我|話俾我知|话俾我知|話我知|话我知|說明|说明)|^(?:please|pls|kindly)\s+(?:tell me|let me know|advise|confirm|explain)\b|^(?:(?:and|so|but|ok|okay|k|wait|hmm),?\s+)*(?:why|how come|who|whom|what|which)\b\s+\S+\s+\S+|^(?:(?:and|so|but|ok|okay|k|wait|hmm),?\s+)*(?:how|where|when)\s+(?:do|does|did|is|are|was|were|can|could|will|would|should)\b|^(?:(?:and|so|but|ok|okay|k|wait|hmm),?\s+)*(?:(?:is|are)\s+there|(?:do|does|must|should)\s+(?:i|we|you|u)|(?:can|may)\s+(?:i|we))\b|^(?:咁|噉|那|但)?(?:點解|点解|為什麼|为什么|為甚麼|為何|为何|為啥|为啥|幹嘛|干嘛|做乜|做咩|咋|邊個|边个|誰|谁|有冇|有沒有|有没有|係咪|是不是|可唔可以|可不可以|能不能)|點樣|点样|點處理|点处理|點做|点做|怎樣|怎样|怎麼|怎么|如何|邊度|边度|哪裡|哪里|甚麼|什麼|什么|乜嘢|啥|邊個|边个|邊位|边位|誰|谁|邊間|边间|哪個|哪个|哪間|哪间|第幾|第几/iu;

const M = {
  empty: {
    en: "I didn't catch anything to answer. Ask me a question about the association, or send /help to see what I can do.",
    "zh-HK": "我未能讀到任何內容。請向我查詢有關協會的問題，或輸入 /help 查看我可以做甚麼。",
  },
  truncated: {
    en: "Your message was very long, so I read only its first {n} characters.",
    "zh-HK": "你的訊息太長，我只讀取了首 {n} 個字元。",
  },
  unknownCommand: {
    en: "I don't know the command /{name}. Send /help to see the commands.",
    "zh-HK": "我不認識指令 /{name}。請輸入 /help 查看所有指令。",
  },
  organiserOnly: {
    en: "Only organisers can use /{name}.",
    "zh-HK": "只有籌辦人可以使用 /{name}。",
  },
  unavailable: {
    en: "I can't reach my records right now. Nothing was changed; please try again shortly.",
    "zh-HK": "暫時無法存取紀錄，沒有任何更改。請稍後再試。",
  },
  failed: {
    en: "Something went wrong on my side and nothing was changed. Please try again; if it keeps happening, tell an organiser.",
    "zh-HK": "系統出錯，沒有任何更改。請再試一次；如問題持續，請通知籌辦人。",
  },
  cancelled: { en: "Cancelled. Nothing was saved.", "zh-HK": "已取消，沒有儲存任何資料。" },
  nothingToCancel: { en: "There is nothing to cancel.", "zh-HK": "目前沒有可取消的操作。" },
  stillOpen: {
    en: "Your form is still open: answer the question below, or send /cancel to stop.",
    "zh-HK": "你的表格仍在進行中：請回答以下問題，或輸入 /cancel 取消。",
  },
  slowDown: {
    en: "You're sending messages faster than I can keep up with. Please wait a minute and try again.",
    "zh-HK": "你發送訊息的速度太快。請等一分鐘後再試。",
  },
  auditKept: {
    en: "Audit log, {at}: {action} {target} (recorded as {name})",
    "zh-HK": "審計紀錄，{at}：{action} {target}（記錄名稱：{name}）",
  },
  languageKept: {
    en: "The language you write in, so that later notices reach you in it: {lang}",
    "zh-HK": "你使用的語言（日後通知會以此語言發送）：{lang}",
  },
  staleButton: {
    en: "That button no longer does anything. Send /help to start again.",
    "zh-HK": "這個按鈕已失效。請輸入 /help 重新開始。",
  },
} satisfies Record<string, Localised>;

/** Answers free text that is not part of a conversation (the knowledge base); `live` shows an answer as it is written. */
export type FallbackHandler = (ctx: Context, text: string, live?: LiveReply) => Promise<Reply[]>;

/** Tuning of the bot. */
export interface BotOptions {
  /** Events a member may send per minute; further ones get one warning, then silence until the minute ends. */
  readonly rateLimitPerMinute?: number;
}

/** The platform-free bot. */
export class Bot {
  private readonly commands = new Map<string, { feature: Feature; spec: CommandSpec }>();
  private readonly features = new Map<string, Feature>();
  private readonly identities: Identities;
  /** Each member's events in the current minute, counted here when the store is this process's alone. */
  private minuteCounts = { minute: -1, counts: new Map<string, number>() };

  constructor(
    private readonly services: Services,
    features: readonly Feature[],
    private readonly fallback: FallbackHandler,
    private readonly options: BotOptions = {},
  ) {
    this.identities = services.records?.identities ?? new Identities(services.store);
    for (const f of features) {
      if (this.features.has(f.name)) throw new Error(`duplicate feature ${f.name}`);
      this.features.set(f.name, f);
      for (const spec of f.commands) {
        if (!/^[a-z0-9_]{1,32}$/.test(spec.name)) throw new Error(`bad command name ${spec.name}`);
        if (this.commands.has(spec.name) || spec.name === "cancel") throw new Error(`duplicate command ${spec.name}`);
        this.commands.set(spec.name, { feature: f, spec });
      }
    }
  }

  /** Every command, for /help and for registering slash commands on the platforms. */
  commandList(): CommandSpec[] {
    const cancel: CommandSpec = {
      name: "cancel",
      description: { en: "Abandon what you are doing (a form, a proposal)", "zh-HK": "放棄目前的操作（表格、提案）" },
      run: async () => [],
    };
    return [...[...this.commands.values()].map((c) => c.spec), cancel];
  }

  /**
   * What keeps one member's events of a platform in order: within this process always, and across
   * instances (a lease in the store) when the store is shared; a store this process has alone
   * (the default SQLite file) costs nothing more. Keys are platform user ids.
   */
  memberOrder(platform: Platform): KeyedSerializer {
    const store = this.services.store;
    if (!store.shared) return new KeyedSerializer();
    const lease = new MemberLease(store, this.services.logger);
    return new KeyedSerializer({ hold: (key, task) => lease.hold(`${platform}:${key}`, task) });
  }

  /** A platform's received updates not yet handled (see inbox.ts). */
  inbox(platform: Platform): Inbox {
    return new Inbox(this.services.store, platform);
  }

  /** Whether a member is an organiser. */
  isOrganiser(member: Member): boolean {
    return this.services.policy.isOrganiser(member);
  }

  /** Handles one inbound event and returns what to answer; `live` may show a free-text answer as it is written. Never throws. */
  async handle(incoming: InboundEvent, live?: LiveReply): Promise<Reply[]> {
    let fallbackLang = langFromLocale(incoming.member.locale);
    // First: the reading then runs while the event loop checks and records the event.
    if (incoming.kind === "text") this.readAhead(incoming.text);
    try {
      if (incoming.eventId && !(await this.firstDelivery(incoming.member.platform, incoming.eventId))) return [];
      // A linked account acts as its canonical member (see identity/identities.ts).
      const event = { ...incoming, member: await this.identities.resolve(incoming.member) };
      // What the member usually writes in answers what says nothing of a language ("91234567", a button).
      const usual = await this.services.languages?.get(event.member.id);
      if (usual) fallbackLang = usual.lang;
      const usualScript = usual?.script;
      const limited = await this.rateLimited(event.member);
      if (limited) return limited === "warn" ? [text(t(fallbackLang, M.slowDown))] : [];
      switch (event.kind) {
        case "text":
          return await this.onText(event.member, event.chat, event.text, fallbackLang, usualScript, live);
        case "command": {
          const script = await this.script(event.args, usualScript);
          await this.rememberLanguage(event.member, event.args, script);
          const ctx = this.context(event.member, event.chat, detectLang(event.args, fallbackLang), script);
          const shown = script === "hans" ? undefined : live;
          return await this.localise(await this.onCommand(ctx, event.command, cleanText(event.args), shown), script);
        }
        case "action": {
          const ctx = this.context(event.member, event.chat, fallbackLang, usualScript);
          return await this.localise(await this.onAction(ctx, event.data), usualScript);
        }
        case "form":
          return await this.localise(
            await this.onForm(event.member, event.chat, event.formId, event.values, fallbackLang),
            usualScript,
          );
        case "join": {
          const ctx = this.context(event.member, event.chat, fallbackLang);
          const replies: Reply[] = [];
          for (const f of this.features.values()) replies.push(...((await f.onJoin?.(ctx, event.newcomers)) ?? []));
          return replies;
        }
      }
    } catch (e) {
      return this.failure(e, fallbackLang, incoming.kind);
    }
  }

  /**
   * Records that a poll reply was posted on a platform, so its native votes reach the right poll,
   * and (with `where`) so that closing it ends the native poll too.
   */
  async pollPosted(
    pollId: string,
    platform: Platform,
    nativePollId: string,
    where?: { readonly chatId: string; readonly messageId: string },
  ): Promise<void> {
    await this.services.store.set("pollmap", `${platform}:${nativePollId}`, { pollId });
    if (where) {
      const native: NativePoll = { platform, nativePollId, ...where };
      await this.services.store.set("pollnative", `${pollId}|${platform}:${nativePollId}`, native, NATIVE_POLL_TTL_MS);
    }
  }

  /** A vote in a native poll. Unknown polls are ignored. */
  async pollVote(event: PollVoteEvent): Promise<void> {
    try {
      if (event.eventId && !(await this.firstDelivery(event.platform, event.eventId))) return;
      const map = await this.services.store.get<{ pollId: string }>(
        "pollmap",
        `${event.platform}:${event.nativePollId}`,
      );
      if (!map) return;
      const feature = this.features.get(map.pollId.split(":")[0] ?? "");
      const member = await this.identities.resolve(event.member);
      const options =
        "change" in event ? await this.selection(map.pollId, member.id, event.change) : event.optionIndexes;
      await feature?.onPollVote?.(member, map.pollId, options);
      // A whole ballot reported by the platform (Telegram) is kept per native poll, so that closing
      // can tell the votes the bot saw from those it missed (see reconcileNativeCounts).
      if (!("change" in event)) {
        const seen = `${event.platform}:${event.nativePollId}|${member.id}`;
        if (options.length > 0) await this.services.store.set("pollseen", seen, options, POLL_SELECTION_TTL_MS);
        else await this.services.store.delete("pollseen", seen);
      }
    } catch (e) {
      this.services.logger.error("poll vote failed", { error: String(e) });
    }
  }

  /**
   * Makes the core's ballots of one native poll what the platform reports (read from it when the
   * poll closes): each voter gets their whole ballot, and a member whose selection was kept from
   * this platform's vote events but who is no longer among the voters (a retraction the bot missed)
   * gets an empty one. Voters are platform user ids.
   */
  async reconcileNativePoll(
    platform: Platform,
    nativePollId: string,
    voters: readonly { readonly member: Member; readonly optionIndexes: readonly number[] }[],
  ): Promise<void> {
    const map = await this.services.store.get<{ pollId: string }>("pollmap", `${platform}:${nativePollId}`);
    if (!map) return;
    const present = new Set(voters.map((v) => v.member.id));
    const gone: Member[] = [];
    for (const { key } of await this.services.store.list("pollsel", `${map.pollId}:${platform}:`)) {
      const id = key.slice(map.pollId.length + 1);
      if (present.has(id)) continue;
      const platformUserId = id.slice(platform.length + 1);
      gone.push({ id, platform, platformUserId, displayName: platformUserId });
    }
    const ballots = [...voters, ...gone.map((member) => ({ member, optionIndexes: [] as readonly number[] }))];
    for (const { member, optionIndexes } of ballots) {
      await this.pollVote({ member, platform, nativePollId, optionIndexes });
      const key = `${map.pollId}:${(await this.identities.resolve(member)).id}`;
      if (optionIndexes.length > 0) await this.services.store.set("pollsel", key, optionIndexes, POLL_SELECTION_TTL_MS);
      else await this.services.store.delete("pollsel", key);
    }
  }

  /**
   * Makes the core's share of one native poll equal the platform's final counts when the platform
   * reports only counts (Telegram's stopPoll: each option's voter_count and total_voter_count), not
   * who voted: votes the bot missed (poll_answer updates lost while it was down) have no member.
   *
   * - Only additions missed (the usual gap): the ballots the bot saw stay the members' own, and the
   *   difference is added as count-only "unattributed" ballots (`<platform>:unattributed:<poll>:<n>`),
   *   each with at least one option, so both the option counts and the number of voters match.
   * - A seen voter changed or withdrew while the bot was away (a count fell): nobody can say whose
   *   ballot went stale, so the platform's counts win for the platform's whole share: the seen
   *   ballots of this native poll are withdrawn and the share is held as unattributed ballots.
   *
   * Either way the tally (combined with the other platforms' ballots) equals what members see. Run
   * again (a retried close), it replaces its earlier unattributed ballots.
   */
  async reconcileNativeCounts(
    platform: Platform,
    nativePollId: string,
    final: { readonly counts: readonly number[]; readonly voters: number },
  ): Promise<void> {
    const store = this.services.store;
    const map = await store.get<{ pollId: string }>("pollmap", `${platform}:${nativePollId}`);
    const feature = map ? this.features.get(map.pollId.split(":")[0] ?? "") : undefined;
    if (!map || !feature?.onPollVote) return;
    const vote = (member: Member, options: readonly number[]) => feature.onPollVote?.(member, map.pollId, options);
    const native = `${platform}:${nativePollId}`;
    const unattributed = (n: number): Member => {
      const platformUserId = `unattributed:${nativePollId}:${n}`;
      return { id: `${platform}:${platformUserId}`, platform, platformUserId, displayName: "unattributed" };
    };
    // Earlier unattributed ballots of this poll go first: they are recomputed.
    const earlier = (await store.get<number>("pollunattributed", native)) ?? 0;
    for (let n = 0; n < earlier; n++) await vote(unattributed(n), []);
    const seen = await store.list<number[]>("pollseen", `${native}|`);
    const known = final.counts.map(() => 0);
    for (const { value } of seen) for (const o of value) if (o < known.length) known[o] = (known[o] ?? 0) + 1;
    let missing = final.counts.map((c, i) => c - (known[i] ?? 0));
    let voters = final.voters - seen.length;
    let ballots = countOnlyBallots(missing, voters);
    if (!ballots) {
      this.services.logger.warn("native poll changed while the bot was away: its counts replace the seen ballots", {
        platform,
        nativePollId,
      });
      for (const { key } of seen) {
        const id = key.slice(native.length + 1);
        const colon = id.indexOf(":");
        const member = { id, platform: id.slice(0, colon) as Platform, platformUserId: id.slice(colon + 1) };
        await vote({ ...member, displayName: member.platformUserId }, []);
        await store.delete("pollseen", key);
      }
      missing = [...final.counts];
      voters = final.voters;
      ballots = countOnlyBallots(missing, voters);
    }
    if (!ballots) {
      this.services.logger.error("native poll counts are inconsistent; kept the ballots seen", {
        platform,
        nativePollId,
      });
      await store.set("pollunattributed", native, 0, NATIVE_POLL_TTL_MS);
      return;
    }
    for (const [n, options] of ballots.entries()) await vote(unattributed(n), options);
    await store.set("pollunattributed", native, ballots.length, NATIVE_POLL_TTL_MS);
  }

  /**
   * A member's whole selection in a poll after one answer changed, kept in the store so that it
   * survives restarts and is shared by instances. Events of one member arrive in order (adapters
   * queue them), so this read-then-write of the member's own record does not race.
   */
  private async selection(
    pollId: string,
    memberId: string,
    change: { readonly option: number; readonly selected: boolean },
  ): Promise<number[]> {
    const key = `${pollId}:${memberId}`;
    const current = (await this.services.store.get<number[]>("pollsel", key)) ?? [];
    const next = change.selected
      ? [...new Set([...current, change.option])].sort((a, b) => a - b)
      : current.filter((o) => o !== change.option);
    if (next.length > 0) await this.services.store.set("pollsel", key, next, POLL_SELECTION_TTL_MS);
    else await this.services.store.delete("pollsel", key);
    return next;
  }

  /** What the bot itself keeps about a member (their language, audit entries of their actions), for /mydata. */
  async memberData(memberId: string, lang: Lang): Promise<string[]> {
    const lines: string[] = [];
    const known = await this.services.languages?.get(memberId);
    if (known) {
      const name = known.lang === "en" ? "English" : known.script === "hans" ? "简体中文" : "繁體中文";
      lines.push(t(lang, M.languageKept).replace("{lang}", name));
    }
    for (const e of await this.services.audit.byActor(memberId)) {
      lines.push(
        fill(t(lang, M.auditKept), {
          at: e.at.slice(0, 16).replace("T", " "),
          action: e.action,
          target: e.target,
          name: e.actorName,
        }),
      );
    }
    return lines;
  }

  /** Erases what the bot itself keeps about a member (poll selections), for /forgetme; returns records removed. */
  async forgetMember(memberId: string): Promise<number> {
    const n = (await this.services.languages?.forget(memberId)) ? 1 : 0;
    const store = this.services.store;
    const gone: StoreWrite[] = [];
    for (const r of await store.list("pollsel")) {
      if (r.key.endsWith(`:${memberId}`)) gone.push({ ns: "pollsel", key: r.key, delete: true });
    }
    for (const r of await store.list("pollseen")) {
      if (r.key.endsWith(`|${memberId}`)) gone.push({ ns: "pollseen", key: r.key, delete: true });
    }
    // All of them in one write: an erasure that fails part-way leaves nothing half-erased.
    await store.write(gone);
    return n + gone.length;
  }

  private async firstDelivery(platform: Platform, eventId: string): Promise<boolean> {
    return this.services.store.add("dedup", `${platform}:${eventId}`, 1, DEDUP_TTL_MS);
  }

  /**
   * Counts the member's events in the current minute: in a shared store, so that every instance
   * agrees; in this process when the store is its alone (a write per message saved, and a restart
   * forgets at most a minute's counts).
   */
  private async rateLimited(member: Member): Promise<false | "warn" | "silent"> {
    const limit = this.options.rateLimitPerMinute;
    if (!limit) return false;
    const minute = Math.floor(this.services.clock.now().getTime() / 60_000);
    const n = this.services.store.shared
      ? await this.services.store.increment("rate", `${member.id}:${minute}`, 1, 120_000)
      : this.countHere(member.id, minute);
    if (n <= limit) return false;
    return n === limit + 1 ? "warn" : "silent";
  }

  private countHere(memberId: string, minute: number): number {
    if (this.minuteCounts.minute !== minute) this.minuteCounts = { minute, counts: new Map() };
    const n = (this.minuteCounts.counts.get(memberId) ?? 0) + 1;
    this.minuteCounts.counts.set(memberId, n);
    return n;
  }

  private context(member: Member, chat: Context["chat"], lang: Lang, script?: Script): Context {
    return {
      member,
      chat,
      lang,
      ...(script ? { script } : {}),
      isOrganiser: this.isOrganiser(member),
      now: this.services.clock.now(),
    };
  }

  /** Remembers the language of a message that has words (commands alone say nothing). */
  private async rememberLanguage(member: Member, raw: string, script: Script | undefined): Promise<void> {
    const words = raw.replace(/^\/\S+/, "");
    if (!this.services.languages || !/[\p{L}]/u.test(words)) return;
    const lang = detectLang(words, langFromLocale(member.locale));
    await this.services.languages.remember(member.id, script && lang === "zh-HK" ? { lang, script } : { lang });
  }

  /**
   * The Chinese script of a message (Simplified members are answered in Simplified); a message
   * without letters (a phone number, a quantity) keeps the member's usual script.
   */
  private async script(text: string, usual?: Script): Promise<Script | undefined> {
    if (!/\p{L}/u.test(text.replace(/^\/\S+/, ""))) return usual;
    const script = await this.services.understanding?.script(text);
    // Chinese written alike in both scripts ("每年大概能收到多少件？") is read in the member's usual one.
    if (script === undefined && this.services.understanding && /\p{Script=Han}/u.test(text)) return usual ?? "hant";
    return script;
  }

  /**
   * Replies in the member's script: Traditional text converted to Simplified where they wrote
   * Simplified. Every text of the replies in one call (the knowledge may run in another thread).
   */
  private async localise(replies: Reply[], script: Script | undefined): Promise<Reply[]> {
    const u = this.services.understanding;
    if (script !== "hans" || !u) return replies;
    return convertTexts(replies, (texts) => u.toSimplified(texts));
  }

  /** Runs a command for a member as if they had typed it (intents act through this). */
  runCommand(ctx: Context, name: string, args: string): Promise<Reply[]> {
    return this.onCommand(ctx, name, args);
  }

  private async onText(
    member: Member,
    chat: Context["chat"],
    raw: string,
    fallbackLang: Lang,
    usualScript?: Script,
    live?: LiveReply,
  ): Promise<Reply[]> {
    const script = await this.script(raw.slice(0, MAX_MESSAGE_CHARS), usualScript);
    await this.rememberLanguage(member, raw, script);
    // Simplified Chinese is converted once the answer is complete: it is not shown as it is written.
    const shown = script === "hans" ? undefined : live;
    return this.localise(await this.onTextIn(member, chat, raw, fallbackLang, script, shown), script);
  }

  private async onTextIn(
    member: Member,
    chat: Context["chat"],
    raw: string,
    fallbackLang: Lang,
    script?: Script,
    live?: LiveReply,
  ): Promise<Reply[]> {
    const notes: Reply[] = [];
    const body = bodyOf(raw);
    if (body !== raw) {
      notes.push(text(t(detectLang(body, fallbackLang), M.truncated).replace("{n}", String(MAX_MESSAGE_CHARS))));
    }
    const clean = cleanText(body);
    const command = COMMAND.exec(clean);
    if (command) {
      // The command word is English on every platform: the language comes from its arguments.
      const [, name = "", args = ""] = command;
      // In a group, another bot's command ("/weather") is not for us: silence, not "unknown command".
      const known = this.commands.has(name.toLowerCase()) || name.toLowerCase() === "cancel";
      if (!known && chat.type === "group" && !/^\/\w+@/.test(clean)) return notes;
      const cctx = this.context(member, chat, detectLang(args, fallbackLang), script);
      return [...notes, ...(await this.onCommand(cctx, name.toLowerCase(), args.trim(), live))];
    }
    const ctx = this.context(member, chat, detectLang(clean, fallbackLang), script);
    const session = await this.services.sessions.get(member.id);
    if (session) {
      const feature = this.features.get(session.feature);
      // A question asked in the middle of a form ("who gets the clothes in the end?") is answered,
      // and the form asks its question again; anything else is the form's answer.
      if (feature?.reprompt && (asksAside(clean) || (await this.speaksAside(clean)))) {
        const aside = await this.fallback({ ...ctx, aside: true }, clean, live);
        const again = await feature.reprompt(ctx, session);
        return [...notes, ...aside, text(t(ctx.lang, M.stillOpen), { private: true }), ...again];
      }
      if (feature?.onText) return [...notes, ...(await feature.onText(ctx, clean, session))];
    }
    if (!saysSomething(clean)) return [text(t(ctx.lang, M.empty))];
    return [...notes, ...(await this.fallback(ctx, clean, live))];
  }

  /**
   * Has the knowledge's thread read a text message while the event loop does the rest (the duplicate
   * check, the rate limit, the member's script and language, the form in progress, the conversation):
   * an answer, or a form's check for an aside, then finds it read. A command is not read; a form's
   * answer, a duplicate or a message over the rate limit is read for nothing (a fraction of a
   * millisecond in the thread; reading has no effect). Started before the checks, at fresh questions
   * at 200/s through Telegram the answer came 0.2 ms sooner (median from asking the thread to its reply
   * 1.0 ms against 1.2): the checks' writes to the store no longer delay the reading.
   */
  private readAhead(raw: string): void {
    const clean = cleanText(bodyOf(raw));
    if (this.services.understanding?.readAhead && saysSomething(clean) && !COMMAND.test(clean)) {
      this.services.understanding.readAhead(clean);
    }
  }

  /**
   * Whether a message in the middle of a form is said to the bot, not typed into the form: thanks or a
   * greeting and nothing else ("唔該晒"), or a request for a person ("ok pls pass that to an organiser").
   * Answered aside, it is not kept as the form's answer (a firm called "唔該晒"). A bare acknowledgement
   * ("ok", "好") is the answer to the step: it agrees, or it is what the member typed.
   */
  private async speaksAside(clean: string): Promise<boolean> {
    const reading = await this.services.understanding?.read(clean);
    if (!reading) return false;
    const socialOnly =
      reading.social !== undefined && reading.social.name !== ACKNOWLEDGEMENT && !hasWords(reading.question);
    const handoff = reading.intent?.name === "handoff" && reading.intent.via !== "examples";
    return socialOnly || handoff;
  }

  private async onCommand(ctx: Context, name: string, args: string, live?: LiveReply): Promise<Reply[]> {
    if (name === "cancel") return this.cancel(ctx);
    const entry = this.commands.get(name);
    if (!entry) return [text(t(ctx.lang, M.unknownCommand).replace("{name}", name))];
    if (entry.spec.organiserOnly && !ctx.isOrganiser) {
      return [text(t(ctx.lang, M.organiserOnly).replace("{name}", name))];
    }
    return entry.spec.run(ctx, args, live);
  }

  private async cancel(ctx: Context): Promise<Reply[]> {
    const session = await this.services.sessions.get(ctx.member.id);
    if (!session) return [text(t(ctx.lang, M.nothingToCancel))];
    const feature = this.features.get(session.feature);
    await this.services.sessions.clear(ctx.member.id);
    if (feature?.onCancel) return feature.onCancel(ctx, session);
    return [text(t(ctx.lang, M.cancelled))];
  }

  private async onAction(ctx: Context, data: string): Promise<Reply[]> {
    const [prefix = "", ...args] = data.split(":");
    const feature = this.features.get(prefix);
    if (!feature?.onAction) return [text(t(ctx.lang, M.staleButton))];
    return feature.onAction(ctx, args);
  }

  private async onForm(
    member: Member,
    chat: Context["chat"],
    formId: string,
    values: Readonly<Record<string, string>>,
    fallbackLang: Lang,
  ): Promise<Reply[]> {
    const joined = Object.values(values).join(" ");
    const ctx = this.context(member, chat, detectLang(joined, fallbackLang));
    const feature = this.features.get(formId.split(":")[0] ?? "");
    if (!feature?.onForm) return [text(t(ctx.lang, M.staleButton))];
    return feature.onForm(ctx, formId, values);
  }

  private failure(e: unknown, lang: Lang, kind: string): Reply[] {
    if (e instanceof StoreUnavailableError) {
      this.services.logger.warn("store unavailable", { kind, error: e.message });
      return [text(t(lang, M.unavailable))];
    }
    this.services.logger.error("handler failed", {
      kind,
      error: e instanceof Error ? (e.stack ?? e.message) : String(e),
    });
    return [text(t(lang, M.failed))];
  }
}

/**
 * `voters` ballots, each with at least one option and no option twice, that together choose option
 * `i` `counts[i]` times; undefined when no such ballots exist (a negative count, an option chosen
 * by more voters than there are, fewer choices than voters). Each option goes to the ballots with
 * the fewest options so far, so every ballot gets one while choices last.
 */
export function countOnlyBallots(counts: readonly number[], voters: number): number[][] | undefined {
  const total = counts.reduce((a, b) => a + b, 0);
  if (voters < 0 || counts.some((c) => c < 0 || c > voters) || total < voters) return undefined;
  if (voters === 0) return total === 0 ? [] : undefined;
  const ballots: number[][] = Array.from({ length: voters }, () => []);
  const order = counts.map((c, i) => ({ c, i })).sort((a, b) => b.c - a.c || a.i - b.i);
  for (const { c, i } of order) {
    const fewest = ballots
      .map((b, n) => ({ n, size: b.length }))
      .sort((a, b) => a.size - b.size || a.n - b.n)
      .slice(0, c);
    for (const { n } of fewest) ballots[n]?.push(i);
  }
  return ballots.map((b) => b.sort((x, y) => x - y));
}
