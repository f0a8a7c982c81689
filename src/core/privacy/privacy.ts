/**
 * Data-subject rights under Hong Kong's PDPO: /mydata shows everything the bot
 * holds about the member, /forgetme erases their personal data in every
 * feature (after a confirmation), keeping only anonymised counts.
 */
import type { Feature } from "../feature.ts";
import { type Localised, t } from "../i18n.ts";
import { actionId, button, type Reply, text } from "../replies.ts";
import type { Lang } from "../types.ts";

const M = {
  header: {
    en: "All the personal data I hold about you ({id}):",
    "zh-HK": "我持有關於你（{id}）的所有資料：",
  },
  nothing: { en: "I hold no personal data about you.", "zh-HK": "我沒有持有你的任何個人資料。" },
  confirm: {
    en: "This erases your contact details and the text you wrote (questions, topic details, offer descriptions) everywhere in the bot. Anonymous counts (votes, number of items donated) are kept, and the titles of your topics already on an agenda stay (others voted for them), without your name. It cannot be undone. Continue?",
    "zh-HK":
      "此操作會刪除你在本機械人中的聯絡資料及你寫下的文字（問題、議題內容、捐贈描述），只保留匿名統計（票數、捐贈數量）；已列入議程的議題會保留標題（其他會員曾為其投票），但不再顯示你的名字。此操作無法復原。是否繼續？",
  },
  yes: { en: "Erase my data", "zh-HK": "刪除我的資料" },
  no: { en: "Keep it", "zh-HK": "保留" },
  done: {
    en: "Done: your personal data has been erased ({n} records changed).",
    "zh-HK": "完成：你的個人資料已刪除（更改了 {n} 項紀錄）。",
  },
  kept: { en: "Nothing was erased.", "zh-HK": "沒有刪除任何資料。" },
} satisfies Record<string, Localised>;

/**
 * The privacy feature; `features` is read lazily so every feature's data is covered, and
 * `forgetOther` erases what is kept outside the features (the bot's own poll selections).
 * `forgetRecords` (the SQL records' erasure) erases every record of the member in one
 * transaction first: when it fails nothing was erased and the member is told to try again
 * (the bot's answer to a store failure); once it committed, the features' own `forget` find
 * no records left and clear their ephemeral state (sessions, conversation context).
 */
export function privacy(
  features: () => readonly Feature[],
  forgetOther: (memberId: string) => Promise<number> = async () => 0,
  otherData: (memberId: string, lang: Lang) => Promise<string[]> = async () => [],
  forgetRecords?: (memberId: string) => Promise<number>,
): Feature {
  return {
    name: "pv",
    commands: [
      {
        name: "mydata",
        privateOnly: true,
        description: { en: "See everything the bot holds about you", "zh-HK": "查看本機械人持有你的所有資料" },
        run: async (ctx) => {
          const lines: string[] = [];
          for (const f of features()) lines.push(...((await f.personalData?.(ctx.member.id, ctx.lang)) ?? []));
          lines.push(...(await otherData(ctx.member.id, ctx.lang)));
          if (lines.length === 0) return [text(t(ctx.lang, M.nothing), { private: true })];
          const head = t(ctx.lang, M.header).replace("{id}", ctx.member.id);
          return [text([head, ...lines].join("\n"), { private: true })];
        },
      },
      {
        name: "forgetme",
        privateOnly: true,
        description: { en: "Erase your personal data", "zh-HK": "刪除你的個人資料" },
        run: async (ctx) => [
          text(t(ctx.lang, M.confirm), {
            private: true,
            buttons: [
              button(actionId("pv", "forget", "yes"), t(ctx.lang, M.yes), "danger"),
              button(actionId("pv", "forget", "no"), t(ctx.lang, M.no)),
            ],
          }),
        ],
      },
    ],
    async onAction(ctx, args): Promise<Reply[]> {
      if (args[0] !== "forget") return [];
      if (args[1] !== "yes") return [text(t(ctx.lang, M.kept), { private: true })];
      let n = (await forgetRecords?.(ctx.member.id)) ?? 0;
      for (const f of features()) n += (await f.forget?.(ctx.member.id)) ?? 0;
      n += await forgetOther(ctx.member.id);
      return [text(t(ctx.lang, M.done).replace("{n}", String(n)), { private: true })];
    },
  };
}
