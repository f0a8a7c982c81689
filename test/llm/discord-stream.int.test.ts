/**
 * A streamed answer to /ask on Discord, through the real discord.js client
 * against the fake Discord: the first checked text defers the interaction at
 * once and fills the deferred reply, later text edits it at most about once a
 * second, the complete answer replaces it as the card (embed), and a broken
 * stream keeps what was shown with the fallback as a follow-up.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiscordAdapter } from "../../src/adapters/discord/discord.ts";
import { Bot } from "../../src/core/bot.ts";
import type { Feature } from "../../src/core/feature.ts";
import type { LiveReply } from "../../src/core/live.ts";
import type { CardReply } from "../../src/core/replies.ts";
import { FakeDiscord, type RestCall } from "../fakes/discord-api.ts";
import { type Actor, slash } from "../fakes/discord-payloads.ts";
import { makeServices } from "../helpers/services.ts";

const BEN: Actor = { id: "600000000000000043", name: "Ben" };
const SENTENCES = [
  "QMAS admits 1,000 people a year.",
  " It began in 2006.",
  " It favours talent.",
  " Apply online.",
  " That is all.",
];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const card = (body: string): CardReply => ({ type: "card", title: "From the documents", body });

/** /ask as the FAQ would stream it: checked text every 250 ms, then the card (or, "broken", the fallback). */
function asking(): Feature {
  return {
    name: "demo",
    commands: [
      {
        name: "ask",
        description: { en: "Ask", "zh-HK": "問" },
        run: async (_ctx, args, live?: LiveReply) => {
          const broken = args.includes("broken");
          let text = "";
          for (const s of SENTENCES.slice(0, broken ? 2 : SENTENCES.length)) {
            text += s;
            live?.partial(text);
            await sleep(250);
          }
          return [card(broken ? "The embedded answer about QMAS." : text)];
        },
      },
    ],
  };
}

describe("Discord: /ask edited into the deferred reply as it is written", () => {
  const fake = new FakeDiscord();
  const at = new Map<RestCall, number>();
  let adapter: DiscordAdapter;
  beforeAll(async () => {
    const push = fake.calls.push.bind(fake.calls);
    fake.calls.push = (...calls: RestCall[]) => {
      for (const c of calls) at.set(c, performance.now());
      return push(...calls);
    };
    const apiBase = await fake.start();
    const { services } = makeServices();
    const bot = new Bot(services, [asking()], async () => []);
    adapter = new DiscordAdapter({ token: "TEST.TOKEN.X", apiBase, bot, logger: services.logger });
    await adapter.start();
  });
  afterAll(async () => {
    await adapter.stop();
    await fake.stop();
  });

  const original = (id: string) => (c: RestCall) =>
    c.method === "PATCH" && c.path.endsWith(`/tok-${id}/messages/@original`);

  it("defers at the first text, edits about once a second, and ends with the card", async () => {
    const i = slash(fake, BEN, "guild", "ask", "what is QMAS?");
    const t0 = performance.now();
    fake.dispatch("INTERACTION_CREATE", i);
    const deferred = await fake.waitFor((c) => c.method === "POST" && c.path.startsWith(`/interactions/${i.id}/`));
    expect(deferred.body.type).toBe(5);
    expect((at.get(deferred) ?? 0) - t0).toBeLessThan(1000);
    const last = await fake.waitFor((c) => original(i.id)(c) && Array.isArray(c.body.embeds));
    const edits = fake.calls.filter(original(i.id));
    expect(edits[0]?.body.content).toBe("QMAS admits 1,000 people a year.");
    const streamed = edits.filter((c) => !Array.isArray(c.body.embeds)).map((c) => at.get(c) ?? 0);
    expect(streamed.length).toBeGreaterThanOrEqual(2);
    for (let n = 1; n < streamed.length; n++) expect((streamed[n] ?? 0) - (streamed[n - 1] ?? 0)).toBeGreaterThan(900);
    expect(edits.length).toBeLessThan(SENTENCES.length + 1);
    expect(last.body.content).toBe("");
    expect(JSON.stringify(last.body.embeds)).toContain("That is all.");
  });

  it("honours a 429 on an edit: discord.js waits out Retry-After, and the answer still ends as the card", async () => {
    const i = slash(fake, BEN, "guild", "ask", "what is QMAS?");
    fake.rateLimit.push({ path: new RegExp(`/tok-${i.id}/messages/@original$`), retryAfter: 1 });
    fake.dispatch("INTERACTION_CREATE", i);
    // The fake records every call: the first edit is the one refused, the next is its retry.
    const refused = await fake.waitFor(original(i.id));
    const next = await fake.waitFor(original(i.id), fake.calls.indexOf(refused) + 1);
    expect(next.body.content).toBe(refused.body.content);
    expect((at.get(next) ?? 0) - (at.get(refused) ?? 0)).toBeGreaterThan(900);
    const last = await fake.waitFor((c) => original(i.id)(c) && Array.isArray(c.body.embeds));
    expect(JSON.stringify(last.body.embeds)).toContain("That is all.");
  });

  it("keeps the streamed text when the stream breaks and follows it with the fallback", async () => {
    const i = slash(fake, BEN, "guild", "ask", "broken");
    fake.dispatch("INTERACTION_CREATE", i);
    const follow = await fake.waitFor(
      (c) => c.method === "POST" && c.path.includes(`/tok-${i.id}`) && !c.path.endsWith("/callback"),
    );
    expect(JSON.stringify(follow.body)).toContain("The embedded answer");
    const edits = fake.calls.filter(original(i.id));
    expect(edits.at(-1)?.body.content).toMatch(/^QMAS admits 1,000 people a year\./);
    expect(edits.some((c) => Array.isArray(c.body.embeds))).toBe(false);
  });
});
