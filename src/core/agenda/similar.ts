/** Finds topics that mean the same as a new proposal, with the knowledge base's embedder. */
import type { Embedder } from "../ports.ts";
import type { TopicView } from "./model.ts";

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

/** Cosine similarity of two vectors; 0 when either is empty, zero or their sizes differ. */
export function cosine(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || a.length !== b.length) return 0;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

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
