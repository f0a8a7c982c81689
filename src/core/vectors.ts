/** Arithmetic on embedding vectors, shared by the features that compare texts by meaning. */

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
 * `v` scaled to length 1 (empty when it is empty or zero): compared many times, unit vectors
 * give their cosine as a plain dot product ({@link dotOfUnits}), without norms each time.
 */
export function unitVector(v: readonly number[]): Float64Array {
  let n = 0;
  for (const x of v) n += x * x;
  if (n === 0) return new Float64Array();
  const s = 1 / Math.sqrt(n);
  return Float64Array.from(v, (x) => x * s);
}

/** The cosine of two vectors made by {@link unitVector}; 0 when either is empty or their sizes differ. */
export function dotOfUnits(a: Float64Array, b: Float64Array): number {
  if (a.length === 0 || a.length !== b.length) return 0;
  let d = 0;
  for (let i = 0; i < a.length; i++) d += (a[i] as number) * (b[i] as number);
  return d;
}
