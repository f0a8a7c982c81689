/**
 * One member's events are handled one after another, different members' in parallel: a
 * platform may deliver a batch of updates at once (Telegram's getUpdates), and a member's
 * second message must not overtake the first ("/propose" then its title, two poll changes).
 * This orders events within one process; instances sharing a store rely on the store's
 * atomic operations.
 */
export class KeyedSerializer {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Runs `task` after every earlier task of the same key has settled. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** How many keys have work queued or running. */
  get busy(): number {
    return this.tails.size;
  }
}
