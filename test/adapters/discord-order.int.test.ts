/**
 * One member's Discord events reach the core one after another, different
 * members' in parallel (discord.js against the fake Discord): a burst of
 * interactions or messages from one member is handled in arrival order.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiscordAdapter } from "../../src/adapters/discord/discord.ts";
import { Bot } from "../../src/core/bot.ts";
import { text } from "../../src/core/replies.ts";
import { FakeDiscord, type RestCall } from "../fakes/discord-api.ts";
import { type Actor, message, slash } from "../fakes/discord-payloads.ts";
import { makeServices } from "../helpers/services.ts";

const ADA: Actor = { id: "600000000000000042", name: "Ada" };
const BEN: Actor = { id: "600000000000000043", name: "Ben" };

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("Discord per-member ordering (discord.js against a fake Discord)", () => {
  const fake = new FakeDiscord();
  const counters = new Map<string, number>();
  const gate: { open?: () => void } = {};
  let adapter: DiscordAdapter;

  /** A read-then-write of the member's counter with a random pause between: racing calls lose counts. */
  const bump = async (who: string) => {
    const before = counters.get(who) ?? 0;
    await pause(Math.random() * 8);
    counters.set(who, before + 1);
    return before + 1;
  };

  beforeAll(async () => {
    const apiBase = await fake.start();
    const { services } = makeServices();
    const bot = new Bot(
      services,
      [
        {
          name: "demo",
          commands: [
            {
              name: "count",
              description: { en: "Count", "zh-HK": "數" },
              run: async (ctx, args) => [text(`${args} -> ${await bump(ctx.member.id)}`)],
            },
            {
              name: "wait",
              description: { en: "Wait", "zh-HK": "等" },
              run: async () => {
                await new Promise<void>((r) => {
                  gate.open = r;
                });
                return [text("waited")];
              },
            },
          ],
        },
      ],
      async (ctx, q) => [text(`${q} -> ${await bump(`${ctx.member.id}/dm`)}`)],
    );
    adapter = new DiscordAdapter({ token: "TEST.TOKEN.X", apiBase, bot, logger: services.logger, ackAfterMs: 2000 });
    await adapter.start();
  });

  afterAll(async () => {
    await adapter.stop();
    await fake.stop();
  });

  const answerTo = (id: string) => (c: RestCall) => c.method === "POST" && c.path.startsWith(`/interactions/${id}/`);

  it("handles a burst of one member's interactions in arrival order", async () => {
    const burst = Array.from({ length: 20 }, (_, n) => slash(fake, ADA, "guild", "count", `#${n + 1}`));
    for (const i of burst) fake.dispatch("INTERACTION_CREATE", i);
    const answers = await Promise.all(burst.map((i) => fake.waitFor(answerTo(i.id))));
    const contents = answers.map((c) => (c.body.data as { content: string }).content);
    expect(contents).toEqual(burst.map((_, n) => `#${n + 1} -> ${n + 1}`));
  });

  it("answers a burst of one member's direct messages in order", async () => {
    const n = fake.calls.length;
    for (let k = 1; k <= 10; k++) fake.dispatch("MESSAGE_CREATE", message(fake, ADA, "dm", `m${k}`));
    const dm = `/channels/9${ADA.id}/messages`;
    await fake.waitFor((c) => c.method === "POST" && c.path === dm && c.body.content === "m10 -> 10", n);
    const sent = fake.calls.slice(n).filter((c) => c.method === "POST" && c.path === dm);
    expect(sent.map((c) => c.body.content)).toEqual(Array.from({ length: 10 }, (_, k) => `m${k + 1} -> ${k + 1}`));
  });

  it("does not hold one member up behind another's slow command", async () => {
    const slow = slash(fake, ADA, "guild", "wait");
    const quick = slash(fake, BEN, "guild", "count", "ben");
    fake.dispatch("INTERACTION_CREATE", slow);
    fake.dispatch("INTERACTION_CREATE", quick);
    const answered = await fake.waitFor(answerTo(quick.id));
    expect((answered.body.data as { content: string }).content).toBe("ben -> 1");
    expect(fake.calls.some(answerTo(slow.id))).toBe(false);
    gate.open?.();
    await fake.waitFor(answerTo(slow.id));
  });
});
