/** The knowledge base's own user-facing strings, in both languages. */
import type { Localised } from "../core/i18n.ts";

/** Texts of answers and declines. */
export const KB_TEXT = {
  declined: {
    en: "I couldn't find this in the association's documents, so I'd rather not guess. I can pass your question to the organisers.",
    "zh-HK": "協會的文件沒有提及這一點，我不想胡亂猜測。我可以把你的問題轉交籌辦人。",
  },
  englishOnly: {
    en: "",
    "zh-HK": "（此資料只有英文原文）",
  },
  botSource: { en: "About this bot", "zh-HK": "關於本機械人" },
  /** Before an answer repeated for "what else?": the documents say no more than it. */
  nothingMore: {
    en: "That is all the documents say about it:",
    "zh-HK": "文件就此只提到以下內容：",
  },
  /** Before the last answer said in short ("explain it simply"). */
  inShort: { en: "In short:", "zh-HK": "簡單來說：" },
  /** The part of the documents an answer came from ("which goal is that?"). */
  partOf: { en: "That is part of {part}.", "zh-HK": "這屬於{part}。" },
  /** A goal asked for by a number past the last ("the 6th?"). */
  noSuchGoal: {
    en: "The association has {count} strategic goals, so there is no goal {n}.",
    "zh-HK": "協會共有{count}個策略目標，並沒有第{n}個目標。",
  },
  /** What a document is about: its title and its sections, then its conclusion or first sentence. */
  summary: {
    en: "“{title}” covers: {sections}.",
    "zh-HK": "《{title}》的內容包括：{sections}。",
  },
} satisfies Record<string, Localised>;
