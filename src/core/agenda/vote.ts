/**
 * What members do with the agenda: read it (/agenda, one page or one topic),
 * support a topic and withdraw support (buttons or /upvote, /unvote), and vote
 * in the open poll from platforms without native polls (/pollvote).
 */
import type { Context } from "../feature.ts";
import { fill, t } from "../i18n.ts";
import { actionId, button, type Reply, text, update } from "../replies.ts";
import type { AgendaDeps } from "./deps.ts";
import { echo } from "./input.ts";
import { M } from "./messages.ts";
import { normaliseId, TOPIC_ID, TOWNHALL_ID } from "./model.ts";
import { POLL_PREFIX } from "./polls.ts";
import type { VoteTarget } from "./repo.ts";
import { agendaPage, agendaPageOf, CARD, PAGE_SIZE, topicCard, townhallLabel } from "./views.ts";

/** Most merges followed from a topic id to the topic that now holds its votes. */
const MAX_MERGE_HOPS = 5;

/** `/agenda [topicId | townhallId]`. */
export async function showAgenda(d: AgendaDeps, ctx: Context, args: string): Promise<Reply[]> {
  const arg = args.trim().split(/\s+/)[0] ?? "";
  if (!arg) return showPage(d, ctx, 0);
  const id = normaliseId(arg);
  if (TOPIC_ID.test(id)) return showTopic(d, ctx, id);
  if (TOWNHALL_ID.test(id)) return showPage(d, ctx, 0, id);
  return [text(fill(t(ctx.lang, M.badId), { input: echo(arg) }))];
}

/**
 * One page of the open townhall's agenda (else the latest one's), or of a given townhall. The
 * member's own votes are marked in a private chat only: a page in a group is read (and, after a
 * vote, redrawn) for everyone.
 */
export async function showPage(d: AgendaDeps, ctx: Context, page: number, townhallId?: string): Promise<Reply[]> {
  const th = townhallId ? await d.repo.townhall(townhallId) : await d.repo.currentOrLatest();
  if (!th) return [text(t(ctx.lang, townhallId ? M.noTownhall : M.noTownhallEver))];
  const open = await d.repo.isOpen(th.id);
  const marked = ctx.chat.type === "private" ? ctx.member.id : "";
  if (d.repo.rankedPage) {
    const safe = Number.isFinite(page) ? Math.max(0, Math.floor(page)) : 0;
    return [agendaPageOf(ctx.lang, th, open, await d.repo.rankedPage(th.id, safe, PAGE_SIZE, marked), marked !== "")];
  }
  return [agendaPage(ctx.lang, th, open, await d.repo.topics(th.id), page, marked)];
}

/**
 * A pager pressed on an agenda page: the page asked for, as an edit of the pressed message (a group
 * gets no new post from a page turn).
 */
export async function turnPage(d: AgendaDeps, ctx: Context, page: number, townhallId?: string): Promise<Reply[]> {
  const shown = await showPage(d, ctx, page, townhallId);
  return shown.map((r) => (r.type === "text" || r.type === "card" ? update(r, true) : r));
}

/** Where a pressed support button was: an agenda page (its number) or a topic card; none for a typed command. */
export type VoteSource = { readonly page: number } | { readonly card: string };

/** The source named by the last part of a button's id (`3`, `c`), if any. */
export function voteSource(topicId: string, last: string): VoteSource | undefined {
  if (last === CARD) return { card: normaliseId(topicId) };
  return /^\d{1,4}$/.test(last) ? { page: Number(last) } : undefined;
}

/** The pressed page or card as it reads now (its counts changed). */
async function redrawn(d: AgendaDeps, ctx: Context, source: VoteSource): Promise<Reply[]> {
  const [view] = "page" in source ? await showPage(d, ctx, source.page) : await showTopic(d, ctx, source.card);
  return view && (view.type === "text" || view.type === "card") ? [update(view)] : [];
}

/** One topic in full. Topics not on an agenda are shown only to their proposer and organisers. */
export async function showTopic(d: AgendaDeps, ctx: Context, rawId: string): Promise<Reply[]> {
  const id = normaliseId(rawId);
  if (!TOPIC_ID.test(id)) return [text(fill(t(ctx.lang, M.badId), { input: echo(rawId) }))];
  const view = await d.repo.topic(id);
  const visible =
    view &&
    (view.status === "approved" ||
      view.status === "merged" ||
      ctx.isOrganiser ||
      view.topic.proposerId === ctx.member.id);
  if (!view || !visible) return [text(fill(t(ctx.lang, M.notFound), { id }))];
  const th = await d.repo.townhall(view.topic.townhallId);
  return [topicCard(ctx.lang, view, th, await d.repo.isOpen(view.topic.townhallId))];
}

type Target = { ok: true; target: VoteTarget; note: string } | { ok: false; replies: Reply[] };

/**
 * The topic a member can support: merges followed, townhall open, topic on
 * the agenda. Kept to a few store calls, since a rush of presses runs it for
 * every one.
 */
async function votable(d: AgendaDeps, ctx: Context, rawId: string, command: string): Promise<Target> {
  const fail = (s: string): Target => ({ ok: false, replies: [text(s)] });
  if (!rawId.trim()) return fail(fill(t(ctx.lang, M.idNeeded), { command }));
  const id = normaliseId(rawId.trim());
  if (!TOPIC_ID.test(id)) return fail(fill(t(ctx.lang, M.badId), { input: echo(rawId) }));
  let target = await d.repo.voteTarget(id);
  let note = "";
  for (let hop = 0; target?.status === "merged" && target.into && hop < MAX_MERGE_HOPS; hop++) {
    note = fill(t(ctx.lang, M.redirected), { from: id, id: target.into });
    target = await d.repo.voteTarget(target.into);
  }
  if (!target) return fail(fill(t(ctx.lang, M.notFound), { id }));
  if (!(target.open ?? (await d.repo.isOpen(target.townhallId)))) {
    const th = await d.repo.townhall(target.townhallId);
    return fail(fill(t(ctx.lang, M.townhallClosed), { townhall: th ? townhallLabel(th) : target.townhallId }));
  }
  const values = { id: target.id };
  if (target.status === "pending") return fail(fill(t(ctx.lang, M.pendingTopic), values));
  if (target.status !== "approved") return fail(fill(t(ctx.lang, M.rejectedTopic), values));
  return { ok: true, target, note };
}

/**
 * Supports a topic: one vote per member however often pressed (the vote record is created with `add`).
 * Pressed on an agenda page or a topic card, the answer is a short private note and that message
 * redrawn with the new count (its own buttons withdraw or support again).
 */
export async function upvote(d: AgendaDeps, ctx: Context, rawId: string, source?: VoteSource): Promise<Reply[]> {
  const found = await votable(d, ctx, rawId, "upvote");
  if (!found.ok) return found.replies;
  const { target, note } = found;
  const added = await d.repo.addVote(target.townhallId, target.id, ctx.member.id, ctx.now);
  if (added) {
    // An organiser may have merged the topic between our check and our vote: follow the votes.
    const final = await d.repo.finalDecision(target.townhallId, target.id);
    if (final?.status === "merged" && final.into) await d.repo.moveVotes(target.townhallId, target.id, final.into);
  }
  const values = { id: target.id, title: target.title };
  if (source) {
    // Only a vote that changed something redraws the message (a rush of repeated presses does not).
    const body = note + fill(t(ctx.lang, added ? M.upvotedHere : M.alreadyUpvoted), values);
    return [text(body, { private: true }), ...(added ? await redrawn(d, ctx, source) : [])];
  }
  // No count here: listing every vote on each press would make a rush of presses quadratic.
  const body = note + fill(t(ctx.lang, added ? M.upvoted : M.alreadyUpvoted), values);
  return [text(body, { buttons: [button(actionId("ag", "un", target.id), t(ctx.lang, M.withdraw))], private: true })];
}

/** Withdraws a member's support of a topic; pressed on a topic card, the card is redrawn with the new count. */
export async function unvote(d: AgendaDeps, ctx: Context, rawId: string, source?: VoteSource): Promise<Reply[]> {
  const found = await votable(d, ctx, rawId, "unvote");
  if (!found.ok) return found.replies;
  const { target, note } = found;
  const removed = await d.repo.removeVote(target.townhallId, target.id, ctx.member.id);
  const values = { id: target.id };
  const answer = text(note + fill(t(ctx.lang, removed ? M.unvoted : M.notVoted), values), { private: true });
  return [answer, ...(removed && source ? await redrawn(d, ctx, source) : [])];
}

/** `/pollvote 1 3` or `/pollvote clear`: a ballot in the open poll, for platforms without native polls. */
export async function pollvote(d: AgendaDeps, ctx: Context, args: string): Promise<Reply[]> {
  const th = await d.repo.openOne();
  const poll = th ? await d.polls.openPoll(th.id) : undefined;
  if (!poll) return [text(t(ctx.lang, M.noPoll))];
  // Where the poll is posted on Discord, Discord's poll holds a Discord member's choice (and is read
  // back from its voters at close): a /pollvote ballot would replace it, and the tally would differ.
  if (ctx.member.platform === "discord") {
    const native = await d.services.store.list("pollnative", `${POLL_PREFIX}${poll.id}|discord:`);
    if (native.length > 0) return [text(t(ctx.lang, M.useNativePoll), { private: true })];
  }
  const words = args
    .trim()
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean);
  if (words.length === 0) return [text(t(ctx.lang, M.pollvoteUsage))];
  const clear = words.length === 1 && (words[0] === "clear" || words[0] === "0");
  const numbers = clear ? [] : words.map((w) => (/^\d{1,2}$/.test(w) ? Number(w) - 1 : -1));
  const badOption = [text(fill(t(ctx.lang, M.badOption), { n: poll.options.length }))];
  if (numbers.some((i) => i < 0 || i >= poll.options.length)) return badOption;
  const r = await d.polls.vote(poll.id, ctx.member.id, ctx.member.platform, numbers, ctx.now);
  if (!r.ok) return r.error === "badOption" ? badOption : [text(t(ctx.lang, M.pollClosed))];
  if (clear) return [text(t(ctx.lang, M.pollWithdrawn), { private: true })];
  const choices = [...new Set(numbers)]
    .sort((a, b) => a - b)
    .map((i) => `${i + 1}. ${poll.options[i] ?? ""}`)
    .join("; ");
  return [text(fill(t(ctx.lang, M.pollVoted), { choices }), { private: true })];
}
