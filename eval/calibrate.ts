/**
 * Calibrates the answer/decline threshold (and the scoring weights) on the
 * project's eval set, then reports the pass rate on both sets.
 *
 *   npx tsx eval/calibrate.ts [--set eval/questions.jsonl] [--check /work/shared/eval/dev.jsonl] [--grid] [--verbose]
 *
 * For each question it records the best retrieval score and whether the answer
 * that would be given matches the expected content; a threshold then passes an
 * answerable question when score >= threshold and the content matches, and an
 * unanswerable one when score < threshold. The threshold maximising the pass
 * rate (ties: the midpoint of the best interval) is printed; with --grid the
 * scoring weights are swept too. Copy the result into DEFAULT_TUNING (src/knowledge/kb.ts).
 */
import { resolve } from "node:path";
import { detectLang } from "../src/core/i18n.ts";
import { openKnowledge } from "../src/knowledge/index.ts";
import { DEFAULT_TUNING, type LocalKnowledgeBase, type Tuning } from "../src/knowledge/kb.ts";
import { type EvalQuestion, matches, readSet } from "./set.ts";

interface Observation {
  q: EvalQuestion;
  score: number;
  contentOk: boolean;
}

async function observe(kb: LocalKnowledgeBase, set: EvalQuestion[], tuning: Tuning): Promise<Observation[]> {
  const out: Observation[] = [];
  for (const q of set) {
    kb.tuning = { ...tuning, threshold: -1 };
    const a = await kb.answer(q.question, detectLang(q.question) as "en" | "zh-HK");
    out.push({ q, score: a.confidence, contentOk: a.answered && matches(q, a.text) });
  }
  return out;
}

function passes(obs: Observation[], threshold: number): number {
  return obs.filter((o) => (o.q.answerable ? o.score >= threshold && o.contentOk : o.score < threshold)).length;
}

/** The threshold with the most passes (midpoint of the best plateau). */
function bestThreshold(obs: Observation[]): { threshold: number; pass: number } {
  const cuts = [...new Set(obs.map((o) => o.score))].sort((a, b) => a - b);
  let best = { threshold: 0.5, pass: -1 };
  let plateauStart = 0;
  for (let i = 0; i < cuts.length; i++) {
    const lo = cuts[i - 1] ?? 0;
    const t = ((cuts[i] ?? 0) + lo) / 2;
    const p = passes(obs, t + 1e-9);
    if (p > best.pass) {
      best = { threshold: t, pass: p };
      plateauStart = i;
    } else if (p === best.pass && i === plateauStart + 1) {
      plateauStart = i;
    }
  }
  return best;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (name: string, dflt: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? (args[i + 1] ?? dflt) : dflt;
  };
  const setPath = resolve(arg("--set", "eval/questions.jsonl"));
  const checkPath = resolve(arg("--check", "/work/shared/eval/dev.jsonl"));
  const silent = { debug() {}, info() {}, warn() {}, error() {} };
  const { knowledge } = await openKnowledge({ knowledgeDir: resolve("knowledge"), dataDir: resolve("data"), logger: silent });
  const set = readSet(setPath);
  const check = readSet(checkPath);
  let tuning: Tuning = DEFAULT_TUNING;
  if (args.includes("--grid")) {
    let best = { tuning, pass: -1 };
    for (const coverage of [0.5, 0.6])
      for (const reverse of [0.1, 0.2])
        for (const dense of [0.1, 0.2, 0.35])
          for (const passage of [0.9, 1])
            for (const softFloor of [0.5, 0.55, 0.6])
              for (const idfPower of [1, 1.5, 2])
                for (const keyPenalty of [0, 0.2, 0.4]) {
                  const t: Tuning = {
                    coverage,
                    reverse,
                    dense,
                    passage,
                    softFloor,
                    idfPower,
                    keyPenalty,
                    threshold: 0,
                    thresholdZh: 0,
                  };
                  const obs = await observe(knowledge, set, t);
                  const b = bestThreshold(obs);
                  if (b.pass > best.pass) best = { tuning: { ...t, threshold: b.threshold }, pass: b.pass };
                }
    tuning = best.tuning;
  }
  const obs = await observe(knowledge, set, tuning);
  const b = bestThreshold(obs);
  tuning = { ...tuning, threshold: Number(b.threshold.toFixed(3)) };
  console.log(`calibrated on ${setPath}: ${JSON.stringify(tuning)}`);
  for (const t of [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, tuning.threshold]) {
    console.log(`  threshold ${t.toFixed(3)}: own ${passes(obs, t)}/${obs.length}`);
  }
  const checkObs = await observe(knowledge, check, tuning);
  console.log(`own set:   ${passes(obs, tuning.threshold)}/${obs.length}`);
  console.log(`check set: ${passes(checkObs, tuning.threshold)}/${checkObs.length} (${checkPath})`);
  if (args.includes("--verbose")) {
    for (const o of [...obs, ...checkObs].sort((x, y) => x.score - y.score)) {
      const ok = o.q.answerable ? o.score >= tuning.threshold && o.contentOk : o.score < tuning.threshold;
      console.log(`${ok ? "  " : "XX"} ${o.score.toFixed(3)} ${o.q.answerable ? (o.contentOk ? "A+" : "A-") : "N "} ${o.q.id} ${o.q.question}`);
    }
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
