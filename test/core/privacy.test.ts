import { describe, expect, it } from "vitest";
import { Bot } from "../../src/core/bot.ts";
import type { Feature } from "../../src/core/feature.ts";
import { privacy } from "../../src/core/privacy/privacy.ts";
import type { ActionEvent } from "../../src/core/types.ts";
import { dm, makeServices, member, replyText } from "../helpers/services.ts";

const alice = member("alice");
const bob = member("bob");

/** A feature holding one note per member. */
function notes(store: ReturnType<typeof makeServices>["store"]): Feature {
  return {
    name: "notes",
    commands: [],
    async personalData(memberId) {
      const n = await store.get<string>("note", memberId);
      return n ? [`note: ${n}`] : [];
    },
    async forget(memberId) {
      return (await store.delete("note", memberId)) ? 1 : 0;
    },
  };
}

describe("privacy", () => {
  it("shows a member only their own data, privately, and erases it after confirmation", async () => {
    const t = makeServices();
    await t.store.set("note", alice.id, "alice's phone 9123 4567");
    await t.store.set("note", bob.id, "bob's email bob@example.com");
    const features: Feature[] = [notes(t.store)];
    features.push(privacy(() => features));
    const bot = new Bot(t.services, features, async () => []);
    const say = (m = alice, s = "") => bot.handle({ kind: "text", member: m, chat: dm(m), text: s });

    const mine = await say(alice, "/mydata");
    expect(replyText(mine)).toContain("9123 4567");
    expect(replyText(mine)).not.toContain("bob@example.com");
    expect(mine.every((r) => r.type !== "text" || r.private === true)).toBe(true);

    const confirm = await say(alice, "/forgetme");
    expect(await t.store.get("note", alice.id)).toBeDefined();
    const buttons = confirm[0]?.type === "text" ? (confirm[0].buttons ?? []) : [];
    const yes = buttons.find((b) => b.style === "danger");
    expect(yes).toBeDefined();
    const press: ActionEvent = { kind: "action", member: alice, chat: dm(alice), data: yes?.id ?? "" };
    expect(replyText(await bot.handle(press))).toMatch(/erased \(1 records/);
    expect(await t.store.get("note", alice.id)).toBeUndefined();
    expect(await t.store.get("note", bob.id)).toBeDefined();
    expect(replyText(await say(alice, "/mydata"))).toMatch(/no personal data/);
  });
});
