/**
 * The arguments `npm start` gives Node (package.json's start script after `node`: V8's flags, the
 * runner, the entry point), so that the benchmarks run the bot as members' bot runs.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

export function startArgs(root = "."): string[] {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: { start: string } };
  const [node, ...args] = pkg.scripts.start.trim().split(/\s+/);
  if (node !== "node") throw new Error(`npm start does not run node: ${pkg.scripts.start}`);
  return args;
}

/** The V8 flags of `npm start` alone (before the runner), for a process that runs another entry point. */
export function startFlags(root = "."): string[] {
  const args = startArgs(root);
  const runner = args.findIndex((a) => !a.startsWith("-"));
  if (runner < 0) throw new Error("npm start names no script to run");
  return args.slice(0, runner);
}
