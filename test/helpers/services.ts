/** Test doubles of the core's ports and a builder of {@link Services} around them. */
import { AuditLog } from "../../src/core/audit.ts";
import type { Services } from "../../src/core/feature.ts";
import type {
  Answer,
  Clock,
  Embedder,
  KnowledgeBase,
  Logger,
  NativePoll,
  Notifier,
  Store,
} from "../../src/core/ports.ts";
import type { Reply } from "../../src/core/replies.ts";
import { SessionStore } from "../../src/core/session.ts";
import type { Chat, Member, Platform } from "../../src/core/types.ts";
import { MemoryStore } from "../../src/storage/memory.ts";

/** A clock that stands still until moved. */
export class FakeClock implements Clock {
  constructor(public current = new Date("2026-11-21T10:00:00.000Z")) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** A notifier that records what it was asked to deliver. */
export class RecordingNotifier implements Notifier {
  readonly toMembers: { memberId: string; replies: readonly Reply[] }[] = [];
  readonly toOrganisersLog: (readonly Reply[])[] = [];
  readonly closedPolls: NativePoll[] = [];
  async closeNativePoll(poll: NativePoll): Promise<void> {
    this.closedPolls.push(poll);
  }
  async toMember(memberId: string, replies: readonly Reply[]): Promise<void> {
    this.toMembers.push({ memberId, replies });
  }
  async toOrganisers(replies: readonly Reply[]): Promise<boolean> {
    this.toOrganisersLog.push(replies);
    return true;
  }
}

/** A logger that keeps its lines. */
export class MemoryLogger implements Logger {
  readonly lines: { level: string; msg: string; data?: Record<string, unknown> }[] = [];
  debug(msg: string, data?: Record<string, unknown>): void {
    this.push("debug", msg, data);
  }
  info(msg: string, data?: Record<string, unknown>): void {
    this.push("info", msg, data);
  }
  warn(msg: string, data?: Record<string, unknown>): void {
    this.push("warn", msg, data);
  }
  error(msg: string, data?: Record<string, unknown>): void {
    this.push("error", msg, data);
  }
  private push(level: string, msg: string, data?: Record<string, unknown>): void {
    this.lines.push(data === undefined ? { level, msg } : { level, msg, data });
  }
}

/**
 * A bag-of-words embedder for unit tests of features that compare texts:
 * words hashed into 64 dimensions. The real one lives in src/knowledge.
 */
export class HashingEmbedder implements Embedder {
  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.vec(t));
  }
  async embedQuery(text: string): Promise<number[]> {
    return this.vec(text);
  }
  private vec(text: string): number[] {
    const v = new Array<number>(64).fill(0);
    for (const w of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
      let h = 0;
      for (const c of w) h = (h * 31 + (c.codePointAt(0) ?? 0)) >>> 0;
      v[h % 64] = (v[h % 64] ?? 0) + 1;
    }
    const n = Math.hypot(...v) || 1;
    return v.map((x) => x / n);
  }
}

/** A knowledge base that never knows. */
export const emptyKnowledge: KnowledgeBase = {
  async answer(): Promise<Answer> {
    return { answered: false, text: "", sources: [], confidence: 0 };
  },
};

/** Options of {@link makeServices}. */
export interface TestServicesOptions {
  store?: Store;
  organisers?: readonly string[];
  knowledge?: KnowledgeBase;
  embedder?: Embedder;
}

/** Services around in-memory doubles; organisers are member ids. */
export function makeServices(opts: TestServicesOptions = {}) {
  const clock = new FakeClock();
  const store = opts.store ?? new MemoryStore(() => clock.now().getTime());
  const notifier = new RecordingNotifier();
  const logger = new MemoryLogger();
  const organisers = new Set(opts.organisers ?? []);
  const services: Services = {
    store,
    clock,
    notifier,
    logger,
    policy: { isOrganiser: (m) => organisers.has(m.id) },
    knowledge: opts.knowledge ?? emptyKnowledge,
    embedder: opts.embedder ?? new HashingEmbedder(),
    audit: new AuditLog(store, clock),
    sessions: new SessionStore(store, () => clock.now()),
  };
  return { services, clock, store, notifier, logger };
}

/** A member of a platform. */
export function member(id: string, platform: Platform = "console", extra: Partial<Member> = {}): Member {
  return { id: `${platform}:${id}`, platform, platformUserId: id, displayName: `User ${id}`, ...extra };
}

/** A private chat with a member. */
export function dm(m: Member): Chat {
  return { id: `${m.platform}:dm:${m.platformUserId}`, type: "private" };
}

/** The text of one reply, for assertions. */
export function oneReplyText(r: Reply): string {
  switch (r.type) {
    case "text":
      return [r.text, ...(r.buttons ?? []).map((b) => `[${b.label}]`)].join("\n");
    case "card":
      return [
        r.title,
        r.body ?? "",
        ...(r.fields ?? []).map((f) => `${f.label}: ${f.value}`),
        ...(r.sources ?? []).map((s) => `(${s.title})`),
        ...(r.buttons ?? []).map((b) => `[${b.label}]`),
      ].join("\n");
    case "choice":
      return [r.prompt, ...r.choices.map((c) => `[${c.label}]`)].join("\n");
    case "poll":
      return [r.question, ...r.options].join("\n");
    case "file":
      return `${r.filename}\n${r.content}`;
    case "image":
      return `[${r.filename}]\n${r.text}`;
    case "form":
      return r.fallbackText;
    case "update":
      return oneReplyText(r.reply);
  }
}

/** All the text of a list of replies, for assertions. */
export function replyText(replies: readonly Reply[]): string {
  return replies.map(oneReplyText).join("\n");
}
