/**
 * What a member already said about their goods when they asked to donate
 * ("I want to donate 200 t-shirts", "我哋有300本筆記簿想捐"): the category,
 * the quantity, its unit and a description, so the form does not ask again.
 */
import type { Localised } from "../i18n.ts";
import { MAX_QUANTITY, type OfferFieldName } from "./form.ts";

interface Goods {
  readonly category: "clothing" | "stationery" | "other";
  readonly pattern: RegExp;
}

/** Words for the goods people offer, by category (English and Chinese). */
const GOODS: readonly Goods[] = [
  {
    category: "clothing",
    pattern:
      /\b(?:t-?shirts?|tees?|polo(?: shirts?)?s?|shirts?|hoodies?|sweatshirts?|jackets?|caps?|hats?|vests?|uniforms?|jerseys?|scarves|scarf|socks|clothes|clothing|apparel|garments?)\b|T恤|[Tt]恤|恤衫|衛衣|外套|風褸|帽|衫|衣服|衣物|制服|襪/u,
  },
  {
    category: "stationery",
    pattern:
      /\b(?:notebooks?|notepads?|note ?books?|pens?|pencils?|highlighters?|markers?|folders?|files?|diaries|diary|planners?|stationery|stationary|paper|envelopes?|sticky notes|post-its?|rulers?|erasers?|staplers?|calendars?)\b|文具|筆記簿|筆記本|記事簿|原子筆|鉛筆|螢光筆|文件夾|信封|日記簿|月曆|筆/u,
  },
  {
    category: "other",
    pattern:
      /\b(?:tote bags?|bags?|mugs?|bottles?|umbrellas?|lanyards?|usb|power banks?|keychains?|key rings?|badges?|stickers?|mouse ?pads?|towels?)\b|袋|杯|水樽|雨傘|擋|掛繩|挂绳|頸繩|證件帶|匙扣|鎖匙扣|徽章|襟章|貼紙|滑鼠墊|毛巾/u,
  },
];

/** A number and the measure it is counted in, if any ("200 pieces", "3 boxes of", "300本", "300條"). */
const NUMBER = /(\d{1,3}(?:,\d{3})+|\d+)\s*(?:(pcs|pieces)|(boxes|sets) of|([件本支個盒箱套頂把條条張张枝]))?/giu;

/** Values for the offer form found in a member's words; empty when nothing was recognised. */
export function prefill(words: string): Partial<Record<OfferFieldName, string>> {
  const text = words.normalize("NFKC");
  let goods: { category: Goods["category"]; word: string; at: number } | undefined;
  for (const g of GOODS) {
    const m = g.pattern.exec(text);
    if (m && (!goods || m.index < goods.at)) goods = { category: g.category, word: m[0], at: m.index };
  }
  if (!goods) return {};
  const values: Partial<Record<OfferFieldName, string>> = { category: goods.category };
  let best: { n: number; unit: string; distance: number } | undefined;
  for (const m of text.matchAll(NUMBER)) {
    const n = Number((m[1] ?? "").replace(/,/g, ""));
    if (!Number.isInteger(n) || n < 1 || n > MAX_QUANTITY) continue;
    const distance = Math.abs((m.index ?? 0) - goods.at);
    const measure = m[2] ?? m[3] ?? m[4];
    const unit = measure ?? goods.word.toLowerCase();
    if (!best || distance < best.distance) best = { n, unit, distance };
  }
  if (best) {
    values.quantity = String(best.n);
    values.unit = best.unit === "pcs" ? "pieces" : best.unit;
  }
  values.description = best ? `${best.n} ${goods.word}` : goods.word;
  return values;
}

/** The note that tells a member what was taken from their words. */
export const PREFILLED: Localised = {
  en: "Noted from your message: {what}. I'll skip those questions.",
  "zh-HK": "已從你的訊息記下：{what}。相關問題將會略過。",
};
