/**
 * The SQLite write-ahead log is folded into the database file by a worker, not by a write on the
 * event loop: the writing connection's automatic checkpoint is off, and the file still grows.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startCheckpointer } from "../../src/storage/checkpointer.ts";
import { openStore } from "../../src/storage/index.ts";
import { quietLogger } from "../knowledge/helpers.ts";

const dir = mkdtempSync(join(tmpdir(), "bahk-checkpoint-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Db = {
  exec(sql: string): void;
  prepare(sql: string): { run(...a: unknown[]): unknown; get(): Record<string, unknown> };
  close(): void;
};
const Database = createRequire(import.meta.url)("libsql") as new (file: string) => Db;

describe("checkpoints in a worker", () => {
  it("folds what a connection without automatic checkpoints wrote into the file", async () => {
    const file = join(dir, "fold.sqlite");
    const db = new Database(file);
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA wal_autocheckpoint = 0");
    db.exec("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)");
    const insert = db.prepare("INSERT INTO t (v) VALUES (?)");
    for (let i = 0; i < 2000; i++) insert.run("x".repeat(200));
    const before = statSync(file).size;
    const cp = startCheckpointer(file, { everyMs: 20 });
    expect(await cp.ready).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    await cp.stop();
    // The rows (about 400 KB) are in the database file now, not only in its log.
    expect(statSync(file).size).toBeGreaterThan(before + 200_000);
    db.close();
  });

  it("neither ends a process that awaits it nor keeps one alive", () => {
    // An unreferenced worker let a process awaiting the store's open or close exit half-way (code 13).
    const script = join(dir, "open-close.mts");
    const store = resolve("src/storage/index.ts");
    writeFileSync(
      script,
      `import { openStore } from ${JSON.stringify(store)};
const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const s = await openStore({ url: "sqlite://${join(dir, "child.sqlite")}", dataDir: ${JSON.stringify(dir)}, logger: quiet });
await s.set("ns", "k", 1);
await s.close();
console.log("closed");
`,
    );
    const run = spawnSync(process.execPath, ["--import", "tsx", script], { encoding: "utf8", timeout: 30_000 });
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe("closed");
  });

  it("turns the store's automatic checkpoint off once its worker runs, without waiting for it to open", async () => {
    const store = await openStore({ url: `sqlite://${join(dir, "store.sqlite")}`, dataDir: dir, logger: quietLogger });
    await store.set("ns", "k", 1);
    // The setting is per connection: read it through the store's own backend.
    const backend = (
      store as unknown as { backend: { adapter: { connection(): Db; startCheckpoints(): Promise<unknown> } } }
    ).backend;
    // The worker starts beside the store (the store does not wait for it): wait here.
    await backend.adapter.startCheckpoints();
    expect(backend.adapter.connection().prepare("PRAGMA wal_autocheckpoint").get()).toMatchObject({
      wal_autocheckpoint: 0,
    });
    await store.close();
  });
});
