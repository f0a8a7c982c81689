/**
 * Starts the bot: the console chat when no platform token is set (or when
 * stdin is a terminal), and the platforms whose tokens are configured.
 */
import { config as loadDotenv } from "dotenv";
import { CONSOLE_MEMBER, ConsoleChat } from "./adapters/console/console.ts";
import { buildApp, exportDir } from "./app.ts";
import { loadConfig } from "./config/index.ts";
import { createLogger } from "./logging.ts";

async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const app = await buildApp(config, logger);
  const stopJobs = app.startJobs();
  const platforms = Boolean(config.TELEGRAM_BOT_TOKEN || config.DISCORD_TOKEN);
  if (platforms) {
    logger.warn("platform tokens are set, but the Telegram and Discord adapters are not part of this build yet");
  }
  const chat = new ConsoleChat({
    bot: app.bot,
    input: process.stdin,
    output: process.stdout,
    interactive: Boolean(process.stdin.isTTY),
    exportDir: exportDir(config),
  });
  app.notifier.register("console", chat.delivery(app.bot.isOrganiser(CONSOLE_MEMBER)));
  await chat.run();
  stopJobs();
  await app.close();
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
