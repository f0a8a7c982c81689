/**
 * The local PostgreSQL and Redis the integration tests use, and whether they
 * answer. Absent servers skip their suites with a notice, except under
 * `CI=true`, where their absence fails the run.
 */
import { randomBytes } from "node:crypto";
import { connect } from "node:net";
import { MemoryLogger } from "../helpers/services.ts";

/** PostgreSQL of the development machines and CI. */
export const PG_URL = "postgresql://postgres@127.0.0.1:5432/test";
/** Redis of the development machines and CI. */
export const REDIS_URL = "redis://127.0.0.1:6379";

/** Whether something accepts TCP connections on 127.0.0.1:`port`. */
export async function listening(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/**
 * Whether a server's suite should run. When it should not, prints a visible
 * notice and registers a skipped test, or under `CI=true` a failing one.
 */
export async function requireServer(label: string, port: number): Promise<boolean> {
  if (await listening(port)) return true;
  const ci = process.env.CI === "true";
  const notice = `${label} is not reachable on 127.0.0.1:${port}: its storage suites are ${ci ? "REQUIRED under CI=true" : "SKIPPED"}`;
  console.warn(`\n*** ${notice} ***\n`);
  const { it } = await import("vitest");
  if (ci) {
    it(`${label} is available (required under CI)`, () => {
      throw new Error(notice);
    });
  } else {
    // A visible skipped test (and a file never left without tests).
    it.skip(`${label} suites (server not reachable on 127.0.0.1:${port})`, () => {});
  }
  return false;
}

/** A name unique to this run, for tables and key namespaces (parallel runs never collide). */
export function runId(label: string): string {
  return `t_${label}_${process.pid}_${randomBytes(3).toString("hex")}`;
}

/** A silent logger for stores under test. */
export function quietLogger(): MemoryLogger {
  return new MemoryLogger();
}

/** Drops a test table from the local PostgreSQL. */
export async function dropPgTable(table: string): Promise<void> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  await client.query(`DROP TABLE IF EXISTS "${table}"`);
  await client.end();
}

/** Deletes every key of a test namespace from the local Redis. */
export async function dropRedisNamespace(namespace: string): Promise<void> {
  const { createClient } = await import("@redis/client");
  const client = createClient({ url: REDIS_URL });
  await client.connect();
  for await (const keys of client.scanIterator({ MATCH: `${namespace}::*`, COUNT: 1000 })) {
    if (keys.length > 0) await client.del(keys);
  }
  client.destroy();
}
