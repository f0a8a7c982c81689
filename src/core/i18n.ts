/** Language detection and the small helpers every feature uses for its bilingual strings. */
import type { Lang } from "./types.ts";

/** A string in each language the bot speaks. */
export type Localised = { readonly en: string; readonly "zh-HK": string };

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/gu;
const LATIN = /[A-Za-z]/g;

/** The language of a message: Traditional Chinese when Han characters dominate the letters, else English. */
export function detectLang(text: string, fallback: Lang = "en"): Lang {
  const han = text.match(HAN)?.length ?? 0;
  const latin = text.match(LATIN)?.length ?? 0;
  if (han === 0 && latin === 0) return fallback;
  // One Han character carries about as much as a short English word.
  return han * 3 >= latin ? "zh-HK" : "en";
}

/** Maps a platform locale (`zh-hk`, `zh-TW`, `en-US`) to a bot language. */
export function langFromLocale(locale: string | undefined): Lang {
  return locale?.toLowerCase().startsWith("zh") ? "zh-HK" : "en";
}

/** Picks the string of a language. */
export function t(lang: Lang, s: Localised): string {
  return s[lang];
}

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
