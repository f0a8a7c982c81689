/**
 * Asks the bot from the command line, as a member in a private chat would.
 *   npm run ask -- "What is QMAS?"      a readable answer with its sources
 *   npm run ask -- --jsonl < set.jsonl  one {"id","question"} per line in, one answer per line out:
 *                                       {"id","answered","text","sources","confidence","intent","handoff"}
 * Each JSONL question is asked by a member of its own (no conversation carries over);
 * a line may name a `conversation` to continue one.
 * Only answers go to stdout; logs go to stderr.
 */
import { createInterface } from "node:readline";
import { loadConfig } from "../config/index.ts";
import type { Logger } from "../core/ports.ts";
import { cleanText } from "../core/text.ts";
import { openAsker } from "./asker.ts";

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
  const asker = await openAsker(loadConfig(), stderrLogger(verbose));
  try {
    if (!jsonl) {
      const question = cleanText(args.filter((a) => !a.startsWith("--")).join(" "));
      if (!question) {
        process.stderr.write('usage: npm run ask -- "your question"   or   npm run ask -- --jsonl < questions.jsonl\n');
        process.exitCode = 2;
        return;
      }
      const a = await asker.ask(question, "cli");
      const lines = [a.text, ""];
      for (const s of a.sources) lines.push(`Source: ${s.title}${s.section ? ` — ${s.section}` : ""} (${s.path})`);
      const what = a.intent ? `intent ${a.intent}` : a.answered ? "answered" : "declined";
      lines.push(`${what}, confidence ${a.confidence.toFixed(3)}${a.handoff ? ", hand-off offered" : ""}`);
      process.stdout.write(`${lines.join("\n")}\n`);
      return;
    }
    const rl = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
    let n = 0;
    for await (const raw of rl) {
      if (!raw.trim()) continue;
      let id: unknown;
      let question = "";
      let conversation = "";
      try {
        const parsed = JSON.parse(raw) as { id?: unknown; question?: unknown; conversation?: unknown };
        id = parsed.id;
        question = typeof parsed.question === "string" ? parsed.question : "";
        conversation = typeof parsed.conversation === "string" ? parsed.conversation : "";
      } catch {
        process.stderr.write(`skipping a line that is not JSON: ${raw.slice(0, 80)}\n`);
        continue;
      }
      const a = await asker.ask(question, conversation ? `c-${conversation}` : `q-${++n}`);
      const out = {
        id,
        answered: a.answered,
        text: a.text,
        sources: a.sources.map((s) => ({ title: s.title, path: s.path, ...(s.section ? { section: s.section } : {}) })),
        confidence: Number(a.confidence.toFixed(4)),
        ...(a.intent ? { intent: a.intent } : {}),
        handoff: a.handoff,
      };
      process.stdout.write(`${JSON.stringify(out)}\n`);
    }
  } finally {
    await asker.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`ask failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
