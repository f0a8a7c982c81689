/**
 * The bot's features offered to the model as tools. Each tool is one of the
 * intents the core already acts on (knowledge/intents.json): a call becomes
 * the intent, which the core runs as the member's own command. Tools take no
 * member, chat or id (they act only for the member asking), and a text
 * argument must be made of the member's own words, without links, contacts
 * or mentions: anything else is an invalid call, and the embedded answer
 * stands.
 */
import type { ChatCompletionTool } from "openai/resources/chat/completions";
import { z } from "zod";
import type { IntentMatch } from "../../core/ports.ts";
import { hasContactOrLink } from "./check.ts";

interface ToolSpec {
  readonly intent: Omit<IntentMatch, "score">;
  readonly schema: z.ZodObject;
  /** The argument holding the member's words, if any. */
  readonly words?: string;
}

const none = z.object({}).strict();

const TOOLS: Readonly<Record<string, ToolSpec>> = {
  start_donation_offer: {
    intent: { name: "donate", command: "donate", args: true },
    schema: z
      .object({ goods: z.string().min(1).max(300).describe("the goods and quantity, in the member's words") })
      .strict(),
    words: "goods",
  },
  propose_topic: {
    intent: { name: "propose", command: "propose", args: true },
    schema: z.object({ title: z.string().min(3).max(120).describe("the topic, in the member's words") }).strict(),
    words: "title",
  },
  show_agenda: { intent: { name: "agenda", command: "agenda", args: false }, schema: none },
  show_my_data: { intent: { name: "mydata", command: "mydata", args: false }, schema: none },
  erase_my_data: { intent: { name: "forgetme", command: "forgetme", args: false }, schema: none },
  hand_off_to_organisers: { intent: { name: "handoff", args: false }, schema: none },
};

/** The tool definitions sent to the model, with the descriptions of prompts/tools.md. */
export function toolDefinitions(descriptions: Readonly<Record<string, string>>): ChatCompletionTool[] {
  return Object.entries(TOOLS).map(([name, spec]) => {
    const { $schema: _, ...parameters } = z.toJSONSchema(spec.schema) as Record<string, unknown>;
    return { type: "function", function: { name, description: descriptions[name] ?? name, parameters } };
  });
}

/** A tool call turned into the intent it stands for, or the reason it is not valid. */
export type ToolOutcome =
  | { readonly ok: true; readonly intent: IntentMatch; readonly words: string }
  | { readonly ok: false; readonly reason: string };

function tokens(s: string): string[] {
  return (
    s
      .normalize("NFKC")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).flatMap((w) => (/\p{Script=Han}/u.test(w) ? [...w] : [w]));
}

/** Reads a tool call of the model against the member's question. */
export function readToolCall(name: string, rawArgs: string, question: string): ToolOutcome {
  const spec = Object.hasOwn(TOOLS, name) ? TOOLS[name] : undefined;
  if (!spec) return { ok: false, reason: `unknown tool ${name.slice(0, 40)}` };
  let args: unknown;
  try {
    args = JSON.parse(rawArgs || "{}");
  } catch {
    return { ok: false, reason: `arguments of ${name} are not JSON` };
  }
  const parsed = spec.schema.safeParse(args);
  if (!parsed.success) return { ok: false, reason: `arguments of ${name} do not fit its schema` };
  const intent: IntentMatch = { ...spec.intent, score: 1 };
  if (!spec.words) return { ok: true, intent, words: question };
  const words = String((parsed.data as Record<string, unknown>)[spec.words]);
  const own = new Set(tokens(question));
  if (!tokens(words).every((w) => own.has(w))) return { ok: false, reason: `${name} words are not the member's` };
  if (hasContactOrLink(words)) return { ok: false, reason: `${name} words carry a link, contact or mention` };
  return { ok: true, intent, words };
}
