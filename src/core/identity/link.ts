/**
 * /link: links a member's accounts on different platforms. `/link` on the
 * first account gives a one-time code; `/link CODE` on the other account
 * completes it. What the second account already holds (votes, ballots) is
 * merged into the first by the features that can; if a feature holds records
 * it cannot merge (a donation offer), the link is refused and nothing changes.
 */
import type { Feature } from "../feature.ts";
import { fill, type Localised, t } from "../i18n.ts";
import { text } from "../replies.ts";
import { cleanLine } from "../text.ts";
import type { Identities, LinkError } from "./identities.ts";

const M = {
  code: {
    en: "Your link code is {code}. Within 10 minutes, send /link {code} to this bot from your other account (Telegram or Discord). Your votes then count once, whichever platform you use.",
    "zh-HK":
      "你的連結碼是 {code}。請在 10 分鐘內用你的另一個帳戶（Telegram 或 Discord）向本機械人發送 /link {code}。之後無論在哪個平台投票，都只計算一次。",
  },
  done: {
    en: "Linked: this account now acts as {id}. {n} earlier records were merged.",
    "zh-HK": "已連結：此帳戶現以 {id} 的身分運作，已合併 {n} 項較早的紀錄。",
  },
  unmergeable: {
    en: "This account already has records that can't be merged (such as donation offers). Nothing was linked. You can keep using both accounts separately, or /forgetme on this one first.",
    "zh-HK":
      "此帳戶已有無法合併的紀錄（例如捐贈），因此沒有連結。你可以繼續分開使用兩個帳戶，或先在此帳戶使用 /forgetme。",
  },
  linked: { en: "Linked accounts: {list}", "zh-HK": "已連結的帳戶：{list}" },
  unknownCode: {
    en: "That link code is unknown or has expired. Send /link on your other account for a new one.",
    "zh-HK": "連結碼無效或已過期。請在另一個帳戶發送 /link 取得新的連結碼。",
  },
  self: { en: "That code is for this same account.", "zh-HK": "這個連結碼屬於此帳戶本身。" },
  alreadyLinked: { en: "This account is already linked.", "zh-HK": "此帳戶已經連結。" },
  isPrimary: {
    en: "Other accounts are linked to this one. Send /link here to get a code, and use it on the other account instead.",
    "zh-HK": "已有其他帳戶連結到此帳戶。請在此發送 /link 取得連結碼，再在另一個帳戶使用。",
  },
} satisfies Record<string, Localised>;

const ERRORS: Record<LinkError, Localised> = {
  unknownCode: M.unknownCode,
  self: M.self,
  alreadyLinked: M.alreadyLinked,
  isPrimary: M.isPrimary,
};

/** The link feature; `features` is read lazily so that every feature can merge its records. */
export function link(identities: Identities, features: () => readonly Feature[]): Feature {
  return {
    name: "ln",
    commands: [
      {
        name: "link",
        privateOnly: true,
        usage: "link [code]",
        description: {
          en: "Link your Telegram and Discord accounts so you count once",
          "zh-HK": "連結你的 Telegram 及 Discord 帳戶，只計算一次",
        },
        run: async (ctx, args) => {
          const code = cleanLine(args).replace(/\s+/g, "");
          // ctx.member.id is already canonical; the account itself is platform:userId.
          const account = { ...ctx.member, id: `${ctx.member.platform}:${ctx.member.platformUserId}` };
          if (!code) {
            const issued = await identities.issueCode(ctx.member.id);
            return [text(fill(t(ctx.lang, M.code), { code: issued }), { private: true })];
          }
          const target = await identities.target(account, code);
          if (!target.ok) return [text(t(ctx.lang, ERRORS[target.error]), { private: true })];
          const all = features();
          for (const f of all) {
            const held = (await f.personalData?.(account.id, ctx.lang)) ?? [];
            if (held.length > 0 && !f.mergeMember) return [text(t(ctx.lang, M.unmergeable), { private: true })];
          }
          // Where the store can, the link and the move of the account's records are one transaction.
          const atOnce = identities.linkAndMerge
            ? await identities.linkAndMerge(account, code, target.canonicalId)
            : (await identities.link(account, code, target.canonicalId))
              ? 0
              : undefined;
          if (atOnce === undefined) return [text(t(ctx.lang, M.alreadyLinked), { private: true })];
          let merged = atOnce;
          for (const f of all) merged += (await f.mergeMember?.(account.id, target.canonicalId)) ?? 0;
          return [text(fill(t(ctx.lang, M.done), { id: target.canonicalId, n: merged }), { private: true })];
        },
      },
    ],
    async personalData(memberId, lang) {
      const linked = await identities.linkedTo(memberId);
      return linked.length > 0 ? [fill(t(lang, M.linked), { list: linked.join(", ") })] : [];
    },
    forget: (memberId) => identities.unlinkAll(memberId),
  };
}
