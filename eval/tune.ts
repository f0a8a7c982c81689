/**
 * Calibrates when an intent acts instead of an answer (src/core/faq INTENT_TUNING): a grid
 * over the thresholds, scored on the TUNING half of the fresh sets only (never the held-out
 * half), through the whole bot.
 *
 *   npx tsx eval/tune.ts
 */
import { type EvalQuestion, halves, passes, readSet } from "./set.ts";
import { openAsker } from "../src/cli/asker.ts";
import { loadConfig } from "../src/config/index.ts";
import { createLogger } from "../src/logging.ts";

const all: EvalQuestion[] = [...readSet("eval/fresh-en.jsonl"), ...readSet("eval/fresh-zh.jsonl")];
const half = halves(all);
const tune = all.filter((q) => half.get(q.id) === "tune");
const results: { score: number; t: string }[] = [];
for (const min of [0.3, 0.35, 0.4, 0.45, 0.5, 0.55]) {
  for (const margin of [0, 0.1, 0.2, 0.3]) {
    for (const social of [0.5, 0.6, 0.7]) {
      for (const none of [0.6, 0.8, 0.95]) {
        const asker = await openAsker(loadConfig(), createLogger("silent"), {
          intentTuning: { min, margin, social, none, factual: 0.8 },
        });
        let pass = 0;
        let n = 0;
        for (const q of tune) if (passes(q, await asker.ask(q.question, `t${++n}`))) pass++;
        await asker.close();
        results.push({ score: pass / tune.length, t: JSON.stringify({ min, margin, social, none, factual: 0.8 }) });
      }
    }
  }
}
results.sort((a, b) => b.score - a.score);
for (const r of results.slice(0, 10)) console.log(`${(r.score * 100).toFixed(1)}% ${r.t}`);
