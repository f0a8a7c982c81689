/**
 * Two bot instances behind one webhook, each with its own connection to the
 * same backend, share everything through the store: an update delivered to
 * both is handled once, a conversation started on one continues on the other,
 * and (on PostgreSQL and Redis) the rate limit counts a member's messages on both.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Bot } from "../../src/core/bot.ts";
import { donations } from "../../src/core/donations/index.ts";
import type { Store } from "../../src/core/ports.ts";
import { text } from "../../src/core/replies.ts";
import type { Member } from "../../src/core/types.ts";
import { openStore } from "../../src/storage/index.ts";
import { answers, GOODS, PERSONAL } from "../donations/driver.ts";
import { dm, makeServices, member, replyText } from "../helpers/services.ts";
import { dropPgTable, dropRedisNamespace, PG_URL, quietLogger, REDIS_URL, requireServer, runId } from "./servers.ts";

interface Target {
  readonly name: string;
  readonly where: { url?: string; dataDir: string; isolate?: string };
  cleanup(): Promise<void>;
}

const dir = mkdtempSync(join(tmpdir(), "bahk-shared-"));
const targets: Target[] = [{ name: "sqlite", where: { dataDir: dir }, cleanup: async () => {} }];
if (await requireServer("PostgreSQL", 5432)) {
  const isolate = runId("shared");
  targets.push({
    name: "postgresql",
    where: { url: PG_URL, dataDir: dir, isolate },
    cleanup: () => dropPgTable(isolate),
  });
}
if (await requireServer("Redis", 6379)) {
  const isolate = runId("shared");
  targets.push({
    name: "redis",
    where: { url: REDIS_URL, dataDir: dir, isolate },
    cleanup: () => dropRedisNamespace(isolate),
  });
}
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function instance(store: Store, rateLimitPerMinute = 1000): Bot {
  const { services } = makeServices({ store });
  const feature = donations(services, { formTtlMs: 30 * 60_000, retentionDays: 30 });
  return new Bot(services, [feature], async () => [text("fallback")], { rateLimitPerMinute });
}

const say = (bot: Bot, m: Member, body: string, eventId?: string) =>
  bot.handle({ kind: "text", member: m, chat: dm(m), text: body, ...(eventId ? { eventId } : {}) });

for (const target of targets) {
  describe(`two instances sharing ${target.name}`, () => {
    const stores: Store[] = [];
    afterAll(async () => {
      for (const s of stores) await s.close();
      await target.cleanup();
    });
    const pair = async (rate?: number) => {
      const a = await openStore({ ...target.where, logger: quietLogger() });
      const b = await openStore({ ...target.where, logger: quietLogger() });
      stores.push(a, b);
      return [instance(a, rate), instance(b, rate)] as const;
    };

    it("handles an update delivered to both instances once", async () => {
      const [a, b] = await pair();
      const m = member(`dup-${target.name}`, "telegram");
      const replies = await Promise.all([say(a, m, "/mydonations", "u-1"), say(b, m, "/mydonations", "u-1")]);
      expect(replies.filter((r) => r.length > 0)).toHaveLength(1);
      expect(await say(a, m, "/mydonations", "u-1")).toEqual([]);
    });

    it("continues a donation form on the other instance, message by message", async () => {
      const [a, b] = await pair();
      const m = member(`form-${target.name}`, "telegram");
      const bots = [a, b];
      const form = answers(7);
      await say(a, m, "/donate");
      for (const [i, field] of GOODS.entries()) await say(bots[(i + 1) % 2] ?? a, m, form[field]);
      const accepted = await (bots[GOODS.length % 2] ?? a).handle({
        kind: "action",
        member: m,
        chat: dm(m),
        data: "don:pdpo:yes",
      });
      expect(replyText(accepted)).toContain("Question 8");
      let last = accepted;
      for (const [i, field] of PERSONAL.entries()) last = await say(bots[i % 2] ?? a, m, form[field]);
      expect(replyText(last)).toMatch(/DON-[0-9A-Z]{4,6}/);
    });

    // Several instances share PostgreSQL or Redis; a SQLite file is taken as one process's own, which
    // counts the rate itself (a write per message saved).
    it.runIf(target.name !== "sqlite")(
      "counts a member's messages on both instances against one rate limit",
      async () => {
        const [a, b] = await pair(4);
        const m = member(`rate-${target.name}`, "telegram");
        for (let i = 0; i < 4; i++) expect(await say(i % 2 ? a : b, m, "hello")).not.toEqual([]);
        expect(replyText(await say(a, m, "hello"))).toContain("wait a minute");
        expect(await say(b, m, "hello")).toEqual([]);
      },
    );
  });
}
