/**
 * Onboarding: /start welcomes a newcomer (what the association is, its goals,
 * how to take part), /help lists what the bot can do, /about tells the goals.
 * The member's language is taken from their message or platform locale.
 */
import type { CommandSpec, Context, Feature } from "../feature.ts";
import { type Localised, t } from "../i18n.ts";
import { actionId, button, type Reply, text } from "../replies.ts";

const WELCOME: Localised = {
  en: [
    "Welcome to the Blockchain Association of Hong Kong community, {name}!",
    "",
    "We are a non-profit industry association. Our goals: nurture young blockchain entrepreneurs (through internship programmes), connect the Hong Kong and international blockchain community (networking events and a quarterly townhall), raise public understanding of blockchain for financial inclusion, collect surplus promotional clothing and stationery from the financial industry for people in need, and be a model NGO.",
    "",
    "How to take part:",
    "• Ask me anything about the association, Hong Kong's virtual-asset policy or the talent admission scheme: just type your question.",
    "• /propose a topic for the next quarterly townhall and vote on others with /agenda.",
    "• /donate surplus promotional clothing or stationery from your firm.",
    "• /help lists every command. 中文：直接用中文提問即可。",
  ].join("\n"),
  "zh-HK": [
    "{name}，歡迎加入香港區塊鏈協會社群！",
    "",
    "我們是非牟利業界協會。我們的目標：透過實習計劃培育年輕區塊鏈創業領袖；以交流活動及每季舉行的業界公開會議（townhall）連繫香港與國際區塊鏈社群；提升公眾對區塊鏈的認識，推動普惠金融；收集金融業剩餘的宣傳衣物及文具，捐贈給有需要人士；以及成為非政府組織的良好典範。",
    "",
    "參與方法：",
    "• 直接輸入問題，查詢協會、香港虛擬資產政策或優秀人才入境計劃的資料。",
    "• 用 /propose 為下一次季度 townhall 提出議題，用 /agenda 查看議程及投票。",
    "• 用 /donate 捐贈貴公司剩餘的宣傳衣物或文具。",
    "• /help 列出所有指令。English: just ask in English.",
  ].join("\n"),
};

const HELP_HEAD: Localised = {
  en: "I answer questions about the Blockchain Association of Hong Kong from its documents, with sources. Just type a question, in English or Chinese.\n\nCommands:",
  "zh-HK": "我會根據香港區塊鏈協會的文件回答問題，並附上出處。直接用中文或英文輸入問題即可。\n\n指令：",
};

const HELP_ORGANISER: Localised = { en: "Organiser commands:", "zh-HK": "籌辦人指令：" };

const GROUP_WELCOME: Localised = {
  en: "Welcome, {names}! This is the Blockchain Association of Hong Kong's community. Ask me anything about the association (mention me or reply to me), or tap below.",
  "zh-HK": "歡迎 {names}！這裏是香港區塊鏈協會社群。有任何關於協會的問題，可提及我或回覆我；亦可按下方按鈕。",
};

/** "A, B and C" (at most `max` names, then "and N others"). */
function nameList(names: readonly string[], lang: Context["lang"], max = 15): string {
  const shown = names.slice(0, max);
  const more = names.length - shown.length;
  if (lang === "zh-HK") return `${shown.join("、")}${more > 0 ? ` 等 ${names.length} 位新朋友` : ""}`;
  const all = more > 0 ? [...shown, `${more} others`] : shown;
  return all.length <= 1 ? (all[0] ?? "") : `${all.slice(0, -1).join(", ")} and ${all.at(-1)}`;
}

/** Builds the onboarding feature; `commands` is read lazily so /help lists every feature's commands. */
export function onboarding(commands: () => readonly CommandSpec[]): Feature {
  const help = async (ctx: Context): Promise<Reply[]> => {
    const all = commands().filter((c) => !c.hidden || (ctx.isOrganiser && c.organiserOnly));
    const line = (c: CommandSpec) => `/${c.usage ?? c.name} — ${t(ctx.lang, c.description)}`;
    const member = all.filter((c) => !c.organiserOnly).map(line);
    const organiser = ctx.isOrganiser ? all.filter((c) => c.organiserOnly).map(line) : [];
    const body = [t(ctx.lang, HELP_HEAD), ...member];
    if (organiser.length > 0) body.push("", t(ctx.lang, HELP_ORGANISER), ...organiser);
    return [text(body.join("\n"))];
  };
  return {
    name: "onb",
    async onJoin(ctx, newcomers) {
      const names = newcomers.map((m) => m.displayName || "friend");
      return [
        text(t(ctx.lang, GROUP_WELCOME).replace("{names}", nameList(names, ctx.lang)), {
          buttons: [
            button(actionId("onb", "start"), t(ctx.lang, { en: "How to take part", "zh-HK": "參與方法" })),
            button(actionId("onb", "help"), t(ctx.lang, { en: "What I can do", "zh-HK": "我可以做甚麼" })),
          ],
        }),
      ];
    },
    async onAction(ctx, args) {
      // The welcome's buttons answer the member who pressed them, privately.
      const reply =
        args[0] === "help"
          ? await help(ctx)
          : [text(t(ctx.lang, WELCOME).replace("{name}", ctx.member.displayName || "friend"))];
      return reply.map((r) => (r.type === "text" ? { ...r, private: true } : r));
    },
    commands: [
      {
        name: "start",
        description: { en: "Welcome and how to take part", "zh-HK": "歡迎及參與方法" },
        run: async (ctx) => [text(t(ctx.lang, WELCOME).replace("{name}", ctx.member.displayName || "friend"))],
      },
      {
        name: "help",
        description: { en: "What I can do", "zh-HK": "我可以做甚麼" },
        run: help,
      },
    ],
  };
}
