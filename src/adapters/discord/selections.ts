/**
 * Discord reports poll votes one answer at a time (MESSAGE_POLL_VOTE_ADD /
 * REMOVE), while the core treats each vote as the member's whole ballot. This
 * keeps, per (poll message, user), the answers currently selected, so each
 * event can be passed on as the full selection (empty = withdrawn).
 *
 * Limits, on purpose: the state lives in process memory and is bounded (least
 * recently used entries beyond `maxEntries` are forgotten; an entry is a few
 * small numbers). After a restart, or for a ballot evicted from memory, the
 * next event of a member in a multi-answer poll is passed on as if it were the
 * only change since nothing was known: an added answer becomes the whole
 * ballot, a removal becomes a withdrawal. Single-answer polls are exact anyway.
 */

/** The selected answers per (poll message, user). */
export class PollSelections {
  private readonly entries = new Map<string, readonly number[]>();

  constructor(private readonly maxEntries = 10_000) {}

  /** Records that the user selected an answer; returns the full selection. */
  add(messageId: string, userId: string, index: number): number[] {
    const now = [...new Set([...this.current(messageId, userId), index])].sort((a, b) => a - b);
    return this.put(messageId, userId, now);
  }

  /** Records that the user unselected an answer; returns the full selection (empty = withdrawn). */
  remove(messageId: string, userId: string, index: number): number[] {
    return this.put(
      messageId,
      userId,
      this.current(messageId, userId).filter((i) => i !== index),
    );
  }

  /** How many ballots are held. */
  get size(): number {
    return this.entries.size;
  }

  private current(messageId: string, userId: string): readonly number[] {
    return this.entries.get(`${messageId}:${userId}`) ?? [];
  }

  private put(messageId: string, userId: string, selection: number[]): number[] {
    const key = `${messageId}:${userId}`;
    this.entries.delete(key);
    if (selection.length > 0) this.entries.set(key, selection);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return selection;
  }
}
