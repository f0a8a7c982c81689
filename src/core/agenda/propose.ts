/**
 * /propose: title (and details, asked for when missing), then a check for
 * topics that mean the same; the member may support one of those instead,
 * propose anyway or cancel. The per-member limit is enforced atomically when
 * the topic is saved.
 */
import type { Context } from "../feature.ts";
import { fill, t } from "../i18n.ts";
import { actionId, button, type Reply, text } from "../replies.ts";
import type { Session } from "../session.ts";
import { cleanLine, truncate } from "../text.ts";
import { type AgendaDeps, FEATURE, SESSION_TTL_MS } from "./deps.ts";
import { checkProposal, defuseMentions, type InputError, splitProposal } from "./input.ts";
import { M } from "./messages.ts";
import type { Topic, Townhall } from "./model.ts";
import { reviewCard } from "./review.ts";
import { findSimilar } from "./similar.ts";
import { townhallLabel } from "./views.ts";

interface Draft {
  readonly townhallId: string;
  readonly title?: string;
  readonly details?: string;
}

/** Reads a draft back from session data, trusting nothing about its shape. */
function draftOf(data: Readonly<Record<string, unknown>>): Draft {
  const str = (v: unknown) => (typeof v === "string" ? v : undefined);
  const title = str(data.title);
  const details = str(data.details);
  return {
    townhallId: str(data.townhallId) ?? "",
    ...(title === undefined ? {} : { title }),
    ...(details === undefined ? {} : { details }),
  };
}

function inputError(lang: Context["lang"], e: InputError | "details", detail?: string): Reply[] {
  if (e === "tooLong") return [text(fill(t(lang, M.titleTooLong), { n: detail ?? "" }))];
  if (e === "details") return [text(fill(t(lang, M.detailsTooLong), { n: detail ?? "" }))];
  return [text(t(lang, M.titleEmpty))];
}

async function limitReply(d: AgendaDeps, ctx: Context, th: Townhall): Promise<Reply[] | undefined> {
  const used = await d.repo.usedSlots(th.id, ctx.member.id);
  if (used < d.opts.maxProposalsPerMember) return undefined;
  return [text(fill(t(ctx.lang, M.limitReached), { max: d.opts.maxProposalsPerMember, townhall: townhallLabel(th) }))];
}

async function setStep(d: AgendaDeps, ctx: Context, step: string, draft: Draft): Promise<void> {
  await d.services.sessions.set(ctx.member.id, { feature: FEATURE, step, data: { ...draft } }, SESSION_TTL_MS);
}

/** `/propose [title [| details]]`. */
export async function propose(d: AgendaDeps, ctx: Context, args: string): Promise<Reply[]> {
  const th = await d.repo.openOne();
  if (!th) return [text(t(ctx.lang, M.noTownhall))];
  const limited = await limitReply(d, ctx, th);
  if (limited) return limited;
  if (!args.trim()) {
    await setStep(d, ctx, "title", { townhallId: th.id });
    return [text(fill(t(ctx.lang, M.askTitle), { townhall: townhallLabel(th) }))];
  }
  return withText(d, ctx, th, splitProposal(args));
}

async function withText(
  d: AgendaDeps,
  ctx: Context,
  th: Townhall,
  raw: { title: string; details?: string },
): Promise<Reply[]> {
  const checked = checkProposal(raw);
  if (!checked.ok) return inputError(ctx.lang, checked.error, checked.detail);
  const { title, details } = checked.value;
  if (details === undefined) {
    await setStep(d, ctx, "details", { townhallId: th.id, title });
    return [text(t(ctx.lang, M.askDetails), { buttons: [button(actionId(FEATURE, "nd"), t(ctx.lang, M.skip))] })];
  }
  return compare(d, ctx, th, title, details);
}

async function compare(d: AgendaDeps, ctx: Context, th: Townhall, title: string, details: string): Promise<Reply[]> {
  const query = await d.services.embedder.embedQuery(title);
  const similar = await findSimilar(
    d.services.embedder,
    query,
    await d.repo.topics(th.id),
    await d.repo.embeddings(th.id),
  );
  if (similar.length === 0) return save(d, ctx, th, title, details, query);
  await setStep(d, ctx, "confirm", { townhallId: th.id, title, details });
  const list = similar.map((s) => `• ${s.view.topic.id} ${s.view.topic.title}`).join("\n");
  const choices = [
    ...similar
      .filter((s) => s.view.status === "approved")
      .map((s) =>
        button(actionId(FEATURE, "ui", s.view.topic.id), fill(t(ctx.lang, M.supportInstead), { id: s.view.topic.id })),
      ),
    button(actionId(FEATURE, "pa"), t(ctx.lang, M.proposeAnyway), "primary"),
    button(actionId(FEATURE, "cx"), t(ctx.lang, M.cancel), "secondary"),
  ];
  return [
    { type: "choice", prompt: fill(t(ctx.lang, M.similarFound), { townhall: townhallLabel(th), list }), choices },
  ];
}

async function save(
  d: AgendaDeps,
  ctx: Context,
  th: Townhall,
  title: string,
  details: string,
  embedding: readonly number[],
): Promise<Reply[]> {
  await d.services.sessions.clear(ctx.member.id);
  if (!(await d.repo.isOpen(th.id))) return [text(t(ctx.lang, M.noTownhall))];
  if (!(await d.repo.takeSlot(th.id, ctx.member.id, d.opts.maxProposalsPerMember))) {
    return (await limitReply(d, ctx, th)) ?? [];
  }
  const mode = await d.repo.moderation(d.opts.moderation);
  let topic: Topic;
  try {
    topic = {
      id: await d.repo.newTopicId(th.id),
      townhallId: th.id,
      title,
      details,
      proposerId: ctx.member.id,
      proposerName: truncate(defuseMentions(cleanLine(ctx.member.displayName)), 64),
      lang: ctx.lang,
      createdAt: ctx.now.toISOString(),
      initial: mode === "auto" ? "approved" : "pending",
    };
    await d.repo.saveTopic(topic, embedding);
  } catch (e) {
    await d.repo.releaseSlot(th.id, ctx.member.id);
    throw e;
  }
  const values = { id: topic.id, title, townhall: townhallLabel(th) };
  if (topic.initial === "approved") return [text(fill(t(ctx.lang, M.savedApproved), values))];
  const view = { topic, status: "pending" as const, voters: [] };
  // Organisers get merge buttons for the look-alikes the member chose to propose past.
  const others = (await d.repo.topics(th.id)).filter((v) => v.status === "approved");
  const targets = await findSimilar(d.services.embedder, embedding, others, await d.repo.embeddings(th.id));
  await d.services.notifier.toOrganisers([
    reviewCard(
      undefined,
      view,
      targets.slice(0, 2).map((s) => s.view),
    ),
  ]);
  return [text(fill(t(ctx.lang, M.savedPending), values))];
}

/** The member's next message while a proposal is in progress. */
export async function proposeText(d: AgendaDeps, ctx: Context, body: string, session: Session): Promise<Reply[]> {
  const draft = draftOf(session.data);
  const th = await d.repo.openOne();
  if (!th || th.id !== draft.townhallId) {
    await d.services.sessions.clear(ctx.member.id);
    return [text(t(ctx.lang, M.noTownhall))];
  }
  if (session.step === "title") return withText(d, ctx, th, splitProposal(body));
  if (session.step === "details" && draft.title !== undefined) {
    return withText(d, ctx, th, { title: draft.title, details: body });
  }
  return [text(t(ctx.lang, M.pressButton))];
}

/** The buttons of the proposal flow: `nd` (no details), `pa` (propose anyway), `cx` (cancel). */
export async function proposeAction(d: AgendaDeps, ctx: Context, verb: string): Promise<Reply[]> {
  const session = await d.services.sessions.get(ctx.member.id);
  if (verb === "cx") {
    if (session?.feature === FEATURE) await d.services.sessions.clear(ctx.member.id);
    return [text(t(ctx.lang, M.cancelled))];
  }
  const draft = session?.feature === FEATURE ? draftOf(session.data) : undefined;
  const expected = verb === "nd" ? "details" : "confirm";
  if (!session || !draft?.title || session.step !== expected) return [text(t(ctx.lang, M.sessionGone))];
  const th = await d.repo.openOne();
  if (!th || th.id !== draft.townhallId) {
    await d.services.sessions.clear(ctx.member.id);
    return [text(t(ctx.lang, M.noTownhall))];
  }
  if (verb === "nd") return compare(d, ctx, th, draft.title, "");
  return save(d, ctx, th, draft.title, draft.details ?? "", await d.services.embedder.embedQuery(draft.title));
}
