/**
 * Calibrates the decision thresholds (answer thresholds for English and Chinese questions, and
 * when an intent acts instead of an answer) by a grid search through the whole bot, on tuning
 * data only: the tuning halves of the fresh sets, eval/extra-tune*.jsonl and eval/questions.jsonl.
 * The held-out half is never read here.
 *
 *   npx tsx eval/tune.ts
 */
import { existsSync } from "node:fs";
import { openAsker } from "../src/cli/asker.ts";
import { loadConfig } from "../src/config/index.ts";
import { INTENT_TUNING } from "../src/core/faq/index.ts";
import { createLogger } from "../src/logging.ts";
import { type EvalQuestion, halves, passes, readSet } from "./set.ts";

const fresh: EvalQuestion[] = [...readSet("eval/fresh-en.jsonl"), ...readSet("eval/fresh-zh.jsonl")];
const half = halves(fresh);
// Each fresh set has halves of its own (eval/set.ts): only the tuning halves are read.
const fresh4: EvalQuestion[] = existsSync("eval/fresh-4.jsonl") ? readSet("eval/fresh-4.jsonl") : [];
const half4 = halves(fresh4);
const fresh6: EvalQuestion[] = existsSync("eval/fresh-6.jsonl") ? readSet("eval/fresh-6.jsonl") : [];
const half6 = halves(fresh6);
const pool = [
  ...fresh.filter((q) => half.get(q.id) === "tune"),
  ...fresh4.filter((q) => half4.get(q.id) === "tune"),
  ...fresh6.filter((q) => half6.get(q.id) === "tune"),
  ...["eval/extra-tune.jsonl", "eval/extra-tune-2.jsonl", "eval/extra-tune-3.jsonl", "eval/extra-tune-4.jsonl", "eval/questions.jsonl"].filter((p) => existsSync(p)).flatMap((p) => readSet(p)),
];
const results: { score: number; t: string }[] = [];
const grid = process.argv.includes("--intents")
  ? [0.35, 0.45, 0.55].flatMap((min) =>
      [0, 0.1].flatMap((margin) =>
        [0.4, 0.5, 0.6, 1].map((noneLike) => ({ answer: {}, intent: { min, margin, noneLike } })),
      ),
    )
  : [0.5, 0.6].flatMap((softFloor) =>
      [0, 0.3, 0.5].flatMap((keyPenalty) =>
        [0.38, 0.41, 0.44, 0.47].flatMap((threshold) =>
          [0.28, 0.31, 0.34, 0.37].map((thresholdZh) => ({
            answer: { softFloor, keyPenalty, threshold, thresholdZh },
            intent: {},
          })),
        ),
      ),
    );
for (const g of grid) {
  const asker = await openAsker(loadConfig(), createLogger("silent"), {
    answerTuning: g.answer,
    intentTuning: { ...INTENT_TUNING, ...g.intent },
  });
  let pass = 0;
  let n = 0;
  for (const q of pool) if (passes(q, await asker.ask(q.question, `t${++n}`))) pass++;
  await asker.close();
  results.push({ score: pass / pool.length, t: JSON.stringify(g) });
}
results.sort((a, b) => b.score - a.score);
console.log(`tuning pool: ${pool.length} questions`);
for (const r of results.slice(0, 10)) console.log(`${(r.score * 100).toFixed(1)}% ${r.t}`);
