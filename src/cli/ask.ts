/**
 * Asks the knowledge base from the command line.
 *   npm run ask -- "What is QMAS?"      a readable answer with its sources
 *   npm run ask -- --jsonl < set.jsonl  one {"id","question"} per line in, one answer per line out
 * Only answers go to stdout; logs go to stderr.
 */
import { createInterface } from "node:readline";
import { loadConfig } from "../config/index.ts";
import { detectLang } from "../core/i18n.ts";
import type { Logger } from "../core/ports.ts";
import { cleanText } from "../core/text.ts";
import { openKnowledge } from "../knowledge/index.ts";
import { knowledgeSettings } from "../knowledge/settings.ts";

function stderrLogger(verbose: boolean): Logger {
  const line = (level: string) => (msg: string, data?: Record<string, unknown>) => {
    if (verbose || level === "warn" || level === "error") {
      process.stderr.write(`${level} ${msg}${data ? ` ${JSON.stringify(data)}` : ""}\n`);
    }
  };
  return { debug: line("debug"), info: line("info"), warn: line("warn"), error: line("error") };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const jsonl = args.includes("--jsonl");
  const verbose = args.includes("--verbose");
  const config = loadConfig();
  const { knowledge } = await openKnowledge({
    ...knowledgeSettings(config),
    logger: stderrLogger(verbose),
  });
  if (!jsonl) {
    const question = cleanText(args.filter((a) => !a.startsWith("--")).join(" "));
    if (!question) {
      process.stderr.write('usage: npm run ask -- "your question"   or   npm run ask -- --jsonl < questions.jsonl\n');
      process.exitCode = 2;
      return;
    }
    const a = await knowledge.answer(question, detectLang(question));
    const lines = [a.text, ""];
    for (const s of a.sources) lines.push(`Source: ${s.title}${s.section ? ` — ${s.section}` : ""} (${s.path})`);
    lines.push(`${a.answered ? "answered" : "declined"}, confidence ${a.confidence.toFixed(3)}`);
    process.stdout.write(`${lines.join("\n")}\n`);
    return;
  }
  const rl = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const raw of rl) {
    if (!raw.trim()) continue;
    let id: unknown;
    let question = "";
    try {
      const parsed = JSON.parse(raw) as { id?: unknown; question?: unknown };
      id = parsed.id;
      question = typeof parsed.question === "string" ? parsed.question : "";
    } catch {
      process.stderr.write(`skipping a line that is not JSON: ${raw.slice(0, 80)}\n`);
      continue;
    }
    const clean = cleanText(question);
    const a = await knowledge.answer(clean, detectLang(clean));
    const out = {
      id,
      answered: a.answered,
      text: a.text,
      sources: a.sources.map((s) => ({ title: s.title, path: s.path, ...(s.section ? { section: s.section } : {}) })),
      confidence: Number(a.confidence.toFixed(4)),
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`ask failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
