/**
 * Backups: `export-data` and `import-data` move every record (with its expiry)
 * from one backend to another, importing twice changes nothing, and a bad
 * backup imports nothing.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import type { Store } from "../../src/core/ports.ts";
import { type BackupLine, exportRecords, importRecords, parseBackup } from "../../src/storage/backup.ts";
import { type KeyvStore, openStore } from "../../src/storage/index.ts";
import { MemoryStore } from "../../src/storage/memory.ts";
import { parseBackupFile } from "../../src/storage/sql/backup.ts";
import { openRecordsDb } from "../../src/storage/sql/db.ts";
import { sqlRecords } from "../../src/storage/sql/index.ts";
import { dropRedisNamespace, PG_URL, quietLogger, REDIS_URL, requireServer, runId } from "./servers.ts";

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "bahk-backup-"));
const stores: KeyvStore[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const s of stores) await s.close();
  for (const c of cleanups) await c();
  rmSync(dir, { recursive: true, force: true });
});

async function sqliteStore(name: string): Promise<KeyvStore> {
  const s = await openStore({ url: `sqlite://${join(dir, name, "bot.sqlite")}`, dataDir: dir, logger: quietLogger() });
  stores.push(s);
  return s;
}

async function fill(s: Store): Promise<void> {
  await s.set("note", "DON-7F3K", { ref: "DON-7F3K", contact: "陳大文 9123 4567", note: ":colon" });
  await s.add("vote", "T1:telegram:1", { at: "2026-11-21T10:00:00.000Z" });
  await s.add("vote", "T1:discord:2", { at: "2026-11-21T10:01:00.000Z" });
  await s.increment("seq", "offer", 41);
  await s.set("session", "telegram:1", { step: "district" }, 3_600_000);
  await s.set("dedup", "telegram:99", 1, 30);
  await s.set("log", "2026-11-21T10:00:00.000Z-X", null);
}

/** Writes records into the SQL records beside a SQLite store: a townhall, an offer with history, audit; returns the rows. */
async function fillRecords(url: string): Promise<number> {
  const db = await openRecordsDb({ url, dataDir: dir });
  const r = sqlRecords(db, {
    store: new MemoryStore(),
    notifier: { toMember: async () => {}, toOrganisers: async () => true },
    clock: { now: () => new Date("2026-11-21T10:00:00.000Z") },
    logger: quietLogger(),
  });
  await r.agenda.openTownhall("2027 Q1", "2027-03-15", "console:org", new Date("2026-11-21T10:00:00.000Z"));
  const at = "2026-11-21T10:00:00.000Z";
  const offer = await r.offers.create((ref) => ({
    ref,
    ownerId: "telegram:1",
    version: 1,
    status: "offered",
    createdAt: at,
    updatedAt: at,
    category: "clothing",
    quantity: 12,
    condition: "new",
    district: "Wan Chai",
    contactName: "陳大文",
    phone: "9123 4567",
    history: [{ at, status: "offered", by: "donor" }],
  }));
  await r.offers.save(offer, {
    ...offer,
    status: "accepted",
    history: [...offer.history, { at, status: "accepted", by: "organiser" }],
  });
  await r.audit.record(
    { id: "console:org", platform: "console", platformUserId: "org", displayName: "Org" },
    "offer.status",
    offer.ref,
  );
  await r.questions.record("20261121T100000000Z-abc123", {
    text: "Is there a student membership?",
    lang: "en",
    at,
    memberId: "telegram:2",
  });
  await r.questions.rememberAnswer("k1", "faq:fees");
  await r.questions.rate("k1", { answer: "faq:fees", value: "up", at, memberId: "telegram:2" });
  await r.questions.rate("k1", { answer: "faq:fees", value: "down", at, memberId: "telegram:3" });
  await r.questions.forget("telegram:3");
  await r.days.add("2026-11-21", "decline", 2);
  await r.days.add("2026-11-21", "decline", 1);
  await db.close();
  return 1 + 1 + 2 + 1 + 1 + 1 + 2 + 1; // townhall, offer, two events, audit, question, answer, two ratings, a day's count
}

async function dump(s: KeyvStore): Promise<BackupLine[]> {
  const lines: string[] = [];
  await exportRecords(s, (l) => {
    lines.push(l);
  });
  return parseBackup(lines.join(""));
}

/** Lines without their expiry, and the expiries apart (re-imported expiries move by the import's clock). */
function split(lines: BackupLine[]) {
  return {
    records: lines.map(({ ns, key, value }) => ({ ns, key, value })),
    expiries: lines.map((l) => (l.expiresAt === undefined ? undefined : Date.parse(l.expiresAt))),
  };
}

describe("backup format", () => {
  it("reads the previous release's format 2 (no FAQ tables) as well as format 3", () => {
    const body = [
      JSON.stringify({
        ns: "faq.questions",
        key: "k1",
        value: { text: "Parking?", lang: "en", at: "t", memberId: "m" },
      }),
      JSON.stringify({
        table: "audit",
        row: { id: 1, at: "t", actor_id: "a", actor_name: "A", action: "x", target: "y", detail: null },
      }),
    ];
    const two = parseBackupFile([JSON.stringify({ format: 2 }), ...body].join("\n"));
    expect([two.format, two.lines.length, two.rows.length]).toEqual([2, 1, 1]);
    const rating = { id: 1, answer_key: "A", answer_ref: "faq:x", member_id: null, value: "up", at: "t" };
    const three = parseBackupFile(
      [JSON.stringify({ format: 3 }), ...body, JSON.stringify({ table: "faq_ratings", row: rating })].join("\n"),
    );
    expect([three.format, three.rows.length]).toEqual([3, 2]);
    expect(() =>
      parseBackupFile(`${JSON.stringify({ format: 2 })}\n${JSON.stringify({ table: "nope", row: {} })}`),
    ).toThrow(/line 2/);
  });

  it("rejects a bad backup as a whole, naming the lines", async () => {
    const good = JSON.stringify({ ns: "offer", key: "A", value: 1 });
    const text = [
      good,
      "{not json",
      JSON.stringify({ ns: "a:b", key: "k", value: 1 }),
      JSON.stringify({ ns: "x", key: "k" }),
      JSON.stringify({ ns: "x", key: "k", value: 1, expiresAt: "tomorrow" }),
      JSON.stringify({ ns: "x", key: "k", value: 1, extra: true }),
    ].join("\n");
    expect(() => parseBackup(text)).toThrow(/line 2: not JSON[\s\S]*line 3[\s\S]*line 4[\s\S]*line 5[\s\S]*line 6/);
  });

  it("moves records between stores with their expiry, skipping expired ones; twice is the same as once", async () => {
    const source = await sqliteStore("a");
    await fill(source);
    await new Promise((r) => setTimeout(r, 60));
    const exported = await dump(source);
    expect(exported.map((l) => `${l.ns}:${l.key}`)).toEqual([
      "log:2026-11-21T10:00:00.000Z-X",
      "note:DON-7F3K",
      "seq:offer",
      "session:telegram:1",
      "vote:T1:discord:2",
      "vote:T1:telegram:1",
    ]);
    const memory = new MemoryStore();
    const withExpired: BackupLine[] = [
      ...exported,
      { ns: "dedup", key: "old", value: 1, expiresAt: "2020-01-01T00:00:00Z" },
    ];
    expect(await importRecords(memory, withExpired)).toEqual({ imported: 6, expired: 1 });
    expect(await memory.get("note", "DON-7F3K")).toEqual({
      ref: "DON-7F3K",
      contact: "陳大文 9123 4567",
      note: ":colon",
    });
    expect(await memory.increment("seq", "offer")).toBe(42);

    const target = await sqliteStore("b");
    await importRecords(target, exported);
    await importRecords(target, exported);
    const again = await dump(target);
    expect(split(again).records).toEqual(split(exported).records);
    const [before, after] = [split(exported).expiries, split(again).expiries];
    after.forEach((t, i) => {
      const b = before[i];
      if (t === undefined || b === undefined) expect(t).toBe(b);
      else expect(Math.abs(t - b)).toBeLessThan(5_000);
    });
  });
});

const cli = (name: string, args: string[], env: Record<string, string>) =>
  run(process.execPath, ["--import", "tsx", `src/cli/${name}.ts`, ...args], {
    env: { ...process.env, LOG_LEVEL: "warn", ...env },
  });

if (await requireServer("PostgreSQL", 5432)) {
  describe("moving an association from SQLite to PostgreSQL with the CLIs", () => {
    it("exports from SQLite, imports into a fresh PostgreSQL database, twice, and loses nothing", async () => {
      const source = await sqliteStore("cli");
      await fill(source);
      await source.close();
      const sqliteEnv = { STORAGE_URL: `sqlite://${join(dir, "cli", "bot.sqlite")}`, DATA_DIR: dir };
      const rowsWritten = await fillRecords(sqliteEnv.STORAGE_URL);
      const file = join(dir, "backup.jsonl");
      const exported = await cli("export-data", ["--out", file], sqliteEnv);
      expect(exported.stderr).toMatch(new RegExp(`exported ${rowsWritten} rows and 6 key-value records`));

      const db = runId("backup");
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${db}`);
      cleanups.push(async () => {
        await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
        await admin.end();
      });
      const pgEnv = { STORAGE_URL: `postgresql://postgres@127.0.0.1:5432/${db}`, DATA_DIR: dir };
      expect((await cli("import-data", [file], pgEnv)).stderr).toMatch(
        new RegExp(`imported format 3: ${rowsWritten} rows and 6 key-value records`),
      );
      // Twice is the same as once: the rows are there already.
      expect((await cli("import-data", [file], pgEnv)).stderr).toMatch(/imported format 3: 0 rows and 6 key-value/);

      const roundTrip = join(dir, "from-pg.jsonl");
      await cli("export-data", ["--out", roundTrip], pgEnv);
      const [fa, fb] = [parseBackupFile(readFileSync(file, "utf8")), parseBackupFile(readFileSync(roundTrip, "utf8"))];
      expect(split([...fb.lines]).records).toEqual(split([...fa.lines]).records);
      const rowsOf = (f: typeof fa) => f.rows.map((r) => JSON.stringify(r)).sort();
      expect(rowsOf(fb)).toEqual(rowsOf(fa));
      expect(fa.rows).toHaveLength(rowsWritten);

      const bad = join(dir, "bad.jsonl");
      writeFileSync(bad, `${JSON.stringify({ ns: "note", key: "NEW", value: 1 })}\n{oops\n`);
      await expect(cli("import-data", [bad], pgEnv)).rejects.toMatchObject({ stderr: expect.stringMatching(/line 2/) });
      const pgStore = await openStore({ url: pgEnv.STORAGE_URL, dataDir: dir, logger: quietLogger() });
      stores.push(pgStore);
      expect(await pgStore.get("note", "NEW")).toBeUndefined();
      expect(await pgStore.list("vote")).toHaveLength(2);
    });
  });
}

if (await requireServer("Redis", 6379)) {
  describe("backup into Redis", () => {
    it("imports a SQLite export into Redis with the same records", async () => {
      const source = await sqliteStore("toredis");
      await fill(source);
      await new Promise((r) => setTimeout(r, 60));
      const exported = await dump(source);
      const isolate = runId("backup");
      cleanups.push(() => dropRedisNamespace(isolate));
      const redis = await openStore({ url: REDIS_URL, dataDir: dir, logger: quietLogger(), isolate });
      stores.push(redis);
      await importRecords(redis, exported);
      expect(split(await dump(redis)).records).toEqual(split(exported).records);
    });
  });
}
