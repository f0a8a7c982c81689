/**
 * A restart in the middle of a rush, as a supervisor would do it: `npm start` (the real
 * composition root, SQLite in a fresh data directory) polls a fake Telegram on 127.0.0.1, 300
 * members each ask a question, the process gets SIGTERM while it answers them, then starts
 * again on the same data directory. Every member gets one answer: before the stop, or after
 * the restart, never twice and never none.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FakeTelegramApi } from "../fakes/telegram-api.ts";

const MEMBERS = 300;
const QUESTIONS = ["What is QMAS?", "How often are the townhall meetings?", "What are the association's goals?"];

const dataDir = mkdtempSync(join(tmpdir(), "bahk-restart-"));
const api = new FakeTelegramApi();
const children: ChildProcess[] = [];
let logs = "";

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  await api.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

function startBot(apiRoot: string): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ["scripts/run.mjs", "src/main.ts"], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      TELEGRAM_BOT_TOKEN: "123:TEST",
      TELEGRAM_API_ROOT: apiRoot,
      TELEGRAM_ORGANISER_CHAT_ID: "-100",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  children.push(child);
  // Read, so a chatty child never blocks on a full pipe; the tail is kept for a failure's message.
  child.stderr?.on("data", (d: Buffer) => {
    logs = `${logs}${d.toString("utf8")}`.slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited };
}

/** The chats answered so far, with how many answers each got. */
function answers(): Map<number, number> {
  const n = new Map<number, number>();
  for (const c of api.of("sendMessage")) {
    const chat = Number(c.body.chat_id);
    if (chat > 0) n.set(chat, (n.get(chat) ?? 0) + 1);
  }
  return n;
}

async function until(pred: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pred() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
}

describe("SIGTERM during a rush of questions, then a restart", () => {
  it("answers every member once, before the stop or after the restart", async () => {
    const apiRoot = await api.start();
    for (let i = 0; i < MEMBERS; i++) {
      const id = 10_000 + i;
      api.message({ id }, { id, type: "private" }, QUESTIONS[i % QUESTIONS.length] as string);
    }
    const first = startBot(apiRoot);
    // Stopped while it is answering: some members answered, most not yet.
    await until(() => answers().size >= 20, 120_000);
    expect(answers().size, logs).toBeGreaterThan(0);
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    const beforeRestart = answers().size;
    expect(beforeRestart).toBeLessThan(MEMBERS);

    const second = startBot(apiRoot);
    await until(() => answers().size >= MEMBERS, 120_000);
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);

    const got = answers();
    expect(got.size).toBe(MEMBERS);
    const twice = [...got].filter(([, n]) => n !== 1);
    expect(twice).toEqual([]);
  }, 300_000);
});
