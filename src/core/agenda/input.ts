/**
 * Validation of what members and organisers type. Text is stored as plain
 * text (markup such as `<b>` or `**` stays literal; adapters escape it), but
 * mass mentions are defused here because some platforms would act on them.
 */
import { err, ok, type Result } from "../errors.ts";
import { cleanLine, cleanText, hasWords } from "../text.ts";

/** Longest topic title, in characters. */
export const MAX_TITLE = 120;
/** Longest topic details, in characters. */
export const MAX_DETAILS = 1000;
/** Longest townhall name. */
export const MAX_TOWNHALL_NAME = 80;
/** Longest reason given when a topic is rejected. */
export const MAX_REASON = 300;

/** Why a text was refused. */
export type InputError = "empty" | "tooLong" | "noWords" | "badDate";

const FULLWIDTH_AT = "\uff20";

/**
 * Replaces `@everyone`, `@here` and Discord's `<@id>` / `<@&id>` mention
 * syntax with a look-alike that no platform turns into a notification.
 */
export function defuseMentions(input: string): string {
  return input.replace(/@(everyone|here)\b/gi, `${FULLWIDTH_AT}$1`).replace(/<@/g, `<${FULLWIDTH_AT}`);
}

/** Text a member typed, made safe to quote back in a reply: one line, defused, at most 24 characters. */
export function echo(input: string): string {
  const s = defuseMentions(cleanLine(input));
  const chars = Array.from(s);
  return chars.length <= 24 ? s : `${chars.slice(0, 23).join("")}…`;
}

function length(s: string): number {
  return Array.from(s).length;
}

/** A one-line text (title, name, reason): cleaned, defused, checked for words and length. */
export function line(input: string, max: number): Result<string, InputError> {
  const s = defuseMentions(cleanLine(input));
  if (s.length === 0) return err("empty");
  if (!hasWords(s)) return err("noWords");
  if (length(s) > max) return err("tooLong", String(length(s)));
  return ok(s);
}

/** Free text of several lines (details): cleaned, defused, checked for length; may be empty. */
export function block(input: string, max: number): Result<string, InputError> {
  const s = defuseMentions(cleanText(input));
  if (length(s) > max) return err("tooLong", String(length(s)));
  return ok(s);
}

/** A proposal as typed: the title, then details after the first newline or ` | `. */
export interface ProposalText {
  readonly title: string;
  /** Undefined when the member gave no details (they are asked for them). */
  readonly details?: string;
}

/** Splits `/propose` arguments into a title and optional details (after the first newline or `|`). */
export function splitProposal(args: string): { title: string; details?: string } {
  const clean = cleanText(args);
  const at = clean.search(/[\n|]/);
  if (at < 0) return { title: clean };
  const details = clean.slice(at + 1).trim();
  const title = clean.slice(0, at).trim();
  return details ? { title, details } : { title };
}

/** Checks a proposal's title and details. */
export function checkProposal(p: { title: string; details?: string }): Result<ProposalText, InputError | "details"> {
  const title = line(p.title, MAX_TITLE);
  if (!title.ok) return title;
  if (p.details === undefined) return ok({ title: title.value });
  const details = block(p.details, MAX_DETAILS);
  if (!details.ok) return err("details", details.detail);
  return ok({ title: title.value, details: details.value });
}

/** `<name> [| <YYYY-MM-DD>]` of `/townhall open`. */
export function checkTownhall(args: string): Result<{ name: string; date?: string }, InputError> {
  const [rawName = "", rawDate] = args.split("|");
  const name = line(rawName, MAX_TOWNHALL_NAME);
  if (!name.ok) return name;
  if (rawDate === undefined) return ok({ name: name.value });
  const date = rawDate.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return err("badDate");
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) return err("badDate");
  return ok({ name: name.value, date });
}
