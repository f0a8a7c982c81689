/**
 * Checks a model's answer before a member sees it: every citation must name a
 * passage that was given, and every link, e-mail address, phone number,
 * figure, mention and bot command must be written in the passages it cites
 * (commands: in the bot's own command list), and no markup is allowed. No run of words of the system rules may
 * appear. What passes is cut to the platform's length.
 */
import type { NumberedPassage } from "./prompts.ts";

/** The result of {@link checkAnswer}. */
export type Checked =
  | { readonly ok: true; readonly text: string; readonly cited: readonly number[] }
  | { readonly ok: false; readonly reason: string };

const CITATION = /\[(\d+(?:\s*[,，、]\s*\d+)*)\]/g;
const URL =
  /\b(?:https?:\/\/|www\.)[^\s<>"'()[\]]+|\b(?:[a-z0-9-]+\.)+(?:com|org|net|hk|io|xyz|info|biz|co|me|ly|app|dev|gov|edu|cn|tk|top|link|site|online)\b(?:\/[^\s<>"'()[\]]*)?/gi;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const PHONE = /\+?\d[\d\s()-]{6,}\d/g;
const NUMBER = /\d+(?:[.,]\d+)*/g;
const MENTION = /(?:^|[^\w.])(@[\w.]{2,}|<[@#][!&]?\d+>)/g;
const MARKUP = /<\/?[a-z][^>]*>|\[[^\]]*\]\([^)]*\)/i;
const COMMAND = /(?:^|[\s(（「"'“])\/([a-z][a-z0-9_]*)/gi;
/** Words in a row shared with the system rules that count as quoting them. */
const LEAK_RUN = 6;

/** Trailing punctuation is not part of a link. */
const trimUrl = (u: string) => u.replace(/[.,;:!?。，]+$/u, "").toLowerCase();
const digits = (s: string) => s.replace(/\D/g, "");

function words(s: string): string[] {
  return s
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function runs(ws: readonly string[], n: number): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + n <= ws.length; i++) out.add(ws.slice(i, i + n).join(" "));
  return out;
}

/** Full-width citation brackets (【1】, ［1］), as Chinese answers write them, read as [1]. */
function asciiCitations(text: string): string {
  return text.replace(/[［【]\s*(\d+(?:\s*[,，、]\s*\d+)*)\s*[］】]/gu, "[$1]");
}

/** Whether a link is written in the text from a boundary: `ct.com` is not in `contact.com`, `immd.gov.hk` is in `www.immd.gov.hk`. */
function linkIn(base: string, link: string): boolean {
  for (let i = base.indexOf(link); i >= 0; i = base.indexOf(link, i + 1)) {
    if (!/[a-z0-9-]/.test(base[i - 1] ?? "")) return true;
  }
  return false;
}

/** The passage numbers an answer cites, in order of first citation; undefined when one names no given passage. */
export function citations(text: string, given: number): number[] | undefined {
  const out: number[] = [];
  for (const m of asciiCitations(text).matchAll(CITATION)) {
    for (const n of (m[1] ?? "").split(/\s*[,，、]\s*/).map(Number)) {
      if (!Number.isInteger(n) || n < 1 || n > given) return undefined;
      if (!out.includes(n)) out.push(n);
    }
  }
  return out;
}

/** What in `text` is not written in `grounded`: links, e-mails, phones, figures, commands; undefined when nothing. */
export function ungrounded(text: string, grounded: string, commands: ReadonlySet<string>): string | undefined {
  const base = grounded.toLowerCase();
  let rest = text;
  // E-mail addresses first: their domains are not links.
  const emails = new Set((grounded.match(EMAIL) ?? []).map((e) => e.toLowerCase()));
  for (const m of text.match(EMAIL) ?? []) {
    if (!emails.has(m.toLowerCase())) return `e-mail ${m}`;
    rest = rest.replace(m, " ");
  }
  for (const m of rest.match(URL) ?? []) {
    if (!linkIn(base, trimUrl(m))) return `link ${m}`;
    rest = rest.replace(m, " ");
  }
  // A phone is one of the passages' phones, with or without its country code.
  const phones = (grounded.match(PHONE) ?? []).map(digits).filter((d) => d.length >= 7);
  for (const m of rest.match(PHONE) ?? []) {
    const d = digits(m);
    if (d.length >= 7 && !phones.some((p) => p.endsWith(d) || (p.length >= 8 && d.endsWith(p)))) return `phone ${m}`;
  }
  if (MARKUP.test(rest)) return "markup";
  for (const m of rest.matchAll(MENTION)) {
    if (!base.includes((m[1] ?? "").toLowerCase())) return `mention ${m[1]}`;
  }
  for (const m of rest.matchAll(COMMAND)) {
    if (!commands.has((m[1] ?? "").toLowerCase())) return `command /${m[1]}`;
  }
  const figures = new Set((grounded.match(NUMBER) ?? []).map((n) => n.replace(/,/g, "")));
  for (const m of rest.match(NUMBER) ?? []) {
    if (!figures.has(m.replace(/,/g, ""))) return `figure ${m}`;
  }
  return undefined;
}

/** Whether a text carries a link, e-mail address, phone number, mention or markup (a tool argument may not). */
export function hasContactOrLink(text: string): boolean {
  return (
    new RegExp(URL.source, "i").test(text) ||
    /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.test(text) ||
    (text.match(PHONE) ?? []).some((m) => digits(m).length >= 7) ||
    new RegExp(MENTION.source).test(text) ||
    MARKUP.test(text)
  );
}

/** Whether `text` quotes a run of words of the system rules that the passages don't contain. */
export function leaks(text: string, system: string, passages: string): boolean {
  const rules = runs(words(system), LEAK_RUN);
  const allowed = runs(words(passages), LEAK_RUN);
  for (const r of runs(words(text), LEAK_RUN)) if (rules.has(r) && !allowed.has(r)) return true;
  return false;
}

/** Cuts a text to `max` characters at a sentence (or word) boundary, marking the cut. */
export function bound(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  const stop = Math.max(...[". ", "。", "! ", "? ", "！", "？", "\n"].map((s) => head.lastIndexOf(s)));
  const cut = stop > max / 2 ? head.slice(0, stop + 1) : head.replace(/\s+\S*$/u, "");
  return `${cut.trimEnd()}…`;
}

/** The text without its citation markers (and the spaces they leave). */
export function stripCitations(raw: string): string {
  return asciiCitations(raw)
    .replace(CITATION, "")
    .replace(/[ \t]+([.,;:!?。，])/gu, "$1")
    .replace(/[ \t]{2,}/g, " ")
    .trim();
}

/** Checks an answer against the passages it was given; the text returned has no citation markers. */
export function checkAnswer(
  raw: string,
  passages: readonly NumberedPassage[],
  commands: ReadonlySet<string>,
  system: string,
  maxChars: number,
): Checked {
  const cited = citations(raw, passages.length);
  if (!cited) return { ok: false, reason: "a citation names no given passage" };
  if (cited.length === 0) return { ok: false, reason: "no citation" };
  const sources = passages.filter((p) => cited.includes(p.n));
  const grounded = sources.map((p) => `${p.title}\n${p.section ?? ""}\n${p.text}`).join("\n");
  const text = stripCitations(raw);
  if (!text) return { ok: false, reason: "empty" };
  const bad = ungrounded(text, grounded, commands);
  // The reason is logged: it names what was wrong, not the value (an invented phone may be someone's).
  if (bad) return { ok: false, reason: `ungrounded ${bad.split(" ")[0]}` };
  const all = passages.map((p) => p.text).join("\n");
  if (leaks(text, system, all)) return { ok: false, reason: "quotes the system rules" };
  return { ok: true, text: bound(text, maxChars), cited };
}
