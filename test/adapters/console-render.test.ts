import { describe, expect, it } from "vitest";
import { renderReplies } from "../../src/adapters/console/render.ts";
import { button, text, update } from "../../src/core/replies.ts";

describe("console rendering", () => {
  it("numbers buttons and poll options, lists sources, strips terminal escapes", () => {
    const r = renderReplies([
      {
        type: "card",
        title: "QMAS\u001b[31m",
        body: "A quota-based scheme\u001b]0;pwned\u0007",
        sources: [{ title: "Talent", path: "knowledge/talent.md", section: "Quota" }],
        buttons: [{ id: "faq:fb:1:y", label: "Helpful" }],
      },
      {
        type: "poll",
        pollId: "ag:P1",
        question: "Agenda?",
        options: ["A", "B"],
        allowMultiple: true,
        durationHours: 24,
        fallbackText: "Vote by number",
      },
    ]);
    expect(r.text).toContain("== QMAS ==");
    expect(r.text).not.toContain("\u001b");
    expect(r.text).toContain("Sources: Talent › Quota");
    expect(r.text).toContain("#1 Helpful");
    expect(r.text).toContain("#3 B");
    expect(r.pressables).toEqual([
      { kind: "action", data: "faq:fb:1:y" },
      { kind: "poll", pollId: "ag:P1", option: 0 },
      { kind: "poll", pollId: "ag:P1", option: 1 },
    ]);
  });

  it("prints a redrawn message anew, its buttons pressable (a terminal cannot edit what it printed)", () => {
    const r = renderReplies([
      text("You support T1.", { private: true }),
      update(text("1. T1 Stablecoins (1 vote)", { buttons: [button("ag:up:T1:0", "▲ T1")] })),
    ]);
    expect(r.text).toBe("You support T1.\n\n1. T1 Stablecoins (1 vote)\n  #1 ▲ T1");
    expect(r.pressables).toEqual([{ kind: "action", data: "ag:up:T1:0" }]);
  });
});
