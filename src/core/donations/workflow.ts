/**
 * Moving offers through the workflow: organisers (any allowed transition,
 * with a note, audited) and donors (withdrawing their own offer before it is
 * collected). The donor is told of every change made by someone else.
 */
import type { Context, Services } from "../feature.ts";
import { fill, t } from "../i18n.ts";
import type { Notice } from "../records.ts";
import { actionId, button, type Reply, text } from "../replies.ts";
import { cleanLine, truncate } from "../text.ts";
import { CLOSED, canMove, type OfferStatus, TRANSITIONS, WITHDRAWABLE } from "./catalogue.ts";
import { echo, neutraliseMentions } from "./form.ts";
import { FEATURE } from "./intake.ts";
import { DONOR, ORG } from "./messages.ts";
import { type Offer, OfferConflictError, type OfferEvent, type OfferRepo } from "./repo.ts";
import { offerCard, statusLabel } from "./views.ts";

/** The longest organiser note kept. */
export const MAX_NOTE = 500;

/** The offer after a change of status (not yet saved). */
export function moved(o: Offer, to: OfferStatus, event: OfferEvent): Omit<Offer, "version"> {
  const { version: _v, ...rest } = o;
  return {
    ...rest,
    status: to,
    updatedAt: event.at,
    ...(CLOSED.includes(to) ? { closedAt: event.at } : {}),
    history: [...o.history, event],
  };
}

/** Buttons for the transitions an organiser may make from an offer's status. */
export function statusButtons(o: Offer, ctx: Context): ReturnType<typeof button>[] {
  return TRANSITIONS[o.status].map((s) =>
    button(actionId(FEATURE, "st", o.ref, s), `→ ${statusLabel(s, ctx.lang)}`, s === "declined" ? "danger" : undefined),
  );
}

/** Builds the workflow handlers. */
export function workflow(services: Services, repo: OfferRepo) {
  const conflict = (ctx: Context, ref: string) => [text(fill(t(ctx.lang, DONOR.conflict), { ref }), { private: true })];
  const notYours = (ctx: Context, ref: string) => [
    text(fill(t(ctx.lang, DONOR.notYours), { ref: echo(ref, 12) }), { private: true }),
  ];
  const allowed = (ctx: Context, s: OfferStatus) =>
    TRANSITIONS[s].map((x) => `${x} (${statusLabel(x, ctx.lang)})`).join(", ") || t(ctx.lang, ORG.final);

  /** The member's own offer if it can still be withdrawn, else the reply that says why not. */
  const ownWithdrawable = async (ctx: Context, ref: string): Promise<{ offer: Offer } | Reply[]> => {
    const o = await repo.get(ref);
    if (!o || o.ownerId !== ctx.member.id) return notYours(ctx, ref);
    if (WITHDRAWABLE.includes(o.status)) return { offer: o };
    const status = statusLabel(o.status, ctx.lang);
    return [text(fill(t(ctx.lang, DONOR.tooLate), { ref: o.ref, status }), { private: true })];
  };

  /** What the donor is told of a change, in the language they last wrote in (both when it is not known). */
  const donorNotice = async (o: Pick<Offer, "ref" | "ownerId" | "status">, note?: string): Promise<Notice[]> => {
    if (!o.ownerId) return [];
    const known = await services.languages?.get(o.ownerId);
    const langs = known ? [known.lang] : (["en", "zh-HK"] as const);
    const lines = langs.map((lang) =>
      [
        fill(t(lang, DONOR.changed), { ref: o.ref, status: statusLabel(o.status, lang) }),
        ...(note ? [fill(t(lang, DONOR.note), { note })] : []),
      ].join("\n"),
    );
    let body = lines.join("\n\n");
    if (known?.script === "hans" && services.understanding)
      [body = body] = await services.understanding.toSimplified([body]);
    return [{ to: "member", memberId: o.ownerId, replies: [text(body, { private: true })] }];
  };

  return {
    /** An organiser moves an offer to a status, with an optional note. */
    async setStatus(ctx: Context, ref: string, to: OfferStatus, rawNote = ""): Promise<Reply[]> {
      const o = await repo.get(ref);
      if (!o) return notYours(ctx, ref);
      if (!canMove(o.status, to)) {
        const from = statusLabel(o.status, ctx.lang);
        return [text(fill(t(ctx.lang, ORG.notAllowed), { ref: o.ref, from, allowed: allowed(ctx, o.status) }))];
      }
      const note = truncate(neutraliseMentions(cleanLine(rawNote)), MAX_NOTE);
      const event: OfferEvent = { at: ctx.now.toISOString(), status: to, by: "organiser", ...(note ? { note } : {}) };
      // The change, its audit entry and the donor's notice are written together (or not at all).
      const notices = await donorNotice({ ...o, status: to }, note || undefined);
      const audit = { actor: ctx.member, action: "offer.status", target: o.ref, detail: `${o.status} -> ${to}` };
      let saved: Offer;
      try {
        saved = await repo.save(o, moved(o, to, event), { audit, notices });
      } catch (e) {
        if (e instanceof OfferConflictError) return conflict(ctx, o.ref);
        throw e;
      }
      const vars = { ref: o.ref, from: statusLabel(o.status, ctx.lang), to: statusLabel(to, ctx.lang) };
      const done = fill(t(ctx.lang, saved.ownerId ? ORG.moved : ORG.movedNoDonor), vars);
      return [text(done), offerCard(saved, ctx.lang, statusButtons(saved, ctx))];
    },

    /** The donor asks to withdraw: a confirmation, if the offer is theirs and not yet collected. */
    async askWithdraw(ctx: Context, ref: string): Promise<Reply[]> {
      const found = await ownWithdrawable(ctx, ref);
      if (!("offer" in found)) return found;
      const o = found.offer;
      return [
        {
          type: "choice",
          prompt: fill(t(ctx.lang, DONOR.confirmWithdraw), { ref: o.ref }),
          choices: [
            button(actionId(FEATURE, "wdy", o.ref), t(ctx.lang, DONOR.yesWithdraw), "danger"),
            button(actionId(FEATURE, "wdn", o.ref), t(ctx.lang, DONOR.keep), "secondary"),
          ],
          private: true,
        },
      ];
    },

    /** The donor confirmed: the offer is withdrawn and the organisers told. */
    async withdraw(ctx: Context, ref: string): Promise<Reply[]> {
      const found = await ownWithdrawable(ctx, ref);
      if (!("offer" in found)) return found;
      const o = found.offer;
      const event: OfferEvent = { at: ctx.now.toISOString(), status: "withdrawn", by: "donor" };
      const notice = `${fill(ORG.donorWithdrew.en, { ref: o.ref })} / ${fill(ORG.donorWithdrew["zh-HK"], { ref: o.ref })}`;
      try {
        await repo.save(o, moved(o, "withdrawn", event), { notices: [{ to: "organisers", replies: [text(notice)] }] });
      } catch (e) {
        if (e instanceof OfferConflictError) return conflict(ctx, o.ref);
        throw e;
      }
      return [text(fill(t(ctx.lang, DONOR.withdrawn), { ref: o.ref }), { private: true })];
    },

    /** The donor kept the offer. */
    async keep(ctx: Context, ref: string): Promise<Reply[]> {
      return [text(fill(t(ctx.lang, DONOR.kept), { ref: echo(ref, 12) }), { private: true })];
    },
  };
}
