/**
 * The townhall agenda: members propose topics (with a check for look-alikes),
 * read the agenda and support topics; organisers run townhalls, review topics,
 * poll the top ones across platforms and export the result. Feature name `ag`:
 * action ids are `ag:<verb>:…`, poll ids `ag:<pollId>`, sessions `ag`.
 */
import type { CommandField, Context, Feature, Services } from "../feature.ts";
import { fill, t } from "../i18n.ts";
import { actionId, type Reply, text } from "../replies.ts";
import type { Session } from "../session.ts";
import type { Member } from "../types.ts";
import { approve, merge, reject } from "./decide.ts";
import { type AgendaDeps, type AgendaOptions, FEATURE, SESSION_TTL_MS } from "./deps.ts";
import { MAX_DETAILS, MAX_REASON, MAX_TITLE } from "./input.ts";
import { M } from "./messages.ts";
import { TOPIC_ID } from "./model.ts";
import { O, TOWNHALL_VERBS } from "./organiser-messages.ts";
import { POLL_PREFIX, PollRepo } from "./polls.ts";
import { forget, mergeMember, personalData } from "./privacy.ts";
import { propose, proposeAction, proposeText } from "./propose.ts";
import { AgendaRepo } from "./repo.ts";
import { reviewQueue } from "./review.ts";
import { townhall } from "./townhall.ts";
import { pollvote, showAgenda, showTopic, turnPage, unvote, upvote, voteSource } from "./vote.ts";

export type { AgendaOptions } from "./deps.ts";
export { SIMILAR_TOPIC_THRESHOLD } from "./similar.ts";

const ORGANISER_VERBS = new Set(["ap", "rj", "mi", "rv"]);

/** The organiser's rejection reason, as a form (its fallback is the typed question). */
function rejectForm(ctx: Context, topicId: string): Reply {
  return {
    type: "form",
    formId: actionId(FEATURE, "rjf", topicId),
    title: `${t(ctx.lang, O.reject)} ${topicId}`,
    fields: [
      { name: "reason", label: t(ctx.lang, O.reasonLabel), kind: "longtext", required: true, maxLength: MAX_REASON },
    ],
    fallbackText: fill(t(ctx.lang, O.askReason), { id: topicId }),
  };
}

/** A proposal's parts, for platforms with forms. */
const PROPOSAL_FIELDS: readonly CommandField[] = [
  {
    name: "title",
    localName: { "zh-HK": "標題" },
    label: M.titleLabel,
    kind: "text",
    required: true,
    maxLength: MAX_TITLE,
  },
  {
    name: "details",
    localName: { "zh-HK": "詳情" },
    label: M.detailsLabel,
    kind: "longtext",
    required: false,
    maxLength: MAX_DETAILS,
  },
];

/** Builds the agenda feature. */
export function agenda(services: Services, opts: AgendaOptions): Feature {
  const d: AgendaDeps = {
    services,
    repo: services.records?.agenda ?? new AgendaRepo(services.store, services),
    polls: services.records?.polls ?? new PollRepo(services.store, services),
    opts,
  };

  const onAction = async (ctx: Context, args: readonly string[]): Promise<Reply[]> => {
    const [verb = "", a = "", b = ""] = args;
    if (ORGANISER_VERBS.has(verb) && !ctx.isOrganiser) return [text(t(ctx.lang, M.notOrganiser))];
    switch (verb) {
      case "up":
        return upvote(d, ctx, a, voteSource(a, b));
      case "un":
        return unvote(d, ctx, a, voteSource(a, b));
      case "vw":
        return showTopic(d, ctx, a);
      case "pg":
        return turnPage(d, ctx, Number(a), b || undefined);
      case "nd":
      case "pa":
      case "cx":
        return proposeAction(d, ctx, verb);
      case "ui": {
        const session = await services.sessions.get(ctx.member.id);
        if (session?.feature === FEATURE) await services.sessions.clear(ctx.member.id);
        return upvote(d, ctx, a);
      }
      case "ap":
        return approve(d, ctx, a);
      case "rj":
        if (!TOPIC_ID.test(a)) return [text(t(ctx.lang, M.stale))];
        await services.sessions.set(
          ctx.member.id,
          { feature: FEATURE, step: "reason", data: { topicId: a } },
          SESSION_TTL_MS,
        );
        // A form where the platform has one (a Discord modal: nothing waits for a typed message), else the question.
        return [rejectForm(ctx, a)];
      case "mi":
        return merge(d, ctx, a, b);
      case "rv":
        return reviewQueue(d, ctx, Number(a) || 0);
      default:
        return [text(t(ctx.lang, M.stale))];
    }
  };

  const onText = async (ctx: Context, body: string, session: Session): Promise<Reply[]> => {
    if (session.step !== "reason") return proposeText(d, ctx, body, session);
    await services.sessions.clear(ctx.member.id);
    if (!ctx.isOrganiser) return [text(t(ctx.lang, M.notOrganiser))];
    return reject(d, ctx, String(session.data.topicId ?? ""), body);
  };

  /** The rejection reason from a native form: `ag:rjf:<topic id>`. */
  const onForm = async (ctx: Context, formId: string, values: Readonly<Record<string, string>>): Promise<Reply[]> => {
    const [, verb, id = ""] = formId.split(":");
    if (verb !== "rjf" || !TOPIC_ID.test(id)) return [text(t(ctx.lang, M.stale))];
    const session = await services.sessions.get(ctx.member.id);
    if (session?.feature === FEATURE && session.step === "reason") await services.sessions.clear(ctx.member.id);
    if (!ctx.isOrganiser) return [text(t(ctx.lang, M.notOrganiser))];
    return reject(d, ctx, id, values.reason ?? "");
  };

  const onPollVote = async (member: Member, pollId: string, optionIndexes: readonly number[]): Promise<void> => {
    if (!pollId.startsWith(POLL_PREFIX)) return;
    const r = await d.polls.vote(
      pollId.slice(POLL_PREFIX.length),
      member.id,
      member.platform,
      optionIndexes,
      services.clock.now(),
    );
    if (!r.ok) services.logger.info("agenda poll vote ignored", { pollId, reason: r.error });
  };

  return {
    name: FEATURE,
    commands: [
      {
        name: "propose",
        localName: { "zh-HK": "提出議題" },
        usage: "propose <title> | <details>",
        description: { en: "Propose a topic for the next townhall", "zh-HK": "為下一次 townhall 提出議題" },
        fields: PROPOSAL_FIELDS,
        run: (ctx, args) => propose(d, ctx, args),
      },
      {
        name: "agenda",
        localName: { "zh-HK": "議程" },
        usage: "agenda [topic id]",
        description: { en: "The townhall's topics, most supported first", "zh-HK": "townhall 議題（按支持度排列）" },
        run: (ctx, args) => showAgenda(d, ctx, args),
      },
      {
        name: "upvote",
        localName: { "zh-HK": "支持議題" },
        usage: "upvote <topic id>",
        description: { en: "Support a topic", "zh-HK": "支持議題" },
        run: (ctx, args) => upvote(d, ctx, args),
      },
      {
        name: "unvote",
        localName: { "zh-HK": "撤回支持" },
        usage: "unvote <topic id>",
        description: { en: "Withdraw your support of a topic", "zh-HK": "撤回對議題的支持" },
        run: (ctx, args) => unvote(d, ctx, args),
      },
      {
        name: "pollvote",
        localName: { "zh-HK": "投票" },
        usage: "pollvote <option numbers>",
        description: { en: "Vote in the townhall poll", "zh-HK": "參與 townhall 投票" },
        run: (ctx, args) => pollvote(d, ctx, args),
      },
      {
        name: "townhall",
        localName: { "zh-HK": "會員大會" },
        usage: "townhall open|close|list|review|approve|reject|merge|poll|results|export|moderation",
        description: { en: "Run the townhall and its agenda", "zh-HK": "管理 townhall 及議程" },
        verbs: TOWNHALL_VERBS,
        organiserOnly: true,
        hidden: true,
        run: (ctx, args) => townhall(d, ctx, args),
      },
    ],
    onAction,
    onText,
    onForm,
    onPollVote,
    onCancel: async (ctx, session) => [text(t(ctx.lang, session.step === "reason" ? O.rejectCancelled : M.cancelled))],
    personalData: (memberId, lang) => personalData(d, memberId, lang),
    forget: (memberId) => forget(d, memberId),
    mergeMember: (fromId, intoId) => mergeMember(d, fromId, intoId),
  };
}
