/** The FAQ feature's user-facing strings, in English and Traditional Chinese (Hong Kong). */
import type { Localised } from "../i18n.ts";

/** Every string the FAQ feature shows. */
export const FAQ_TEXT = {
  answerTitle: { en: "From the association's documents", "zh-HK": "根據協會文件" },
  helpful: { en: "👍 Helpful", "zh-HK": "👍 有幫助" },
  notHelpful: { en: "👎 Not helpful", "zh-HK": "👎 沒有幫助" },
  declined: {
    en: "I couldn't find this in the association's documents, so I won't guess. Would you like me to pass your question to the organisers?",
    "zh-HK": "協會的文件沒有提及這一點，我不會胡亂猜測。要我把你的問題轉交籌辦人嗎？",
  },
  declinedPart: {
    en: "The documents don't answer this part: “{asked}”. Would you like me to pass it to the organisers?",
    "zh-HK": "協會的文件沒有提及這部分：「{asked}」。要我把它轉交籌辦人嗎？",
  },
  offTopic: {
    en: "Sorry, that's outside what I can help with. I answer questions about the Blockchain Association of Hong Kong and its work.",
    "zh-HK": "抱歉，這超出了我可以協助的範圍。我只回答有關香港區塊鏈協會及其工作的問題。",
  },
  handedOff: {
    en: "I've passed your request to the organisers; they will contact you here.",
    "zh-HK": "我已把你的要求轉交籌辦人，他們會在這裏聯絡你。",
  },
  notReached: {
    en: "I couldn't reach the organisers from here right now. Your question is kept, and they will see it in their list of unanswered questions (/unanswered).",
    "zh-HK": "我暫時未能在此聯絡籌辦人。你的問題已保留，他們會在未解答問題清單（/unanswered）中看到。",
  },
  previousQuestion: { en: "last question", "zh-HK": "上一個問題" },
  forward: { en: "Pass it to the organisers", "zh-HK": "轉交籌辦人" },
  forwarded: {
    en: "Done: your question has been passed to the organisers. They may reply to you directly.",
    "zh-HK": "已把你的問題轉交籌辦人，他們或會直接回覆你。",
  },
  alreadyForwarded: {
    en: "This question has already been passed to the organisers.",
    "zh-HK": "這個問題已經轉交籌辦人。",
  },
  forwardTitle: { en: "A member's question the documents don't answer", "zh-HK": "文件未能解答的會員問題" },
  forwardFrom: { en: "From", "zh-HK": "提問者" },
  forwardLang: { en: "Language", "zh-HK": "語言" },
  thanks: { en: "Thanks for your feedback!", "zh-HK": "多謝你的意見！" },
  alreadyRated: {
    en: "You have already rated this answer; your first rating is kept.",
    "zh-HK": "你已評價過這個答案，系統會保留你第一次的評價。",
  },
  askUsage: {
    en: "Ask a question after the command, e.g. /ask What is QMAS?",
    "zh-HK": "請在指令後輸入問題，例如：/ask 優才計劃是甚麼？",
  },
  empty: {
    en: "I didn't find a question in that. Ask me about the association, or send /help.",
    "zh-HK": "我未能讀到問題。請查詢有關協會的事宜，或輸入 /help。",
  },
  unansweredTitle: { en: "Unanswered questions (most recent first)", "zh-HK": "未能解答的問題（最新在前）" },
  unansweredNone: { en: "No unanswered questions recorded.", "zh-HK": "暫時沒有未能解答的問題。" },
  ratingsTitle: { en: "Answer ratings", "zh-HK": "答案評價" },
  ratingsNone: { en: "No ratings yet.", "zh-HK": "暫時沒有評價。" },
  ratingsLine: { en: "{ref}: {up} helpful, {down} not helpful", "zh-HK": "{ref}：{up} 有幫助，{down} 沒有幫助" },
  unansweredLine: { en: "{count}× {text} (last {at})", "zh-HK": "{count} 次：{text}（最近 {at}）" },
  erased: { en: "(erased at the member's request)", "zh-HK": "（應會員要求已刪除）" },
  dataQuestion: {
    en: "Unanswered question you asked on {at}: {text}",
    "zh-HK": "你於 {at} 提出而未能解答的問題：{text}",
  },
  dataContext: {
    en: "Your last question, kept for 10 minutes to understand a follow-up: {text}",
    "zh-HK": "你上一個問題（保留 10 分鐘以理解追問）：{text}",
  },
  dataRating: { en: "Your rating of an answer ({ref}): {value}", "zh-HK": "你對答案（{ref}）的評價：{value}" },
  up: { en: "helpful", "zh-HK": "有幫助" },
  down: { en: "not helpful", "zh-HK": "沒有幫助" },
  cmdAsk: { en: "Ask a question about the association", "zh-HK": "查詢有關協會的問題" },
  cmdUnanswered: { en: "Recent unanswered questions and answer ratings", "zh-HK": "最近未能解答的問題及答案評價" },
} satisfies Record<string, Localised>;
