/** The organisers' review queue: pending topics with approve, reject and merge buttons. */
import type { Context } from "../feature.ts";
import { fill, type Localised, t } from "../i18n.ts";
import { actionId, button, type CardReply, type Reply, text } from "../replies.ts";
import type { Lang } from "../types.ts";
import type { AgendaDeps } from "./deps.ts";
import { M } from "./messages.ts";
import type { TopicView } from "./model.ts";
import { bilingual, O } from "./organiser-messages.ts";
import { cosine, SIMILAR_TOPIC_THRESHOLD } from "./similar.ts";
import { townhallLabel } from "./views.ts";

/** Pending topics shown at once (each is a card with its own buttons). */
export const REVIEW_PAGE = 5;

function say(lang: Lang | undefined, s: Localised): string {
  return lang ? t(lang, s) : bilingual(s);
}

/** A pending topic with approve, reject and merge-into buttons; bilingual when `lang` is undefined. */
export function reviewCard(lang: Lang | undefined, v: TopicView, mergeTargets: readonly TopicView[]): CardReply {
  const id = v.topic.id;
  return {
    type: "card",
    title: `${say(lang, O.newTopic)}: ${id} ${v.topic.title}`,
    body: v.topic.details || say(lang, M.noDetails),
    fields: [{ label: say(lang, O.proposedBy), value: v.topic.proposerName || "-" }],
    buttons: [
      button(actionId("ag", "ap", id), say(lang, O.approve), "primary"),
      button(actionId("ag", "rj", id), say(lang, O.reject), "danger"),
      ...mergeTargets.map((m) =>
        button(actionId("ag", "mi", id, m.topic.id), fill(say(lang, O.mergeInto), { id: m.topic.id })),
      ),
    ],
  };
}

/** `/townhall review [page]`: a page of pending topics, oldest first, with merge suggestions. */
export async function reviewQueue(d: AgendaDeps, ctx: Context, page: number): Promise<Reply[]> {
  const th = await d.repo.openOne();
  if (!th) return [text(t(ctx.lang, O.noneOpen))];
  const topics = await d.repo.topics(th.id);
  const pending = topics
    .filter((v) => v.status === "pending")
    .sort((a, b) => a.topic.createdAt.localeCompare(b.topic.createdAt) || a.topic.id.localeCompare(b.topic.id));
  if (pending.length === 0) return [text(fill(t(ctx.lang, O.reviewEmpty), { townhall: townhallLabel(th) }))];
  const last = Math.max(0, Math.ceil(pending.length / REVIEW_PAGE) - 1);
  const p = Math.min(Math.max(0, page), last);
  const slice = pending.slice(p * REVIEW_PAGE, (p + 1) * REVIEW_PAGE);
  const approved = topics.filter((v) => v.status === "approved");
  const vectors = await d.repo.embeddings(th.id);
  const targets = (v: TopicView) => {
    const q = vectors.get(v.topic.id) ?? [];
    return approved
      .map((a) => ({ a, s: cosine(q, vectors.get(a.topic.id) ?? []) }))
      .filter((x) => x.s >= SIMILAR_TOPIC_THRESHOLD)
      .sort((x, y) => y.s - x.s)
      .slice(0, 2)
      .map((x) => x.a);
  };
  const head = fill(t(ctx.lang, O.reviewHead), {
    townhall: townhallLabel(th),
    from: p * REVIEW_PAGE + 1,
    to: p * REVIEW_PAGE + slice.length,
    total: pending.length,
  });
  const nav = [];
  if (p > 0) nav.push(button(actionId("ag", "rv", p - 1), t(ctx.lang, M.previous)));
  if (p < last) nav.push(button(actionId("ag", "rv", p + 1), t(ctx.lang, M.next)));
  return [text(head, nav.length > 0 ? { buttons: nav } : {}), ...slice.map((v) => reviewCard(ctx.lang, v, targets(v)))];
}
