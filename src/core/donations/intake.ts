/**
 * The guided intake of an offer: one question at a time (or the whole form
 * at once), kept in the member's session so it survives restarts and
 * expires after `formTtlMs` without an answer. The collection statement
 * comes before the first personal field, and until it is accepted no
 * personal answer is kept anywhere, not even in the session.
 */
import type { Context, Services } from "../feature.ts";
import { fill, t } from "../i18n.ts";
import { shortId } from "../ids.ts";
import { actionId, button, type Reply, text } from "../replies.ts";
import type { Session } from "../session.ts";
import { cleanLine } from "../text.ts";
import { CATEGORIES, CONDITIONS, DISTRICTS } from "./catalogue.ts";
import {
  errorMessage,
  FORM_PARTS,
  field,
  formFieldViews,
  isEmail,
  isFieldName,
  OFFER_FIELDS,
  OFFER_FORM_ID,
  type OfferField,
  type OfferFieldName,
  offerForm,
  splitQuantityUnit,
  validateOffer,
} from "./form.ts";
import { INTAKE, ORG, PICS } from "./messages.ts";
import { CORRECTED, goodsNoted, goodsTold, oneNumber, PREFILLED, prefill } from "./prefill.ts";
import type { Offer, OfferRepo } from "./repo.ts";
import { entryLabel, offerCard } from "./views.ts";

/** The feature name: prefix of action ids and owner of sessions. */
export const FEATURE = "don";

/** A half-filled offer as kept in the session. `organisation: ""` means skipped. */
export interface Draft {
  /** Identifies this filling of the form: it is submitted at most once. */
  readonly nonce: string;
  readonly values: Partial<Record<OfferFieldName, string>>;
  /** When the collection statement was accepted; personal values exist only after it. */
  readonly pdpoAt?: string;
}

/** What the intake needs. */
export interface IntakeDeps {
  readonly services: Services;
  readonly repo: OfferRepo;
  readonly formTtlMs: number;
}

const PDPO_STEP = "pdpo";
/** One record per submitted form state: a double-sent last answer creates one offer. */
export const SUBMITTED_NS = "offersubmit";
const YES = /^(y|yes|ok|accept|agree|i accept|同意|接受|我同意|是|好)$/i;
const NO = /^(n|no|decline|i decline|不同意|拒絕|我不同意|否|不)$/i;
const SKIP = /^(skip|-|none|n\/a|na|略過|跳過|無|沒有|不適用)$/i;

/** The draft of a session (tolerant of malformed data). */
export function draftOf(s: Session): Draft {
  const d = s.data as Partial<Draft>;
  return {
    nonce: typeof d.nonce === "string" ? d.nonce : s.updatedAt,
    values: { ...(d.values ?? {}) },
    ...(typeof d.pdpoAt === "string" ? { pdpoAt: d.pdpoAt } : {}),
  };
}

/** An empty draft. */
function newDraft(): Draft {
  return { nonce: shortId(10), values: {} };
}

/** The step after the answers given so far: the first unanswered field, the statement, or done. */
function nextStep(d: Draft): OfferFieldName | typeof PDPO_STEP | undefined {
  const f = OFFER_FIELDS.find((x) => d.values[x.name] === undefined);
  if (!f) return undefined;
  return f.personal && !d.pdpoAt ? PDPO_STEP : f.name;
}

/** Builds the intake handlers. */
export function intake(deps: IntakeDeps) {
  const { services, repo } = deps;
  const save = (ctx: Context, step: string, d: Draft) =>
    services.sessions.set(ctx.member.id, { feature: FEATURE, step, data: { ...d } }, deps.formTtlMs);

  const question = (ctx: Context, step: string): Reply => {
    if (step === PDPO_STEP) {
      return text(t(ctx.lang, PICS), {
        buttons: [
          button(actionId(FEATURE, "pdpo", "yes"), t(ctx.lang, INTAKE.accept), "primary"),
          button(actionId(FEATURE, "pdpo", "no"), t(ctx.lang, INTAKE.decline), "secondary"),
        ],
        private: true,
      });
    }
    const f = isFieldName(step) ? field(step) : field("organisation");
    const i = OFFER_FIELDS.indexOf(f) + 1;
    const prompt = `${fill(t(ctx.lang, INTAKE.step), { i, n: OFFER_FIELDS.length })}${t(ctx.lang, f.prompt)}`;
    if (f.choices) {
      const choices = f.choices.map((c, k) =>
        button(actionId(FEATURE, "f", f.name, c.value), `${k + 1}. ${t(ctx.lang, c.label)}`),
      );
      return { type: "choice", prompt, choices, private: true };
    }
    const buttons = f.required ? [] : [button(actionId(FEATURE, "skip"), t(ctx.lang, INTAKE.skip), "secondary")];
    return text(prompt, { private: true, ...(buttons.length > 0 ? { buttons } : {}) });
  };

  /** Creates the offer; if that fails, releases the submission marker (best effort) so that a retry can submit. */
  const createOrRelease = async (marker: string, make: (ref: string) => Offer): Promise<Offer> => {
    try {
      return await repo.create(make);
    } catch (e) {
      try {
        await services.store.delete(SUBMITTED_NS, marker);
      } catch (release) {
        services.logger.warn("donations: submission marker not released", { error: String(release) });
      }
      throw e;
    }
  };

  /**
   * Stores the offer once: the draft is validated again as a whole (a draft from an older
   * version asks again what no longer passes), and the draft's nonce lets only one of two
   * simultaneous final answers create an offer.
   */
  const submit = async (ctx: Context, d: Draft): Promise<Reply[]> => {
    const r = validateOffer(Object.fromEntries(Object.entries(d.values).filter(([, x]) => typeof x === "string")));
    if (!r.ok) {
      const values = Object.fromEntries(
        Object.entries(d.values).filter(([k]) => !r.errors.some(([f]) => f.name === k)),
      );
      return advance(ctx, { ...d, values });
    }
    const marker = `${ctx.member.id}:${d.nonce}`;
    const v = r.values;
    const now = ctx.now.toISOString();
    const contact = v.contact ?? "";
    const make = (ref: string): Offer => ({
      ref,
      ownerId: ctx.member.id,
      version: 1,
      status: "offered",
      createdAt: now,
      updatedAt: now,
      category: v.category ?? "",
      quantity: Number(v.quantity),
      condition: v.condition ?? "",
      district: v.district ?? "",
      ...(v.organisation ? { organisation: v.organisation } : {}),
      ...(v.unit ? { unit: v.unit } : {}),
      ...(v.description ? { description: v.description } : {}),
      ...(v.address ? { address: v.address } : {}),
      ...(v.available ? { available: v.available } : {}),
      ...(v.contactName ? { contactName: v.contactName } : {}),
      ...(isEmail(contact) ? { email: contact } : { phone: contact }),
      ...(d.pdpoAt ? { pdpoAcceptedAt: d.pdpoAt } : {}),
      history: [{ at: now, status: "offered", by: "donor" }],
    });
    let offer: Offer | undefined;
    if (repo.submitOnce) {
      // The offer and the organisers' notice are one transaction, de-duplicated by the submission key.
      offer = await repo.submitOnce(marker, make, (o) => ({
        notices: [{ to: "organisers", replies: [organiserNotice(o)] }],
      }));
    } else if (await services.store.add(SUBMITTED_NS, marker, 1, deps.formTtlMs)) {
      offer = await createOrRelease(marker, make);
      await services.notifier.toOrganisers([organiserNotice(offer)]);
    }
    if (!offer) return [text(t(ctx.lang, INTAKE.alreadySubmitted), { private: true })];
    await services.sessions.clear(ctx.member.id);
    return [text(fill(t(ctx.lang, INTAKE.thanks), { ref: offer.ref }), { private: true }), offerCard(offer, ctx.lang)];
  };

  /** Moves on after a change of the draft: the next question, the statement, or the submission. */
  const advance = async (ctx: Context, d: Draft, before: Reply[] = []): Promise<Reply[]> => {
    const step = nextStep(d);
    if (step === undefined) return [...before, ...(await submit(ctx, d))];
    await save(ctx, step, d);
    return [...before, question(ctx, step)];
  };

  const answer = async (ctx: Context, session: Session, raw: string): Promise<Reply[]> => {
    const d = draftOf(session);
    if (session.step === PDPO_STEP) return pdpo(ctx, d, raw);
    if (!isFieldName(session.step)) return advance(ctx, d);
    const f: OfferField = field(session.step);
    // "we have 200 hoodies" or "actually make that 300 notebooks, not 400" while the form asks for the
    // firm's name: the goods are noted (or changed), and the question asked again, not answered with
    // those words. (Where the form asks for the goods themselves, the words are its answer.)
    const told = f.name === "quantity" || f.name === "description" ? undefined : goodsTold(raw, d.values);
    if (told) {
      const values = { ...d.values, ...told.values };
      const what = goodsNoted(values) ?? "";
      const note = text(fill(t(ctx.lang, told.correction ? CORRECTED : PREFILLED), { what }), { private: true });
      // The question asked may be one of those just answered (what kind of goods): then the next one.
      if (values[f.name] !== undefined) return advance(ctx, { ...d, values }, [note]);
      await save(ctx, session.step, { ...d, values });
      return [note, question(ctx, f.name)];
    }
    if (!f.required && SKIP.test(cleanLine(raw))) return advance(ctx, { ...d, values: { ...d.values, [f.name]: "" } });
    const both = f.name === "quantity" && d.values.unit === undefined ? splitQuantityUnit(raw) : undefined;
    if (both) return advance(ctx, { ...d, values: { ...d.values, quantity: both.quantity, unit: both.unit } });
    const r = f.validate(raw);
    // "no sorry, it's about 150": the one number of the answer, when the answer as a whole is no number.
    const n = !r.ok && f.name === "quantity" ? oneNumber(raw) : undefined;
    const counted = n !== undefined ? f.validate(n) : undefined;
    if (counted?.ok) return advance(ctx, { ...d, values: { ...d.values, quantity: counted.value } });
    if (!r.ok) return [text(errorMessage(ctx.lang, r.error), { private: true }), question(ctx, f.name)];
    return advance(ctx, { ...d, values: { ...d.values, [f.name]: r.value } });
  };

  const pdpo = async (ctx: Context, d: Draft, raw: string): Promise<Reply[]> => {
    const word = cleanLine(raw);
    if (YES.test(word)) {
      const accepted: Draft = { ...d, pdpoAt: ctx.now.toISOString() };
      const step = nextStep(accepted);
      return advance(ctx, accepted, step ? formPart(ctx, step, t(ctx.lang, INTAKE.thanksAccepted)) : []);
    }
    if (NO.test(word)) {
      await services.sessions.clear(ctx.member.id);
      return [text(t(ctx.lang, INTAKE.declined), { private: true })];
    }
    return [text(t(ctx.lang, INTAKE.pdpoAgain), { private: true }), question(ctx, PDPO_STEP)];
  };

  /** The native form (modal) of the questions starting at `step`, if a part of the form starts there. */
  const formPart = (ctx: Context, step: string, fallbackText: string): Reply[] => {
    const entry = Object.entries(FORM_PARTS).find(([id, names]) => id !== OFFER_FORM_ID && names[0] === step);
    if (!entry) return [];
    const [formId, names] = entry;
    const title = t(ctx.lang, offerForm.title);
    return [{ type: "form", formId, title, fields: formFieldViews(ctx.lang, names), fallbackText, private: true }];
  };

  const firstQuestion = async (ctx: Context, words = ""): Promise<Reply[]> => {
    const first = OFFER_FIELDS[0]?.name ?? "organisation";
    const given = prefill(words);
    await save(ctx, first, { ...newDraft(), values: given });
    const intro = fill(t(ctx.lang, INTAKE.intro), { n: OFFER_FIELDS.length });
    const what = [goodsNoted(given), given.category ? entryLabel(CATEGORIES, given.category, ctx.lang) : undefined]
      .filter((x): x is string => Boolean(x))
      // "文具" said and filed under 文具 is noted once.
      .filter((x, i, all) => all.findIndex((y) => y.toLowerCase() === x.toLowerCase()) === i);
    const noted =
      what.length > 0 ? [text(fill(t(ctx.lang, PREFILLED), { what: what.join(", ") }), { private: true })] : [];
    return [...noted, ...formPart(ctx, first, intro), question(ctx, first)];
  };

  return {
    /** `/donate [what]`: starts the form (with what the member said already filled in), or offers to continue or restart the one in progress. */
    async start(ctx: Context, words = ""): Promise<Reply[]> {
      if (ctx.chat.type !== "private") return [text(t(ctx.lang, INTAKE.privateOnly), { private: true })];
      const session = await services.sessions.get(ctx.member.id);
      if (session && session.feature !== FEATURE)
        return [text(t(ctx.lang, INTAKE.otherConversation), { private: true })];
      if (!session) return firstQuestion(ctx, words);
      // Asked about donating in the middle of the form ("where do we drop the boxes off?"): how it
      // works, and the form goes on (no choice to continue or restart).
      if (ctx.aside) return [text(t(ctx.lang, INTAKE.about), { private: true })];
      const done = Object.keys(draftOf(session).values).length;
      return [
        text(fill(t(ctx.lang, INTAKE.midForm), { done, n: OFFER_FIELDS.length }), {
          buttons: [
            button(actionId(FEATURE, "cont"), t(ctx.lang, INTAKE.continue), "primary"),
            button(actionId(FEATURE, "restart"), t(ctx.lang, INTAKE.restart), "danger"),
          ],
          private: true,
        }),
      ];
    },

    /** A typed answer to the current question. */
    onText: answer,

    /** The current question again (after the member asked something aside). */
    reprompt: async (ctx: Context, session: Session): Promise<Reply[]> => [question(ctx, session.step)],

    /** A button of the form: `f:<field>:<value>`, `skip`, `pdpo:yes|no`, `cont`, `restart`. */
    async onAction(ctx: Context, args: readonly string[]): Promise<Reply[]> {
      const session = await services.sessions.get(ctx.member.id);
      if (!session || session.feature !== FEATURE) return [text(t(ctx.lang, INTAKE.expired), { private: true })];
      const [verb, a = "", b = ""] = args;
      if (verb === "restart") return firstQuestion(ctx);
      if (verb === "cont") return [question(ctx, session.step)];
      const expected = verb === "f" ? a : verb === "pdpo" ? PDPO_STEP : verb === "skip" ? "organisation" : "";
      if (expected !== session.step) {
        return [text(t(ctx.lang, INTAKE.staleQuestion), { private: true }), question(ctx, session.step)];
      }
      const raw = verb === "f" ? b : verb === "pdpo" ? (a === "yes" ? "yes" : "no") : "skip";
      return answer(ctx, session, raw);
    },

    /**
     * A native form: the whole offer, or a part of it (see {@link FORM_PARTS}). Personal answers
     * are dropped, unseen, until the collection statement is accepted.
     */
    async onForm(ctx: Context, formId: string, values: Readonly<Record<string, string>>): Promise<Reply[]> {
      const names = FORM_PARTS[formId];
      if (!names) return [text(t(ctx.lang, INTAKE.expired), { private: true })];
      const session = await services.sessions.get(ctx.member.id);
      if (session && session.feature !== FEATURE)
        return [text(t(ctx.lang, INTAKE.otherConversation), { private: true })];
      const r = validateOffer(values, names);
      if (!r.ok) {
        const lines = r.errors.map(([f, e]) => `• ${t(ctx.lang, f.label)}: ${errorMessage(ctx.lang, e)}`);
        // The same form again with every answer kept (a platform with forms shows it filled in), and the question.
        const fields = formFieldViews(ctx.lang, names).map((f) => {
          const value = values[f.name];
          return value ? { ...f, value } : f;
        });
        const form: Reply = {
          type: "form",
          formId,
          title: t(ctx.lang, offerForm.title),
          fields,
          fallbackText: "",
          private: true,
        };
        const again = session ? [form, question(ctx, session.step)] : [form];
        return [text([t(ctx.lang, INTAKE.formErrors), ...lines].join("\n"), { private: true }), ...again];
      }
      const prev = session ? draftOf(session) : newDraft();
      const given = names.includes("organisation") ? { organisation: "", ...r.values } : r.values;
      const merged = { ...prev.values, ...given };
      if (prev.pdpoAt) return advance(ctx, { ...prev, values: merged });
      const goods = Object.fromEntries(Object.entries(merged).filter(([k]) => isFieldName(k) && !field(k).personal));
      const dropped = names.some((n) => field(n).personal);
      return advance(
        ctx,
        { nonce: prev.nonce, values: goods },
        dropped ? [text(t(ctx.lang, INTAKE.contactsNotKept), { private: true })] : [],
      );
    },

    /** `/cancel` during the form. */
    async onCancel(ctx: Context): Promise<Reply[]> {
      return [text(t(ctx.lang, INTAKE.cancelled), { private: true })];
    },
  };
}

/** The announcement of a new offer to the organisers: what and where, no contact details. */
export function organiserNotice(o: Offer): Reply {
  const lang = "en";
  const both = (s: { en: string; "zh-HK": string }, v: Record<string, string>) =>
    `${fill(s.en, v)} / ${fill(s["zh-HK"], v)}`;
  return {
    type: "card",
    title: both(ORG.newOffer, { ref: o.ref }),
    body: both(ORG.seeFull, { ref: o.ref }),
    fields: [
      { label: "Category / 類別", value: entryLabel(CATEGORIES, o.category, lang) },
      { label: "Quantity / 數量", value: `${o.quantity} ${o.unit ?? ""}`.trim() },
      { label: "Condition / 狀況", value: entryLabel(CONDITIONS, o.condition, lang) },
      {
        label: "District / 地區",
        value: `${entryLabel(DISTRICTS, o.district, "en")} ${entryLabel(DISTRICTS, o.district, "zh-HK")}`,
      },
    ],
    buttons: [
      button(actionId(FEATURE, "st", o.ref, "accepted"), "Accept / 接納", "primary"),
      button(actionId(FEATURE, "st", o.ref, "declined"), "Decline / 婉拒", "danger"),
    ],
  };
}
