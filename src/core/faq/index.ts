/**
 * The FAQ feature: free text (and /ask) is answered from the knowledge base
 * with its sources and feedback buttons; questions the documents don't answer
 * are recorded and can be passed to the organisers, who list them with the
 * answer ratings through /unanswered.
 */
import { createHash } from "node:crypto";
import type { FallbackHandler } from "../bot.ts";
import type { Context, Feature, Services } from "../feature.ts";
import { fill, t } from "../i18n.ts";
import { shortId } from "../ids.ts";
import type { Answer } from "../ports.ts";
import { actionId, button, type CardReply, type Reply, text } from "../replies.ts";
import { cleanLine, hasWords, truncate } from "../text.ts";
import type { Lang } from "../types.ts";
import { FAQ_TEXT as M } from "./messages.ts";

const NAME = "faq";
/** Declined questions, keyed by time. */
const NS_QUESTIONS = "faq.questions";
/** Ratings, keyed `${answerKey}:${memberId}`: one per member per answer. */
const NS_RATINGS = "faq.ratings";
/** What an answer key stands for (`faq:<id>` or `passage:<id>`). */
const NS_ANSWERS = "faq.answers";

const MAX_QUESTION_CHARS = 1000;
const MAX_STORED_QUESTION_CHARS = 500;
const MAX_BODY_CHARS = 1500;
const MAX_LISTED = 20;

/** A question the documents did not answer. */
export interface DeclinedQuestion {
  readonly text: string;
  readonly lang: Lang;
  readonly at: string;
  /** Platform-neutral member id; empty once the member asked to be forgotten. */
  readonly memberId: string;
  readonly forwarded?: boolean;
}

/** One member's rating of one answer. */
export interface Rating {
  readonly answer: string;
  readonly value: "up" | "down";
  readonly at: string;
  readonly memberId: string;
}

/** A short, stable key of an answer reference, small enough for a button id. */
function answerKey(ref: string): string {
  return createHash("sha256").update(ref).digest("base64url").slice(0, 12);
}

/** Builds the FAQ feature and the fallback that answers free text. */
export function faq(services: Services): { feature: Feature; fallback: FallbackHandler } {
  const { store, knowledge, notifier, clock, logger } = services;

  const answered = async (ctx: Context, a: Answer): Promise<Reply[]> => {
    const ref = a.ref ?? `text:${answerKey(a.text)}`;
    const key = answerKey(ref);
    await store.set(NS_ANSWERS, key, { ref });
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

  const declined = async (ctx: Context, question: string): Promise<Reply[]> => {
    const now = clock.now();
    // Time-ordered and free of ":" (which separates the parts of an action id).
    const key = `${now.toISOString().replace(/[-:.]/g, "")}-${shortId(6)}`;
    const record: DeclinedQuestion = {
      text: truncate(question, MAX_STORED_QUESTION_CHARS),
      lang: ctx.lang,
      at: now.toISOString(),
      memberId: ctx.member.id,
    };
    await store.set(NS_QUESTIONS, key, record);
    return [text(t(ctx.lang, M.declined), { buttons: [button(actionId(NAME, "fwd", key), t(ctx.lang, M.forward))] })];
  };

  const ask = async (ctx: Context, raw: string): Promise<Reply[]> => {
    const question = truncate(cleanLine(raw), MAX_QUESTION_CHARS);
    if (!hasWords(question)) return [text(t(ctx.lang, M.empty))];
    const a = await knowledge.answer(question, ctx.lang);
    logger.debug("faq answer", { answered: a.answered, confidence: a.confidence, ref: a.ref ?? "" });
    return a.answered ? answered(ctx, a) : declined(ctx, question);
  };

  const rate = async (ctx: Context, key: string, value: string): Promise<Reply[]> => {
    const target = await store.get<{ ref: string }>(NS_ANSWERS, key);
    if (!target || (value !== "up" && value !== "down")) return [text(t(ctx.lang, M.alreadyRated))];
    const rating: Rating = { answer: target.ref, value, at: clock.now().toISOString(), memberId: ctx.member.id };
    const first = await store.add(NS_RATINGS, `${key}:${ctx.member.id}`, rating);
    return [text(t(ctx.lang, first ? M.thanks : M.alreadyRated), { private: true })];
  };

  const forward = async (ctx: Context, key: string): Promise<Reply[]> => {
    const q = await store.get<DeclinedQuestion>(NS_QUESTIONS, key);
    if (!q || q.memberId !== ctx.member.id) return [text(t(ctx.lang, M.alreadyForwarded), { private: true })];
    if (q.forwarded) return [text(t(ctx.lang, M.alreadyForwarded), { private: true })];
    await store.set<DeclinedQuestion>(NS_QUESTIONS, key, { ...q, forwarded: true });
    const card: CardReply = {
      type: "card",
      title: M.forwardTitle.en,
      body: q.text,
      fields: [
        { label: M.forwardFrom.en, value: `${ctx.member.displayName} (${ctx.member.id})` },
        { label: M.forwardLang.en, value: q.lang },
      ],
    };
    await notifier.toOrganisers([card]);
    return [text(t(ctx.lang, M.forwarded), { private: true })];
  };

  const unanswered = async (ctx: Context): Promise<Reply[]> => {
    const questions = await store.list<DeclinedQuestion>(NS_QUESTIONS);
    const groups = new Map<string, { text: string; count: number; last: string }>();
    for (const { value: q } of questions) {
      const shown = q.text || t(ctx.lang, M.erased);
      const norm = shown
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, " ")
        .trim();
      const g = groups.get(norm) ?? { text: shown, count: 0, last: q.at };
      g.count++;
      if (q.at >= g.last) g.last = q.at;
      groups.set(norm, g);
    }
    const lines = [...groups.values()]
      .sort((a, b) => b.last.localeCompare(a.last))
      .slice(0, MAX_LISTED)
      .map((g) =>
        fill(t(ctx.lang, M.unansweredLine), { count: g.count, text: truncate(g.text, 200), at: g.last.slice(0, 10) }),
      );
    const ratings = await store.list<Rating>(NS_RATINGS);
    const byAnswer = new Map<string, { up: number; down: number }>();
    for (const { value: r } of ratings) {
      const c = byAnswer.get(r.answer) ?? { up: 0, down: 0 };
      c[r.value]++;
      byAnswer.set(r.answer, c);
    }
    const ratingLines = [...byAnswer.entries()]
      .sort((a, b) => b[1].down - a[1].down || b[1].up - a[1].up)
      .slice(0, MAX_LISTED)
      .map(([ref, c]) => fill(t(ctx.lang, M.ratingsLine), { ref, up: c.up, down: c.down }));
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
        run: (ctx, args) => (args.trim() ? ask(ctx, args) : Promise.resolve([text(t(ctx.lang, M.askUsage))])),
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
      const lines: string[] = [];
      for (const { value: q } of await store.list<DeclinedQuestion>(NS_QUESTIONS)) {
        if (q.memberId === memberId) lines.push(fill(t(lang, M.dataQuestion), { at: q.at.slice(0, 10), text: q.text }));
      }
      for (const { value: r } of await store.list<Rating>(NS_RATINGS)) {
        if (r.memberId === memberId)
          lines.push(fill(t(lang, M.dataRating), { ref: r.answer, value: t(lang, M[r.value]) }));
      }
      return lines;
    },
    async forget(memberId) {
      let changed = 0;
      for (const { key, value: q } of await store.list<DeclinedQuestion>(NS_QUESTIONS)) {
        if (q.memberId !== memberId) continue;
        await store.set<DeclinedQuestion>(NS_QUESTIONS, key, { ...q, text: "", memberId: "" });
        changed++;
      }
      for (const { key, value: r } of await store.list<Rating>(NS_RATINGS)) {
        if (r.memberId !== memberId) continue;
        const anon = `${key.slice(0, key.length - memberId.length)}forgotten-${answerKey(`${key}:${r.at}`)}`;
        await store.set<Rating>(NS_RATINGS, anon, { ...r, memberId: "" });
        await store.delete(NS_RATINGS, key);
        changed++;
      }
      return changed;
    },
  };
  return { feature, fallback: ask };
}
