/**
 * What a member already said about their goods when they asked to donate
 * ("I want to donate 200 t-shirts", "我哋有300本筆記簿想捐"): the category,
 * the quantity, its unit and a description, so the form does not ask again.
 */
import type { Localised } from "../i18n.ts";
import { chineseNumber, escapeRegExp, numbersIn } from "../text.ts";
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

/** A whole number as people write it ("1,500", "300"), as a pattern's source. */
const WHOLE = String.raw`\d{1,3}(?:,\d{3})+|\d+`;
/** Chinese measure words that count goods (件, 本, 支, 條…), as a character class's contents. */
const MEASURES = "件本支個个盒箱套頂把條条張张枝";

/** A number and the measure it is counted in, if any ("200 pieces", "3 boxes of", "300本", "300條"). */
const NUMBER = new RegExp(String.raw`(${WHOLE})\s*(?:(pcs|pieces)|(boxes|sets) of|([${MEASURES}]))?`, "giu");

/** A number written just before the goods it counts ("400 notebooks", "250 pens", "300本筆記簿"). */
const COUNTED = new RegExp(
  String.raw`(${WHOLE})\s*(?:[a-z'-]+\s+){0,2}$|(${WHOLE})\s*[${MEASURES}]?[\u4e00-\u9fff]{0,3}$`,
  "iu",
);

/** Every goods pattern, matching all its words (matchAll copies a pattern, so one serves every call). */
const GOODS_ALL = GOODS.map((g) => ({ category: g.category, all: new RegExp(g.pattern.source, "giu") }));

/** Every goods word of a text, in order, with its category (of words that overlap, the first kind's). */
function goodsWords(text: string): { category: Goods["category"]; at: number; end: number }[] {
  const found: { category: Goods["category"]; at: number; end: number }[] = [];
  for (const g of GOODS_ALL)
    for (const m of text.matchAll(g.all)) {
      const at = m.index ?? 0;
      if (!found.some((f) => at < f.end && f.at < at + m[0].length))
        found.push({ category: g.category, at, end: at + m[0].length });
    }
  return found.sort((a, b) => a.at - b.at);
}

/**
 * Goods of several kinds, each with its own number ("400 notebooks and 250 pens"): one offer of them
 * all, counted in items, described as the member said it.
 */
function several(text: string): Partial<Record<OfferFieldName, string>> | undefined {
  const found: { category: Goods["category"]; at: number; end: number; n: number; from: number }[] = [];
  for (const w of goodsWords(text)) {
    const before = COUNTED.exec(text.slice(Math.max(0, w.at - 24), w.at));
    const n = Number((before?.[1] ?? before?.[2] ?? "").replace(/,/g, ""));
    if (!before || !Number.isInteger(n) || n < 1) continue;
    const from = w.at - before[0].length;
    // "40 keychains and badges": the one number counts the keychains, not the badges too.
    if (found.some((f) => f.from === from)) continue;
    found.push({ ...w, n, from });
  }
  if (found.length < 2) return undefined;
  const total = found.reduce((sum, f) => sum + f.n, 0);
  const first = found[0];
  const last = found[found.length - 1];
  if (!first || !last || total > MAX_QUANTITY) return undefined;
  const categories = new Set(found.map((f) => f.category));
  return {
    category: categories.size === 1 ? first.category : "other",
    quantity: String(total),
    unit: "items",
    description: text.slice(first.from, last.end).trim(),
  };
}

/** Goods counted by what they came in ("3 pallets of promo stuff", "5 boxes of notebooks"). */
const CONTAINED = new RegExp(String.raw`(${WHOLE})\s*(pallets?|crates?|cartons?|boxes|box|bags|packs?)\s+of\b`, "iu");
/** How far apart goods words may be in one list ("umbrellas, polo shirts (about 250, all sizes), and notebooks"). */
const LIST_GAP = 40;
/** The end of a sentence, which a list of goods does not run past. */
const SENTENCE_END = /[.!?;。！？；\n]/u;

/**
 * Goods listed without a number for each ("3 pallets of promo stuff: umbrellas, polo shirts and
 * notebooks", "some caps and jackets"), or counted by what they came in: the list as the member wrote
 * it, counted only by its containers or by the one number before it.
 */
function listed(text: string): Partial<Record<OfferFieldName, string>> | undefined {
  const words = goodsWords(text);
  const first = words[0];
  if (!first) return undefined;
  let last = first;
  const run = [first];
  for (const w of words.slice(1)) {
    const between = text.slice(last.end, w.at);
    if (between.length > LIST_GAP || SENTENCE_END.test(between)) break;
    run.push(w);
    last = w;
  }
  const box = CONTAINED.exec(text);
  const boxEnd = box ? box.index + box[0].length : -1;
  const boxed =
    box !== null &&
    boxEnd <= first.at &&
    first.at - boxEnd <= LIST_GAP &&
    !SENTENCE_END.test(text.slice(boxEnd, first.at));
  if (run.length < 2 && !boxed) return undefined;
  const categories = new Set(run.map((w) => w.category));
  const category = categories.size === 1 ? first.category : "other";
  if (box && boxed) {
    const n = Number((box[1] ?? "").replace(/,/g, ""));
    if (!Number.isInteger(n) || n < 1 || n > MAX_QUANTITY) return undefined;
    const unit = (box[2] ?? "").toLowerCase();
    return {
      category,
      quantity: String(n),
      unit: unit === "box" ? "boxes" : unit,
      description: text.slice(box.index, last.end).trim(),
    };
  }
  // "40 keychains and badges": the one number before the list counts it.
  const before = COUNTED.exec(text.slice(Math.max(0, first.at - 24), first.at));
  const n = Number((before?.[1] ?? before?.[2] ?? "").replace(/,/g, ""));
  const counted = before !== null && Number.isInteger(n) && n >= 1 && n <= MAX_QUANTITY;
  return {
    category,
    ...(counted ? { quantity: String(n), unit: "items" } : {}),
    description: text.slice(counted ? first.at - before[0].length : first.at, last.end).trim(),
  };
}

/** Chinese numbers written with a unit, or before a measure word ("兩百件", "三千本"), as digits. */
const CHINESE_COUNT = new RegExp(
  String.raw`(?<![幾几數数好成上])(?:[零〇一二兩两三四五六七八九十百千萬万]+(?=\s*[${MEASURES}])|[零〇一二兩两三四五六七八九]*[十百千萬万][零〇一二兩两三四五六七八九十百千萬万]*)`,
  "gu",
);

/** Values for the offer form found in a member's words; empty when nothing was recognised. */
export function prefill(words: string): Partial<Record<OfferFieldName, string>> {
  const text = words.normalize("NFKC").replace(CHINESE_COUNT, (m) => {
    const n = chineseNumber(m);
    return n === undefined ? m : String(n);
  });
  const many = several(text) ?? listed(text);
  if (many) return many;
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

/**
 * A correction of the goods already noted, sent while the form asks something else ("actually make
 * that 300 notebooks, not 400", "其實係300本，唔係400"): the new values, or undefined when the words
 * are no such correction (an answer to the question asked).
 */
export function corrected(
  words: string,
  noted: Partial<Record<OfferFieldName, string>>,
): Partial<Record<OfferFieldName, string>> | undefined {
  const text = words.normalize("NFKC");
  if (!CORRECTING.test(text) || noted.quantity === undefined) return undefined;
  const given = prefill(text);
  if (given.quantity !== undefined) {
    // "make that 300 notebooks" of "400 notebooks and 250 pens": that one number in what was noted.
    const word = given.description?.replace(/^[\d,]+\s*/u, "");
    if (word && noted.description && noted.description !== given.description) {
      const one = new RegExp(
        String.raw`\d[\d,]*(?=\s*[${MEASURES}]?\s*(?:[a-z'-]+\s+){0,2}${escapeRegExp(word)})`,
        "iu",
      );
      const changed = noted.description.replace(one, given.quantity);
      const again = changed !== noted.description ? prefill(changed) : {};
      if (again.quantity !== undefined) return again;
    }
    return given;
  }
  // "actually 300, not 400": the number alone, of the goods already noted.
  const n = numbersIn(text)[0];
  if (!n || !Number.isInteger(Number(n)) || Number(n) < 1 || Number(n) > MAX_QUANTITY) return undefined;
  const description = noted.description?.replace(/\d[\d,]*/u, n);
  return { quantity: n, ...(description ? { description } : {}) };
}

/**
 * Goods told in answer to another question ("we have 200 hoodies" when the form asks for the firm), or
 * a correction of those noted: the values to note, and whether they correct earlier ones.
 */
export function goodsTold(
  words: string,
  noted: Partial<Record<OfferFieldName, string>>,
): { values: Partial<Record<OfferFieldName, string>>; correction: boolean } | undefined {
  const fix = corrected(words, noted);
  if (fix) return { values: fix, correction: true };
  if (noted.quantity !== undefined) return undefined;
  const given = prefill(words);
  return given.quantity !== undefined && given.category !== undefined
    ? { values: given, correction: false }
    : undefined;
}

/** The one whole number of an answer ("no sorry, it's about 150"), if it has exactly one. */
export function oneNumber(words: string): string | undefined {
  const text = words.normalize("NFKC");
  // A sentence around it; not a negative or a fraction ("-5", "2.5"), which the question refuses as such.
  if (!/[a-z\u4e00-\u9fff]/iu.test(text) || /-\s*\d|\d\.\d/u.test(text)) return undefined;
  const all = numbersIn(text);
  return all.length === 1 ? all[0] : undefined;
}

/** Words that correct what was said ("actually", "make that", "I meant", "其實", "改做", "更正"). */
const CORRECTING =
  /\b(?:actually|make (?:that|it)|change (?:that|it) to|i meant|sorry,? (?:i meant|it'?s|it is|make)|correction|not \d)|其實|其实|改(?:做|為|为|成)|更正|應該係|應該是|应该是|唔係\d|不是\d/iu;

/** What was noted of the goods, for the member: "400 notebooks and 250 pens (650 items)", "200 件", "caps". */
export function goodsNoted(values: Partial<Record<OfferFieldName, string>>): string | undefined {
  const counted = values.quantity ? `${values.quantity} ${values.unit ?? ""}`.trim() : undefined;
  if (counted && values.unit === "items" && values.description) return `${values.description} (${counted})`;
  return counted ?? values.description;
}

/** The note that tells a member what was changed. */
export const CORRECTED: Localised = {
  en: "Changed: {what}. Now back to the question.",
  "zh-HK": "已更改：{what}。請繼續回答以下問題。",
};

/** The note that tells a member what was taken from their words. */
export const PREFILLED: Localised = {
  en: "Noted from your message: {what}. I'll skip those questions.",
  "zh-HK": "已從你的訊息記下：{what}。相關問題將會略過。",
};
