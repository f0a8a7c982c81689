/** How offers are shown: full cards (owner and organisers only), list lines, the CSV export, /impact. */
import { csvLines, csvRow } from "../csv.ts";
import { fill, t } from "../i18n.ts";
import type { CardReply } from "../replies.ts";
import type { Lang } from "../types.ts";
import {
  CATEGORIES,
  type CatalogueEntry,
  CONDITIONS,
  DISTRICTS,
  type OfferStatus,
  STATUS_LABELS,
  STATUSES,
} from "./catalogue.ts";
import { field, type OfferFieldName } from "./form.ts";
import { IMPACT, LABELS, ORG } from "./messages.ts";
import type { ImpactTotals, Offer, OfferRecord } from "./repo.ts";

/** The localised name of a catalogue value (the raw value when unknown). */
export function entryLabel(entries: readonly CatalogueEntry[], value: string, lang: Lang): string {
  const e = entries.find((x) => x.value === value);
  return e ? t(lang, e.label) : value;
}

/** The localised name of a status. */
export function statusLabel(s: OfferStatus, lang: Lang): string {
  return t(lang, STATUS_LABELS[s]);
}

/** The date part of an ISO time. */
function day(iso: string): string {
  return iso.slice(0, 10);
}

/** The contact (phone or email) of an offer, if kept. */
function contactOf(o: Offer): string | undefined {
  return o.phone ?? o.email;
}

/** Label and value of each field of an offer, personal ones included: for its owner and organisers only. */
export function offerFields(o: Offer, lang: Lang): { label: string; value: string }[] {
  const erased = t(lang, ORG.erased);
  const gone = (v: string | undefined) => v ?? (o.erasedAt ? erased : "-");
  const row = (name: OfferFieldName, value: string) => ({ label: t(lang, field(name).label), value });
  return [
    { label: t(lang, LABELS.status), value: statusLabel(o.status, lang) },
    { label: t(lang, LABELS.created), value: day(o.createdAt) },
    { label: t(lang, LABELS.organisation), value: gone(o.organisation) },
    row("category", entryLabel(CATEGORIES, o.category, lang)),
    row("description", gone(o.description)),
    row("quantity", `${o.quantity} ${o.unit ?? ""}`.trim()),
    row("condition", entryLabel(CONDITIONS, o.condition, lang)),
    row("district", entryLabel(DISTRICTS, o.district, lang)),
    row("address", gone(o.address)),
    row("available", gone(o.available)),
    row("contactName", gone(o.contactName)),
    row("contact", gone(contactOf(o))),
  ];
}

/** A full card of an offer with its history: for its owner and organisers only. */
export function offerCard(o: Offer, lang: Lang, buttons: CardReply["buttons"] = []): CardReply {
  const history = o.history.map((h) => `${day(h.at)} ${statusLabel(h.status, lang)}${h.note ? ` — ${h.note}` : ""}`);
  return {
    type: "card",
    title: o.ref,
    body: `${t(lang, ORG.history)}:\n${history.join("\n")}`,
    fields: offerFields(o, lang),
    private: true,
    ...(buttons.length > 0 ? { buttons } : {}),
  };
}

/** One line of a list of offers, with no personal data. */
export function offerLine(o: Offer, lang: Lang): string {
  return [
    o.ref,
    statusLabel(o.status, lang),
    entryLabel(CATEGORIES, o.category, lang),
    `${o.quantity} ${o.unit ?? ""}`.trim(),
    entryLabel(DISTRICTS, o.district, lang),
    day(o.createdAt),
  ].join(" · ");
}

/**
 * The CSV export of offers (organisers only): one row per offer that `keep` accepts, personal data
 * included. Read a page at a time and turned into text as it comes, letting other members' events
 * run in between: 100,000 offers built at once held the event loop for tens of ms.
 */
export async function offersCsv(
  pages: AsyncIterable<readonly OfferRecord[]> | Iterable<readonly OfferRecord[]>,
  keep: (o: OfferRecord) => boolean = () => true,
): Promise<{ content: string; rows: number }> {
  const head = [
    "ref",
    "status",
    "created_at",
    "updated_at",
    "category",
    "quantity",
    "unit",
    "condition",
    "district",
    "organisation",
    "description",
    "address",
    "available",
    "contact_name",
    "phone",
    "email",
  ];
  // Joined a page at a time, so no single step turns 100,000 rows into text at once.
  const chunks = [csvLines([csvRow(head)])];
  let rows = 0;
  for await (const page of pages) {
    const lines = page.filter(keep).map(offerRow);
    chunks.push(csvLines(lines));
    rows += lines.length;
    await new Promise((r) => setTimeout(r, 0));
  }
  return { content: chunks.join(""), rows };
}

function offerRow(o: OfferRecord): string {
  return csvRow([
    o.ref,
    o.status,
    o.createdAt,
    o.updatedAt,
    o.category,
    o.quantity,
    o.unit,
    o.condition,
    o.district,
    o.organisation,
    o.description,
    o.address,
    o.available,
    o.contactName,
    o.phone,
    o.email,
  ]);
}

interface Tally {
  offers: number;
  items: number;
}

function tally(offers: readonly Offer[], key: (o: Offer) => string): Map<string, Tally> {
  const m = new Map<string, Tally>();
  for (const o of offers) {
    const k = key(o);
    const cur = m.get(k) ?? { offers: 0, items: 0 };
    m.set(k, { offers: cur.offers + 1, items: cur.items + o.quantity });
  }
  return m;
}

/** The /impact text: counts of offers and items by category and status; no personal data by construction. */
export function impactText(offers: readonly Offer[], lang: Lang): string {
  return impactOf(impactTotals(offers), lang);
}

/** Offers and items per category and status, counted from the offers themselves. */
export function impactTotals(offers: readonly Offer[]): ImpactTotals {
  return { byCategory: tally(offers, (o) => o.category), byStatus: tally(offers, (o) => o.status) };
}

/** /impact from totals counted by the store. */
export function impactOf(totals: ImpactTotals, lang: Lang): string {
  const all = [...totals.byStatus.values()];
  const count = all.reduce((n, x) => n + x.offers, 0);
  if (count === 0) return t(lang, IMPACT.none);
  const items = all.reduce((n, x) => n + x.items, 0);
  const num = (n: number) => n.toLocaleString("en-US");
  const line = (name: string, x: Tally) =>
    `• ${fill(t(lang, IMPACT.line), { name, offers: num(x.offers), items: num(x.items) })}`;
  const byCat = totals.byCategory;
  const byStatus = totals.byStatus;
  return [
    t(lang, IMPACT.title),
    fill(t(lang, IMPACT.total), { offers: num(count), items: num(items) }),
    "",
    `${t(lang, IMPACT.byCategory)}:`,
    ...CATEGORIES.filter((c) => byCat.has(c.value)).map((c) =>
      line(t(lang, c.label), byCat.get(c.value) ?? { offers: 0, items: 0 }),
    ),
    "",
    `${t(lang, IMPACT.byStatus)}:`,
    ...STATUSES.filter((s) => byStatus.has(s)).map((s) =>
      line(statusLabel(s, lang), byStatus.get(s) ?? { offers: 0, items: 0 }),
    ),
    "",
    t(lang, IMPACT.unitsNote),
  ].join("\n");
}
