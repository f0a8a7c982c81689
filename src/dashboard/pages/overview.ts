/** The overview: questions per day, topics and offers by status, top unanswered themes, as server-side SVG. */
import { html } from "hono/html";
import type { DashboardSession } from "../../core/dashboard/index.ts";
import { STATUSES } from "../../core/donations/catalogue.ts";
import { barChartSvg, hbarChartSvg } from "../../pictures/svg.ts";
import { type Html, page, svg } from "../layout.ts";
import type { DashboardDeps } from "../server.ts";

/** Days shown in the questions chart. */
const DAYS = 30;

/** The overview page's body (its charts), without the frame: also what the benchmark renders. */
export async function overviewBody(deps: DashboardDeps): Promise<Html> {
  const [days, offers, th] = await Promise.all([
    deps.stats.lastDays(DAYS),
    deps.repos.offers.all(),
    deps.repos.agenda.currentOrLatest(),
  ]);
  const questions = barChartSvg({
    title: `Questions per day, last ${DAYS} days`,
    categories: days.map((d) => d.day.slice(5)),
    series: [
      { name: "Answered", color: "#2f8f4e", values: days.map((d) => d.answer + d.intent + d.social) },
      { name: "Declined", color: "#c0392b", values: days.map((d) => d.decline) },
    ],
    stacked: true,
  });
  const byStatus = new Map<string, number>();
  for (const o of offers) byStatus.set(o.status, (byStatus.get(o.status) ?? 0) + 1);
  const offerChart = hbarChartSvg(
    `Donation offers by status (${offers.length})`,
    STATUSES.map((s) => ({ label: s.replace("_", " "), value: byStatus.get(s) ?? 0 })),
  );
  const topics = th ? await deps.repos.agenda.topics(th.id) : [];
  const topicStatus = new Map<string, number>();
  for (const v of topics) topicStatus.set(v.status, (topicStatus.get(v.status) ?? 0) + 1);
  const topicChart = hbarChartSvg(
    th ? `Topics of ${th.name} (${topics.length})` : "Topics (no townhall yet)",
    ["pending", "approved", "rejected", "merged"].map((s) => ({ label: s, value: topicStatus.get(s) ?? 0 })),
  );
  const themes = deps.gaps ? (await deps.gaps.groups()).slice(0, 8) : [];
  const themeChart = hbarChartSvg(
    "Top unanswered themes",
    themes.map((g) => ({ label: g.text, value: g.count })),
  );
  const total = days.reduce((n, d) => n + d.answer + d.intent + d.social + d.decline, 0);
  const declined = days.reduce((n, d) => n + d.decline, 0);
  return html`<section><p>${total} questions in ${DAYS} days, ${declined} declined.</p>${svg(questions)}</section>
<div class="grid"><section>${svg(offerChart)}</section><section>${svg(topicChart)}</section></div>
<section>${svg(themeChart)}</section>`;
}

/** `/`: the overview. */
export async function overviewPage(deps: DashboardDeps, session: DashboardSession): Promise<Html> {
  return page({ title: "Overview", path: "/", csrf: session.csrf, body: await overviewBody(deps) });
}
