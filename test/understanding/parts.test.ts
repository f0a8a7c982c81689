import { describe, expect, it } from "vitest";
import {
  clauses,
  digitCounts,
  numbersIn,
  questionParts,
  questionSentences,
  statedCounts,
} from "../../src/knowledge/message-parts.ts";

describe("the parts of a message", () => {
  it("reads a formal request to be told, without a question mark, as the question", () => {
    // The story's own clause was taken for the question ("I said I would check the position first").
    const story =
      "My aunt wants to buy bitcoin because her friends do. I said I would check the position first. Kindly advise whether small investors may trade virtual assets in Hong Kong.";
    expect(questionSentences(story)).toEqual([
      "Kindly advise whether small investors may trade virtual assets in Hong Kong.",
    ]);
    expect(questionSentences("We met at the summit last week. May I know how often the townhalls are held.")).toEqual([
      "May I know how often the townhalls are held.",
    ]);
  });

  it("reads a question about what was just said with the sentence it points back to", () => {
    expect(
      questionSentences(
        "My aunt runs a small shop. She asked whether shops may accept stablecoins in Hong Kong. What does the article say about that?",
      ),
    ).toEqual(["She asked whether shops may accept stablecoins in Hong Kong. What does the article say about that?"]);
    expect(
      questionSentences("I read a long thread on this last night. They said the quota was doubled. Is that true?"),
    ).toEqual(["They said the quota was doubled. Is that true?"]);
    // "What's that principle called?" names the principle of the sentence before, not the story's cities.
    expect(
      questionSentences(
        "My team is choosing between Singapore, HK and Tokyo. A colleague mentioned HK regulators follow some slogan about risk. What's that principle called?",
      ),
    ).toEqual(["A colleague mentioned HK regulators follow some slogan about risk. What's that principle called?"]);
    // "How much extra is it?", "How often are they held?": a figure of what the sentence before named.
    expect(
      questionSentences(
        "We are thinking about moving. A friend said people in certain fields get extra points under QMAS. How much extra is it?",
      ),
    ).toEqual(["A friend said people in certain fields get extra points under QMAS. How much extra is it?"]);
    expect(
      questionSentences(
        "I just joined a startup. My boss says the association runs townhalls for the industry. How often are they held?",
      ),
    ).toEqual(["My boss says the association runs townhalls for the industry. How often are they held?"]);
    // A question of its own stays alone.
    expect(
      questionSentences("I read a long thread on this last night. How many people can QMAS admit each year?"),
    ).toEqual(["How many people can QMAS admit each year?"]);
  });

  it("reads a sentence that asks without a question mark as the question", () => {
    expect(
      questionSentences(
        "My family lives in Kowloon and we run a small trading firm. I'm not after a recommendation — I just want to know what the article says about retail investors.",
      ),
    ).toEqual(["I'm not after a recommendation — I just want to know what the article says about retail investors."]);
    expect(questionSentences("We moved here in 2019. Tell me when QMAS started.")).toEqual([
      "Tell me when QMAS started.",
    ]);
    expect(questionSentences("We moved here in 2019. We like it here.")).toEqual([]);
  });

  it("reads the question sentence of a short message with a comment", () => {
    expect(clauses("QMAS係幾時開始㗎？好似好耐之前已經有")).toEqual(["QMAS係幾時開始㗎？"]);
  });

  it("keeps a question with a one-word aside whole", () => {
    expect(clauses("wut does ur org mean by financial inclusion?? srsly")).toEqual([]);
  });

  it("finds each question of a message that asks several things", () => {
    expect(
      questionParts("How many people can QMAS admit each year? Also, is there extra score for blockchain people?"),
    ).toEqual(["How many people can QMAS admit each year?", "is there extra score for blockchain people?"]);
    expect(questionParts("申請優才可以加幾多分？另外係咪一定要有學位㗎？")).toEqual([
      "申請優才可以加幾多分？",
      "係咪一定要有學位㗎？",
    ]);
  });

  it("divides a sentence asking two things at the 'and' before the second's asking word", () => {
    expect(questionParts("Can you say when QMAS started and how many people it takes each year?")).toEqual([
      "Can you say when QMAS started",
      "how many people it takes each year?",
    ]);
    // ("when and where": one question, whose first asking word stands alone.)
    expect(questionParts("When and where is the townhall?")).toEqual([]);
  });

  it("reads a part from its question, without the story before it unless the question points back", () => {
    expect(
      questionParts("I run HR at a small bank. Could you say when QMAS started, and how many people it takes a year?"),
    ).toEqual(["Could you say when QMAS started", "how many people it takes a year?"]);
    expect(questionParts("Our firm has 200 spare shirts. Do you take them? Also, when is the next townhall?")).toEqual([
      "Our firm has 200 spare shirts. Do you take them?",
      "when is the next townhall?",
    ]);
  });

  it("reads a feature's name among Chinese words as a part, and drops the numbers of a numbered list", () => {
    expect(questionParts("QMAS係咩？另外townhall喺邊？")).toEqual(["QMAS係咩？", "townhall喺邊？"]);
    expect(questionParts("Two things: 1) is a job offer needed first? 2) how many people a year?")).toEqual([
      "Two things: 1) is a job offer needed first?",
      "how many people a year?",
    ]);
  });

  it("finds no parts in a message asking one thing", () => {
    expect(questionParts("What is QMAS?")).toEqual([]);
    expect(questionParts("I run a small firm. We have spare tees.")).toEqual([]);
  });

  it("reads numbers in figures alike with or without thousands' commas, and the counts a question states", () => {
    expect(numbersIn("an annual quota of 1,000 people, first launched in 2006, 30 points.")).toEqual([
      "1000",
      "2006",
      "30",
    ]);
    expect(digitCounts("first launched in 2006, an annual quota of 1,000 people")).toEqual(["1000"]);
    expect([...statedCounts("Of the 1000 QMAS places, how many go to blockchain people?")]).toEqual(["1000"]);
    expect([...statedCounts("Is the quota 1,000? How many places are there?")]).toEqual([]);
  });
});
