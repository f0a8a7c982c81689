import { describe, expect, it } from "vitest";
import { withoutContacts } from "../../src/core/text.ts";

describe("a member's text without contact details", () => {
  it("drops e-mail addresses, phone numbers and mentions, and keeps years and quantities", () => {
    expect(withoutContacts("I'm at amy@example.com or 9123 4567, ask @amy_w")).toBe("I'm at … or …, ask …");
    expect(withoutContacts("Call +852 2345 6789 please")).toBe("Call … please");
    expect(withoutContacts("Was QMAS launched in 2006 for 1,000 people?")).toBe(
      "Was QMAS launched in 2006 for 1,000 people?",
    );
  });
});
