/**
 * Caches kept to a size: a Map or Set remembers the order its entries came in, so the oldest is
 * the first of its keys (an entry moved to the end when used makes it the least recently used).
 */

/** Drops a Map's or Set's oldest entries until it holds at most `max`. */
export function keepNewest<K>(entries: Map<K, unknown> | Set<K>, max: number): void {
  while (entries.size > max) {
    const oldest = entries.keys().next();
    if (oldest.done) return;
    entries.delete(oldest.value);
  }
}
