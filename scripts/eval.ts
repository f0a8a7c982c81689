/**
 * `npm run eval`: the project's own answer-quality set (eval/questions.jsonl),
 * and the shared development set when it is beside the project, scored like
 * ../shared/eval/score.mjs, by kind and language.
 *
 *   npm run eval [-- --verbose] [-- --min 0.9]
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { type EvalQuestion, passes, readSet } from "../eval/set.ts";
import { loadConfig } from "../src/config/index.ts";
import { detectLang } from "../src/core/i18n.ts";
import { openKnowledge } from "../src/knowledge/index.ts";
import { knowledgeSettings } from "../src/knowledge/settings.ts";
import { createLogger } from "../src/logging.ts";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const verbose = args.includes("--verbose");
  const minAt = args.indexOf("--min");
  const min = minAt >= 0 ? Number(args[minAt + 1]) : 0;
  const config = loadConfig();
  const { knowledge } = await openKnowledge({
    ...knowledgeSettings(config),
    logger: createLogger("error"),
  });
  const sets = ["eval/questions.jsonl", "../shared/eval/dev.jsonl"].filter((p) => existsSync(p));
  let worst = 1;
  for (const path of sets) {
    const questions: EvalQuestion[] = readSet(resolve(path));
    const groups = new Map<string, { pass: number; total: number }>();
    let pass = 0;
    for (const q of questions) {
      const a = await knowledge.answer(q.question, detectLang(q.question));
      const ok = passes(q, a.answered, a.text);
      if (ok) pass++;
      else if (verbose)
        console.log(`FAIL ${q.id} ${q.question}\n     ${a.answered ? a.text.slice(0, 160) : "(declined)"}`);
      for (const key of [`kind=${q.kind ?? "?"}`, `lang=${q.lang ?? "?"}`]) {
        const g = groups.get(key) ?? { pass: 0, total: 0 };
        g.total++;
        if (ok) g.pass++;
        groups.set(key, g);
      }
    }
    const rate = pass / questions.length;
    worst = Math.min(worst, rate);
    const detail = [...groups].sort().map(([k, g]) => `${k} ${g.pass}/${g.total}`);
    console.log(`${path}: ${(rate * 100).toFixed(1)}% (${pass}/${questions.length}); ${detail.join(", ")}`);
  }
  if (worst < min) process.exit(1);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
