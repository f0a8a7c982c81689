/** Starts the organisers' dashboard from the app's configuration (only when `DASHBOARD_PORT` is set). */
import { type App, dashboardUrl } from "../app.ts";
import type { Logger, PlatformHealth } from "../core/ports.ts";
import { storeGaps } from "./gaps.ts";
import { BotMetrics } from "./metrics.ts";
import { serviceRepos } from "./repos.ts";
import { createDashboard, startDashboard } from "./server.ts";

/** A running dashboard. */
export interface RunningDashboard {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Instruments the bot and listens on `DASHBOARD_HOST:DASHBOARD_PORT`; undefined when no port is
 * configured. Call it before the adapters start, so that every update is counted.
 */
export async function startConfiguredDashboard(
  app: App,
  logger: Logger,
  platforms: () => readonly string[],
  platformHealth?: () => readonly PlatformHealth[],
): Promise<RunningDashboard | undefined> {
  const { config } = app;
  if (config.DASHBOARD_PORT === undefined) return undefined;
  const metrics = new BotMetrics();
  metrics.instrument(app.bot);
  metrics.observeQuestions(app.questionStats);
  metrics.observeDeliveries(app.notifier.stats);
  const server = createDashboard({
    auth: app.dashboard,
    bot: app.bot,
    services: app.services,
    stats: app.questionStats,
    metrics,
    repos: serviceRepos(app.services),
    gaps: storeGaps(app.services),
    curated: app.curated,
    platforms,
    ...(platformHealth ? { platformHealth } : {}),
    publicUrl: dashboardUrl(config),
  });
  const running = await startDashboard(server, config.DASHBOARD_HOST, config.DASHBOARD_PORT);
  logger.warn("dashboard listening", { host: config.DASHBOARD_HOST, port: running.port });
  return running;
}
