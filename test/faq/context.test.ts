import { describe, expect, it } from "vitest";
import { ConversationContext, MAX_TURNS } from "../../src/core/faq/context.ts";
import type { Context } from "../../src/core/feature.ts";
import { MemoryStore } from "../../src/storage/memory.ts";

const ctx = { member: { id: "console:amy" }, chat: { id: "console:dm:amy" }, now: new Date() } as unknown as Context;

describe("the conversation context", () => {
  it("keeps the last questions, oldest first, and /forgetme erases them all", async () => {
    const store = new MemoryStore();
    const context = new ConversationContext(store);
    for (const q of ["What is QMAS?", "who can apply?", "how many a year?", "since when?"]) {
      await context.set(ctx, q, undefined, await context.get(ctx));
    }
    const turn = await context.get(ctx);
    expect(turn?.question).toBe("since when?");
    expect(turn?.earlier).toEqual(["who can apply?", "how many a year?"]);
    expect(1 + (turn?.earlier?.length ?? 0)).toBe(MAX_TURNS);
    expect(await context.of("console:amy")).toEqual(["who can apply?", "how many a year?", "since when?"]);
    expect(await context.forget("console:amy")).toBe(1);
    expect(await context.get(ctx)).toBeUndefined();
  });
});
