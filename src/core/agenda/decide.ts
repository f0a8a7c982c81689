/**
 * Organisers' decisions on topics: approve, reject (with a reason the
 * proposer is told), merge (votes move over, each supporter counted once).
 * A decision is a record created with the store's atomic `add`, so two
 * organisers acting at once cannot both decide the same topic.
 */
import type { Context } from "../feature.ts";
import { fill, t } from "../i18n.ts";
import type { Owed } from "../records.ts";
import { type Reply, text } from "../replies.ts";
import type { AgendaDeps } from "./deps.ts";
import { echo, line, MAX_REASON } from "./input.ts";
import { M, STATUS, votes } from "./messages.ts";
import { normaliseId, TOPIC_ID, type TopicView, type Townhall } from "./model.ts";
import { O } from "./organiser-messages.ts";
import { townhallLabel } from "./views.ts";

type Found = { ok: true; view: TopicView; th: Townhall } | { ok: false; replies: Reply[] };

/** Finds a topic an organiser may still change: known, and of the open townhall. */
export async function changeable(d: AgendaDeps, ctx: Context, rawId: string, command = "townhall"): Promise<Found> {
  if (!rawId.trim()) return { ok: false, replies: [text(fill(t(ctx.lang, M.idNeeded), { command }))] };
  const id = normaliseId(rawId);
  if (!TOPIC_ID.test(id)) return { ok: false, replies: [text(fill(t(ctx.lang, M.badId), { input: echo(rawId) }))] };
  const view = await d.repo.topic(id);
  const th = view ? await d.repo.townhall(view.topic.townhallId) : undefined;
  if (!view || !th) return { ok: false, replies: [text(fill(t(ctx.lang, M.notFound), { id }))] };
  if (!(await d.repo.isOpen(th.id))) {
    return { ok: false, replies: [text(fill(t(ctx.lang, M.townhallClosed), { townhall: townhallLabel(th) }))] };
  }
  return { ok: true, view, th };
}

function already(ctx: Context, v: TopicView): Reply[] {
  return [text(fill(t(ctx.lang, O.alreadyDecided), { id: v.topic.id, status: t(ctx.lang, STATUS[v.status]) }))];
}

/** What a decision owes: its audit entry, and the proposer's notice (written with it where the store can). */
function owed(ctx: Context, v: TopicView, action: string, message: string, detail?: string): Owed {
  const audit = { actor: ctx.member, action, target: v.topic.id, ...(detail === undefined ? {} : { detail }) };
  const proposer = v.topic.proposerId;
  return { audit, notices: proposer ? [{ to: "member", memberId: proposer, replies: [text(message)] }] : [] };
}

/** Approves a pending topic. */
export async function approve(d: AgendaDeps, ctx: Context, rawId: string): Promise<Reply[]> {
  const found = await changeable(d, ctx, rawId, "townhall approve");
  if (!found.ok) return found.replies;
  const { view, th } = found;
  if (view.status !== "pending") return already(ctx, view);
  const values = { id: view.topic.id, title: view.topic.title, townhall: townhallLabel(th) };
  const decided = await d.repo.decide(
    th.id,
    view.topic.id,
    "review",
    { status: "approved", by: ctx.member.id, at: ctx.now.toISOString() },
    owed(ctx, view, "topic.approve", fill(t(view.topic.lang, O.approvedNotice), values)),
  );
  if (!decided) return already(ctx, (await d.repo.topic(view.topic.id)) ?? view);
  return [text(fill(t(ctx.lang, O.approved), values))];
}

/** Rejects a pending or approved topic with a reason the proposer is told. */
export async function reject(d: AgendaDeps, ctx: Context, rawId: string, rawReason: string): Promise<Reply[]> {
  if (!rawReason.trim()) return [text(t(ctx.lang, O.rejectUsage))];
  const reason = line(rawReason, MAX_REASON);
  if (!reason.ok) return [text(t(ctx.lang, O.reasonBad))];
  const found = await changeable(d, ctx, rawId);
  if (!found.ok) return found.replies;
  const { view, th } = found;
  if (view.status !== "pending" && view.status !== "approved") return already(ctx, view);
  const values = { id: view.topic.id, title: view.topic.title, townhall: townhallLabel(th), reason: reason.value };
  const decided = await d.repo.decide(
    th.id,
    view.topic.id,
    "final",
    { status: "rejected", by: ctx.member.id, at: ctx.now.toISOString(), reason: reason.value },
    owed(ctx, view, "topic.reject", fill(t(view.topic.lang, O.rejectedNotice), values), reason.value),
  );
  if (!decided) return already(ctx, (await d.repo.topic(view.topic.id)) ?? view);
  return [text(fill(t(ctx.lang, O.rejected), values))];
}

/** Merges one topic into another of the same open townhall; the target must be on the agenda. */
export async function merge(d: AgendaDeps, ctx: Context, rawFrom: string, rawInto: string): Promise<Reply[]> {
  if (!rawFrom || !rawInto) return [text(t(ctx.lang, O.mergeUsage))];
  if (normaliseId(rawFrom) === normaliseId(rawInto)) return [text(t(ctx.lang, O.mergeSelf))];
  const from = await changeable(d, ctx, rawFrom);
  if (!from.ok) return from.replies;
  const into = await changeable(d, ctx, rawInto);
  if (!into.ok) return into.replies;
  if (from.th.id !== into.th.id) return [text(t(ctx.lang, O.mergeOther))];
  if (from.view.status !== "pending" && from.view.status !== "approved") return already(ctx, from.view);
  if (into.view.status !== "approved") {
    return [
      text(
        fill(t(ctx.lang, O.mergeTargetBad), { id: into.view.topic.id, status: t(ctx.lang, STATUS[into.view.status]) }),
      ),
    ];
  }
  const f = from.view.topic;
  const i = into.view.topic;
  const notice = { id: f.id, title: f.title, into: i.id, intoTitle: i.title };
  // Deciding a merge moves the votes with it, and owes the audit entry and the proposer's notice.
  const decided = await d.repo.decide(
    from.th.id,
    f.id,
    "final",
    { status: "merged", by: ctx.member.id, at: ctx.now.toISOString(), into: i.id },
    owed(ctx, from.view, "topic.merge", fill(t(f.lang, O.mergedNotice), notice), `into ${i.id}`),
  );
  if (!decided) return already(ctx, (await d.repo.topic(f.id)) ?? from.view);
  const n = (await d.repo.voters(from.th.id, i.id)).length;
  return [text(fill(t(ctx.lang, O.merged), { from: f.id, into: i.id, votes: votes(ctx.lang, n) }))];
}
