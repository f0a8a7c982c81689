/** /metrics and /healthz: updates, latency, question outcomes, deliveries and the outbox's depth. */
import { describe, expect, it } from "vitest";
import { DeliveryStats } from "../../src/core/delivery.ts";
import { BotMetrics } from "../../src/dashboard/metrics.ts";
import { harness, MEMBER } from "./harness.ts";

describe("metrics", () => {
  it("counts updates, their latency, outcomes and deliveries", async () => {
    const h = harness();
    const metrics = new BotMetrics({ defaults: false });
    metrics.instrument(h.bot);
    metrics.observeQuestions(h.stats);
    const deliveries = new DeliveryStats();
    deliveries.count("telegram", "notice", "retried", 2);
    deliveries.count("telegram", "reply", "failed");
    deliveries.queueDepth = 3;
    metrics.observeDeliveries(deliveries);
    await h.say(MEMBER, "/help");
    await h.say(MEMBER, "/help");
    await h.stats.record("decline");
    await h.bot.pollVote({ member: MEMBER, platform: "telegram", nativePollId: "unknown", optionIndexes: [0] });
    const { body, contentType } = await metrics.expose();
    expect(contentType).toMatch(/text\/plain/);
    expect(body).toContain('bahk_updates_handled_total{platform="telegram",kind="text"} 2');
    expect(body).toContain('bahk_handle_seconds_count{kind="text"} 2');
    expect(body).toContain('bahk_updates_handled_total{platform="telegram",kind="poll_vote"} 1');
    expect(body).toContain('bahk_questions_total{outcome="decline"} 1');
    expect(body).toContain('bahk_deliveries_total{platform="telegram",kind="notice",outcome="retried"} 2');
    expect(body).toContain('bahk_deliveries_total{platform="telegram",kind="reply",outcome="failed"} 1');
    expect(body).toContain("bahk_outbox_depth 3");
  });

  it("answers /healthz with the store and platforms, 503 when the store is down", async () => {
    const h = harness();
    const ok = await h.app.request("/healthz");
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: "ok", store: "ok", records: "ok", platforms: ["telegram"] });
    // MemoryStore methods are own-class methods: replace get and list as an outage would fail them.
    h.services.store.get = async () => {
      throw new Error("down");
    };
    h.services.store.list = async () => {
      throw new Error("down");
    };
    const down = await h.app.request("/healthz");
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: "degraded", store: "unreachable", records: "unreachable" });
  });
});
