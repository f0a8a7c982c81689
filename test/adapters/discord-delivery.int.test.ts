/**
 * No notice lost on Discord: discord.js against the fake Discord answering 429
 * (Retry-After) on the first send to a channel. discord.js waits it out and
 * retries in order; the notifier's outbox gives up a refusal (DMs closed) and
 * goes on with the next notice.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiscordAdapter } from "../../src/adapters/discord/discord.ts";
import { Bot } from "../../src/core/bot.ts";
import { NotifierHub } from "../../src/core/notify.ts";
import { text } from "../../src/core/replies.ts";
import { MemoryStore } from "../../src/storage/memory.ts";
import { FakeDiscord, IDS } from "../fakes/discord-api.ts";
import { MemoryLogger, makeServices } from "../helpers/services.ts";

const BEN = "600000000000000043";
const CAROL = "600000000000000044";

describe("Discord delivery under rate limits (discord.js against a fake Discord)", () => {
  const fake = new FakeDiscord();
  const logger = new MemoryLogger();
  let adapter: DiscordAdapter;

  beforeAll(async () => {
    const apiBase = await fake.start();
    const { services } = makeServices();
    const bot = new Bot(services, [], async (_c, q) => [text(`answer: ${q}`)]);
    adapter = new DiscordAdapter({
      token: "TEST.TOKEN.X",
      apiBase,
      organiserChannelId: IDS.organiserChannel,
      bot,
      logger,
    });
    await adapter.start();
  });

  afterAll(async () => {
    await adapter.stop();
    await fake.stop();
  });

  it("delivers every notice once and in order when the first send is rate limited", async () => {
    const hub = new NotifierHub(logger, { store: new MemoryStore(), stats: adapter.stats, baseDelayMs: 50 });
    hub.register("discord", adapter.delivery());
    fake.rateLimit.push({ path: new RegExp(`^/channels/${IDS.organiserChannel}/messages$`), retryAfter: 1 });
    fake.rateLimit.push({ path: new RegExp(`^/channels/9${BEN}/messages$`), retryAfter: 1 });
    const n = fake.calls.length;
    expect(await hub.toOrganisers([text("New offer DON-1"), text("Details of DON-1")])).toBe(true);
    await hub.toMember(`discord:${BEN}`, [text("Your offer DON-1 was accepted")]);
    await hub.toMember(`discord:${BEN}`, [text("Your offer DON-1 was collected")]);
    expect(await hub.flush(15_000)).toBe(0);
    const posts = fake.calls.slice(n).filter((c) => c.method === "POST" && c.path.endsWith("/messages"));
    const to = (ch: string) => posts.filter((c) => c.path === `/channels/${ch}/messages`).map((c) => c.body.content);
    // The rate-limited try and its retry both reach the fake; the content arrives in order, each once after the 429.
    expect(to(IDS.organiserChannel)).toEqual(["New offer DON-1", "New offer DON-1", "Details of DON-1"]);
    expect(to(`9${BEN}`)).toEqual([
      "Your offer DON-1 was accepted",
      "Your offer DON-1 was accepted",
      "Your offer DON-1 was collected",
    ]);
    expect(adapter.stats.get("discord", "reply", "retried")).toBe(2);
    expect(hub.stats.get("discord", "notice", "sent")).toBe(3);
    await hub.stop();
  }, 20_000);

  it("gives up a notice to a member whose DMs are closed, and delivers the next", async () => {
    const hub = new NotifierHub(logger, { store: new MemoryStore(), stats: adapter.stats, baseDelayMs: 50 });
    hub.register("discord", adapter.delivery());
    fake.closedDms.add(CAROL);
    await hub.toMember(`discord:${CAROL}`, [text("Your topic was approved")]);
    await hub.toOrganisers([text("Topic awaiting review")]);
    expect(await hub.flush(5_000)).toBe(0);
    expect(fake.of("POST", new RegExp(`^/channels/9${CAROL}/messages$`))).toHaveLength(1);
    expect(hub.stats.get("discord", "notice", "failed")).toBe(1);
    expect(logger.lines.find((l) => l.msg === "notice given up")?.data).toMatchObject({ permanent: true });
    await hub.stop();
  });
});
