/**
 * The bot built as `npm start` builds it, its knowledge's worker thread first.
 *
 * The worker takes the longest to be ready (its own modules, then the knowledge: about 0.5 s on a
 * small machine), and the main thread's modules (the core, the stores, Kysely) take about 0.3 s to
 * load. Started before they load, the thread opens the knowledge beside them, on a second core where
 * there is one, instead of after them. This module's own imports are kept few for that reason.
 */
import type { App } from "./app.ts";
import type { Config } from "./config/index.ts";
import type { Logger } from "./core/ports.ts";
import type { Tuning } from "./knowledge/kb.ts";
import { knowledgeSettings } from "./knowledge/settings.ts";
import { KnowledgeThread } from "./knowledge/thread.ts";

/**
 * Starts the knowledge's worker thread (see knowledge/thread.ts); undefined when a language model
 * answers, whose retrieval runs in the main thread and so the knowledge does.
 */
export function openKnowledgeThread(
  config: Config,
  logger: Logger,
  tuning?: Partial<Tuning>,
): Promise<KnowledgeThread> | undefined {
  if (config.OPENAI_API_KEY && config.OPENAI_CHAT_MODEL) return undefined;
  const threaded = KnowledgeThread.open(
    { options: { ...knowledgeSettings(config), ...(tuning ? { tuning } : {}) }, logLevel: config.LOG_LEVEL },
    logger,
  );
  // Until the app awaits it, a thread that fails to start is no unhandled rejection.
  threaded.catch(() => undefined);
  return threaded;
}

/** Builds the app (config.KNOWLEDGE_THREAD: the knowledge in its worker thread, started first). */
export async function startApp(config: Config, logger: Logger): Promise<App> {
  const thread = config.KNOWLEDGE_THREAD ? openKnowledgeThread(config, logger) : undefined;
  const { buildApp } = await import("./app.ts");
  return buildApp(config, logger, { knowledgeThread: thread ?? false });
}
