/**
 * A dashboard over the real core features (agenda, donations, /dashboard) with in-memory doubles
 * of the store, clock and notifier, driven in-process through Hono's `app.request`.
 */
import { agenda } from "../../src/core/agenda/index.ts";
import { Bot } from "../../src/core/bot.ts";
import { DashboardAuth, dashboard } from "../../src/core/dashboard/index.ts";
import { QuestionStats } from "../../src/core/dashboard/stats.ts";
import { donations } from "../../src/core/donations/index.ts";
import type { Member } from "../../src/core/types.ts";
import { BotMetrics } from "../../src/dashboard/metrics.ts";
import { storeRepos } from "../../src/dashboard/repos.ts";
import { createDashboard } from "../../src/dashboard/server.ts";
import { dm, makeServices, member } from "../helpers/services.ts";

/** An organiser and a member on Telegram. */
export const ORGANISER: Member = member("111", "telegram", { displayName: "Olive Organiser" });
/** A member who is not an organiser. */
export const MEMBER: Member = member("222", "telegram", { displayName: "Max Member" });

/** Builds the bot and its dashboard. */
export function harness() {
  const t = makeServices({ organisers: [ORGANISER.id] });
  const { services, clock } = t;
  const auth = new DashboardAuth(services.store, clock, services.policy, services.audit, {
    linkTtlMs: 10 * 60_000,
    sessionTtlMs: 8 * 3_600_000,
  });
  const features = [
    agenda(services, { moderation: "review", maxProposalsPerMember: 5 }),
    donations(services, { formTtlMs: 30 * 60_000, retentionDays: 30 }),
    dashboard(auth, "http://dash.test"),
  ];
  const bot = new Bot(services, features, async () => [{ type: "text", text: "(fallback)" }]);
  const stats = new QuestionStats(services.store, clock);
  const app = createDashboard({
    auth,
    bot,
    services,
    stats,
    metrics: new BotMetrics({ defaults: false }),
    repos: storeRepos(services.store),
    platforms: () => ["telegram"],
  });
  const say = (m: Member, text: string) => bot.handle({ kind: "text", member: m, chat: dm(m), text });
  return { ...t, auth, bot, app, say, stats };
}

/** The token of the sign-in link in a reply text. */
export function tokenOf(text: string): string {
  const m = /token=([A-Za-z0-9_-]+)/.exec(text);
  if (!m?.[1]) throw new Error(`no sign-in link in: ${text}`);
  return m[1];
}

/** The session cookie a response sets (`name=value`), if any. */
export function cookieOf(res: Response): string | undefined {
  return /^(bahk_session=[^;]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1];
}
