/**
 * Shutdown on Discord (discord.js against the fake Discord): answers being
 * prepared when SIGTERM comes are finished, so no deferred answer is left
 * "thinking", before the client disconnects.
 */
import { describe, expect, it } from "vitest";
import { DiscordAdapter } from "../../src/adapters/discord/discord.ts";
import { Bot } from "../../src/core/bot.ts";
import { text } from "../../src/core/replies.ts";
import { FakeDiscord } from "../fakes/discord-api.ts";
import { type Actor, slash } from "../fakes/discord-payloads.ts";
import { makeServices } from "../helpers/services.ts";

const actor = (n: number): Actor => ({ id: String(600000000000000100n + BigInt(n)), name: `M${n}` });

describe("Discord shutdown (discord.js against a fake Discord)", () => {
  it("finishes the five deferred answers in flight before disconnecting", async () => {
    const fake = new FakeDiscord();
    const apiBase = await fake.start();
    const { services } = makeServices();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const bot = new Bot(
      services,
      [
        {
          name: "demo",
          commands: [
            {
              name: "slow",
              description: { en: "Slow", "zh-HK": "慢" },
              run: async () => {
                await gate;
                return [text("done")];
              },
            },
          ],
        },
      ],
      async () => [text("answer")],
    );
    const adapter = new DiscordAdapter({
      token: "TEST.TOKEN.X",
      apiBase,
      bot,
      logger: services.logger,
      ackAfterMs: 50,
    });
    await adapter.start();
    const burst = Array.from({ length: 5 }, (_, n) => slash(fake, actor(n), "guild", "slow"));
    for (const i of burst) fake.dispatch("INTERACTION_CREATE", i);
    // All five are deferred ("thinking…") when the shutdown starts.
    for (const i of burst) await fake.waitFor((c) => c.path === `/interactions/${i.id}/tok-${i.id}/callback`);
    const stopped = adapter.stop(5_000);
    setTimeout(release, 100);
    await stopped;
    for (const i of burst) {
      const edits = fake.calls.filter(
        (c) => c.method === "PATCH" && c.path.includes(`/tok-${i.id}/messages/@original`),
      );
      expect(edits.map((c) => c.body.content)).toEqual(["done"]);
    }
    await fake.stop();
  });
});
