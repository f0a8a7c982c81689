/**
 * The answer-quality gate: the project's own eval set (paraphrases, typos,
 * Traditional Chinese, off-topic, prompt injection) must stay at the level it
 * reached, with every live-price and investment-advice question declined.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EvalQuestion, passes, readSet } from "../../eval/set.ts";
import { detectLang } from "../../src/core/i18n.ts";
import type { KnowledgeBase } from "../../src/core/ports.ts";
import { expectation, satisfies } from "../../src/knowledge/answer-checks.ts";
import { openKnowledge } from "../../src/knowledge/index.ts";
import { KNOWLEDGE_DIR, quietLogger, tempDataDir } from "./helpers.ts";

describe("answer quality", () => {
  let kb: KnowledgeBase;
  const data = tempDataDir();
  beforeAll(async () => {
    kb = (await openKnowledge({ knowledgeDir: KNOWLEDGE_DIR, dataDir: data.dir, logger: quietLogger })).knowledge;
  });
  afterAll(() => data.cleanup());

  it("passes at least 94% of eval/questions.jsonl and declines at least 90% of its unanswerable questions", async () => {
    const set: EvalQuestion[] = readSet("eval/questions.jsonl");
    let pass = 0;
    let oos = 0;
    let oosDeclined = 0;
    for (const q of set) {
      const a = await kb.answer(q.question, detectLang(q.question));
      if (passes(q, a)) pass++;
      if (!q.answerable) {
        oos++;
        if (!a.answered) oosDeclined++;
      }
    }
    expect(pass / set.length).toBeGreaterThanOrEqual(0.94);
    expect(oosDeclined / oos).toBeGreaterThanOrEqual(0.9);
  });

  it("asks for the kind of answer a question wants", () => {
    expect(expectation("When was the association founded?")).toBe("date");
    expect(expectation("When are the townhall meetings?")).toBe("time");
    expect(expectation("How many members does it have?")).toBe("quantity");
    expect(expectation("What is the address of the association?")).toBe("place");
    expect(expectation("Who is the chairman?")).toBe("role");
    expect(expectation("Who receives the donated goods?")).toBe("none");
    expect(expectation("What is the price of Bitcoin right now?")).toBe("advice");
    expect(expectation("Should I buy ETH?")).toBe("advice");
    expect(expectation("Where can I donate clothing?")).toBe("none");
    expect(satisfies("date", "first launched in 2006")).toBe(true);
    expect(satisfies("date", "quarterly townhall meetings")).toBe(false);
    expect(satisfies("time", "quarterly townhall meetings")).toBe(true);
    expect(satisfies("quantity", "an annual quota of 1,000 people")).toBe(true);
    expect(satisfies("quantity", "它每年名額為一千人")).toBe(true);
    expect(satisfies("quantity", "goods from industry members")).toBe(false);
  });

  it.each([
    "When was the association founded?",
    "What is the address of the association?",
    "How many members does the association have?",
    "Should I buy bitcoin now?",
    "What's the best crypto exchange in Hong Kong?",
  ])("declines %s", async (q) => {
    expect((await kb.answer(q, "en")).answered).toBe(false);
  });
});
