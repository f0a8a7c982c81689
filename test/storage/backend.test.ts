import { describe, expect, it } from "vitest";
import { checkIdentifier, isNetworkError, prefixUpperBound } from "../../src/storage/backend.ts";

describe("prefix range bounds", () => {
  it("is the smallest string above every extension of the prefix", () => {
    expect(prefixUpperBound("vote:")).toBe("vote;");
    expect(prefixUpperBound("a\u{D7FF}")).toBe("a\u{E000}");
    expect(prefixUpperBound("ab\u{10FFFF}")).toBe("ac");
    expect(prefixUpperBound("\u{10FFFF}")).toBeUndefined();
    const p = "T1:é";
    const hi = prefixUpperBound(p) ?? "";
    for (const k of [p, `${p}\u{10FFFE}`, `${p}zzz`]) expect(k < hi).toBe(true);
    expect("T1:ê" >= hi).toBe(true);
  });
});

describe("error classification", () => {
  it("recognises refused, reset and unreachable connections, also wrapped", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    expect(isNetworkError(refused)).toBe(true);
    expect(isNetworkError(new AggregateError([refused], ""))).toBe(true);
    expect(isNetworkError(new Error("wrapped", { cause: refused }))).toBe(true);
    expect(isNetworkError(Object.assign(new Error("syntax"), { code: "42601" }))).toBe(false);
    expect(isNetworkError("ECONNREFUSED")).toBe(false);
  });

  it("accepts only plain lower-case SQL identifiers", () => {
    expect(checkIdentifier("t_run_1")).toBe("t_run_1");
    for (const bad of ["", "Keyv", "a;drop", 'x"y', "1abc"]) expect(() => checkIdentifier(bad)).toThrow();
  });
});
