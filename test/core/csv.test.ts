/** The exports' CSV: quoted only where it must be, formulas defused, numbers as they are. */
import { describe, expect, it } from "vitest";
import { csvCell, csvLines, csvRow } from "../../src/core/csv.ts";

describe("CSV cells", () => {
  it("leave plain text and numbers as they are, negative numbers included", () => {
    expect(csvRow(["D0001", "Wan Chai", "陳大文", 200, -3, undefined])).toBe("D0001,Wan Chai,陳大文,200,-3,");
  });

  it("quote a cell with a comma, a quote or a line break, doubling its quotes", () => {
    expect(csvCell("pens, pencils")).toBe('"pens, pencils"');
    expect(csvCell('the "logo" tee')).toBe('"the ""logo"" tee"');
    expect(csvCell("line one\nline two")).toBe('"line one\nline two"');
    expect(csvCell("a\r\nb")).toBe('"a\r\nb"');
  });

  it("defuse what a spreadsheet would run, typed in ASCII or full-width", () => {
    for (const s of ["=HYPERLINK(1)", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "＝HYPERLINK()", "＋1", "－1", "＠A1"]) {
      expect(csvCell(s)).toMatch(/^"?'/);
    }
    expect(csvCell("=1,2")).toBe(`"'=1,2"`);
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("end every row with CRLF, and an empty list with nothing", () => {
    expect(csvLines(["a,b", "c,d"])).toBe("a,b\r\nc,d\r\n");
    expect(csvLines([])).toBe("");
  });
});
