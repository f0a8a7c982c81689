/**
 * The donation offer form, declared once as data: fields, kinds, choices,
 * limits, localised labels and questions, and one validator per field. Every
 * adapter renders it its own way (step by step, a modal, select menus); the
 * core validates every answer with the same validators, and a whole
 * submission with {@link offerSchema} built from them.
 */
import { z } from "zod";
import { type Localised, t } from "../i18n.ts";
import type { FormFieldView } from "../replies.ts";
import { cleanLine, cleanText, hasWords, truncate } from "../text.ts";
import type { Lang } from "../types.ts";
import { CATEGORIES, type CatalogueEntry, CONDITIONS, DISTRICTS, matchEntry } from "./catalogue.ts";

/** The form id of a whole offer submitted at once (a native form). */
export const OFFER_FORM_ID = "don:offer";

/** The largest quantity accepted in one offer. */
export const MAX_QUANTITY = 100_000;

/** Why an answer was refused; `params` fill the localised message. */
export interface FieldError {
  readonly code: keyof typeof ERRORS;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** The outcome of validating one answer: the canonical value, or why not. */
export type FieldResult =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly error: FieldError };

/** The names of the offer's fields, in the order they are asked. */
export type OfferFieldName =
  | "organisation"
  | "category"
  | "description"
  | "quantity"
  | "unit"
  | "condition"
  | "district"
  | "address"
  | "available"
  | "contactName"
  | "contact";

/** One field of the offer form, as data plus its validator. */
export interface OfferField {
  readonly name: OfferFieldName;
  readonly kind: FormFieldView["kind"];
  readonly label: Localised;
  /** The question asked when fields are asked one at a time. */
  readonly prompt: Localised;
  readonly placeholder?: Localised;
  readonly required: boolean;
  /** Personal data: asked only after the member accepted the collection statement. */
  readonly personal: boolean;
  /** Longest answer accepted, in characters. */
  readonly maxLength: number;
  readonly min?: number;
  readonly max?: number;
  readonly choices?: readonly CatalogueEntry[];
  /** Checks a raw answer and returns its canonical, plain-text value. */
  readonly validate: (raw: string) => FieldResult;
}

/** The messages of {@link FieldError} codes. */
export const ERRORS = {
  empty: { en: "I need an answer to this question.", "zh-HK": "請回答這條問題。" },
  noWords: { en: "That answer has no letters or digits.", "zh-HK": "這個答案沒有任何文字或數字。" },
  tooLong: {
    en: "That answer has {len} characters; the limit is {max}. Please shorten it.",
    "zh-HK": "這個答案有 {len} 個字元，上限是 {max} 個，請縮短。",
  },
  notNumber: {
    en: "Please send just the number of items, in digits (e.g. 120). I'll ask for the unit next.",
    "zh-HK": "請只輸入物品數量的數字（例如 120），稍後會再問單位。",
  },
  notWhole: { en: "The quantity must be a whole number (e.g. 120).", "zh-HK": "數量必須是整數（例如 120）。" },
  notPositive: { en: "The quantity must be at least 1.", "zh-HK": "數量最少為 1。" },
  tooMany: {
    en: "That is more than {max} items. For a larger donation, please offer it in parts or talk to an organiser.",
    "zh-HK": "數量超過 {max} 件。如捐贈數量更大，請分批登記或聯絡籌辦人。",
  },
  unknownChoice: {
    en: "I don't recognise “{input}”. Please pick one of the options (a button, its name or its number).",
    "zh-HK": "我不認得「{input}」。請從選項中選擇（按鈕、名稱或編號）。",
  },
  badPhone: {
    en: "That is not a Hong Kong phone number: it needs 8 digits starting with 2, 3, 5, 6, 7, 8 or 9, e.g. 9123 4567 or +852 9123 4567.",
    "zh-HK":
      "這不是有效的香港電話號碼：須為 8 位數字，以 2、3、5、6、7、8 或 9 開頭，例如 9123 4567 或 +852 9123 4567。",
  },
  badEmail: {
    en: "That email address doesn't look right (e.g. name@example.com).",
    "zh-HK": "電郵地址格式不正確（例如 name@example.com）。",
  },
  badContact: {
    en: "Please give a Hong Kong phone number (e.g. 9123 4567) or an email address (e.g. name@example.com).",
    "zh-HK": "請提供香港電話號碼（例如 9123 4567）或電郵地址（例如 name@example.com）。",
  },
} satisfies Record<string, Localised>;

const fail = (code: FieldError["code"], params?: FieldError["params"]): FieldResult => ({
  ok: false,
  error: params ? { code, params } : { code },
});

/** Defuses mass and direct mentions (`@everyone`, `@here`, `<@123>`) so stored text can never ping anyone. */
export function neutraliseMentions(s: string): string {
  return s.replace(/@(everyone|here)\b/gi, "＠$1").replace(/<@/g, "<＠");
}

/** A member's input quoted back in a reply: one line, shortened, mentions defused. */
export function echo(input: string, max: number): string {
  return neutraliseMentions(truncate(cleanLine(input), max));
}

/** A free-text validator: cleaned, mentions defused, non-empty, with letters or digits, at most `max` characters. */
function freeText(max: number, multiline = false): (raw: string) => FieldResult {
  return (raw) => {
    const clean = neutraliseMentions(multiline ? cleanText(raw) : cleanLine(raw));
    if (clean === "") return fail("empty");
    const len = Array.from(clean).length;
    if (len > max) return fail("tooLong", { len, max });
    if (!hasWords(clean)) return fail("noWords");
    return { ok: true, value: clean };
  };
}

function choice(entries: readonly CatalogueEntry[]): (raw: string) => FieldResult {
  return (raw) => {
    const clean = cleanLine(raw);
    if (clean === "") return fail("empty");
    const hit = matchEntry(entries, clean);
    return hit ? { ok: true, value: hit.value } : fail("unknownChoice", { input: echo(clean, 40) });
  };
}

/** Validates a quantity: a whole number from 1 to {@link MAX_QUANTITY}; `1,200` and full-width digits accepted. */
export function validateQuantity(raw: string): FieldResult {
  let s = cleanLine(raw).normalize("NFKC").replace(/\s+/g, "");
  if (s === "") return fail("empty");
  if (/^\d{1,3}(,\d{3})+$/.test(s)) s = s.replace(/,/g, "");
  if (/^-\d+(\.\d+)?$/.test(s)) return fail("notPositive");
  if (/^\+?\d*\.\d+$/.test(s)) return fail("notWhole");
  if (!/^\+?\d+$/.test(s)) return fail("notNumber");
  const digits = s.replace(/^\+?0*/, "");
  if (digits === "") return fail("notPositive");
  if (digits.length > 6 || Number(digits) > MAX_QUANTITY) return fail("tooMany", { max: MAX_QUANTITY });
  return { ok: true, value: digits };
}

/**
 * "200 pieces", "1,500 boxes", "300件": a quantity with its unit in one answer, as people write it.
 * Undefined when the answer is not of that shape or either part does not validate.
 */
export function splitQuantityUnit(raw: string): { quantity: string; unit: string } | undefined {
  const m = /^([+\d][\d,]*)\s*([^\d\s,.][\s\S]*)$/.exec(cleanLine(raw).normalize("NFKC"));
  if (!m) return undefined;
  const q = validateQuantity(m[1] ?? "");
  const u = freeText(30)(m[2] ?? "");
  return q.ok && u.ok ? { quantity: q.value, unit: u.value } : undefined;
}

const HK_PHONE = /^(?:\+852|00852|852)?([235-9]\d{7})$/;

/** Validates a Hong Kong phone number or an email; phones come back as `+852 9123 4567`, emails trimmed. */
export function validateContact(raw: string): FieldResult {
  const clean = cleanLine(raw).normalize("NFKC");
  if (clean === "") return fail("empty");
  if (clean.length > 254) return fail("tooLong", { len: clean.length, max: 254 });
  if (clean.includes("@")) {
    return z.email().safeParse(clean).success ? { ok: true, value: clean } : fail("badEmail");
  }
  if (/^[+\d][\d\s\-().]*$/.test(clean)) {
    const m = HK_PHONE.exec(clean.replace(/[\s\-().]/g, ""));
    const local = m?.[1];
    return local ? { ok: true, value: `+852 ${local.slice(0, 4)} ${local.slice(4)}` } : fail("badPhone");
  }
  return fail("badContact");
}

/** Whether a validated contact is an email (otherwise a phone). */
export function isEmail(contact: string): boolean {
  return contact.includes("@");
}

/** The fields of an offer, in the order they are asked. */
export const OFFER_FIELDS: readonly OfferField[] = [
  {
    name: "organisation",
    kind: "text",
    label: { en: "Organisation (optional)", "zh-HK": "機構（選填）" },
    prompt: {
      en: "Which firm or organisation is donating? (optional: press Skip or type skip)",
      "zh-HK": "捐贈的公司或機構名稱是？（選填：按「略過」或輸入 skip）",
    },
    required: false,
    personal: false,
    maxLength: 120,
    validate: freeText(120),
  },
  {
    name: "category",
    kind: "choice",
    label: { en: "Category", "zh-HK": "類別" },
    prompt: { en: "What kind of goods are you offering?", "zh-HK": "你想捐贈哪類物品？" },
    required: true,
    personal: false,
    maxLength: 40,
    choices: CATEGORIES,
    validate: choice(CATEGORIES),
  },
  {
    name: "description",
    kind: "longtext",
    label: { en: "Description", "zh-HK": "物品描述" },
    prompt: {
      en: "Describe the goods (sizes, colours, items; up to 1,000 characters).",
      "zh-HK": "請描述物品（尺碼、顏色、款式等，最多 1,000 字）。",
    },
    placeholder: {
      en: "e.g. 120 cotton T-shirts, sizes M-XL, company logo",
      "zh-HK": "例如：120 件棉質 T 恤，M 至 XL 碼",
    },
    required: true,
    personal: false,
    maxLength: 1000,
    validate: freeText(1000, true),
  },
  {
    name: "quantity",
    kind: "number",
    label: { en: "Quantity", "zh-HK": "數量" },
    prompt: { en: "How many items? (a whole number, e.g. 120)", "zh-HK": "共有多少件？（整數，例如 120）" },
    required: true,
    personal: false,
    maxLength: 12,
    min: 1,
    max: MAX_QUANTITY,
    validate: validateQuantity,
  },
  {
    name: "unit",
    kind: "text",
    label: { en: "Unit", "zh-HK": "單位" },
    prompt: { en: "In what unit? (e.g. pieces, boxes, sets)", "zh-HK": "單位是甚麼？（例如：件、箱、套）" },
    placeholder: { en: "pieces", "zh-HK": "件" },
    required: true,
    personal: false,
    maxLength: 30,
    validate: freeText(30),
  },
  {
    name: "condition",
    kind: "choice",
    label: { en: "Condition", "zh-HK": "物品狀況" },
    prompt: { en: "What condition are the goods in?", "zh-HK": "物品狀況如何？" },
    required: true,
    personal: false,
    maxLength: 40,
    choices: CONDITIONS,
    validate: choice(CONDITIONS),
  },
  {
    name: "district",
    kind: "choice",
    label: { en: "Pickup district", "zh-HK": "收集地區" },
    prompt: {
      en: "In which district should we collect them? (a button, the name or its number 1-18)",
      "zh-HK": "應在哪一區收集？（按鈕、地區名稱或編號 1-18）",
    },
    required: true,
    personal: false,
    maxLength: 40,
    choices: DISTRICTS,
    validate: choice(DISTRICTS),
  },
  {
    name: "address",
    kind: "text",
    label: { en: "Pickup address or landmark", "zh-HK": "收集地址或地標" },
    prompt: { en: "Pickup address or a landmark nearby?", "zh-HK": "收集地址或附近地標是？" },
    required: true,
    personal: true,
    maxLength: 200,
    validate: freeText(200),
  },
  {
    name: "available",
    kind: "text",
    label: { en: "When available", "zh-HK": "可收集時間" },
    prompt: {
      en: "When can the goods be collected? (e.g. weekdays 10am-5pm from 1 December)",
      "zh-HK": "何時可以收集？（例如：12 月 1 日起，平日上午 10 時至下午 5 時）",
    },
    required: true,
    personal: true,
    maxLength: 200,
    validate: freeText(200),
  },
  {
    name: "contactName",
    kind: "text",
    label: { en: "Contact name", "zh-HK": "聯絡人姓名" },
    prompt: { en: "Whom should we contact? (a name)", "zh-HK": "聯絡人姓名是？" },
    required: true,
    personal: true,
    maxLength: 80,
    validate: freeText(80),
  },
  {
    name: "contact",
    kind: "text",
    label: { en: "Phone or email", "zh-HK": "電話或電郵" },
    prompt: {
      en: "A Hong Kong phone number (e.g. 9123 4567) or an email address to reach you?",
      "zh-HK": "聯絡電話（香港號碼，例如 9123 4567）或電郵地址是？",
    },
    placeholder: { en: "9123 4567 or name@example.com", "zh-HK": "9123 4567 或 name@example.com" },
    required: true,
    personal: true,
    maxLength: 254,
    validate: validateContact,
  },
];

/** The form as data, for adapters: id, title and fields. */
export const offerForm = {
  id: OFFER_FORM_ID,
  title: { en: "Donation offer", "zh-HK": "捐贈登記" } satisfies Localised,
  fields: OFFER_FIELDS,
} as const;

/**
 * The native forms a member may submit: the whole offer, or one of two parts
 * small enough for a Discord modal (at most five inputs): the goods first,
 * and the contact details, offered only after the collection statement is accepted.
 */
export const FORM_PARTS: Readonly<Record<string, readonly OfferFieldName[]>> = {
  [OFFER_FORM_ID]: OFFER_FIELDS.map((f) => f.name),
  "don:goods": ["organisation", "category", "description", "quantity", "unit"],
  "don:contact": ["address", "available", "contactName", "contact"],
};

/** One field by name. */
export function field(name: OfferFieldName): OfferField {
  const f = OFFER_FIELDS.find((x) => x.name === name);
  if (!f) throw new Error(`unknown offer field ${name}`);
  return f;
}

/** Whether a string is a field name. */
export function isFieldName(s: string): s is OfferFieldName {
  return OFFER_FIELDS.some((f) => f.name === s);
}

/** The localised message of a refused answer. */
export function errorMessage(lang: Lang, e: FieldError): string {
  return t(lang, ERRORS[e.code]).replace(/\{(\w+)\}/g, (m, k: string) => String(e.params?.[k] ?? m));
}

function fieldSchema(f: OfferField) {
  return z.string().transform((raw, ctx) => {
    const r = f.validate(raw);
    if (r.ok) return r.value;
    ctx.addIssue({ code: "custom", message: r.error.code, params: { ...r.error.params } });
    return z.NEVER;
  });
}

/**
 * A whole offer as one zod schema built from the field validators: canonical
 * string values; the optional organisation may be absent or blank.
 */
export const offerSchema = z.object(
  Object.fromEntries(
    OFFER_FIELDS.map((f) => [
      f.name,
      f.required
        ? fieldSchema(f)
        : z.preprocess(
            (v) => (typeof v === "string" && cleanLine(v) === "" ? undefined : v),
            fieldSchema(f).optional(),
          ),
    ]),
  ) as Record<OfferFieldName, ReturnType<typeof fieldSchema>>,
);

/**
 * Validates a submission of the whole offer, or of some of its fields (`names`) with the
 * same schema: the canonical values, or each refused field with its error.
 */
export function validateOffer(
  values: Readonly<Record<string, string>>,
  names: readonly OfferFieldName[] = OFFER_FIELDS.map((f) => f.name),
): { ok: true; values: Partial<Record<OfferFieldName, string>> } | { ok: false; errors: [OfferField, FieldError][] } {
  const mask = Object.fromEntries(names.map((n) => [n, true] as const)) as Partial<Record<OfferFieldName, true>>;
  const parsed = offerSchema.pick(mask).safeParse(values);
  if (parsed.success) {
    const given = Object.entries(parsed.data).filter(([, v]) => typeof v === "string");
    return { ok: true, values: Object.fromEntries(given) as Partial<Record<OfferFieldName, string>> };
  }
  const errors: [OfferField, FieldError][] = [];
  for (const issue of parsed.error.issues) {
    const name = String(issue.path[0] ?? "");
    if (!isFieldName(name) || errors.some(([f]) => f.name === name)) continue;
    const code = issue.code === "custom" && issue.message in ERRORS ? (issue.message as FieldError["code"]) : "empty";
    const params = issue.code === "custom" ? (issue.params as FieldError["params"]) : undefined;
    errors.push([field(name), params ? { code, params } : { code }]);
  }
  return { ok: false, errors };
}

/** The form's fields as the adapters' {@link FormFieldView}s, in a language. */
export function formFieldViews(lang: Lang, names?: readonly OfferFieldName[]): FormFieldView[] {
  return OFFER_FIELDS.filter((f) => !names || names.includes(f.name)).map((f) => ({
    name: f.name,
    label: t(lang, f.label),
    kind: f.kind,
    required: f.required,
    maxLength: f.maxLength,
    ...(f.choices ? { choices: f.choices.map((c) => ({ value: c.value, label: t(lang, c.label) })) } : {}),
    ...(f.placeholder ? { placeholder: t(lang, f.placeholder) } : {}),
  }));
}
