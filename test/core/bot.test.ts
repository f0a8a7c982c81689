import { describe, expect, it } from "vitest";
import { Bot } from "../../src/core/bot.ts";
import { StoreUnavailableError } from "../../src/core/errors.ts";
import type { Feature } from "../../src/core/feature.ts";
import { text } from "../../src/core/replies.ts";
import type { InboundEvent } from "../../src/core/types.ts";
import { MemoryStore } from "../../src/storage/memory.ts";
import { dm, makeServices, member, replyText } from "../helpers/services.ts";

const alice = member("alice");
const orgs = member("org");

/** A feature that echoes, keeps a counter conversation and has an organiser command. */
function echoFeature(services: ReturnType<typeof makeServices>["services"]): Feature {
  return {
    name: "echo",
    commands: [
      { name: "echo", description: { en: "echo", "zh-HK": "回音" }, run: async (_c, args) => [text(`echo:${args}`)] },
      {
        name: "secret",
        organiserOnly: true,
        description: { en: "secret", "zh-HK": "秘密" },
        run: async () => [text("the secret")],
      },
      {
        name: "count",
        description: { en: "count", "zh-HK": "數" },
        run: async (ctx) => {
          await services.sessions.set(ctx.member.id, { feature: "echo", step: "n", data: { n: 0 } }, 60_000);
          return [text("counting")];
        },
      },
    ],
    async onText(ctx, t, session) {
      const n = Number(session.data.n) + 1;
      await services.sessions.set(ctx.member.id, { feature: "echo", step: "n", data: { n } }, 60_000);
      return [text(`heard ${n}: ${t}`)];
    },
    async onAction(_ctx, args) {
      return [text(`pressed ${args.join(",")}`)];
    },
  };
}

function setup(rate?: number) {
  const t = makeServices({ organisers: [orgs.id] });
  const fallback = async (_ctx: unknown, q: string) => [text(`answer to ${q}`)];
  const bot = new Bot(t.services, [echoFeature(t.services)], fallback, rate ? { rateLimitPerMinute: rate } : {});
  const say = (m = alice, s = "", eventId?: string) =>
    bot.handle({ kind: "text", member: m, chat: dm(m), text: s, ...(eventId ? { eventId } : {}) });
  return { ...t, bot, say };
}

describe("Bot", () => {
  it("routes commands, including /cmd@botname, and free text to the fallback", async () => {
    const { say } = setup();
    expect(replyText(await say(alice, "/echo hi there"))).toBe("echo:hi there");
    expect(replyText(await say(alice, "/ECHO@bahk_bot x"))).toBe("echo:x");
    expect(replyText(await say(alice, "What is QMAS?"))).toBe("answer to What is QMAS?");
  });

  it("answers empty, whitespace-only, control-only and punctuation-only messages clearly", async () => {
    const { say } = setup();
    for (const s of ["", "   \n\t ", "\u0000\u0007\u200b", "?!..."]) {
      const out = replyText(await say(alice, s));
      expect(out).toMatch(/didn't catch anything|\/help/);
    }
  });

  it("passes a reaction sent alone to the understanding, which knows a nod (😂, 👍)", async () => {
    const { say } = setup();
    expect(replyText(await say(alice, "🎉🎉🎉"))).toBe("answer to 🎉🎉🎉");
  });

  it("reads only the first part of a 100 KB message and says so", async () => {
    const { say } = setup();
    const out = await say(alice, "a".repeat(100_000));
    const all = replyText(out);
    expect(all).toMatch(/very long/);
    expect(all.length).toBeLessThan(5_000);
  });

  it("refuses organiser commands to members, allows organisers", async () => {
    const { say } = setup();
    expect(replyText(await say(alice, "/secret"))).toMatch(/Only organisers/);
    expect(replyText(await say(orgs, "/secret"))).toBe("the secret");
  });

  it("answers unknown commands in the member's language", async () => {
    const { say } = setup();
    expect(replyText(await say(alice, "/nope"))).toMatch(/don't know the command \/nope/);
    const zh = member("zh", "telegram", { locale: "zh-hk" });
    expect(replyText(await say(zh, "/nope"))).toMatch(/不認識指令/);
  });

  it("keeps quiet about another bot's commands in a group, but not about its own", async () => {
    const { bot } = setup();
    const group = { id: "telegram:-100", type: "group" as const };
    const inGroup = (s: string) => bot.handle({ kind: "text", member: alice, chat: group, text: s });
    expect(await inGroup("/weather")).toEqual([]);
    expect(replyText(await inGroup("/weather@this_bot"))).toMatch(/don't know the command \/weather/);
    expect(replyText(await inGroup("/echo hi"))).toBe("echo:hi");
  });

  it("handles a delivery once even when it arrives twice", async () => {
    const { say } = setup();
    expect(replyText(await say(alice, "/echo once", "u1"))).toBe("echo:once");
    expect(await say(alice, "/echo once", "u1")).toEqual([]);
  });

  it("keeps a conversation across messages and ends it with /cancel", async () => {
    const { say, store } = setup();
    await say(alice, "/count");
    expect(replyText(await say(alice, "a"))).toBe("heard 1: a");
    expect(replyText(await say(alice, "b"))).toBe("heard 2: b");
    expect(replyText(await say(alice, "/cancel"))).toMatch(/Cancelled/);
    expect(await store.get("session", alice.id)).toBeUndefined();
    expect(replyText(await say(alice, "c"))).toBe("answer to c");
    expect(replyText(await say(alice, "/cancel"))).toMatch(/nothing to cancel/);
  });

  it("expires conversations", async () => {
    const { say, clock } = setup();
    await say(alice, "/count");
    clock.advance(61_000);
    expect(replyText(await say(alice, "a"))).toBe("answer to a");
  });

  it("routes buttons by prefix and answers stale ones", async () => {
    const { bot } = setup();
    const press = (data: string) => bot.handle({ kind: "action", member: alice, chat: dm(alice), data });
    expect(replyText(await press("echo:x:1"))).toBe("pressed x,1");
    expect(replyText(await press("gone:x"))).toMatch(/no longer does anything/);
  });

  it("limits the rate per member: one warning, then silence, then normal again", async () => {
    const { say, clock } = setup(3);
    for (let i = 0; i < 3; i++) expect(replyText(await say(alice, `/echo ${i}`))).toBe(`echo:${i}`);
    expect(replyText(await say(alice, "/echo 4"))).toMatch(/faster than I can keep up/);
    expect(await say(alice, "/echo 5")).toEqual([]);
    expect(replyText(await say(orgs, "/echo other"))).toBe("echo:other");
    clock.advance(60_000);
    expect(replyText(await say(alice, "/echo back"))).toBe("echo:back");
  });

  it("counts the rate in the store only when other instances may share it", async () => {
    const here = setup(2);
    for (let i = 0; i < 3; i++) await here.say(alice, `/echo ${i}`);
    expect(await here.services.store.list("rate")).toEqual([]);
    class SharedStore extends MemoryStore {
      readonly shared = true;
    }
    const t = makeServices({ store: new SharedStore() });
    const shared = new Bot(t.services, [echoFeature(t.services)], async () => [], { rateLimitPerMinute: 2 });
    const say = (s: string) => shared.handle({ kind: "text", member: alice, chat: dm(alice), text: s });
    for (let i = 0; i < 2; i++) expect(replyText(await say(`/echo ${i}`))).toBe(`echo:${i}`);
    expect(replyText(await say("/echo 2"))).toMatch(/faster than I can keep up/);
    expect((await t.services.store.list<number>("rate")).map((r) => r.value)).toEqual([3]);
  });

  it("turns a store outage into 'try again shortly' and other failures into a generic reply", async () => {
    class DownStore extends MemoryStore {
      override async get<T>(): Promise<T | undefined> {
        throw new StoreUnavailableError("connection refused");
      }
    }
    const t = makeServices({ store: new DownStore() });
    const bot = new Bot(t.services, [echoFeature(t.services)], async () => {
      throw new Error("boom");
    });
    const ev: InboundEvent = { kind: "text", member: alice, chat: dm(alice), text: "hello" };
    expect(replyText(await bot.handle(ev))).toMatch(/try again shortly/);
    const ok = makeServices();
    const bot2 = new Bot(ok.services, [], async () => {
      throw new Error("boom");
    });
    expect(replyText(await bot2.handle(ev))).toMatch(/Something went wrong/);
    expect(ok.logger.lines.some((l) => l.level === "error")).toBe(true);
  });

  it("refuses duplicate or malformed command names at construction", () => {
    const t = makeServices();
    const f = (name: string): Feature => ({
      name,
      commands: [{ name: "Bad-Name", description: { en: "", "zh-HK": "" }, run: async () => [] }],
    });
    expect(() => new Bot(t.services, [f("a")], async () => [])).toThrow(/bad command name/);
  });

  it("keeps a member's poll selection in the store when answers arrive one at a time, across a restart", async () => {
    const t = makeServices();
    const seen: string[] = [];
    const polls: Feature = {
      name: "pl",
      commands: [],
      async onPollVote(m, pollId, options) {
        seen.push(`${m.id}@${pollId}=${options.join(",")}`);
      },
    };
    const vote = (b: Bot, option: number, selected: boolean) =>
      b.pollVote({ member: alice, platform: "discord", nativePollId: "msg1", change: { option, selected } });
    const first = new Bot(t.services, [polls], async () => []);
    await first.pollPosted("pl:P1", "discord", "msg1");
    await vote(first, 2, true);
    await vote(first, 0, true);
    const restarted = new Bot(t.services, [polls], async () => []);
    expect(await restarted.forgetMember("console:bob")).toBe(0);
    await vote(restarted, 2, false);
    expect(await restarted.forgetMember(alice.id)).toBe(1);
    await vote(restarted, 0, false);
    expect(seen).toEqual([
      "console:alice@pl:P1=2",
      "console:alice@pl:P1=0,2",
      "console:alice@pl:P1=0",
      // Forgotten: nothing is known of the earlier selection any more.
      "console:alice@pl:P1=",
    ]);
    expect(await t.store.list("pollsel")).toEqual([]);
  });
});

describe("cleanText", () => {
  it("replaces lone surrogates, which no database stores as text, and keeps real pairs", async () => {
    const { cleanText } = await import("../../src/core/text.ts");
    expect(cleanText("a\ud800b")).toBe("a\ufffdb");
    expect(cleanText("x\udc00")).toBe("x\ufffd");
    expect(cleanText("ok 🙏")).toBe("ok 🙏");
  });
});
