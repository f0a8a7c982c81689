/**
 * Two bot instances behind one Telegram webhook, each with its own connection to one shared
 * PostgreSQL or Redis store: one member's updates, spread over both instances at once, are handled
 * one after another (a per-member lease in the store), so a feature's read-then-write of the
 * member's own state loses nothing; different members still run in parallel. A store the process
 * has alone takes no lease.
 */
import type { Update } from "telegraf/types";
import { afterEach, describe, expect, it } from "vitest";
import { TelegramAdapter } from "../../src/adapters/telegram/telegram.ts";
import { Bot } from "../../src/core/bot.ts";
import type { Feature } from "../../src/core/feature.ts";
import type { Store } from "../../src/core/ports.ts";
import { text } from "../../src/core/replies.ts";
import { openStore } from "../../src/storage/index.ts";
import { MemoryStore } from "../../src/storage/memory.ts";
import { FakeTelegramApi } from "../fakes/telegram-api.ts";
import { makeServices } from "../helpers/services.ts";
import {
  dropPgTable,
  dropRedisNamespace,
  PG_URL,
  quietLogger,
  REDIS_URL,
  requireServer,
  runId,
} from "../storage/servers.ts";

/** Handling intervals of each member's updates, across both instances. */
type Spans = Map<string, { start: number; end: number }[]>;

/** `/bump`: reads the member's counter, pauses, writes it back plus one (a lost update if two overlap). */
function counter(store: Store, spans: Spans): Feature {
  return {
    name: "count",
    commands: [
      {
        name: "bump",
        description: { en: "Bump", "zh-HK": "加一" },
        run: async (ctx) => {
          const start = performance.now();
          const n = (await store.get<number>("count", ctx.member.id)) ?? 0;
          await new Promise((r) => setTimeout(r, 15));
          await store.set("count", ctx.member.id, n + 1);
          const list = spans.get(ctx.member.id) ?? [];
          list.push({ start, end: performance.now() });
          spans.set(ctx.member.id, list);
          return [text(`now ${n + 1}`)];
        },
      },
    ],
  };
}

const backends: { name: string; url: string; remove: (isolate: string) => Promise<void> }[] = [];
if (await requireServer("PostgreSQL", 5432)) backends.push({ name: "PostgreSQL", url: PG_URL, remove: dropPgTable });
if (await requireServer("Redis", 6379)) backends.push({ name: "Redis", url: REDIS_URL, remove: dropRedisNamespace });

let nextUpdate = 1;
const bump = (userId: number): Update =>
  ({
    update_id: nextUpdate++,
    message: {
      message_id: nextUpdate,
      date: 0,
      chat: { id: userId, type: "private", first_name: "U" },
      from: { id: userId, is_bot: false, first_name: "U" },
      text: "/bump",
    },
  }) as Update;

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

for (const backend of backends) {
  describe(`Two instances sharing ${backend.name}: one member's updates in order`, () => {
    const cleanup: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const c of cleanup.splice(0).reverse()) await c();
    });

    it("handles one member's interleaved updates one at a time, members in parallel", async () => {
      const api = new FakeTelegramApi();
      const apiRoot = await api.start();
      cleanup.push(() => api.stop());
      const isolate = runId("lease");
      cleanup.push(() => backend.remove(isolate));
      const spans: Spans = new Map();
      const adapters: TelegramAdapter[] = [];
      for (let n = 0; n < 2; n++) {
        const store = await openStore({ url: backend.url, dataDir: "unused", logger: quietLogger(), isolate });
        cleanup.push(() => store.close());
        expect(store.shared).toBe(true);
        const { services } = makeServices({ store });
        const bot = new Bot(services, [counter(store, spans)], async () => [text("fallback")]);
        // Updates are handed in as a webhook would (no polling): half to each instance.
        adapters.push(new TelegramAdapter({ token: "123:TEST", apiRoot, bot, logger: services.logger }));
      }
      const [a, b] = adapters;
      if (!a || !b) throw new Error("two instances expected");
      // Two members, ten updates each, alternating between the instances, all at once.
      const work: Promise<void>[] = [];
      for (let i = 0; i < 10; i++) {
        for (const user of [42, 43]) work.push((i % 2 === 0 ? a : b).onUpdate(bump(user)));
      }
      await Promise.all(work);

      const store = await openStore({ url: backend.url, dataDir: "unused", logger: quietLogger(), isolate });
      cleanup.push(() => store.close());
      // Nothing lost: each member's ten read-then-writes ran one after another.
      expect(await store.get("count", "telegram:42")).toBe(10);
      expect(await store.get("count", "telegram:43")).toBe(10);
      for (const list of spans.values()) {
        expect(list).toHaveLength(10);
        for (const [i, x] of list.entries()) for (const y of list.slice(i + 1)) expect(overlaps(x, y)).toBe(false);
      }
      // Different members were not made to wait for each other.
      const [ada = [], bob = []] = [spans.get("telegram:42"), spans.get("telegram:43")];
      expect(ada.some((x) => bob.some((y) => overlaps(x, y)))).toBe(true);
      // Every lease was released.
      expect(await store.list("lease")).toEqual([]);
      // Each answer went out.
      expect(api.of("sendMessage")).toHaveLength(20);
    });
  });
}

describe("A store the process has alone", () => {
  it("takes no lease", async () => {
    const store = new MemoryStore();
    const { services } = makeServices({ store });
    const bot = new Bot(services, [counter(store, new Map())], async () => [text("fallback")]);
    await bot.memberOrder("telegram").run("42", async () => {
      expect(await store.list("lease")).toEqual([]);
    });
  });
});
