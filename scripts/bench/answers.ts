/**
 * Benchmark of the knowledge base, as a Markdown section:
 *   npx tsx scripts/bench/answers.ts
 * Answer latency (p50/p99, answers/s) through the knowledge base and through
 * faq().fallback on the real knowledge and on a generated 10,000-passage one;
 * index build and load times; start-to-ready of a fresh process with a
 * persisted index; peak RSS; and pass rates beside a BM25-only baseline
 * (minisearch) on the same eval sets.
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import MiniSearch from "minisearch";
import { type EvalQuestion, passes, readSet } from "../../eval/set.ts";
import { AuditLog } from "../../src/core/audit.ts";
import { faq } from "../../src/core/faq/index.ts";
import type { Context, Services } from "../../src/core/feature.ts";
import { detectLang } from "../../src/core/i18n.ts";
import { SessionStore } from "../../src/core/session.ts";
import type { Lang } from "../../src/core/types.ts";
import { loadKnowledgeFiles } from "../../src/knowledge/documents.ts";
import { loadGlove } from "../../src/knowledge/glove.ts";
import { buildUnits, openKnowledge } from "../../src/knowledge/index.ts";
import type { LocalKnowledgeBase } from "../../src/knowledge/kb.ts";
import { hanGrams } from "../../src/knowledge/text.ts";
import { MemoryStore } from "../../src/storage/memory.ts";
import { startArgs, startFlags } from "./start.ts";

const ROOT = resolve(fileURLToPath(import.meta.url), "../../..");
/** What `npm start` runs (with its V8 flags, `startFlags`): the launcher that bundles the bot and runs it in plain Node. */
const RUN = join(ROOT, "scripts", "run.mjs");
const KNOWLEDGE = join(ROOT, "knowledge");
const GLOVE = join(ROOT, "data", "glove");
const SETS: [string, string][] = [
  ["dev (shared)", join(ROOT, "..", "shared", "eval", "dev.jsonl")],
  ["own (eval/questions.jsonl)", join(ROOT, "eval", "questions.jsonl")],
];
/** The fresh sets join the latency rounds (their quality is `npm run eval`'s, reported below). */
const LATENCY_SETS = [join(ROOT, "eval", "fresh-en.jsonl"), join(ROOT, "eval", "fresh-zh.jsonl")];
const quiet = { debug() {}, info() {}, warn() {}, error() {} };

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

function tempData(): string {
  const dir = mkdtempSync(join(tmpdir(), "bahk-bench-"));
  symlinkSync(GLOVE, join(dir, "glove"));
  return dir;
}

/** Latency of `fn` over the questions, `rounds` times after a warm-up. */
async function latency(questions: string[], rounds: number, fn: (q: string) => Promise<unknown>) {
  // Warm-up: three rounds, so that JIT compilation and caches don't count as answer latency.
  for (let r = 0; r < 3; r++) for (const q of questions) await fn(q);
  const times: number[] = [];
  const started = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const t = performance.now();
      await fn(q);
      times.push(performance.now() - t);
    }
  }
  const total = performance.now() - started;
  return { p50: pct(times, 50), p99: pct(times, 99), perSecond: (times.length / total) * 1000, n: times.length };
}

function services(
  knowledge: LocalKnowledgeBase,
  embedder: Services["embedder"],
  understanding?: Services["understanding"],
): Services {
  const store = new MemoryStore();
  const clock = { now: () => new Date() };
  return {
    store,
    clock,
    notifier: {
      async toMember() {},
      async toOrganisers() {
        return true;
      },
    },
    logger: quiet,
    policy: { isOrganiser: () => false },
    knowledge,
    embedder,
    ...(understanding ? { understanding } : {}),
    audit: new AuditLog(store, clock),
    sessions: new SessionStore(store, () => new Date()),
  };
}

function ctxFor(q: string): Context {
  const member = { id: "console:bench", platform: "console" as const, platformUserId: "bench", displayName: "Bench" };
  return {
    member,
    chat: { id: "console:dm", type: "private" },
    lang: detectLang(q),
    isOrganiser: false,
    now: new Date(),
  };
}

/** A knowledge folder with the real documents plus generated ones, `total` passages in all. */
export function generateKnowledge(total: number): string {
  const dir = mkdtempSync(join(tmpdir(), "bahk-bench-kb-"));
  cpSync(KNOWLEDGE, dir, { recursive: true });
  const glove = loadGlove(GLOVE);
  const words = Array.from({ length: 20_000 }, (_, i) => glove.word(500 + i));
  let seed = 42;
  const rnd = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const sentence = () => {
    const n = 8 + Math.floor(rnd() * 12);
    const s = Array.from({ length: n }, () => words[Math.floor(rnd() * words.length)]).join(" ");
    return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
  };
  const real = loadKnowledgeFiles(KNOWLEDGE).docs.reduce((n, d) => n + d.passages.length, 0);
  const perFile = 100;
  for (let f = 0, made = real; made < total; f++) {
    const sections: string[] = [];
    for (let s = 0; s < perFile && made < total; s++, made++) {
      sections.push(
        `## Section ${f}-${s}: ${sentence().slice(0, 40)}\n\n${Array.from({ length: 3 + Math.floor(rnd() * 3) }, sentence).join(" ")}\n`,
      );
    }
    writeFileSync(
      join(dir, `generated-${f}.md`),
      `---\ntitle: "Generated ${f}"\nsource: "benchmark"\n---\n\n# Generated ${f}\n\n${sections.join("\n")}`,
    );
  }
  return dir;
}

/** Pass rates of a BM25-only baseline (minisearch over the same units), threshold calibrated on the own set. */
function bm25Baseline(sets: [string, EvalQuestion[]][]): string[] {
  const files = loadKnowledgeFiles(KNOWLEDGE);
  const units = buildUnits(files);
  const faqById = new Map(files.faq.map((e) => [e.id, e]));
  const passages = new Map(files.docs.flatMap((d) => d.passages.map((p) => [p.id, p] as const)));
  const tokenize = (t: string) => [...(t.toLowerCase().match(/[a-z0-9]+/g) ?? []), ...hanGrams(t)];
  const ms = new MiniSearch<{ id: number; text: string }>({ fields: ["text"], tokenize });
  ms.addAll(units.map((u, id) => ({ id, text: u.text })));
  const run = (q: EvalQuestion) => {
    const hit = ms.search(q.question, { fuzzy: 0.2, prefix: true })[0];
    const unit = hit ? units[hit.id as number] : undefined;
    const lang: Lang = detectLang(q.question);
    const e = unit && unit.kind !== "passage" ? faqById.get(unit.ref) : undefined;
    const text = e ? e.a[lang] : unit ? (passages.get(unit.ref)?.text ?? "") : "";
    return { score: hit?.score ?? 0, text };
  };
  const own = sets.find(([n]) => n.startsWith("own"))?.[1] ?? [];
  const ownRuns = own.map((q) => ({ q, ...run(q) }));
  let best = { t: 0, pass: -1 };
  for (const t of [...new Set(ownRuns.map((r) => r.score))].sort((a, b) => a - b)) {
    const pass = ownRuns.filter((r) => passes(r.q, { answered: r.score >= t, text: r.text })).length;
    if (pass > best.pass) best = { t, pass };
  }
  return sets.map(([name, qs]) => {
    const ok = qs.filter((q) => {
      const r = run(q);
      return passes(q, { answered: r.score >= best.t, text: r.text });
    }).length;
    return `${((ok / qs.length) * 100).toFixed(1)}% (${ok}/${qs.length}) [${name}]`;
  });
}

async function passRates(kb: LocalKnowledgeBase, sets: [string, EvalQuestion[]][]): Promise<string[]> {
  const out: string[] = [];
  for (const [name, qs] of sets) {
    let ok = 0;
    for (const q of qs) {
      const a = await kb.answer(q.question, detectLang(q.question));
      if (passes(q, a)) ok++;
    }
    out.push(`${((ok / qs.length) * 100).toFixed(1)}% (${ok}/${qs.length}) [${name}]`);
  }
  return out;
}

/** Restarts measured for start-to-ready (after the first, which creates the store). */
const READY_RUNS = 5;

/** Spawns a fresh process that opens the persisted index; returns its start-to-ready time and peak RSS. */
function startToReady(knowledgeDir: string, dataDir: string): Promise<{ ms: number; rssMb: number }> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [...startFlags(ROOT), RUN, fileURLToPath(new URL("./ready-probe.ts", import.meta.url)), knowledgeDir, dataDir],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let out = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
    });
    child.on("error", fail);
    child.on("close", () => {
      const m = /ready (\d+)/.exec(out);
      if (!m) fail(new Error(`probe failed: ${out}`));
      else done({ ms: performance.now() - started, rssMb: Number(m[1]) / 1024 });
    });
  });
}

/** Runs the benchmark and returns its Markdown section. */
export async function benchAnswers(): Promise<string> {
  if (!existsSync(join(GLOVE, "vectors.i8"))) loadGlove(GLOVE);
  const sets: [string, EvalQuestion[]][] = SETS.filter(([, p]) => existsSync(p)).map(([n, p]) => [n, readSet(p)]);
  const questions = sets.flatMap(([, qs]) => qs.map((q) => q.question));
  const freshQuestions = LATENCY_SETS.filter((p) => existsSync(p)).flatMap((p) => readSet(p).map((q) => q.question));
  const rows: string[][] = [];
  const lines: string[] = [];

  const realData = tempData();
  let t = performance.now();
  const built = await openKnowledge({ knowledgeDir: KNOWLEDGE, dataDir: realData, logger: quiet });
  const realBuild = performance.now() - t;
  t = performance.now();
  const real = await openKnowledge({ knowledgeDir: KNOWLEDGE, dataDir: realData, logger: quiet });
  const realLoad = performance.now() - t;
  const realKb = await latency(questions, 50, (q) => real.knowledge.answer(q, detectLang(q)));
  await real.understanding.warm();
  const fallback = faq(services(real.knowledge, real.embedder, real.understanding), {
    runCommand: async () => [],
  }).fallback;
  const realFaq = await latency(questions, 50, (q) => fallback(ctxFor(q), q));
  const freshKb = await latency(freshQuestions, 20, (q) => real.knowledge.answer(q, detectLang(q)));
  const freshFaq = await latency(freshQuestions, 20, (q) => fallback(ctxFor(q), q));
  // The first start creates the store and the records; the ones after are what a restart costs. One
  // start on a shared machine moved by a quarter between runs: the median of five is reported.
  await startToReady(KNOWLEDGE, realData);
  const starts: { ms: number; rssMb: number }[] = [];
  for (let i = 0; i < READY_RUNS; i++) starts.push(await startToReady(KNOWLEDGE, realData));
  starts.sort((a, b) => a.ms - b.ms);
  const ready = starts[Math.floor(starts.length / 2)] ?? { ms: 0, rssMb: 0 };
  const readyRange = `${(starts[0]?.ms ?? 0).toFixed(0)}–${(starts.at(-1)?.ms ?? 0).toFixed(0)} ms`;
  const first = firstContact();
  rows.push([
    `real (${built.stats.passages} passages, ${built.stats.faqEntries} FAQ)`,
    realBuild.toFixed(0),
    realLoad.toFixed(0),
    realKb.p50.toFixed(2),
    realKb.p99.toFixed(2),
    realKb.perSecond.toFixed(0),
    realFaq.p50.toFixed(2),
    realFaq.p99.toFixed(2),
  ]);
  rows.push([
    `real, the ${freshQuestions.length} fresh questions (long, slang, Chinese)`,
    "",
    "",
    freshKb.p50.toFixed(2),
    freshKb.p99.toFixed(2),
    freshKb.perSecond.toFixed(0),
    freshFaq.p50.toFixed(2),
    freshFaq.p99.toFixed(2),
  ]);

  const bigDir = generateKnowledge(10_000);
  const bigData = tempData();
  t = performance.now();
  const bigBuilt = await openKnowledge({ knowledgeDir: bigDir, dataDir: bigData, logger: quiet });
  const bigBuild = performance.now() - t;
  t = performance.now();
  const big = await openKnowledge({ knowledgeDir: bigDir, dataDir: bigData, logger: quiet });
  const bigLoad = performance.now() - t;
  const bigKb = await latency(questions, 5, (q) => big.knowledge.answer(q, detectLang(q)));
  const bigFallback = faq(services(big.knowledge, big.embedder), { runCommand: async () => [] }).fallback;
  const bigFaq = await latency(questions, 5, (q) => bigFallback(ctxFor(q), q));
  rows.push([
    `generated (${bigBuilt.stats.passages} passages)`,
    bigBuild.toFixed(0),
    bigLoad.toFixed(0),
    bigKb.p50.toFixed(2),
    bigKb.p99.toFixed(2),
    bigKb.perSecond.toFixed(0),
    bigFaq.p50.toFixed(2),
    bigFaq.p99.toFixed(2),
  ]);

  const ours = await passRates(real.knowledge, sets);
  const oursBig = await passRates(big.knowledge, sets);
  const baseline = bm25Baseline(sets);
  const peak = process.resourceUsage().maxRSS / 1024;
  for (const d of [realData, bigData, bigDir]) rmSync(d, { recursive: true, force: true });

  lines.push("## Answers (knowledge base)", "");
  lines.push(
    `Embedder: ${real.stats.embedder}. ${questions.length} questions of the shared and the project's older set per round (50 rounds on the real knowledge, 5 on the generated one, after 3 warm-up rounds), and the fresh sets in a row of their own (20 rounds); times in ms.`,
    "",
  );
  lines.push(
    "| knowledge | index build | index load | KB p50 | KB p99 | KB answers/s | faq fallback p50 | faq fallback p99 |",
  );
  lines.push("|---|---|---|---|---|---|---|---|");
  for (const r of rows) lines.push(`| ${r.join(" | ")} |`);
  lines.push("");
  lines.push(
    `- Start to ready (a fresh process as \`npm start\` runs it, \`node\` with its V8 flags and \`scripts/run.mjs\` over an up-to-date bundle: the whole bot over a data directory that holds its index, store and records, until its first answer and exit): ${ready.ms.toFixed(0)} ms, the median of ${READY_RUNS} starts (${readyRange}); that process's peak RSS ${ready.rssMb.toFixed(0)} MB.`,
  );
  lines.push(
    `- First contact (\`npm start\` on a fresh checkout: no data directory and no bundle, both built, one question piped, process exits): ${first.seconds.toFixed(2)} s; peak RSS ${first.rssMb.toFixed(0)} MB.`,
  );
  lines.push(`- Peak RSS of this benchmark process (both knowledge bases loaded): ${peak.toFixed(0)} MB.`);
  lines.push(
    '- "faq fallback" is the whole reading of a free-text message: markup, Simplified → Traditional, padding, intent classification, the answer and its checks.',
  );
  lines.push("");
  lines.push(
    "| pass rate | hybrid (this bot) | hybrid on the 10k knowledge | BM25 only (minisearch, threshold calibrated on own set) |",
  );
  lines.push("|---|---|---|---|");
  sets.forEach(([name], i) =>
    lines.push(
      `| ${name} | ${ours[i]?.split(" [")[0]} | ${oursBig[i]?.split(" [")[0]} | ${baseline[i]?.split(" [")[0]} |`,
    ),
  );
  return lines.join("\n");
}

/** `npm start` from a fresh data directory with one question piped in: wall time to exit and peak RSS (GNU time). */
function firstContact(): { seconds: number; rssMb: number } {
  const dataDir = mkdtempSync(join(tmpdir(), "bahk-first-"));
  const freshBuild = join(".build", `first-contact-${process.pid}`);
  try {
    const run = spawnSync("/usr/bin/time", ["-f", "TIME %e %M", process.execPath, ...startArgs(ROOT)], {
      cwd: ROOT,
      input: "What is QMAS?\n",
      encoding: "utf8",
      env: {
        ...process.env,
        // A fresh checkout has no bundle either: it is built on the way (inside the project, where
        // the bundle finds its packages).
        BAHK_BUILD_DIR: freshBuild,
        DATA_DIR: dataDir,
        TELEGRAM_BOT_TOKEN: "",
        DISCORD_TOKEN: "",
        LOG_LEVEL: "error",
      },
    });
    const m = /TIME ([\d.]+) (\d+)/.exec(run.stderr ?? "");
    if (!m || !/1,000/.test(run.stdout ?? "")) throw new Error(`first contact failed: ${run.stderr?.slice(-500)}`);
    return { seconds: Number(m[1]), rssMb: Number(m[2]) / 1024 };
  } finally {
    rmSync(join(ROOT, freshBuild), { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  benchAnswers()
    .then((md) => {
      process.stdout.write(`${md}\n`);
    })
    .catch((e: unknown) => {
      process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    });
}
