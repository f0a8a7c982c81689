/**
 * Starts the bot: the platforms whose tokens are configured, and the console
 * chat when no platform token is set (so `npm start` works with nothing set).
 */
// First: V8's flags apply to the code compiled after them.
import "./tiering.ts";
import { config as loadDotenv } from "dotenv";
import { CONSOLE_MEMBER, ConsoleChat } from "./adapters/console/console.ts";
import { loadConfig } from "./config/index.ts";
import type { PlatformHealth } from "./core/ports.ts";
import { exportDir } from "./exports.ts";
import { createLogger } from "./logging.ts";
import { startApp } from "./start.ts";

async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const app = await startApp(config, logger);
  const stopJobs = app.startJobs();
  // Adapters stop taking updates and finish the ones in flight before the store closes.
  const stops: (() => void | Promise<void>)[] = [stopJobs];
  // Run after the outbox is flushed: clients that must stay connected to send it.
  const disconnects: (() => Promise<void>)[] = [];
  let closing: Promise<void> | undefined;
  const shutdown = () => {
    closing ??= (async () => {
      await Promise.allSettled(stops.map((stop) => stop()));
      // Notices owed go out while the clients are connected (bounded); what remains stays stored.
      await app.notifier.flush(5_000).catch(() => undefined);
      await Promise.allSettled(disconnects.map((d) => d()));
      await app.close();
    })();
    return closing;
  };

  const platforms: string[] = [];
  // Each adapter's reachability, for /healthz.
  const health: PlatformHealth[] = [];
  // Platform clients and the dashboard load only when configured: discord.js alone costs 47 MB.
  if (config.DASHBOARD_PORT !== undefined) {
    const { startConfiguredDashboard } = await import("./dashboard/index.ts");
    const dashboard = await startConfiguredDashboard(
      app,
      logger,
      () => platforms,
      () => health,
    );
    if (dashboard) stops.push(() => dashboard.close());
  }

  if (config.TELEGRAM_BOT_TOKEN) {
    const { TelegramAdapter } = await import("./adapters/telegram/telegram.ts");
    const telegram = new TelegramAdapter({
      token: config.TELEGRAM_BOT_TOKEN,
      apiRoot: config.TELEGRAM_API_ROOT,
      organiserChatId: config.TELEGRAM_ORGANISER_CHAT_ID,
      organiserIds: config.TELEGRAM_ORGANISER_IDS,
      webhook: config.TELEGRAM_WEBHOOK_DOMAIN
        ? {
            domain: config.TELEGRAM_WEBHOOK_DOMAIN,
            port: config.TELEGRAM_WEBHOOK_PORT,
            host: config.TELEGRAM_WEBHOOK_HOST,
            path: config.TELEGRAM_WEBHOOK_PATH,
            secretToken: config.TELEGRAM_WEBHOOK_SECRET,
          }
        : undefined,
      bot: app.bot,
      logger,
      stats: app.notifier.stats,
      // Polling stopped for good: exit non-zero so that a supervisor restarts the bot.
      onFatal: () => void shutdown().finally(() => process.exit(1)),
    });
    app.notifier.register("telegram", telegram.delivery());
    platforms.push("telegram");
    health.push(telegram.health());
    await telegram.start();
    stops.push(() => telegram.drain(10_000));
    logger.warn("Telegram adapter started");
  }
  if (config.DISCORD_TOKEN) {
    const { DiscordAdapter } = await import("./adapters/discord/discord.ts");
    const discord = new DiscordAdapter({
      token: config.DISCORD_TOKEN,
      apiBase: config.DISCORD_API_BASE,
      organiserChannelId: config.DISCORD_ORGANISER_CHANNEL_ID,
      bot: app.bot,
      logger,
      stats: app.notifier.stats,
      guildMembers: config.DISCORD_GUILD_MEMBERS,
      organiserRoles: config.DISCORD_ORGANISER_ROLE_IDS.length > 0,
    });
    app.notifier.register("discord", discord.delivery());
    platforms.push("discord");
    health.push(discord.health());
    await discord.start();
    stops.push(() => discord.drain(10_000));
    disconnects.push(() => discord.stop());
    logger.warn("Discord adapter started");
  }

  for (const platform of app.notifier.withoutOrganisers()) {
    logger.error("no organiser chat or channel: organiser notices and hand-offs go nowhere", { platform });
  }

  if (!config.TELEGRAM_BOT_TOKEN && !config.DISCORD_TOKEN) {
    const chat = new ConsoleChat({
      bot: app.bot,
      input: process.stdin,
      output: process.stdout,
      interactive: Boolean(process.stdin.isTTY),
      exportDir: exportDir(config),
    });
    app.notifier.register("console", chat.delivery(app.bot.isOrganiser(CONSOLE_MEMBER)));
    platforms.push("console");
    await chat.run();
    await shutdown();
    return;
  }
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void shutdown().then(() => process.exit(0)));
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
