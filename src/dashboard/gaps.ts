/** Unanswered questions grouped by similarity, for the overview and the knowledge-gaps page. */
import type { Services } from "../core/feature.ts";
import { cosine } from "../core/vectors.ts";

/** A group of similar unanswered questions. */
export interface GapGroup {
  /** The most recent wording. */
  readonly text: string;
  readonly count: number;
  readonly last: string;
  readonly questions: readonly string[];
}

/** What the pages read about knowledge gaps. */
export interface Gaps {
  groups(): Promise<GapGroup[]>;
  /** Members' ratings of answers: helpful and not helpful. */
  feedback(): Promise<{ up: number; down: number }>;
}

/** A declined question as the FAQ feature stores it (see src/core/faq: `DeclinedQuestion`). */
interface Declined {
  readonly text: string;
  readonly at: string;
}

/** How alike two questions must be (cosine of the bot's embeddings) to be one group. */
export const GAP_SIMILARITY = 0.8;
/** The most recent questions grouped (older ones wait for the retention job). */
const MAX_QUESTIONS = 1000;

/**
 * Groups the declined questions with the bot's embedder: each question joins the first group
 * whose first question is at least {@link GAP_SIMILARITY} alike, newest first. Embeddings are
 * cached by text. Reads the FAQ feature's `faq.questions` records (it has no repository yet).
 */
export function storeGaps(services: Pick<Services, "store" | "embedder">): Gaps {
  const cache = new Map<string, number[]>();
  return {
    async feedback() {
      const ratings = await services.store.list<{ value: string }>("faq.ratings");
      const up = ratings.filter((r) => r.value.value === "up").length;
      return { up, down: ratings.length - up };
    },
    async groups() {
      const rows = (await services.store.list<Declined>("faq.questions"))
        .map((r) => r.value)
        .filter((q) => q.text)
        .slice(-MAX_QUESTIONS)
        .reverse();
      const fresh = [...new Set(rows.map((q) => q.text))].filter((t) => !cache.has(t));
      if (fresh.length > 0) {
        const vectors = await services.embedder.embedDocuments(fresh);
        fresh.forEach((t, i) => cache.set(t, vectors[i] ?? []));
      }
      const groups: { head: number[]; text: string; count: number; last: string; questions: string[] }[] = [];
      for (const q of rows) {
        const v = cache.get(q.text) ?? [];
        const g = groups.find((x) => cosine(x.head, v) >= GAP_SIMILARITY);
        if (g) {
          g.count++;
          if (!g.questions.includes(q.text)) g.questions.push(q.text);
        } else groups.push({ head: v, text: q.text, count: 1, last: q.at, questions: [q.text] });
      }
      return groups.sort((a, b) => b.count - a.count || b.last.localeCompare(a.last)).map(({ head: _h, ...g }) => g);
    },
  };
}
