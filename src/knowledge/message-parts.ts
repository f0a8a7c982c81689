/**
 * The parts of a member's message: its clauses (a long, rambling message is
 * also read clause by clause), its question sentences ("QMAS係幾時開始㗎？好似
 * 好耐之前已經有"), and the questions of a message that asks several things.
 */

import { NUMBER, numbersIn, wordCount } from "../core/text.ts";
import { RATE } from "./answer-checks.ts";

/** At most this many clauses of a long message are read on their own. */
export const MAX_CLAUSES = 4;
/** Messages with at least this many words are also read clause by clause. */
export const LONG_WORDS = 14;

export { NUMBER, numbersIn, wordCount };

/** The clauses of a long message (sentences, and parts joined by dashes or "but"), each of three words or more. */
export function clauses(q: string): string[] {
  const asks = questionSentences(q);
  if (wordCount(q) < LONG_WORDS) return asks;
  const parts = q
    .split(/[.?!;。？！；]+\s*|\s[-–—]+\s|,\s*(?:but|and|so)\s|\b(?:but|so)\s/iu)
    .map((c) => c.trim())
    .filter(substantial);
  // The last clauses of a rambling message are where its question usually is.
  return [...new Set([...asks, ...parts.slice(-MAX_CLAUSES)])];
}

/** Where a message asking several things divides ("…? Also…", "first… second…", "另外", "同埋"). */
const PART_BREAK =
  /(?<=[?？])\s*|[;；]\s*|\n+|\b(?:second(?:ly)?|third(?:ly)?|also|and also|plus|another (?:question|thing))\b[,:]?\s*|,?\s+and\s+(?=(?:how|what|when|where|who|which|why|whether|is|are|does|do|did|can|could|will|would|should)\b)|另外|同埋|仲有|還有|以及|此外/iu;

/** A connective at the start of a part ("另外…", "Also, …"). */
const LEADING_LINK =
  /^(?:另外|同埋|仲有|還有|以及|此外|(?:and )?also|plus|second(?:ly)?|third(?:ly)?|\(?\d{1,2}[).:、]|[(（]?[一二三四五][)）.、])[,，:：\s]*/iu;

/** Words that make a part of a message a question. */
const ASKS =
  /[?？]|\b(what|which|who|whom|when|where|why|how|is|are|can|could|does|do|did|will|would|should)\b|嗎|咩|乜|幾|多少|邊|什麼|甚麼|點|係咪|是否|是不是|可唔可以|可不可以|有冇|有沒有|哪/iu;

/** Whether a clause asks something (a question mark or an asking word), not only tells. */
export function asksSomething(clause: string): boolean {
  return ASKS.test(clause);
}

/** The parts of a message that each ask something (two or more, else none). */
export function questionParts(q: string): string[] {
  const parts = q
    .split(PART_BREAK)
    .map((p) => fromItsQuestion((p ?? "").trim().replace(LEADING_LINK, "")))
    .filter((p) => substantialPart(p) && ASKS.test(p));
  return parts.length >= 2 ? parts.slice(0, MAX_CLAUSES) : [];
}

/** Words by which a follow-up points back at what was just discussed ("its", "in it", "它的", "佢哋嘅"). */
export const BACK_REFERENCE =
  /\b(?:its|it|their|them|they|that|this|these|those)\b|它|其|佢|他們|她們|該|這個|呢個|嗰個|那個|具體|具体/iu;

/**
 * A part from the sentence that asks: "I am a reporter preparing a feature on talent schemes. Could you
 * confirm when QMAS was introduced" is asked by its second sentence; the story before it is kept when
 * that sentence points back into it ("Our firm has 200 shirts. Do you take them").
 */
function fromItsQuestion(part: string): string {
  const sentences = sentencesOf(part);
  const at = sentences.findIndex((s) => ASKS.test(s));
  const asked = sentences[at];
  if (at <= 0 || asked === undefined || BACK_REFERENCE.test(asked)) return part;
  return sentences.slice(at).join(" ").trim();
}

/** Whether a clause has enough words to be read on its own (three words, or four Chinese characters). */
export function substantial(c: string): boolean {
  return c.split(/\s+/).length >= 3 || /[\u4e00-\u9fff]{4}/.test(c);
}

/** Whether a part of a message asking several things is one: a clause, or a word of Latin letters among two Chinese characters ("QMAS係咩？"). */
function substantialPart(c: string): boolean {
  return substantial(c) || (/[a-z]{2}/i.test(c) && (c.match(/[\u4e00-\u9fff]/g)?.length ?? 0) >= 2);
}

/**
 * The sentences of a message of several that end in a question mark ("QMAS係幾時開始㗎？好似好耐之前已經有"):
 * the question is there, the rest is comment.
 */
export function questionSentences(q: string): string[] {
  const sentences = sentencesOf(q);
  // "我喺資產管理公司做咗十年，最近老細話…，我想問吓每年名額有幾多個，因為驚搶唔到": a Chinese story runs on
  // in clauses, and the one that says it asks is the question.
  if (sentences.length < 2) {
    const clauses = q.split(/[，,；;]/u);
    const at = clauses.findIndex((c, i) => i >= 2 && ZH_ASKING_CLAUSE.test(c));
    const asked = clauses[at]?.trim();
    return asked && substantial(asked) ? [asked] : [];
  }
  // Only a question set among comments of some substance ("…? srsly" is still one question).
  const comments = sentences.filter((s) => !asks(s));
  if (!comments.some(substantial)) return [];
  return sentences
    .map((s, i) => {
      const asked = s.trim();
      if (!asks(asked)) return "";
      // "…whether ordinary people may trade them. What does the article say about that?": the question
      // is about the sentence before it.
      const before = sentences[i - 1]?.trim();
      return before && !/[?？]\s*$/u.test(before) && POINTS_BACK.test(asked) ? `${before} ${asked}` : asked;
    })
    .filter(substantial)
    .slice(0, MAX_CLAUSES);
}

/** A message's sentences (with letters or digits), split after ., ?, ! and their Chinese forms. */
export function sentencesOf(q: string): string[] {
  return q.split(/(?<=[.?!。？！])\s*|\n+/u).filter((s) => /[\p{L}\p{N}]/u.test(s));
}

/**
 * The sentences of a story that ask, joined: those ending in a question mark, and those opening with an
 * asking word ("…at your networking events? who do I sign up with"). ("e.g." and "i.e." end no sentence.)
 */
export function askingSentences(text: string): string {
  return sentencesOf(text.replace(/\b(?:e\.g|i\.e|etc)\./giu, (m) => m.replaceAll(".", "")))
    .filter((s) => /[?？]\s*$/u.test(s) || /^\s*(?:who|what|where|when|how|which|why)\b/iu.test(s))
    .join(" ");
}

/** A Chinese clause that says it asks: 我想問吓…, 想請問…, 想知道…. */
const ZH_ASKING_CLAUSE =
  /^\s*(?:所以|咁|那|想|我)*(?:想|好想)?(?:問|问)(?:吓|下|一下|一問|一问)?(?:你|你哋|你们|你們)?(?=\S{3})|^\s*(?:所以|咁|那)?(?:我)?(?:想|請|请)(?:問|问)|^\s*(?:所以|咁|那)?(?:我)?想(?:知|知道|了解|問清楚|问清楚)(?=\S{3})/u;

/**
 * A sentence that asks: a question mark, or "I just want to know how…", "tell me what…", "Kindly advise
 * whether…", "May I know…".
 */
function asks(s: string): boolean {
  return /[?？]\s*$/u.test(s) || ASKING_STATEMENT.test(s);
}
const ASKING_STATEMENT =
  /(?:^\W*|[—–;]\s*)(?:(?:so|but|and|anyway|basically)[,\s]+)?(?:i(?:'m| am)? (?:just |really |mainly |only )?(?:want(?:ed)? to know|would like to know|'d like to know|wonder(?:ing)?)|(?:please |pls |can you |could you )?tell me|(?:kindly|please|pls|plz)\s+(?:advise|inform|let (?:me|us) know|clarify|confirm|explain|elaborate)|i (?:wish|would like|'d like) to (?:know|ask|enquire|inquire)|may i (?:humbly )?(?:know|ask|enquire|inquire))\b/iu;

/**
 * A question only about what was just said: "What does the article say about that?", "Is that true?",
 * "…asked me to find out what the profits tax rate would be. Do you know?".
 */
const POINTS_BACK =
  /^(?:(?:and|so|but|ok|okay|well)[,\s]+)?(?:what (?:does|do|did) (?:the |your )?(?:article|documents?|association|report|policy|it|they) (?:say|said|mention) (?:about|on) (?:that|this|it)|(?:is|was) (?:that|this|it) (?:true|right|correct|so|the case|allowed|possible)|(?:any|what) (?:info|information|details?) (?:about|on) (?:that|this|it)|what about (?:that|this|it)|what(?:'s| is| was| are| were) (?:that|this|those|these) (?:[\w-]+ )?(?:called|named|known as)|what(?:'s| is| was) (?:that|this) (?:saying|slogan|principle|phrase|term|motto|rule|approach|policy|scheme|programme|program|list|thing)(?: again| exactly)?\b(?=\s*[?？.]?\s*$)|how (?:much|many)(?: (?:extra|more|bonus|additional))?(?: points?| marks?)? (?:is|was|are|were|would|will|does|do|did) (?:it|that|this|they|those|these)(?: \w+){0,2}(?=\s*[?？.]?\s*$)|how often (?:are|is|do|does|will) (?:they|it|those|these)(?: \w+){0,2}(?=\s*[?？.]?\s*$)|(?:do|would|does) (?:you|u|ya|anyone|anybody) (?:happen to )?know(?: (?:that|this|it|the answer))?(?=\s*[?？.]?\s*$)|any ideas?(?=\s*[?？.]?\s*$))\b/i;

/** "Does the association run X?", "協會有冇搞X？": a question whether something exists. */
const EXISTENCE_EN =
  /^\s*(?:(?:and|so|but|also|hey|hi|ok|okay|um|cool|nice|great|right|alright|thanks)[,\s]+)*(?:does|do|did|will|can|could|is|are)\s+(?:the\s+)?(?:association|bahk|you|your\s+(?:association|organi[sz]ation)|they|it|hong kong|hk|the government|the city)\s+(?:\w+ly\s+)?(?:run|runs|running|organi[sz]e|organi[sz]ing|offer|offering|have|hold|holding|host|hosting|provide|providing|arrange|arranging|give|giving|issue|do|doing|accept|accepting|help\s+with|sponsor|sponsoring|fund|funding|support|supporting|co-?host|co-?hosting)\s+(.{3,80}?)\s*(?:\?.*)?$/i;
const EXISTENCE_ZH =
  /(?:協會|你哋|你們|貴會|佢哋|他們)(?:本身)?(?:(?:有冇|有沒有|有無|會唔會|會不會)(?:搞|開|辦|舉辦|舉行|提供|安排|出|做|發|幫|收|接受|招)?|(?:係咪|是否)(?:有|搞|開|辦|舉辦|舉行|提供|安排|出|做|發|幫|收|接受|招))(.{2,40}?)[？?嗎呀㗎]*$/u;

/** "Can it be used for cross-border payments?", "能不能拿它做跨境支付": a use of the thing discussed. */
const USE_EN =
  /\b(?:can|could|will|would)\s+(?:i|we|you|people|banks|firms|companies)\s+use\s+(?:it|that|this|them|the platform)\s+(?:for|to)\s+(.{3,60}?)\s*\??$|\b(?:can|could|will|would)\s+(?:it|that|this|they|the platform)\s+be\s+used\s+(?:for|to)\s+(.{3,60}?)\s*\??$/i;
const USE_ZH =
  /(?:能不能|能唔能|可不可以|可唔可以|可以|能否|能夠|能够)(?:拿|用|攞)(?:(?:它|佢|這個|这个|呢個|嗰個|那個|那个)(?:來|来|嚟)?|來|来|嚟)(?:做|作|搞|處理|处理)?(.{2,20}?)[？?嗎吗呀㗎呢]*$/u;

/** "我屋企啲舊電腦收唔收㗎？": whether something is taken. */
const TAKEN_ZH =
  /^(?:咁|那|噉)?(.{2,14}?)(?:你哋|你們|你们|協會|协会|佢哋|他們|他们)?(?:收唔收|收不收|要唔要|要不要|接唔接受|接不接受|收嗎|收吗|收不)[？?嗎吗呀㗎呢]*$/u;
/** "可唔可以帶埋屋企人過嚟？": whether someone may be brought along. */
const BROUGHT_ZH =
  /(?:帶埋|带埋|帶同|带同|攜同|携同|攜帶|携带|帶上|带上)(.{1,8}?)(?:一齊|一起)?(?:過嚟|过来|過來|來港|来港|嚟香港|來香港|来香港|嚟|來|来)?(?:嗎|吗|呀|㗎|呢|？|\?|$)/u;
/** "醫生有冇份㗎？", "律師包唔包括？": whether something is included. */
const INCLUDED_ZH =
  /^(?:咁|那|噉)?(.{1,12}?)(?:都)?(?:有冇份|有沒有份|有没有份|有份|包唔包括|包不包括|算唔算|算不算|喺唔喺入面|在不在裡面|在不在里面)[？?嗎吗呀㗎呢]*$/u;

/**
 * "Can mainland students apply?", "can i join online?", "线上能参加吗？": who, or how, may take part:
 * the group (not "I", "we", "anyone") and the way that is asked about.
 */
const PARTAKE_EN =
  /^\s*(?:(?:and|so|but|also|ok|okay|cool|thanks)[,.!\s]+)*(?:can|could|may)\s+(.{1,40}?)\s+(apply|join|take part|participate|attend|sign up|register|donate|give)\b\s*(.{0,40}?)\s*[?？]*\s*$/i;
const PARTAKE_ZH =
  /^(?:咁|那|那麼|那么|噉)?([^係是要先唔不冇没有嗎吗？?，,。]{2,12}?)(?:都|也)?(?:能不能|能唔能|可不可以|可唔可以|可以|能否|能夠|能够|能|會唔會)(申請|申请|參加|参加|參與|参与|加入|報名|报名|出席|捐贈|捐赠|捐)(.{0,12}?)[？?嗎吗呀㗎呢啊]*$/u;
const EVERYONE =
  /^(?:i|we|you|they|people|anyone|anybody|everyone|everybody|someone|somebody|one|my company|our company|my firm|our firm|we as a company|我|我哋|我們|我们|你|你哋|你們|你们|人|大家|任何人|公司|企業|企业|機構|机构|間公司|间公司|邊個|边个|誰|谁|咩人|什麼人|什么人)$/iu;

function partakeObject(q: string): string | undefined {
  const m = PARTAKE_EN.exec(q.trim()) ?? PARTAKE_ZH.exec(q.trim());
  if (!m) return undefined;
  const who = (m[1] ?? "").replace(/^(?:我哋|我們|我们|我)(?:嘅|的)?(?=\S)/u, "").trim();
  // (What is joined, "for QMAS", "the townhall", is what the answer is about, not a qualifier; nor is
  // what is given, "leftover branded tees".)
  const giving = /^(?:donate|give|捐)/iu.test(m[2] ?? "");
  const rest = giving ? "" : ((m[3] ?? "").split(/[嗎吗呀㗎呢啊，,？?]/u)[0]?.trim() ?? "");
  const how =
    /^(?:for|to|it|the|them|this|that|its|their|in\s+(?:it|the|this|that))\b|^(?:它|佢|呢個|這個|这个)/iu.test(rest)
      ? ""
      : rest;
  const parts = [EVERYONE.test(who) ? "" : who, how].filter((x) => x.length > 1);
  return parts.join(" ") || undefined;
}

/**
 * What a question asks the existence of ("an annual blockchain hackathon", "區塊鏈黑客松"), or whom or
 * which way of taking part it asks about ("mainland students", "online"), if it does: what an answer
 * must speak of.
 */
export function existenceObject(q: string): string | undefined {
  const m = EXISTENCE_EN.exec(q.trim()) ?? EXISTENCE_ZH.exec(q.trim());
  if (m?.[1]?.trim()) return m[1].trim();
  const partake = partakeObject(q);
  if (partake) return partake;
  const use = USE_EN.exec(q.trim()) ?? USE_ZH.exec(q.trim());
  if (use) return (use[1] ?? use[2])?.trim() || undefined;
  const brought = BROUGHT_ZH.exec(q.trim())?.[1]?.trim();
  if (brought) return brought;
  // "我屋企啲舊電腦收唔收㗎？", "醫生有冇份㗎？": whether that is taken, included.
  const taken = TAKEN_ZH.exec(q.trim()) ?? INCLUDED_ZH.exec(q.trim());
  // ("如果係AI方面嘅專家呢？都有份？": the case is the AI experts.)
  return (
    taken?.[1]
      ?.replace(/^(?:如果|若果|假如|要是|若)(?:係|是)?/u, "")
      .replace(/^(?:我|我哋|我們|我们|公司|屋企|家裡|家里)+(?:啲|嘅|的)?/u, "")
      .replace(/[呢？?，,\s]+$/u, "")
      .trim() || undefined
  );
}

/**
 * "Was Bank of China one of the seven banks?", "Is Seoul among the rivals?", "does crypto trading count
 * as one of them?", "中銀係唔係其中一間？": the thing a question asks to be one of those spoken of.
 */
const MEMBER_EN =
  /(?:^|[.?!]\s+)(?:(?:and|so|but|ok|okay)[,\s]+)?(?:was|is|were|are)\s+(?:the\s+)?([a-z0-9][\w'’&().-]*(?:\s+[\w'’&().-]+){0,5}?)\s+(?:(?:also|really|actually)\s+)?(?:(?:included|listed|counted|named)\s+)?(?:one of|among|amongst|included in|a member of)\b|(?:^|[.?!]\s+)(?:(?:and|so|but|ok|okay)[,\s]+)?(?:does|do|would|will|could)\s+(?:the\s+)?([a-z0-9][\w'’&().-]*(?:\s+[\w'’&().-]+){0,5}?)\s+(?:also\s+)?(?:count|qualify|fall)\s+(?:as|among|under)\s+(?:one of|among|part of)?\b/iu;
const MEMBER_ZH =
  /([\u4e00-\u9fffA-Za-z]{2,10}?)(?:係唔係|是不是|是否|係咪|算唔算|算不算)其中(?:一間|一间|一個|一个|一家|之一|一員|一员)|([\u4e00-\u9fffA-Za-z]{2,10}?)(?:是|係|也是|都係)其中(?:一間|一间|一個|一个|一家|之一)(?:嗎|吗|呀|嚟㗎|來的嗎)/u;

/** A name asked after a list, on its own: "Bank of China too?", "StanChart in?", "and Seoul as well?". */
const MEMBER_SHORT =
  /^\s*(?:(?:and|so|but|what about|how about)[,\s]+)?([A-Z][\w'’&().-]*(?:\s+(?:of|the|and|&|[A-Z][\w'’&().-]*)){0,4})\s+(?:too|as well|also|included|in|in there|on (?:it|the list)|among them|one of them)\s*[?？]+\s*$/u;

/** What a question asks to be one of those spoken of, if it asks that (see {@link MEMBER_EN}). */
export function memberAsked(q: string): string | undefined {
  const m = MEMBER_EN.exec(q) ?? MEMBER_ZH.exec(q) ?? MEMBER_SHORT.exec(q);
  // "Are the internships tied to one of the goals?": the internships, whose goal is asked.
  const thing = (m?.[1] ?? m?.[2])
    ?.trim()
    .replace(/\s+(?:(?:tied|linked|connected|related|relevant|attached)\s+(?:to|with)|(?:a\s+)?part\s+of|under)$/i, "");
  // A pointer ("is it one of them?") or the member's own ("is my field among them?", "are people like
  // me…") names nothing a text could name.
  return thing &&
    !/^(?:it|this|that|they|these|those|he|she|you|there|佢|它|他|她|呢個|這個|这个|嗰個|那個|那个)$/iu.test(thing) &&
    !/\b(?:i|me|my|mine|we|us|our|ours|someone|somebody|anyone|like|such|similar)\b|我|本人/iu.test(thing)
    ? thing
    : undefined;
}

const COUNTED_EN =
  /\bhow many\s+(?:of\s+(?:the|those|these|its|their)\s+)?((?:[a-z][\w-]*\s+)?[a-z][\w-]*)|\bnumber of\s+((?:[a-z][\w-]*\s+)?[a-z][\w-]*)|\b((?:minimum|maximum|min|max|pass(?:ing)?)\s+(?:score|points?|mark))\b|\bhow much\s+((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*?)\s+(?:has|have|had|is|are|was|were|does|did|will|would|can|could)\b/i;
/** "how many extra (QMAS) points", "how many more people": how many more, and of what (after any names). */
const MORE_COUNTED = /\b[Hh]ow many\s+(extra|additional|more|bonus|further)\s+(?:[A-Z][\w-]*\s+)*([a-z][\w-]*)/;
/** 幾多/多少, a classifier if any ("幾多個人" is people, not 個人), and the thing counted. */
const COUNTED_ZH =
  /(?:幾多|多少|几多)\s*(?:個|个|名(?!額|额)|項|项|間|间|位|種|种|條|条|件|家|隻|只)?([\u4e00-\u9fff]{1,4})/u;

/** 合格分數要多少？, 名額是多少？: the thing counted, before 多少 at the question's end. */
const COUNTED_ZH_BEFORE =
  /([\u4e00-\u9fff]{2,4})(?:是|係|要|有|得|為|为)?(?:幾多|多少|几多|幾何|几何|若干)\s*[？?。]?\s*$/u;

/** The thing a question asks the number of ("how many banks", "多少名會員", "minimum score"), if it names one. */
export function countedThing(q: string): string | undefined {
  // "通过率咋样？": the rate is what is counted.
  const rate = RATE.exec(q)?.[0];
  if (rate) return rate;
  // 加幾多分, 多加多少分, 額外獲得多少分數: extra points (分 alone, one character, names nothing).
  if (/(?:加|額外|额外)[\u4e00-\u9fff]{0,3}?(?:幾多|多少|几多|幾|几)\s*分/u.test(q)) return "加分";
  // "how many extra QMAS points": more of a thing (extra points, as texts say them), whatever names
  // stand before it.
  const more = MORE_COUNTED.exec(q);
  if (more) return `${more[1]} ${more[2]}`;
  const m = COUNTED_EN.exec(q) ?? COUNTED_ZH.exec(q) ?? COUNTED_ZH_BEFORE.exec(q);
  let thing = (m?.[1] ?? m?.[2] ?? m?.[3] ?? m?.[4])?.trim() || undefined;
  // "how many people QMAS admits": a name after the thing counted starts what is said of it.
  const named = thing && /^([a-z][\w-]*)\s+[A-Z]/.exec(thing);
  if (named) thing = named[1];
  // "how many people may be admitted": a modal after the thing counted is no part of it ("may" is a month).
  if (thing) thing = thing.replace(/\s+(?:may|might|can|could|will|would|should|must|shall)$/i, "");
  // "how many may come each year?": a modal where the thing would be counts whoever does it (lowercase
  // "may" is no month).
  if (thing && /^(?:may|might|could|would|should|must|shall)\s+[a-z]+$/.test(thing)) return undefined;
  // "the number of persons the scheme admits": persons and individuals are people, as texts count them.
  if (thing) thing = thing.replace(/^(?:persons|individuals)\b/i, "people");
  // "the number of people admitted", "points awarded": a participle after the thing counted says how
  // it is counted, not what is counted.
  // ("how many people applied" asks of those who applied, which is no such participle.)
  if (thing)
    thing = thing.replace(
      /^([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:admitted|approved|accepted|allowed|awarded|granted|selected|let in)\b(?:\s+(?:each|every|per|a)\s+year)?\s*[?？]*$/i,
      "$1",
    );
  // "每年收到多少件？": a measure word alone counts goods (pieces, boxes, sets).
  if (thing && /^[件箱套本條条隻只][？?呀啊㗎呢]*$/u.test(thing)) return "物品";
  // "how many in total?", "how many are there?" name no thing counted; nor does a rate ("how many a
  // year?", "一年多少？", "每年幾多"), which only says over what time.
  return thing &&
    (/^(?:in|are|is|were|was|do|does|did|have|has|will|can|altogether|total|all|of)\b/i.test(thing) ||
      /^(?:a|an|per|each|every)\s+(?:year|month|week|day|quarter)\b/i.test(thing) ||
      /^(?:一|每|每一)(?:年|個月|个月|月|星期|週|周|日|天|季)$/u.test(thing))
    ? undefined
    : thing;
}

/** "When does BAHK publish its annual impact report?": the thing a question asks the time of, if it names one. */
const WHEN_OF =
  /\bwhen\s+(?:does|did|do|will|is|was|are|were|would)\s+(?:the\s+)?[\w-]+\s+(?:publish|release|hold|launch|open|start|issue|announce|run|host|update)\w*\s+(?:its|the|their|a|an|his|her)?\s*(.{3,60}?)(?:[,?.!]|\s+and\b|$)/i;

/** "When was BAHK founded?": the thing whose beginning is asked (not QMAS's launch, another text's). */
const WHEN_BEGUN =
  /\bwhen\s+(?:was|were|is|did)\s+(?:the\s+)?([\w'-]+(?:\s+[\w'-]+){0,3}?)\s+(?:first\s+)?(?:founded|set up|established|launched|started|created|formed|incorporated|registered|released|published|announced|introduced)\b/i;

/** "How often are the networking events held?": the thing whose frequency is asked. */
const OFTEN_OF =
  /\bhow (?:often|regularly|frequently) (?:are|is|do|does|will|would|r)\s+(?:the\s+|your\s+|bahk'?s\s+|the association'?s\s+)?([\w'-]+(?:\s+[\w'-]+){0,3}?)(?:\s+(?:held|happen|happening|run|organi[sz]ed|take place|meet|on|convened|called))?\s*[?？.!]*\s*$/i;

/** The thing a question for a frequency is about ("the networking events"), if it names one (not "those"). */
export function oftenThing(q: string): string | undefined {
  const thing = OFTEN_OF.exec(q.trim())?.[1]?.trim();
  // ("how often would I get the chance?" asks how often of what the member does: named before, if at all.)
  return thing && !/^(?:they|them|those|these|it|that|this|you|u|ya|y'?all|i|we|one)\b/i.test(thing)
    ? thing
    : undefined;
}

/** The thing a question for a time is about ("its annual impact report"), if it names one. */
export function timedThing(q: string): string | undefined {
  return WHEN_OF.exec(q)?.[1]?.trim() || undefined;
}

/** The thing whose beginning a question asks the time of ("When was BAHK founded?"), if it names one. */
export function begunThing(q: string): string | undefined {
  return WHEN_BEGUN.exec(q)?.[1]?.trim() || undefined;
}

/**
 * Particular instances asked for ("any specific projects for the unbanked?", "what concrete programmes",
 * 哪些公眾教育講座): the kind of thing, which a text that answers speaks of.
 */
const INSTANCES =
  /\b(?:any|what|which) (?:specific|concrete|particular|actual)\s+(?:[a-z][\w-]*\s+)?(projects?|programs?|programmes?|initiatives?|schemes?|campaigns?|events?|lectures?|talks?|seminars?|workshops?|courses?|activities|activity)\b|\bany\s+(?:[a-z][\w-]*\s+)?(projects?|programs?|programmes?|initiatives?|schemes?|campaigns?)\b[^?.!]{0,40}\b(?:in particular|specifically|particularly|especially)\b|(?:哪些|邊啲|边啲|(?<![為为])(?:甚麼|什麼|什么)|咩)[\u4e00-\u9fff]{0,4}?(講座|讲座|研討會|研讨会|工作坊|課程|课程)|\b(?:do|does|did|will|would)\s+(?:they|you|u|it|the association|bahk)\s+(?:run|offer|hold|host|organi[sz]e|give|provide|have|do)\s+(?:any\s+)?(?:[a-z][\w-]*\s+){0,2}?(courses?|lectures?|talks?|seminars?|workshops?|classes|webinars?)\b|\b(?:is|are) there (?:a|an|any|some)\s+(?:[a-z][\w-]*\s+){0,2}?(schemes?|programs?|programmes?|projects?|initiatives?|campaigns?)\b|(?:有沒有|有冇|有没有|有無|有无|會不會|会不会|會唔會)[\u4e00-\u9fff]{0,6}?(講座|讲座|研討會|研讨会|工作坊|課程|课程)/iu;

/** The kind of the particular instances a question asks for, if it asks for some. */
export function instancesAsked(q: string): string | undefined {
  const m = INSTANCES.exec(q);
  return m?.slice(1).find((g) => g !== undefined);
}

/** Whether a text speaks of a kind of thing by its word, also inside a longer term ("internship programs"). */
export function namesKind(text: string, kind: string, asked = ""): boolean {
  const stem = kind
    .toLowerCase()
    .replace(/(?:ies|y|s)$/u, "")
    .replace(/(?<=m)me$/u, "");
  const lower = text.toLowerCase();
  if (lower.includes(stem)) return true;
  // "Is there any internship scheme?": a scheme of a thing the text names is its programme (not "is there a
  // scheme for them?", which the internship programmes are not).
  const of = /\b([a-z][\w-]{3,})\s+(?:schemes?|programs?|programmes?)\b/iu.exec(asked)?.[1]?.toLowerCase();
  return (
    (stem === "scheme" || stem === "program") &&
    of !== undefined &&
    lower.includes(of.replace(/s$/u, "")) &&
    /\b(?:scheme|program)/iu.test(text)
  );
}

/** A question for a total or a running count ("in total", "so far", "this year"), not a yearly cap. */
export const CUMULATIVE =
  /\b(?:in total|altogether|so far|to date|since (?:it |they )?(?:launch|start|began|began|open)\w*|since \d{4}|this year|last year|are filled|were admitted|have been admitted|actually (?:approved|admitted|granted))\b|累計|累计|至今|總共|总共|到目前為止|到目前为止|今年|去年|上年|實際批|实际批|批出咗|已批出/i;

/** A count asked for each of several things ("how many places does each field get?", "各有多少"), not "each year". */
export const EACH_ASKED =
  /\beach (?!(?:year|month|quarter|week|day|time|round|intake|annum)s?\b)[a-z]+|\b(?:per|for every) (?:field|profession|sector|bank|city|goal|category|industry)\b|各有|各自有|分別有|分别有|各(?:佔|占|得|要)|每(?:個|个|一個|一个)?(?:領域|领域|專業|专业|行業|行业|範疇|范畴|城市|銀行|银行|類別|类别)(?:各)?(?:有|佔|占|得)/iu;

/** A count given as a yearly rate or cap ("an annual quota of 1,000", "每年名額"). */
export const YEARLY = /\b(?:annual|each year|per year|every year|a year|yearly)\b|每年|年度/i;

/** A number as a count (not a list's "1)" or "四、"), in figures, English words or Chinese numerals. */
const COUNT =
  /(?<![\w.])\d[\d,.]*(?![)）、.]\s*\D)|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|hundred|thousand|million)\b|[一二三四五六七八九十百千萬兩]+(?![、])/giu;

/** A day of a month ("8月28日", "August 28", "28 Aug"): a date, not a count. */
const DAY_OF_MONTH =
  /\d{1,2}\s*月\s*\d{1,2}\s*[日號号]|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b/giu;
/** A year ("2006"): a date, not a count. */
const YEAR = /^(?:19|20)\d\d$/;

/**
 * The counts a quantity question states before it asks ("Of the 1,000 places, how many go to blockchain
 * people?", "1000个名额里面,留给区块链人才的有多少个?"): it asks for a part of them, which a text giving
 * only those counts does not tell. A number in an earlier sentence ("Is it 1000? how many exactly?") is
 * a check, not a count set aside.
 */
export function statedCounts(q: string): ReadonlySet<string> {
  const out = new Set<string>();
  for (const sentence of q.split(/(?<=[?？!！。])/u)) {
    const at = sentence.search(/\bhow (?:many|much)\b|多少|幾多|几多/iu);
    if (at < 0) continue;
    for (const n of numbersIn(sentence.slice(0, at))) out.add(n);
  }
  return out;
}

/** The counts a text gives in digits, years left out (and days of a month, with `days: false`). */
export function digitCounts(text: string, { days = true }: { readonly days?: boolean } = {}): string[] {
  return numbersIn(days ? text : text.replace(DAY_OF_MONTH, " ")).filter((n) => !YEAR.test(n));
}

/** The text around each count of a text, without it: a few words (English) or characters (Chinese) either side. */
export function countWindows(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(COUNT)) {
    const at = m.index ?? 0;
    const end = at + m[0].length;
    const han = /[\u4e00-\u9fff]/u.test(text.slice(Math.max(0, at - 2), end + 2));
    // Without the count itself, so the words around it read as one phrase ("extra 30 points").
    if (han) out.push(`${text.slice(Math.max(0, at - 6), at)}${text.slice(end, end + 8)}`);
    else {
      const before = text.slice(0, at).split(/\s+/).slice(-4).join(" ");
      const after = text.slice(end).split(/\s+/).slice(0, 4).join(" ");
      out.push(`${before} ${after}`.replace(/\s+/g, " ").trim());
    }
  }
  return out;
}
