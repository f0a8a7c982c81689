/**
 * Files the console writes for organisers (CSV and Markdown exports) may hold donors' contact
 * details: they expire under the same retention setting as closed offers' personal data.
 */
import { readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Config } from "./config/index.ts";

/** Where exports are written by the console. */
export function exportDir(config: Pick<Config, "dataDir">): string {
  return join(config.dataDir, "exports");
}

/** Deletes the files of `dir` last modified more than `maxAgeMs` before `now`; returns how many. */
export async function purgeOldExports(dir: string, maxAgeMs: number, now: Date): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0; // no exports yet
  }
  let n = 0;
  for (const name of names) {
    const file = join(dir, name);
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile() || now.getTime() - info.mtimeMs <= maxAgeMs) continue;
    await rm(file, { force: true });
    n++;
  }
  return n;
}
