/**
 * Backend down: PostgreSQL or Redis unreachable (a closed port, or a proxy in
 * front of the real server that the test stops) makes every store call fail
 * with StoreUnavailableError at once; a server that stops answering (the proxy
 * drops all traffic) makes them fail after the store's time limit, not hang;
 * members get the "try again shortly" reply, nothing is half-written, and the
 * same store works again once the server is back.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { Bot } from "../../src/core/bot.ts";
import { StoreUnavailableError } from "../../src/core/errors.ts";
import type { Store } from "../../src/core/ports.ts";
import { text } from "../../src/core/replies.ts";
import { type KeyvStore, openStore } from "../../src/storage/index.ts";
import { dm, makeServices, member, replyText } from "../helpers/services.ts";
import { closedPort, TcpProxy } from "./proxy.ts";
import { dropPgTable, dropRedisNamespace, quietLogger, requireServer, runId } from "./servers.ts";

interface Target {
  readonly name: string;
  readonly port: number;
  readonly url: (port: number) => string;
  /** Removes what a test wrote under `isolate`. */
  readonly drop: (isolate: string) => Promise<void>;
}

const targets: Target[] = [];
if (await requireServer("PostgreSQL", 5432)) {
  targets.push({
    name: "postgresql",
    port: 5432,
    url: (p) => `postgresql://postgres@127.0.0.1:${p}/test`,
    drop: dropPgTable,
  });
}
if (await requireServer("Redis", 6379)) {
  targets.push({ name: "redis", port: 6379, url: (p) => `redis://127.0.0.1:${p}`, drop: dropRedisNamespace });
}

/** Every Store method, each expected to fail while the backend is away. */
const calls: [string, (s: Store) => Promise<unknown>][] = [
  ["get", (s) => s.get("vote", "t1:m9")],
  ["set", (s) => s.set("offer", "DON-X", { n: 1 })],
  ["delete", (s) => s.delete("vote", "t1:m1")],
  ["add", (s) => s.add("vote", "t1:m2", { at: 1 })],
  ["increment", (s) => s.increment("count", "t1")],
  ["list", (s) => s.list("vote")],
];

async function expectUnavailable(call: () => Promise<unknown>): Promise<void> {
  const error = await call().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreUnavailableError);
  // Refused at once: not the store's own time limit.
  expect((error as Error).message).not.toMatch(/timed out/);
}

/** Retries a call until the backend answers again (bounded). */
async function whenBack<T>(call: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await call();
    } catch (e) {
      if (!(e instanceof StoreUnavailableError) || i >= 150) throw e;
      await sleep(100);
    }
  }
}

function echoBot(store: Store): Bot {
  const { services } = makeServices({ store });
  return new Bot(services, [], async () => [text("echo")]);
}

for (const target of targets) {
  describe(`backend down: ${target.name}`, () => {
    const stores: KeyvStore[] = [];
    const proxies: TcpProxy[] = [];
    const isolates: string[] = [];
    afterAll(async () => {
      for (const s of stores) await s.close();
      for (const p of proxies) await p.stop();
      for (const i of isolates) await target.drop(i);
    });
    const open = async (port: number, isolate: string, timeoutMs?: number) => {
      isolates.push(isolate);
      const s = await openStore({
        url: target.url(port),
        dataDir: "unused",
        logger: quietLogger(),
        isolate,
        ...(timeoutMs ? { timeoutMs } : {}),
      });
      stores.push(s);
      return s;
    };

    it("refuses every call at once when nothing listens, and the bot says to try again", async () => {
      const store = await open(await closedPort(), runId("closed"));
      for (const [, call] of calls) await expectUnavailable(() => call(store));
      const m = member("down1");
      const replies = await echoBot(store).handle({ kind: "text", member: m, chat: dm(m), text: "hi", eventId: "e1" });
      expect(replyText(replies)).toContain("try again shortly");
    });

    it("fails while the server is away, writes nothing, and recovers without a new store", async () => {
      const proxy = new TcpProxy(target.port);
      proxies.push(proxy);
      const port = await proxy.start();
      const store = await open(port, runId("outage"));
      const bot = echoBot(store);
      const m = member("down2");
      expect(await store.add("vote", "t1:m1", { at: 1 })).toBe(true);
      expect(await store.increment("count", "t1")).toBe(1);

      await proxy.stop();
      for (const [, call] of calls) await expectUnavailable(() => call(store));
      const during = await bot.handle({ kind: "text", member: m, chat: dm(m), text: "hello", eventId: "e2" });
      expect(replyText(during)).toContain("try again shortly");

      await proxy.start();
      expect(proxy.port).toBe(port);
      await whenBack(() => store.get("vote", "t1:m1"));
      // Nothing of the failed calls was written.
      expect(await store.get("vote", "t1:m2")).toBeUndefined();
      expect(await store.get("offer", "DON-X")).toBeUndefined();
      expect(await store.get("count", "t1")).toBe(1);
      expect((await store.list("vote")).map((r) => r.key)).toEqual(["t1:m1"]);
      // The same store works again, and the delivery that failed is handled now, once.
      expect(await store.add("vote", "t1:m2", { at: 2 })).toBe(true);
      expect(await store.increment("count", "t1")).toBe(2);
      expect(replyText(await bot.handle({ kind: "text", member: m, chat: dm(m), text: "hello", eventId: "e2" }))).toBe(
        "echo",
      );
      expect(await bot.handle({ kind: "text", member: m, chat: dm(m), text: "hello", eventId: "e2" })).toEqual([]);
    });

    it("gives up on a server that stops answering instead of hanging, and recovers after", async () => {
      const proxy = new TcpProxy(target.port);
      proxies.push(proxy);
      const port = await proxy.start();
      const store = await open(port, runId("hang"), 1500);
      expect(await store.add("vote", "t1:m1", { at: 1 })).toBe(true);
      proxy.blackhole();
      const errors = await Promise.all(
        calls.map(([, call]) =>
          call(store).then(
            () => undefined,
            (e: unknown) => e,
          ),
        ),
      );
      for (const error of errors) expect(error).toBeInstanceOf(StoreUnavailableError);
      await proxy.stop();
      await proxy.start();
      await whenBack(() => store.get("vote", "t1:m1"));
      expect(await store.get("vote", "t1:m2")).toBeUndefined();
      expect(await store.add("vote", "t1:m2", { at: 2 })).toBe(true);
    });
  });
}
