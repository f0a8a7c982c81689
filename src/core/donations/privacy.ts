/**
 * Personal data of donors: what /mydata shows, what /forgetme erases, and the
 * retention purge of closed offers. Erasing keeps an anonymised offer
 * (category, quantity, unit, condition, district, status, dates) so /impact
 * counts stay right, and unlinks it from the member.
 */
import type { Services } from "../feature.ts";
import { fill, t } from "../i18n.ts";
import { text } from "../replies.ts";
import type { Lang } from "../types.ts";
import { CLOSED, WITHDRAWABLE } from "./catalogue.ts";
import { field, isFieldName } from "./form.ts";
import { draftOf, FEATURE, SUBMITTED_NS } from "./intake.ts";
import { LABELS, ORG } from "./messages.ts";
import { type Offer, OfferConflictError, type OfferRepo } from "./repo.ts";
import { offerFields, statusLabel } from "./views.ts";
import { moved } from "./workflow.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The offer without personal data or free text, unlinked from its donor. */
export function anonymised(o: Offer, at: string): Omit<Offer, "version"> {
  const {
    version: _v,
    organisation: _org,
    description: _d,
    address: _a,
    available: _av,
    contactName: _n,
    phone: _p,
    email: _e,
    ...rest
  } = o;
  return {
    ...rest,
    ownerId: "",
    erasedAt: at,
    history: o.history.map(({ note: _note, ...h }) => h),
  };
}

/** What /forgetme makes of a member's offer: withdrawn when still open, then anonymised. */
export function forgotten(o: Offer, at: string): Omit<Offer, "version"> {
  const base = WITHDRAWABLE.includes(o.status)
    ? { ...moved(o, "withdrawn", { at, status: "withdrawn", by: "system" }), version: o.version }
    : o;
  return anonymised(base, at);
}

/** The organisers' notice of an open offer withdrawn by its donor's erasure (both languages). */
export function erasedWithdrawnNotice(ref: string): string {
  return `${fill(ORG.erasedWithdrawn.en, { ref })} / ${fill(ORG.erasedWithdrawn["zh-HK"], { ref })}`;
}

/** Builds the privacy handlers. */
export function privacy(services: Services, repo: OfferRepo, retentionDays: number) {
  /** Re-reads and retries a change a few times when someone else wrote the offer meanwhile. */
  const update = async (
    ref: string,
    change: (o: Offer) => Omit<Offer, "version"> | undefined,
  ): Promise<Offer | undefined> => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const o = await repo.get(ref);
      const next = o && change(o);
      if (!o || !next) return undefined;
      try {
        return await repo.save(o, next);
      } catch (e) {
        if (!(e instanceof OfferConflictError) || attempt === 2) throw e;
      }
    }
    return undefined;
  };

  return {
    /** Everything held about a member, as readable lines. */
    async personalData(memberId: string, lang: Lang): Promise<string[]> {
      const lines: string[] = [];
      for (const o of await repo.byOwner(memberId)) {
        lines.push(fill(t(lang, LABELS.mydataOffer), { ref: o.ref, status: statusLabel(o.status, lang) }));
        for (const f of offerFields(o, lang)) lines.push(`  ${f.label}: ${f.value}`);
        if (o.pdpoAcceptedAt) lines.push(`  ${t(lang, LABELS.pics)}: ${o.pdpoAcceptedAt.slice(0, 10)}`);
      }
      const session = await services.sessions.get(memberId);
      if (session?.feature === FEATURE) {
        lines.push(t(lang, LABELS.halfForm));
        for (const [k, v] of Object.entries(draftOf(session).values)) {
          if (isFieldName(k) && v) lines.push(`  ${t(lang, field(k).label)}: ${v}`);
        }
      }
      return lines;
    },

    /** Erases a member's contact details and free text everywhere; open offers are withdrawn. */
    async forget(memberId: string): Promise<number> {
      let changed = 0;
      const now = services.clock.now().toISOString();
      for (const o of await repo.byOwner(memberId)) {
        const saved = await update(o.ref, (cur) => (cur.ownerId === memberId ? forgotten(cur, now) : undefined));
        await repo.unindex(memberId, o.ref);
        if (!saved) continue;
        changed++;
        if (WITHDRAWABLE.includes(o.status)) {
          await services.notifier.toOrganisers([text(erasedWithdrawnNotice(o.ref))]);
        }
      }
      const session = await services.sessions.get(memberId);
      if (session?.feature === FEATURE) {
        await services.sessions.clear(memberId);
        changed++;
      }
      for (const r of await services.store.list(SUBMITTED_NS, `${memberId}:`))
        await services.store.delete(SUBMITTED_NS, r.key);
      return changed;
    },

    /** Removes personal data from offers closed longer than the retention period; returns offers changed. */
    async purgeClosedPersonalData(now: Date): Promise<number> {
      const cutoff = now.getTime() - retentionDays * DAY_MS;
      let changed = 0;
      for (const o of await repo.all()) {
        if (!CLOSED.includes(o.status) || o.erasedAt || !o.closedAt || Date.parse(o.closedAt) > cutoff) continue;
        const saved = await update(o.ref, (cur) => (cur.erasedAt ? undefined : anonymised(cur, now.toISOString())));
        if (o.ownerId) await repo.unindex(o.ownerId, o.ref);
        if (saved) changed++;
      }
      if (changed > 0) services.logger.info("donations: personal data of closed offers purged", { offers: changed });
      return changed;
    },
  };
}
