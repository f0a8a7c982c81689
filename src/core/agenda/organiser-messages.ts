/** The strings of the organisers' /townhall command, in English and Traditional Chinese (Hong Kong). */
import type { CommandVerb } from "../feature.ts";
import type { Localised } from "../i18n.ts";

/** Both languages at once, for messages to people whose language is unknown (the organisers' channel). */
export function bilingual(s: Localised): string {
  return `${s.en} / ${s["zh-HK"]}`;
}

/** The verbs of /townhall with their arguments, for platforms with subcommands. */
export const TOWNHALL_VERBS: readonly CommandVerb[] = [
  {
    name: "open",
    localName: { "zh-HK": "開啟" },
    usage: "<name> | [date YYYY-MM-DD]",
    description: { en: "Open a townhall (one at a time)", "zh-HK": "開啟 townhall（同一時間只可開一個）" },
  },
  {
    name: "close",
    localName: { "zh-HK": "結束" },
    description: { en: "Close it (its agenda stays readable)", "zh-HK": "結束（議程仍可閱覽）" },
  },
  { name: "list", localName: { "zh-HK": "列表" }, description: { en: "Every townhall", "zh-HK": "所有 townhall" } },
  {
    name: "review",
    localName: { "zh-HK": "待審批" },
    description: { en: "Topics awaiting review", "zh-HK": "待審批議題" },
  },
  {
    name: "approve",
    localName: { "zh-HK": "批准" },
    usage: "<topic id>",
    description: { en: "Approve a topic", "zh-HK": "批准議題" },
  },
  {
    name: "reject",
    localName: { "zh-HK": "拒絕" },
    usage: "<topic id> <reason>",
    description: { en: "Reject a topic (the proposer is told why)", "zh-HK": "拒絕議題（提出者會收到原因）" },
  },
  {
    name: "merge",
    localName: { "zh-HK": "合併" },
    usage: "<from id> <into id>",
    description: { en: "Merge one topic into another", "zh-HK": "合併議題" },
  },
  {
    name: "poll",
    localName: { "zh-HK": "投票" },
    usage: "[what]",
    description: {
      en: "Poll of the top 2–10 topics; `post` posts it, `close` closes it",
      "zh-HK": "以最高支持的 2–10 個議題發起投票；post 發佈，close 結束",
    },
  },
  {
    name: "results",
    localName: { "zh-HK": "結果" },
    description: { en: "The poll's combined result", "zh-HK": "合併投票結果" },
  },
  {
    name: "export",
    localName: { "zh-HK": "匯出" },
    usage: "[format: md|csv]",
    description: { en: "The agenda as a file", "zh-HK": "匯出議程檔案" },
  },
  {
    name: "moderation",
    localName: { "zh-HK": "審批模式" },
    usage: "[mode: auto|review]",
    description: { en: "Review topics first, or not", "zh-HK": "議題需否先經審批" },
  },
];

/** Organiser-facing messages. */
export const O = {
  usage: {
    en: [
      "/townhall open <name> [| YYYY-MM-DD] — open a townhall (one at a time)",
      "/townhall close — close it (its agenda stays readable)",
      "/townhall list — every townhall",
      "/townhall review — topics awaiting review",
      "/townhall approve <id> · reject <id> <reason> · merge <fromId> <intoId>",
      "/townhall poll [2–10] — poll of the top topics · poll post · poll close",
      "/townhall results — the poll's combined result",
      "/townhall export [md|csv] — the agenda as a file",
      "/townhall moderation [auto|review]",
    ].join("\n"),
    "zh-HK": [
      "/townhall open <名稱> [| YYYY-MM-DD] — 開啟 townhall（同一時間只可開一個）",
      "/townhall close — 結束（議程仍可閱覽）",
      "/townhall list — 所有 townhall",
      "/townhall review — 待審批議題",
      "/townhall approve <編號> · reject <編號> <原因> · merge <來源編號> <目標編號>",
      "/townhall poll [2–10] — 以最高支持議題發起投票 · poll post · poll close",
      "/townhall results — 合併投票結果",
      "/townhall export [md|csv] — 匯出議程檔案",
      "/townhall moderation [auto|review]",
    ].join("\n"),
  },
  unknownSub: { en: "I don't know /townhall {sub}.", "zh-HK": "不認識 /townhall {sub}。" },
  opened: {
    en: "Opened {townhall} ({id}). Members can now /propose topics. Moderation: {mode}.",
    "zh-HK": "已開啟 {townhall}（{id}）。會員現可用 /propose 提出議題。審批模式：{mode}。",
  },
  alreadyOpen: {
    en: "{townhall} is still open. Close it first with /townhall close.",
    "zh-HK": "{townhall} 仍在進行中。請先用 /townhall close 結束。",
  },
  nameBad: {
    en: "Give the townhall a name of up to 80 characters, e.g. /townhall open 2027 Q1 Townhall | 2027-03-15",
    "zh-HK": "請提供最多 80 字的名稱，例如：/townhall open 2027 Q1 Townhall | 2027-03-15",
  },
  dateBad: {
    en: "The date must be a real date written YYYY-MM-DD, e.g. 2027-03-15. Nothing was opened.",
    "zh-HK": "日期必須為有效日期，格式 YYYY-MM-DD，例如 2027-03-15。沒有開啟任何 townhall。",
  },
  closed: {
    en: "Closed {townhall}. Its agenda stays readable: /agenda {id}.",
    "zh-HK": "已結束 {townhall}。議程仍可閱覽：/agenda {id}。",
  },
  noneOpen: { en: "No townhall is open.", "zh-HK": "目前沒有進行中的 townhall。" },
  listHead: { en: "Townhalls, newest first:", "zh-HK": "Townhall（最新在前）：" },
  open: { en: "open", "zh-HK": "進行中" },
  closedWord: { en: "closed", "zh-HK": "已結束" },
  reviewEmpty: { en: "No topics await review in {townhall}.", "zh-HK": "{townhall} 沒有待審批議題。" },
  reviewHead: {
    en: "Awaiting review in {townhall} ({from}–{to} of {total}):",
    "zh-HK": "{townhall} 待審批議題（第 {from}–{to} 項，共 {total} 項）：",
  },
  newTopic: { en: "New topic awaiting review", "zh-HK": "新議題待審批" },
  proposedBy: { en: "Proposed by", "zh-HK": "提出者" },
  approve: { en: "Approve", "zh-HK": "批准" },
  reject: { en: "Reject", "zh-HK": "拒絕" },
  mergeInto: { en: "Merge into {id}", "zh-HK": "合併至 {id}" },
  approved: { en: "Approved {id}: it is on the agenda now.", "zh-HK": "已批准 {id}，議題已列入議程。" },
  alreadyDecided: { en: "{id} is already {status}; nothing changed.", "zh-HK": "{id} 已是「{status}」，沒有更改。" },
  rejectUsage: {
    en: "Give a reason: /townhall reject <id> <reason>. The proposer is told it.",
    "zh-HK": "請提供原因：/townhall reject <編號> <原因>。提出者會收到通知。",
  },
  reasonBad: {
    en: "The reason must have words and at most 300 characters. Nothing changed.",
    "zh-HK": "原因必須包含文字，最多 300 字。沒有任何更改。",
  },
  reasonLabel: { en: "Reason (the proposer is told it)", "zh-HK": "原因（提出者會收到通知）" },
  askReason: {
    en: "Why is {id} rejected? Send the reason (up to 300 characters); the proposer is told it. /cancel to stop.",
    "zh-HK": "為何拒絕 {id}？請輸入原因（最多 300 字），提出者會收到通知。輸入 /cancel 取消。",
  },
  rejectCancelled: { en: "Cancelled: the topic was not rejected.", "zh-HK": "已取消，議題未被拒絕。" },
  rejected: { en: "Rejected {id}; the proposer was told.", "zh-HK": "已拒絕 {id}，並已通知提出者。" },
  rejectedNotice: {
    en: "Your topic {id} “{title}” for {townhall} was not accepted. Reason: {reason}",
    "zh-HK": "你為 {townhall} 提出的議題 {id}「{title}」未獲接納。原因：{reason}",
  },
  approvedNotice: {
    en: "Your topic {id} “{title}” was approved and is on the agenda of {townhall}.",
    "zh-HK": "你的議題 {id}「{title}」已獲批准，列入 {townhall} 議程。",
  },
  mergedNotice: {
    en: "Your topic {id} “{title}” was merged into {into} “{intoTitle}”; its supporters now support that topic.",
    "zh-HK": "你的議題 {id}「{title}」已合併至 {into}「{intoTitle}」，原有支持者已轉為支持該議題。",
  },
  mergeUsage: {
    en: "Usage: /townhall merge <fromId> <intoId>",
    "zh-HK": "用法：/townhall merge <來源編號> <目標編號>",
  },
  mergeSelf: {
    en: "A topic can't be merged into itself. Nothing changed.",
    "zh-HK": "議題不能合併至自己。沒有任何更改。",
  },
  mergeOther: {
    en: "Both topics must belong to the same townhall. Nothing changed.",
    "zh-HK": "兩個議題必須屬於同一個 townhall。沒有任何更改。",
  },
  mergeTargetBad: {
    en: "{id} can't take the votes: it is {status}. Nothing changed.",
    "zh-HK": "{id} 不能接收票數：它{status}。沒有任何更改。",
  },
  merged: {
    en: "Merged {from} into {into}; {into} now has {votes} (each supporter counted once).",
    "zh-HK": "已將 {from} 合併至 {into}；{into} 現有 {votes}（每位支持者只計一次）。",
  },
  pollUsage: {
    en: "Usage: /townhall poll [2–10] · /townhall poll post · /townhall poll close",
    "zh-HK": "用法：/townhall poll [2–10] · /townhall poll post · /townhall poll close",
  },
  pollTooFew: {
    en: "A poll needs at least 2 approved topics; {townhall} has {n}.",
    "zh-HK": "投票需要最少 2 個已批准議題；{townhall} 只有 {n} 個。",
  },
  pollAlreadyOpen: {
    en: "A poll is already open. Post it again with /townhall poll post, or close it with /townhall poll close.",
    "zh-HK": "已有進行中的投票。可用 /townhall poll post 再次發布，或用 /townhall poll close 結束。",
  },
  noOpenPoll: { en: "There is no open poll.", "zh-HK": "目前沒有進行中的投票。" },
  pollClosed: {
    en: "Poll closed; this result is final ({voters} voted):",
    "zh-HK": "投票已結束，結果已確定（{voters}投票）：",
  },
  results: {
    en: "Poll on {townhall}, {state}; {voters} voted (all platforms combined):",
    "zh-HK": "{townhall} 投票（{state}）；共 {voters}投票（已合併所有平台）：",
  },
  resultsOpen: { en: "still open", "zh-HK": "進行中" },
  resultsClosed: { en: "closed, final", "zh-HK": "已結束，結果確定" },
  noPolls: {
    en: "No poll has been run for {townhall} yet. Start one with /townhall poll.",
    "zh-HK": "{townhall} 仍未進行投票。可用 /townhall poll 發起。",
  },
  exportUsage: { en: "Usage: /townhall export [md|csv]", "zh-HK": "用法：/townhall export [md|csv]" },
  exportCaption: { en: "Agenda of {townhall}", "zh-HK": "{townhall} 議程" },
  moderationIs: {
    en: "Moderation is {mode}. Change it with /townhall moderation auto|review.",
    "zh-HK": "審批模式為 {mode}。可用 /townhall moderation auto|review 更改。",
  },
  moderationSet: { en: "Moderation is now {mode}.", "zh-HK": "審批模式已改為 {mode}。" },
  auto: { en: "auto (new topics go straight on the agenda)", "zh-HK": "auto（新議題直接列入議程）" },
  review: { en: "review (new topics wait for an organiser)", "zh-HK": "review（新議題需籌辦人審批）" },
} satisfies Record<string, Localised>;
