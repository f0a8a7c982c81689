/**
 * The FAQ feature: free text (and /ask) is answered from the knowledge base
 * with its sources and feedback buttons; questions the documents don't answer
 * are recorded and can be passed to the organisers, who list them with the
 * answer ratings through /unanswered.
 */
import type { FallbackHandler } from "../bot.ts";
import { keepNewest } from "../bounded.ts";
import type { Context, Feature, Services } from "../feature.ts";
import { fill, t } from "../i18n.ts";
import { shortId } from "../ids.ts";
import { languageNamed } from "../language.ts";
import type { LiveReply } from "../live.ts";
import type { Answer, AnswerOptions, IntentMatch } from "../ports.ts";
import { actionId, button, type CardReply, convertTexts, type Reply, text } from "../replies.ts";
import { truncate, wordCount } from "../text.ts";
import type { Lang } from "../types.ts";
import { readAndAnswer } from "./ask.ts";
import { ConversationContext } from "./context.ts";
import type { Generator } from "./generator.ts";
import { answerKey, type DeclinedQuestion, questionLog } from "./log.ts";
import { FAQ_TEXT as M } from "./messages.ts";

/** A feature's name alone ("agenda?", "donate", "議程？"): a request for it, as "my…" makes one. */
const BARE_REQUEST = /^\s*(?:(?:the|my)\s+)?[a-z]+[?？!！.]*\s*$|^\s*[\u4e00-\u9fff]{1,4}[?？!！。]*\s*$/iu;
/**
 * A message made only of questions ("If we donate them, can we claim a tax deduction?", "Is there a
 * minimum? Like do we need at least 100 shirts?"): each of its sentences asks.
 */
const ONLY_QUESTIONS = /^(?:(?:[^.!?。！？\n]|\.(?=[^\s.]))*[?？]\s*)+$/u;
/**
 * A question typed without its question mark, one sentence opening with an asking word ("can my company
 * get a tax receipt for donating stationery"): it asks as much as one that ends in "?".
 */
const UNMARKED_QUESTION =
  /^\s*(?:can|could|do|does|did|is|are|will|would|should|may|how|what|when|where|who|which|why)\b[^.!?。！？\n]*[.。]?\s*$/iu;

const NAME = "faq";

/** Intents about the member's personal data: their words are not kept as the conversation's context. */
const PERSONAL_DATA_INTENTS = new Set(["mydata", "forgetme"]);

const MAX_STORED_QUESTION_CHARS = 500;
const MAX_BODY_CHARS = 1500;
const MAX_LISTED = 20;
/** Answer keys a process keeps as stored (see `remembered`). */
const MAX_REMEMBERED_ANSWERS = 10_000;

/** Distinct texts /unanswered reads before merging alike wordings. */
const MAX_GROUPED_TEXTS = 500;

export type { DeclinedQuestion, Rating } from "./log.ts";

/** The organisers' card of a question passed on to them. */
function forwardCard(ctx: Context, body: string, lang: Lang): CardReply {
  return {
    type: "card",
    title: M.forwardTitle.en,
    body,
    fields: [
      { label: M.forwardFrom.en, value: `${ctx.member.displayName} (${ctx.member.id})` },
      { label: M.forwardLang.en, value: lang },
    ],
  };
}

function socialOutcome(m: IntentMatch): Outcome {
  return { kind: "social", intent: m.name, handoff: false, confidence: m.score };
}

/** What the bot did with a free-text message, for `npm run ask` and the evaluation. */
export interface Outcome {
  readonly kind: "answer" | "intent" | "social" | "decline";
  readonly intent?: string;
  /** Whether the organisers' hand-off was offered or done. */
  readonly handoff: boolean;
  readonly confidence: number;
  readonly ref?: string;
}

/** What the FAQ feature needs from the bot around it. */
export interface FaqHooks {
  /** Runs a command as if the member had typed it (an intent acts through the same code). */
  readonly runCommand: (ctx: Context, name: string, args: string) => Promise<Reply[]>;
  /** Told what was done with each free-text message. */
  readonly onOutcome?: (ctx: Context, outcome: Outcome) => void;
  /** Overrides the calibrated intent tuning (calibration). */
  readonly tuning?: IntentTuning;
  /** The optional language model, asked only about what retrieval answered or found on topic (issue 11). */
  readonly generator?: Generator;
}

/** When an intent acts instead of an answer (calibrated on the tuning half of the fresh sets: eval/tune.ts). */
export interface IntentTuning {
  /** An action intent acts when it scores at least this… */
  readonly min: number;
  /** …and at least the best answer's confidence minus this. */
  readonly margin: number;
  /** A greeting, thanks or small talk needs a closer match than an action. */
  readonly social: number;
  /** A request out of scope, in words of the association's subjects, is recognised at this score (patterns: 1). */
  readonly none: number;
  /** An intent acts on a question for a typed fact only from this score. */
  readonly factual: number;
  /** A request that only resembles the out-of-scope examples is declined from this score when no answer scores higher. */
  readonly noneLike: number;
}

/** A message this long is a story around its request: its likeness to a short example says little. */
const STORY_WORDS = 40;

/** The calibrated intent tuning. */
export const INTENT_TUNING: IntentTuning = {
  min: 0.45,
  margin: 0.1,
  social: 0.6,
  none: 0.8,
  factual: 0.8,
  noneLike: 0.5,
};

/** A topic named in a request to propose one ("a topic about stablecoin custody"). */
function topicOf(text: string): string {
  const m =
    /\b(?:about|on|regarding|re|concerning|called|titled)\s*:?\s+(.{3,120})$/i.exec(text) ??
    /[:：]\s*(.{3,120})$/.exec(text) ??
    /(?:關於|有關|討論|讨论|關于)(.{2,60})$/.exec(text);
  return (m?.[1] ?? "").replace(/[?？!！。.]+$/u, "").trim();
}

/** Builds the FAQ feature and the fallback that answers free text. */
export function faq(
  services: Services,
  hooks: FaqHooks,
): {
  feature: Feature;
  fallback: FallbackHandler;
  purgeOldQuestions: (now: Date, days: number) => Promise<number>;
} {
  const { store, knowledge, notifier, clock, logger, understanding } = services;
  const context = new ConversationContext(store);
  const log = questionLog(services);
  const tune = hooks.tuning ?? INTENT_TUNING;

  // Answer keys stored by this process. What a key stands for never changes and is never deleted, so
  // it is written once, not on every answer (a write on the way to each member's reply).
  const remembered = new Set<string>();

  const answered = async (ctx: Context, a: Answer): Promise<Reply[]> => {
    const ref = a.ref ?? `text:${answerKey(a.text)}`;
    const key = answerKey(ref);
    if (!remembered.has(key)) {
      await log.rememberAnswer(key, ref);
      remembered.add(key);
      // Generated answers each have a key of their own: the oldest is forgotten first.
      keepNewest(remembered, MAX_REMEMBERED_ANSWERS);
    }
    const card: CardReply = {
      type: "card",
      title: t(ctx.lang, M.answerTitle),
      body: truncate(a.text, MAX_BODY_CHARS),
      sources: a.sources.slice(0, 3),
      buttons: [
        button(actionId(NAME, "fb", key, "up"), t(ctx.lang, M.helpful)),
        button(actionId(NAME, "fb", key, "down"), t(ctx.lang, M.notHelpful)),
      ],
    };
    return [card];
  };

  const record = async (ctx: Context, question: string, forwarded: boolean): Promise<string> => {
    const now = clock.now();
    // Time-ordered and free of ":" (which separates the parts of an action id).
    const key = `${now.toISOString().replace(/[-:.]/g, "")}-${shortId(6)}`;
    const rec: DeclinedQuestion = {
      text: truncate(question, MAX_STORED_QUESTION_CHARS),
      lang: ctx.lang,
      at: now.toISOString(),
      memberId: ctx.member.id,
      ...(forwarded ? { forwarded: true } : {}),
    };
    await log.record(key, rec);
    return key;
  };

  /** Records a question the documents do not answer and offers to pass it on, saying `said`. */
  const offerOn = async (ctx: Context, question: string, said: string): Promise<Reply[]> => {
    const key = await record(ctx, question, false);
    return [text(said, { buttons: [button(actionId(NAME, "fwd", key), t(ctx.lang, M.forward))] })];
  };

  const declined = (ctx: Context, question: string): Promise<Reply[]> =>
    offerOn(ctx, question, t(ctx.lang, M.declined));

  /** The parts of a message the documents do not answer, beside the answer to the rest: offered on. */
  const declinedParts = async (ctx: Context, parts: readonly string[]): Promise<Reply[]> => {
    if (parts.length === 0) return [];
    const asked = parts.map((p) => p.replace(/[\s?？.。!！]+$/u, "")).join(" / ");
    return offerOn(ctx, asked, fill(t(ctx.lang, M.declinedPart), { asked }));
  };

  const pick = (ctx: Context, m: IntentMatch | undefined, fallback: string): string =>
    m?.replies?.[ctx.lang]?.[0] ?? fallback;

  /** Passes the member's request, with what they asked last, straight to the organisers. */
  const handoff = async (ctx: Context, request: string): Promise<Reply[]> => {
    const previous = await context.get(ctx);
    const body = previous ? `${request}\n(${M.previousQuestion.en}: ${previous.question})` : request;
    await record(ctx, body, true);
    const reached = await notifier.toOrganisers([forwardCard(ctx, body, ctx.lang)]);
    return [text(t(ctx.lang, reached ? M.handedOff : M.notReached), { private: true })];
  };

  const act = async (ctx: Context, m: IntentMatch, question: string): Promise<Reply[]> => {
    if (m.name === "handoff") return handoff(ctx, question);
    if (m.command) {
      const args = m.args === true ? question : m.args === "title" ? topicOf(question) : "";
      return hooks.runCommand(ctx, m.command, args);
    }
    return [text(pick(ctx, m, t(ctx.lang, M.offTopic)))];
  };

  const respond = async (
    ctx: Context,
    raw: string,
    live?: LiveReply,
    again = false,
  ): Promise<{ replies: Reply[]; outcome: Outcome }> => {
    const previous = await context.get(ctx);
    const options: AnswerOptions = previous
      ? {
          previous: previous.question,
          ...(previous.ref ? { previousRef: previous.ref } : {}),
          ...(previous.answer ? { previousAnswer: previous.answer } : {}),
        }
      : {};
    // Read and answered in one step where the knowledge can (one round trip to its thread).
    const asked =
      understanding && knowledge.ask
        ? await knowledge.ask(raw, ctx.lang, options)
        : await readAndAnswer(understanding, knowledge, raw, ctx.lang, options);
    const { reading, question, answer: a } = asked;
    // "and in Chinese?", "英文呢？" after an answer: the last question answered again in the language
    // named (Simplified converted here: the member wrote in English or in the other script).
    const named = reading.intent?.name === "language" && previous && !again ? languageNamed(question) : undefined;
    if (named && previous) {
      const target: Context = { ...ctx, lang: named.lang, ...(named.script ? { script: named.script } : {}) };
      const simplify = named.script === "hans" ? understanding : undefined;
      const r = await respond(target, previous.question, simplify ? undefined : live, true);
      return simplify ? { ...r, replies: await convertTexts(r.replies, (texts) => simplify.toSimplified(texts)) } : r;
    }
    const social = reading.social;
    if (!a) {
      if (social) return { replies: [text(pick(ctx, social, t(ctx.lang, M.empty)))], outcome: socialOutcome(social) };
      return { replies: [text(t(ctx.lang, M.empty))], outcome: { kind: "decline", handoff: false, confidence: 0 } };
    }
    const it = reading.intent;
    logger.debug("faq answer", {
      answered: a.answered,
      confidence: a.confidence,
      ref: a.ref ?? "",
      intent: it?.name ?? "",
      intentScore: it?.score ?? 0,
    });
    // A follow-up read with the conversation ("佢哋幾時開始㗎？", "and the 4th?") asks about it, not to start something.
    const followUp =
      previous !== undefined &&
      a.resolved !== undefined &&
      a.resolved !== question &&
      a.resolved.includes(previous.question.slice(0, 30));
    // Requests the bot never serves (attacks, abuse, other people's data) are declined before anything else;
    // a message only somewhat like one that the conversation answers ("and the 4th?") is not such a request.
    // A question for a fact of the association's subjects that the documents lack ("in what year did
    // Matthew Cheung become Chief Secretary?") is a near-miss for the organisers, however much it
    // resembles an out-of-scope request.
    // ("协会在深圳有分会吗？" asks yes or no of a subject the documents lack: a near-miss too.)
    const nearMiss = a.topical === true && (a.factual === true || a.lacking === true) && !a.answered;
    const plainlyOutOfScope =
      it?.name === "none" &&
      (it.score >= tune.none ||
        (it.score >= tune.noneLike &&
          !(followUp && a.answered) &&
          !nearMiss &&
          // (An answer found is on the association's subjects: only one that scores lower yields.)
          (it.score > a.confidence + 0.1 || (!a.answered && !a.topical))));
    if (plainlyOutOfScope) {
      return {
        replies: [text(pick(ctx, it, t(ctx.lang, M.offTopic)))],
        outcome: { kind: "decline", intent: "none", handoff: false, confidence: a.confidence },
      };
    }
    // A question only like an example, for a fact ("where are townhalls held?") or about a third
    // party ("what do townhalls discuss?"), is answered or declined, not turned into an action.
    const onlyLike = it?.via === "examples";
    // What the member asks of their own, or a feature named alone ("agenda?").
    const asOwn = it?.personal === true || BARE_REQUEST.test(question);
    // (Unless the answer only describes the feature the member asks, of their own, to use: "where can
    // we drop the boxes off?" after offering shirts is the offer's business, not the bot's manual.)
    const describesFeature = a.aboutBot === true && it?.personal === true;
    const minimum =
      onlyLike && followUp && !describesFeature
        ? Number.POSITIVE_INFINITY
        : onlyLike && (a.factual || !asOwn || wordCount(question) >= STORY_WORDS)
          ? Math.max(tune.min, tune.factual)
          : tune.min;
    // An answer that only describes the feature the member asks for ("use /propose…") yields to doing it.
    // So does a passage when the member asks in so many words for something of their own ("我捐咗嘅嘢而家點").
    const beaten =
      it && ((a.aboutBot && (it.via !== "examples" || asOwn)) || (it.via === "concepts" && it.personal && !a.factual));
    // A question about what the documents lack ("…can we claim a tax deduction?") is for the organisers.
    // Asked alone ("If we donate the shirts, can we claim it against tax?"), it is only that, not the
    // offer its words also make; beside an offer ("We have 200 shirts to give. Tax receipt?"), both
    // are taken up: the question passed on, the offer started.
    // (A topic proposed is not asked: "add VA tax to the townhall agenda?" proposes the tax.)
    const lacking = a.lacking === true && a.topical === true && it?.via !== "pattern" && it?.args !== "title";
    // (Asking for the organisers is itself what a question the documents lack needs.)
    const onlyAsks =
      lacking && it?.name !== "handoff" && (ONLY_QUESTIONS.test(question.trim()) || UNMARKED_QUESTION.test(question));
    // A request made beside a question the documents answer ("We have 50 hoodies to donate. Also, how
    // often are the townhalls?"): both are taken up, the answer first. The part answered must be a
    // question of its own, which read alone asks for something else than the request.
    const aside =
      it?.command !== undefined &&
      it.via === "concepts" &&
      a.answered &&
      !a.aboutBot &&
      a.resolved !== undefined &&
      a.resolved.length < question.length &&
      question.includes(a.resolved.trim()) &&
      understanding !== undefined &&
      (await understanding.read(a.resolved)).intent?.name !== it.name;
    if (
      it &&
      it.name !== "none" &&
      !onlyAsks &&
      it.score >= minimum &&
      (beaten || aside || it.score + tune.margin >= a.confidence)
    ) {
      const socialOnly = !it.command && it.name !== "handoff";
      if (!socialOnly || it.score >= tune.social) {
        // What the member set out to do stays the conversation's subject ("咁最後會送俾邊個？" after
        // offering shirts); a request about their personal data is not kept as a question.
        if (it.command && !PERSONAL_DATA_INTENTS.has(it.name)) await context.set(ctx, question, undefined, previous);
        const replies = [
          ...(lacking && it.command ? await declined(ctx, question) : []),
          ...(aside ? await answered(ctx, a) : []),
          ...(await act(ctx, it, question)),
        ];
        return {
          replies,
          outcome: socialOnly
            ? socialOutcome(it)
            : {
                kind: "intent",
                intent: it.name,
                // (A question the documents lack, passed on beside the request, offers the hand-off too.)
                handoff: it.name === "handoff" || (lacking && it.command !== undefined),
                confidence: it.score,
              },
        };
      }
    }
    // A follow-up the documents do not answer ("and the other banks?") leaves the conversation on the
    // subject it was on: the next one ("when's it launching?") is still about that answer. So does a
    // question of the same subjects they lack ("can overseas members dial in?" after the townhalls):
    // "and how often are they?" is still about the townhalls.
    const stays = !a.answered && (followUp || a.topical === true) && previous?.ref !== undefined;
    await context.set(
      ctx,
      a.resolved ?? question,
      a.answered ? a.ref : stays ? previous.ref : undefined,
      previous,
      a.answered ? a.text : stays ? previous.answer : undefined,
    );
    // --- language model hook (issue 11): a checked answer, or a feature to start; else the embedded answer ---
    // An organisers' curated answer (written on the dashboard) is final: no model rephrases it.
    const curated = a.ref?.startsWith("curated:") ?? false;
    if (hooks.generator && !curated && (a.answered || a.topical)) {
      const g = await hooks.generator.generate({
        question,
        lang: ctx.lang,
        platform: ctx.member.platform,
        answer: a,
        ...(previous ? { previous: previous.question, earlier: previous.earlier ?? [] } : {}),
        ...(previous?.ref ? { previousRef: previous.ref } : {}),
        ...(live ? { onPartial: (s: string) => live.partial(s) } : {}),
      });
      if (g.kind === "answer") {
        const outcome: Outcome = {
          kind: "answer",
          handoff: (a.unanswered ?? []).length > 0,
          confidence: a.confidence,
          ...(a.ref ? { ref: a.ref } : {}),
        };
        const replies = await answered(ctx, { ...a, answered: true, text: g.text, sources: g.sources });
        return { replies: [...replies, ...(await declinedParts(ctx, a.unanswered ?? []))], outcome };
      }
      if (g.kind === "intent") {
        const handoff = g.intent.name === "handoff";
        const outcome: Outcome = { kind: "intent", intent: g.intent.name, handoff, confidence: a.confidence };
        return { replies: await act(ctx, g.intent, g.words), outcome };
      }
    }
    // --- end of language model hook ---
    if (a.answered) {
      const rest = a.unanswered ?? [];
      return {
        replies: [...(await answered(ctx, a)), ...(await declinedParts(ctx, rest))],
        outcome: {
          kind: "answer",
          handoff: rest.length > 0,
          confidence: a.confidence,
          ...(a.ref ? { ref: a.ref } : {}),
        },
      };
    }
    // Out of scope: nothing of the association's subjects in it, or a request the bot never serves.
    const outOfScope = a.topical === false || (it?.name === "none" && it.score >= tune.none);
    if (outOfScope) {
      const none = it?.name === "none" ? it : undefined;
      return {
        replies: [text(pick(ctx, none, t(ctx.lang, M.offTopic)))],
        outcome: { kind: "decline", intent: "none", handoff: false, confidence: a.confidence },
      };
    }
    return {
      replies: await declined(ctx, question),
      outcome: { kind: "decline", handoff: true, confidence: a.confidence },
    };
  };

  const ask = async (ctx: Context, raw: string, live?: LiveReply): Promise<Reply[]> => {
    const { replies, outcome } = await respond(ctx, raw, live);
    hooks.onOutcome?.(ctx, outcome);
    return replies;
  };

  const rate = async (ctx: Context, key: string, value: string): Promise<Reply[]> => {
    const ref = await log.answerRef(key);
    if (!ref || (value !== "up" && value !== "down")) return [text(t(ctx.lang, M.alreadyRated))];
    const first = await log.rate(key, { answer: ref, value, at: clock.now().toISOString(), memberId: ctx.member.id });
    return [text(t(ctx.lang, first ? M.thanks : M.alreadyRated), { private: true })];
  };

  const forward = async (ctx: Context, key: string): Promise<Reply[]> => {
    const q = await log.get(key);
    if (!q || q.memberId !== ctx.member.id) return [text(t(ctx.lang, M.alreadyForwarded), { private: true })];
    if (q.forwarded || !(await log.markForwarded(key)))
      return [text(t(ctx.lang, M.alreadyForwarded), { private: true })];
    const reached = await notifier.toOrganisers([forwardCard(ctx, q.text, q.lang)]);
    return [text(t(ctx.lang, reached ? M.forwarded : M.notReached), { private: true })];
  };

  const unanswered = async (ctx: Context): Promise<Reply[]> => {
    // Exact texts are grouped by the log; alike wordings of the most recent ones merge here.
    // A group shows the wording first asked.
    const groups = new Map<string, { text: string; count: number; first: string; last: string }>();
    for (const q of await log.textGroups(MAX_GROUPED_TEXTS)) {
      const shown = q.text || t(ctx.lang, M.erased);
      const norm = shown
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, " ")
        .trim();
      const g = groups.get(norm) ?? { text: shown, count: 0, first: q.first, last: q.last };
      g.count += q.count;
      if (q.last >= g.last) g.last = q.last;
      if (q.first < g.first) [g.first, g.text] = [q.first, shown];
      groups.set(norm, g);
    }
    const lines = [...groups.values()]
      .sort((a, b) => b.last.localeCompare(a.last))
      .slice(0, MAX_LISTED)
      .map((g) =>
        fill(t(ctx.lang, M.unansweredLine), { count: g.count, text: truncate(g.text, 200), at: g.last.slice(0, 10) }),
      );
    const ratingLines = (await log.tallies(MAX_LISTED)).map((c) =>
      fill(t(ctx.lang, M.ratingsLine), { ref: c.answer, up: c.up, down: c.down }),
    );
    const card: CardReply = {
      type: "card",
      title: t(ctx.lang, M.unansweredTitle),
      body: lines.length > 0 ? lines.join("\n") : t(ctx.lang, M.unansweredNone),
      fields: [
        {
          label: t(ctx.lang, M.ratingsTitle),
          value: ratingLines.length > 0 ? ratingLines.join("\n") : t(ctx.lang, M.ratingsNone),
        },
      ],
      private: true,
    };
    return [card];
  };

  const feature: Feature = {
    name: NAME,
    commands: [
      {
        name: "ask",
        usage: "ask <question>",
        description: M.cmdAsk,
        run: (ctx, args, live) =>
          args.trim() ? ask(ctx, args, live) : Promise.resolve([text(t(ctx.lang, M.askUsage))]),
      },
      {
        name: "unanswered",
        description: M.cmdUnanswered,
        organiserOnly: true,
        hidden: true,
        run: (ctx) => unanswered(ctx),
      },
    ],
    async onAction(ctx, args) {
      const [verb, key = "", value = ""] = args;
      if (verb === "fb") return rate(ctx, key, value);
      if (verb === "fwd") return forward(ctx, key);
      return [text(t(ctx.lang, M.alreadyForwarded))];
    },
    async personalData(memberId, lang) {
      const lines = (await context.of(memberId)).map((q) => fill(t(lang, M.dataContext), { text: q }));
      const mine = await log.ofMember(memberId);
      for (const q of mine.questions)
        lines.push(fill(t(lang, M.dataQuestion), { at: q.at.slice(0, 10), text: q.text }));
      for (const r of mine.ratings)
        lines.push(fill(t(lang, M.dataRating), { ref: r.answer, value: t(lang, M[r.value]) }));
      return lines;
    },
    async forget(memberId) {
      // With SQL records the questions and ratings were erased in the erasure's one transaction.
      return (await context.forget(memberId)) + (await log.forget(memberId));
    },
  };
  /** Deletes declined questions older than `days` (the organisers have had them in /unanswered since). */
  const purgeOldQuestions = async (now: Date, days: number): Promise<number> => {
    const cutoff = new Date(now.getTime() - days * 24 * 60 * 60 * 1000).toISOString();
    return log.purgeBefore(cutoff);
  };

  return { feature, fallback: ask, purgeOldQuestions };
}
