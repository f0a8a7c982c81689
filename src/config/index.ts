/**
 * The bot's configuration: one schema, read once from the environment (and a
 * `.env` file). Nothing else reads `process.env`.
 */
import { resolve } from "node:path";
import { z } from "zod";

const list = z
  .string()
  .optional()
  .transform((s) =>
    (s ?? "")
      .split(/[\s,]+/)
      .map((x) => x.trim())
      .filter(Boolean),
  );
/** A switch: on for 1/true/yes/on, off for 0/false/no/off, `byDefault` when unset or blank. */
const bool = (byDefault = false) =>
  z
    .string()
    .optional()
    .transform((s) => {
      const v = s?.trim() ?? "";
      if (!v) return byDefault;
      return byDefault ? !/^(0|false|no|off)$/i.test(v) : /^(1|true|yes|on)$/i.test(v);
    });
const optional = z
  .string()
  .optional()
  .transform((s) => (s?.trim() ? s.trim() : undefined));

const schema = z.object({
  DATA_DIR: z.string().default("data"),
  KNOWLEDGE_DIR: z.string().default("knowledge"),
  PROMPTS_DIR: z.string().default("prompts"),
  STORAGE_URL: optional,
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("warn"),
  // The knowledge (reading, retrieval, checks) in a worker thread beside the event loop; off runs it on the loop.
  KNOWLEDGE_THREAD: bool(true),

  OPENAI_API_KEY: optional,
  OPENAI_BASE_URL: optional,
  OPENAI_EMBEDDING_MODEL: z.string().default("text-embedding-3-small"),
  OPENAI_CHAT_MODEL: z.string().default("gpt-4o-mini"),
  /** A chat answer not complete by then is replaced by the embedded one (within this + 1 s). */
  OPENAI_CHAT_TIMEOUT_MS: z.coerce.number().int().min(500).max(120_000).default(8000),

  CONSOLE_ORGANISER: bool(),

  TELEGRAM_BOT_TOKEN: optional,
  TELEGRAM_API_ROOT: optional,
  TELEGRAM_ORGANISER_IDS: list,
  TELEGRAM_ORGANISER_CHAT_ID: optional,
  TELEGRAM_WEBHOOK_DOMAIN: optional,
  TELEGRAM_WEBHOOK_PORT: z.coerce.number().int().min(1).max(65_535).default(8443),
  TELEGRAM_WEBHOOK_PATH: z.string().default("/telegram"),
  TELEGRAM_WEBHOOK_HOST: z.string().default("127.0.0.1"),
  TELEGRAM_WEBHOOK_SECRET: optional,

  DISCORD_TOKEN: optional,
  DISCORD_API_BASE: optional,
  DISCORD_ORGANISER_IDS: list,
  DISCORD_ORGANISER_ROLE_IDS: list,
  DISCORD_ORGANISER_CHANNEL_ID: optional,
  /** The privileged GuildMembers intent is enabled in the Developer Portal: newcomers are welcomed. */
  DISCORD_GUILD_MEMBERS: bool(),

  AGENDA_MODERATION: z.enum(["auto", "review"]).default("review"),
  AGENDA_MAX_PROPOSALS_PER_MEMBER: z.coerce.number().int().min(1).max(1000).default(5),

  DONATION_FORM_TTL_MINUTES: z.coerce.number().int().min(1).max(43_200).default(1440),
  DONATION_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(365),

  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),

  // Empty means off (as when unset); 0 picks a free port (tests).
  DASHBOARD_PORT: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce.number().int().min(0).max(65_535).optional(),
  ),
  DASHBOARD_HOST: z.string().default("127.0.0.1"),
  DASHBOARD_PUBLIC_URL: optional,
  DASHBOARD_LINK_TTL_MINUTES: z.coerce.number().int().min(1).max(60).default(10),
  DASHBOARD_SESSION_HOURS: z.coerce.number().int().min(1).max(168).default(8),
});

/** The validated configuration. */
export type Config = z.output<typeof schema> & {
  readonly dataDir: string;
  readonly knowledgeDir: string;
  readonly promptsDir: string;
};

/** Parses the configuration, failing with a message that names every wrong setting. */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return {
    ...parsed.data,
    dataDir: resolve(parsed.data.DATA_DIR),
    knowledgeDir: resolve(parsed.data.KNOWLEDGE_DIR),
    promptsDir: resolve(parsed.data.PROMPTS_DIR),
  };
}
