/**
 * Drives the agenda through the real Bot as members and organisers would:
 * test doubles and helpers shared by the agenda's tests and its store
 * contract. Free of vitest, so worker processes and scripts can import it.
 */
import { agenda } from "../../src/core/agenda/index.ts";
import { Bot } from "../../src/core/bot.ts";
import type { Services } from "../../src/core/feature.ts";
import type { Embedder, Store, StoreWrite } from "../../src/core/ports.ts";
import type { Records } from "../../src/core/records.ts";
import { type Button, type Reply, text } from "../../src/core/replies.ts";
import type { Member } from "../../src/core/types.ts";
import { dm, makeServices, member, replyText } from "../helpers/services.ts";

/**
 * An embedder under which only identical texts are similar (one dimension per
 * distinct text), so concurrent proposals with distinct titles never stop at
 * the look-alike question.
 */
export class ExactEmbedder implements Embedder {
  private readonly seen = new Map<string, number>();
  constructor(private readonly dims = 4096) {}
  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.vec(t));
  }
  async embedQuery(text: string): Promise<number[]> {
    return this.vec(text);
  }
  private vec(text: string): number[] {
    const key = text.trim().toLowerCase();
    let i = this.seen.get(key);
    if (i === undefined) {
      i = this.seen.size % this.dims;
      this.seen.set(key, i);
    }
    const v = new Array<number>(this.dims).fill(0);
    v[i] = 1;
    return v;
  }
}

/**
 * The same store with every call delayed by a random 0–3 ms, so concurrent
 * handlers interleave the way they do against a networked database.
 */
export function jittered(store: Store): Store {
  return new JitteredStore(store);
}

class JitteredStore implements Store {
  constructor(private readonly inner: Store) {}
  private pause(): Promise<void> {
    return new Promise((r) => setTimeout(r, Math.floor(Math.random() * 4)));
  }
  async get<T>(ns: string, key: string): Promise<T | undefined> {
    await this.pause();
    return this.inner.get<T>(ns, key);
  }
  async set<T>(ns: string, key: string, value: T, ttlMs?: number): Promise<void> {
    await this.pause();
    return this.inner.set(ns, key, value, ttlMs);
  }
  async delete(ns: string, key: string): Promise<boolean> {
    await this.pause();
    return this.inner.delete(ns, key);
  }
  async add<T>(ns: string, key: string, value: T, ttlMs?: number): Promise<boolean> {
    await this.pause();
    return this.inner.add(ns, key, value, ttlMs);
  }
  async increment(ns: string, key: string, by?: number, ttlMs?: number): Promise<number> {
    await this.pause();
    return this.inner.increment(ns, key, by, ttlMs);
  }
  async write(writes: readonly StoreWrite[]): Promise<void> {
    await this.pause();
    return this.inner.write(writes);
  }
  async list<T>(ns: string, prefix?: string): Promise<{ key: string; value: T }[]> {
    await this.pause();
    return this.inner.list<T>(ns, prefix);
  }
  async close(): Promise<void> {
    await this.inner.close();
  }
}

/** Every button of some replies. */
export function buttonsOf(replies: readonly Reply[]): Button[] {
  return replies.flatMap((r) => {
    if (r.type === "update") return buttonsOf([r.reply]);
    if (r.type === "text" || r.type === "card") return [...(r.buttons ?? [])];
    if (r.type === "choice") return [...r.choices];
    return [];
  });
}

/** The first topic id (T + 5 characters) mentioned in some replies. */
export function topicIdIn(replies: readonly Reply[]): string {
  const m = /\bT[0-9A-Z]{5}\b/.exec(replyText(replies));
  if (!m) throw new Error(`no topic id in: ${replyText(replies)}`);
  return m[0];
}

/** Options of {@link agendaDriver}. */
export interface DriverOptions {
  store?: Store;
  embedder?: Embedder;
  moderation?: "auto" | "review";
  maxProposalsPerMember?: number;
  /** Builds SQL records around the driver's notifier and clock (else every record is in the store). */
  records?: (deps: Pick<Services, "store" | "notifier" | "clock" | "logger">) => Records;
}

/** A bot with the agenda feature and one organiser, and helpers to talk to it as members do. */
export function agendaDriver(opts: DriverOptions = {}) {
  const org = member("org", "console", { displayName: "Olivia Organiser" });
  const env = makeServices({
    organisers: [org.id],
    ...(opts.store ? { store: opts.store } : {}),
    ...(opts.embedder ? { embedder: opts.embedder } : {}),
  });
  const records = opts.records?.(env.services);
  const services: Services = records ? { ...env.services, records, audit: records.audit } : env.services;
  const feature = agenda(services, {
    moderation: opts.moderation ?? "auto",
    maxProposalsPerMember: opts.maxProposalsPerMember ?? 5,
  });
  const bot = new Bot(services, [feature], async () => [text("fallback")]);
  const say = (m: Member, body: string) => bot.handle({ kind: "text", member: m, chat: dm(m), text: body });
  const press = (m: Member, data: string) => bot.handle({ kind: "action", member: m, chat: dm(m), data });
  /** Opens a fresh townhall (closing one left open by an earlier run) and returns its id. */
  const openTownhall = async (name = "2027 Q1 Townhall | 2027-03-15"): Promise<string> => {
    await say(org, "/townhall close");
    const replies = await say(org, `/townhall open ${name}`);
    const m = /\bH[0-9A-Z]{5}\b/.exec(replyText(replies));
    if (!m) throw new Error(`townhall not opened: ${replyText(replies)}`);
    return m[0];
  };
  /** Proposes a topic as `m` and returns its id. */
  const proposeTopic = async (m: Member, title: string, details = "Details of the topic."): Promise<string> =>
    topicIdIn(await say(m, `/propose ${title} | ${details}`));
  return { ...env, services, records, feature, bot, org, say, press, openTownhall, proposeTopic };
}
