import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { startArgs, startFlags } from "../scripts/bench/start.ts";
import { GC_FLAGS, TIERING_FLAGS } from "../src/tiering.ts";

// On the command line, an unknown V8 flag is an error ("bad option"); setFlagsFromString ignores it silently.
it.each([
  ["tiering", TIERING_FLAGS],
  ["garbage collection", GC_FLAGS],
])("the running bot's V8 %s flags are flags this Node's V8 knows", (_kind, flags) => {
  const run = spawnSync(process.execPath, [...flags, "-e", "0"], { encoding: "utf8" });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
});

describe("V8 tiering flags of the running bot", () => {
  it("are set before any other module of the bot runs: the entry point imports them first", () => {
    const imports = [
      ...readFileSync("src/main.ts", "utf8").matchAll(/^import\s+(?:[^"']*\s+from\s+)?["']([^"']+)["']/gm),
    ];
    expect(imports[0]?.[1]).toBe("./tiering.ts");
  });
});

describe("V8 garbage collection flags of the running bot", () => {
  it("are given on the command line by npm start, which the benchmarks run too", () => {
    const args = startArgs();
    expect(args.slice(0, GC_FLAGS.length)).toEqual([...GC_FLAGS]);
    expect(args.slice(GC_FLAGS.length)).toEqual(["scripts/run.mjs", "src/main.ts"]);
    // A benchmark that runs another entry point (the start-to-ready probe) gives Node the same flags.
    expect(startFlags()).toEqual([...GC_FLAGS]);
  });
});
