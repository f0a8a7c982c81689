/** Drives the donations feature through the real Bot, as a member would: messages and button presses. */
import { Bot } from "../../src/core/bot.ts";
import { donations } from "../../src/core/donations/index.ts";
import type { Feature, Services } from "../../src/core/feature.ts";
import type { Reply } from "../../src/core/replies.ts";
import type { Chat, Member } from "../../src/core/types.ts";
import { dm, replyText } from "../helpers/services.ts";

/** The answers of one offer, in the order they are asked (before and after the collection statement). */
export interface OfferAnswers {
  organisation: string;
  category: string;
  description: string;
  quantity: string;
  unit: string;
  condition: string;
  district: string;
  address: string;
  available: string;
  contactName: string;
  contact: string;
}

/** A complete, valid set of answers; personal ones made unique by `n`. */
export function answers(n: number | string = 1, extra: Partial<OfferAnswers> = {}): OfferAnswers {
  return {
    organisation: "Acme Securities Ltd",
    category: "1",
    description: "Cotton T-shirts with our logo, sizes M to XL",
    quantity: "120",
    unit: "pieces",
    condition: "new",
    district: "Wan Chai",
    address: `Flat ${n}, 18 Harbour Road`,
    available: "Weekdays 10am-5pm",
    contactName: `Chan Tai Man ${n}`,
    contact: `9${String(n).padStart(7, "0").slice(-7)}`,
    ...extra,
  };
}

/** The goods questions (asked before the collection statement). */
export const GOODS = ["organisation", "category", "description", "quantity", "unit", "condition", "district"] as const;
/** The personal questions (asked after it). */
export const PERSONAL = ["address", "available", "contactName", "contact"] as const;

/** Every button id of some replies. */
export function buttonIds(replies: readonly Reply[]): string[] {
  return replies.flatMap((r) =>
    r.type === "text" || r.type === "card"
      ? (r.buttons ?? []).map((b) => b.id)
      : r.type === "choice"
        ? r.choices.map((c) => c.id)
        : [],
  );
}

/** The donations feature (one retention/TTL setting for tests) in a Bot with a fallback that echoes nothing. */
export function makeBot(
  services: Services,
  extra: readonly Feature[] = [],
): { bot: Bot; feature: ReturnType<typeof donations> } {
  const feature = donations(services, { formTtlMs: 30 * 60_000, retentionDays: 30 });
  const bot = new Bot(services, [feature, ...extra], async () => [{ type: "text", text: "(fallback)" }]);
  return { bot, feature };
}

/** A member talking to a bot. */
export function as(bot: Bot, m: Member, chat: Chat = dm(m)) {
  return {
    say: (text: string) => bot.handle({ kind: "text", member: m, chat, text }),
    press: (data: string) => bot.handle({ kind: "action", member: m, chat, data }),
    form: (values: Readonly<Record<string, string>> | OfferAnswers, formId = "don:offer") =>
      bot.handle({ kind: "form", member: m, chat, formId, values: { ...values } }),
  };
}

/** Fills a whole offer step by step, accepting the statement; returns the reference and the last replies. */
export async function donate(
  bot: Bot,
  m: Member,
  a: OfferAnswers = answers(),
): Promise<{ ref: string; replies: Reply[] }> {
  const who = as(bot, m);
  await who.say("/donate");
  for (const f of GOODS) await who.say(a[f]);
  const pics = await who.press("don:pdpo:yes");
  if (!replyText(pics).includes("Question 8")) throw new Error(`statement not accepted: ${replyText(pics)}`);
  let replies: Reply[] = [];
  for (const f of PERSONAL) replies = await who.say(a[f]);
  const ref = /DON-[0-9A-Z]{4,6}/.exec(replyText(replies))?.[0];
  if (!ref) throw new Error(`no reference in: ${replyText(replies)}`);
  return { ref, replies };
}
