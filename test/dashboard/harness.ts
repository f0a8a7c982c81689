/**
 * A dashboard over the real core features (agenda, donations, /dashboard) with in-memory doubles
 * of the store, clock and notifier, driven in-process through Hono's `app.request`.
 */
import { agenda } from "../../src/core/agenda/index.ts";
import { Bot } from "../../src/core/bot.ts";
import { DashboardAuth, dashboard } from "../../src/core/dashboard/index.ts";
import { joinCounter, QuestionStats } from "../../src/core/dashboard/stats.ts";
import { donations } from "../../src/core/donations/index.ts";
import { type CuratedEntry, CuratedKnowledge } from "../../src/core/faq/curated.ts";
import { faq } from "../../src/core/faq/index.ts";
import type { Embedder, PlatformHealth } from "../../src/core/ports.ts";
import type { Records } from "../../src/core/records.ts";
import type { Member } from "../../src/core/types.ts";
import { storeGaps } from "../../src/dashboard/gaps.ts";
import { BotMetrics } from "../../src/dashboard/metrics.ts";
import { serviceRepos } from "../../src/dashboard/repos.ts";
import { createDashboard } from "../../src/dashboard/server.ts";
import { dm, emptyKnowledge, HashingEmbedder, makeServices, member, replyText } from "../helpers/services.ts";

/** An organiser and a member on Telegram. */
export const ORGANISER: Member = member("111", "telegram", { displayName: "Olive Organiser" });
/** A member who is not an organiser. */
export const MEMBER: Member = member("222", "telegram", { displayName: "Max Member" });

/**
 * Builds the bot and its dashboard; with `records`, over those (SQL) records as the app would be;
 * with the platforms' reachability checks and an embedder (else the tests' hashing one), when given.
 */
export function harness(
  opts: { records?: Records; platformHealth?: () => readonly PlatformHealth[]; embedder?: Embedder } = {},
) {
  const saved: { entries: readonly CuratedEntry[] } = { entries: [] };
  const curated = new CuratedKnowledge(emptyKnowledge, new HashingEmbedder(), {
    load: async () => [...saved.entries],
    save: async (entries) => {
      saved.entries = entries;
    },
  });
  const t = makeServices({
    organisers: [ORGANISER.id],
    knowledge: curated,
    ...(opts.embedder ? { embedder: opts.embedder } : {}),
  });
  const { clock } = t;
  const services = opts.records ? { ...t.services, records: opts.records, audit: opts.records.audit } : t.services;
  const auth = new DashboardAuth(services.store, clock, services.policy, services.audit, {
    linkTtlMs: 10 * 60_000,
    sessionTtlMs: 8 * 3_600_000,
  });
  const stats = new QuestionStats(services.store, clock, opts.records?.days);
  const answers = faq(services, {
    runCommand: (ctx, name, args) => bot.runCommand(ctx, name, args),
    onOutcome: (ctx, o) => void stats.record(o.kind, ctx.now),
  });
  const features = [
    answers.feature,
    agenda(services, { moderation: "review", maxProposalsPerMember: 5 }),
    donations(services, { formTtlMs: 30 * 60_000, retentionDays: 30 }),
    dashboard(auth, "http://dash.test"),
    joinCounter(stats),
  ];
  const bot: Bot = new Bot(services, features, answers.fallback);
  const app = createDashboard({
    auth,
    bot,
    services,
    stats,
    metrics: new BotMetrics({ defaults: false }),
    repos: serviceRepos(services),
    platforms: () => ["telegram"],
    ...(opts.platformHealth ? { platformHealth: opts.platformHealth } : {}),
    curated,
    gaps: storeGaps(services),
  });
  const say = (m: Member, text: string) => bot.handle({ kind: "text", member: m, chat: dm(m), text });
  return { ...t, services, auth, bot, app, say, stats, curated, saved };
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

/** A form POST, with the session cookie when given. */
export function form(data: Record<string, string | readonly string[]>, cookie?: string): RequestInit {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(data)) for (const x of typeof v === "string" ? [v] : v) body.append(k, x);
  return {
    method: "POST",
    body,
    headers: { "content-type": "application/x-www-form-urlencoded", ...(cookie ? { cookie } : {}) },
  };
}

/** Signs the organiser in through /dashboard and the link; the cookie, the CSRF token and the link's token. */
export async function signIn(h: ReturnType<typeof harness>) {
  const token = tokenOf(replyText(await h.say(ORGANISER, "/dashboard")));
  const res = await h.app.request("/signin", form({ token }));
  const cookie = cookieOf(res);
  if (!cookie) throw new Error("no session cookie");
  const session = await h.auth.session(cookie.split("=")[1]);
  return { cookie, csrf: session?.csrf ?? "", token };
}
