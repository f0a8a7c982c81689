/**
 * The arguments `npm start` gives Node (package.json's start script after `node`: V8's flags, the
 * runner, the entry point), so that the benchmarks run the bot as members' bot runs.
 */
import { readFileSync } from "node:fs";

export function startArgs(root = "."): string[] {
  const pkg = JSON.parse(readFileSync(`${root}/package.json`, "utf8")) as { scripts: { start: string } };
  const [node, ...args] = pkg.scripts.start.trim().split(/\s+/);
  if (node !== "node") throw new Error(`npm start does not run node: ${pkg.scripts.start}`);
  return args;
}
