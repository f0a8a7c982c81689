/**
 * Knowledge gaps: unanswered questions grouped by similarity; an organiser
 * writes the answer once in English and Chinese (a curated entry, every asker
 * told), and edits or withdraws the entries written so far.
 */
import type { Hono } from "hono";
import { html } from "hono/html";
import { answerGap, editCurated, withdrawCurated } from "../../core/dashboard/gaps.ts";
import type { CuratedEntry } from "../../core/faq/curated.ts";
import { questionLog } from "../../core/faq/log.ts";
import type { GapGroup } from "../gaps.ts";
import { csrfField, type Html, page } from "../layout.ts";
import type { DashboardDeps, Env, Tools } from "../server.ts";

/** Groups shown at once. */
const GROUPS = 30;

function groupForm(g: GapGroup, i: number, csrf: string): Html {
  return html`<section><h2>${g.text}</h2><p class="muted">Asked ${g.count === 1 ? "once" : `${g.count} times`}, last ${g.last.slice(0, 10)}${
    g.questions.length > 1 ? html` · also: ${g.questions.slice(1, 5).join(" · ")}` : ""
  }</p><form method="post" action="/gaps/answer" id="gap-${i}">${csrfField(csrf)}${g.questions.map(
    (q) => html`<input type="hidden" name="q" value="${q}">`,
  )}<label>Answer in English<br><textarea name="en" rows="3" cols="60" required maxlength="2000"></textarea></label><br>
<label>答案（中文）<br><textarea name="zh" rows="3" cols="60" required maxlength="2000"></textarea></label><br>
<button>Answer and tell the askers</button></form></section>`;
}

function entryForm(e: CuratedEntry, csrf: string): Html {
  return html`<tr><td><strong>${e.id}</strong> ${e.withdrawn ? "(withdrawn)" : ""}<br><span class="muted">${e.questions.join(" · ")}</span><br>${e.source}</td>
<td>${
    e.withdrawn
      ? html`<p>${e.answer.en}</p><p>${e.answer["zh-HK"]}</p>`
      : html`<form method="post" action="/gaps/${e.id}/edit">${csrfField(csrf)}<textarea name="en" rows="2" cols="40" required>${e.answer.en}</textarea><br>
<textarea name="zh" rows="2" cols="40" required>${e.answer["zh-HK"]}</textarea><br><button>Save</button></form>
<form method="post" action="/gaps/${e.id}/withdraw">${csrfField(csrf)}<button class="danger">Withdraw</button></form>`
  }</td></tr>`;
}

/** Registers the knowledge-gaps routes. */
export function gapRoutes(app: Hono<Env>, deps: DashboardDeps, tools: Tools): void {
  const gapDeps = () => {
    const { store, clock, notifier, audit, policy } = deps.services;
    const questions = questionLog(deps.services);
    return deps.curated ? { store, clock, notifier, audit, policy, questions, curated: deps.curated } : undefined;
  };
  const str = (v: unknown) => (typeof v === "string" ? v : "");

  app.get("/gaps", async (c) => {
    const csrf = c.get("session").csrf;
    const groups = deps.gaps ? (await deps.gaps.groups()).slice(0, GROUPS) : [];
    const entries = deps.curated ? await deps.curated.list() : [];
    const body = html`${groups.length > 0 ? groups.map((g, i) => groupForm(g, i, csrf)) : html`<section><p>No unanswered questions.</p></section>`}
<section><h2>Answers written by organisers (${entries.length})</h2><table><tbody>${entries.map((e) => entryForm(e, csrf))}</tbody></table></section>`;
    return c.html(page({ title: "Knowledge gaps", path: "/gaps", csrf, flash: tools.takeFlash(c), body }));
  });

  app.post("/gaps/answer", async (c) => {
    const d = gapDeps();
    const form = await c.req.parseBody({ all: true });
    const qs = (Array.isArray(form.q) ? form.q : [form.q]).map(str).filter(Boolean);
    const r = d
      ? await answerGap(d, c.get("session").member, qs, { en: str(form.en), "zh-HK": str(form.zh) })
      : undefined;
    tools.flash(
      c,
      r
        ? `Saved as ${r.entry.id}; ${r.told} members told the answer.`
        : "Nothing changed: both answers are needed, and the questions must still be open.",
    );
    return c.redirect("/gaps", 303);
  });

  app.post("/gaps/:id/edit", async (c) => {
    const d = gapDeps();
    const form = await c.req.parseBody();
    const answer = { en: str(form.en), "zh-HK": str(form.zh) };
    const ok = d ? await editCurated(d, c.get("session").member, c.req.param("id"), answer) : false;
    tools.flash(c, ok ? "Answer saved." : "Nothing changed: both answers are needed.");
    return c.redirect("/gaps", 303);
  });

  app.post("/gaps/:id/withdraw", async (c) => {
    const d = gapDeps();
    const ok = d ? await withdrawCurated(d, c.get("session").member, c.req.param("id")) : false;
    tools.flash(c, ok ? "Answer withdrawn." : "No such answer.");
    return c.redirect("/gaps", 303);
  });
}
