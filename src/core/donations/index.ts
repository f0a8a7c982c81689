/**
 * Donation offers: members offer surplus promotional clothing and stationery
 * through a guided form (/donate), follow and withdraw them (/mydonations,
 * /offer); organisers list, view, move and export them; everyone sees the
 * anonymised totals (/impact). Personal data is shown only to its owner and
 * to organisers, and goes out only in private replies.
 */
import type { CommandSpec, Context, Feature, Services } from "../feature.ts";
import { fill, type Localised, t } from "../i18n.ts";
import { withPicture } from "../pictures.ts";
import { actionId, button, type Reply, text } from "../replies.ts";
import {
  CATEGORIES,
  DISTRICTS,
  matchEntry,
  matchStatus,
  type OfferStatus,
  STATUSES,
  WITHDRAWABLE,
} from "./catalogue.ts";
import { echo } from "./form.ts";
import { FEATURE, intake } from "./intake.ts";
import { DONOR, ORG } from "./messages.ts";
import { privacy } from "./privacy.ts";
import { type OfferRecord, OfferRepo } from "./repo.ts";
import { impactOf, offerCard, offerLine, offersCsv } from "./views.ts";
import { statusButtons, workflow } from "./workflow.ts";

export { CATEGORIES, CONDITIONS, DISTRICTS, STATUSES, TRANSITIONS } from "./catalogue.ts";
export {
  ERRORS,
  FORM_PARTS,
  MAX_QUANTITY,
  OFFER_FIELDS,
  OFFER_FORM_ID,
  type OfferField,
  type OfferFieldName,
  offerForm,
  offerSchema,
  validateContact,
  validateOffer,
  validateQuantity,
} from "./form.ts";
export type { Offer } from "./repo.ts";

/** The most offers listed in one /offers reply (messages stay under the platforms' limits). */
const LIST_LIMIT = 25;
/** The most of a member's own offers shown by /mydonations. */
const MY_LIMIT = 20;

/** The title of the /impact picture. */
const IMPACT_CHART: Localised = { en: "Items offered, by category", "zh-HK": "捐贈物品數量（按類別）" };

const ORGANISERS_ONLY: Localised = { en: "Only organisers can do that.", "zh-HK": "只有籌辦人可以進行此操作。" };

/** Filters of /offers. */
interface Filters {
  status?: OfferStatus;
  category?: string;
  district?: string;
  export: boolean;
}

/** Parses `/offers` arguments: statuses, categories and district names (up to three words each), `export`. */
function parseFilters(args: string): { ok: true; filters: Filters } | { ok: false; word: string } {
  const words = args.split(/[\s,]+/).filter(Boolean);
  const filters: Filters = { export: false };
  for (let i = 0; i < words.length; ) {
    if (words[i]?.toLowerCase() === "export") {
      filters.export = true;
      i++;
      continue;
    }
    let used = 0;
    for (let n = Math.min(3, words.length - i); n >= 1 && used === 0; n--) {
      const phrase = words.slice(i, i + n).join(" ");
      const status = matchStatus(phrase);
      const category = /^\d+$/.test(phrase) ? undefined : matchEntry(CATEGORIES, phrase);
      const district = /^\d+$/.test(phrase) ? undefined : matchEntry(DISTRICTS, phrase);
      if (status) filters.status = status;
      else if (category) filters.category = category.value;
      else if (district) filters.district = district.value;
      else continue;
      used = n;
    }
    if (used === 0) return { ok: false, word: words[i] ?? "" };
    i += used;
  }
  return { ok: true, filters };
}

/** Builds the donations feature. */
export function donations(
  services: Services,
  opts: { formTtlMs: number; retentionDays: number },
): Feature & { purgeClosedPersonalData(now: Date): Promise<number> } {
  const repo: OfferRepo = services.records?.offers ?? new OfferRepo(services.store, services);
  const form = intake({ services, repo, formTtlMs: opts.formTtlMs });
  const flow = workflow(services, repo);
  const priv = privacy(services, repo, opts.retentionDays);

  const notYours = (ctx: Context, ref: string) => [
    text(fill(t(ctx.lang, DONOR.notYours), { ref: echo(ref, 12) }), { private: true }),
  ];

  const myDonations = async (ctx: Context): Promise<Reply[]> => {
    const all = await repo.byOwner(ctx.member.id);
    if (all.length === 0) return [text(t(ctx.lang, DONOR.none), { private: true })];
    // The newest ones: a reply and its buttons stay within every platform's limits.
    const mine = all.slice(-MY_LIMIT);
    const buttons = mine
      .filter((o) => WITHDRAWABLE.includes(o.status))
      .map((o) => button(actionId(FEATURE, "wd", o.ref), fill(t(ctx.lang, DONOR.withdraw), { ref: o.ref }), "danger"));
    const body = [`${t(ctx.lang, DONOR.title)}:`, ...mine.map((o) => `• ${offerLine(o, ctx.lang)}`)].join("\n");
    return [text(body, { private: true, ...(buttons.length > 0 ? { buttons } : {}) })];
  };

  const showOffer = async (ctx: Context, args: string): Promise<Reply[]> => {
    const ref = args.trim().split(/\s+/)[0] ?? "";
    if (!ref) return [text(t(ctx.lang, ORG.offerUsage), { private: true })];
    const o = await repo.get(ref);
    if (o && ctx.isOrganiser) {
      await services.audit.record(ctx.member, "offer.view", o.ref);
      return [offerCard(o, ctx.lang, statusButtons(o, ctx))];
    }
    if (!o || o.ownerId !== ctx.member.id) return notYours(ctx, ref);
    const buttons = WITHDRAWABLE.includes(o.status)
      ? [button(actionId(FEATURE, "wd", o.ref), fill(t(ctx.lang, DONOR.withdraw), { ref: o.ref }), "danger")]
      : [];
    return [offerCard(o, ctx.lang, buttons)];
  };

  const listOffers = async (ctx: Context, args: string): Promise<Reply[]> => {
    const parsed = parseFilters(args);
    if (!parsed.ok) {
      const vars = {
        word: echo(parsed.word, 40),
        statuses: STATUSES.join(", "),
        categories: "clothing, stationery, other",
      };
      return [text(fill(t(ctx.lang, ORG.badFilter), vars))];
    }
    const f = parsed.filters;
    if (!f.export) {
      // Counted and paged by the store: only the newest offers are read.
      const { total, offers: newest } = await repo.newest(f, LIST_LIMIT);
      if (total === 0) return [text(t(ctx.lang, ORG.listNone))];
      const lines = newest.map((o) => `• ${offerLine(o, ctx.lang)}`);
      if (total > LIST_LIMIT) lines.push(fill(t(ctx.lang, ORG.listMore), { n: total - LIST_LIMIT }));
      return [text([fill(t(ctx.lang, ORG.listTitle), { n: total }), ...lines].join("\n"))];
    }
    const wanted = (o: OfferRecord) =>
      (!f.status || o.status === f.status) &&
      (!f.category || o.category === f.category) &&
      (!f.district || o.district === f.district);
    // The export: every matching offer, read a page at a time where the store can, never all at once.
    const { content, rows } = await offersCsv(repo.pages ? repo.pages() : [await repo.all()], wanted);
    await services.audit.record(ctx.member, "offer.export", "offers", `${rows} rows; ${args}`.slice(0, 200));
    const stamp = ctx.now.toISOString().slice(0, 10);
    const caption = fill(t(ctx.lang, ORG.exported), { n: rows });
    return [
      {
        type: "file",
        filename: `offers-${stamp}.csv`,
        mimeType: "text/csv",
        content,
        caption,
        private: true,
      },
    ];
  };

  const changeStatus = async (ctx: Context, args: string): Promise<Reply[]> => {
    const m = /^(\S+)\s+(\S+)(?:\s+([\s\S]*))?$/.exec(args.trim());
    const status = m?.[2] ? matchStatus(m[2]) : undefined;
    if (!m?.[1] || !status) return [text(fill(t(ctx.lang, ORG.statusUsage), { statuses: STATUSES.join(", ") }))];
    return flow.setStatus(ctx, m[1], status, m[3] ?? "");
  };

  const commands: CommandSpec[] = [
    {
      name: "donate",
      privateOnly: true,
      description: { en: "Offer surplus promotional clothing or stationery", "zh-HK": "捐贈剩餘的宣傳衣物或文具" },
      usage: "donate [what you offer]",
      run: (ctx, args) => form.start(ctx, args),
    },
    {
      name: "mydonations",
      privateOnly: true,
      description: { en: "Your donation offers and their status", "zh-HK": "你的捐贈及進度" },
      run: (ctx) => myDonations(ctx),
    },
    {
      name: "offer",
      privateOnly: true,
      usage: "offer <ref>",
      description: { en: "One donation offer in full (yours, or any for organisers)", "zh-HK": "查看一項捐贈的詳情" },
      run: showOffer,
    },
    {
      name: "impact",
      description: { en: "What our donation drive has achieved", "zh-HK": "捐贈計劃的成果" },
      run: async (ctx) => {
        // Counted by the store where it can (SQL aggregates), else from every offer.
        const totals = await repo.impact();
        const rows = CATEGORIES.map((c) => ({
          label: t(ctx.lang, c.label),
          value: totals.byCategory.get(c.value)?.items ?? 0,
        }));
        const any = [...totals.byStatus.values()].some((x) => x.offers > 0);
        const title = t(ctx.lang, IMPACT_CHART);
        const chart = { title, rows: any ? rows : [], filename: "impact.png" };
        return [await withPicture(services, text(impactOf(totals, ctx.lang)), chart)];
      },
    },
    {
      name: "offers",
      usage: "offers [status] [category] [district] [export]",
      description: { en: "List, filter or export (CSV) donation offers", "zh-HK": "列出、篩選或匯出（CSV）捐贈" },
      organiserOnly: true,
      hidden: true,
      run: listOffers,
    },
    {
      name: "offerstatus",
      usage: "offerstatus <ref> <status> [note]",
      description: { en: "Move a donation offer to a new status", "zh-HK": "更新捐贈的狀態" },
      organiserOnly: true,
      hidden: true,
      run: changeStatus,
    },
  ];

  return {
    name: FEATURE,
    commands,
    onText: (ctx, body, session) => form.onText(ctx, session, body),
    reprompt: (ctx, session) => form.reprompt(ctx, session),
    onCancel: (ctx) => form.onCancel(ctx),
    onForm: (ctx, formId, values) => form.onForm(ctx, formId, values),
    async onAction(ctx, args) {
      const [verb, ref = "", status = ""] = args;
      switch (verb) {
        case "st": {
          if (!ctx.isOrganiser) return [text(t(ctx.lang, ORGANISERS_ONLY), { private: true })];
          const to = matchStatus(status);
          return to ? flow.setStatus(ctx, ref, to) : notYours(ctx, ref);
        }
        case "wd":
          return flow.askWithdraw(ctx, ref);
        case "wdy":
          return flow.withdraw(ctx, ref);
        case "wdn":
          return flow.keep(ctx, ref);
        default:
          return form.onAction(ctx, args);
      }
    },
    personalData: (memberId, lang) => priv.personalData(memberId, lang),
    forget: (memberId) => priv.forget(memberId),
    purgeClosedPersonalData: (now) => priv.purgeClosedPersonalData(now),
  };
}
