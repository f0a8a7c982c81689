/**
 * A closed poll's final tally, owed to the Telegram group where the poll was, goes through the
 * outbox (written with the close in the SQL records, then the notifier's durable queue kept in the
 * store), through telegraf against the fake Bot API: Telegram refusing the first sends, the bot
 * stopping between the close and the send, or stopping while Telegram is unreachable, still gets
 * the tally to the group exactly once.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TelegramAdapter } from "../../src/adapters/telegram/telegram.ts";
import { agenda } from "../../src/core/agenda/index.ts";
import { Bot } from "../../src/core/bot.ts";
import type { Services } from "../../src/core/feature.ts";
import { NotifierHub } from "../../src/core/notify.ts";
import type { Notifier, Store } from "../../src/core/ports.ts";
import { text } from "../../src/core/replies.ts";
import { openRecordsDb, type RecordsDb } from "../../src/storage/sql/db.ts";
import { type SqlRecords, sqlRecords } from "../../src/storage/sql/index.ts";
import { FakeTelegramApi, type RecordedCall } from "../fakes/telegram-api.ts";
import { makeServices } from "../helpers/services.ts";

const ORG = { id: 7, first_name: "Olivia", language_code: "en" };
const ADA = { id: 42, first_name: "Ada", language_code: "en" };
const GROUP = { id: -100, type: "supergroup" };
const dm = (u: { id: number }) => ({ id: u.id, type: "private" });

/** One bot process: its notifier (with a durable outbox in the shared store), records, adapter. */
interface Instance {
  readonly adapter: TelegramAdapter;
  readonly hub: NotifierHub;
  readonly records: SqlRecords;
}

describe("A closed poll's tally in its Telegram group, through the outbox (telegraf against a fake Bot API)", () => {
  let api: FakeTelegramApi;
  let apiRoot: string;
  let dataDir: string;
  let db: RecordsDb;
  /** The key-value store, kept across the instances as a deployment's store is across restarts. */
  let store: Store;
  const running: Instance[] = [];

  /** Starts an instance; `notifier` wraps its hub (a process that dies before it hands the tally on). */
  const start = async (wrap: (hub: NotifierHub) => Notifier = (hub) => hub): Promise<Instance> => {
    const made = makeServices({ organisers: [`telegram:${ORG.id}`], store });
    const hub = new NotifierHub(made.services.logger, { store, baseDelayMs: 30, maxDelayMs: 100 });
    const notifier = wrap(hub);
    const records = sqlRecords(db, { ...made.services, notifier });
    const services: Services = { ...made.services, notifier, records, audit: records.audit };
    const bot = new Bot(services, [agenda(services, { moderation: "auto", maxProposalsPerMember: 50 })], async () => [
      text("fallback"),
    ]);
    const adapter = new TelegramAdapter({ token: "123:TEST", apiRoot, bot, logger: services.logger });
    hub.register("telegram", adapter.delivery());
    await adapter.start();
    const instance = { adapter, hub, records };
    running.push(instance);
    return instance;
  };
  const stop = async (i: Instance) => {
    i.adapter.stop();
    await i.hub.stop();
    running.splice(running.indexOf(i), 1);
  };

  const say = async (from: typeof ADA, chat: { id: number; type: string }, body: string): Promise<RecordedCall> => {
    const n = api.calls.length;
    api.message(from, chat, body);
    return api.waitFor((c) => c.method.startsWith("send") && String(c.body.chat_id) === String(chat.id), n);
  };
  /** Messages the group received (accepted by Telegram) since call `n`. */
  const groupPosts = (n: number) =>
    api.calls
      .slice(n)
      .filter((c) => c.method === "sendMessage" && String(c.body.chat_id) === String(GROUP.id) && !c.refused);
  const until = async (cond: () => boolean, timeoutMs = 5_000) => {
    const end = Date.now() + timeoutMs;
    while (!cond()) {
      if (Date.now() > end) throw new Error("timed out");
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  /** A townhall with a native poll posted in the group, and one vote in it. */
  const pollInGroup = async () => {
    await say(ORG, dm(ORG), "/townhall open 2027 Q1 Townhall | 2027-03-15");
    for (const title of ["Stablecoin licensing", "Custody rules for exchanges"]) {
      await say(ADA, dm(ADA), `/propose ${title} | Details of ${title}`);
    }
    expect((await say(ORG, GROUP, "/townhall poll 2")).method).toBe("sendPoll");
    const [pollId = ""] = api.pollIds();
    // The poll is known to the core before the vote arrives.
    await new Promise((r) => setTimeout(r, 100));
    api.castVote(pollId, { id: 1001, first_name: "Voter" }, [0]);
    await new Promise((r) => setTimeout(r, 100));
  };

  beforeEach(async () => {
    api = new FakeTelegramApi();
    apiRoot = await api.start();
    dataDir = mkdtempSync(join(tmpdir(), "bahk-tally-"));
    db = await openRecordsDb({ dataDir });
    store = makeServices().store;
  });

  afterEach(async () => {
    for (const i of [...running]) await stop(i);
    await api.stop();
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("posts the tally once when Telegram refuses the first sends", async () => {
    await start();
    await pollInGroup();
    api.unavailableSends.set(String(GROUP.id), 2);
    const n = api.calls.length;
    const closed = String((await say(ORG, dm(ORG), "/townhall poll close")).body.text);
    expect(closed).toContain("(1 member voted)");

    await until(() => groupPosts(n).length > 0);
    // Room for a duplicate to show up, were one sent.
    await new Promise((r) => setTimeout(r, 300));
    const posts = groupPosts(n);
    expect(posts).toHaveLength(1);
    expect(String(posts[0]?.body.text)).toBe(closed);
    const refused = api.calls.slice(n).filter((c) => String(c.body.chat_id) === String(GROUP.id) && c.refused);
    expect(refused.map((c) => c.refused)).toEqual([502, 502]);
  });

  it("posts the tally once after a restart between the close and the send", async () => {
    // The first process commits the close, then dies before it hands the tally to its notifier.
    const first = await start((hub) => ({
      toMember: (id, replies) => hub.toMember(id, replies),
      toOrganisers: (replies) => hub.toOrganisers(replies),
      closeNativePoll: (poll) => hub.closeNativePoll(poll),
      toPollChat: async () => {
        throw new Error("process stopped");
      },
    }));
    await pollInGroup();
    const n = api.calls.length;
    const closed = String((await say(ORG, dm(ORG), "/townhall poll close")).body.text);
    expect(closed).toContain("(1 member voted)");
    expect(api.calls.slice(n).filter((c) => c.method === "stopPoll")).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(groupPosts(n)).toHaveLength(0);
    expect(await first.records.outbox.pendingCount()).toBe(1);
    await stop(first);

    // The next process's sweep finds the tally the close owed and posts it, once.
    const second = await start();
    expect(await second.records.outbox.deliverPending()).toBe(1);
    await until(() => groupPosts(n).length > 0);
    expect(await second.records.outbox.deliverPending()).toBe(0);
    await new Promise((r) => setTimeout(r, 300));
    const posts = groupPosts(n);
    expect(posts).toHaveLength(1);
    expect(String(posts[0]?.body.text)).toBe(closed);
  });

  it("posts the tally once when the process stops while Telegram is unreachable", async () => {
    const first = await start();
    await pollInGroup();
    api.unavailableSends.set(String(GROUP.id), 1_000);
    const n = api.calls.length;
    const closed = String((await say(ORG, dm(ORG), "/townhall poll close")).body.text);
    await until(() => api.calls.slice(n).some((c) => String(c.body.chat_id) === String(GROUP.id) && c.refused));
    await stop(first);
    expect(groupPosts(n)).toHaveLength(0);

    // Telegram is back; the next process sends what the stopped one still owed, once.
    api.unavailableSends.delete(String(GROUP.id));
    const second = await start();
    await until(() => groupPosts(n).length > 0);
    expect(await second.hub.flush(2_000)).toBe(0);
    await new Promise((r) => setTimeout(r, 300));
    const posts = groupPosts(n);
    expect(posts).toHaveLength(1);
    expect(String(posts[0]?.body.text)).toBe(closed);
  });
});
