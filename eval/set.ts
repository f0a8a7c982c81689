/** Reading, splitting and checking eval sets (the JSONL format of shared/eval/dev.jsonl, scored like score.mjs). */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

/** One question of an eval set. */
export interface EvalQuestion {
  id: string;
  lang?: string;
  kind?: string;
  category?: string;
  question: string;
  answerable: boolean;
  expect_all?: string[][];
  /** The intent the bot must act on (fresh sets). */
  expect_intent?: string;
  /** Whether a decline must (or must not) offer the organisers' hand-off (fresh sets). */
  expect_handoff?: boolean;
}

/** What the bot did with a question, as `npm run ask -- --jsonl` reports it. */
export interface EvalAnswer {
  answered: boolean;
  text: string;
  intent?: string;
  handoff?: boolean;
}

/** Reads a JSONL eval set. */
export function readSet(path: string): EvalQuestion[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalQuestion);
}

/** Whether a text satisfies every expectation group (case-insensitive regular expressions). */
export function matches(q: Pick<EvalQuestion, "expect_all">, text: string): boolean {
  return (q.expect_all ?? []).every((alts) => alts.some((re) => new RegExp(re, "i").test(text)));
}

/**
 * Greetings, thanks and small talk are one kind of message to a writer of questions: a short friendly
 * reply. The bot's nod to an acknowledgement ("nice one 👍", "哈哈好正") is one too: the sets' writers
 * had no word for it and wrote thanks or small talk. So is its reply to which languages it speaks
 * ("你識唔識講廣東話㗎？"), chat about the bot that the writers called small talk.
 */
const SOCIAL = new Set(["greeting", "thanks", "smalltalk", "ack", "language"]);

/** Whether the intent acted on is the one expected (any social reply for an expected social message). */
function sameIntent(expected: string, got: string | undefined): boolean {
  return got === expected || (SOCIAL.has(expected) && got !== undefined && SOCIAL.has(got));
}

/** Whether an answer passes: as score.mjs decides, plus the intent and hand-off of the fresh sets. */
export function passes(q: EvalQuestion, a: EvalAnswer): boolean {
  if (q.expect_intent) return sameIntent(q.expect_intent, a.intent) && matches(q, a.text);
  if (!q.answerable) {
    if (a.answered) return false;
    return q.expect_handoff === undefined || Boolean(a.handoff) === q.expect_handoff;
  }
  return a.answered && matches(q, a.text);
}

/** Whether an answer passes as ../shared/eval/score.mjs decides: answered and matching, or declined. */
export function passesPlain(q: EvalQuestion, a: EvalAnswer): boolean {
  return q.answerable ? a.answered && matches(q, a.text) : !a.answered;
}

/**
 * The half of a fresh set a question belongs to: within each category, questions ordered by a
 * hash of their id alternate between `tune` and `heldout`. Fixed once, so the held-out half
 * never changes with tuning.
 */
export function halves(questions: readonly EvalQuestion[]): Map<string, "tune" | "heldout"> {
  const byCategory = new Map<string, EvalQuestion[]>();
  for (const q of questions) {
    const c = q.category ?? q.kind ?? "?";
    byCategory.set(c, [...(byCategory.get(c) ?? []), q]);
  }
  const out = new Map<string, "tune" | "heldout">();
  const h = (id: string) => createHash("sha256").update(id).digest("hex");
  for (const list of byCategory.values()) {
    [...list]
      .sort((a, b) => h(a.id).localeCompare(h(b.id)))
      .forEach((q, i) => out.set(q.id, i % 2 === 0 ? "tune" : "heldout"));
  }
  return out;
}
