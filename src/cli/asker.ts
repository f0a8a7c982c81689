/**
 * Asks the whole bot (understanding, intents, answers, follow-ups) as a member
 * in a private console chat would, over an in-memory store: used by
 * `npm run ask`, `npm run eval` and the conversation runner.
 */
import { type AppOverrides, buildApp } from "../app.ts";
import type { Config } from "../config/index.ts";
import type { Outcome } from "../core/faq/index.ts";
import type { Logger } from "../core/ports.ts";
import type { Reply, SourceRef } from "../core/replies.ts";
import { MemoryStore } from "../storage/memory.ts";

/** One answer as `npm run ask -- --jsonl` reports it. */
export interface AskResult {
  readonly answered: boolean;
  readonly text: string;
  readonly sources: readonly SourceRef[];
  readonly confidence: number;
  /** The intent acted on (or `none` for a request out of scope). */
  readonly intent?: string;
  /** Whether the organisers' hand-off was offered or done. */
  readonly handoff: boolean;
}

/** The plain text of replies (buttons in brackets). */
export function plainText(replies: readonly Reply[]): string {
  return replies
    .map((r) => {
      switch (r.type) {
        case "text":
          return [r.text, ...(r.buttons ?? []).map((b) => `[${b.label}]`)].join("\n");
        case "card":
          return [r.title, r.body ?? "", ...(r.fields ?? []).map((f) => `${f.label}: ${f.value}`)].join("\n");
        case "choice":
          return [r.prompt, ...r.choices.map((c) => `[${c.label}]`)].join("\n");
        case "poll":
          return r.fallbackText;
        case "file":
          return r.caption ?? r.filename;
        case "image":
          return r.text;
        case "form":
          return r.fallbackText;
        case "update":
          return "";
      }
    })
    .join("\n")
    .trim();
}

/** A bot to ask; `member` names the asker (the same name continues a conversation). */
export async function openAsker(
  config: Config,
  logger: Logger,
  overrides: Pick<AppOverrides, "intentTuning" | "answerTuning"> = {},
) {
  const outcomes = new Map<string, Outcome>();
  const app = await buildApp({ ...config, RATE_LIMIT_PER_MINUTE: 0 }, logger, {
    ...overrides,
    store: new MemoryStore(),
    onOutcome: (ctx, o) => outcomes.set(ctx.member.id, o),
  });
  return {
    async ask(question: string, member: string): Promise<AskResult> {
      const id = `console:${member}`;
      outcomes.delete(id);
      const replies = await app.bot.handle({
        kind: "text",
        member: { id, platform: "console", platformUserId: member, displayName: "Member" },
        chat: { id: `console:dm:${member}`, type: "private" },
        text: question,
      });
      const o = outcomes.get(id);
      const sources = replies.flatMap((r) => (r.type === "card" ? [...(r.sources ?? [])] : []));
      return {
        // A reply that is not a decline answers the member (a command run from an intent included).
        answered: o ? o.kind !== "decline" : replies.length > 0,
        text: plainText(replies),
        sources,
        confidence: o?.confidence ?? 0,
        ...(o?.intent ? { intent: o.intent } : {}),
        handoff: o?.handoff ?? false,
      };
    },
    close: () => app.close(),
  };
}
