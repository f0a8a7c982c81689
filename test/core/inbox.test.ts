import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { Inbox } from "../../src/core/inbox.ts";
import type { Store, StoreWrite } from "../../src/core/ports.ts";
import { MemoryStore } from "../../src/storage/memory.ts";

/** A memory store that records each call of `write`, and fails the next ones when told to. */
function recording() {
  const inner = new MemoryStore();
  const writes: StoreWrite[][] = [];
  let failures = 0;
  const store: Store = Object.assign(Object.create(inner) as Store, {
    async write(w: readonly StoreWrite[]) {
      if (failures > 0) {
        failures--;
        throw new Error("store down");
      }
      writes.push([...w]);
      return inner.write(w);
    },
  });
  return { store, writes, fail: (n: number) => (failures = n) };
}

const update = (id: number) => ({ update_id: id, message: { text: `q${id}` } });
const ids = async (inbox: Inbox) => (await inbox.pending()).map((p) => p.id);

describe("inbox", () => {
  it("deletes the handled updates' records in the same write as the next updates kept", async () => {
    const { store, writes } = recording();
    const inbox = new Inbox(store, "telegram", 60_000);
    await inbox.keep([
      { id: 1, update: update(1) },
      { id: 2, update: update(2) },
    ]);
    inbox.done(1);
    expect(await ids(inbox)).toEqual([1, 2]);
    await inbox.keep([{ id: 3, update: update(3) }]);
    expect(writes).toHaveLength(2);
    expect(writes[1]?.map((w) => ("delete" in w ? `-${w.key}` : `+${w.key}`))).toEqual([
      "-telegram:0000000000000001",
      "+telegram:0000000000000003",
    ]);
    expect(await inbox.pending()).toEqual([
      { id: 2, update: update(2) },
      { id: 3, update: update(3) },
    ]);
  });

  it("deletes them on its own when no update comes, and at once when flushed", async () => {
    const { store, writes } = recording();
    const inbox = new Inbox(store, "telegram", 50);
    await inbox.keep([1, 2, 3].map((id) => ({ id, update: update(id) })));
    inbox.done(1);
    inbox.done(2);
    await sleep(200);
    expect(await ids(inbox)).toEqual([3]);
    expect(writes).toHaveLength(2);
    inbox.done(3);
    await inbox.flush();
    expect(await ids(inbox)).toEqual([]);
    await inbox.flush();
    expect(writes).toHaveLength(3);
  });

  it("keeps nothing and forgets nothing when a write fails, and deletes the handled ones later", async () => {
    const { store, fail } = recording();
    const inbox = new Inbox(store, "telegram", 50);
    await inbox.keep([{ id: 1, update: update(1) }]);
    inbox.done(1);
    fail(1);
    await expect(inbox.keep([{ id: 2, update: update(2) }])).rejects.toThrow("store down");
    expect(await ids(inbox)).toEqual([1]);
    await sleep(200);
    expect(await ids(inbox)).toEqual([]);
  });
});
