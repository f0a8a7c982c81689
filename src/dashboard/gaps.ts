/** Unanswered questions grouped by similarity, for the overview and the knowledge-gaps page. */

import { questionLog } from "../core/faq/log.ts";
import type { Services } from "../core/feature.ts";
import { dotOfUnits, unitVector } from "../core/vectors.ts";

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

/** How alike two questions must be (cosine of the bot's embeddings) to be one group. */
export const GAP_SIMILARITY = 0.8;
/** The most recent questions grouped (older ones wait for the retention job). */
const MAX_QUESTIONS = 1000;

/**
 * Groups the declined questions with the bot's embedder: each question joins the first group
 * whose first question is at least {@link GAP_SIMILARITY} alike, newest first. Embeddings are
 * cached by text, for the texts still among the newest (so the cache stays as small as they
 * are). Reads the FAQ's question log: only the newest questions (an index read in SQL), and
 * the ratings as counts.
 */
export function storeGaps(services: Pick<Services, "store" | "embedder" | "records">): Gaps {
  /** Each text's embedding, scaled to length 1 (so a cosine is a dot product). */
  const cache = new Map<string, Float64Array>();
  const log = questionLog(services);
  return {
    feedback: () => log.feedback(),
    async groups() {
      const rows = await log.recent(MAX_QUESTIONS);
      const texts = new Set(rows.map((q) => q.text));
      const fresh = [...texts].filter((t) => !cache.has(t));
      if (fresh.length > 0) {
        const vectors = await services.embedder.embedDocuments(fresh);
        fresh.forEach((t, i) => cache.set(t, unitVector(vectors[i] ?? [])));
      }
      for (const t of cache.keys()) if (!texts.has(t)) cache.delete(t);
      type Group = { head: Float64Array; text: string; count: number; last: string; questions: string[] };
      const groups: Group[] = [];
      // A text asked again joins the group it joined before: groups only grow at the end, and the
      // first one alike is still the first (1,000 questions are some 400 texts; each compared with
      // every group before was most of a cold render's 120-170 ms).
      const joined = new Map<string, Group>();
      for (const q of rows) {
        let g = joined.get(q.text);
        if (!g) {
          const v = cache.get(q.text) ?? new Float64Array();
          g = groups.find((x) => dotOfUnits(x.head, v) >= GAP_SIMILARITY);
          if (g) g.questions.push(q.text);
          else {
            g = { head: v, text: q.text, count: 0, last: q.at, questions: [q.text] };
            groups.push(g);
          }
          joined.set(q.text, g);
        }
        g.count++;
      }
      return groups.sort((a, b) => b.count - a.count || b.last.localeCompare(a.last)).map(({ head: _h, ...g }) => g);
    },
  };
}
