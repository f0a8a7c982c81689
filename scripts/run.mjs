/**
 * Runs a TypeScript entry point of the bot (`npm start`, `npm run ask`) as one
 * bundle in plain Node.
 *
 * Run through tsx, every module of the bot and of its packages goes through
 * tsx's loader hooks, a round-trip to the loader's thread each: about half of
 * the bot's start. Here esbuild (the compiler tsx itself uses) bundles the
 * entry and the bot's own modules into `.build/` when a source changed since
 * the last bundle (about 0.2 s), packages stay external but a few (see BUNDLED), and
 * modules loaded on demand (platform clients, PostgreSQL, Redis, the
 * dashboard) stay in chunks of their own, so they still load only when used.
 * Stack traces point at the TypeScript sources (source maps).
 *
 * Usage: node scripts/run.mjs <entry.ts> [arguments...]
 */
import { existsSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/**
 * Where bundles go (a fresh one can be asked for, as the first-contact benchmark does). Inside the
 * project, relative to it: a bundle finds its packages in the project's node_modules from there.
 */
const BUILD = join(ROOT, process.env.BAHK_BUILD_DIR || ".build");
if (relative(ROOT, BUILD).startsWith("..")) {
  process.stderr.write(`BAHK_BUILD_DIR must be inside ${ROOT}\n`);
  process.exit(2);
}
/** The bundle's name for the knowledge thread's module. */
const WORKER = "knowledge-thread";
/**
 * Packages taken into the bundle: plain JavaScript the bot loads at every start, made of many small
 * files (Kysely's build is some 260, zod's about 80), read file by file about 0.3 s slower than as
 * part of one. Every other package stays external (native bindings among them), loaded from
 * node_modules as usual.
 */
const BUNDLED = new Set(["kysely", "zod"]);

/** The package a bare import names (`zod/v4/core` → `zod`, `@keyv/serialize` → `@keyv/serialize`). */
const packageOf = (spec) =>
  spec
    .split("/")
    .slice(0, spec.startsWith("@") ? 2 : 1)
    .join("/");

/** An esbuild plugin: every package is external but the {@link BUNDLED} ones. */
const externals = {
  name: "externals",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      BUNDLED.has(packageOf(args.path)) ? undefined : { path: args.path, external: true },
    );
  },
};

/** Files whose change makes a bundle stale, besides the sources. */
const ALSO = ["package-lock.json", "tsconfig.json", fileURLToPath(import.meta.url)];

/** The newest modification time of a TypeScript source under `dir`. */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(path));
    else if (entry.name.endsWith(".ts") || entry.name.endsWith(".json"))
      latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

/**
 * Bundles `entry` unless a bundle of the current sources exists; returns the bundle. Each
 * state of the sources gets a folder of its own (`.build/<entry>/<newest mtime>/`), so a bot
 * still running from an older bundle keeps its chunks, and two starts at once never see half
 * a bundle: each builds aside, and the first to move its folder into place wins.
 */
async function bundle(entry) {
  const name = relative(ROOT, entry).replace(/\.ts$/, "").replace(/[\\/]/g, "-");
  const sources = Math.max(
    newest(join(ROOT, "src")),
    statSync(entry).mtimeMs,
    ...ALSO.map((f) => resolve(ROOT, f))
      .filter(existsSync)
      .map((f) => statSync(f).mtimeMs),
  );
  const home = join(BUILD, name);
  const outDir = join(home, Math.floor(sources).toString(36));
  const out = join(outDir, `${basename(entry, ".ts")}.js`);
  if (existsSync(join(outDir, ".built"))) return out;

  const { build } = await import("esbuild");
  const tmp = `${outDir}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  await build({
    // The knowledge's worker thread (src/knowledge/thread.ts) is an entry of its own, sharing the chunks.
    entryPoints: { [basename(entry, ".ts")]: entry, [WORKER]: join(ROOT, "src", "knowledge", "thread-worker.ts") },
    outdir: tmp,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    plugins: [externals],
    sourcemap: "linked",
    logLevel: "warning",
  });
  writeFileSync(join(tmp, ".built"), "");
  try {
    renameSync(tmp, outDir);
  } catch {
    // Another start moved its bundle of the same sources into place first.
    rmSync(tmp, { recursive: true, force: true });
  }
  // Bundles of older sources: the two latest stay, for bots still running from them.
  const older = readdirSync(home)
    .filter((d) => !d.endsWith(".tmp") && join(home, d) !== outDir)
    .sort()
    .reverse();
  for (const d of older.slice(2)) rmSync(join(home, d), { recursive: true, force: true });
  return out;
}

const [entryArg, ...rest] = process.argv.slice(2);
if (!entryArg) {
  process.stderr.write("usage: node scripts/run.mjs <entry.ts> [arguments...]\n");
  process.exit(2);
}
const entry = resolve(entryArg);
const out = await bundle(entry);
// Where src/knowledge/thread.ts finds its worker in this bundle.
process.env.BAHK_KNOWLEDGE_WORKER = join(dirname(out), `${WORKER}.js`);
process.setSourceMapsEnabled(true);
// The entry sees its own arguments, as if started directly.
process.argv = [process.argv[0] ?? "node", entry, ...rest];
await import(pathToFileURL(out).href);
