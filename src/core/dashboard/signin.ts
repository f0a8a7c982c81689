/**
 * Sign-in to the organisers' dashboard through the chat: an organiser gets a
 * one-time link (short expiry, single use) that opens a session. Tokens are
 * stored only as SHA-256 hashes with a TTL, so a copy of the store opens
 * nothing; a link is consumed by an atomic delete, so of two uses exactly one
 * wins. Every session check re-applies the organiser policy: an organiser
 * removed from the configuration loses the dashboard at the next request.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { AuditLog } from "../audit.ts";
import type { Clock, OrganiserPolicy, Store } from "../ports.ts";
import type { Member } from "../types.ts";

const LINKS = "dashlink";
const SESSIONS = "dashsession";

/** How long a link and a session last. */
export interface SignInOptions {
  readonly linkTtlMs: number;
  readonly sessionTtlMs: number;
}

/** A one-time link as stored (under the hash of its token). */
interface StoredLink {
  readonly member: Member;
  readonly expiresAt: number;
}

/** A dashboard session as stored (under the hash of its id). */
interface StoredSession {
  readonly member: Member;
  /** Not a credential on its own (it needs the session cookie too): kept to be written into forms. */
  readonly csrf: string;
  readonly expiresAt: number;
}

/** An open session: who it is and the CSRF token its pages carry. */
export interface DashboardSession {
  readonly member: Member;
  /** The opaque id the browser holds in its cookie. */
  readonly id: string;
  /** The token every change must carry. */
  readonly csrf: string;
}

/** Why a link did not open a session. */
export type SignInRefusal = "unknown" | "expired" | "not-organiser";

/** SHA-256 of a token, base64url. */
function hash(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

/** A random token of 32 bytes, base64url. */
function token(): string {
  return randomBytes(32).toString("base64url");
}

/** Compares two strings in time independent of where they differ. */
function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Issues links, opens and checks sessions. Platform- and web-free: the dashboard server calls it. */
export class DashboardAuth {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly policy: OrganiserPolicy,
    private readonly audit: AuditLog,
    private readonly opts: SignInOptions,
  ) {}

  /** How long a link lasts, in minutes (for the message that carries it). */
  get linkMinutes(): number {
    return Math.round(this.opts.linkTtlMs / 60_000);
  }

  /** How long a session lasts, in seconds (the cookie's Max-Age). */
  get sessionSeconds(): number {
    return Math.round(this.opts.sessionTtlMs / 1000);
  }

  /** A fresh one-time token for an organiser; undefined for anyone else. */
  async issueLink(member: Member): Promise<string | undefined> {
    if (!this.policy.isOrganiser(member)) return undefined;
    const t = token();
    const link: StoredLink = { member, expiresAt: this.clock.now().getTime() + this.opts.linkTtlMs };
    await this.store.set(LINKS, hash(t), link, this.opts.linkTtlMs);
    await this.audit.record(member, "dashboard.link", member.id);
    return t;
  }

  /** Whether a link token is still usable, without consuming it (the sign-in page asks first). */
  async peek(linkToken: string): Promise<boolean> {
    const link = await this.store.get<StoredLink>(LINKS, hash(linkToken));
    return link !== undefined && link.expiresAt > this.clock.now().getTime();
  }

  /** Consumes a link and opens a session, or says why not. */
  async redeem(
    linkToken: string,
  ): Promise<{ ok: true; session: DashboardSession } | { ok: false; why: SignInRefusal }> {
    const key = hash(linkToken);
    const link = await this.store.get<StoredLink>(LINKS, key);
    // The delete is the single-use guard: of two concurrent uses only one deletes the record.
    if (!link || !(await this.store.delete(LINKS, key))) return { ok: false, why: "unknown" };
    const now = this.clock.now().getTime();
    if (link.expiresAt <= now) return { ok: false, why: "expired" };
    if (!this.policy.isOrganiser(link.member)) return { ok: false, why: "not-organiser" };
    const id = token();
    const csrf = token();
    const stored: StoredSession = { member: link.member, csrf, expiresAt: now + this.opts.sessionTtlMs };
    await this.store.set(SESSIONS, hash(id), stored, this.opts.sessionTtlMs);
    await this.audit.record(link.member, "dashboard.signin", link.member.id);
    return { ok: true, session: { member: link.member, id, csrf } };
  }

  /** The session of a cookie value, if it is live and its member is still an organiser. */
  async session(id: string | undefined): Promise<DashboardSession | undefined> {
    if (!id || id.length > 100) return undefined;
    const s = await this.store.get<StoredSession>(SESSIONS, hash(id));
    if (!s || s.expiresAt <= this.clock.now().getTime() || !this.policy.isOrganiser(s.member)) return undefined;
    return { member: s.member, id, csrf: s.csrf };
  }

  /** Whether a submitted CSRF token is the session's. */
  checkCsrf(session: DashboardSession, csrf: string | undefined): boolean {
    return csrf !== undefined && same(hash(session.csrf), hash(csrf));
  }

  /** Ends a session. */
  async signOut(session: DashboardSession): Promise<void> {
    await this.store.delete(SESSIONS, hash(session.id));
    await this.audit.record(session.member, "dashboard.signout", session.member.id);
  }
}
