/** Every sentence the donations feature says, in English and Traditional Chinese (Hong Kong). */
import type { Localised } from "../i18n.ts";

/**
 * The Personal Information Collection Statement shown before the first
 * personal detail is asked, as the Personal Data (Privacy) Ordinance (Cap. 486) asks.
 */
export const PICS: Localised = {
  en: [
    "Personal Information Collection Statement",
    "",
    "Next I will ask for a pickup address, when the goods are available, a contact name and a phone number or email.",
    "• Voluntary: giving these details is voluntary, but without them we cannot arrange the collection of your donation.",
    "• Purpose: they are used only to arrange the collection and distribution of your donation.",
    "• Who may receive them: the association's organisers and volunteers, and, only as needed for the collection, our logistics partner or the recipient charity.",
    "• Your rights: under the Personal Data (Privacy) Ordinance you may ask to access and correct your data. Send /mydata to see what we hold and /forgetme to erase it.",
    "• Questions and requests: the association's data protection officer, through the organisers.",
    "",
    "Closed offers are stripped of personal data after the retention period. Do you accept?",
  ].join("\n"),
  "zh-HK": [
    "收集個人資料聲明",
    "",
    "接下來我會詢問收集地址、可收集時間、聯絡人姓名及電話或電郵。",
    "• 自願提供：提供這些資料純屬自願，但如沒有這些資料，我們將無法安排收集你的捐贈。",
    "• 目的：資料只會用於安排收集及分發你的捐贈。",
    "• 資料承轉對象：協會的籌辦人及義工；只在收集所需的範圍內，提供予我們的物流夥伴或受惠慈善機構。",
    "• 你的權利：根據《個人資料（私隱）條例》，你有權要求查閱及改正你的資料。輸入 /mydata 查看我們持有的資料，輸入 /forgetme 刪除資料。",
    "• 查詢及要求：請經籌辦人聯絡協會的保障資料主任。",
    "",
    "已結束的捐贈會在保存期限後刪除個人資料。你是否同意？",
  ].join("\n"),
};

/** The strings of the intake conversation. */
export const INTAKE = {
  intro: {
    en: "Thank you for offering a donation! We collect surplus promotional clothing and stationery from the financial industry and give them to people in need in Hong Kong. There is no drop-off point: the organisers collect the goods from you. I'll ask {n} short questions: what the goods are and how many, where and when to collect them, and how to reach you (this is the /donate form). Send /cancel at any time to stop; nothing is saved until the end.",
    "zh-HK":
      "多謝你捐贈物品！我們收集金融業剩餘的宣傳衣物及文具，轉贈香港有需要的人。我們沒有收集點：籌辦人會上門收取物品。我會問 {n} 條簡短問題：物品種類及數量、在哪裡及何時收取，以及聯絡方法（即 /donate 表格）。隨時輸入 /cancel 可以停止；完成前不會儲存任何資料。",
  },
  about: {
    en: "We collect surplus promotional clothing and stationery from the financial industry and give them to people in need in Hong Kong. There is no drop-off point: the organisers collect the goods from you, at the place and time you give in this form.",
    "zh-HK":
      "我們收集金融業剩餘的宣傳衣物及文具，轉贈香港有需要的人。我們沒有收集點：籌辦人會按你在這份表格填寫的地點及時間上門收取物品。",
  },
  step: { en: "Question {i} of {n}: ", "zh-HK": "第 {i} 題（共 {n} 題）：" },
  skip: { en: "Skip", "zh-HK": "略過" },
  accept: { en: "I accept", "zh-HK": "我同意" },
  decline: { en: "I decline", "zh-HK": "我不同意" },
  declined: {
    en: "Understood. Without contact details we can't arrange a collection, so I've ended the form and saved nothing. You can start again any time with /donate.",
    "zh-HK": "明白。沒有聯絡資料便無法安排收集，因此表格已結束，沒有儲存任何資料。你可隨時輸入 /donate 重新開始。",
  },
  thanksAccepted: {
    en: "Thank you. Now the details we need to arrange the collection:",
    "zh-HK": "多謝。以下是安排收集所需的資料：",
  },
  pdpoAgain: {
    en: "Please accept or decline the statement above (buttons, or type yes / no).",
    "zh-HK": "請同意或不同意以上聲明（按按鈕，或輸入「同意」／「不同意」）。",
  },
  privateOnly: {
    en: "For your privacy, please send /donate to me in a private chat.",
    "zh-HK": "為保障你的私隱，請在與我的私人對話中輸入 /donate。",
  },
  otherConversation: {
    en: "You are in the middle of something else with me. Finish it, or send /cancel, then /donate again.",
    "zh-HK": "你正在進行另一項操作。請先完成或輸入 /cancel，然後再輸入 /donate。",
  },
  midForm: {
    en: "You already have a donation offer in progress: {done} of {n} questions answered. Continue where you left off, or start again?",
    "zh-HK": "你有一份未完成的捐贈登記：已回答 {done} / {n} 題。要繼續還是重新開始？",
  },
  continue: { en: "Continue", "zh-HK": "繼續" },
  restart: { en: "Start again", "zh-HK": "重新開始" },
  expired: {
    en: "This form is no longer open (it expired or was cancelled). Send /donate to start again.",
    "zh-HK": "這份表格已失效（已過期或已取消）。請輸入 /donate 重新開始。",
  },
  staleQuestion: {
    en: "That question was already answered. Here is the current one:",
    "zh-HK": "該問題已經回答了。目前的問題是：",
  },
  cancelled: {
    en: "Your donation offer was cancelled and nothing was saved. Send /donate whenever you want to start again.",
    "zh-HK": "捐贈登記已取消，沒有儲存任何資料。你可隨時輸入 /donate 重新開始。",
  },
  formErrors: {
    en: "I couldn't accept the form; nothing was saved. Please correct:",
    "zh-HK": "表格未能接納，沒有儲存任何資料。請更正：",
  },
  contactsNotKept: {
    en: "I have kept your answers about the goods but not your contact details: please read the statement first.",
    "zh-HK": "我已保留物品資料，但未保留你的聯絡資料：請先閱讀以下聲明。",
  },
  alreadySubmitted: {
    en: "This offer was already submitted. See it in /mydonations.",
    "zh-HK": "這份捐贈已經提交。請在 /mydonations 查看。",
  },
  thanks: {
    en: "Thank you! Your offer is registered as {ref}. The organisers will contact you to arrange the collection. Use /mydonations to follow it.",
    "zh-HK": "多謝！你的捐贈已登記，編號 {ref}。籌辦人會聯絡你安排收集。可輸入 /mydonations 查看進度。",
  },
} satisfies Record<string, Localised>;

/** The strings of the donor's commands and the notifications. */
export const DONOR = {
  // (Asked to withdraw or follow an offer, a member with none hears there is nothing to do either.)
  none: {
    en: "You have no donation offers, so there is nothing to follow or withdraw. Send /donate to make one.",
    "zh-HK": "你沒有捐贈紀錄，沒有需要查看或撤回的捐贈。輸入 /donate 登記捐贈。",
  },
  title: { en: "Your donation offers", "zh-HK": "你的捐贈" },
  withdraw: { en: "Withdraw {ref}", "zh-HK": "撤回 {ref}" },
  confirmWithdraw: {
    en: "Withdraw offer {ref}? The organisers will be told it is no longer available.",
    "zh-HK": "確定撤回捐贈 {ref}？籌辦人會收到通知。",
  },
  yesWithdraw: { en: "Yes, withdraw", "zh-HK": "確定撤回" },
  keep: { en: "No, keep it", "zh-HK": "保留" },
  kept: { en: "Offer {ref} is unchanged.", "zh-HK": "捐贈 {ref} 沒有更改。" },
  withdrawn: { en: "Offer {ref} is withdrawn. Thank you all the same!", "zh-HK": "捐贈 {ref} 已撤回。仍然多謝你！" },
  notYours: {
    en: "I can't find an offer {ref} that you can see. Check the reference in /mydonations.",
    "zh-HK": "找不到你可查看的捐贈 {ref}。請在 /mydonations 核對編號。",
  },
  tooLate: {
    en: "Offer {ref} is {status} and can no longer be withdrawn. Please contact an organiser.",
    "zh-HK": "捐贈 {ref} 的狀態為「{status}」，已不能撤回。請聯絡籌辦人。",
  },
  changed: {
    en: "Your donation offer {ref} is now: {status}.",
    "zh-HK": "你的捐贈 {ref} 狀態已更新為：{status}。",
  },
  note: { en: "Note from the organisers: {note}", "zh-HK": "籌辦人備註：{note}" },
  conflict: {
    en: "Offer {ref} was changed by someone else just now. Nothing was changed; please look again and retry.",
    "zh-HK": "捐贈 {ref} 剛被其他人更改，這次沒有任何更改。請重新查看後再試。",
  },
} satisfies Record<string, Localised>;

/** The strings of the organisers' commands. */
export const ORG = {
  newOffer: { en: "New donation offer {ref}", "zh-HK": "新捐贈 {ref}" },
  seeFull: {
    en: "Contact details: /offer {ref} (organisers only).",
    "zh-HK": "聯絡資料：/offer {ref}（只限籌辦人）。",
  },
  donorWithdrew: {
    en: "Offer {ref} was withdrawn by the donor.",
    "zh-HK": "捐贈 {ref} 已由捐贈者撤回。",
  },
  erasedWithdrawn: {
    en: "Offer {ref} was withdrawn: the donor erased their personal data.",
    "zh-HK": "捐贈 {ref} 已撤回：捐贈者刪除了個人資料。",
  },
  listTitle: { en: "Donation offers ({n})", "zh-HK": "捐贈（{n} 項）" },
  listNone: { en: "No offers match.", "zh-HK": "沒有符合條件的捐贈。" },
  listMore: {
    en: "…and {n} more. Narrow with filters or use /offers export.",
    "zh-HK": "……另有 {n} 項。請加上篩選條件或使用 /offers export。",
  },
  badFilter: {
    en: "I don't understand the filter “{word}”. Use a status ({statuses}), a category ({categories}) or a district name.",
    "zh-HK": "我不明白篩選條件「{word}」。請使用狀態（{statuses}）、類別（{categories}）或地區名稱。",
  },
  statusUsage: {
    en: "Usage: /offerstatus <ref> <status> [note], e.g. /offerstatus DON-7F3K pickup_scheduled Thursday 3pm. Statuses: {statuses}.",
    "zh-HK":
      "用法：/offerstatus <編號> <狀態> [備註]，例如 /offerstatus DON-7F3K pickup_scheduled 星期四下午3時。狀態：{statuses}。",
  },
  offerUsage: {
    en: "Usage: /offer <ref>, e.g. /offer DON-7F3K.",
    "zh-HK": "用法：/offer <編號>，例如 /offer DON-7F3K。",
  },
  notAllowed: {
    en: "Offer {ref} is {from}; it can move only to: {allowed}.",
    "zh-HK": "捐贈 {ref} 目前為「{from}」，只可改為：{allowed}。",
  },
  final: { en: "nothing (it is closed)", "zh-HK": "不可更改（已結束）" },
  moved: {
    en: "Offer {ref}: {from} → {to}. The donor was told.",
    "zh-HK": "捐贈 {ref}：{from} → {to}。已通知捐贈者。",
  },
  movedNoDonor: {
    en: "Offer {ref}: {from} → {to}. (Its donor erased their data, so no one was told.)",
    "zh-HK": "捐贈 {ref}：{from} → {to}。（捐贈者已刪除資料，未有發出通知。）",
  },
  exported: { en: "{n} offers exported.", "zh-HK": "已匯出 {n} 項捐贈。" },
  erased: { en: "(erased)", "zh-HK": "（已刪除）" },
  history: { en: "History", "zh-HK": "紀錄" },
} satisfies Record<string, Localised>;

/** The strings of /impact. */
export const IMPACT = {
  title: { en: "Our donation drive so far", "zh-HK": "捐贈計劃成果" },
  none: { en: "No donation offers yet. Be the first: /donate", "zh-HK": "暫時未有捐贈。成為第一位：/donate" },
  total: { en: "Offers: {offers} · items: {items}", "zh-HK": "捐贈：{offers} 項 · 物品：{items} 件" },
  byCategory: { en: "By category", "zh-HK": "按類別" },
  byStatus: { en: "By status", "zh-HK": "按狀態" },
  line: { en: "{name} — offers: {offers}, items: {items}", "zh-HK": "{name}：{offers} 項，{items} 件" },
  unitsNote: {
    en: "Items are counted in the units donors gave (pieces, boxes, sets).",
    "zh-HK": "物品數量按捐贈者填寫的單位計算（件、箱、套等）。",
  },
} satisfies Record<string, Localised>;

/** The labels of an offer's fields in summaries, /mydata and exports. */
export const LABELS = {
  ref: { en: "Reference", "zh-HK": "編號" },
  status: { en: "Status", "zh-HK": "狀態" },
  organisation: { en: "Organisation", "zh-HK": "機構" },
  created: { en: "Offered on", "zh-HK": "登記日期" },
  pics: { en: "Collection statement accepted on", "zh-HK": "同意收集個人資料聲明日期" },
  halfForm: { en: "Unfinished donation form", "zh-HK": "未完成的捐贈表格" },
  mydataOffer: { en: "Donation offer {ref} ({status})", "zh-HK": "捐贈 {ref}（{status}）" },
} satisfies Record<string, Localised>;
