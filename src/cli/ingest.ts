/**
 * Rebuilds the knowledge index on demand: `npm run ingest`.
 * Progress goes to stderr; a one-line summary to stdout.
 */
import { loadConfig } from "../config/index.ts";
import type { Logger } from "../core/ports.ts";
import { openKnowledge } from "../knowledge/index.ts";

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };

async function main(): Promise<void> {
  const config = loadConfig();
  const started = performance.now();
  const { stats } = await openKnowledge({
    knowledgeDir: config.knowledgeDir,
    dataDir: config.dataDir,
    logger: quiet,
    rebuild: !process.argv.includes("--if-changed"),
    onProgress: (msg) => process.stderr.write(`ingest: ${msg}\n`),
    ...(config.OPENAI_API_KEY
      ? {
          openai: {
            apiKey: config.OPENAI_API_KEY,
            model: config.OPENAI_EMBEDDING_MODEL,
            ...(config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : {}),
          },
        }
      : {}),
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
