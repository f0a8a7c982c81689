/** Short, unambiguous identifiers for records people read aloud or type (DON-7F3K, T-9QX2). */
import { randomBytes } from "node:crypto";

// Crockford's base32 without I, L, O, U: nothing to confuse when read aloud.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** `n` random characters of Crockford base32. */
export function shortId(n = 6): string {
  const bytes = randomBytes(n);
  let out = "";
  for (const b of bytes) out += ALPHABET[b & 31];
  return out;
}

/** A time-ordered unique key: ISO time then randomness, so keys sort by creation. */
export function timeKey(at: Date): string {
  return `${at.toISOString()}-${shortId(8)}`;
}
