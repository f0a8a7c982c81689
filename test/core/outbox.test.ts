/** The persistent outbound queue behind the notifier: order, retries, restarts, giving up. */
import { describe, expect, it } from "vitest";
import { type Delivery, DeliveryFailure } from "../../src/core/delivery.ts";
import { NotifierHub } from "../../src/core/notify.ts";
import { type Reply, text } from "../../src/core/replies.ts";
import { MemoryStore } from "../../src/storage/memory.ts";
import { MemoryLogger } from "../helpers/services.ts";

const FAST = { baseDelayMs: 5, maxDelayMs: 20 };

/** A delivery that records what it sent and fails the sends it is told to. */
function recording(fail: (n: number, what: string) => Error | undefined): Delivery & { sent: string[] } {
  let n = 0;
  const sent: string[] = [];
  const go = async (to: string, replies: readonly Reply[]) => {
    for (const r of replies) {
      const what = `${to}:${r.type === "text" ? r.text : r.type}`;
      const error = fail(n++, what);
      if (error) throw error;
      sent.push(what);
    }
  };
  return {
    sent,
    durable: true,
    hasOrganisers: true,
    toMember: (id, replies) => go(id, replies),
    toOrganisers: async (replies) => {
      await go("orgs", replies);
      return true;
    },
  };
}

describe("Outbox (through NotifierHub)", () => {
  it("retries after the platform's retry_after and keeps each recipient's order", async () => {
    const store = new MemoryStore();
    const hub = new NotifierHub(new MemoryLogger(), { store, ...FAST });
    // Every first try of a notice is refused with a rate limit.
    const seen = new Set<string>();
    const d = recording((_n, what) => {
      if (seen.has(what)) return undefined;
      seen.add(what);
      return new DeliveryFailure("429", { permanent: false, retryAfterMs: 10 });
    });
    hub.register("telegram", d);
    for (const i of [1, 2, 3]) await hub.toMember("telegram:42", [text(`m${i}`)]);
    expect(await hub.toOrganisers([text("offer"), text("details")])).toBe(true);
    expect(await hub.flush(5_000)).toBe(0);
    expect(d.sent.filter((s) => s.startsWith("42:"))).toEqual(["42:m1", "42:m2", "42:m3"]);
    expect(d.sent.filter((s) => s.startsWith("orgs:"))).toEqual(["orgs:offer", "orgs:details"]);
    expect(hub.stats.get("telegram", "notice", "sent")).toBe(4);
    expect(hub.stats.get("telegram", "notice", "retried")).toBe(5);
    expect(hub.stats.queueDepth).toBe(0);
  });

  it("delivers after a restart what was stored but not sent", async () => {
    const store = new MemoryStore();
    const first = new NotifierHub(new MemoryLogger(), { store, ...FAST });
    // The platform is unreachable until the process stops.
    first.register(
      "discord",
      recording(() => new Error("connect ECONNREFUSED")),
    );
    await first.toMember("discord:7", [text("your offer was accepted")]);
    await new Promise((r) => setTimeout(r, 30));
    await first.stop();

    const second = new NotifierHub(new MemoryLogger(), { store, ...FAST });
    const d = recording(() => undefined);
    second.register("discord", d);
    expect(await second.flush(5_000)).toBe(0);
    expect(d.sent).toEqual(["7:your offer was accepted"]);
  });

  it("gives up a notice refused for good, or after its last attempt, and goes on with the next", async () => {
    const store = new MemoryStore();
    const logger = new MemoryLogger();
    const hub = new NotifierHub(logger, { store, ...FAST, maxAttempts: 3 });
    const d = recording((_n, what) => {
      if (what === "1:blocked") return new DeliveryFailure("403 blocked", { permanent: true });
      if (what === "2:flaky") return new Error("socket hang up");
      return undefined;
    });
    hub.register("telegram", d);
    await hub.toMember("telegram:1", [text("blocked")]);
    await hub.toMember("telegram:1", [text("after")]);
    await hub.toMember("telegram:2", [text("flaky")]);
    expect(await hub.flush(5_000)).toBe(0);
    expect(d.sent).toEqual(["1:after"]);
    expect(hub.stats.get("telegram", "notice", "failed")).toBe(2);
    expect(hub.stats.get("telegram", "notice", "retried")).toBe(2);
    expect(logger.lines.filter((l) => l.msg === "notice given up")).toHaveLength(2);
  });

  it("resumes a notice of several replies where it stopped, repeating none", async () => {
    const hub = new NotifierHub(new MemoryLogger(), { store: new MemoryStore(), ...FAST });
    const d = recording((n) => (n === 1 ? new Error("timeout") : undefined));
    hub.register("telegram", d);
    await hub.toMember("telegram:5", [text("a"), text("b"), text("c")]);
    expect(await hub.flush(5_000)).toBe(0);
    expect(d.sent).toEqual(["5:a", "5:b", "5:c"]);
  });

  it("sends each notice once when two instances share the store, and picks up one a stopped instance left", async () => {
    const store = new MemoryStore();
    const a = new NotifierHub(new MemoryLogger(), { store, ...FAST, sweepMs: 30 });
    const b = new NotifierHub(new MemoryLogger(), { store, ...FAST, sweepMs: 30 });
    const da = recording(() => undefined);
    const db = recording(() => undefined);
    a.register("telegram", da);
    b.register("telegram", db);
    for (let i = 0; i < 20; i++) await (i % 2 ? a : b).toMember(`telegram:${i % 3}`, [text(`n${i}`)]);
    expect(await a.flush(5_000)).toBe(0);
    expect(await b.flush(5_000)).toBe(0);
    const sent = [...da.sent, ...db.sent];
    expect(sent.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `${i % 3}:n${i}`).sort());

    // An instance stores a notice and stops before sending it; the other sends it on its next sweep.
    const c = new NotifierHub(new MemoryLogger(), { store, ...FAST });
    c.register(
      "telegram",
      recording(() => new Error("ECONNRESET")),
    );
    await c.toMember("telegram:9", [text("left behind")]);
    await c.stop();
    const deadline = Date.now() + 2_000;
    while (![...da.sent, ...db.sent].includes("9:left behind") && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 10));
    }
    expect([...da.sent, ...db.sent]).toContain("9:left behind");
    await a.stop();
    await b.stop();
  });

  it("lets a notice for a platform that never comes back expire (it may carry personal data)", async () => {
    let now = 1_000_000;
    const store = new MemoryStore(() => now);
    const hub = new NotifierHub(new MemoryLogger(), { store, ...FAST, keepMs: 60_000, now: () => now });
    hub.register("discord", { ...recording(() => new Error("ECONNREFUSED")), durable: true });
    await hub.toOrganisers([text("New offer DON-1: Ada, 9123 4567")]);
    await hub.stop();
    expect(await store.list("outbox")).toHaveLength(1);
    // A process running other platforms does not wait for it at shutdown.
    const other = new NotifierHub(new MemoryLogger(), { store, ...FAST, now: () => now });
    other.register(
      "telegram",
      recording(() => undefined),
    );
    expect(await other.flush(5_000)).toBe(0);
    await other.stop();
    now += 61_000;
    expect(await store.list("outbox")).toHaveLength(0);
  });

  it("says honestly when no platform has an organiser destination", async () => {
    const hub = new NotifierHub(new MemoryLogger(), { store: new MemoryStore(), ...FAST });
    hub.register("telegram", { ...recording(() => undefined), hasOrganisers: false });
    expect(await hub.toOrganisers([text("hand-off")])).toBe(false);
    expect(hub.withoutOrganisers()).toEqual(["telegram"]);
  });
});
