/** The knowledge options that come from configuration, shared by the bot, `ask`, `ingest` and `eval`. */
import type { Config } from "../config/index.ts";
import type { OpenKnowledgeOptions } from "./index.ts";

/** Folders and, with an API key, the OpenAI-compatible embedding server. */
export function knowledgeSettings(config: Config): Pick<OpenKnowledgeOptions, "knowledgeDir" | "dataDir" | "openai"> {
  const base = { knowledgeDir: config.knowledgeDir, dataDir: config.dataDir };
  // An empty OPENAI_EMBEDDING_MODEL keeps the embedded embeddings (a chat-only server, e.g. a local model).
  if (!config.OPENAI_API_KEY || !config.OPENAI_EMBEDDING_MODEL) return base;
  return {
    ...base,
    openai: {
      apiKey: config.OPENAI_API_KEY,
      model: config.OPENAI_EMBEDDING_MODEL,
      ...(config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : {}),
    },
  };
}
