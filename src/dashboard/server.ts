/**
 * The organisers' dashboard on Hono: sign-in with a one-time link from the
 * chat, session cookies (HttpOnly, SameSite=Strict, Secure behind HTTPS),
 * a CSRF token on every change, `/healthz`, `/metrics` and the public impact
 * page. Every change runs the same core command an organiser would type
 * (`/townhall approve`, `/offerstatus`), so the organiser policy, the audit
 * log and the notifications are the core's, not re-implemented here.
 */
import { serve } from "@hono/node-server";
import { Hono, type Context as HonoContext } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { html } from "hono/html";
import { secureHeaders } from "hono/secure-headers";
import type { Bot } from "../core/bot.ts";
import type { DashboardAuth, DashboardSession } from "../core/dashboard/index.ts";
import type { QuestionStats } from "../core/dashboard/stats.ts";
import type { CuratedKnowledge } from "../core/faq/curated.ts";
import type { Context, Services } from "../core/feature.ts";
import type { PlatformHealth } from "../core/ports.ts";
import type { Reply } from "../core/replies.ts";
import type { Gaps } from "./gaps.ts";
import { page } from "./layout.ts";
import type { BotMetrics } from "./metrics.ts";
import { auditPage } from "./pages/audit.ts";
import { donationRoutes, impactPage } from "./pages/donations.ts";
import { gapRoutes } from "./pages/gaps.ts";
import { OverviewCache, overviewPage } from "./pages/overview.ts";
import { townhallRoutes } from "./pages/townhall.ts";
import type { DashboardRepos } from "./repos.ts";

/** Everything the dashboard reads and acts through. */
export interface DashboardDeps {
  readonly auth: DashboardAuth;
  readonly bot: Bot;
  readonly services: Services;
  readonly stats: QuestionStats;
  readonly metrics: BotMetrics;
  readonly repos: DashboardRepos;
  readonly gaps?: Gaps;
  /** The organisers' curated answers (knowledge gaps closed in place). */
  readonly curated?: CuratedKnowledge;
  /** The platforms the bot runs on in this process (for /healthz). */
  readonly platforms: () => readonly string[];
  /** Their adapters' reachability checks (for /healthz): a platform that is down makes it answer 503. */
  readonly platformHealth?: () => readonly PlatformHealth[];
  /** The public address; `https:` makes cookies Secure even without a proxy header. */
  readonly publicUrl?: string;
}

/** Hono's per-request variables: the signed-in session. */
export type Env = { Variables: { session: DashboardSession } };

/** Helpers page modules use. */
export interface Tools {
  /** Runs a core command as the signed-in organiser; the replies are what the chat would show. */
  act(c: HonoContext<Env>, command: string, args: string): Promise<Reply[]>;
  /** Keeps a message for the next page this session loads. */
  flash(c: HonoContext<Env>, message: string): void;
  /** Takes the message kept for this session. */
  takeFlash(c: HonoContext<Env>): string | undefined;
}

const COOKIE = "bahk_session";

/** Builds the dashboard's Hono app (not listening: see {@link startDashboard}). */
export function createDashboard(deps: DashboardDeps): Hono<Env> {
  const app = new Hono<Env>();
  const flashes = new Map<string, string>();
  const overview = new OverviewCache(deps);
  const tools: Tools = {
    act: (c, command, args) => {
      const member = c.get("session").member;
      const ctx: Context = {
        member,
        chat: { id: `dashboard:${member.id}`, type: "private" },
        lang: "en",
        isOrganiser: deps.services.policy.isOrganiser(member),
        now: deps.services.clock.now(),
      };
      return deps.bot.runCommand(ctx, command, args);
    },
    flash: (c, message) => void flashes.set(c.get("session").id, message.slice(0, 2000)),
    takeFlash: (c) => {
      const id = c.get("session").id;
      const m = flashes.get(id);
      flashes.delete(id);
      return m;
    },
  };
  const https = (c: HonoContext) =>
    deps.publicUrl?.startsWith("https:") === true || c.req.header("x-forwarded-proto") === "https";

  // No script at all; styles inline; forms post only here; never framed.
  app.use(
    secureHeaders({
      referrerPolicy: "no-referrer",
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        styleSrc: ["'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
    }),
  );

  app.get("/healthz", async (c) => {
    const probe = async (check: () => Promise<unknown>) => {
      try {
        await check();
        return "ok";
      } catch {
        return "unreachable";
      }
    };
    // The key-value store, and the records (SQL when the app has them: the audit log lives there).
    const checks = deps.platformHealth?.() ?? [];
    const [store, records, reached] = await Promise.all([
      probe(() => deps.services.store.get("health", "probe")),
      probe(() => deps.services.audit.recent(1)),
      Promise.all(checks.map(async (h) => ({ platform: h.platform, ...(await h.check()) }))),
    ]);
    // Which part is down: the store, the records, or a platform (with the adapter's reason).
    const reachable = Object.fromEntries(
      reached.map((r) => [r.platform, r.ok ? "ok" : `unreachable${r.detail ? `: ${r.detail}` : ""}`]),
    );
    const down = [
      ...(store === "ok" ? [] : ["store"]),
      ...(records === "ok" ? [] : ["records"]),
      ...reached.filter((r) => !r.ok).map((r) => r.platform),
    ];
    const ok = down.length === 0;
    const body = {
      status: ok ? "ok" : "degraded",
      store,
      records,
      platforms: deps.platforms(),
      ...(checks.length > 0 ? { reachable } : {}),
      ...(ok ? {} : { down }),
    };
    return c.json(body, ok ? 200 : 503);
  });

  app.get("/metrics", async (c) => {
    const m = await deps.metrics.expose();
    return c.body(m.body, 200, { "content-type": m.contentType });
  });

  app.get("/impact", async (c) => c.html(await impactPage(deps)));

  // A GET only shows a button: link previews (Telegram fetches URLs) must not consume the link.
  app.get("/signin", async (c) => {
    const token = c.req.query("token") ?? "";
    if (!(await deps.auth.peek(token))) return c.html(refused("This link has expired or was used already."), 410);
    const body = html`<section><p>Sign in to the organisers' dashboard.</p>
<form method="post" action="/signin"><input type="hidden" name="token" value="${token}"><button>Sign in</button></form></section>`;
    return c.html(page({ title: "Sign in", path: "/signin", body }));
  });

  app.post("/signin", async (c) => {
    const form = await c.req.parseBody();
    const token = typeof form.token === "string" ? form.token : "";
    const r = await deps.auth.redeem(token);
    if (!r.ok) {
      const why =
        r.why === "not-organiser" ? "This link is not an organiser's." : "This link has expired or was used already.";
      return c.html(refused(why), 403);
    }
    setCookie(c, COOKIE, r.session.id, {
      httpOnly: true,
      sameSite: "Strict",
      secure: https(c),
      path: "/",
      maxAge: deps.auth.sessionSeconds,
    });
    return c.redirect("/", 303);
  });

  // Everything below needs a live session of a current organiser, and every change its CSRF token.
  app.use("*", async (c, next) => {
    const session = await deps.auth.session(getCookie(c, COOKIE));
    if (!session) return c.html(refused("Please sign in: send /dashboard to the bot in a private chat."), 401);
    c.set("session", session);
    if (c.req.method !== "GET" && c.req.method !== "HEAD") {
      const form = await c.req.parseBody();
      const csrf = typeof form._csrf === "string" ? form._csrf : c.req.header("x-csrf-token");
      if (!deps.auth.checkCsrf(session, csrf))
        return c.html(refused("The form was stale or forged: nothing changed."), 403);
      overview.invalidate();
    }
    return next();
  });

  app.post("/signout", async (c) => {
    await deps.auth.signOut(c.get("session"));
    deleteCookie(c, COOKIE, { path: "/" });
    return c.html(refused("Signed out."));
  });

  app.get("/", async (c) => c.html(await overviewPage(overview, c.get("session"))));
  app.get("/audit", async (c) => c.html(await auditPage(deps, c)));
  townhallRoutes(app, deps, tools);
  donationRoutes(app, deps, tools);
  gapRoutes(app, deps, tools);
  return app;
}

/** A page that says why something was refused. */
function refused(message: string) {
  return page({ title: "Organisers' dashboard", path: "", body: html`<section><p>${message}</p></section>` });
}

/** Listens on host:port; resolves with the bound port and a function that stops the server, rejects when it can't listen. */
export function startDashboard(
  app: Hono<Env>,
  host: string,
  port: number,
): Promise<{ port: number; close: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }, (info) =>
      resolve({
        port: info.port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    );
    server.once("error", (e) => reject(new Error(`dashboard cannot listen on ${host}:${port}: ${e.message}`)));
  });
}
