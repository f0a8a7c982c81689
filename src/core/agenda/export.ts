/**
 * The agenda as a file to circulate: Markdown (ranked topics with details and
 * vote counts, the poll result when there is one) and CSV. Members' text is
 * escaped for each format: Markdown punctuation is backslashed, CSV cells are
 * quoted where they must be, and cells that a spreadsheet would run as formulas are defused.
 * Proposers' names are left out: the file is meant to be shared.
 */
import { csvLines, csvRow } from "../csv.ts";
import type { FileReply } from "../replies.ts";
import type { Poll, Tally, TopicView, Townhall } from "./model.ts";
import { ranked } from "./views.ts";

/**
 * Escapes Markdown so members' text stays literal: emphasis, code, links, HTML
 * and table characters anywhere; headings, lists and quotes at a line start.
 */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/([\\`*_[\]<>|~])/g, "\\$1")
    .replace(/^(\s*)([#+\-=])/gm, "$1\\$2")
    .replace(/^(\s*\d+)([.)])/gm, "$1\\$2");
}

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || "townhall"
  );
}

/** The Markdown export of a townhall's agenda. */
export function agendaMarkdown(
  th: Townhall,
  topics: readonly TopicView[],
  poll?: { poll: Poll; tally: Tally; closed: boolean },
): FileReply {
  const list = ranked(topics);
  const out = [`# ${escapeMarkdown(th.name)}`, ""];
  if (th.date) out.push(`Date: ${th.date}`, "");
  out.push(`Topics on the agenda, most supported first: ${list.length}`, "");
  list.forEach((v, i) => {
    const n = v.voters.length;
    out.push(`## ${i + 1}. ${escapeMarkdown(v.topic.title)}`, "");
    out.push(`${v.topic.id} · ${n} ${n === 1 ? "vote" : "votes"}`, "");
    if (v.topic.details) out.push(escapeMarkdown(v.topic.details), "");
  });
  if (poll) {
    out.push(`## Poll result${poll.closed ? "" : " (still open)"}`, "");
    out.push(`${poll.tally.voters} ${poll.tally.voters === 1 ? "member" : "members"} voted.`, "");
    poll.poll.options.forEach((o, i) => {
      out.push(`- ${escapeMarkdown(o)}: ${poll.tally.counts[i] ?? 0}`);
    });
    out.push("");
  }
  return {
    type: "file",
    filename: `${slug(th.name)}-agenda.md`,
    mimeType: "text/markdown",
    content: out.join("\n"),
  };
}

/** The CSV export: one row per topic on the agenda, ranked. */
export function agendaCsv(th: Townhall, topics: readonly TopicView[]): FileReply {
  const rows = [csvRow(["rank", "id", "title", "details", "votes", "proposed"])];
  ranked(topics).forEach((v, i) => {
    rows.push(
      csvRow([i + 1, v.topic.id, v.topic.title, v.topic.details, v.voters.length, v.topic.createdAt.slice(0, 10)]),
    );
  });
  return {
    type: "file",
    filename: `${slug(th.name)}-agenda.csv`,
    mimeType: "text/csv",
    content: csvLines(rows),
  };
}
