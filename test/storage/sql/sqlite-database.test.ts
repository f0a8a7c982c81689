import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Kysely, sql } from "../../../src/storage/sql/kysely.ts";
import { kyselySqlite, RecordsSqliteDialect } from "../../../src/storage/sql/sqlite-database.ts";
import { openLibsql } from "../../../src/storage/sqlite.ts";

describe("the records' SQLite connection", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const open = () => {
    const dir = mkdtempSync(join(tmpdir(), "bahk-sqlite-db-"));
    dirs.push(dir);
    const connection = openLibsql(join(dir, "r.sqlite"), 1000);
    const prepare = vi.spyOn(connection, "prepare");
    const db = new Kysely<{ t: { id: number; flag: number; at: number } }>({
      dialect: new RecordsSqliteDialect({ database: kyselySqlite(connection) }),
    });
    return { db, prepare };
  };

  it("prepares a statement once however often it runs, and binds booleans and dates as the client did", async () => {
    const { db, prepare } = open();
    await sql`create table t (id integer primary key, flag integer, at integer)`.execute(db);
    const at = new Date("2026-12-02T00:00:00Z");
    for (let id = 1; id <= 50; id++) {
      await db
        .insertInto("t")
        .values({ id, flag: (id % 2 === 0) as unknown as number, at: at as unknown as number })
        .execute();
    }
    const inserts = prepare.mock.calls.filter(([s]) => s.startsWith("insert")).length;
    expect(inserts).toBe(1);
    const rows = await db.selectFrom("t").selectAll().where("id", "<=", 2).orderBy("id").execute();
    expect(rows).toEqual([
      { id: 1, flag: 0, at: at.valueOf() },
      { id: 2, flag: 1, at: at.valueOf() },
    ]);
    await db.destroy();
  });

  it("keeps at most 256 statements, dropping the least recently used", async () => {
    const { db, prepare } = open();
    const select = (n: number) => sql`select ${sql.lit(n)} as n`.execute(db);
    for (let n = 0; n < 300; n++) await select(n);
    prepare.mockClear();
    await select(299); // recent: still prepared
    await select(0); // the oldest: dropped
    expect(prepare.mock.calls.map(([s]) => s)).toEqual(["select 0 as n"]);
    await db.destroy();
  });

  it("begins a transaction with the write lock", async () => {
    const { db, prepare } = open();
    await db.transaction().execute(async (trx) => {
      await sql`select 1`.execute(trx);
    });
    expect(prepare.mock.calls.map(([s]) => s)).toContain("begin immediate");
    await db.destroy();
  });
});
