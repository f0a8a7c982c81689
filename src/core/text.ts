/** Cleaning of untrusted text before the core looks at it or stores it. */

/** The most characters of a message the core reads; the rest is ignored (and the member told). */
export const MAX_MESSAGE_CHARS = 4000;

// C0/C1 controls except tab and newline, bidi overrides and zero-width characters.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Removes control and invisible characters, replaces lone surrogates (which no database stores as
 * valid text), normalises to NFC, collapses runs of blank space.
 */
export function cleanText(input: string): string {
  return input
    .replace(LONE_SURROGATE, "\uFFFD")
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(CONTROL, "")
    .replace(/[ \t]+/g, " ")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** A single line: cleaned, newlines folded to spaces. */
export function cleanLine(input: string): string {
  return cleanText(input).replace(/\s*\n\s*/g, " ");
}

/** Shortens text to at most `max` characters (code points), marking the cut with an ellipsis. */
export function truncate(input: string, max: number): string {
  const chars = Array.from(input);
  return chars.length <= max ? input : `${chars.slice(0, Math.max(0, max - 1)).join("")}…`;
}

/** True when the text has at least one letter or digit in any script. */
export function hasWords(input: string): boolean {
  return /[\p{L}\p{N}]/u.test(input);
}

/**
 * Whether a message says something the bot can read: words, or a reaction sent alone ("😂😂", "👍🏻"),
 * which the understanding reads as an acknowledgement. Punctuation alone ("?", "...") says nothing.
 */
export function saysSomething(input: string): boolean {
  return hasWords(input) || /\p{Extended_Pictographic}/u.test(input);
}

/** E-mail addresses, phone numbers and @mentions in a member's text. */
const CONTACTS = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\+?\d[\d\s()-]{5,}\d|(?<![\w@])@\w{2,}/g;

/** A member's text without their contact details ("call me on 9123 4567" → "call me on …"). */
export function withoutContacts(input: string): string {
  // A run of digits is a phone number from eight digits on (Hong Kong's); "2006" or "1,000" stay.
  return input.replace(CONTACTS, (m) => (m.includes("@") || m.replace(/\D/g, "").length >= 8 ? "…" : m));
}

/** The words of a message (a Chinese character counting half). */
export function wordCount(q: string): number {
  return q.split(/\s+/).length + (q.match(/[\u4e00-\u9fff]/g)?.length ?? 0) / 2;
}

/** A text matched literally inside a regular expression (its special characters escaped). */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A number as a text gives it in figures ("30", "1,000", "2006", "1.5"). */
export const NUMBER = /\d(?:[\d,]*\d)?(?:\.\d+)?/g;

/** The numbers a text gives in figures, their thousands' commas dropped ("1,000" and "1000" alike). */
export function numbersIn(text: string): string[] {
  return (text.match(NUMBER) ?? []).map((n) => n.replace(/,/g, ""));
}

const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  兩: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CHINESE_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000, 萬: 10000, 万: 10000 };

/** A number written in Chinese ("兩百", "一百五十", "三千", and Cantonese "百五" for 150), or undefined. */
export function chineseNumber(s: string): number | undefined {
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  let lastUnit = 0;
  for (const ch of s) {
    const d = CHINESE_DIGITS[ch];
    const u = CHINESE_UNITS[ch];
    if (d !== undefined) digit = d;
    else if (u === 10000) {
      total += (section + (digit ?? 0)) * u;
      section = 0;
      digit = undefined;
      lastUnit = u;
    } else if (u !== undefined) {
      section += (digit ?? 1) * u;
      digit = undefined;
      lastUnit = u;
    } else return undefined;
  }
  // "百五" is 150, "千二" 1,200: a digit after a unit counts the next unit down.
  const tail = digit === undefined ? 0 : lastUnit >= 100 ? (digit * lastUnit) / 10 : digit;
  const n = total + section + tail;
  return n > 0 ? n : undefined;
}
