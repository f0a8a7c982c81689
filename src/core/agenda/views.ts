/** Turns agenda records into replies: bounded lists, topic cards, poll texts. */
import { fill, t } from "../i18n.ts";
import { actionId, type Button, button, type CardReply, type Reply, text } from "../replies.ts";
import type { Lang } from "../types.ts";
import { M, STATUS, votes } from "./messages.ts";
import { byRank, type Poll, type Tally, type TopicView, type Townhall } from "./model.ts";
import type { RankedPage } from "./repo.ts";

/** The last part of a support button's id on a topic card (on an agenda page it is the page number). */
export const CARD = "c";

/** Topics per page of /agenda and of the review queue. */
export const PAGE_SIZE = 10;

/** `name (date)` of a townhall. */
export function townhallLabel(th: Townhall): string {
  return th.date ? `${th.name} (${th.date})` : th.name;
}

/** The approved topics of a townhall, most supported first. */
export function ranked(topics: readonly TopicView[]): TopicView[] {
  return topics.filter((v) => v.status === "approved").sort(byRank);
}

/** The page number within bounds. */
export function clampPage(page: number, total: number): number {
  const last = Math.max(0, Math.ceil(total / PAGE_SIZE) - 1);
  return Math.min(Math.max(0, Number.isFinite(page) ? Math.floor(page) : 0), last);
}

/** Previous/next buttons of a paged list whose pages are `ag:<verb>:<n>[:<extra>]`. */
export function pager(lang: Lang, verb: string, page: number, total: number, extra?: string): Button[] {
  const ids = (n: number) => (extra ? actionId("ag", verb, n, extra) : actionId("ag", verb, n));
  const out: Button[] = [];
  if (page > 0) out.push(button(ids(page - 1), t(lang, M.previous)));
  if ((page + 1) * PAGE_SIZE < total) out.push(button(ids(page + 1), t(lang, M.next)));
  return out;
}

/**
 * One page of a townhall's agenda: ranked lines with vote counts, a support button per topic, paging;
 * `memberId`'s support marked (none when empty).
 */
export function agendaPage(
  lang: Lang,
  th: Townhall,
  open: boolean,
  topics: readonly TopicView[],
  page: number,
  memberId: string,
): Reply {
  const list = ranked(topics);
  const p = clampPage(page, list.length);
  const rows = list
    .slice(p * PAGE_SIZE, (p + 1) * PAGE_SIZE)
    .map((v) => ({ topic: v.topic, votes: v.voters.length, mine: v.voters.includes(memberId) }));
  return agendaPageOf(lang, th, open, { total: list.length, page: p, rows }, memberId !== "");
}

/**
 * One page of an agenda already ranked and counted (by the store). `marked`: drawn for one member,
 * their support marked; otherwise (a group's page) the foot does not speak of marks.
 */
export function agendaPageOf(lang: Lang, th: Townhall, open: boolean, ranked: RankedPage, marked = true): Reply {
  const label = townhallLabel(th);
  if (ranked.total === 0) return text(fill(t(lang, M.agendaEmpty), { townhall: label }));
  const p = ranked.page;
  const slice = ranked.rows;
  const head = fill(t(lang, M.agendaHead), {
    townhall: th.name,
    date: `${th.date ? ` (${th.date})` : ""}${open ? "" : t(lang, M.closedNote)}`,
    from: p * PAGE_SIZE + 1,
    to: p * PAGE_SIZE + slice.length,
    total: ranked.total,
  });
  const lines = slice.map((v, i) => {
    const mine = v.mine ? " ✓" : "";
    return `${p * PAGE_SIZE + i + 1}. ${v.topic.id} ${v.topic.title} (${votes(lang, v.votes)})${mine}`;
  });
  const buttons = open
    ? // The page number comes back with a press, so that the page is redrawn with the new count.
      slice.map((v) => button(actionId("ag", "up", v.topic.id, p), fill(t(lang, M.support), { id: v.topic.id })))
    : [];
  buttons.push(...pager(lang, "pg", p, ranked.total, open ? undefined : th.id));
  const foot = t(lang, marked ? M.agendaFoot : M.agendaFootShared);
  return text([head, "", ...lines, "", foot].join("\n"), { buttons });
}

/** One topic in full. */
export function topicCard(lang: Lang, v: TopicView, th: Townhall | undefined, open: boolean): CardReply {
  const fields = [
    { label: t(lang, M.fieldStatus), value: t(lang, STATUS[v.status]) },
    { label: t(lang, M.fieldVotes), value: votes(lang, v.voters.length) },
    { label: t(lang, M.fieldTownhall), value: th ? townhallLabel(th) : v.topic.townhallId },
    { label: t(lang, M.fieldProposed), value: v.topic.createdAt.slice(0, 10) },
  ];
  if (v.decision?.status === "rejected" && v.decision.reason) {
    fields.push({ label: t(lang, M.fieldReason), value: v.decision.reason });
  }
  if (v.decision?.into) fields.push({ label: t(lang, M.fieldMergedInto), value: v.decision.into });
  const buttons =
    open && v.status === "approved"
      ? [
          // `c`: pressed on the card, which is redrawn with the new count.
          button(actionId("ag", "up", v.topic.id, CARD), t(lang, M.supportTopic), "primary"),
          button(actionId("ag", "un", v.topic.id, CARD), t(lang, M.withdraw)),
        ]
      : [];
  return {
    type: "card",
    title: `${v.topic.id} ${v.topic.title}`,
    body: v.topic.details || t(lang, M.noDetails),
    fields,
    buttons,
  };
}

/** The text of a poll where platforms have no native poll, with how to vote from the console. */
export function pollFallback(lang: Lang, poll: Poll): string {
  const options = poll.options.map((o, i) => `${i + 1}. ${o}`);
  return [poll.question, "", ...options, "", t(lang, M.pollFallbackFoot)].join("\n");
}

/** A tally as ranked lines: `1. Title: 12`. */
export function tallyLines(lang: Lang, poll: Poll, tally: Tally): string[] {
  return poll.options
    .map((o, i) => ({ o, n: tally.counts[i] ?? 0, i }))
    .sort((a, b) => b.n - a.n || a.i - b.i)
    .map((r, rank) => `${rank + 1}. ${r.o} (${votes(lang, r.n)})`);
}
