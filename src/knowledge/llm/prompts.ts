/**
 * The prompt templates of the language model, read from `PROMPTS_DIR`
 * (system rules, answer, follow-up rewrite, tool descriptions) so that they
 * can be edited without touching code. Member text and passages go only into
 * the answer template's data section, between markers with a random nonce the
 * data cannot forge.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fill } from "../../core/i18n.ts";
import type { Lang } from "../../core/types.ts";

/** A passage handed to the model, numbered from 1. */
export interface NumberedPassage {
  readonly n: number;
  readonly title: string;
  readonly section?: string;
  readonly text: string;
}

/** The loaded templates. */
export interface PromptTemplates {
  readonly system: string;
  readonly answer: string;
  readonly rewrite: string;
  /** Tool descriptions by tool name. */
  readonly tools: Readonly<Record<string, string>>;
}

/** What the model must reply when the passages do not hold the answer. */
export const NOT_COVERED = "NOT_COVERED";
const LANGUAGE: Record<Lang, string> = { en: "English", "zh-HK": "Traditional Chinese as used in Hong Kong" };

/** Reads the templates from a prompts folder. */
export function loadPrompts(dir: string): PromptTemplates {
  const read = (name: string) => readFileSync(join(dir, name), "utf8");
  return {
    system: read("system.md"),
    answer: read("answer.md"),
    rewrite: read("rewrite.md"),
    tools: parseTools(read("tools.md")),
  };
}

/** `## name` headings followed by descriptions; `#` lines are comments. */
export function parseTools(md: string): Record<string, string> {
  const out: Record<string, string> = {};
  let name = "";
  for (const line of md.split("\n")) {
    const h = /^##\s+([a-z_]+)\s*$/.exec(line);
    if (h?.[1]) name = h[1];
    else if (name && !line.startsWith("#") && line.trim()) out[name] = `${out[name] ?? ""} ${line.trim()}`.trim();
  }
  return out;
}

/** The system message: the rules. */
export function systemMessage(p: PromptTemplates, lang: Lang, maxWords: number): string {
  return fill(p.system, { language: LANGUAGE[lang], max_words: maxWords, not_covered: NOT_COVERED }).trim();
}

/** Data may not contain anything that looks like a data marker. */
function defang(s: string): string {
  return s.replace(/<{2,}|>{2,}/g, " ").replace(/\b(?:BEGIN|END)[ _]DATA\b/gi, "data");
}

/** A member's e-mail addresses and phone numbers are never needed to answer: the model doesn't see them. */
export function redact(s: string): string {
  return s
    .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, "[e-mail]")
    .replace(/\+?\d[\d\s()-]{6,}\d/g, (m) => (m.replace(/\D/g, "").length >= 8 ? "[phone]" : m));
}

/** The user message: the data section with the passages, the conversation and the question. */
export function answerMessage(
  p: PromptTemplates,
  passages: readonly NumberedPassage[],
  question: string,
  recent: readonly string[] = [],
): string {
  const nonce = randomBytes(6).toString("hex");
  const list = passages
    .map((x) => `[${x.n}] ${x.title}${x.section ? ` › ${x.section}` : ""}\n${defang(x.text)}`)
    .join("\n\n");
  return fill(p.answer, {
    open: `<<<BEGIN DATA ${nonce}>>>`,
    close: `<<<END DATA ${nonce}>>>`,
    passages: list,
    // The member's recent questions, oldest first, on one line.
    conversation:
      recent.length > 0 ? fill(p.rewrite, { previous: recent.map((q) => defang(redact(q))).join(" → ") }) : "",
    question: defang(redact(question)),
  }).trim();
}
