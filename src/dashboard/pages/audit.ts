/** The audit log with filters (action prefix, actor), newest first. */
import type { Context as HonoContext } from "hono";
import { html } from "hono/html";
import { type Html, page } from "../layout.ts";
import type { DashboardDeps, Env } from "../server.ts";

/** The most entries read for one page. */
const LIMIT = 500;

/** `/audit?action=offer.&actor=name`. */
export async function auditPage(deps: DashboardDeps, c: HonoContext<Env>): Promise<Html> {
  const action = (c.req.query("action") ?? "").trim().slice(0, 60);
  const actor = (c.req.query("actor") ?? "").trim().toLowerCase().slice(0, 60);
  const entries = (await deps.services.audit.recent(LIMIT, action || undefined)).filter(
    (e) => !actor || e.actorName.toLowerCase().includes(actor) || e.actorId.toLowerCase().includes(actor),
  );
  const rows = entries.map(
    (e) =>
      html`<tr><td>${e.at.slice(0, 19).replace("T", " ")}</td><td>${e.actorName} <span class="muted">${e.actorId}</span></td><td>${e.action}</td><td>${e.target}</td><td>${e.detail ?? ""}</td></tr>`,
  );
  const body = html`<section><form method="get" action="/audit">
<label>Action starts with <input name="action" value="${action}" placeholder="offer."></label>
<label>Actor <input name="actor" value="${actor}"></label> <button>Filter</button></form></section>
<section><table><thead><tr><th>When (UTC)</th><th>Who</th><th>Action</th><th>Target</th><th>Detail</th></tr></thead>
<tbody>${rows.length > 0 ? rows : html`<tr><td colspan="5">No entries.</td></tr>`}</tbody></table></section>`;
  return page({ title: "Audit log", path: "/audit", csrf: c.get("session").csrf, body });
}
