/** Every string the agenda shows, in English and Traditional Chinese (Hong Kong). */
import type { Localised } from "../i18n.ts";
import type { Lang } from "../types.ts";
import type { TopicStatus } from "./model.ts";

/** "3 votes" / "3 票". */
export function votes(lang: Lang, n: number): string {
  return lang === "en" ? `${n} ${n === 1 ? "vote" : "votes"}` : `${n} 票`;
}

/** "1 member" / "3 members" / "3 位會員". */
export function membersCount(lang: Lang, n: number): string {
  return lang === "en" ? `${n} ${n === 1 ? "member" : "members"}` : `${n} 位會員`;
}

/** A topic status in words. */
export const STATUS: Record<TopicStatus, Localised> = {
  pending: { en: "awaiting review", "zh-HK": "待審批" },
  approved: { en: "on the agenda", "zh-HK": "已列入議程" },
  rejected: { en: "rejected", "zh-HK": "已拒絕" },
  merged: { en: "merged", "zh-HK": "已合併" },
};

/** Member-facing messages. */
export const M = {
  noTownhall: {
    en: "No townhall is open for proposals right now. When the organisers open the next one (/townhall open), send /propose with your topic and it goes on the agenda for members to vote on.",
    "zh-HK":
      "目前沒有開放提案的 townhall。籌辦人開啟下一次 townhall（/townhall open）後，輸入 /propose 加上你的議題，即可列入議程供會員投票。",
  },
  noTownhallEver: {
    en: "No townhall has been held yet. Once the organisers open one, /agenda lists its topics and you can vote for the ones you support; /propose adds your own.",
    "zh-HK": "暫時未舉辦過 townhall。籌辦人開啟後，可用 /agenda 查看議題並投票支持，亦可用 /propose 提出你的議題。",
  },
  askTitle: {
    en: "What topic do you propose for {townhall}? Send its title (up to 120 characters), or /cancel.",
    "zh-HK": "你想為 {townhall} 提出甚麼議題？請輸入標題（最多 120 字），或輸入 /cancel 取消。",
  },
  askDetails: {
    en: "Add details (up to 1,000 characters): why it matters and what to discuss. Or press Skip.",
    "zh-HK": "請補充詳情（最多 1,000 字）：議題的重要性及想討論的內容。或按「略過」。",
  },
  skip: { en: "Skip", "zh-HK": "略過" },
  titleLabel: { en: "Title (up to 120 characters)", "zh-HK": "標題（最多 120 字）" },
  detailsLabel: { en: "Details: why it matters, what to discuss", "zh-HK": "詳情：為何重要、想討論甚麼" },
  titleEmpty: {
    en: "A topic needs a title, e.g. /propose Stablecoin licensing | what the new regime means for start-ups",
    "zh-HK": "議題需要標題，例如：/propose 穩定幣發牌制度 | 新制度對初創企業的影響",
  },
  titleTooLong: {
    en: "That title has {n} characters; the limit is 120. Please shorten it (put the rest in the details after ' | ').",
    "zh-HK": "標題有 {n} 個字，上限為 120 字。請縮短標題（其餘內容可放在「 | 」之後的詳情）。",
  },
  detailsTooLong: {
    en: "The details have {n} characters; the limit is 1,000. Please shorten them. Nothing was saved.",
    "zh-HK": "詳情有 {n} 個字，上限為 1,000 字。請縮短內容。沒有儲存任何資料。",
  },
  limitReached: {
    en: "You have already proposed {max} topics for {townhall}, the most allowed per member. You can still support topics with /agenda.",
    "zh-HK": "你已為 {townhall} 提出 {max} 個議題，已達每位會員的上限。你仍可透過 /agenda 支持其他議題。",
  },
  similarFound: {
    en: "These topics of {townhall} look like yours:\n{list}\n\nSupport one of them instead, or propose yours anyway?",
    "zh-HK": "{townhall} 已有以下相似議題：\n{list}\n\n要改為支持其中一個，還是照樣提出你的議題？",
  },
  supportInstead: { en: "Support {id} instead", "zh-HK": "改為支持 {id}" },
  proposeAnyway: { en: "Propose mine anyway", "zh-HK": "照樣提出" },
  cancel: { en: "Cancel", "zh-HK": "取消" },
  savedApproved: {
    en: "Your topic {id} “{title}” is on the agenda of {townhall}. Others can support it with /upvote {id}.",
    "zh-HK": "你的議題 {id}「{title}」已列入 {townhall} 議程。其他人可用 /upvote {id} 支持。",
  },
  savedPending: {
    en: "Thanks! Your topic {id} “{title}” awaits an organiser's review; you will be told the outcome.",
    "zh-HK": "多謝！你的議題 {id}「{title}」正等候籌辦人審批，結果會通知你。",
  },
  pressButton: {
    en: "Please press one of the buttons above, or send /cancel.",
    "zh-HK": "請按上面其中一個按鈕，或輸入 /cancel 取消。",
  },
  sessionGone: {
    en: "That proposal is no longer in progress. Send /propose to start again.",
    "zh-HK": "該提案已不在進行中。請輸入 /propose 重新開始。",
  },
  cancelled: { en: "Your proposal was cancelled; nothing was saved.", "zh-HK": "已取消提案，沒有儲存任何資料。" },
  agendaHead: {
    en: "{townhall}{date}: topics, most supported first ({from}–{to} of {total})",
    "zh-HK": "{townhall}{date}：議題（按支持度排列，第 {from}–{to} 項，共 {total} 項）",
  },
  closedNote: { en: " (closed, read only)", "zh-HK": "（已結束，只供閱覽）" },
  agendaEmpty: {
    en: "{townhall} has no topics on its agenda yet. Propose one with /propose <title>.",
    "zh-HK": "{townhall} 暫時未有議題。可用 /propose <標題> 提出議題。",
  },
  agendaFoot: {
    en: "One topic in full: /agenda <id>. Support one: /upvote <id> or the buttons. ✓ marks your support.",
    "zh-HK": "查看議題全文：/agenda <編號>。支持議題：/upvote <編號> 或按鈕。✓ 表示你已支持。",
  },
  agendaFootShared: {
    en: "One topic in full: /agenda <id>. Support one: /upvote <id> or the buttons.",
    "zh-HK": "查看議題全文：/agenda <編號>。支持議題：/upvote <編號> 或按鈕。",
  },
  previous: { en: "◀ Previous", "zh-HK": "◀ 上一頁" },
  next: { en: "Next ▶", "zh-HK": "下一頁 ▶" },
  support: { en: "▲ {id}", "zh-HK": "▲ {id}" },
  supportTopic: { en: "Support", "zh-HK": "支持" },
  withdraw: { en: "Withdraw support", "zh-HK": "撤回支持" },
  badId: {
    en: "“{input}” is not a topic id; they look like T7K2QX. See /agenda.",
    "zh-HK": "「{input}」不是議題編號（格式如 T7K2QX）。請查看 /agenda。",
  },
  idNeeded: {
    en: "Which topic? Give its id, e.g. /{command} T7K2QX (see /agenda).",
    "zh-HK": "哪一個議題？請提供編號，例如 /{command} T7K2QX（見 /agenda）。",
  },
  notFound: {
    en: "I can't find topic {id}. Check the id in /agenda.",
    "zh-HK": "找不到議題 {id}。請在 /agenda 核對編號。",
  },
  fieldStatus: { en: "Status", "zh-HK": "狀態" },
  fieldVotes: { en: "Support", "zh-HK": "支持" },
  fieldTownhall: { en: "Townhall", "zh-HK": "Townhall" },
  fieldProposed: { en: "Proposed", "zh-HK": "提出日期" },
  fieldReason: { en: "Reason", "zh-HK": "原因" },
  fieldMergedInto: { en: "Merged into", "zh-HK": "已合併至" },
  noDetails: { en: "(no details)", "zh-HK": "（沒有詳情）" },
  upvoted: {
    en: "You support {id} “{title}”. Its count: /agenda {id}",
    "zh-HK": "你已支持 {id}「{title}」。查看票數：/agenda {id}",
  },
  upvotedHere: {
    en: "You support {id}. To withdraw: /unvote {id}",
    "zh-HK": "你已支持 {id}。如要撤回：/unvote {id}",
  },
  alreadyUpvoted: {
    en: "You already support {id}; your support counts once, however often you press.",
    "zh-HK": "你早已支持 {id}；無論按多少次，每人只計一票。",
  },
  unvoted: {
    en: "You withdrew your support of {id}.",
    "zh-HK": "你已撤回對 {id} 的支持。",
  },
  notVoted: { en: "You weren't supporting {id}, so nothing changed.", "zh-HK": "你未有支持 {id}，沒有任何更改。" },
  redirected: { en: "{from} was merged into {id}. ", "zh-HK": "{from} 已合併至 {id}。" },
  townhallClosed: {
    en: "{townhall} is closed: its topics can no longer be supported or changed.",
    "zh-HK": "{townhall} 已結束，其議題不能再支持或更改。",
  },
  pendingTopic: {
    en: "{id} is awaiting review; it can be supported once an organiser approves it.",
    "zh-HK": "{id} 正等候審批，獲籌辦人批准後才可支持。",
  },
  rejectedTopic: { en: "{id} was rejected, so it can't be supported.", "zh-HK": "{id} 已被拒絕，不能支持。" },
  pollvoteUsage: {
    en: "Vote in the open poll with option numbers, e.g. /pollvote 1 3. /pollvote clear withdraws your vote.",
    "zh-HK": "用選項編號投票，例如 /pollvote 1 3。/pollvote clear 撤回你的投票。",
  },
  noPoll: { en: "There is no open poll right now.", "zh-HK": "目前沒有進行中的投票。" },
  useNativePoll: {
    en: "The poll is posted here: please vote in it directly. Your choice there is what counts, and /pollvote would overwrite it.",
    "zh-HK": "投票已在此發佈，請直接在投票中選擇。以該處的選擇為準，/pollvote 會覆蓋它。",
  },
  pollVoted: {
    en: "Your poll vote is recorded: {choices}. You can change it until the poll closes.",
    "zh-HK": "已記錄你的投票：{choices}。投票結束前可隨時更改。",
  },
  pollWithdrawn: { en: "Your poll vote was withdrawn.", "zh-HK": "已撤回你的投票。" },
  pollClosed: { en: "That poll is closed; its result is final.", "zh-HK": "該投票已結束，結果已確定。" },
  badOption: {
    en: "Options are numbered 1 to {n}, e.g. /pollvote 1 3.",
    "zh-HK": "選項編號為 1 至 {n}，例如 /pollvote 1 3。",
  },
  pollFallbackFoot: {
    en: "Vote with /pollvote <numbers>, e.g. /pollvote 1 3 (several allowed).",
    "zh-HK": "請用 /pollvote <編號> 投票，例如 /pollvote 1 3（可選多項）。",
  },
  stale: {
    en: "That button no longer does anything. Send /agenda to see the current topics.",
    "zh-HK": "這個按鈕已失效。請輸入 /agenda 查看目前議題。",
  },
  notOrganiser: { en: "Only organisers can do that.", "zh-HK": "只有籌辦人可以進行此操作。" },
  proposedIn: { en: "Topics you proposed", "zh-HK": "你提出的議題" },
  supportedIn: { en: "Topics you support", "zh-HK": "你支持的議題" },
  ballotIn: { en: "Your poll votes", "zh-HK": "你的投票" },
} satisfies Record<string, Localised>;
