import { describe, expect, it } from "vitest";
import { expectation, satisfies } from "../../src/knowledge/answer-checks.ts";

const PLATFORM =
  "The Hong Kong Monetary Authority (HKMA), the city's de facto central bank, together with seven banks including HSBC and Standard Chartered, set out to jointly launch a trade finance platform using blockchain technology in September.";

describe("questions for particular named things", () => {
  it("are recognised in English and Chinese", () => {
    expect(expectation("which charities receive the clothing?")).toBe("names");
    expect(expectation("What specific tax breaks does Singapore offer?")).toBe("names");
    expect(expectation("捐贈的衣物具體會送到哪些慈善機構？")).toBe("names");
    expect(expectation("協會的第三個目標具體是什麼？")).not.toBe("names");
  });

  it("are answered by names the question did not already give", () => {
    expect(satisfies("names", PLATFORM, "which banks joined the hkma platform?")).toBe(true);
    expect(
      satisfies("names", PLATFORM, "besides hsbc and standard chartered, which other banks joined the hkma platform?"),
    ).toBe(false);
    expect(
      satisfies("names", "The clothing collected is donated to those in need in Hong Kong.", "which charities get it?"),
    ).toBe(false);
  });
});
