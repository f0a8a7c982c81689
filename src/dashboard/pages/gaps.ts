/** The knowledge-gaps page: unanswered questions grouped by similarity. */
import type { Hono } from "hono";
import { html } from "hono/html";
import { page } from "../layout.ts";
import type { DashboardDeps, Env, Tools } from "../server.ts";

/** Registers the knowledge-gaps routes. */
export function gapRoutes(app: Hono<Env>, deps: DashboardDeps, tools: Tools): void {
  app.get("/gaps", async (c) => {
    const groups = deps.gaps ? await deps.gaps.groups() : [];
    const rows = groups.map(
      (g) =>
        html`<tr><td>${g.count}</td><td>${g.text}${g.questions.length > 1 ? html`<br><span class="muted">${g.questions.slice(1, 4).join(" · ")}</span>` : ""}</td><td>${g.last.slice(0, 10)}</td></tr>`,
    );
    const body = html`<section><table><thead><tr><th>Asked</th><th>Question</th><th>Last</th></tr></thead>
<tbody>${rows.length > 0 ? rows : html`<tr><td colspan="3">No unanswered questions.</td></tr>`}</tbody></table></section>`;
    const csrf = c.get("session").csrf;
    return c.html(page({ title: "Knowledge gaps", path: "/gaps", csrf, flash: tools.takeFlash(c), body }));
  });
}
