/**
 * The language (and Chinese script) a member last wrote in, remembered so that
 * notices sent later (an offer's status, a topic's review) go out in that one
 * language instead of both. Detected once per event by the bot; erased by
 * /forgetme. A small per-instance cache spares a write when nothing changed.
 */
import type { Script, Store } from "./ports.ts";
import type { Lang } from "./types.ts";

const NS = "memberlang";
/** A member silent for a year is asked in both languages again. */
const TTL_MS = 365 * 24 * 60 * 60 * 1000;
const CACHE_LIMIT = 10_000;

/** A member's language. */
export interface MemberLanguage {
  readonly lang: Lang;
  readonly script?: Script;
}

/** Reads and writes members' languages. */
export class MemberLanguages {
  private readonly written = new Map<string, string>();

  constructor(private readonly store: Store) {}

  /** The member's language, if known. */
  async get(memberId: string): Promise<MemberLanguage | undefined> {
    const v = await this.store.get<MemberLanguage>(NS, memberId);
    if (v?.lang !== "en" && v?.lang !== "zh-HK") return undefined;
    return v.script === "hans" || v.script === "hant" ? { lang: v.lang, script: v.script } : { lang: v.lang };
  }

  /** Remembers the language a member just wrote in (written only when it changed, as far as this instance knows). */
  async remember(memberId: string, value: MemberLanguage): Promise<void> {
    const tag = `${value.lang}/${value.script ?? ""}`;
    if (this.written.get(memberId) === tag) return;
    await this.store.set<MemberLanguage>(NS, memberId, value, TTL_MS);
    if (this.written.size >= CACHE_LIMIT) this.written.clear();
    this.written.set(memberId, tag);
  }

  /** Forgets a member's language; true when one was kept. */
  async forget(memberId: string): Promise<boolean> {
    this.written.delete(memberId);
    return this.store.delete(NS, memberId);
  }
}
