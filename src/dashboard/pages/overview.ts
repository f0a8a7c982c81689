/**
 * The overview: questions per day, topics and offers by status, top unanswered
 * themes, as server-side SVG. Its figures are counts the records compute
 * (with SQL records: aggregates over indexed rows, and only the newest
 * unanswered questions for the themes), computed at most every
 * {@link OVERVIEW_MAX_AGE_MS} (and again after any change made through the
 * dashboard), concurrent requests sharing one computation; the page says how
 * old they are.
 */
import { html } from "hono/html";
import type { DashboardSession } from "../../core/dashboard/index.ts";
import type { DayCounts } from "../../core/dashboard/stats.ts";
import { STATUSES } from "../../core/donations/catalogue.ts";
import type { ChartRow } from "../../core/ports.ts";
import { barChartSvg, hbarChartSvg } from "../../pictures/svg.ts";
import { type Html, page, svg } from "../layout.ts";
import type { DashboardDeps } from "../server.ts";

/** Days shown in the questions chart. */
const DAYS = 30;
/** How long the overview's figures are reused. */
export const OVERVIEW_MAX_AGE_MS = 15_000;

/** The overview's figures. */
interface Figures {
  readonly at: Date;
  readonly days: readonly DayCounts[];
  readonly offers: number;
  readonly offerRows: readonly ChartRow[];
  readonly topicTitle: string;
  readonly topicRows: readonly ChartRow[];
  readonly themes: readonly ChartRow[];
  readonly feedback: { readonly up: number; readonly down: number };
}

/** Offers per status: counted by the records (SQL: the totals kept with the offers). */
async function offersByStatus(offers: DashboardDeps["repos"]["offers"]): Promise<Map<string, number>> {
  return new Map([...(await offers.impact()).byStatus].map(([s, c]) => [s, c.offers]));
}

/** A townhall's topics per status: counted by the records where they can. */
async function topicsByStatus(
  agenda: DashboardDeps["repos"]["agenda"],
  townhallId: string,
): Promise<Map<string, number>> {
  if (agenda.statusCounts) return agenda.statusCounts(townhallId);
  const counts = new Map<string, number>();
  for (const v of await agenda.topics(townhallId)) counts.set(v.status, (counts.get(v.status) ?? 0) + 1);
  return counts;
}

async function figures(deps: DashboardDeps): Promise<Figures> {
  const [days, byStatus, th, groups, feedback] = await Promise.all([
    deps.stats.lastDays(DAYS),
    offersByStatus(deps.repos.offers),
    deps.repos.agenda.currentOrLatest(),
    deps.gaps ? deps.gaps.groups() : Promise.resolve([]),
    deps.gaps ? deps.gaps.feedback() : Promise.resolve({ up: 0, down: 0 }),
  ]);
  const topicStatus = th ? await topicsByStatus(deps.repos.agenda, th.id) : new Map<string, number>();
  const topicCount = [...topicStatus.values()].reduce((a, b) => a + b, 0);
  return {
    at: deps.services.clock.now(),
    days,
    offers: [...byStatus.values()].reduce((a, b) => a + b, 0),
    offerRows: STATUSES.map((s) => ({ label: s.replace("_", " "), value: byStatus.get(s) ?? 0 })),
    topicTitle: th ? `Topics of ${th.name} (${topicCount})` : "Topics (no townhall yet)",
    topicRows: ["pending", "approved", "rejected", "merged"].map((s) => ({ label: s, value: topicStatus.get(s) ?? 0 })),
    themes: groups.slice(0, 8).map((g) => ({ label: g.text, value: g.count })),
    feedback,
  };
}

/** The overview's figures, reused while fresh. */
export class OverviewCache {
  private current: { figures: Figures; at: number } | undefined;
  private pending: Promise<Figures> | undefined;

  constructor(private readonly deps: DashboardDeps) {}

  /** Forgets the figures (a change was made through the dashboard). */
  invalidate(): void {
    this.current = undefined;
  }

  /** Fresh figures: the cached ones, or one shared computation. */
  async get(): Promise<Figures> {
    const now = Date.now();
    if (this.current && now - this.current.at <= OVERVIEW_MAX_AGE_MS) return this.current.figures;
    this.pending ??= figures(this.deps)
      .then((f) => {
        this.current = { figures: f, at: now };
        return f;
      })
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }
}

/** The overview page's body (its charts), without the frame. */
export function overviewBody(f: Figures): Html {
  const questions = barChartSvg({
    title: `Questions per day, last ${DAYS} days`,
    categories: f.days.map((d) => d.day.slice(5)),
    series: [
      { name: "Answered", color: "#2f8f4e", values: f.days.map((d) => d.answer + d.intent + d.social) },
      { name: "Declined", color: "#c0392b", values: f.days.map((d) => d.decline) },
    ],
    stacked: true,
  });
  const offerChart = hbarChartSvg(`Donation offers by status (${f.offers})`, f.offerRows);
  const topicChart = hbarChartSvg(f.topicTitle, f.topicRows);
  const themeChart = hbarChartSvg("Top unanswered themes", f.themes);
  const members = barChartSvg({
    title: `New members per day, last ${DAYS} days`,
    categories: f.days.map((d) => d.day.slice(5)),
    series: [{ name: "Joined", color: "#2f6fb3", values: f.days.map((d) => d.joined) }],
  });
  const feedbackChart = hbarChartSvg("Feedback on answers", [
    { label: "Helpful", value: f.feedback.up },
    { label: "Not helpful", value: f.feedback.down },
  ]);
  const total = f.days.reduce((n, d) => n + d.answer + d.intent + d.social + d.decline, 0);
  const declined = f.days.reduce((n, d) => n + d.decline, 0);
  return html`<section><p>${total} questions in ${DAYS} days, ${declined} declined.
<span class="muted">Figures as of ${f.at.toISOString().slice(11, 19)} UTC.</span></p>${svg(questions)}</section>
<div class="grid"><section>${svg(offerChart)}</section><section>${svg(topicChart)}</section></div>
<section>${svg(themeChart)}</section>
<div class="grid"><section>${svg(members)}</section><section>${svg(feedbackChart)}</section></div>`;
}

/** `/`: the overview. */
export async function overviewPage(cache: OverviewCache, session: DashboardSession): Promise<Html> {
  return page({ title: "Overview", path: "/", csrf: session.csrf, body: overviewBody(await cache.get()) });
}
