/** Reading and checking eval sets (the JSONL format of shared/eval/dev.jsonl, scored like score.mjs). */
import { readFileSync } from "node:fs";

/** One question of an eval set. */
export interface EvalQuestion {
  id: string;
  lang?: string;
  kind?: string;
  question: string;
  answerable: boolean;
  expect_all?: string[][];
}

/** Reads a JSONL eval set. */
export function readSet(path: string): EvalQuestion[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalQuestion);
}

/** Whether a text satisfies every expectation group (case-insensitive regular expressions). */
export function matches(q: EvalQuestion, text: string): boolean {
  return (q.expect_all ?? []).every((alts) => alts.some((re) => new RegExp(re, "i").test(text)));
}

/** Whether an answer passes, exactly as score.mjs decides. */
export function passes(q: EvalQuestion, answered: boolean, text: string): boolean {
  return q.answerable ? answered && matches(q, text) : !answered;
}
