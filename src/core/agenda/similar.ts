/** Finds topics that mean the same as a new proposal, with the knowledge base's embedder. */
import type { Embedder } from "../ports.ts";
import { cosine } from "../vectors.ts";
import type { TopicView } from "./model.ts";

export { cosine };

/**
 * Cosine similarity from which two titles count as the same topic. Measured
 * with the offline GloVe/lexical embedder on 10 paraphrased and 10 different
 * pairs of townhall titles (test/agenda/similar.int.test.ts): paraphrases
 * scored 0.46–1.00 (8 of 10 at or above 0.55), different topics 0.00–0.81
 * (2 of 10). Offering a look-alike costs the member one press, a missed one
 * costs a duplicate an organiser must merge, so the threshold leans to recall.
 */
export const SIMILAR_TOPIC_THRESHOLD = 0.55;
/** Most look-alike topics offered before saving a proposal. */
export const MAX_SIMILAR = 3;

/**
 * The live topics (pending or approved) most similar to `query`, best first.
 * Stored embeddings are used where present and of the right size; the others
 * are embedded now (an embedder may have changed since they were saved).
 */
export async function findSimilar(
  embedder: Embedder,
  query: readonly number[],
  topics: readonly TopicView[],
  stored: ReadonlyMap<string, readonly number[]>,
): Promise<{ view: TopicView; score: number }[]> {
  const live = topics.filter((t) => t.status === "pending" || t.status === "approved");
  const missing = live.filter((t) => stored.get(t.topic.id)?.length !== query.length);
  const fresh = missing.length > 0 ? await embedder.embedDocuments(missing.map((t) => t.topic.title)) : [];
  const vectors = new Map<string, readonly number[]>(stored);
  missing.forEach((t, i) => {
    vectors.set(t.topic.id, fresh[i] ?? []);
  });
  return live
    .map((view) => ({ view, score: cosine(query, vectors.get(view.topic.id) ?? []) }))
    .filter((s) => s.score >= SIMILAR_TOPIC_THRESHOLD)
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_SIMILAR);
}
