/**
 * Update → reply latency through each adapter, as a Markdown section:
 *   npx tsx scripts/bench.ts adapters
 * Each platform's real client (telegraf long polling, discord.js gateway +
 * REST) against its local fake (test/fakes), private messages from distinct
 * members arriving at a fixed rate; the time from the fake queueing an update
 * to the fake receiving the reply. Beside it, a minimal echo bot on the same
 * client and the same fake in the same run: the difference is the bot's own
 * cost (adapter, ordering, the core, answering from the knowledge). Goal:
 * p99 within 3× of the echo bot's.
 */

import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { FakeDiscord } from "../../test/fakes/discord-api.ts";
import { message } from "../../test/fakes/discord-payloads.ts";
import { FakeTelegramApi } from "../../test/fakes/telegram-api.ts";
import { startArgs } from "./start.ts";

const RATES = [50, 200] as const;
const SECONDS = 3;
/** Messages of the warm-up before a row's runs. */
const WARM_UP = 400;
/**
 * Seconds of messages at the run's rate before each run, not timed: each bot has sat idle while
 * the other ran, and its first replies after that pause are its wake-up, not its handling of a
 * stream at that rate (fresh questions at 200/s, five runs: the bot's first reply of a run took
 * 7.6-13.3 ms, the same question later in the run 3.1-4.9; the echo's 1.1-2.6 ms against
 * 0.6-1.3). Their p99 is reported apart.
 */
const LEAD_IN_SECONDS = 0.5;
/** Runs of each bot per platform and rate, taking turns, their latencies pooled. */
const ROUNDS = 5;
/** Questions answered in one message each, like the echo bot's (a longer reply, e.g. /help, is several sends). */
const QUESTIONS = ["What is QMAS?", "When is the next townhall?", "Who can apply for QMAS?", "hi"];
/** A blind set's 200 questions as members wrote them (long stories, slang, Chinese, requests): a realistic mix. */
const FRESH = "eval/fresh-14.jsonl";

const pct = (xs: readonly number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

/** Sends `total` updates at `rate` a second (one per member); resolves to each update's reply latency (ms). */
async function drive(rate: number, total: number, send: (n: number) => void, replied: (n: number) => Promise<unknown>) {
  const latencies: Promise<number>[] = [];
  const start = performance.now();
  for (let n = 0; n < total; n++) {
    const due = start + (n * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const t0 = performance.now();
    send(n);
    latencies.push(replied(n).then(() => performance.now() - t0));
  }
  return Promise.all(latencies);
}

type Runner = (rate: number, offset: number, total?: number) => Promise<number[]>;
/**
 * A started bot or echo bot: its stop, the CPU time (ms) its process has used so far, and how long
 * its threads have waited, ready to run, for a CPU so far (ms).
 */
type Launched = { stop: () => Promise<void>; cpu: () => number | undefined; waited: () => number | undefined };
type Side = Launched & { run: Runner };
type Who = "bot" | "echo";

/** Linux's clock ticks per second (USER_HZ), the unit of /proc/<pid>/stat's CPU times. */
const USER_HZ = 100;

/**
 * The CPU time (ms, every thread: the event loop, the knowledge thread, V8's helpers) a process has
 * used so far, from /proc; undefined where there is none (not Linux).
 */
function cpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ;
  } catch {
    return undefined;
  }
}

/**
 * How long a process's threads have waited so far, ready to run, for a CPU that other work held
 * (ms, every thread summed: the scheduler's run-queue delay, /proc/<pid>/task/<tid>/schedstat's
 * second field); undefined where there is none (not Linux, or a kernel without schedstats). On a
 * machine of two cores the bot's event loop and knowledge thread, the fake and the driver, and V8's
 * compiler threads take turns: this is the part of the replies' time that is that queue.
 */
function waitedMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    let ns = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[1]);
      } catch {
        // A thread that ended meanwhile waited no more.
      }
    }
    return Number.isFinite(ns) ? ns / 1e6 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Starts the bot as `npm start` runs it (its own data directory, the default SQLite store and
 * records, no model), or the echo bot, in a process of its own against the fake at `api`: the
 * fake and the driver stay in this process, as Telegram's and Discord's servers are elsewhere.
 * Returns a stop that sends SIGTERM and waits for the exit, and the process's CPU time so far.
 */
function launch(who: Who, platform: "telegram" | "discord", api: string, dataDir: string): Launched {
  const args = who === "bot" ? startArgs() : [join("scripts", "bench", "echo.mjs"), platform, api];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    STORAGE_URL: "",
    OPENAI_API_KEY: "",
    DASHBOARD_PORT: "",
    LOG_LEVEL: "silent",
    RATE_LIMIT_PER_MINUTE: "1000",
    TELEGRAM_BOT_TOKEN: platform === "telegram" ? "1:BENCH" : "",
    TELEGRAM_API_ROOT: platform === "telegram" ? api : "",
    DISCORD_TOKEN: platform === "discord" ? "BENCH.TOKEN.X" : "",
    DISCORD_API_BASE: platform === "discord" ? api : "",
  };
  const child = spawn(process.execPath, args, { env, stdio: ["ignore", "ignore", "inherit"] });
  const exited = once(child, "exit");
  return {
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
    cpu: () => cpuMs(child.pid),
    waited: () => waitedMs(child.pid),
  };
}

/** The Telegram bot or the echo bot, polling a fake Bot API of its own. */
async function telegram(who: Who, dataDir: string, questions: readonly string[] = QUESTIONS): Promise<Side> {
  const api = new FakeTelegramApi();
  const bot = launch(who, "telegram", await api.start(), dataDir);
  const run: Runner = (rate, offset, total = rate * SECONDS) =>
    drive(
      rate,
      total,
      (n) =>
        void api.message(
          { id: offset + n, first_name: "M" },
          { id: offset + n, type: "private" },
          questions[n % questions.length] ?? "",
        ),
      // A reply comes after its update: only calls from now on are searched (every earlier call,
      // scanned for each reply, made the fake's work per message grow through the row).
      (n) =>
        api.waitFor(
          (c) => c.method === "sendMessage" && String(c.body.chat_id) === String(offset + n),
          api.calls.length,
          60_000,
        ),
    );
  return {
    run,
    cpu: bot.cpu,
    waited: bot.waited,
    stop: async () => {
      await bot.stop();
      await api.stop();
    },
  };
}

/** The Discord bot or the echo bot (discord.js), each on a fake Discord of its own. */
async function discord(who: Who, dataDir: string): Promise<Side> {
  const fake = new FakeDiscord();
  const bot = launch(who, "discord", await fake.start(), dataDir);
  const id = (offset: number, n: number) => String(700000000000000000n + BigInt(offset + n));
  await fake.waitForConnection(60_000);
  const run: Runner = (rate, offset, total = rate * SECONDS) =>
    drive(
      rate,
      total,
      (n) =>
        fake.dispatch("MESSAGE_CREATE", message(fake, { id: id(offset, n), name: "M" }, "dm", QUESTIONS[n % 4] ?? "")),
      (n) =>
        fake.waitFor(
          (c) => c.method === "POST" && c.path === `/channels/9${id(offset, n)}/messages`,
          fake.calls.length,
          120_000,
        ),
    );
  return {
    run,
    cpu: bot.cpu,
    waited: bot.waited,
    stop: async () => {
      await bot.stop();
      await fake.stop();
    },
  };
}

/** One table row per platform and rate: the bot's p50/p99 beside the echo bot's. */
async function measure(
  name: string,
  make: (who: Who, dataDir: string) => Promise<Side>,
  dataDir: () => string,
  rates: readonly number[] = RATES,
): Promise<string[]> {
  const rows: string[] = [];
  for (const [k, rate] of rates.entries()) {
    const result: Record<Who, number[]> = { echo: [], bot: [] };
    // Each run's own p99 too, in the order they ran: how far one run's tail moves from the next.
    const runP99: Record<Who, number[]> = { echo: [], bot: [] };
    // And each run's CPU time per message (ms), the process's every thread: the bot's work beside the echo's.
    const runCpu: Record<Who, number[]> = { echo: [], bot: [] };
    // And each run's time its threads waited for a CPU per message (ms): how crowded the machine was.
    const runWait: Record<Who, number[]> = { echo: [], bot: [] };
    // And the lead-ins' latencies, pooled apart: each bot's first replies after the other's run.
    const leadIn: Record<Who, number[]> = { echo: [], bot: [] };
    // Echo and bot take turns, ROUNDS times, and each one's latencies are pooled: a p99 of a few
    // hundred ms-scale samples moved by one slow reply from 1.3x to 11x the echo's between runs.
    // Each bot starts once per row, on a fake of its own, and is warmed up as a running bot is (400
    // messages at 40/s: each fresh question twice; its start and first answers are other sections' numbers).
    const sides = { echo: await make("echo", dataDir()), bot: await make("bot", dataDir()) };
    try {
      for (const side of Object.values(sides)) await side.run(40, 900_000 + k * 10_000, WARM_UP);
      for (let round = 0; round < ROUNDS; round++) {
        for (const who of ["echo", "bot"] as const) {
          const lead = Math.round(rate * LEAD_IN_SECONDS);
          leadIn[who].push(...(await sides[who].run(rate, 500_000 + k * 10_000 + round * 2_000, lead)));
          const cpuBefore = sides[who].cpu();
          const waitBefore = sides[who].waited();
          const latencies = await sides[who].run(rate, 100_000 + k * 10_000 + round * 2_000);
          const cpuAfter = sides[who].cpu();
          const waitAfter = sides[who].waited();
          result[who].push(...latencies);
          runP99[who].push(pct(latencies, 99));
          if (cpuBefore !== undefined && cpuAfter !== undefined)
            runCpu[who].push((cpuAfter - cpuBefore) / latencies.length);
          if (waitBefore !== undefined && waitAfter !== undefined)
            runWait[who].push((waitAfter - waitBefore) / latencies.length);
        }
      }
    } finally {
      await Promise.all(Object.values(sides).map((side) => side.stop()));
    }
    const { bot, echo } = result;
    const ratio = pct(bot, 99) / Math.max(0.001, pct(echo, 99));
    const f = (x: number) => x.toFixed(1);
    const cpu = (xs: number[]) => (xs.length === ROUNDS ? xs.map((x) => x.toFixed(2)).join(", ") : "n/a");
    rows.push(
      `| ${name} | ${rate}/s | ${bot.length} | ${f(pct(bot, 50))} / ${f(pct(bot, 99))} | ${f(pct(echo, 50))} / ${f(pct(echo, 99))} | ${ratio.toFixed(2)}× | ${f(pct(leadIn.bot, 99))} / ${f(pct(leadIn.echo, 99))} | ${runP99.bot.map(f).join(", ")} | ${runP99.echo.map(f).join(", ")} | ${cpu(runCpu.bot)} | ${cpu(runCpu.echo)} | ${cpu(runWait.bot)} | ${cpu(runWait.echo)} |`,
    );
  }
  return rows;
}

/**
 * How much slower this machine runs memory-bound work spaced out than back to back: random reads
 * over 4 MB, 200 times in a row, then 200 times 5 ms apart (as messages come at 200/s), each time's
 * mean in ms. Work that waits between messages finds its data gone from the caches (on a virtual
 * machine, other tenants run meanwhile); the bot's reading and retrieval touch far more memory per
 * message than the echo bot does.
 */
async function coldFactor(): Promise<{ warm: number; cold: number }> {
  const data = new Float64Array((4 << 20) / 8).map((_, i) => i % 7);
  let seed = 1;
  const at = Int32Array.from({ length: 20_000 }, () => {
    seed = (seed * 48271) % 2147483647;
    return seed % data.length;
  });
  let sink = 0;
  const task = () => {
    for (let r = 0; r < 10; r++) for (const i of at) sink += data[i] ?? 0;
  };
  const mean = async (gapMs: number) => {
    let total = 0;
    for (let k = 0; k < 200; k++) {
      const t0 = performance.now();
      task();
      total += performance.now() - t0;
      if (gapMs > 0) await new Promise((r) => setTimeout(r, gapMs));
    }
    return total / 200;
  };
  await mean(0);
  const warm = await mean(0);
  const cold = await mean(5);
  // The sum is read, so that the reads are not optimised away.
  if (!Number.isFinite(sink)) throw new Error("the reads summed to no number");
  return { warm, cold };
}

/** The section. */
export async function benchAdapters(): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), "bahk-bench-adapters-"));
  // Each bot's data directory of its own (update ids restart with each fake, and the store handles an id once).
  let runs = 0;
  const dataDir = () => join(root, `run-${++runs}`);
  const load = loadavg()[0]?.toFixed(1) ?? "?";
  const { warm, cold } = await coldFactor();
  const fresh = readFileSync(FRESH, "utf8")
    .trim()
    .split("\n")
    .map((l) => (JSON.parse(l) as { question: string }).question);
  try {
    // Discord also just below its global limit of 50 requests/s, where neither bot waits on discord.js's limiter.
    const rows = [
      ...(await measure("Telegram", telegram, dataDir)),
      ...(await measure("Discord", discord, dataDir, [40, ...RATES])),
      ...(await measure("Telegram, fresh questions", (who, dir) => telegram(who, dir, fresh), dataDir)),
    ];
    return [
      "## Update → reply latency through the adapters (`npm run bench -- adapters`)",
      "",
      `Each platform's real client against its fake on 127.0.0.1 (Telegram: telegraf's client; the bot long-polls with its own loop, which takes new updates while earlier ones run, the echo with telegraf's, which finishes each batch first; discord.js gateway and REST), private messages from distinct members at a fixed rate for ${SECONDS} s, ${ROUNDS} runs each, the bot's and the echo's taking turns and their latencies pooled (questions and a greeting, each answered in one message; the rows marked fresh questions send instead the 200 questions of ${FRESH} in turn, as members wrote them: long stories, slang, both scripts of Chinese, requests that start a form, whose first message is timed), latency from the fake queueing the update to the fake receiving the reply, in ms. The bot runs as \`npm start\` runs it, in a process of its own (a data directory of its own, the default SQLite store and records, no model); beside it, a minimal echo bot (scripts/bench/echo.mjs) on the same client, in a process of its own too; the fakes and the driver stay in the bench's process, as the platforms' servers are elsewhere. Each bot starts once per row on a fake of its own and is warmed up with ${WARM_UP} messages at 40/s before the runs. Each run starts with a lead-in of ${LEAD_IN_SECONDS} s of messages at its rate that is not timed in the p50/p99: each bot has sat idle while the other ran, and its first replies after that pause are its wake-up, not its handling of a stream at the row's rate (the lead-ins' own p99, both bots' pooled, is the column after the ratio). Goal: the bot's p99 within 3× of the echo bot's. Then each run's own p99, in the order the runs took turns (how much one run's tail moves from the next on this machine), and each run's CPU time per message of the bot's and the echo's process, every thread counted (from /proc, in 10 ms ticks): how much work the bot does beside the echo, and whether it still falls from run to run as V8 optimises more of the bot's code (the answering code is not at its steady speed after the ${WARM_UP} messages of the warm-up: measured in one process, twice, reading and answering fresh-14's 200 questions took 503 and 522 ms the first time, 218 and 280 ms the second, 214 and 173 ms the sixth, and 140 ms the eighth in the run that went on). The last two columns: the time each process's threads waited per message, ready to run, for a CPU that other work held (the scheduler's run-queue delay, /proc's schedstat, every thread summed): on two cores the bot's event loop and knowledge thread share them with the fake, the driver and V8's compiler threads, and each wait lengthens a reply. discord.js keeps to Discord's global limit of 50 requests/s, for both bots alike, so at 200/s both queue behind it; at 50/s each second's replies are right at the limit, and whenever a reply's jitter puts a 51st request into discord.js's one-second window, it waits for the window's end (the bot's REST client with no extra margin, offset 0; the echo's with discord.js's default 50 ms: the p99 at 50/s is that wait; the 40/s row is below the limit). Load average when the run started: ${load} (other work on the machine slows the bot's CPU-bound answers more than the echo). Each message comes from a member the bot has not met (their first contact: the duplicate check, the language and the context are written, and the inbox keeps each update until it is handled, about 0.6 ms of SQLite per message), and the bot's work per message is several times the echo's: reading, retrieval and checks (several milliseconds for a long message, in the knowledge's worker thread, which starts reading a message while the event loop does the core's bookkeeping) and the core, its SQL and the reply on the event loop (about 3 ms of CPU per message in all at 200/s), where the echo does nothing. On this machine's two cores the bot's two threads share them with the fake, the driver and the echo's idle process. Memory-bound work spaced out as messages are at 200/s can take longer on this virtual machine than back to back (other tenants' work in between empties the caches): in this run, random reads over 4 MB took ${warm.toFixed(2)} ms in a row and ${cold.toFixed(2)} ms with 5 ms between runs (${(cold / warm).toFixed(1)}×). The bot's reading and retrieval touch far more memory per message than the echo does.`,
      "",
      "| platform | rate | replies | bot p50 / p99 | echo p50 / p99 | p99 bot ÷ echo | lead-ins (untimed above), bot / echo p99 | bot p99 of each run | echo p99 of each run | bot CPU ms per message, each run | echo CPU ms per message, each run | bot ms waiting for a CPU per message, each run | echo ms waiting for a CPU per message, each run |",
      "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
      ...rows,
    ].join("\n");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
