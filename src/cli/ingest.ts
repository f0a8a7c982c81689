/**
 * Rebuilds the knowledge index on demand: `npm run ingest`.
 * Progress goes to stderr; a one-line summary to stdout.
 */
import { loadConfig } from "../config/index.ts";
import type { Logger } from "../core/ports.ts";
import { openKnowledge } from "../knowledge/index.ts";
import { knowledgeSettings } from "../knowledge/settings.ts";

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };

async function main(): Promise<void> {
  const config = loadConfig();
  const started = performance.now();
  const { stats } = await openKnowledge({
    ...knowledgeSettings(config),
    logger: quiet,
    rebuild: !process.argv.includes("--if-changed"),
    onProgress: (msg) => process.stderr.write(`ingest: ${msg}\n`),
  });
  const ms = Math.round(performance.now() - started);
  process.stdout.write(
    `${stats.builtFresh ? "built" : "loaded"} index: ${stats.passages} passages, ${stats.faqEntries} FAQ entries, embedder ${stats.embedder}, ${ms} ms\n`,
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`ingest failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
