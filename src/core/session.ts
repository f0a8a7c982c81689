/**
 * Conversation state of a member (a half-filled form, a proposal awaiting
 * confirmation), kept in the store so it survives restarts and is shared by
 * every bot instance. One active conversation per member.
 */
import type { Store } from "./ports.ts";

/** The state of one conversation. */
export interface Session {
  /** The feature that owns the conversation. */
  readonly feature: string;
  readonly step: string;
  readonly data: Readonly<Record<string, unknown>>;
  /** ISO time of the last change. */
  readonly updatedAt: string;
  /** ISO time after which the conversation is abandoned. */
  readonly expiresAt: string;
}

const NS = "session";

/** Reads and writes the members' conversations. */
export class SessionStore {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  /** The member's live conversation, if any. */
  async get(memberId: string): Promise<Session | undefined> {
    const s = await this.store.get<Session>(NS, memberId);
    if (!s) return undefined;
    if (Date.parse(s.expiresAt) <= this.now().getTime()) {
      await this.store.delete(NS, memberId);
      return undefined;
    }
    return s;
  }

  /** Starts or advances a conversation that expires `ttlMs` from now. */
  async set(memberId: string, s: Pick<Session, "feature" | "step" | "data">, ttlMs: number): Promise<Session> {
    const now = this.now();
    const session: Session = {
      ...s,
      updatedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + ttlMs).toISOString(),
    };
    await this.store.set(NS, memberId, session, ttlMs);
    return session;
  }

  /** Ends the member's conversation. */
  async clear(memberId: string): Promise<void> {
    await this.store.delete(NS, memberId);
  }
}
