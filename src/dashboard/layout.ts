/**
 * The pages' frame: a small, phone-friendly layout (one column under 700 px),
 * navigation, a flash message, and the helpers forms use (every change is a
 * POST carrying the session's CSRF token). Text is escaped by `hono/html`.
 */
import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { Reply } from "../core/replies.ts";

/** What a page render returns. */
export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

const STYLE = `
*{box-sizing:border-box}body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1b1f24;background:#f6f7f9}
header{background:#12355b;color:#fff;padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:.8rem;align-items:center}
header a{color:#fff;text-decoration:none}header a.on{text-decoration:underline}header form{margin-left:auto}
main{max-width:1000px;margin:0 auto;padding:1rem}section{background:#fff;border-radius:8px;padding:1rem;margin:0 0 1rem;box-shadow:0 1px 2px #0002}
table{border-collapse:collapse;width:100%;font-size:.92rem}td,th{border-bottom:1px solid #e3e6ea;padding:.35rem;text-align:left;vertical-align:top}
svg{max-width:100%;height:auto}.flash{background:#e7f4e4;border:1px solid #9cc79a;padding:.6rem;border-radius:6px;margin-bottom:1rem;white-space:pre-wrap}
.err{background:#fbe9e9;border-color:#d99}input,select,textarea,button{font:inherit;padding:.35rem;margin:.15rem 0;max-width:100%}
button{cursor:pointer;border:1px solid #12355b;background:#12355b;color:#fff;border-radius:4px}button.danger{background:#a32020;border-color:#a32020}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(280px,1fr));gap:1rem}.muted{color:#667}
@media (max-width:700px){table,thead,tbody,tr,td,th{display:block}thead th{display:none}th[scope=row]{border:0;padding:.15rem .15rem 0}td{border:0;padding:.15rem}tr{border-bottom:1px solid #ddd;padding:.4rem 0}}
`;

const NAV: readonly [string, string][] = [
  ["/", "Overview"],
  ["/townhall", "Townhall"],
  ["/donations", "Donations"],
  ["/gaps", "Knowledge gaps"],
  ["/audit", "Audit log"],
];

/** A full page for a signed-in organiser. */
export function page(opts: {
  title: string;
  path: string;
  csrf?: string;
  flash?: string | undefined;
  body: Html;
}): Html {
  const nav = NAV.map(
    ([href, label]) => html`<a href="${href}" class="${href === opts.path ? "on" : ""}">${label}</a>`,
  );
  const signout = opts.csrf
    ? html`<form method="post" action="/signout">${csrfField(opts.csrf)}<button>Sign out</button></form>`
    : "";
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${opts.title} · BAHK organisers</title><style>${raw(STYLE)}</style></head>
<body><header><strong>BAHK organisers</strong>${opts.csrf ? nav : ""}${signout}</header>
<main><h1>${opts.title}</h1>${opts.flash ? html`<div class="flash" role="status">${opts.flash}</div>` : ""}${opts.body}</main></body></html>`;
}

/** The hidden CSRF field every form carries. */
export function csrfField(csrf: string): Html {
  return html`<input type="hidden" name="_csrf" value="${csrf}">`;
}

/** Inline SVG built by src/pictures (its text is escaped there). */
export function svg(markup: string): Html {
  return raw(markup);
}

/** The readable text of the core's replies (what the chat would have shown), for a flash message. */
export function repliesText(replies: readonly Reply[]): string {
  return replies
    .map((r) => {
      switch (r.type) {
        case "text":
          return r.text;
        case "card":
          return [r.title, r.body ?? "", ...(r.fields ?? []).map((f) => `${f.label}: ${f.value}`)]
            .filter(Boolean)
            .join("\n");
        case "choice":
          return r.prompt;
        case "file":
          return r.caption ?? r.filename;
        case "poll":
        case "form":
          return r.fallbackText;
        default:
          return "";
      }
    })
    .filter(Boolean)
    .join("\n\n");
}
