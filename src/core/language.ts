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

/**
 * The language a message names ("in Simplified Chinese", "中文呢", "英文"), for a member asking to have
 * the last answer again in it: Simplified Chinese in its own script, any other Chinese in Traditional.
 */
export function languageNamed(text: string): { lang: Lang; script?: Script } | undefined {
  if (/simplified|簡體|简体/i.test(text)) return { lang: "zh-HK", script: "hans" };
  if (/chinese|cantonese|traditional|中文|繁體|繁体|廣東話|广东话|粵語|粤语/i.test(text))
    return { lang: "zh-HK", script: "hant" };
  if (/english|英文|英語|英语/i.test(text)) return { lang: "en" };
  return undefined;
}

/** A member's language. */
export interface MemberLanguage {
  readonly lang: Lang;
  readonly script?: Script;
}

/** Reads and writes members' languages. */
export class MemberLanguages {
  private readonly written = new Map<string, string>();
  /** What this instance last read or wrote for each member (null: nothing kept). */
  private readonly known = new Map<string, MemberLanguage | null>();

  constructor(private readonly store: Store) {}

  /** The member's language, if known (read once per instance, then kept with what this instance writes). */
  async get(memberId: string): Promise<MemberLanguage | undefined> {
    const cached = this.known.get(memberId);
    if (cached !== undefined) return cached ?? undefined;
    const v = await this.store.get<MemberLanguage>(NS, memberId);
    const value =
      v?.lang !== "en" && v?.lang !== "zh-HK"
        ? undefined
        : v.script === "hans" || v.script === "hant"
          ? { lang: v.lang, script: v.script }
          : { lang: v.lang };
    this.cache(memberId, value ?? null);
    return value;
  }

  private cache(memberId: string, value: MemberLanguage | null): void {
    if (this.known.size >= CACHE_LIMIT) this.known.clear();
    this.known.set(memberId, value);
  }

  /** Remembers the language a member just wrote in (written only when it changed, as far as this instance knows). */
  async remember(memberId: string, value: MemberLanguage): Promise<void> {
    const tag = `${value.lang}/${value.script ?? ""}`;
    if (this.written.get(memberId) === tag) return;
    await this.store.set<MemberLanguage>(NS, memberId, value, TTL_MS);
    if (this.written.size >= CACHE_LIMIT) this.written.clear();
    this.written.set(memberId, tag);
    this.cache(memberId, value);
  }

  /** Forgets a member's language; true when one was kept. */
  async forget(memberId: string): Promise<boolean> {
    this.written.delete(memberId);
    this.known.set(memberId, null);
    return this.store.delete(NS, memberId);
  }
}
