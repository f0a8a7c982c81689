/**
 * `npm run eval`: answer quality through the whole bot (understanding, intents, answers).
 * - eval/fresh-*.jsonl: questions written fresh from the documents by people who had not
 *   read the FAQ, by category, split into a tuning half and a held-out half (eval/set.ts);
 * - eval/questions.jsonl (the project's older set) and ../shared/eval/dev.jsonl;
 * - eval/conversations.jsonl: scripted conversations, scored on their follow-ups.
 *
 *   npm run eval [-- --verbose] [-- --half tune|heldout] [-- --min 0.85]
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { type EvalQuestion, halves, matches, passes, passesPlain, readSet } from "../eval/set.ts";
import { openAsker } from "../src/cli/asker.ts";
import { loadConfig } from "../src/config/index.ts";
import { createLogger } from "../src/logging.ts";

interface Tally {
  pass: number;
  total: number;
}

const pct = (t: Tally) => (t.total === 0 ? "-" : `${((100 * t.pass) / t.total).toFixed(1)}% (${t.pass}/${t.total})`);

interface Turn {
  say: string;
  followup?: boolean;
  answerable: boolean;
  expect_all?: string[][];
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const verbose = args.includes("--verbose");
  const halfAt = args.indexOf("--half");
  const only = halfAt >= 0 ? args[halfAt + 1] : undefined;
  const minAt = args.indexOf("--min");
  const min = minAt >= 0 ? Number(args[minAt + 1]) : 0;
  const asker = await openAsker(loadConfig(), createLogger("error"));
  let n = 0;
  const tally = (m: Map<string, Tally>, key: string, ok: boolean) => {
    const t = m.get(key) ?? { pass: 0, total: 0 };
    t.total++;
    if (ok) t.pass++;
    m.set(key, t);
  };
  const fresh = ["eval/fresh-en.jsonl", "eval/fresh-zh.jsonl"].filter((p) => existsSync(p));
  const freshQs = fresh.flatMap((p) => readSet(resolve(p)));
  const half = halves(freshQs);
  const groups = new Map<string, Tally>();
  for (const q of freshQs) {
    const h = half.get(q.id) ?? "tune";
    if (only && h !== only) continue;
    const a = await asker.ask(q.question, `q${++n}`);
    const ok = passes(q, a);
    if (!ok && verbose) {
      const got = a.intent
        ? `intent ${a.intent}`
        : a.answered
          ? a.text.slice(0, 140).replace(/\n/g, " ")
          : "(declined)";
      console.log(`FAIL [${h}] ${q.id} ${q.category} ${q.question}\n     ${got}${a.handoff ? " +handoff" : ""}`);
    }
    tally(groups, `${h} all`, ok);
    tally(groups, `${h} plain`, passesPlain(q, a));
    tally(groups, `${h} ${q.category ?? "?"}`, ok);
  }
  const lines: string[] = [];
  for (const h of ["tune", "heldout"]) {
    const all = groups.get(`${h} all`);
    if (!all) continue;
    const cats = [...groups.entries()]
      .filter(([k]) => k.startsWith(`${h} `) && k !== `${h} all` && k !== `${h} plain`)
      .sort()
      .map(([k, t]) => `${k.slice(h.length + 1)} ${pct(t)}`);
    const plain = groups.get(`${h} plain`) ?? { pass: 0, total: 0 };
    lines.push(`fresh ${h}: ${pct(all)} (as score.mjs scores it: ${pct(plain)}); ${cats.join(", ")}`);
  }
  let worst = Math.min(
    ...["tune", "heldout"].map((h) => groups.get(`${h} all`)).flatMap((t) => (t ? [t.pass / t.total] : [])),
  );
  if (!only) {
    for (const path of ["eval/questions.jsonl", "../shared/eval/dev.jsonl"].filter((p) => existsSync(p))) {
      const qs: EvalQuestion[] = readSet(resolve(path));
      const t: Tally = { pass: 0, total: 0 };
      for (const q of qs) {
        const a = await asker.ask(q.question, `q${++n}`);
        const ok = passes(q, a);
        t.total++;
        if (ok) t.pass++;
        else if (verbose)
          console.log(`FAIL ${path} ${q.id} ${q.question}\n     ${a.answered ? a.text.slice(0, 140) : "(declined)"}`);
      }
      lines.push(`${path}: ${pct(t)}`);
      worst = Math.min(worst, t.pass / t.total);
    }
    if (existsSync("eval/conversations.jsonl")) {
      const convos = readFileSync("eval/conversations.jsonl", "utf8")
        .split("\n")
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as { id: string; turns: Turn[] });
      const follow: Tally = { pass: 0, total: 0 };
      const first: Tally = { pass: 0, total: 0 };
      for (const c of convos) {
        const who = `conv-${c.id}-${++n}`;
        for (const turn of c.turns) {
          const a = await asker.ask(turn.say, who);
          const ok = turn.answerable ? a.answered && matches(turn, a.text) : !a.answered;
          const t = turn.followup ? follow : first;
          t.total++;
          if (ok) t.pass++;
          else if (verbose)
            console.log(
              `FAIL conv ${c.id} ${turn.followup ? "follow-up" : "turn"}: ${turn.say}\n     ${a.answered ? a.text.slice(0, 140).replace(/\n/g, " ") : "(declined)"}`,
            );
        }
      }
      lines.push(`conversations (${convos.length}): follow-ups ${pct(follow)}, other turns ${pct(first)}`);
    }
  }
  await asker.close();
  for (const l of lines) console.log(l);
  if (worst < min) process.exit(1);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
