/**
 * The real Bot (agenda and donations features) over a given store, as the
 * worker processes run it: members press the upvote button of a townhall's
 * topics and fill in whole donation forms, message by message.
 */
import { agenda } from "../../src/core/agenda/index.ts";
import { NS as AGENDA_NS } from "../../src/core/agenda/model.ts";
import { votePrefix } from "../../src/core/agenda/repo.ts";
import { Bot } from "../../src/core/bot.ts";
import { donations } from "../../src/core/donations/index.ts";
import type { Services } from "../../src/core/feature.ts";
import type { Embedder, Store } from "../../src/core/ports.ts";
import type { Records } from "../../src/core/records.ts";
import { text } from "../../src/core/replies.ts";
import type { Member, Platform } from "../../src/core/types.ts";
import { answers, donate } from "../donations/driver.ts";
import { dm, makeServices, member, replyText } from "../helpers/services.ts";

/**
 * An embedder under which only identical texts are similar (each text hashed
 * to its own dimension), so the plan's topics never look alike. Worker
 * processes cannot import the agenda contract's one: it loads vitest.
 */
class DistinctTextEmbedder implements Embedder {
  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.vec(t));
  }
  async embedQuery(text: string): Promise<number[]> {
    return this.vec(text);
  }
  private vec(text: string): number[] {
    let h = 2166136261;
    for (const c of text.trim().toLowerCase()) h = Math.imul(h ^ (c.codePointAt(0) ?? 0), 16777619) >>> 0;
    const v = new Array<number>(4096).fill(0);
    v[h % 4096] = 1;
    return v;
  }
}

/** The organiser who opens the townhall and proposes the topics. */
export const ORGANISER = member("org", "console", { displayName: "Olivia Organiser" });

/** The Bot with the agenda (auto-approved topics) and donations features over `store` (and SQL records, when given). */
export function loadBot(
  store: Store,
  records?: (deps: Pick<Services, "store" | "notifier" | "clock" | "logger">) => Records,
): Bot {
  const env = makeServices({ store, organisers: [ORGANISER.id], embedder: new DistinctTextEmbedder() });
  const made = records?.(env.services);
  const services: Services = made ? { ...env.services, records: made, audit: made.audit } : env.services;
  const features = [
    agenda(services, { moderation: "auto", maxProposalsPerMember: 100 }),
    donations(services, { formTtlMs: 30 * 60_000, retentionDays: 30 }),
  ];
  return new Bot(services, features, async () => [text("fallback")]);
}

/** The townhall a load votes in: its id, and the topic id of each plan topic name. */
export interface Townhall {
  readonly id: string;
  readonly topics: Readonly<Record<string, string>>;
}

const say = (bot: Bot, m: Member, body: string) => bot.handle({ kind: "text", member: m, chat: dm(m), text: body });

/** Opens a townhall and proposes one topic per name, through the Bot. */
export async function openTownhall(
  store: Store,
  names: readonly string[],
  records?: Parameters<typeof loadBot>[1],
): Promise<Townhall> {
  const bot = loadBot(store, records);
  const opened = replyText(await say(bot, ORGANISER, "/townhall open 2027 Q1 Townhall | 2027-03-15"));
  const id = /\bH[0-9A-Z]{5}\b/.exec(opened)?.[0];
  if (!id) throw new Error(`townhall not opened: ${opened}`);
  const topics: Record<string, string> = {};
  for (const name of names) {
    const proposed = replyText(
      await say(bot, ORGANISER, `/propose Topic ${name} for the townhall | Details of ${name}.`),
    );
    const topic = /\bT[0-9A-Z]{5}\b/.exec(proposed)?.[0];
    if (!topic) throw new Error(`topic not proposed: ${proposed}`);
    topics[name] = topic;
  }
  return { id, topics };
}

/** A member from a plan id such as `telegram:1001`. */
export function planMember(id: string): Member {
  const [platform = "console", user = id] = id.split(":");
  return member(user, platform as Platform);
}

/** Presses the upvote button; resolves "created" or "refused" once the bot confirmed, throws otherwise. */
export async function botVote(bot: Bot, memberId: string, topicId: string): Promise<"created" | "refused"> {
  const m = planMember(memberId);
  const reply = replyText(await bot.handle({ kind: "action", member: m, chat: dm(m), data: `ag:up:${topicId}` }));
  if (reply.includes(`You support ${topicId}`)) return "created";
  if (reply.includes(`You already support ${topicId}`)) return "refused";
  throw new Error(`vote not confirmed: ${reply.replace(/\s+/g, " ").slice(0, 200)}`);
}

/** Fills a whole donation form as a member of its own; resolves the reference once confirmed. */
export async function botOffer(bot: Bot, memberId: string, n: number): Promise<string> {
  return (await donate(bot, planMember(memberId), answers(n))).ref;
}

/** The members whose vote for `topicId` is stored. */
export async function storedVoters(store: Store, th: Townhall, topicId: string): Promise<string[]> {
  const prefix = votePrefix(th.id, topicId);
  return (await store.list(AGENDA_NS.vote, prefix)).map((r) => r.key.slice(prefix.length));
}
