/**
 * Long polling that survives another poller (409: retried with backoff) and stops for good,
 * telling the process to exit non-zero, when the token no longer works.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { TelegramAdapter } from "../../src/adapters/telegram/telegram.ts";
import { Bot } from "../../src/core/bot.ts";
import { onboarding } from "../../src/core/onboarding/onboarding.ts";
import { text } from "../../src/core/replies.ts";
import { FakeTelegramApi } from "../fakes/telegram-api.ts";
import { makeServices } from "../helpers/services.ts";

/** A promise that stays pending until released: an answer held while the test looks. */
function gate(): { gate: Promise<void>; release: () => void } {
  let release: () => void = () => undefined;
  const held = new Promise<void>((r) => {
    release = r;
  });
  return { gate: held, release };
}

describe("Telegram long polling", () => {
  let api: FakeTelegramApi | undefined;
  let adapter: TelegramAdapter | undefined;
  afterEach(async () => {
    adapter?.stop();
    await api?.stop();
  });

  const start = async (onFatal?: (e: unknown) => void) => {
    api = new FakeTelegramApi();
    const apiRoot = await api.start();
    const { services, logger } = makeServices();
    const bot = new Bot(services, [], async (_c, q) => [text(`answer: ${q}`)]);
    adapter = new TelegramAdapter({
      token: "123:TEST",
      apiRoot,
      bot,
      logger: services.logger,
      conflictDelayMs: 20,
      ...(onFatal ? { onFatal } : {}),
    });
    return { api, adapter, logger };
  };

  it("retries after a polling conflict and then handles updates", async () => {
    const { api, adapter, logger } = await start();
    api.conflicts = 3;
    await adapter.start();
    api.message({ id: 42 }, { id: 42, type: "private" }, "hello there");
    const sent = await api.waitFor((c) => c.method === "sendMessage");
    expect(sent.body.text).toBe("answer: hello there");
    expect(logger.lines.filter((l) => l.msg.startsWith("telegram polling conflict"))).toHaveLength(3);
  });

  it("handles one member's updates of one batch in order, and members in parallel", async () => {
    api = new FakeTelegramApi();
    const apiRoot = await api.start();
    const { services } = makeServices();
    const seen: string[] = [];
    const bot = new Bot(services, [], async (ctx, q) => {
      // The first messages take longest: without ordering, later ones would overtake them.
      const n = Number(q.split(" ")[1]);
      await new Promise((r) => setTimeout(r, (10 - n) * 5));
      seen.push(`${ctx.member.platformUserId}:${q}`);
      return [text("ok")];
    });
    adapter = new TelegramAdapter({ token: "123:TEST", apiRoot, bot, logger: services.logger });
    for (let i = 0; i < 10; i++) {
      for (const id of [42, 43]) {
        api.message({ id }, { id, type: "private" }, `message ${i}`);
      }
    }
    await adapter.start();
    const deadline = Date.now() + 10_000;
    while (seen.length < 20 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    for (const id of ["42", "43"]) {
      expect(seen.filter((x) => x.startsWith(`${id}:`))).toEqual(
        [...Array(10).keys()].map((i) => `${id}:message ${i}`),
      );
    }
  });

  it("does not fetch updates back while they are being handled", async () => {
    api = new FakeTelegramApi();
    const apiRoot = await api.start();
    const { services } = makeServices();
    // Each answer takes a moment, as a real one does: the update is still running when polling resumes.
    const bot = new Bot(services, [], async (_c, q) => {
      await new Promise((r) => setTimeout(r, 30));
      return [text(`answer: ${q}`)];
    });
    adapter = new TelegramAdapter({ token: "123:TEST", apiRoot, bot, logger: services.logger });
    await adapter.start();
    const before = api.getUpdatesCount;
    for (let i = 0; i < 20; i++) {
      api.message({ id: 500 + i }, { id: 500 + i, type: "private" }, `question ${i}`);
      await api.waitFor((c) => c.method === "sendMessage" && String(c.body.chat_id) === String(500 + i));
    }
    // One call per update: the one that confirms the last update brings the next. Asking again while
    // an update runs would bring it back (Telegram resends what is not confirmed): 40 calls before.
    expect(api.getUpdatesCount - before).toBeLessThanOrEqual(20 + 2);
  });

  it("answers a member while another's slow answer runs, keeping the slow one in the inbox", async () => {
    api = new FakeTelegramApi();
    const apiRoot = await api.start();
    const { services } = makeServices();
    const { gate: slow, release } = gate();
    const bot = new Bot(services, [], async (_c, q) => {
      if (q === "slow") await slow;
      return [text(`answer: ${q}`)];
    });
    const inbox = bot.inbox("telegram");
    adapter = new TelegramAdapter({ token: "123:TEST", apiRoot, bot, logger: services.logger });
    api.message({ id: 42 }, { id: 42, type: "private" }, "slow");
    await adapter.start();
    await new Promise((r) => setTimeout(r, 100));
    // The slow update (id 1) is still running: received (confirmed to Telegram) and kept in the inbox.
    api.message({ id: 43 }, { id: 43, type: "private" }, "fast");
    const fast = await api.waitFor((c) => c.method === "sendMessage");
    expect(fast.body.text).toBe("answer: fast");
    await vi.waitFor(async () => expect((await inbox.pending()).map((p) => p.id)).toEqual([1]));
    release();
    const done = await api.waitFor((c) => c.method === "sendMessage" && c.body.text === "answer: slow");
    expect(String(done.body.chat_id)).toBe("42");
    await adapter.drain(1_000);
    // Both handled: confirmed past them, so a restart is not given them again, and the inbox is empty.
    expect(Number(api.lastGetUpdates?.offset)).toBe(3);
    expect(await inbox.pending()).toEqual([]);
  });

  it("runs at most a hundred updates at once, asking Telegram for no more than there is room for", async () => {
    api = new FakeTelegramApi();
    const apiRoot = await api.start();
    const { services } = makeServices();
    const { gate: held, release } = gate();
    let running = 0;
    let most = 0;
    // The first ten answer at once, the rest wait: room for ten more, not for another batch.
    const bot = new Bot(services, [], async (_c, q) => {
      running++;
      most = Math.max(most, running);
      if (Number(q.slice(1)) >= 10) await held;
      running--;
      return [text(`answer: ${q}`)];
    });
    adapter = new TelegramAdapter({ token: "123:TEST", apiRoot, bot, logger: services.logger });
    for (let i = 0; i < 250; i++) api.message({ id: 1000 + i }, { id: 1000 + i, type: "private" }, `q${i}`);
    await adapter.start();
    await vi.waitFor(() => expect(api?.of("sendMessage")).toHaveLength(10));
    await new Promise((r) => setTimeout(r, 300));
    expect(running).toBe(100);
    release();
    await vi.waitFor(() => expect(api?.of("sendMessage")).toHaveLength(250), { timeout: 10_000 });
    expect(most).toBe(100);
    await adapter.drain(1_000);
  });

  it("handles first what an earlier process received and did not finish", async () => {
    api = new FakeTelegramApi();
    const apiRoot = await api.start();
    const { services } = makeServices();
    const bot = new Bot(services, [], async (_c, q) => [text(`answer: ${q}`)]);
    // As a process stopped mid-rush leaves them: received (so Telegram will not send them again), not handled.
    const left = (id: number, user: number, words: string) => ({
      update_id: id,
      message: {
        message_id: id,
        date: Math.floor(Date.now() / 1000),
        chat: { id: user, type: "private" },
        from: { id: user, is_bot: false, first_name: "M" },
        text: words,
      },
    });
    await bot.inbox("telegram").keep([
      { id: 7, update: left(7, 61, "left behind") },
      { id: 8, update: left(8, 62, "also left") },
    ]);
    adapter = new TelegramAdapter({ token: "123:TEST", apiRoot, bot, logger: services.logger });
    await adapter.start();
    const first = await api.waitFor((c) => c.method === "sendMessage" && String(c.body.chat_id) === "61");
    expect(first.body.text).toBe("answer: left behind");
    await api.waitFor((c) => c.method === "sendMessage" && String(c.body.chat_id) === "62");
    // New updates still come in after them; nothing handled twice.
    api.message({ id: 63 }, { id: 63, type: "private" }, "new");
    await api.waitFor((c) => c.method === "sendMessage" && String(c.body.chat_id) === "63");
    await adapter.drain(1_000);
    expect(
      api
        .of("sendMessage")
        .map((c) => c.body.chat_id)
        .map(String),
    ).toEqual(["61", "62", "63"]);
    expect(await bot.inbox("telegram").pending()).toEqual([]);
  });

  it("drains on shutdown: updates being handled finish and are answered before it returns", async () => {
    api = new FakeTelegramApi();
    const apiRoot = await api.start();
    const { services } = makeServices();
    let started = 0;
    const bot = new Bot(services, [], async (_c, q) => {
      started++;
      await new Promise((r) => setTimeout(r, 300));
      return [text(`answer: ${q}`)];
    });
    adapter = new TelegramAdapter({ token: "123:TEST", apiRoot, bot, logger: services.logger });
    for (const id of [51, 52, 53]) {
      api.message({ id }, { id, type: "private" }, `q${id}`);
    }
    await adapter.start();
    const deadline = Date.now() + 5_000;
    while (started < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(api.of("sendMessage")).toHaveLength(0);
    await adapter.drain(5_000);
    expect(
      api
        .of("sendMessage")
        .map((c) => c.body.text)
        .sort(),
    ).toEqual(["answer: q51", "answer: q52", "answer: q53"]);
  });

  it("welcomes a burst of twelve joins once, naming them all, in a short message", async () => {
    api = new FakeTelegramApi();
    const apiRoot = await api.start();
    const { services } = makeServices();
    const bot = new Bot(services, [onboarding(() => [])], async () => [text("answer")]);
    adapter = new TelegramAdapter({ token: "123:TEST", apiRoot, bot, logger: services.logger, joinWindowMs: 400 });
    await adapter.start();
    const group = { id: -700, type: "supergroup", title: "BAHK" };
    const user = (i: number) => ({ id: 100 + i, is_bot: false, first_name: `Newcomer${i}` });
    // Six join one by one, then six are added in one message.
    for (let i = 0; i < 6; i++) {
      api.push({ message: { message_id: i, date: 0, chat: group, from: user(i), new_chat_members: [user(i)] } });
    }
    api.push({
      message: { message_id: 9, date: 0, chat: group, from: user(0), new_chat_members: [6, 7, 8, 9, 10, 11].map(user) },
    });
    const welcome = await api.waitFor((c) => c.method === "sendMessage");
    await new Promise((r) => setTimeout(r, 600));
    const sent = api.of("sendMessage");
    expect(sent).toHaveLength(1);
    const body = String(welcome.body.text);
    for (let i = 0; i < 12; i++) expect(body).toContain(`Newcomer${i}`);
    expect(body.length).toBeLessThan(400);
    expect(String(welcome.body.chat_id)).toBe("-700");
  });

  it("asks for chat_member updates and welcomes a join seen both ways once", async () => {
    api = new FakeTelegramApi();
    const apiRoot = await api.start();
    const { services } = makeServices();
    const bot = new Bot(services, [onboarding(() => [])], async () => [text("answer")]);
    adapter = new TelegramAdapter({ token: "123:TEST", apiRoot, bot, logger: services.logger, joinWindowMs: 300 });
    await adapter.start();
    const group = { id: -701, type: "supergroup", title: "BAHK" };
    const user = (i: number) => ({ id: 200 + i, is_bot: false, first_name: `Joiner${i}` });
    const change = (i: number, from: string, to: string) => ({
      chat_member: {
        chat: group,
        from: user(i),
        date: 0,
        old_chat_member: { status: from, user: user(i) },
        new_chat_member: { status: to, user: user(i) },
      },
    });
    // Joiner0 joins with a join message and a chat_member update; Joiner1 only by chat_member (join
    // messages hidden); Joiner2 is promoted (already a member) and Joiner3 leaves: neither is a join.
    api.push({ message: { message_id: 1, date: 0, chat: group, from: user(0), new_chat_members: [user(0)] } });
    api.push(change(0, "left", "member"));
    api.push(change(1, "kicked", "member"));
    api.push(change(2, "member", "administrator"));
    api.push(change(3, "member", "left"));
    const welcome = await api.waitFor((c) => c.method === "sendMessage");
    expect(api.lastGetUpdates?.allowed_updates).toContain("chat_member");
    // A late duplicate of Joiner1's join, after the window closed, is not welcomed again.
    api.push(change(1, "left", "member"));
    await new Promise((r) => setTimeout(r, 700));
    expect(api.of("sendMessage")).toHaveLength(1);
    const body = String(welcome.body.text);
    expect(body).toContain("Joiner0");
    expect(body).toContain("Joiner1");
    expect(body).not.toContain("Joiner2");
    expect(body).not.toContain("Joiner3");
    expect(body.match(/Joiner0/g)).toHaveLength(1);
  });

  it("reports a polling stop it cannot recover from, so the process exits non-zero", async () => {
    let fatal: unknown;
    const { api, adapter } = await start((e) => {
      fatal = e;
    });
    api.unauthorized = true;
    await adapter.start();
    const deadline = Date.now() + 5_000;
    while (fatal === undefined && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(String(fatal)).toMatch(/401|Unauthorized/);
  });
});
