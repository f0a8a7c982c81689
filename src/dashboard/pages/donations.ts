/**
 * Donations: the pipeline by status, offers with filters, an offer's details
 * (contact details only here and in the organiser's private chat), a status
 * change with a note that the donor is told of, the CSV export, and the
 * public impact page (counts only). Changes run `/offerstatus`; the details
 * and the export run `/offer` and `/offers … export` (both audited there).
 * Counts come from the store's totals and the list is paged by the store
 * (newest first, each page from where the last ended), so a view reads a page
 * of offers, not all of them.
 */
import type { Hono } from "hono";
import { html } from "hono/html";
import { CATEGORIES, DISTRICTS, matchStatus, STATUSES, TRANSITIONS } from "../../core/donations/catalogue.ts";
import type { ImpactTotals, Offer, OfferCursor } from "../../core/donations/repo.ts";
import { impactOf, offerLine } from "../../core/donations/views.ts";
import { hbarChartSvg } from "../../pictures/svg.ts";
import { csrfField, type Html, page, repliesText, svg } from "../layout.ts";
import type { DashboardDeps, Env, Tools } from "../server.ts";

const REF = /^DON-[0-9A-Z]{4,6}$/;
/** Offers listed on one page. */
const LIST_LIMIT = 200;

/** Filters from the query string, only values of the fixed lists. */
function filters(q: (k: string) => string | undefined) {
  const status = matchStatus(q("status") ?? "");
  const category = CATEGORIES.find((c) => c.value === q("category"))?.value;
  const district = DISTRICTS.find((d) => d.value === q("district"));
  return { status, category, district };
}

/** One page of the list: the offers matching the filters, how many match, and where the page ended. */
interface ListPage {
  readonly total: number;
  readonly offers: readonly Offer[];
  /** The offer the page starts after (absent on the first page). */
  readonly after?: string | undefined;
  /** Whether older offers follow. */
  readonly more: boolean;
}

function select(name: string, options: readonly [string, string][], current: string | undefined): Html {
  return html`<select name="${name}"><option value="">any ${name}</option>${options.map(
    ([v, l]) => html`<option value="${v}" ${v === current ? "selected" : ""}>${l}</option>`,
  )}</select>`;
}

function listBody(totals: ImpactTotals, list: ListPage, f: ReturnType<typeof filters>): Html {
  const counts = STATUSES.map((s) => ({ label: s.replace("_", " "), value: totals.byStatus.get(s)?.offers ?? 0 }));
  const filtered = {
    ...(f.status ? { status: f.status } : {}),
    ...(f.category ? { category: f.category } : {}),
    ...(f.district ? { district: f.district.value } : {}),
  };
  const qs = new URLSearchParams(filtered).toString();
  const rows = list.offers.map(
    (o) => html`<tr><td><a href="/donations/${o.ref}">${o.ref}</a></td><td>${offerLine(o, "en")}</td></tr>`,
  );
  const last = list.offers.at(-1);
  const older =
    list.more && last ? `/donations?${new URLSearchParams({ ...filtered, after: last.ref }).toString()}` : undefined;
  const shown = list.after
    ? `, ${list.offers.length} older than ${list.after} shown`
    : list.total > list.offers.length
      ? `, newest ${list.offers.length} shown`
      : "";
  const pager = [
    list.after ? html`<a href="/donations${qs ? `?${qs}` : ""}">Newest offers</a>` : "",
    older ? html`<a href="${older}" rel="next">Older offers</a>` : "",
  ].filter((x) => x !== "");
  return html`<section>${svg(hbarChartSvg("Pipeline by status", counts))}</section>
<section><form method="get" action="/donations">
${select(
  "status",
  STATUSES.map((s) => [s, s.replace("_", " ")]),
  f.status,
)}
${select(
  "category",
  CATEGORIES.map((c) => [c.value, c.label.en]),
  f.category,
)}
${select(
  "district",
  DISTRICTS.map((d) => [d.value, d.label.en]),
  f.district?.value,
)}
<button>Filter</button> <a href="/donations.csv${qs ? `?${qs}` : ""}">CSV export</a> · <a href="/impact">Public impact page</a></form>
<p>${list.total} offers${shown}.</p>
<table><tbody>${rows}</tbody></table>${pager.length > 0 ? html`<nav class="pager">${pager.map((a, i) => (i > 0 ? html` · ${a}` : a))}</nav>` : ""}</section>`;
}

/**
 * A page of offers from the store: the newest matching, or those older than `after` (a reference:
 * the last offer of the previous page). One more than a page is read, to know whether more follow.
 */
async function listPage(deps: DashboardDeps, f: ReturnType<typeof filters>, afterRef: string): Promise<ListPage> {
  const from = REF.test(afterRef) ? await deps.repos.offers.get(afterRef) : undefined;
  const cursor: OfferCursor | undefined = from ? { createdAt: from.createdAt, ref: from.ref } : undefined;
  const filter = { status: f.status, category: f.category, district: f.district?.value };
  const { total, offers } = await deps.repos.offers.newest(filter, LIST_LIMIT + 1, cursor);
  return { total, offers: offers.slice(0, LIST_LIMIT), after: from?.ref, more: offers.length > LIST_LIMIT };
}

/** The public impact page: totals by category and status, nothing personal. */
export async function impactPage(deps: DashboardDeps): Promise<Html> {
  const totals = await deps.repos.offers.impact();
  const byCat = CATEGORIES.map((c) => ({ label: c.label.en, value: totals.byCategory.get(c.value)?.items ?? 0 }));
  const body = html`<section>${svg(hbarChartSvg("Items offered by category", byCat))}</section>
<section><pre style="white-space:pre-wrap">${impactOf(totals, "en")}</pre></section>`;
  return page({ title: "Our donation drive", path: "/impact", body });
}

/** Registers the donations' routes. */
export function donationRoutes(app: Hono<Env>, deps: DashboardDeps, tools: Tools): void {
  app.get("/donations", async (c) => {
    const f = filters((k) => c.req.query(k));
    const after = (c.req.query("after") ?? "").toUpperCase();
    const [totals, list] = await Promise.all([deps.repos.offers.impact(), listPage(deps, f, after)]);
    const body = listBody(totals, list, f);
    const csrf = c.get("session").csrf;
    return c.html(page({ title: "Donations", path: "/donations", csrf, flash: tools.takeFlash(c), body }));
  });

  app.get("/donations.csv", async (c) => {
    const f = filters((k) => c.req.query(k));
    const args = [f.status, f.category, f.district?.label.en, "export"].filter(Boolean).join(" ");
    const file = (await tools.act(c, "offers", args)).find((r) => r.type === "file");
    if (file?.type !== "file") return c.text("Nothing to export.", 404);
    return c.body(file.content, 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${file.filename.replace(/[^\w.-]/g, "_")}"`,
      "cache-control": "no-store",
    });
  });

  app.get("/donations/:ref", async (c) => {
    const ref = c.req.param("ref").toUpperCase();
    const o = REF.test(ref) ? await deps.repos.offers.get(ref) : undefined;
    if (!o) return c.html(page({ title: "Unknown offer", path: "/donations", body: html`<p>No such offer.</p>` }), 404);
    const csrf = c.get("session").csrf;
    const shown = await tools.act(c, "offer", o.ref);
    const card = shown.find((r) => r.type === "card");
    const details =
      card?.type === "card"
        ? html`<table><tbody>${(card.fields ?? []).map((f) => html`<tr><th scope="row">${f.label}</th><td>${f.value}</td></tr>`)}</tbody></table>`
        : html`<p>${repliesText(shown)}</p>`;
    const moves = TRANSITIONS[o.status].map((s) => html`<option value="${s}">${s.replace("_", " ")}</option>`);
    const history = o.history.map(
      (e) =>
        html`<li>${e.at.slice(0, 16).replace("T", " ")}: ${e.status} (${e.by})${e.note ? ` — ${e.note}` : ""}</li>`,
    );
    const form =
      moves.length > 0
        ? html`<form method="post" action="/donations/${o.ref}/status">${csrfField(csrf)}
<label>New status <select name="to">${moves}</select></label><br>
<label>Note to the donor <textarea name="note" maxlength="500" rows="2"></textarea></label><br><button>Change status</button></form>`
        : html`<p>This offer is closed.</p>`;
    const body = html`<section>${details}</section>
<section><h2>Status</h2>${form}<ul>${history}</ul></section><p><a href="/donations">All offers</a></p>`;
    return c.html(page({ title: o.ref, path: "/donations", csrf, flash: tools.takeFlash(c), body }));
  });

  app.post("/donations/:ref/status", async (c) => {
    const ref = c.req.param("ref").toUpperCase();
    const form = await c.req.parseBody();
    const to = matchStatus(typeof form.to === "string" ? form.to : "");
    const note = typeof form.note === "string" ? form.note.replace(/\s+/g, " ").trim() : "";
    if (!REF.test(ref) || !to) tools.flash(c, "Unknown offer or status; nothing changed.");
    else {
      // The confirmation line only: the page shows the offer itself.
      const replies = await tools.act(c, "offerstatus", `${ref} ${to} ${note}`.trim());
      tools.flash(c, repliesText(replies.filter((r) => r.type === "text")));
    }
    return c.redirect(REF.test(ref) ? `/donations/${ref}` : "/donations", 303);
  });
}
