/**
 * The fixed vocabularies of a donation offer: categories, conditions, the 18
 * districts of Hong Kong (names as used by the Home Affairs Department), and
 * the statuses of the organisers' workflow with the transitions allowed.
 */
import type { Localised } from "../i18n.ts";

/** One value of a fixed list, with its names in each language and other accepted spellings. */
export interface CatalogueEntry {
  readonly value: string;
  readonly label: Localised;
  /** Further spellings accepted when typed (lower case, compared after normalisation). */
  readonly aliases?: readonly string[];
}

/** What can be offered. */
export const CATEGORIES = [
  {
    value: "clothing",
    label: { en: "Promotional clothing", "zh-HK": "宣傳衣物" },
    aliases: ["clothing", "clothes", "apparel", "t-shirts", "衣物", "衣服"],
  },
  { value: "stationery", label: { en: "Stationery", "zh-HK": "文具" }, aliases: ["stationary"] },
  { value: "other", label: { en: "Other", "zh-HK": "其他" } },
] as const satisfies readonly CatalogueEntry[];

/** The state of the goods. */
export const CONDITIONS = [
  { value: "new", label: { en: "New", "zh-HK": "全新" } },
  { value: "like_new", label: { en: "Like new", "zh-HK": "近乎全新" }, aliases: ["as new", "九成新"] },
  { value: "used", label: { en: "Used", "zh-HK": "二手" }, aliases: ["second hand", "secondhand", "舊", "已使用"] },
] as const satisfies readonly CatalogueEntry[];

/** The 18 districts of Hong Kong. */
export const DISTRICTS = [
  { value: "cw", label: { en: "Central and Western", "zh-HK": "中西區" }, aliases: ["central & western", "central"] },
  { value: "wch", label: { en: "Wan Chai", "zh-HK": "灣仔區" }, aliases: ["wanchai"] },
  { value: "east", label: { en: "Eastern", "zh-HK": "東區" }, aliases: ["east"] },
  { value: "south", label: { en: "Southern", "zh-HK": "南區" }, aliases: ["south"] },
  { value: "ytm", label: { en: "Yau Tsim Mong", "zh-HK": "油尖旺區" } },
  { value: "ssp", label: { en: "Sham Shui Po", "zh-HK": "深水埗區" } },
  { value: "klc", label: { en: "Kowloon City", "zh-HK": "九龍城區" } },
  { value: "wts", label: { en: "Wong Tai Sin", "zh-HK": "黃大仙區" } },
  { value: "kt", label: { en: "Kwun Tong", "zh-HK": "觀塘區" } },
  { value: "kwt", label: { en: "Kwai Tsing", "zh-HK": "葵青區" } },
  { value: "tw", label: { en: "Tsuen Wan", "zh-HK": "荃灣區" } },
  { value: "tm", label: { en: "Tuen Mun", "zh-HK": "屯門區" } },
  { value: "yl", label: { en: "Yuen Long", "zh-HK": "元朗區" } },
  { value: "north", label: { en: "North", "zh-HK": "北區" }, aliases: ["northern"] },
  { value: "tp", label: { en: "Tai Po", "zh-HK": "大埔區" } },
  { value: "st", label: { en: "Sha Tin", "zh-HK": "沙田區" }, aliases: ["shatin"] },
  { value: "sk", label: { en: "Sai Kung", "zh-HK": "西貢區" } },
  { value: "is", label: { en: "Islands", "zh-HK": "離島區" }, aliases: ["outlying islands"] },
] as const satisfies readonly CatalogueEntry[];

/** Where an offer is in the organisers' workflow. */
export type OfferStatus =
  | "offered"
  | "accepted"
  | "pickup_scheduled"
  | "collected"
  | "distributed"
  | "declined"
  | "withdrawn";

/** Every status, in workflow order. */
export const STATUSES: readonly OfferStatus[] = [
  "offered",
  "accepted",
  "pickup_scheduled",
  "collected",
  "distributed",
  "declined",
  "withdrawn",
];

/** The names of the statuses. */
export const STATUS_LABELS: Readonly<Record<OfferStatus, Localised>> = {
  offered: { en: "Offered", "zh-HK": "已提出" },
  accepted: { en: "Accepted", "zh-HK": "已接納" },
  pickup_scheduled: { en: "Pickup scheduled", "zh-HK": "已安排收集" },
  collected: { en: "Collected", "zh-HK": "已收集" },
  distributed: { en: "Distributed", "zh-HK": "已派發" },
  declined: { en: "Declined", "zh-HK": "已婉拒" },
  withdrawn: { en: "Withdrawn", "zh-HK": "已撤回" },
};

/** The statuses each status may move to. */
export const TRANSITIONS: Readonly<Record<OfferStatus, readonly OfferStatus[]>> = {
  offered: ["accepted", "declined", "withdrawn"],
  accepted: ["pickup_scheduled", "declined", "withdrawn"],
  pickup_scheduled: ["collected", "accepted", "withdrawn"],
  collected: ["distributed"],
  distributed: [],
  declined: [],
  withdrawn: [],
};

/** Closed offers: their personal data is removed after the retention period. */
export const CLOSED: readonly OfferStatus[] = ["distributed", "declined", "withdrawn"];

/** Offers the donor may still withdraw (not yet collected). */
export const WITHDRAWABLE: readonly OfferStatus[] = ["offered", "accepted", "pickup_scheduled"];

/** Whether a status may move to another. */
export function canMove(from: OfferStatus, to: OfferStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Lower case, `&` as `and`, without spaces, punctuation, or a trailing "district"/區. */
export function normaliseName(s: string): string {
  return s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/&/g, "and")
    .replace(/\bdistrict\b/g, "")
    .replace(/[\s\p{P}\p{S}]/gu, "")
    .replace(/區$/u, "");
}

/**
 * Finds the entry a member meant: its value, a name in either language, an alias,
 * or its number in the list (1-based).
 */
export function matchEntry<E extends CatalogueEntry>(entries: readonly E[], input: string): E | undefined {
  const n = normaliseName(input);
  if (n === "") return undefined;
  if (/^\d{1,2}$/.test(n)) return entries[Number(n) - 1];
  return entries.find((e) =>
    [e.value, e.label.en, e.label["zh-HK"], ...(e.aliases ?? [])].some((name) => normaliseName(name) === n),
  );
}

/** The status a typed word means (`pickup_scheduled`, `pickup scheduled`, `Accepted`, 已接納). */
export function matchStatus(input: string): OfferStatus | undefined {
  const n = normaliseName(input);
  return STATUSES.find(
    (s) =>
      normaliseName(s) === n ||
      normaliseName(STATUS_LABELS[s].en) === n ||
      normaliseName(STATUS_LABELS[s]["zh-HK"]) === n,
  );
}
