/**
 * The townhall: the review queue (approve, reject with a reason, merge into an
 * approved topic), the agenda with its votes, the polls' results as a chart,
 * and the export. Changes run `/townhall approve|reject|merge|export`.
 */
import type { Hono, Context as HonoContext } from "hono";
import { html } from "hono/html";
import { byRank, TOPIC_ID, type TopicView } from "../../core/agenda/model.ts";
import { cosine, SIMILAR_TOPIC_THRESHOLD } from "../../core/agenda/similar.ts";
import { hbarChartSvg } from "../../pictures/svg.ts";
import { csrfField, type Html, page, repliesText, svg } from "../layout.ts";
import type { DashboardDeps, Env, Tools } from "../server.ts";

const ID = TOPIC_ID;

/** Approved topics most alike first (the bot's embeddings of their titles); look-alikes marked. */
function mergeTargets(v: TopicView, approved: readonly TopicView[], vectors: Map<string, number[]>) {
  const q = vectors.get(v.topic.id) ?? [];
  return approved
    .map((a) => ({ a, s: cosine(q, vectors.get(a.topic.id) ?? []) }))
    .sort((x, y) => y.s - x.s)
    .map((x) => ({ topic: x.a.topic, alike: x.s >= SIMILAR_TOPIC_THRESHOLD }));
}

function pendingRow(v: TopicView, approved: readonly TopicView[], vectors: Map<string, number[]>, csrf: string): Html {
  const id = v.topic.id;
  const into = mergeTargets(v, approved, vectors).map(
    (m) => html`<option value="${m.topic.id}">${m.alike ? "≈ " : ""}${m.topic.id} ${m.topic.title}</option>`,
  );
  return html`<tr><td><strong>${id}</strong> ${v.topic.title}<br><span class="muted">${v.topic.details} — ${v.topic.proposerName}</span></td>
<td><form method="post" action="/townhall/approve">${csrfField(csrf)}<input type="hidden" name="id" value="${id}"><button>Approve</button></form>
<form method="post" action="/townhall/reject">${csrfField(csrf)}<input type="hidden" name="id" value="${id}"><input name="reason" required maxlength="300" placeholder="Reason"> <button class="danger">Reject</button></form>
${approved.length > 0 ? html`<form method="post" action="/townhall/merge">${csrfField(csrf)}<input type="hidden" name="id" value="${id}"><select name="into">${into}</select> <button>Merge</button></form>` : ""}</td></tr>`;
}

async function townhallBody(deps: DashboardDeps, csrf: string): Promise<Html> {
  const th = await deps.repos.agenda.currentOrLatest();
  if (!th) return html`<section><p>No townhall yet: open one with /townhall open in the chat.</p></section>`;
  const topics = await deps.repos.agenda.topics(th.id);
  // Oldest first, as /townhall review lists them.
  const pending = topics
    .filter((v) => v.status === "pending")
    .sort((a, b) => a.topic.createdAt.localeCompare(b.topic.createdAt) || a.topic.id.localeCompare(b.topic.id));
  const approved = topics.filter((v) => v.status === "approved").sort(byRank);
  const vectors = pending.length > 0 ? await deps.repos.agenda.embeddings(th.id) : new Map<string, number[]>();
  const polls = await deps.repos.polls.polls(th.id);
  const charts: Html[] = [];
  for (const p of polls.slice(0, 3)) {
    const r = await deps.repos.polls.result(p);
    const rows = p.options.map((label, i) => ({ label, value: r.tally.counts[i] ?? 0 }));
    const title = `${r.closed ? "Closed" : "Open"} poll ${p.id}: ${r.tally.voters} voters, all platforms`;
    const per = (await deps.repos.polls.tallyByPlatform?.(p)) ?? {};
    const platforms = Object.entries(per).map(([platform, t]) =>
      svg(
        hbarChartSvg(
          `${platform}: ${t.voters} voters`,
          p.options.map((label, i) => ({ label, value: t.counts[i] ?? 0 })),
        ),
      ),
    );
    charts.push(html`<section>${svg(hbarChartSvg(title, rows))}<div class="grid">${platforms}</div></section>`);
  }
  return html`<p>${th.name}${th.date ? ` (${th.date})` : ""} · ${th.closedAt ? "closed" : "open"} · export <a href="/townhall/export">Markdown</a> · <a href="/townhall/export?format=csv">CSV</a></p>
<section><h2>Review queue (${pending.length})</h2><table><tbody>${
    pending.length > 0
      ? pending.map((v) => pendingRow(v, approved, vectors, csrf))
      : html`<tr><td>Nothing to review.</td></tr>`
  }</tbody></table></section>
<section><h2>Agenda</h2><table><thead><tr><th>Topic</th><th>Votes</th></tr></thead><tbody>${approved.map(
    (v) => html`<tr><td><strong>${v.topic.id}</strong> ${v.topic.title}</td><td>${v.voters.length}</td></tr>`,
  )}</tbody></table></section>${charts}`;
}

/** Registers the townhall's routes. */
export function townhallRoutes(app: Hono<Env>, deps: DashboardDeps, tools: Tools): void {
  app.get("/townhall", async (c) => {
    const csrf = c.get("session").csrf;
    const body = await townhallBody(deps, csrf);
    return c.html(page({ title: "Townhall", path: "/townhall", csrf, flash: tools.takeFlash(c), body }));
  });
  const field = async (c: HonoContext<Env>, name: string) => {
    const v = (await c.req.parseBody())[name];
    return typeof v === "string" ? v.trim() : "";
  };
  app.post("/townhall/approve", async (c) => {
    const id = (await field(c, "id")).toUpperCase();
    tools.flash(c, ID.test(id) ? repliesText(await tools.act(c, "townhall", `approve ${id}`)) : "Unknown topic.");
    return c.redirect("/townhall", 303);
  });
  app.post("/townhall/reject", async (c) => {
    const id = (await field(c, "id")).toUpperCase();
    const reason = (await field(c, "reason")).replace(/\s+/g, " ");
    if (!ID.test(id) || !reason) tools.flash(c, "A rejection needs a topic and a reason; nothing changed.");
    else tools.flash(c, repliesText(await tools.act(c, "townhall", `reject ${id} ${reason}`)));
    return c.redirect("/townhall", 303);
  });
  app.post("/townhall/merge", async (c) => {
    const id = (await field(c, "id")).toUpperCase();
    const into = (await field(c, "into")).toUpperCase();
    const ok = ID.test(id) && ID.test(into);
    tools.flash(c, ok ? repliesText(await tools.act(c, "townhall", `merge ${id} ${into}`)) : "Unknown topic.");
    return c.redirect("/townhall", 303);
  });
  app.get("/townhall/export", async (c) => {
    const replies = await tools.act(c, "townhall", c.req.query("format") === "csv" ? "export csv" : "export md");
    const file = replies.find((r) => r.type === "file");
    if (file?.type !== "file") {
      tools.flash(c, repliesText(replies));
      return c.redirect("/townhall", 303);
    }
    return c.body(file.content, 200, {
      "content-type": `${file.mimeType}; charset=utf-8`,
      "content-disposition": `attachment; filename="${file.filename.replace(/[^\w.-]/g, "_")}"`,
    });
  });
}
