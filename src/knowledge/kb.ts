/**
 * Retrieval and answering. Units (FAQ question phrasings, FAQ answers and
 * document passages) are found through the HNSW index and the lexical index,
 * scored by soft coverage, reverse coverage and embedding cosine, and the best
 * FAQ entry or passage answers when its score clears the calibrated threshold.
 */
import { fill } from "../core/i18n.ts";
import type { Answer, AnswerOptions, KnowledgeBase } from "../core/ports.ts";
import type { SourceRef } from "../core/replies.ts";
import type { Lang } from "../core/types.ts";
import {
  ASSOCIATION,
  type Expectation,
  expectation,
  namedKind,
  onlyPresent,
  onlyProspective,
  REASON,
  satisfies,
} from "./answer-checks.ts";
import type { FaqEntry, Passage } from "./documents.ts";
import type { LexicalIndex, PreparedQuery } from "./lexical.ts";
import {
  askingSentences,
  asksSomething,
  BACK_REFERENCE,
  begunThing,
  CUMULATIVE,
  clauses,
  countedThing,
  countWindows,
  digitCounts,
  EACH_ASKED,
  existenceObject,
  instancesAsked,
  LONG_WORDS,
  memberAsked,
  NUMBER,
  namesKind,
  numbersIn,
  oftenThing,
  questionParts,
  questionSentences,
  sentencesOf,
  statedCounts,
  substantial,
  timedThing,
  wordCount,
  YEARLY,
} from "./message-parts.ts";
import { KB_TEXT } from "./messages.ts";
import { type Analyzer, analyse, SOMEONE_OF_MINE, sentences, type Token } from "./text.ts";

/** A unit of retrieval. */
export interface Unit {
  readonly kind: "faq-q" | "faq-a" | "passage";
  /** FAQ entry id or passage id. */
  readonly ref: string;
  readonly lang: Lang;
  readonly text: string;
}

/** Nearest-neighbour search over the unit vectors (the HNSW index). */
export interface VectorSearch {
  search(vector: readonly number[], k: number): Promise<{ unit: number; cosine: number }[]>;
  cosine(vector: readonly number[], unit: number): number;
}

/** Scoring weights and the decision threshold; `calibrated` comes from eval/calibrate.ts. */
export interface Tuning {
  readonly coverage: number;
  readonly reverse: number;
  readonly dense: number;
  /** Multiplier of passage scores (they are longer and less precise than curated answers). */
  readonly passage: number;
  /** GloVe cosine below which two different words do not match at all. */
  readonly softFloor: number;
  /** Exponent of the inverse document frequency in the question's word weights: above 1, rare words dominate. */
  readonly idfPower: number;
  /** How much an uncovered key word of the question lowers the score (0..1). */
  readonly keyPenalty: number;
  /** Answers below this confidence are declined (English questions)… */
  readonly threshold: number;
  /** …and Chinese ones, which score lower: their words have no word vectors, only lexical features. */
  readonly thresholdZh: number;
}

/** The tuning calibrated on eval/questions.jsonl (see eval/calibrate.ts and BENCHMARKS). */
export const DEFAULT_TUNING: Tuning = {
  coverage: 0.5,
  reverse: 0.1,
  dense: 0.35,
  passage: 0.9,
  softFloor: 0.5,
  idfPower: 1.5,
  keyPenalty: 0,
  threshold: 0.4,
  thresholdZh: 0.3,
};

/** A FAQ entry or passage a question found, with its score. */
export interface Candidate {
  readonly kind: "faq" | "passage";
  readonly ref: string;
  readonly score: number;
  /** Whether the unit was a FAQ phrasing (the question was one of the curated ones) or content. */
  readonly phrasing?: boolean;
  /** Whether it is what the conversation's last answer came from (a follow-up read in its context). */
  readonly repeat?: boolean;
  /** The curated question that matched, when a phrasing did. */
  readonly asked?: string;
}

/** What a question retrieved, before the decision: for the answer and for calibration. */
export interface Retrieval {
  readonly best?: Candidate;
  /** The best few entries and passages, best first, each once. */
  readonly ranked?: readonly Candidate[];
  readonly query: PreparedQuery;
  /** A follow-up's own words without its context: what its answer's sentences must bear on first. */
  readonly own?: PreparedQuery;
}

const MAX_QUESTION_CHARS = 1000;
const MAX_ANSWER_CHARS = 900;
/** A follow-up is read together with at most this much of the question it follows. */
const MAX_CONTEXT_CHARS = 240;
/** The weight of the previous question's words in a follow-up, relative to the member's own words. */
const CONTEXT_WEIGHT = 0.5;
/** Without a follow-up cue, the context is used only when it raises the score by more than this. */
const CONTEXT_GAIN = 0.05;
/** How much a follow-up prefers units of the previous answer's document. */
const CONTEXT_DOC_BOOST = 0.03;
/** …and more the very section it came from. */
const CONTEXT_SECTION_BOOST = 0.06;
/** A short or pronoun-led follow-up is read with its context unless alone it scores this much better. */
const CUE_TOLERANCE = 0.08;
/** A follow-up scoring this much on its own needs its context to do better, not merely as well. */
const CONFIDENT_ALONE = 0.8;
/** How much of a thing's words a text must cover to speak of it. */
const MENTIONED = 0.2;
/** How much of what a question asks to be one of those spoken of a text must name ("Bank of China": not "banks"). */
const MEMBER_COVERED = 0.6;
/** Words of the association's every answer: naming them says nothing of a particular thing. */
const EVERYDAY_KEYS = new Set([
  "associat",
  "blockchain",
  "hong",
  "kong",
  "member",
  "peopl",
  "public",
  "annual",
  "any",
  "crypto",
  // "Who is it aimed at?" (the thesaurus's favour): whom a thing is for, not a thing of its own.
  "favor",
  // "協會有冇啲咩機會俾我哋？": any opening at all, which the answer names by what it is (internships).
  "opportunity",
  "機會",
]);

/** Chinese words too common in questions to name what they are about. */
const EVERYDAY_HAN = new Set(["香港", "協會", "區塊鏈"]);

/** A previous answer covering this much of a follow-up's own words may answer it again. */
const OWN_COVERED = 0.8;
/** How much a follow-up's answer avoids repeating the previous answer. */
const CONTEXT_REPEAT_PENALTY = 0.3;
/** How far above the threshold an answer taken again from the previous one is reported. */
const AGAIN_MARGIN = 0.1;
/** A name as a list gives it: capitalised words ("Bank of China (Hong Kong)"), or Chinese with its gloss. */
const LIST_NAME = String.raw`[A-Z][\w'’.&-]*(?: (?:of |the )?[A-Z][\w'’.&-]*)*(?: \([^)]*\))?`;
const LIST_NAME_ZH = String.raw`[\u4e00-\u9fff]{2,10}(?:（[^）]*）)?`;
/** A list of three names or more: "Singapore, Seoul and Tokyo", "新加坡（Singapore）、首爾（Seoul）和東京（Tokyo）". */
const NAME_LIST = new RegExp(
  `${LIST_NAME}(?:, ${LIST_NAME})+,? (?:and|or) ${LIST_NAME}|${LIST_NAME}(?:, ${LIST_NAME}){2,}|${LIST_NAME_ZH}(?:、${LIST_NAME_ZH})+(?:和|及|與|以及|或|、)${LIST_NAME_ZH}`,
  "gu",
);

/** How a question asks for a kind of fact ("how long", "when", "幾耐"): not a thing it names. */
const ASKING =
  /\b(?:(?:what|which)(?:'s|\s+is|\s+was|\s+were)?\s+(?:his|her|their|its|the)\s+(?:role|title|position|job|post)s?|(?:what|which)\s+(?:roles?|titles?|positions?|posts?|jobs?|offices?)\s+(?:does|did|do|has|had|have)\s+(?:he|she|they)(?:\s+(?:hold|have|occupy|fill))?|how (?:long|many|much|often|old|far|soon)(?:\s+(?:years|months|weeks|days|hours|times))?|when|what (?:year|date|time|day|month)|which (?:year|month|day)|who|whom|whose|where|(?:did|does|do|will) (?:it|they|that|this) take)\b|(?:用|花|要|使|搞)?咗?(?:幾耐|多久|多長時間|幾時|何時|甚麼時候|什麼時候|什么时候|几时|(?:幾多|多少|几多|幾|几)(?:年|個月|个月|日|天|星期|週)|幾多|多少|几多|邊個|邊位|誰|谁|邊度|哪裡|哪里|边度|幾點|邊年|哪年|哪一年|(?:擔任|做緊|做)?(?:甚麼|什麼|咩|乜)(?:職位|職銜|官職|職務|身份)|當時|嗰陣|嗰時|那時候?|當年)/giu;

/** Kinds of fact a bare follow-up ("which year?", "how many?", "where?") asks of the answer before it. */
const FACT_OF_THAT: ReadonlySet<Expectation> = new Set([
  "year",
  "day",
  "duration",
  "frequency",
  "date",
  "time",
  "quantity",
  "money",
  "age",
  "place",
]);

/** Nouns of a time asked for ("launch month?", "start date?", "推出日期？"), and the kinds of fact they ask. */
const WHEN_NOUNS = /\b(?:dates?|months?|years?|days?)\b|日期|月份|年份/giu;
const WHEN_KINDS: ReadonlySet<Expectation> = new Set(["year", "day", "date", "time"]);

/** A question for a reason ("why does that matter to them?", "為什麼要辦這個？"), with its asking words. */
const WHY =
  /\bwhy\b|\b(?:what(?:'s|s| is) the (?:(?:main|real|bigger|overall|ultimate) )?(?:point|reason(?:ing)?|rationale|logic|purpose|goal|aim|idea)(?: behind)?|how come|what reasons?|for what reason|(?:meant|supposed|trying|hoping|hope|hopes|want|wants|aim|aims|aiming|intended) to achieve|end ?game|end goal|(?:ultimate|bigger|broader|overall|wider|larger|real|main) (?:goal|aim|purpose|point)|(?:goal|aim|purpose|idea) behind|purpose)\b|\bwhat(?!\s+age\b)(?:'s|s| is| are| r| were)? (?:(?!for\b)[\w'-]+ ){1,5}for(?: exactly| then| anyway| tho| though)?\s*[?？]?\s*$|\b(?:matters?|important|necessary|needed)\b|為什麼|为什么|點解|為何|为何|何解|有咩用|重要|目的|原因|搞嚟做咩|用嚟做咩|搞嚟做乜|用嚟做乜|為咗咩|為咗乜|為了甚麼|為了什麼|为了什么|有甚麼用|有什麼用|有什么用|想幹甚麼|想幹什麼|想干什么|想做甚麼|想做什麼|想做什么|想做咩|想做乜|最終目的|最终目的|終極目標|终极目标|為啥|为啥|有啥用|啥用|想干啥|想幹啥|圖啥|图啥|為了啥|为了啥|干嘛|幹嘛/giu;
/** How what was just discussed is done: "how do they plan to achieve it?", 點樣做到. */
const MEANS =
  /\bhow (?:do|does|did|will|would|can|could|are|is|r)\s+(?:they|you|u|we|it|the association|bahk)\s+(?:plan(?:ning)? to |going to |gonna |intend(?:ing)? to |hope to |want to |try(?:ing)? to )?(?:achieve|accomplish|reach|realise|realize|deliver|pursue|work towards?|get there|make (?:it|that|this) happen|go about)\b|(?:點樣|怎樣|如何|怎么|怎麼|點)(?:去)?(?:做到|達到|达到|實現|实现|達成|达成|落實|落实)/iu;
/** A sentence saying how something is done: through, by offering, by organising… */
const MEANS_SAID =
  /\b(?:through|via|by (?:\w+ing|means of)|offers?|offering|organi[sz]es?|organi[sz]ing|runs?|holds?|enables?|programs?|programmes?|events?|meetings?|collects?|collecting|regularly)\b|透過|通過|通过|藉|舉辦|举办|提供|推出|收集|定期/iu;
/** "Why?" in so many words, not "what is the purpose?" (which a purpose answers, not a background). */
const BARE_WHY = /\bwhy\b|點解|点解|為什麼|为什么|為甚麼|為何|为何|何解/iu;
const PURPOSE = /\b(?:purpose|point|aim|goal)\b|目的|目標|目标|用途/iu;
/**
 * Someone who said what the member asks about, before it: "@Kelvin said BAHK has some programme for
 * young people, what is it?", "my boss told me…", "the BAHK site says…". The speaker and the saying are
 * no words of the question.
 */
const SAID_BY =
  /^\s*(?:@\w+|(?:my|our) (?:boss|colleague|colleagues|friend|friends|manager|mate|classmate|teacher|professor|dad|mum|mom|cousin|team|ceo|hr)|someone|somebody|a (?:friend|colleague)(?: of mine)?|people|(?:the |your |its |bahk'?s |the association'?s )?(?:bahk |association )?(?:web ?site|site|homepage|home page|page))(?: (?:in|at|from) (?:the )?(?:group|chat|office|work))?\s+(?:just\s+)?(?:said|says|told me|tells me|mentioned|mentions|claims?|claimed|reckons|states|insists|insisted|swears|swore|believes|thinks|keeps saying|kept saying|is (?:sure|convinced|certain))\s+(?:that\s+)?(?=\S)/iu;
/** …or a name, one the documents don't know ("Kelvin said…"; not "You mentioned…", the bot's answer). */
const SAID_BY_NAME =
  /^\s*(?!(?:You|We|They|He|She|It|This|That)\b)([A-Z][a-z]+)\s+(?:just\s+)?(?:said|says|told me|tells me|mentioned|mentions|claims?|claimed|reckons|insists|insisted|swears|believes|thinks|keeps saying)\s+(?:that\s+)?(?=\S)/u;
/** A message that says it opens a new subject ("Separate question:", "unrelated but…", "另外，", "另外佢…", "題外話"). */
const NEW_SUBJECT =
  /^\s*(?:(?:ok|okay|also|and|so|oh)[,\s]+)?(?:(?:a |one )?(?:separate|different|unrelated|new|another|other|random|side) (?:question|q|topic|thing)|on (?:a|an) (?:different|separate|unrelated|other) note|chang(?:e|ing) (?:of )?(?:the )?(?:subject|topic)|unrelated(?: but)?|totally different)\s*[:,\-—–.]+\s*|^\s*(?:(?:ok|okay|also|and|so|oh)[,\s]+)?(?:(?:a |one )?(?:separate|different|unrelated|new|another|other|random|side) (?:question|q|topic|thing)|unrelated|totally different|off[- ]topic|random) but\s+|^\s*(?:另外[，,]|另外(?=佢|我|有個|有个|想問|想问|問下|问下)|另一個問題|另一个问题|題外話|题外话|換個話題|换个话题|轉個話題|转个话题|順便問下|顺便问一下)[，,：:\s]*/iu;
/** Verbs of doing a thing at all ("why do they run it?", "點解要搞"): they name no other thing. */
const DOING =
  /\b(?:run|runs|running|do|does|doing|did|hold|holds|held|holding|organi[sz]e[sd]?|offer|offers|offered|provide|provides|host|hosts|bother|anyway|think|thinks|thought|believe|believes|feel|feels|reckon|reckons|consider|considers|give|gives|gave|given|need|needs|needed|in particular|particularly)\b|搞|舉辦|举办|辦|覺得|觉得|認為|认为/giu;

/** Words for something beginning ("start", "launched", "開始"): what a date is asked of, not a thing. */
const BEGINNING =
  /\b(?:(?:due|expected|supposed|scheduled|planned|going|set|meant) to\s+)?(?:start(?:ed|s)?|begin|began|begun|launch(?:ed|es)?|founded|set up|go live)\b|開始|开始|推出|成立|創立|创立|展開/giu;

/** A question for what someone said ("what did he actually say?", "佢講咗咩？", "他說了些甚麼？"). */
const SAYING =
  /\bwhat (?:did|does|do|has|have) (?:he|she|they|it|the \w+) (?:actually |really |exactly )?(?:say|said|mention|tell|state|think)\b|\b(?:according to|acc(?:\.|ording)? to) (?:him|her|them)\b|\bin (?:his|her|their) (?:view|words|opinion|eyes)\b|(?:佢|他|她|佢哋|他們)(?:當時)?(?:講|說|説|说|表示|提)(?:咗|了|過|过)?(?:啲|些)?(?:咩|甚麼|什麼|什么|乜|啥)|(?:佢|他|她|佢哋|他們|他们)(?:當時|当时)?(?:話|话|講|讲|說|説|说|表示|認為|认为|覺得|觉得)(?:咗|了|過|过)?[^？?]{1,14}(?:咩|甚麼|什麼|什么|乜|啥|咋|點|怎樣|怎么|如何)/iu;
/** A sentence that reports what someone said. */
const QUOTING = /\b(?:said|says|stated|quoted)\b|表示|指出|稱|称|"|“|「/u;

/** Whether a text opens a quotation it does not close. */
function quoteOpen(text: string): boolean {
  const count = (re: RegExp) => text.match(re)?.length ?? 0;
  return count(/「/g) > count(/」/g) || count(/“/g) > count(/”/g) || count(/"/g) % 2 === 1;
}

/** Sentences with each quotation that runs on past its first sentence joined into one, to its end. */
function quotesWhole(all: readonly string[], sep: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < all.length; i++) {
    let s = all[i] ?? "";
    // At most three sentences more: a quotation mark left open by mistake joins no more than that.
    const last = Math.min(all.length - 1, i + 3);
    while (i < last && quoteOpen(s)) s += sep + (all[++i] ?? "");
    out.push(s);
  }
  return out;
}

/** A question for the kind of a thing ("what kind of work experience?", "什麼樣的經驗？"), with the thing. */
const KIND_OF =
  /\b(?:what|which)\s+(?:kind|kinds|sort|sorts|type|types)\s+of\s+([a-z][\w\s-]{2,40}?)\s*\??$|(?:甚麼|什麼|什么|咩|乜嘢|哪種|哪种|邊種|边种|哪類|哪类|邊類)(?:樣|样)?(?:的|嘅)?([\u4e00-\u9fff]{2,6})[？?嗎吗呀㗎]*$/iu;

/** "Explain it like I'm 5", "in simple terms?", "講簡單啲": what was just said, in short. */
const SIMPLER =
  /\b(?:explain (?:it |that |this )?(?:simply|in simple(?:r)? (?:terms|words))|like i'?m (?:5|five|a kid|a child|a five[- ]year[- ]old)|eli5|tl;? ?dr|in (?:simple|simpler|plain) (?:terms|words|english)|simply put|simpler|simplify|dumb(?:ed)? (?:it|that) down|sum (?:it|that) up|summari[sz]e(?: (?:it|that))?|in a nutshell|in short|(?:the )?short version)\b|講簡單啲|簡單啲講|簡單點|简单点|簡單講|简单讲|簡單說|简单说|簡單嚟講|簡單來說|简单来说|簡單的說話|简单的话|總結一下|总结一下|概括一下|通俗啲|通俗點|通俗点|白話|白话|淺白|浅白/iu;

/** Who asked, before the question they asked: "My friend in Singapore asked me: …", "老闆問我：…". */
const REPORTING_FRAME =
  /^[^:：?？]{0,80}\b(?:asked|asks|asking|wants to know|wanted to know|wonders|wondered|was wondering|says|said|told me|texted|messaged|wrote)\b[^:：?？]{0,20}[:：]\s*|^[^:：?？]{0,30}(?:問我|问我|問|问|話|话|講|讲|說|说)[:：]\s*/iu;

/** "so basically…", "in other words…": an English check of what was understood opens so. */
const CHECK_OPENS = String.raw`^\s*(?:(?:ok(?:ay)?|oh|ah|right)[,\s]+)?(?:so|basically|in other words|meaning|i\.e\.?)\b`;
/** 即係…, 說白了…: a Chinese check opens so… */
const CHECK_OPENS_ZH = String.raw`^\s*(?:咁|那|所以)?(?:即係|即是|就是說|就是说|也就是說|也就是说|換句話說|换句话说|說白了|说白了|簡單講|简单讲)`;
/** …or ends so: …對吧？, …係咪？ */
const CHECK_ENDS_ZH = String.raw`(?:對吧|对吧|係咪|是不是|是吗|是嗎|啱唔啱|冇錯吧|没错吧|係咪先|係唔係)\s*[？?]?\s*$`;
/**
 * A member checking what they believe ("…, right?", "對吧？", "係咪20分？", "the bonus is 20 points?",
 * "quota = 2000??"), whatever was said before.
 */
const CHECKING = new RegExp(
  String.raw`\b(?:right|correct|isn'?t it|aren'?t they|is that (?:right|correct|true)|am i right)\s*[?？]|(?:\b(?:is|are|was|were)|=)\s*(?:only |just |about |around |like )?\d[\d,.]*(?: [a-z]+)?\s*[?？]|係咪[^？?]{0,8}[？?]?$|吧[？?]$|${CHECK_ENDS_ZH}`,
  "iu",
);
/**
 * "So basically it's still being worked out?", "即係捐俾有需要嘅人？", "…對吧？": the member checks that
 * they understood what was just said.
 */
const CONFIRM = new RegExp(
  `${CHECK_OPENS}(?=.*(?:\\?|\\bright\\s*\\W*$|\\bcorrect\\s*\\W*$))|${CHECK_OPENS_ZH}|${CHECK_ENDS_ZH}`,
  "iu",
);
/** The words that check, not what is checked. */
const CONFIRMING = new RegExp(
  `${CHECK_OPENS}(?:\\s+basically)?|\\b(?:right|correct)\\s*\\W*$|${CHECK_OPENS_ZH}(?:就是|就係)?|${CHECK_ENDS_ZH}`,
  "giu",
);
/** Of the words a member checks, the share a sentence of the last answer must say to confirm them. */
const CONFIRMED = 0.6;

/** "Going back to the quota — …", "返去名額嗰度，…": a subject named again, then the question about it. */
const BACK_TO =
  /^\s*(?:(?:ok(?:ay)?|so|and|also|anyway)[,\s]+)?(?:(?:going|go|coming|come|getting|get)\s+)?back\s+to\s+(.{2,40}?)\s*[—–:,-]+\s*(.{4,})$|^\s*(?:返去|回到|講返|讲回|說回|说回)(.{2,16}?)(?:嗰度|那裡|那里|的問題|的问题)?[，,：:]\s*(.{3,})$/iu;

/** The words by which a Chinese clause asks ("係咪", "嗎", "甚麼", "幾多"). */
const CHINESE_ASKING = /係咪|是不是|是否|嗎|吗|呢|咩|乜|甚麼|什麼|什么|邊|哪|幾|几|多少|點|怎|如何|誰|谁|[？?]/u;

/** A curated answer's opening verdict ("Yes.", "No.", "有。", "不需要。"). */
const VERDICT =
  /^\s*(?:yes|no)[.,!]\s+|^\s*(?:是的|是|係|有|冇|沒有|没有|不是|唔係|不需要|唔需要|不用|唔使)[。，！]\s*/iu;
/** A text without its opening verdict ("Yes, it is…" → "It is…"). */
function withoutVerdict(text: string): string {
  const rest = text.replace(VERDICT, "");
  return rest === text ? text : rest.charAt(0).toUpperCase() + rest.slice(1);
}
/**
 * A question that asks how, why, what or when, which of two ("a company or a charity?", "a biz or
 * wat", "慈善機構定公司？"), or to be told: "Yes." or "No." answers none of them.
 */
const OPEN_QUESTION =
  /^\s*(?:(?:and|so|but|ok|okay|then)[,\s]+)*(?:what|how|why|when|where|who|which|explain|describe|tell me|summari[sz]e)\b|^[^。？?]{0,12}(?:點樣|点样|點解|点解|如何|怎樣|怎样|怎麼|怎么|為何|为何|為甚麼|為什麼|为什么|幾時|几时)|(?:甚麼|什麼|什么|哪些|哪幾|哪几|邊啲|边啲|邊幾|边几)(?!時候|时候)|為了啥|为了啥|為了甚麼|為了什麼|为了什么|為咗咩|为咗咩|(?:有|做)(?:咩|啥|甚麼|什麼|什么)用|目的|作用|\bor\b[^?？]{1,40}[?？]\s*$|\bor\s+(?:wat|what|smth|something|sth|not|nah|no|otherwise|else)\W*$|定係|還是|还是|(?<![決决一穩稳確确制規规固指設设預预鎖锁認认肯約约否測测審审議议商協协擬拟])定(?=[^，。,.！!]{1,12}$)/iu;
/**
 * Whether the association is some other kind of body, a company or a business ("係咪公司嚟㗎？", "is
 * it a for-profit?"): the thesaurus reads it as the subject of whether it is a non-profit, whose
 * curated "Yes." answers that question, not this one.
 */
const OTHER_KIND_OF_BODY =
  /公司嚟|係咪公司|係唔係公司|是不是公司|是公司|私人公司|做生意|(?<!非)(?:牟利|營利)|(?<!非)政府(?:機構|部門|組織|機關)|交易所|交易平台|商業機構|\b(?:a|for)[- ](?:company|business|profit)\b|\bbiz\b|\bcommercial\b|\bcharity\b|\bgovernment (?:body|agency|department|organi[sz]ation|entity|bureau)\b|\bpart of (?:the )?government\b|\b(?:an?|crypto|trading) exchange\b/iu;
/** A choice between things named: "A or B?", "A還是B？", "A定係B？". */
const EITHER_OF = /\bor\b|還是|还是|定係|定系|抑或|或是|或者是/iu;
/** A comparison asked for ("more … than Singapore", "同新加坡比"). */
const COMPARED = /\bthan\b|\bcompared?\b|比較|比较|相比|比起|(?:同|和|與|与|跟).{1,8}比/iu;
/** Hong Kong, by its names. */
const HONG_KONG = /\bhong kong\b|\bhk\b|香港/iu;
/** What a question asks an answer's text to speak of, each check read once per question ({@link LocalKnowledgeBase.fits}). */
interface FitChecks {
  readonly object?: PreparedQuery | undefined;
  readonly compared?: PreparedQuery | undefined;
  readonly counted?: PreparedQuery | undefined;
  readonly timed?: PreparedQuery | undefined;
  readonly often?: PreparedQuery | undefined;
  readonly cumulative: boolean;
  readonly each: boolean;
  readonly stated?: ReadonlySet<string> | undefined;
  readonly placesOwner?: PreparedQuery | undefined;
  readonly named?: PreparedQuery | undefined;
  readonly named0: readonly string[];
  readonly instances?: string | undefined;
  readonly member?: PreparedQuery | undefined;
}
/** Of a curated question's words, the share a member's question must have to be that question. */
const SAME_QUESTION = 0.5;
/**
 * Of a member's question's words, the share the curated question must have for its "Yes." to answer
 * it: "are internships open to foreigners?" asks more than "does the association offer internships?".
 */
const NOTHING_MORE_ASKED = 0.6;
/** Of the words of whom something is asked to be open to, the share a text must say (all of them). */
const OPEN_TO_COVERED = 0.95;
/** Whom something is asked to be open to: "is the internship open to overseas students?". */
const OPEN_TO = /\b(?:is|are)\s+(?:it|they|the\s+[\w\s'-]{2,30}?)\s+open\s+to\s+([\w\s'-]{3,50}?)\s*[?？.!]*\s*$/i;
/** "Only for students?", "淨係…?": a question whether something is limited, which a curated "Yes." never says. */
const ONLY_ASKED = /\b(?:only|just|solely|exclusively)\b|淨係|净系|只限|只係|只是|僅限|仅限/iu;

/** Whose items a question asks for ("the declaration's main measures", "宣言的主要措施"). */
const OWNER =
  /\b(?:the\s+)?([a-z][\w-]*(?:\s+[a-z][\w-]*)?)'s\s+(?:main\s+|key\s+|major\s+|specific\s+)?(?:initiatives|measures|milestones|incentives)\b|([\u4e00-\u9fff]{2,8}?)(?:的|嘅)(?:主要|具體|具体|重要|核心)?(?:措施|舉措|举措|里程碑|優惠|优惠)/iu;

/** "Which of the goals is about young people?", "邊個目標係關於青年？": one goal, by what it is about. */
const WHICH_GOAL =
  /\bwhich (?:one of (?:the|its|their) (?:\w+ )?goals|of (?:the|its|their|these|those|all|bahk'?s|your|our) (?:[\w']+ ){0,2}goals|(?:strategic )?goal)\b|\bwhat(?:'s|s| is) (?:bahk's|the association's|its|their|your|the) (?:strategic )?goal (?:around|on|about|for|regarding|in)\b|(?:邊個|边个|哪個|哪个|哪一個|哪一个|哪項|哪项|哪一項|哪一项|邊項|边项)(?:策略)?(?:目標|目标)/iu;

/** Words for goals, in a text that may list them. */
const GOALS = /\bgoals?\b|目標|目标/iu;

/** "Which one is about…?", "and the one about donations?", "邊個係講…": one of the things just listed. */
const WHICH_ONE =
  /\bwhich (?:one|of them|of those)\b|^\s*(?:(?:and|so|ok|okay|what about|how about)[,\s]+)?the one (?:about|on|for|that|which|dealing with|covering)\b|(?:邊個|边个|哪個|哪个|哪一個|哪一个|哪項|哪项)(?:係|是|系|講|讲|關於|关于)|(?:係|是)(?:第幾項|第几项|第幾個|第几个)/iu;

/** "Which goal is that part of?", "係屬於邊個目標？": the goal of what was just said, not one named. */
const PART_OF =
  /\b(?:part of|fall(?:s)? under|belong(?:s)? to|come(?:s)? under)\b|屬於|属于|歸入|归入|屬邊|屬哪|属哪/iu;

/** "that goal", "this scheme", 呢個計劃: the thing just discussed, by a word for it. */
const THAT_THING =
  /\b(?:that|this|these|those)\s+[a-z]+\b|(?:呢個|嗰個|這個|那個|这个|那个|呢啲|嗰啲|這些|那些|这些)[\u4e00-\u9fff]{0,4}/giu;

/** "beyond networking", "淨係識吓朋友": what a question sets aside. */
const BEYOND =
  /\b(?:beyond|besides|apart from|other than|except(?: for)?|not just|more than just)\s+[\w-]+(?:\s+[\w-]+)?|除咗[\u4e00-\u9fff]{1,6}|除了[\u4e00-\u9fff]{1,6}|淨係[\u4e00-\u9fff]{1,6}|只是[\u4e00-\u9fff]{1,6}/giu;

/** The other kind in Chinese, "非科技類的呢": 非, the kind set aside (group 1), and the asking word. */
const NON_KIND_ZH = String.raw`非([\u4e00-\u9fff]{1,4}?)(?:類|类|方面|領域|领域|行業|行业|專業|专业)?(?:的|嘅)?(?:呢|嗎|吗|又點|又如何)`;

/** The other kind asked for whether there is any: "仲有冇非科技嘅？", "有沒有非科技的？". */
const ANY_NON_KIND_ZH = String.raw`(?:仲有冇|仲有|有冇|有沒有|有没有|還有沒有|还有没有|還有|还有)\s*非([\u4e00-\u9fff]{1,4}?)(?:類|类|方面|領域|领域|行業|行业|專業|专业)?(?:的|嘅)?`;

/** What a follow-up asking for the other kind sets aside: "what about the non-tech ones?", "那非科技類的呢？". */
const NOT_KIND = new RegExp(String.raw`\bnon-([\w-]+)|${NON_KIND_ZH}|${ANY_NON_KIND_ZH}`, "iu");

/** A follow-up asking for more than something just said ("besides tech, what else?", "除咗科技，仲有啲咩"). */
const BEYOND_ASKED = new RegExp(
  String.raw`\b(?:beyond|besides|apart from|other than|aside from)\b.{0,40}\b(?:what|which|who|anything|any)\b|(?:除咗|除了)[^，,？?]{1,8}[，,]?\s*(?:仲有|還有|还有|另外|其他|其餘|其余)|\b(?:what|how) about (?:the )?non-[\w-]+(?: (?:ones?|kinds?|types?|fields?|jobs?|professions?|roles?|areas?|sectors?))?\s*[?？]?\s*$|^\W*(?:那|咁|噉|而)?\s*${NON_KIND_ZH}\s*[?？]?\s*$|\b(?:any|are there(?: any)?|is there(?: any)?)\s+non-[\w-]+(?: (?:ones?|kinds?|types?|fields?|jobs?|professions?|roles?|areas?|sectors?))?\s*(?:too|as well|also)?\s*[?？]?\s*$|^\W*(?:那|咁|噉|而)?\s*${ANY_NON_KIND_ZH}\s*[?？呀啊]*\s*$`,
  "iu",
);

/** Words of speech ("what else did he say…", 佢仲講咗乜): a question about what someone said. */
const SPEECH = /\b(?:say|said|says|mention(?:ed|s)?)\b|講|說|说|話/iu;

/** A sentence that adds to something ("Alongside…, it is also looking for…", "除了…外，亦…"). */
const ADDING =
  /\b(?:alongside|besides|apart from|in addition(?: to)?|as well as)\b|除了.{1,20}外|除咗.{1,20}(?:之外|以外)|此外|另外/iu;

/** "What else?", "anything else?", "仲有呢？": more of what was just said, naming nothing. */
const BARE_MORE =
  /^\s*(?:and |so |ok,? |okay,? )?(?:what|anything|something) (?:else|more)\s*[?？]?\s*$|^\s*(?:咁|那)?(?:仲有呢|還有呢|还有呢|仲有咩|還有甚麼|還有什麼|还有什么|其他呢|另外呢)\s*[？?]?\s*$/iu;
/** "what example does it give?", "any examples?", "舉個例？": an example of what was just said. */
const EXAMPLE_ASKED =
  /^\s*(?:and |so |ok,? |okay,? )?(?:(?:what|which|any|some|an?|for) (?:examples?|instances?)|(?:can|could) you give (?:me |us )?(?:an? |some )?examples?|examples?|e\.?g\.?)\b[^?？]{0,30}[?？]?\s*$|^\s*(?:咁|那)?(?:有冇|有沒有|有没有|可唔可以|可不可以|可以)?(?:舉|举)(?:個|个|啲|些|一個|一个)?例(?:子)?(?:嗎|吗|呢|咩|吖|啦|一下|下|說明|说明)?\s*[？?]?\s*$/iu;
/** "What if I'm on the list?", "如果份工喺清單入面呢？": a case, with the words that name it. */
const CONDITIONAL =
  /^\s*(?:and |so |but )?what if\s+(.{3,80}?)\s*\??$|^\s*(?:咁|那|噉|但)?(?:如果|假如|要是|若果|假設|假设)(.{2,30}?)(?:呢|嘅話|的話|的话)?\s*[？?]?\s*$/iu;
/** …of which the previous answer must speak of this share. */
const CONDITION_COVERED = 0.4;
/** The share of the thing whose kind is asked that the previous answer must speak of ("experience" of "work experience"). */
const KIND_COVERED = 0.5;

/**
 * A question for the others of a list ("besides HSBC and Standard Chartered, which other banks…",
 * "除咗滙豐同渣打，另外嗰五間係邊間？"): a text naming only those it excludes does not answer it. ("…or
 * the other way round?" asks for no others.)
 */
const OTHERS =
  /\b(?:besides|apart from|other than|aside from|except(?: for)?)\b|\b(?:the (?:others?(?! way (?:a)?round\b)|remaining|rest)|which other|what other|who else)\b|除了|除咗|除去|(?:另外|其他)(?:嗰|那|的)?\s*[幾几兩两三四五六七八九十\d]|其餘|其余/iu;
/** A number of others beyond those just discussed: "the other two", "另外兩個". */
const OTHERS_BEYOND =
  /\bthe (?:other|remaining) (?:\d+|two|three|four|five|six|seven|eight|nine|ten)\b|(?:另外|其他|其餘|其余)(?:嗰|那|的)?\s*[幾几兩两三四五六七八九十\d]/iu;
/** The items a text names as part of a longer list ("seven banks including HSBC and Standard Chartered"). */
const PARTIAL_LIST =
  /\b(?:including|such as|among them|e\.g\.)\s+([^.;:]+)|(?:包括|例如|其中有|當中有)([^。；：，,]+)/iu;
/** Between the items of a list. */
const LIST_SEPARATOR = /,|\band\b|\bor\b|及|和|與|与|同|、/iu;

/** "What about Seoul?", "東京呢？": the last question asked again of something else. */
/**
 * A check of who did something: "was it the HKMA that released…", "did the HKMA publish…", "released by
 * the HKMA at the Asian Financial Forum?", "是金管局發布的嗎".
 */
const AGENT_CHECK_EN =
  /\b(?:was|is|were)\s+(?:it|that|this|they)\s+(?:the\s+)?(.{2,40}?)\s+(?:that|who|which)\s+(?:released|published|announced|launched|issued|unveiled|made|wrote|started|set up)\b|\bdid\s+(?:the\s+)?(.{2,40}?)\s+(?:release|publish|announce|launch|issue|unveil|write|start|set up)\b|\b(?:released|published|announced|launched|issued|unveiled|put out)\s+by\s+(?:the\s+)?(.{2,40}?)(?:\s*[?？]|\s+(?:at|in|during|on|back)\b|\s*[,;\-–—])/i;
const AGENT_CHECK_ZH =
  /(?:是|係|係咪|是不是|是否)(.{2,12}?)(?:發布|发布|發表|发表|推出|公布|公佈|宣布|發佈|出|搞|做|成立)(?:的|嘅)?(?:嗎|吗|吧|罷|㗎|嘛|呀|啊|咩|[？?])/u;

const WHAT_ABOUT =
  /^\s*(?:and\s+|so\s+)?(?:what|how)\s+about\b|^\s*(?:and|&)\s+[\w'-]+(?:\s+[\w'-]+)?\s*[?？]?\s*$|^(?:咁|那|而)?.{1,8}呢\s*[？?]?\s*$/iu;

/** What a "what about…?" follow-up turns to ("teachers", 老師). */
const ABOUT_THING =
  /^\s*(?:and\s+|so\s+)?(?:what|how)\s+about\s+(?:the\s+|a\s+|an\s+)?([a-z][\w\s'-]{1,40}?)\s*[?？!.]*\s*$|^\s*(?:and|&)\s+([\w'-]+(?:\s+[\w'-]+)?)\s*[?？]?\s*$|^(?:咁|那|而)?([\u4e00-\u9fff]{2,8}?)(?:又)?呢\s*[？?]?\s*$/iu;

/** "Do you only … or are there …?": a doubt, then the alternative asked about. */
const ONLY_OR_ALTERNATIVE =
  /^\s*(?:do|does)\s+(?:you|u|you guys|y'?all|the association|bahk)\s+(?:only|just|simply|merely)\b[^?？]{1,80}?,?\s+or\s+((?:are|is)\s+there\b[^?？]{3,}|(?:do|does)\s+(?:you|u|you guys|y'?all|the association|bahk)\b[^?？]{3,})[?？]?\s*$/iu;

/**
 * A doubt put as a second alternative: "… or is it all just online?", "… or is everything just chat?",
 * "… or just cheap labour lol".
 */
const OR_DOUBT =
  /,?\s+or\s+(?:(?:is|are|was|were|do|does|did|will|would)\s+(?:it|they|that|this|those|these|everything|it all|all of it|the association|bahk)\s+)?(?:(?:all|just|simply|basically|merely)\s+){1,2}[^?？]{1,60}[?？]?\s*(?:lol|lmao|haha|tho|though)?\s*[?？]?\s*$/iu;

/**
 * A yes-or-no question with its other answer put after "or": "Is QMAS open to anyone, or is it aimed
 * at a particular type of applicant?". The other answer, read with the first as its context, is what the
 * documents may say when the first is not.
 */
const EITHER_OR =
  /^\s*((?:is|are|was|were|do|does|did|can|could|will|would|has|have)\b[^?？]{6,}?),?\s+or\s+((?:is|are|was|were|do|does|did|can|could|will|would|has|have)\s+(?:it|they|this|that|there|he|she)\b[^?？]{3,})[?？]?\s*$/iu;

/**
 * What a follow-up asks to be part of what was discussed ("Are accountants included?", "is money ok
 * too?", "中銀香港有冇份？").
 */
const INCLUDED_THING =
  /^\s*(?:(?:and|so|but|ok)[,\s]+)?(?:do|would|will|can) (?:you|u|y'?all|you guys|the association|bahk) (?:also )?(?:take|accept|collect|want)\s+(?:any\s+)?([a-z][\w\s'-]{1,40}?)\s+(?:too|as well|also)\s*[?？.!]*\s*$|^\s*(?:(?:and|so|but|ok)[,\s]+)?(?:are|is)\s+(?:the\s+)?([a-z][\w\s'-]{1,40}?)\s+(?:included|on (?:there|it|the list|that list)|covered|in (?:there|it)|(?:one|one of them|among them)|(?:ok|okay|fine|accepted|allowed|welcome)(?:\s+(?:too|as well))?|too|as well)\s*[?？.!]*\s*$|^(?:咁|那)?([\u4e00-\u9fff]{2,8}?)(?:有冇份|有沒有份|有没有份|包唔包括在內|算唔算)\s*[？?]?\s*$/iu;

/** The clauses of a text's sentences (split at commas, semicolons and "and"): what one part of a sentence says. */
function clausesOf(text: string): string[] {
  return sentences(text).flatMap((s) => s.split(/[,;，；、]\s*|\s+and\s+/u));
}

/** Things just discussed, set side by side ("between the two", "between them", "兩者"). */
const BETWEEN_THEM =
  /\bbetween (?:the two|them|these|those|both|the pair)\b|\b(?:the two|both of them|these two|those two)\b|兩者|两者|兩個|两个|佢哋兩個|呢兩個|這兩個|这两个/iu;

/** A post or body of the thing just discussed ("its chairman", "the secretary who announced it", "佢哋嘅主席", "哪個部門負責"). */
const ROLE_OF_IT =
  /\bwho(?:'s|s| is| was| were)\s+(?:the\s+)?(?:chair(?:man|woman|person)?|president|head|leader|director|ceo|founder|boss|secretary|minister|official)\s+(?:that|who)\s+(?:\w+\s+){0,2}(?:it|this|that|them)\b|(?:哪個|哪个|邊個|边个|咩|什麼|什么|甚麼)(?:政府)?(?:部門|部门|機構|机构)(?:負責|负责)|\b(?:its|their)\s+(?:chair(?:man|woman|person)?|president|head|leader|director|ceo|founder|boss|secretary)\b|(?:佢哋|佢|它|他們|他们)(?:嘅|的)(?:主席|會長|会长|負責人|负责人|創辦人|创办人|總監|总监)|^\s*(?:(?:ok|okay|so|and|then)[,\s]+)*who(?:'s|s| is| are)?\s+(?:the\s+)?(?:chair(?:man|woman|person)?|president|head|leader|director|ceo|founder|boss)\s*(?:then|now|there)?\s*[?？]*\s*$|^(?:咁|那|噉|那麼|那么)?(?:邊個|边个|誰|谁)(?:係|是)(?:主席|會長|会长|負責人|负责人|創辦人|创办人)[呀啊㗎呢？?]*$|^(?:咁|那|噉|那麼|那么)?(?:主席|會長|会长|負責人|负责人|創辦人|创办人)(?:係|是)(?:邊個|边个|誰|谁)[呀啊㗎呢？?]*$/iu;

/** A {@link PROCEDURE} follow-up of at most this many words may be about the conversation's subject alone. */
const ELLIPTICAL_WORDS = 8;

/** "the list", "the scheme": a thing the member names by pointing at it. */
const DEFINITE_THING = /\bthe\s+\w+/i;

/** Steps to take part in whatever is under discussion: applying, signing up, what to hand in, by when. */
const PROCEDURE =
  /\b(?:apply|applying|application|sign(?:ing)? up|register|registration|enrol(?:l|ling|ment)?|deadlines?|documents?|paperwork)\b|申請|申请|報名|报名|登記|登记|截止|資料|资料|文件|手續|手续/iu;

/** What it takes to take part in whatever is under discussion: requirements, a degree, what to study. */
const REQUIREMENT =
  /\b(?:requirements?|required|criteria|eligib\w*|qualif\w*|degrees?|major|study|studying)\b|資格|资格|學歷|学历|讀咩|读什么|讀甚麼|讀什麼|修讀|主修|科目|要求|條件|条件|門檻|门槛/iu;

/** Characters of Chinese pronouns and pointers (你哋, 其他, 第二個, 仲有): no thing of their own. */
const POINTER_HAN = /[你我佢他她它哋們们其另第個个啲些嘅的咗了嗰這这那邊边乜咩點点仲還还有]/u;

/** Words by which "and the third?", "and beyond tech?" point at an item or the rest, not at a new thing. */
const ABOUT_POINTER =
  /\b(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|last|next|previous|other|others|rest|else|beyond|besides|except|apart|outside|more|one|ones)\b/i;

/** A follow-up that asks for more than was said ("what are they specifically?", "具體有哪些？"). */
const SPECIFICS =
  /\b(?:specifically|exactly|precisely|concretely|in (?:more )?detail|in particular|more details?)\b|具體|具体|詳細|详细|詳情|详情|到底|究竟/iu;
/** "like what specifically?", "例如呢？": examples of what was just said. */
const LIKE_WHAT = /^\W*(?:like|such as) what\b|(?:例如|比如|譬如)(?:呢|咩|什麼|什么|甚麼|邊啲|哪些)/iu;
/** A question asking what something means ("what does that mean?", "具体啥意思？"). */
const MEANING = /\bmean\b|\bexplain\b|意思|解釋|解释/iu;
/**
 * A goal asked after by its subject ("is there a goal about public awareness?", "有冇關於實習嘅目標？"),
 * not by a pointer to a story ("a goal related to this kind of issue?").
 */
const GOAL_ABOUT =
  /\bgoals?\s+(?:about|on|for|around|covering|related to|to do with|that (?:covers?|is about|deals? with))\s+(?!(?:this|that|it|these|those|such)\b)\S|(?:關於|有關|关于|講|讲)[^，,。？?]{1,14}(?:的|嘅)(?:目標|目标)/iu;
/** Of words an answer shares with the previous one, this share says nothing new. */
const SAID_ALREADY = 0.75;
/** A question which sectors, industries or firms benefit ("which sectors r gonna benefit", "邊幾個行業最受惠")… */
const BENEFIT_ASKED =
  /\b(?:sectors?|industr(?:y|ies)|businesses|compan(?:y|ies)|firms?|fields?)\b.{0,60}\bbenefit|\bbenefit\w*\b.{0,30}\b(?:sectors?|industr(?:y|ies)|businesses|compan(?:y|ies)|firms?)\b|(?:行業|界別|產業|企業|公司|领域|領域).{0,12}(?:受惠|得益|受益|獲益)|(?:受惠|得益|受益|獲益).{0,8}(?:行業|界別|產業|企業)/iu;
/** …is answered only by a text that says who benefits. */
const BENEFIT_SAID = /\bbenefit\w*|\bgain(?:s|ed)?\b|\badvantage\w*|受惠|得益|受益|獲益|好處|有利/iu;

/** A question about extra points ("any bonus points?", "有冇得加分", "额外加分"). */
const POINTS_ASKED =
  /\b(?:bonus|extra|additional|more) (?:\w+ )?points?\b|加分|加\s*(?:\d+|[一二三四五六七八九十百]+)\s*分|額外分|额外分|多拿幾分|多拿几分/iu;
/** …is answered only by a text that speaks of points. */
const POINTS_SAID = /\bpoints?\b|\d+\s*分|加分|分數|分数|計分|计分/iu;
/** A number of points given ("an additional 30 points", "加30分"): what a claimed number is checked against. */
const POINTS_COUNTED = /\d[\d,]*\s*(?:(?:extra|bonus|additional)\s+)?points?\b|\d+\s*分|[一二三四五六七八九十]+分/iu;

/** "What is the GDP of Hong Kong?", "what's a DAO?": the one word a question asks to be told about. */
const DEFINITION =
  /^\s*(?:so\s+|and\s+|but\s+|ok\s+)?what(?:'s| is| are| was)\s+(?:the\s+|a\s+|an\s+)?([a-z][\w-]*)(?=\s+(?:of|in|for)\b|\s*[?？]?\s*$)/i;

/** A short question for what a thing of two words is ("whats the dress code?"; not "whats his title"). */
const WHAT_THING =
  /^\s*(?:so\s+|and\s+|but\s+|ok\s+)?what(?:'s|s| is| are| was)\s+(?:the\s+|a\s+|an\s+)?((?!(?:the|a|an|his|her|hers|their|its|my|your|our|this|that|these|those|it|they|he|she)\b)[a-z][\w-]*\s+[a-z][\w-]*)\s*[?？]?\s*$/i;

/** A question for something's English name ("英文全名", "英文名叫咩"). */
const ENGLISH_NAME_ASKED = /英文(?:全名|名|全稱|名稱|名称|叫)|English name/iu;

/** Words by which a question asks about something else ("the name of…", "the gist of it"). */
const ASKING_NOUNS = new Set(
  "name names full official english proper gist point purpose meaning idea deal story status difference number role reason aim goal summary title date time year size cost price process plan result outcome impact situation context background latest news update phrase slogan motto term saying catchphrase mantra expression wording word tagline".split(
    " ",
  ),
);

/** A question, not a clause of a story read for its words. */
const QUESTION_LIKE =
  /[?？]|^\s*(?:and |so |but |ok,? )?(?:what|which|who|whom|whose|when|where|why|how|do|does|did|is|are|was|were|can|could|will|would|should|has|have)\b|嗎|吗|呢|幾|几|甚麼|什麼|什么|咩|乜|邊|边|哪|誰|谁|點樣|点样|有冇|係咪|是否/iu;

/** Someone in the member's company, not what they ask about ("my wife and I", "我同老婆"). */
const WITH_ME =
  /\bmy (?:\w+ )?\w+ and (?:i|me)\b|\b(?:i|me) and my (?:\w+ )?\w+\b|我(?:同|和|與|跟)(?:我)?(?:的|嘅)?[\u4e00-\u9fff]{1,3}(?=一齊|一起|都|想|打算|準備|计划|計劃)/giu;
/** When the member will ask it ("Before I start the paperwork, are data scientists on the list?"): no part of what is asked. */
const WHEN_I = /(?:^|(?<=[.!?;]\s))(?:before|after|while|until|once) (?:i|we) [^,.?!]{1,60},\s*/giu;
/** A follow-up about a person ("is he still in that job?", "她說了甚麼？")… */
const ABOUT_PERSON =
  /\b(?:he|him|his|she|her|hers)\b|\b(?:the|that|this)\s+(?:guy|man|woman|lady|gentleman|official)\b|(?<!其)他(?![們们])|她(?![們们])|佢(?![哋地們们])|(?:這|这|那|呢|嗰)位(?!置)/iu;
/** A question about someone's present ("is he still in office?", "佢而家做緊咩？"): dated texts never say. */
const PRESENT_STATE =
  /\b(?:still|now|nowadays|today|currently|these days|at the moment|any ?more|current|incumbent)\b|而家|依家|宜家|現在|现在|目前|現時|现时|仲係|仲喺|還在|还在|如今|現任|现任|當今|当今/iu;
/** "Who currently heads the bureau?", "现在的政务司司长是谁？": who holds a post now, which dated texts do not say. */
function asksWhoHoldsNow(question: string, expect: Expectation): boolean {
  return expect === "role" && PRESENT_STATE.test(question);
}
/** Places of a thing asked for: "internship places", 實習名額 (the thing in the first or second group). */
const PLACES_OF =
  /\b(?!(?:many|much|more|most|extra|additional|spare|free|open|available|total|those|these|their|your|some|any|other|such)\b)([a-z][\w-]{3,})\s+(?:places|spots|slots|seats|vacancies|openings)\b|((?:(?![年多少幾几有個个的嘅每設设])[\u4e00-\u9fff]){2,4}?)(?:名額|名额|學額|学额|空缺)/iu;
/** What someone is eligible for, or applies to ("eligible for the internship", "實習計劃的申請資格"). */
const ELIGIBLE_FOR =
  /\b(?:eligible (?:for|to join)|eligibility (?:criteria |requirements? |rules )?(?:for|of)|apply (?:for|to)|qualify for|join|attend|take part in|participate in)\s+(?:the |an? |your |bahk'?s |its |their )?([a-z][\w-]{3,}(?:\s+[a-z][\w-]{3,})?)|((?:(?![的嘅之申參参入請请])[\u4e00-\u9fff]){2,4}?)(?:計劃|计划|項目|项目)?(?:的|嘅)?(?:申請|申请|參加|参加|入選|入选)(?:資格|资格)/iu;
/** The longest message whose whole is kept as the question answered by a clause of it that names no subject. */
const KEPT_WHOLE_CHARS = 200;
/**
 * A question about a meeting or event already held ("What topics were discussed at the last BAHK
 * townhall?", "上次townhall講咗啲咩？"): what happened at one, which no document records.
 */
const PAST_EVENT =
  /\b(?:the\s+)?(?:last|previous|past|most recent)\s+(?:bahk\s+|association'?s?\s+)?(?:(?:quarter|year|month|week)['’]?s\s+)?(?:quarterly\s+)?(?:town ?halls?|townhall meetings?|meetings?|networking events?|events?|sessions?|meet-?ups?)\b|\blast time\b|(?:上個|上个)(?:嘅|的)?\s*(?:townhall|town hall|會議|会议|大會|大会|活動|活动|聚會|聚会|交流會|交流会)|(?:上次|上一次|上屆|上届|最近一次|之前嗰次|之前那次)/iu;
/** What happened at an event: what was discussed, who came, what came of it. */
const PAST_DETAIL =
  /\b(?:discussed|discuss|talked about|talk about|covered|cover|happened|happen|attended|came|turned up|decided|decide|agreed|topics?|speakers?|photos?|slides|minutes|recording|outcomes?|results?|conclusions?|concluded)\b|講咗|讲了|講了|討論咗|讨论了|討論了|傾咗|倾咗|有咩人|幾多人|几多人|多少人|結果|结果|議題|议题|決定咗|决定了/iu;
/** A question about someone's earlier career ("before he became…", "佢之前做過咩"). */
const PERSON_BEFORE =
  /\bbefore (?:he|she) (?:became|was|joined|took)\b|\bprior to (?:becoming|his|her)\b|(?:佢|他|她)(?:之前|以前|從前|从前)(?:做過|做过|係|是|擔任|担任)|曾(?:經|经)?(?:擔任|担任)過/iu;
/** …is answered by a text that speaks of a person. */
const SPEAKS_OF_PERSON =
  /\b(?:he|him|his|she|her|mr|ms|mrs|dr|prof)\b|先生|女士|博士|教授|他|她|司長|司长|局長|局长|主席|特首|行政長官|行政长官/iu;

/** A question for the part of the documents something belongs to ("which goal is that?", "邊個目標"). */
const WHICH_PART =
  /\b(which|what) (of (its|the|their|your|bahk'?s|the association'?s) )?(goals?|objectives?|sections?|parts?|pillars?)\b|\b(part of|under|one of) (an? |any |some )?(of )?((its|the|their|your|bigger|broader|larger|wider|overall|strategic|official) ){0,3}(goals?|objectives?|pillars?|aims?|missions?)( of (its|theirs|the association))?\b|(邊|哪|哪一|边)個?(目標|目标|部分|章節)|第幾個目標|第几个目标|(屬於|属于|係|是)(協會|协会|佢哋|他們|他们)?(嘅|的)?(其中)?(一個|一个|某個|某个)?(策略|戰略|战略)?(目標|目标)|\b(name|title|heading) of (that|this|the|its) (goals?|objectives?|pillars?|sections?)\b|\b(that|this) (goal|objective|pillar|section)('s)? (is )?(called|named|name|title|heading)\b|(目標|目标)(叫|叫做|名稱|名称|名字|嘅名|的名|標題|标题)/i;

/** A question without the words that ask for its kind of fact. */
/**
 * A why-question without its asking, its doing and what it points back at or sets aside ("why do
 * they run these programmes beyond networking?"): what remains is what it names.
 */
function withoutReasonWords(q: string): string {
  return q.replace(WHY, " ").replace(DOING, " ").replace(THAT_THING, " ").replace(BEYOND, " ");
}

function withoutAsking(q: string): string {
  const asked = q.replace(ASKING, " ");
  // "Who can apply for them?" asks who is eligible: it names no other thing.
  return asked.replace(ELIGIBILITY_ASKED, " ");
}

/** The words that ask who may take part ("who can apply", "eligible", 申請資格). */
const ELIGIBILITY_ASKED =
  /\b(?:can (?:i |we |you |one |people |anyone )?apply|apply for|eligib\w*|qualif(?:y|ies|ied|ication|ications))\b|可以申請|可唔可以申請|能否申請|申請資格|申請條件|資格|合資格/giu;

/** A question about the association in the third person, or about what its townhalls discuss… */
const ABOUT_ASSOCIATION =
  /\b(the )?association\b|\bbahk\b|協會|协会|\bwhat (?:kinds? of |sorts? of |types? of )?(?:topics?|issues?|things?|stuff|subjects?)\b[^?]{0,30}\b(?:get |are |is |gets )?(?:discuss\w*|talk\w* about|cover\w*|debat\w*)\b[^?]{0,20}\btown ?halls?\b|\bwhat (?:actually )?(?:happens|goes on) (?:at|in|during) (?:the |your |a |these |those )?town ?halls?\b/i;
/** "any of them", "some examples": some of a list, not all of it. */
const SOME_OF =
  /\b(?:any|some|a few|one|an example|examples?) of (?:them|those|these)\b|\bsome examples\b|\bfor example\b|(?:舉|举)(?:個|个|啲|些)?例|其中(?:一|幾|几)/iu;

/** "Can you name…", "could you tell me…": a polite request, which says nothing of the bot itself. */
const POLITE_REQUEST =
  /\b(?:can|could|would|will) (?:you|u) (?:please )?(?:name|tell|list|give|explain|say|remind|show|share|spell)\b|(?:你|您)?(?:可唔可以|可不可以|能不能|可以|能否)(?:講|讲|話|话|告訴|告诉|說|说|列出|舉|举)/giu;
/** …unless it speaks to the bot ("can you…", "你可以…"). */
const ADDRESSING_BOT = /\b(you|u|your|bot)\b|你|您|機械人|机器人|機器人/i;
/** A question of what the association does or has, asked of it as "you" ("do you publish…", "你哋有冇…"). */
const ASKED_OF_ASSOCIATION =
  /\b(?:do|does|did|will|would|can|could|have|has|are|is) (?:you|u|you guys|your (?:association|organi[sz]ation|team))\b(?! (?:know|think|like|love|reckon|want|need|mind|remember)\b)|貴會|(?:你哋|你們|您們)(?:協會|個會)?[^，。？！,.?!]{0,12}?(?:有冇|有沒有|有否|會唔會|會否|會不會|係咪|是否|收唔收|收不收|接唔接受|接不接受|要唔要|可唔可以|可不可以|能否|可否)/iu;

/** A passage this short is answered whole: it is already concise. */
const WHOLE_PASSAGE_CHARS = 200;

/** A message this short leans on the conversation ("Which banks?", "幾時推出？"). */
function isShort(q: string): boolean {
  const han = q.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  const words = q
    .replace(/[\u4e00-\u9fff]/g, " ")
    .split(/\s+/)
    .filter((w) => /[a-z0-9]/i.test(w)).length;
  return words + han / 2 <= 5;
}
/** A declined question naming a subject of the knowledge and scoring at least this is about the association. */
const TOPICAL_MIN = 0.15;
/** A runner-up of the kind of answer asked for may answer when it scores within this of the best. */
const RUNNER_UP_MARGIN = 0.15;
/** A sentence is kept in a shortened answer when it covers at least this share of what the best one covers. */
const KEEP_SHARE = 0.05;
/** Passages are not written as answers: their sentences must bear on the question more. */
const PASSAGE_KEEP_SHARE = 0.3;
/** How much a follow-up's context counts in choosing the sentences of its answer, next to its own words. */
const CONTEXT_SENTENCE_WEIGHT = 0.25;
/** Curated answers shorter than this are given whole. */
const CONCISE_FROM_CHARS = 240;

/** Turns a question (and its analysed tokens) into the query vector of the index's embedder. */
export type QueryEncoder = (question: string, tokens: readonly Token[]) => Promise<number[]>;

/** What a {@link LocalKnowledgeBase} is made of. */
export interface KnowledgeBaseParts {
  readonly units: readonly Unit[];
  readonly lexical: LexicalIndex;
  readonly vectors: VectorSearch;
  readonly encode: QueryEncoder;
  readonly faq: readonly FaqEntry[];
  readonly passages: readonly Passage[];
  /** Translated documents: path → path of the original (answers cite the original). */
  readonly translations?: Readonly<Record<string, string>>;
  /** The folder name shown in source paths (`knowledge`). */
  readonly knowledgeFolder: string;
  readonly tuning?: Tuning;
  /** How texts become tokens (the same as the index's). */
  readonly analyze?: Analyzer;
  /**
   * The association's subjects (knowledge/intents.json `subjects`): a declined question naming one
   * is offered the organisers' hand-off. Without them, any term of the knowledge counts.
   */
  readonly subjects?: readonly RegExp[];
  /** Keys of subjects the knowledge's thesaurus names but none of its texts speaks of. */
  readonly absent?: ReadonlySet<string>;
  /** Keys of the thesaurus's names (cities, banks, authorities). */
  readonly entities?: ReadonlySet<string>;
}

/** Words that make a message lean on the one before it ("and who can apply?", "what did he say?", "咁點申請？"). */
const FOLLOW_UP =
  /^(?:(?:cool|nice|great|ok(?:ay)?|got it|i see|ah|oh|right|alright|interesting|thanks|thx|ty)[\s,.!]+)?(?:and|but|so|also|then|what about|how about|what else)\b|\b(?:he|she|it|its|they|them|their|his|her|him|this|that|these|those|there|the scheme|the platform|the list|the (?:change|shift|transformation|transition|criticism|decision|announcement|launch))\b|^(?:咁|那|那麼|而|還有|仲有|另外|但|後來|后来|之後|之后|然後|然后|具體|具体)|佢|他|她|它|其|呢個|這個|那個|該|嗰個/iu;

/** The word a question asks with (how, where, who…), in one form for English and Chinese. */
const ASKING_WORDS: readonly [RegExp, string][] = [
  [/\bhow\b|點樣|点样|怎樣|怎样|如何|點先|怎麼/iu, "how"],
  [/\bwhere\b|邊度|边度|哪裏|哪里|哪裡|去咗邊|去了哪/iu, "where"],
  [/\bwho(?:m|se)?\b|邊個|边个|誰|谁|何人/iu, "who"],
  [
    /\bwhen\b|幾時|几时|何時|何时|何日|何年|甚麼時候|什麼時候|什么时候|哪一?天|哪一?日|邊一?日|边一?日|幾號|几号|哪一?年|邊一?年|边一?年/iu,
    "when",
  ],
  [/\bwhy\b|點解|点解|為甚麼|為什麼|为什么|為何|为何/iu, "why"],
];
function askingWord(q: string): string | undefined {
  let first: { at: number; word: string } | undefined;
  for (const [re, word] of ASKING_WORDS) {
    const m = re.exec(q);
    if (m && (!first || m.index < first.at)) first = { at: m.index, word };
  }
  return first?.word;
}

/** Scores this close are a tie. */
const TIE = 1e-6;

/** How many units the vectors and the words each propose for full scoring. */
const CANDIDATES = 16;
/** A clause stands for the whole message only when it scores this much better… */
const CLAUSE_GAIN = 0.03;
/** …and a question sentence among comments even when it scores up to this much less. */
const QUESTION_LEAD = 0.05;
/** …and stands for the message by itself when it scores this much above the threshold. */
const QUESTION_OWN_MARGIN = 0.08;
/** A story's question of at most this many words that points back into it asks what the story asks. */
const POINTING_WORDS = 6;
/**
 * Someone else's question told in a story ("One of my students asked why a blockchain association
 * would care about society at all"): the story, when the member asks a question of their own.
 */
const REPORTED_QUESTION =
  /\b(?:asked|asks|asking|wondered|wonders|wondering|wants to know|wanted to know)\b(?: (?:me|us|him|her|them))?\s+(?:why|whether|if|how|what|when|who|where|which)\b/i;

/** How much a word no unit has counts in a long message, relative to a short one. */
const LONG_UNKNOWN_WEIGHT = 0.15;

/** Another part of a message is answered too only when it scores this much above the threshold. */
const EXTRA_PART_MARGIN = 0.1;

/** Beside a part of a message the documents do not answer, each other part is answered only this surely. */
const SURE_BESIDE_UNANSWERED = 0.7;

/** At most this many further parts of one message are answered. */
const MAX_EXTRA_PARTS = 2;

/**
 * A reference to an item of a list by its place ("the second one", "the 4th", "第二個", "the last one",
 * "number two?", "goal number four of the association").
 */
const ORDINAL =
  /\b(?:the\s+)?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|1st|2nd|3rd|4th|5th|6th|7th|8th|9th|10th)(?:\s+(?:one|item|point|goal|aim|objective|city|bank|test))?(?:\s+(?:you|u)\s+(?:mentioned|listed|said|named|gave))?(?=\s*[?？.!,，]|\s*$)|\b(?:the\s+)?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|1st|2nd|3rd|4th|5th|6th|7th|8th|9th|10th)\s+(?:one|item|point|(?:strategic\s+|main\s+|key\s+)?(?:goal|aim|objective))\b|\b(?:goal|aim|objective)\s*(?:no\.?\s*|number\s*|#)?([1-9])\b|第\s*([一二三四五六七八九十1-9])\s*(?:個|个|項|项|點|点|位|目標|目标|間|间|種|种)|\bthe\s+(last)(?:\s+(?:one|item|point|goal|city|bank|test))?(?:\s+(?:you|u)\s+(?:mentioned|listed|said|named|gave))?(?=\s*[?？.!,，]|\s*$)|\b(last)\s+(?:one|item|point|(?:strategic\s+|main\s+|key\s+)?goal)\b|(最後一?個|最后一?个|最尾嗰個|尾嗰個)|\b(?:goal\s+)?(?:number|no\.|#)\s*(one|two|three|four|five|[1-5])(?:(?=\s*[?？.!,，]|\s*$)|(?<=\bgoals?\s+(?:number|no\.|#)\s*\w+))/iu;

/** Every place a message names an item by its place ("the first goal and the second"). */
const ORDINALS = new RegExp(ORDINAL.source, "giu");
/** A goal by its number in Chinese without 第 ("目標一", "目标3"). */
const GOAL_NUMBER_ZH = /(?:目標|目标)\s*([一二三四五1-5])/gu;

const ORDINAL_WORDS: Readonly<Record<string, number>> = {
  first: 1,
  "1st": 1,
  second: 2,
  "2nd": 2,
  third: 3,
  "3rd": 3,
  fourth: 4,
  "4th": 4,
  fifth: 5,
  "5th": 5,
  sixth: 6,
  "6th": 6,
  seventh: 7,
  "7th": 7,
  eighth: 8,
  "8th": 8,
  ninth: 9,
  "9th": 9,
  tenth: 10,
  "10th": 10,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  last: -1,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

/** The place an {@link ORDINAL} match names (1-based; -1 for the last). */
function ordinalNumber(m: RegExpExecArray): number | undefined {
  if (m[5] ?? m[6] ?? m[7]) return -1;
  const word = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[8] ?? "").toLowerCase();
  return ORDINAL_WORDS[word] ?? (/^[1-9]$/.test(word) ? Number(word) : undefined);
}

/** How much the units of a document the member named are preferred. */
const DOC_HINT_BOOST = 0.1;

/** Where a question names the document it is about: "in the article about …", "according to that … article". */
const DOCUMENT_REFERENCE =
  /(?:\b(?:in|from|according to|per|based on)\s+)?\b(?:the|that|this|your|ur)\s+(?:(?![\w'-]+ed\s+in\b)[\w'-]+\s+){0,5}?(?:article|news|piece|report|document|story|post)\b(?:\s+(?:about|on|re|regarding)\s+[^,?.!，？。]+)?|(?:根據|喺|在)?(?:那篇|這篇|嗰篇|呢篇|篇)[^，。？?]{0,16}?(?:文章|報道|報導|新聞)(?:中|入面|裏|里|裡|內)?|[^，。？?\s]{2,16}?(?:那篇|這篇|嗰篇|呢篇|篇)(?:文章|報道|報導|新聞)(?:中|入面|裏|里|裡|內)?(?:提到|提及|講到|講|所講|所說)?(?:嘅|的)?/iu;

/** A request for what a named document is about: "summarise the immigration article", "那篇文章講咩？". */
const SUMMARY_ASKED =
  /\b(?:summari[sz]e|sum up|summary of|gist of|tl;?dr of|overview of)\b.{0,40}\b(?:article|doc|document|post|page|piece|report|story|news)\b|\bwhat(?:'s| is| was)\s+(?:the|that|this|ur|your)\s+(?:[\w'-]+\s+){0,4}?(?:article|doc|document|post|page|piece|report|story)\s+(?:about|on)\s*[?？.!]*$|\bwhat\s+(?:does|did)\s+(?:the|that|this|ur|your)\s+(?:[\w'-]+\s+){0,4}?(?:article|doc|document|post|page|piece|report|story)\s+(?:say|cover|talk about)\s*[?？.!]*$|(?:文章|報道|報導|新聞)(?:主要|大概|究竟|到底)?(?:講咩|講乜|講甚麼|講什麼|講啲咩|講緊咩|說甚麼|說什麼|關於甚麼|關於什麼|關於咩|的內容|嘅內容|內容|重點|大意|摘要)|(?:總結|概括|撮要)(?:一下|下)?(?:那篇|這篇|嗰篇|呢篇|篇)/iu;
/** The words of a {@link SUMMARY_ASKED} that only ask for a summary. */
const SUMMARY_WORDS =
  /\b(?:summari[sz]e|sum up|summary|gist|tl;?dr|overview|of|what|'s|is|was|does|did|say|cover|talk|about|doc|page|give|me|a|an|pls|plz|please|can|could|you|u|quick|short|brief)\b|講咩|講乜|講甚麼|講什麼|講啲咩|講緊咩|說甚麼|說什麼|關於甚麼|關於什麼|關於咩|的內容|嘅內容|內容|重點|大意|摘要|總結|概括|撮要|主要|大概|究竟|到底|一下/giu;
/** A document's closing section, which sums it up. */
const CONCLUSION = /\bconclusion\b|結論|结论|總結|总结/iu;

/** The words of a {@link DOCUMENT_REFERENCE} that only say it is a document. */
const DOCUMENT_WORDS =
  /\b(?:in|from|according to|per|based on|the|that|this|your|ur|article|news|piece|report|document|story|post|about|on|re|regarding)\b|根據|喺|在|那篇|這篇|嗰篇|呢篇|篇|文章|報道|報導|新聞|入面|裏|裡|提到|提及|講到|所講|所說|嘅/giu;

/** What a question compares with ("compare with Tokyo's", "different from Singapore", "同新加坡比"). */
const COMPARED_WITH =
  /\b(?:compare[sd]?|comparison|stack up|measure up)\s+(?:with|to|against)\s+((?:[A-Z][\w-]*)(?:\s+[A-Z][\w-]*)?)|\b(?:different from|differ from|differs from|versus|vs\.?)\s+((?:[A-Z][\w-]*)(?:\s+[A-Z][\w-]*)?)|(?:跟|同|與|与|和)([\u4e00-\u9fff]{2,4}?)(?:相比|比較|比较|比|有咩分別|有什麼分別|有甚麼不同|有什么不同)/u;

/** The place or body a question compares with, if it names one. */
export function comparedWith(q: string): string | undefined {
  const m = COMPARED_WITH.exec(q);
  return (m?.[1] ?? m?.[2] ?? m?.[3])?.replace(/'s$/, "");
}

/** Items of a list in running text are short ("Singapore, Seoul and Tokyo"); longer parts are clauses. */
const LIST_ITEM_WORDS = 6;
const LIST_ITEM_CHARS = 16;

/**
 * The items of the list a text gives: numbered ("1) …; 2) …", "一、…"), separated by 、, or joined
 * by commas and "and" ("Singapore, Seoul, and Tokyo"); none when it gives no list.
 */
export function listItems(text: string): string[] {
  const numbered = text
    .split(/(?:^|\s|；|;|：|:)\(?[1-9][)）]\s*|(?:^|；|：|:)\s*[一二三四五六七八九][、，]/u)
    .slice(1);
  if (numbered.length >= 2) return numbered.map((t) => t.replace(/[;；。.]\s*$/u, "").trim()).filter(Boolean);
  for (const sentence of sentences(text)) {
    // "衣物、文具", or a pair that stands for more ("宣傳衣物及文具等物品").
    if (/、/u.test(sentence) || /[及和與与][^，。；、]{1,12}等/u.test(sentence)) {
      const parts = sentence.split(/、|及|和|與|与/u);
      const first = parts[0]?.split(/包括|包含|有|：|:|，/u).at(-1);
      const last = parts.at(-1)?.split(/[，。；]/u)[0];
      const items = [first, ...parts.slice(1, -1), last].map((t) => (t ?? "").trim()).filter(Boolean);
      if (items.length >= 2 && items.every((t) => Array.from(t).length <= LIST_ITEM_CHARS)) return items;
    }
    const list = /((?:[^,.;:]+,\s+)+[^,.;:]*?)\s*,?\s+(?:and|or)\s+([^,.;:]+)/.exec(sentence);
    if (list) {
      const parts = (list[1] ?? "").split(/,\s+/).filter((p) => p.trim());
      const first = (parts[0] ?? "").split(/\b(?:include|includes|including|are|is|such as)\b/).at(-1) ?? "";
      const items = [first, ...parts.slice(1), list[2] ?? ""].map((t) => t.trim()).filter(Boolean);
      if (items.length >= 2 && items.every((t) => t.split(/\s+/).length <= LIST_ITEM_WORDS)) return items;
    }
  }
  return [];
}

/** What a question retrieved, with only the candidates kept (the best of them first). */
function keepCandidates(r: Retrieval, keep: (c: Candidate) => boolean): Retrieval {
  const ranked = (r.ranked ?? []).filter(keep);
  const { best: _best, ranked: _ranked, ...rest } = r;
  return ranked[0] ? { ...rest, best: ranked[0], ranked } : rest;
}

/** Answers questions from FAQ entries and passages. */
export class LocalKnowledgeBase implements KnowledgeBase {
  readonly units: readonly Unit[];
  public tuning: Tuning;
  private readonly lexical: LexicalIndex;
  private readonly vectors: VectorSearch;
  private readonly encode: QueryEncoder;
  private readonly knowledgeFolder: string;
  private readonly analyze: Analyzer;
  private readonly absent: ReadonlySet<string>;
  private readonly entities: ReadonlySet<string>;
  private readonly faqById: Map<string, FaqEntry>;
  private readonly passageById: Map<string, Passage>;
  private readonly titleByPath = new Map<string, string>();
  private readonly sentenceCache = new Map<string, Token[]>();
  /** Passages by `<original path>|<section ordinal>|<lang>`: a section in each language it exists in. */
  private readonly sectionsByLang = new Map<string, Passage>();
  private readonly originalOf: Readonly<Record<string, string>>;
  private readonly subjects: readonly RegExp[] | undefined;
  /** The same, global: every place a text names a subject ({@link subjectTerms}). */
  private readonly subjectsEach: readonly RegExp[];
  /** The units that hold the text of an answer (FAQ answers, passages), by answer reference. */
  private readonly answerUnits = new Map<string, number[]>();

  constructor(parts: KnowledgeBaseParts) {
    this.subjects = parts.subjects;
    this.subjectsEach = (parts.subjects ?? []).map((re) => new RegExp(re.source, `${re.flags.replace("g", "")}g`));
    parts.units.forEach((unit, u) => {
      if (unit.kind === "faq-q") return;
      const ref = `${unit.kind === "passage" ? "passage" : "faq"}:${unit.ref}`;
      this.answerUnits.set(ref, [...(this.answerUnits.get(ref) ?? []), u]);
    });
    this.units = parts.units;
    this.lexical = parts.lexical;
    this.vectors = parts.vectors;
    this.encode = parts.encode;
    this.knowledgeFolder = parts.knowledgeFolder;
    this.analyze = parts.analyze ?? analyse;
    this.absent = parts.absent ?? new Set();
    this.entities = parts.entities ?? new Set();
    this.tuning = parts.tuning ?? DEFAULT_TUNING;
    this.faqById = new Map(parts.faq.map((e) => [e.id, e]));
    this.passageById = new Map(parts.passages.map((p) => [p.id, p]));
    for (const p of parts.passages) this.titleByPath.set(p.path, p.title);
    this.originalOf = parts.translations ?? {};
    for (const p of parts.passages) {
      const key = `${this.originalOf[p.path] ?? p.path}|${p.sectionIndex}|${p.lang}`;
      if (!this.sectionsByLang.has(key)) this.sectionsByLang.set(key, p);
    }
  }

  /**
   * The words of what a question asks the existence of, without the association's everyday words
   * (blockchain, association, Hong Kong…), or undefined when it asks no such thing.
   */
  private objectKeys(asked: string): PreparedQuery | undefined {
    const object = this.thingKeys(existenceObject(asked));
    if (!object) return undefined;
    // "你哋協會係咪做生意㗎？": words of the object that the question as a whole reads within a phrase of
    // the thesaurus (做生意, a commercial business) mean that phrase, which retrieval already matched.
    const whole = new Set(this.namingTokens(asked).map((t) => t.key));
    return object.keys.some((k) => whole.has(k)) ? object : undefined;
  }

  /** The words of a text that name something: spelling corrected, without everyday words or single Chinese characters. */
  private namingTokens(text: string): Token[] {
    return this.lexical
      .correct(this.analyze(text))
      .filter((t) => !(t.han && Array.from(t.key).length === 1) && !EVERYDAY_KEYS.has(t.key));
  }

  /** The words of a thing a question names, as a query (none when they are only everyday words). */
  private thingKeys(object: string | undefined, floor = this.tuning.softFloor): PreparedQuery | undefined {
    if (!object) return undefined;
    const tokens = this.namingTokens(object);
    if (tokens.length === 0) return undefined;
    return this.lexical.prepare(tokens, floor, this.tuning.idfPower);
  }

  /** Whether a text speaks of a thing (its words, or words near them: "apprenticeships" for "internships"). */
  private mentionsAny(text: string, thing: PreparedQuery): boolean {
    return this.lexical.coverageOf(thing, this.sentenceTokens(text)) >= MENTIONED;
  }

  /** Whether the answer of a reference (`faq:<id>`, `passage:<id>`) speaks of most of a query's words. */
  private covers(ref: string | undefined, query: PreparedQuery | undefined, need = OWN_COVERED): boolean {
    if (!ref || !query || query.keys.length === 0) return false;
    let best = 0;
    for (const u of this.answerUnits.get(ref) ?? []) best = Math.max(best, this.lexical.coverage(query, u).coverage);
    return best >= need;
  }

  /** How many sentences the text answering a unit has (a FAQ answer, or a passage). */
  private sentenceCount(ref: string, kind: Unit["kind"]): number {
    const text = kind === "passage" ? this.passageById.get(ref)?.text : this.faqById.get(ref)?.a.en;
    return text ? sentences(text).length : 0;
  }

  /** The document and section a unit belongs to (translations count as their original). */
  private placeOf(unit: Unit): { doc: string; section: string } {
    return this.placeOfRef(`${unit.kind === "passage" ? "passage" : "faq"}:${unit.ref}`) ?? { doc: "", section: "" };
  }

  /** Whether any text of a reference's document speaks of a thing. */
  private docMentions(ref: string, keys: PreparedQuery): boolean {
    const doc = this.placeOfRef(ref)?.doc;
    if (!doc) return false;
    for (const p of this.passageById.values()) if (p.path === doc && this.mentionsAny(p.text, keys)) return true;
    return false;
  }

  /** The document and section of an answer reference (`faq:<id>`, `passage:<id>`). */
  private placeOfRef(ref: string): { doc: string; section: string } | undefined {
    const [kind, id = ""] = ref.split(/:(.*)/s);
    if (kind === "passage") {
      const p = this.passageById.get(id);
      if (!p) return undefined;
      const o = this.original(p);
      return { doc: o.path, section: o.section };
    }
    const e = kind === "faq" ? this.faqById.get(id) : undefined;
    return e ? { doc: e.doc, section: e.section } : undefined;
  }

  /** The same section in the member's language when the knowledge has it, else the passage itself. */
  private inLanguage(p: Passage, lang: Lang): Passage {
    if (p.lang === lang) return p;
    return this.sectionsByLang.get(`${this.originalOf[p.path] ?? p.path}|${p.sectionIndex}|${lang}`) ?? p;
  }

  /** The original of a passage (itself unless it is a translation's): what an answer cites. */
  private original(p: Passage): Passage {
    const orig = this.originalOf[p.path];
    return orig ? (this.sectionsByLang.get(`${orig}|${p.sectionIndex}|en`) ?? p) : p;
  }

  /** Finds the best FAQ entry or passage for a question, with its score. */
  async retrieve(
    question: string,
    tuning: Tuning = this.tuning,
    context = "",
    contextRef = "",
    /** The document the member named ("in the article about…"): its units are preferred. */
    docHint = "",
  ): Promise<Retrieval> {
    const ctxPlace = contextRef ? this.placeOfRef(contextRef) : undefined;
    const own = question.slice(0, MAX_QUESTION_CHARS);
    let tokens = this.lexical.correct(this.analyze(own));
    // "the extra points are 20, right?": a figure no text gives is the member's guess to be checked,
    // not a word the answer must have.
    if (CHECKING.test(own)) {
      const guessed = tokens.filter((t) => !/^\d[\d,.]*$/u.test(t.key) || this.lexical.has(t.key));
      if (guessed.length > 0) tokens = guessed;
    }
    // A question made only of function words ("What can you do?") is matched on those words.
    if (tokens.length === 0 && !context) tokens = this.analyze(own, true);
    const ownKeys = new Set(tokens.map((t) => t.key));
    const extra = context ? this.lexical.correct(this.analyze(context)).filter((t) => !ownKeys.has(t.key)) : [];
    const ownQuery = extra.length > 0 ? this.lexical.prepare(tokens, tuning.softFloor, tuning.idfPower) : undefined;
    tokens = [...tokens, ...extra];
    const text = context ? `${own} ${context}` : own;
    const query = this.lexical.prepare(
      tokens,
      tuning.softFloor,
      tuning.idfPower,
      new Set(extra.map((t) => t.key)),
      CONTEXT_WEIGHT,
      // In a long, rambling message most words the knowledge lacks are the story around the question.
      wordCount(own) >= LONG_WORDS ? LONG_UNKNOWN_WEIGHT : 1,
    );
    if (query.keys.length === 0) return { query, ...(ownQuery ? { own: ownQuery } : {}) };
    const vector = await this.encode(text, tokens);
    const k = Math.min(CANDIDATES, this.units.length);
    const dense = new Map<number, number>();
    for (const hit of await this.vectors.search(vector, k)) dense.set(hit.unit, hit.cosine);
    for (const u of this.lexical.candidates(query, k)) {
      if (!dense.has(u)) dense.set(u, this.vectors.cosine(vector, u));
    }
    const byRef = new Map<string, Candidate>();
    const phrasingOf = new Map<string, string>();
    for (const [u, cos] of dense) {
      const unit = this.units[u];
      if (!unit) continue;
      const { coverage: cov, key } = this.lexical.coverage(query, u);
      const rev = unit.kind === "passage" ? 0 : this.lexical.reverseCoverage(query, u);
      const wRev = unit.kind === "passage" ? 0 : tuning.reverse;
      let score =
        (tuning.coverage * cov + wRev * rev + tuning.dense * Math.max(0, cos)) /
        (tuning.coverage + wRev + tuning.dense);
      score *= 1 - tuning.keyPenalty * (1 - key);
      if (unit.kind === "passage") score *= tuning.passage;
      const kind = unit.kind === "passage" ? "passage" : "faq";
      const id = `${kind}:${unit.ref}`;
      // A follow-up is most likely about the document the previous answer came from.
      if (ctxPlace) {
        // A follow-up asks for something new: the previous answer itself is the last thing it wants,
        // unless it already speaks of what the follow-up names ("how many banks?" after the platform
        // of seven banks) or the follow-up names nothing ("which ones?").
        if (id === contextRef) {
          const ownCover = ownQuery && ownQuery.keys.length > 0 ? this.lexical.coverage(ownQuery, u).coverage : 1;
          if (ownCover < OWN_COVERED)
            score -= this.sentenceCount(unit.ref, unit.kind) >= 3 ? CONTEXT_REPEAT_PENALTY / 3 : CONTEXT_REPEAT_PENALTY;
        }
        const place = this.placeOf(unit);
        if (place.doc === ctxPlace.doc) score += CONTEXT_DOC_BOOST;
        if (place.doc === ctxPlace.doc && place.section === ctxPlace.section) score += CONTEXT_SECTION_BOOST;
      }
      if (docHint && this.placeOf(unit).doc === docHint) score += DOC_HINT_BOOST;
      const seen = byRef.get(id);
      if (!seen || score > seen.score) {
        byRef.set(id, {
          kind,
          ref: unit.ref,
          score,
          phrasing: unit.kind === "faq-q",
          ...(unit.kind === "faq-q" ? { asked: unit.text } : {}),
        });
        if (unit.kind === "faq-q") phrasingOf.set(id, unit.text);
        else phrasingOf.delete(id);
      }
    }
    // Two curated questions that match alike ("How do I donate?", "Where do the donations go?" for
    // "how do I donate?"): the one that asks the same kind of thing comes first.
    const asked = askingWord(own);
    const sameKind = (c: Candidate) => {
      const p = phrasingOf.get(`${c.kind}:${c.ref}`);
      return asked && p !== undefined && askingWord(p) === asked ? 1 : 0;
    };
    const ranked = [...byRef.values()]
      .sort((a, b) => (Math.abs(b.score - a.score) > TIE ? b.score - a.score : sameKind(b) - sameKind(a)))
      .slice(0, 6);
    const best = ranked[0];
    return best
      ? { best, ranked, query, ...(ownQuery ? { own: ownQuery } : {}) }
      : { query, ...(ownQuery ? { own: ownQuery } : {}) };
  }

  /**
   * Answers a question; an elliptical follow-up ("and who can apply?") is read together with
   * the previous question when that finds a better answer.
   */
  async answer(question: string, lang: Lang, options: AnswerOptions = {}): Promise<Answer> {
    // "Separate question: who does QMAS favour?" opens a new subject: read alone, without its cue.
    const fresh = NEW_SUBJECT.exec(question);
    if (fresh && question.length > fresh[0].length + 3)
      return this.answerAny(question.slice(fresh[0].length), lang, {});
    // "does BAHK run networking events or is it all just online?": the doubt after "or" is answered by
    // the first alternative, when the documents answer that.
    const doubt = OR_DOUBT.exec(question);
    if (doubt && doubt.index >= 12) {
      const first = await this.answer(`${question.slice(0, doubt.index).trim()}?`, lang, options);
      if (first.answered) return first;
    }
    // "Do you only publish stuff online or are there actual events where people get together?": the
    // doubt comes first and the alternative after "or" is the question, answered when the documents do.
    const alternative = ONLY_OR_ALTERNATIVE.exec(question);
    if (alternative?.[1]) {
      const second = await this.answer(`${alternative[1].trim()}?`, lang, options);
      if (second.answered) return second;
    }
    const byName = SAID_BY_NAME.exec(question);
    const said =
      SAID_BY.exec(question) ?? (byName && !this.lexical.has(byName[1]?.toLowerCase() ?? "") ? byName : null);
    if (said) {
      const claim = await this.answerAny(question.slice(said[0].length), lang, options);
      if (claim.answered) return claim;
    }
    const a = await this.answerAny(question, lang, options);
    const either = !a.answered && options.previous === undefined ? EITHER_OR.exec(question) : null;
    // (Not when the first asks of a thing no text speaks of: "Do you take old laptops too, or is it
    // strictly clothes and stationery?" is for the organisers.)
    if (either?.[1] && either[2] && !this.asksAbsent(either[1])) {
      const first = `${either[1].trim()}?`;
      const other = await this.answerAny(`${either[2].trim()}?`, lang, { previous: first });
      // (Only from the document the first alternative is found in: "is it in person?" after "Is the
      // townhall online" is no question of persons eligible for QMAS.)
      const found = other.answered && other.ref ? (await this.retrieve(first)).best : undefined;
      const doc = (ref: string | undefined) => (ref ? this.placeOfRef(ref)?.doc : undefined);
      const place = found ? doc(`${found.kind}:${found.ref}`) : undefined;
      if (place !== undefined && place === doc(other.ref)) return other;
    }
    // "…I told her the talent list covers more than banking. Which tech fields does it actually list?":
    // a story's last question pointing back ("it") is read as a follow-up of the sentence before it.
    if (!a.answered && options.previous === undefined) {
      const told = sentences(question);
      const last = told.at(-1);
      const before = told.at(-2);
      if (last && before && /[?？]\s*$/u.test(last) && !/[?？]\s*$/u.test(before) && BACK_REFERENCE.test(last)) {
        // (Only where the sentence before speaks of what the answer does: "I was a bit embarrassed that
        // I didn't know… Do you have those numbers?" points further back.)
        const followUp = await this.answerAny(last, lang, { previous: before });
        const lead = followUp.answered ? await this.answerAny(before, lang, {}) : undefined;
        if (lead?.answered && lead.sources[0]?.path === followUp.sources[0]?.path) return followUp;
      }
    }
    // "多長時間？" unanswered after the internships names nothing: the conversation stays on the words it
    // was read with, not those joined with the bare asking (the next "目的是什麼？" found the networking
    // events' "times of uncertainty"). An unanswered follow-up that names something ("跟国际比还有差距吗")
    // keeps it for the next one ("具体差在哪里？").
    if (!a.answered && options.previous && this.namingTokens(withoutAsking(question)).length === 0)
      return { ...a, resolved: options.previous.slice(0, MAX_CONTEXT_CHARS) };
    // "how many points do I need to pass?" after QMAS names none of the subjects, but in the documents'
    // own words it is on the conversation's: declined with the hand-off, not as out of scope.
    if (!a.answered && a.topical === false && options.previous && this.followsInKind(question, options.previous))
      return { ...a, topical: true };
    return options.previous && options.previousRef
      ? this.followsOn(question, a, options.previousRef, options.previousAnswer, lang, options.previous)
      : a;
  }

  /** Whether a follow-up speaks only in the knowledge's words, after a question on its subjects. */
  private followsInKind(question: string, previous: string): boolean {
    const own = this.namingTokens(withoutAsking(question));
    return own.length > 0 && own.every((t) => this.lexical.has(t.key)) && this.speaksOfSubjects(previous);
  }

  /** The words by which a text names the association's subjects (intents.json's `subjects`), lower case. */
  private subjectTerms(text: string): string[] {
    return this.subjectsEach.flatMap((re) => [...text.matchAll(re)].map((m) => m[0].toLowerCase().replace(/\s+/g, "")));
  }

  /**
   * Whether a text speaks of the association's subjects (intents.json's `subjects`), or without them,
   * whether its words (`query`, when already prepared) hold a term of the knowledge's domain.
   */
  private speaksOfSubjects(text: string, query?: PreparedQuery): boolean {
    if (this.subjects) return this.subjects.some((re) => re.test(text));
    return this.lexical.hasDomainTerm(query ?? this.lexical.prepare(this.analyze(text)));
  }

  /**
   * A follow-up's answer, unless it only seems to answer: "what are they specifically?" answered with
   * what was just said, or "is he still in that job?" with a text that speaks of no person.
   */
  private followsOn(
    question: string,
    a: Answer,
    previousRef: string,
    shown: string | undefined,
    lang: Lang,
    previous?: string,
  ): Answer {
    if (!a.answered || this.isBotRef(previousRef) || (a.ref && this.isBotRef(a.ref))) return a;
    const before = shown ?? this.answerText(previousRef, lang) ?? "";
    // "除了科技，還有甚麼？", "besides tech, what else?" answered by what was just said: the rest of that
    // text, of something other than what is set aside.
    // (Not "besides Singapore, which cities…?", which needs a city not yet named, nor "what else did he say?".)
    if (
      a.ref &&
      BEYOND_ASKED.test(question) &&
      !SAYING.test(question) &&
      !SPEECH.test(question) &&
      this.entitiesIn(question).length === 0
    ) {
      const not = NOT_KIND.exec(question);
      const aside = this.thingKeys(
        [...[...question.matchAll(BEYOND)].map((m) => m[0]), not?.slice(1).find((g) => g !== undefined) ?? ""].join(
          " ",
        ),
      );
      if (this.says(before, a.text) || (aside && this.mentionsAny(a.text, aside))) {
        const beyond = this.beyond(a.ref, before, lang, a.resolved ?? question);
        if (beyond) return beyond;
      }
      // "Any non-tech ones?" asks for the rest of what was just said, whatever else the words find.
      if (not) {
        const beyond = this.beyond(previousRef, before, lang, a.resolved ?? question);
        if (beyond) return beyond;
      }
    }
    // "What did he say?" after answers that speak of no one: the words of the one person the last
    // answer's document quotes, not the last answer's text again.
    if (
      SAYING.test(question) &&
      ABOUT_PERSON.test(question) &&
      !SPEAKS_OF_PERSON.test(before) &&
      !SPEAKS_OF_PERSON.test(a.text)
    ) {
      const quoted = this.quoteIn(previousRef, lang, a.resolved ?? question);
      if (quoted) return quoted;
    }
    // "What are they specifically?" wants more of what was said; "what is the HKMA exactly?" only what it is.
    // (A list it gave answers "which ones specifically?" again: 具體是哪些物品 after "clothing and stationery".)
    const saidAlready =
      (SPECIFICS.test(question) &&
        (BACK_REFERENCE.test(question) || LIKE_WHAT.test(question)) &&
        // ("Why does Hong Kong in particular need it?" asks a reason, which the last answer may give.)
        question.search(WHY) < 0 &&
        this.says(before, a.text) &&
        !(["list", "names"].includes(expectation(question)) && listItems(a.text).length >= 2)) ||
      // "What about Seoul?" answered by a list that names Seoul among others says nothing more of it.
      // ("and tokyo? what's their policy like": the question that names the city is one of several.)
      (question.split(/(?<=[?？])\s*/u).some((s) => WHAT_ABOUT.test(s)) && this.onlyListed(question, a.text)) ||
      // "What about teachers?", "Are accountants included?" when no text names them; "what's the dress
      // code?" after the networking events, too.
      this.turnsToUnknown(question) ||
      this.asksOfUnknown(question) ||
      // "Who is its chairman?" after the association's goals: not a chairman of another document's body;
      // "what's the difference between the two?" after QMAS's two tests: not another document's contrast.
      ((ROLE_OF_IT.test(question) || (BETWEEN_THEM.test(question) && expectation(question) === "difference")) &&
        this.placeOfRef(previousRef)?.doc !== this.placeOfRef(a.ref ?? "")?.doc);
    // "he" is the person the last answer spoke of, unless the member speaks of someone of their own ("my cousin… can she move?").
    const ofThatPerson =
      ABOUT_PERSON.test(question) && SPEAKS_OF_PERSON.test(before) && !SOMEONE_OF_MINE.test(question);
    const personless = ofThatPerson && (!SPEAKS_OF_PERSON.test(a.text) || PRESENT_STATE.test(question));
    // "and the other banks?" after "seven banks including HSBC and Standard Chartered": no others named.
    const noOthers =
      OTHERS.test(question) &&
      (this.namesNoOthers(a.text, `${question} ${before}`) ||
        // "and the other five?" after "seven banks including HSBC and Standard Chartered": the others of
        // that list, which no text names (not the five goals the word "five" finds).
        (this.namesNoOthers(before, `${question} ${before}`) && !this.namesEntityBeyond(a.text, before)) ||
        // "那另外兩個城市呢？" answered by what was just said is no answer about the others ("and the
        // other city?" of a pair just compared, "anything besides the degree?" may be).
        (OTHERS_BEYOND.test(question) && this.says(before, a.text)));
    // "跟全球比还有哪些差距，具体说说" after an answer that says gaps persist: a text that does not speak
    // of the gaps says nothing more of them.
    const detail = SPECIFICS.test(question) ? this.thingKeys(namedKind(question), 1) : undefined;
    const detailLacking = detail !== undefined && this.mentionsAny(before, detail) && !this.mentionsAny(a.text, detail);
    // "那麼首爾為加密貨幣企業提供了甚麼稅務優惠？" after Singapore's incentives: a follow-up naming a city
    // (a bank, a body) is not answered by a text that does not name it, whichever way it was found.
    const named = OTHERS.test(question) || question.search(BEYOND) >= 0 ? [] : this.entitiesIn(question);
    const nameMissing = named.length > 0 && !this.namesAll(a.text, named);
    // "how do I apply?" after the internships: a short follow-up that asks how to take a step, names
    // nothing of its own and points back at nothing ("what turned that around?", "他担任什么职务？",
    // "the list") asks about what was under discussion; a text of another document (the scheme's
    // eligibility, which "apply" finds even read with the internships) is not about that.
    const ownSubject = named.length > 0 || (this.subjects ?? []).some((re) => re.test(question));
    const discussed = this.placeOfRef(previousRef)?.doc;
    // So is "咁幾時開始？" after the ETFs retail investors may get: when what was under discussion happens,
    // which a date of another document (QMAS's launch) does not say. ("When did it first start?" points
    // back at what the last answer named, which may be another document's subject.) And so are "what are
    // the requirements?" and "要讀咩科先得？" after the internships: not the scheme's eligibility, which
    // "requirements" finds.
    const strayed =
      discussed !== undefined &&
      ((PROCEDURE.test(question) && !DEFINITE_THING.test(question)) ||
        REQUIREMENT.test(question) ||
        askingWord(question) === "when") &&
      wordCount(question) <= ELLIPTICAL_WORDS &&
      !ownSubject &&
      !BACK_REFERENCE.test(question) &&
      !ABOUT_PERSON.test(question) &&
      discussed !== this.placeOfRef(a.ref ?? "")?.doc;
    // "现在的政务司司长是谁？" after what Matthew Cheung said: who holds the post now, which dated texts
    // do not say (asked alone, the decision declines it; read with the conversation, too).
    const holdsNow = asksWhoHoldsNow(question, expectation(question));
    if (!saidAlready && !personless && !noOthers && !detailLacking && !nameMissing && !strayed && !holdsNow) return a;
    // A follow-up of requirements that strayed to another document was about what was under discussion:
    // the conversation stays on the words it was read with ("why do they do it?" after "what are the
    // requirements?" of the internships is still about the internships, not the scheme's eligibility).
    const stays = strayed && previous !== undefined && REQUIREMENT.test(question);
    return this.nearMiss(lang, a.confidence, stays ? previous.slice(0, MAX_CONTEXT_CHARS) : a.resolved);
  }

  /** A decline of a fact of the association's subjects that the documents lack: for the organisers. */
  private nearMiss(lang: Lang, confidence: number, resolved: string | undefined): Answer {
    return {
      answered: false,
      text: KB_TEXT.declined[lang],
      sources: [],
      confidence: Math.min(confidence, this.thresholdFor(lang) / 2),
      ...(resolved ? { resolved } : {}),
      topical: true,
      factual: true,
    };
  }

  /** The sentences of a reference's document that say what a person said, when the document quotes one. */
  private quoteIn(ref: string, lang: Lang, resolved: string): Answer | undefined {
    const doc = this.placeOfRef(ref)?.doc;
    if (!doc) return undefined;
    for (const original of this.passageById.values()) {
      if (original.path !== doc || this.originalOf[original.path]) continue;
      const p = this.inLanguage(original, lang);
      const sep = /[\u4e00-\u9fff]/.test(p.text) ? "" : " ";
      const said = quotesWhole(sentences(p.text), sep).filter((s) => QUOTING.test(s) && SPEAKS_OF_PERSON.test(s));
      if (said.length === 0) continue;
      const text = said.slice(0, 2).join(sep);
      return this.restated(text, [this.passageSource(original)], `passage:${p.id}`, lang, resolved);
    }
    return undefined;
  }

  /** The passages (originals) of a curated entry's document and section. */
  private sectionPassagesOf(ref: string): Passage[] {
    const place = this.placeOfRef(ref);
    if (!place) return [];
    return [...this.passageById.values()].filter(
      (p) => this.original(p) === p && p.path === place.doc && p.section === place.section,
    );
  }

  /**
   * "Besides tech, what else?": the sentence of an answer's text that speaks of more than something
   * ("Alongside expertise in disruptive technologies, Hong Kong is also looking for…"), else the one
   * the member was not shown that is nearest to what they were.
   */
  private beyond(ref: string, shown: string, lang: Lang, resolved: string): Answer | undefined {
    const cited = this.cited(ref, lang);
    if (!cited) return undefined;
    const all = sentences(cited.body);
    const adding = all.filter((s) => ADDING.test(s));
    // A curated answer that adds nothing of another kind the member has not seen: its section's
    // passage may ("Alongside expertise in disruptive technologies, Hong Kong is also looking for…"
    // beside the talent list's entry).
    if (ref.startsWith("faq:") && adding.every((s) => shown.includes(s.trim()))) {
      for (const p of this.sectionPassagesOf(ref)) {
        if (!sentences(this.inLanguage(p, lang).text).some((s) => ADDING.test(s))) continue;
        const more = this.beyond(`passage:${p.id}`, shown, lang, resolved);
        if (more) return more;
      }
    }
    const unseen = all.filter((s) => !shown.includes(s.trim()) && this.overlap(s, shown) < SAID_ALREADY);
    const pool = adding.length > 0 ? adding : unseen;
    if (pool.length === 0) return undefined;
    const nearest = pool.reduce((a, b) => (this.overlap(b, shown) > this.overlap(a, shown) ? b : a));
    return this.restated(nearest, cited.sources, ref, lang, resolved);
  }

  /**
   * What an answer's text says beyond what the member was shown of it ("what else?"); when they saw it
   * all, that answer again, said to be all the documents say (or nothing, unless `sayAllSeen`).
   */
  private rest(ref: string, shown: string, lang: Lang, resolved: string, sayAllSeen = true): Answer | undefined {
    const previous = this.cited(ref, lang);
    if (!previous) return undefined;
    const { body, sources } = previous;
    const unseen = sentences(body).filter((s) => !shown.includes(s.trim()) && this.overlap(s, shown) < SAID_ALREADY);
    if (unseen.length === 0 && !sayAllSeen) return undefined;
    const text =
      unseen.length > 0
        ? unseen.slice(0, 3).join(/[\u4e00-\u9fff]/.test(body) ? "" : " ")
        : `${KB_TEXT.nothingMore[lang]}\n${shown}`;
    return this.restated(text, sources, ref, lang, resolved);
  }

  /** The sentence of the last answer that says what the member checks they understood, if one does. */
  private confirming(q: string, ref: string, lang: Lang, resolved: string, shown?: string): Answer | undefined {
    const claim = q.replace(CONFIRMING, " ");
    if (this.asksAbsent(claim)) return undefined;
    const previous = this.cited(ref, lang);
    if (!previous) return undefined;
    // "So it's 50 extra points?" after "…an additional 30 points": the sentence that says the number,
    // which corrects the member's.
    const claimed = numbersIn(claim);
    const unnumbered = claim.replace(NUMBER, " ").replace(/\s+/g, " ");
    let best: { s: string; share: number } | undefined;
    for (const s of sentences(shown ?? previous.body)) {
      const given = numbersIn(s);
      const corrects = claimed.length > 0 && given.length > 0 && claimed.some((n) => !given.includes(n));
      // (Both without their numbers: "an additional 30 points" says "additional points".)
      const share = corrects
        ? this.overlap(unnumbered, s.replace(NUMBER, " ").replace(/\s+/g, " "))
        : this.overlap(claim, s);
      if (share >= CONFIRMED && (!best || share > best.share)) best = { s, share };
    }
    return best ? this.restated(best.s.trim(), previous.sources, ref, lang, resolved) : undefined;
  }

  /**
   * The last answer in short: the shortest curated answer of the part of the documents it came from
   * (a passage's section has one, written plainly), its first two sentences.
   */
  private inShort(ref: string, lang: Lang, resolved: string): Answer | undefined {
    const place = this.placeOfRef(ref);
    if (!place) return undefined;
    const curated = [...this.faqById.values()]
      .filter((e) => e.doc !== "bot")
      .map((e) => `faq:${e.id}`)
      .filter(
        (r) => r === ref || (this.placeOfRef(r)?.section === place.section && this.placeOfRef(r)?.doc === place.doc),
      )
      .map((r) => this.cited(r, lang))
      .filter((c) => c !== undefined)
      .sort((a, b) => a.body.length - b.body.length);
    const found = curated[0] ?? this.cited(ref, lang);
    if (!found) return undefined;
    // Said again, an answer's "Yes." to the question before says nothing.
    const body = withoutVerdict(found.body.replace(/\s*\n+\s*/g, " ")).trim();
    const text = sentences(body)
      .slice(0, 2)
      .join(/[\u4e00-\u9fff]/.test(body) ? "" : " ");
    return this.restated(`${KB_TEXT.inShort[lang]} ${text}`, found.sources, ref, lang, resolved);
  }

  /**
   * The sentence just before what the member was shown: in the answer's own text, else in the
   * section of the documents it comes from (a FAQ answer of one sentence has its background there),
   * else what that section says before the association acts.
   */
  private background(ref: string, body: string, shown: string, lang: Lang): string[] {
    const before = (text: string): string | undefined => {
      const all = sentences(text);
      let at = -1;
      let best = 0.3;
      for (const [i, s] of all.entries()) {
        const share = this.overlap(s, shown);
        if (share > best) [at, best] = [i, share];
      }
      const prior = at > 0 ? all[at - 1] : undefined;
      return prior && !shown.includes(prior.trim()) && this.overlap(prior, shown) < best ? prior : undefined;
    };
    const own = before(body);
    if (own) return [own];
    const [section] = this.sectionPassagesOf(ref);
    const text = section ? this.inLanguage(section, lang).text : undefined;
    const found = text ? before(text) : undefined;
    if (found) return [found];
    // Shown it all, the member asks why the association does it: what the section says before the
    // association acts ("The financial industry is very wasteful…" before "The association will collect…").
    const all = text ? sentences(text) : [];
    const acts = all.findIndex((s) => ABOUT_ASSOCIATION.test(s));
    return acts > 0 ? all.slice(0, Math.min(acts, 2)) : [];
  }

  /** The share of a sentence's words that another text has. */
  private overlap(sentence: string, text: string): number {
    const words = (t: string) =>
      new Set(
        this.analyze(t)
          .map((k) => k.key)
          .filter((w) => !EVERYDAY_KEYS.has(w)),
      );
    const mine = [...words(sentence)];
    const theirs = words(text);
    return mine.length === 0 ? 0 : mine.filter((w) => theirs.has(w)).length / mine.length;
  }

  /** Whether `text` says little that `earlier` did not (most of its words are there). */
  private says(earlier: string, text: string): boolean {
    return this.overlap(text, earlier) >= SAID_ALREADY;
  }

  private async answerAny(question: string, lang: Lang, options: AnswerOptions): Promise<Answer> {
    // "Going back to the quota — how many of those spots are filled?": the question, about the quota.
    const back = BACK_TO.exec(question);
    const whole = (back ? `${back[2] ?? back[4]} ${back[1] ?? back[3]}` : question).slice(0, MAX_QUESTION_CHARS);
    // The parts of one message are read once, whether as clauses or as questions of their own.
    const memo = new Map<string, Promise<Retrieval>>();
    const long = await this.retrieveLong(whole, memo);
    const q = long.asked;
    let alone = long.r;
    // "Our head would like to attend the next townhall. Could you confirm the venue and the RSVP
    // deadline?": the clause that found an answer tells; the message's question asks of something no
    // text speaks of.
    // (Its last question, from the clause that asks: "Before I spend weekends on paperwork: do I have to…?")
    const lastAsk = questionSentences(whole)
      .at(-1)
      ?.split(/[:;,，：；]\s*/u)
      .filter(asksSomething)
      .at(-1);
    if (q !== whole && lastAsk && this.asksAbsent(lastAsk)) return this.decide(whole, lastAsk, alone, lang);
    const prev = options.previous?.slice(0, MAX_CONTEXT_CHARS);
    // "Tell me more about the second one", "and the 4th?", "它的第二個目標": the item of a list meant.
    const nth = await this.ordinal(q, lang, options.previousRef, memo, prev);
    // ("How many goals are there? What does the third say?": the count too.)
    if (nth) return this.withOtherParts(whole, nth, lang, memo, (part) => ORDINAL.test(part));
    // "summarise the immigration article", "what's the crypto article about?": what that document covers.
    const summary = await this.summaryOf(q, lang, options.previousRef, memo);
    if (summary) return summary;
    // "Who is quoted in the article about fast-tracking blockchain experts?": the question, in that article.
    const inDoc = await this.inNamedDocument(q, lang, memo);
    if (inDoc) return inDoc;
    // "Which of the association's goals is about young people?": that goal.
    // ("Which one is about…?" after the goals were listed.)
    const goalsDiscussed = GOALS.test(`${prev ?? ""} ${options.previousAnswer ?? ""}`);
    if ((WHICH_GOAL.test(q) || (goalsDiscussed && WHICH_ONE.test(q))) && !PART_OF.test(q)) {
      const one = await this.goalAbout(q, lang, memo);
      if (one) return one;
    }
    // "Explain that like I'm 5", "講簡單啲？": what was just said, in short (nothing new named).
    if (
      prev &&
      options.previousRef &&
      SIMPLER.test(q) &&
      this.namesNothingNew(q.replace(SIMPLER, " ").replace(THAT_THING, " "), options.previousRef)
    ) {
      const short = this.inShort(options.previousRef, lang, `${q} ${prev}`.slice(0, MAX_CONTEXT_CHARS));
      if (short) return short;
    }
    // "So basically they're collecting it for those in need?": the sentence of the last answer that says so.
    if (prev && options.previousRef && !this.isBotRef(options.previousRef) && CONFIRM.test(q)) {
      const said = this.confirming(
        q,
        options.previousRef,
        lang,
        `${q} ${prev}`.slice(0, MAX_CONTEXT_CHARS),
        options.previousAnswer,
      );
      if (said) return said;
    }
    // A check of what was understood that no sentence of the last answer confirms is still about that
    // answer: it is read in its document ("说白了就是让行业里的各方聚在一起，对吧？" is not about the
    // talent list's "行業").
    const checking = prev && options.previousRef && !this.isBotRef(options.previousRef) && CONFIRM.test(q);
    if (prev && prev !== q) {
      // The previous question's words count, at a lower weight than the member's own, and
      // the document of the previous answer is preferred.
      const cue = FOLLOW_UP.test(q) || isShort(q) || CONDITIONAL.test(q);
      // "and what did he say the list would help with?" after a document's answer asks about the
      // document, not for the bot's help, unless it speaks to the bot.
      const previousBot = options.previousRef ? this.isBotRef(options.previousRef) : true;
      // ("Can you name any of them?" is a polite request about the document, not about the bot.)
      const documentary = cue && !previousBot && !ADDRESSING_BOT.test(q.replace(POLITE_REQUEST, " "));
      if (documentary && alone.best && this.isBotEntry(alone.best))
        alone = { query: alone.query, ...(alone.own ? { own: alone.own } : {}) };
      const aloneScore = alone.best?.score ?? 0;
      let withContext = this.marking(
        await this.retrieve(q, this.tuning, prev, cue ? (options.previousRef ?? "") : ""),
        options.previousRef,
      );
      if (documentary) withContext = this.withoutBotEntries(withContext);
      if (checking && options.previousRef)
        return this.decide(
          `${q} ${prev}`.slice(0, MAX_CONTEXT_CHARS),
          q,
          this.inDocumentOf(withContext, options.previousRef),
          lang,
        );
      // "What are its key initiatives?": the items of the thing just discussed, in its document or nowhere.
      const itemsOf = ["names", "list"].includes(expectation(q)) && BACK_REFERENCE.test(q);
      if (itemsOf && options.previousRef && !previousBot && !SOME_OF.test(q)) {
        const there = this.inDocumentOf(withContext, options.previousRef);
        return this.decide(`${q} ${prev}`.slice(0, MAX_CONTEXT_CHARS), q, there, lang);
      }
      const ctxScore = withContext.best?.score ?? 0;
      // A follow-up that finds a confident answer on its own keeps it ("and who can apply?").
      const tolerance = aloneScore >= CONFIDENT_ALONE ? 0 : CUE_TOLERANCE;
      const resolved = `${q} ${prev}`.slice(0, MAX_CONTEXT_CHARS);
      // "Which goal is that?": the part of the documents the last answer came from.
      const part = cue && options.previousRef ? this.partOf(options.previousRef, q, lang, resolved) : undefined;
      if (part) return part;
      // "and when did it start?", "over how long?" after an answer that says so: that answer, shortened.
      const again =
        cue && options.previousRef
          ? this.again(options.previousRef, q, lang, resolved, options.previousAnswer)
          : undefined;
      if (again) return again;
      // "佢哋幾時開始㗎？" after the townhalls: a fact of the thing just discussed, naming nothing else,
      // is in its document or nowhere (not QMAS's launch year from another article).
      const kind = expectation(q);
      // "Which year tho?" after "released on August 28": a follow-up naming nothing at all, only the
      // kind of fact it wants, asks it of what was just said. That answer lacks it (else it was
      // answered just above): so do the documents, whatever else in them has such a fact (the same
      // article's scheme launched in 2006).
      // (Written Chinese names things in single characters, which naming words leave out: "能加多少分"
      // names the points.)
      if (
        cue &&
        !/[\u4e00-\u9fff]/.test(q) &&
        FACT_OF_THAT.has(kind) &&
        options.previousRef &&
        !previousBot &&
        this.namingTokens(WHEN_KINDS.has(kind) ? withoutAsking(q).replace(WHEN_NOUNS, " ") : withoutAsking(q))
          .length === 0
      )
        return this.nearMiss(lang, ctxScore, resolved);
      if (
        cue &&
        kind !== "none" &&
        kind !== "advice" &&
        BACK_REFERENCE.test(q) &&
        options.previousRef &&
        !previousBot &&
        this.namesNothingNew(q, options.previousRef)
      )
        return this.decide(resolved, q, this.inDocumentOf(withContext, options.previousRef), lang);
      let inContext = this.decide(resolved, q, withContext, lang);
      // "is there a cap?" after an answer that speaks of the quota: that answer's words, not the unit the
      // conversation's older words find (the job offer asked about two turns before).
      const own = withContext.own;
      if (cue && inContext.answered && own && own.keys.length > 0 && options.previousRef !== undefined) {
        const previous = withContext.ranked?.find((c) => `${c.kind}:${c.ref}` === options.previousRef);
        if (previous && !this.mentionsAny(inContext.text, own) && this.covers(options.previousRef, own)) {
          const there = this.decide(resolved, q, { ...withContext, best: previous, ranked: [previous] }, lang);
          if (there.answered) inContext = there;
        }
      }
      // "What is QMAS?" after the townhalls, "協會有實習計劃嗎？" after the networking events: a question
      // that names something new and finds the same answer on its own starts the conversation's subject
      // afresh, not the older words joined with it (which grew with every question, and read the next
      // follow-up with all of them).
      const fresh =
        aloneScore >= CONFIDENT_ALONE &&
        options.previousRef !== undefined &&
        // ("那它的监管原则是什么？" points back: the next question may still be about the declaration.)
        !FOLLOW_UP.test(q) &&
        !BACK_REFERENCE.test(q) &&
        !this.namesNothingNew(q, options.previousRef)
          ? this.decide(q, q, alone, lang)
          : undefined;
      const anew = (a: Answer): Answer => (fresh?.answered && a.answered && fresh.ref === a.ref ? fresh : a);
      // "which bureau is behind the policy?" after the article's conclusion: a follow-up naming
      // something the last answer doesn't speak of, which its own words find in the same document,
      // is answered from there, not from the passage the conversation's words favour.
      if (
        cue &&
        options.previousRef &&
        !this.covers(options.previousRef, withContext.own) &&
        // ("Why does the association think that matters?" names nothing but the asking.)
        !this.namesNothingNew(withoutReasonWords(q), options.previousRef)
      ) {
        const there = this.sameDocument(alone, options.previousRef);
        if (there) {
          const byItself = this.decide(resolved, q, there, lang);
          if (byItself.answered) return anew(byItself);
        }
      }
      if (fresh?.answered && inContext.answered && fresh.ref === inContext.ref) return fresh;
      if ((cue && ctxScore >= aloneScore - tolerance) || ctxScore > aloneScore + CONTEXT_GAIN) {
        // "Is HK pushing this harder than Singapore, then?": what the conversation's words find cannot
        // answer a comparison with a city the follow-up names; its own words can.
        const named = this.entitiesIn(q);
        if (!inContext.answered && named.length > 0) {
          const byItself = this.decide(resolved, q, alone, lang);
          if (byItself.answered) return byItself;
        }
        return inContext;
      }
      // A follow-up about something the previous answer spoke of ("and when does it launch?" after a
      // platform "set to launch in September") stays with it, whatever else its words find alone.
      if (
        cue &&
        inContext.answered &&
        (this.covers(options.previousRef, withContext.own) ||
          // ("为啥要这么做？" names nothing at all: it is about what was just said.)
          (options.previousRef !== undefined && this.namesNothingNew(q, options.previousRef)))
      )
        return inContext;
      if (cue) {
        // Answered on its own, a follow-up still carries the conversation's subject to the next one;
        // when alone it finds nothing of the kind asked for ("how many banks are involved?" → how to
        // get involved), the conversation's answer stands.
        const byItself = this.decide(resolved, q, alone, lang);
        return !byItself.answered && inContext.answered ? inContext : byItself;
      }
    }
    let decided = this.decide(q, q, alone, lang);
    // A declined story is read again by its own questions (found once for both readings below).
    const asks = decided.answered ? [] : questionSentences(whole);
    // A clause that tells, standing for a story ("Our fund is hiring and a candidate mentioned the HKMA's
    // platform with banks… Which banks were named?"), may name a subject no text has only in passing:
    // the story asks its questions, of the clause's subject.
    if (decided.lacking && q !== whole && asks.length > 0 && !asks.includes(q) && !this.asksAbsent(whole)) {
      const byAsk = this.decide(q, asks.join(" "), alone, lang);
      if (byAsk.answered) decided = byAsk;
    }
    // A story whose words as a whole find an answer confidently enough to be read whole ("…stuck with
    // 300 tote bags… I'd like to donate them through you. Also, how often do your townhalls happen?")
    // but whose one question that answer does not fit is asked by that question alone.
    if (!decided.answered && q === whole) {
      const [ask] = asks;
      if (asks.length === 1 && ask !== undefined && ask !== whole) {
        const r = await this.retrieveOnce(ask, memo);
        // (Only a question that names the association's subjects by itself: "How many people can attend
        // per company?" after a story of networking events is not asking about the points of "people
        // who work in" the listed fields. Nor is it answered by the bot's own help.)
        if (r.query.keys.length >= 2 && !BACK_REFERENCE.test(ask) && this.speaksOfSubjects(ask, r.query)) {
          const byAsk = this.decide(ask, ask, r, lang);
          if (byAsk.answered && !this.isBotRef(byAsk.ref ?? "")) decided = byAsk;
        }
      }
    }
    // The clause that stood for a message asking two things ("…and which companies did they get placed
    // with?") may not name the subject its other question does ("How many interns did BAHK take in
    // last summer"), nor the story it asks of ("Someone told me BAHK gives away clothing… How do we
    // apply?"): the message is on the association's subjects when another of its clauses is.
    // (Not a forecast, "will bitcoin hit 200k by end of year? yes or no", which is never topical.)
    const main =
      decided.topical === false &&
      !decided.answered &&
      q !== whole &&
      expectation(q) !== "advice" &&
      clauses(whole).some((c) => c !== q && this.speaksOfSubjects(c))
        ? { ...decided, topical: true }
        : decided;
    // "协会说要做最好的NGO，具体啥意思？": the one goal asked about in detail, not the list of goals that
    // names it (a short question: in a long story, "exactly" is only how it is told).
    if (
      main.answered &&
      GOALS.test(main.text) &&
      listItems(main.text).length >= 3 &&
      wordCount(q) < LONG_WORDS &&
      (SPECIFICS.test(q) || MEANING.test(q) || GOAL_ABOUT.test(q))
    ) {
      const one = await this.goalAbout(q, lang, memo);
      if (one) return one;
    }
    // "Kindly tell me, the points-based route for talented foreigners — how many people can come in per
    // year?": the clause that answered asks, the rest names what it asks of. The conversation goes on
    // about that ("and since when has it been running?"), not about the bare clause.
    // (Only a clause that names no subject of its own, in a short message of one sentence: a story's
    // words are not kept, nor a sentence that told before the question asked.)
    const kept =
      main.answered &&
      main.resolved === q &&
      q !== whole &&
      whole.indexOf(q) > 0 &&
      whole.length <= KEPT_WHOLE_CHARS &&
      sentencesOf(whole).length === 1 &&
      !this.speaksOfSubjects(q)
        ? { ...main, resolved: whole }
        : main;
    return this.withOtherParts(whole, kept, lang, memo);
  }

  /** A retrieval with the last answer's own entry or passage marked as a repeat. */
  private marking(r: Retrieval, previousRef: string | undefined): Retrieval {
    if (!previousRef || !r.ranked) return r;
    const mark = (c: Candidate): Candidate => (`${c.kind}:${c.ref}` === previousRef ? { ...c, repeat: true } : c);
    return { ...r, ranked: r.ranked.map(mark), ...(r.best ? { best: mark(r.best) } : {}) };
  }

  /**
   * A message that points at an item of a list by its place ("the second one", "the first one you
   * mentioned", "and the 4th?", "第二個目標"): a goal by its number is that goal's section; any other
   * item is taken from the list the previous answer gave and read in the message's place.
   */
  private async ordinal(
    q: string,
    lang: Lang,
    previousRef: string | undefined,
    memo: Map<string, Promise<Retrieval>>,
    previous = "",
  ): Promise<Answer | undefined> {
    // "What's the difference between the first goal and the second?", "目標一同目標二有咩分別？": each of
    // the goals a message names.
    // ("the association's third aim", "objective 2": the goals in other words.)
    const goalsNamed = /\b(?:goals?|aims?|objectives?)\b|目標|目标/i.test(`${q} ${previous}`);
    if (goalsNamed) {
      const named = [
        ...new Set([
          ...[...q.matchAll(ORDINALS)].map(ordinalNumber),
          ...[...q.matchAll(GOAL_NUMBER_ZH)].map((g) => ORDINAL_WORDS[g[1] ?? ""] ?? Number(g[1])),
        ]),
      ].filter((k): k is number => k !== undefined && k > 0);
      if (named.length >= 2) {
        const wanted = named.slice(0, 3);
        const goals = wanted
          .map((k) => this.goal(k, q, "", lang, previous))
          .filter((a): a is Answer => a?.answered === true);
        const [first] = goals;
        if (first && goals.length === wanted.length)
          return { ...first, text: goals.map((a) => a.text).join("\n\n"), sources: goals.flatMap((a) => a.sources) };
      }
    }
    const m = ORDINAL.exec(q);
    if (!m) return undefined;
    const n = ordinalNumber(m);
    if (n === undefined) return undefined;
    // Goals by their number, when the message or the conversation speaks of goals ("and the third?").
    if (goalsNamed) return this.goal(n, q, q.replace(m[0], " "), lang, previous);
    if (!previousRef) return undefined;
    const items = listItems(this.answerText(previousRef, lang) ?? "");
    const item = n < 0 ? items.at(-1) : items[n - 1];
    if (!item) return undefined;
    const asked = q.replace(m[0], ` ${item} `).replace(/\s+/g, " ").trim();
    const found = this.decide(asked, asked, await this.retrieveOnce(asked, memo), lang);
    // "What's the last one doing policy-wise?" is not answered by the list that names it among others.
    const a = found.answered && this.onlyListed(asked, found.text) ? { ...found, answered: false } : found;
    // Read with the conversation: what it resolved to names the question it follows.
    return a.answered ? { ...a, resolved: `${asked} ${previous}`.slice(0, MAX_CONTEXT_CHARS) } : undefined;
  }

  /**
   * A question that names the document it is about ("…, according to that virtual asset hub article?",
   * "in the news about HK fast-tracking blockchain experts, who…"): its own words are read in that
   * document (found by the words naming it), which they would not always find on their own.
   */
  private async inNamedDocument(
    q: string,
    lang: Lang,
    memo: Map<string, Promise<Retrieval>>,
  ): Promise<Answer | undefined> {
    const m = DOCUMENT_REFERENCE.exec(q);
    if (!m) return undefined;
    const rest = q
      .replace(m[0], " ")
      .replace(/^[\s,，:：-]+|[\s,，:：-]+(?=[?？]?$)/gu, "")
      .trim();
    if (wordCount(rest) < 2) return undefined;
    // "The gist of the article" names no article: the one under discussion, or any.
    const about = m[0].replace(DOCUMENT_WORDS, " ").replace(/\s+/g, " ").trim();
    if (this.analyze(about).length === 0) return undefined;
    const named = await this.retrieveOnce(m[0], memo);
    const doc = named.best ? this.placeOfRef(`${named.best.kind}:${named.best.ref}`)?.doc : undefined;
    if (!doc) return undefined;
    const r = await this.retrieve(rest, this.tuning, "", "", doc);
    const a = this.decide(rest, rest, r, lang);
    // The question and what the document is about stay the conversation's subject ("what's his role?" next).
    return a.answered && this.placeOfRef(a.ref ?? "")?.doc === doc
      ? { ...a, resolved: `${rest} ${about}`.trim() }
      : undefined;
  }

  /**
   * What a document is about, when a member asks for its gist ("summarise the immigration article",
   * "那篇文章講咩？"): its title and sections, then its conclusion (or, for sections that are not a numbered
   * series, its first sentence). The document is the one the words name, or the one under discussion.
   */
  private async summaryOf(
    q: string,
    lang: Lang,
    previousRef: string | undefined,
    memo: Map<string, Promise<Retrieval>>,
  ): Promise<Answer | undefined> {
    // (Asked on its own: "…I read part of the article but ran out of time. What does the article say?" asks
    // for what the story wants, and "報道內容簡略" in a letter asks nothing of the sort.)
    if (q.length > (/[\u4e00-\u9fff]/u.test(q) ? 30 : 80) || !SUMMARY_ASKED.test(q)) return undefined;
    const rest = q.replace(SUMMARY_WORDS, " ").replace(DOCUMENT_WORDS, " ");
    let doc: string | undefined;
    if (this.analyze(rest).length > 0) {
      const named = await this.retrieveOnce(rest, memo);
      // ("can you summarise Apple's latest earnings report?" names no document of the association's.)
      if (!named.best || named.best.score < this.thresholdFor(lang)) return undefined;
      doc = this.placeOfRef(`${named.best.kind}:${named.best.ref}`)?.doc;
    } else doc = previousRef ? this.placeOfRef(previousRef)?.doc : undefined;
    if (!doc) return undefined;
    const bySection = new Map<number, Passage>();
    for (const p of this.passageById.values())
      if (p.path === doc && !this.originalOf[p.path] && !bySection.has(p.sectionIndex))
        bySection.set(p.sectionIndex, p);
    const originals = [...bySection.entries()].sort(([a], [b]) => a - b).map(([, p]) => p);
    const first = originals[0];
    if (!first) return undefined;
    const shown = originals.map((p) => this.inLanguage(p, lang));
    const han = lang !== "en";
    const sections = shown.map((p) => p.section).filter((s) => s.trim() !== "");
    const text = fill(KB_TEXT.summary[lang], {
      title: shown[0]?.title ?? first.title,
      sections: sections.join(han ? "；" : "; "),
    });
    // (Goals 1 to 5 are the gist themselves: no one goal's first sentence stands for them.)
    const numbered = sections.length > 1 && sections.every((s) => /\d/u.test(s));
    const last = shown.at(-1);
    const lead =
      last && CONCLUSION.test(last.section) ? last.text : numbered ? "" : (sentences(shown[0]?.text ?? "")[0] ?? "");
    return this.restated(
      lead ? `${text}${han ? "" : " "}${lead}` : text,
      [this.passageSource(first)],
      `passage:${first.id}`,
      lang,
      q,
    );
  }

  /** Goal n of the association (its section of the documents, headed by its name), in the member's language. */
  private goal(n: number, asked: string, rest: string, lang: Lang, previous = ""): Answer | undefined {
    const goals = [...this.passageById.values()].filter(
      (p) => !this.originalOf[p.path] && /^Goal\s*\d/i.test(p.section),
    );
    // The last goal is the one of the highest number.
    const number = (p: Passage) => Number(/^Goal\s*(\d+)/i.exec(p.section)?.[1] ?? 0);
    const lastNumber = Math.max(0, ...goals.map(number));
    const wanted = n < 0 ? lastNumber : n;
    const original = goals.find((p) => number(p) === wanted);
    // "The 6th?" of five goals: there is none, which the goals' count says.
    const last = goals.find((p) => number(p) === lastNumber);
    if (!original && last && wanted > lastNumber) {
      const text = fill(KB_TEXT.noSuchGoal[lang], { count: lastNumber, n: wanted });
      return this.restated(
        text,
        [this.passageSource(last)],
        `passage:${last.id}`,
        lang,
        `${asked} ${previous}`.slice(0, MAX_CONTEXT_CHARS),
      );
    }
    if (!original) return undefined;
    const p = this.inLanguage(original, lang);
    // "Back to the 2nd one: how often are those townhalls?" asks something of the goal: its sentences that
    // bear on it. (Not "what is BAHK's goal 4 about?", whose association names nothing of the goal.)
    const tokens = this.namingTokens(rest);
    const query = this.lexical.prepare(tokens, this.tuning.softFloor, this.tuning.idfPower);
    const body =
      query.keys.length >= 2
        ? this.bestSentences(query, p)
        : sentences(p.text)
            .slice(0, 2)
            .join(/[\u4e00-\u9fff]/.test(p.text) ? "" : " ");
    // The goal's heading carries the conversation's subject to the next message ("and the 4th?").
    return this.restated(
      `${p.section}\n${body}`,
      [this.passageSource(original)],
      `passage:${p.id}`,
      lang,
      `${asked} ${p.section} ${previous}`.slice(0, MAX_CONTEXT_CHARS),
    );
  }

  /** The goal a question asks for by what it is about ("which goal is about young people?"), if one is found. */
  private async goalAbout(q: string, lang: Lang, memo: Map<string, Promise<Retrieval>>): Promise<Answer | undefined> {
    const about = q.replace(WHICH_GOAL, " ").replace(WHICH_ONE, " ").trim();
    const r = await this.retrieveOnce(about, memo);
    if ((r.best?.score ?? 0) < this.thresholdFor(lang)) return undefined;
    const goalOf = (c: Candidate) => /^Goal\s*(\d+)/i.exec(this.placeOfRef(`${c.kind}:${c.ref}`)?.section ?? "")?.[1];
    const found = (r.ranked ?? []).map(goalOf).find((n) => n !== undefined);
    return found ? this.goal(Number(found), q, "", lang) : undefined;
  }

  /** The text an answer reference gives in a language (a FAQ answer, or a passage in that language). */
  /**
   * The text of an answer reference (`faq:<id>`, `passage:<id>`) in the member's language, its
   * sources, and the note that a passage is only in English, where it is.
   */
  private cited(ref: string, lang: Lang): { body: string; sources: SourceRef[]; note: string } | undefined {
    const [kind, id = ""] = ref.split(/:(.*)/s);
    if (kind === "faq") {
      const e = this.faqById.get(id);
      // Its "Yes."/"No." answered the curated question, not what a follow-up asks of the answer.
      return e ? { body: withoutVerdict(e.a[lang]), sources: [this.faqSource(e, lang)], note: "" } : undefined;
    }
    const found = kind === "passage" ? this.passageById.get(id) : undefined;
    if (!found) return undefined;
    const p = this.inLanguage(found, lang);
    const original = this.original(found);
    return {
      body: p.text,
      sources: [this.passageSource(original)],
      note: p.lang === lang ? "" : KB_TEXT.englishOnly[lang],
    };
  }

  private answerText(ref: string, lang: Lang): string | undefined {
    return this.cited(ref, lang)?.body;
  }

  /**
   * What a question found on its own, when its best candidate is in the document of an earlier
   * answer (not that answer itself), else undefined.
   */
  private sameDocument(r: Retrieval, previousRef: string): Retrieval | undefined {
    const best = r.best;
    const place = this.placeOfRef(previousRef);
    if (!best || !place) return undefined;
    const ref = `${best.kind}:${best.ref}`;
    return ref !== previousRef && this.placeOfRef(ref)?.doc === place.doc ? r : undefined;
  }

  /**
   * "Which goal is that?", "係屬於協會邊個目標？": a follow-up asking which part of the documents the
   * previous answer belongs to is answered with that part's heading, in the member's language,
   * when the heading is of the kind asked for (a goal's heading for a goal).
   */
  private partOf(previousRef: string, asked: string, lang: Lang, resolved: string): Answer | undefined {
    const m = WHICH_PART.exec(asked);
    if (!m) return undefined;
    const place = this.placeOfRef(previousRef);
    if (!place) return undefined;
    const original = [...this.passageById.values()].find(
      (p) => p.path === place.doc && p.section === place.section && !this.originalOf[p.path],
    );
    if (!original) return undefined;
    const heading = this.inLanguage(original, lang).section;
    const goal = /goal|objective|aim|mission|目標|目标/i.test(m[0]);
    if (goal && !/\bgoal\b|目標/i.test(`${heading} ${original.section}`)) return undefined;
    return this.restated(
      fill(KB_TEXT.partOf[lang], { part: heading }),
      [this.passageSource(original)],
      previousRef,
      lang,
      resolved,
    );
  }

  /**
   * A short follow-up asking for a fact of a kind the previous answer states (a date, a duration, a
   * number, a name: "and when did it start?" after QMAS, "over how long?", "用咗幾耐？") and naming
   * nothing that answer doesn't speak of, is about that answer: its sentences that state such a
   * fact answer it. Anything else the follow-up names sends it through retrieval as before.
   */
  private again(previousRef: string, asked: string, lang: Lang, resolved: string, shown?: string): Answer | undefined {
    const expect = expectation(asked);
    // "What did he say?" after an answer quoting someone: what it quotes; "why?" after an answer
    // giving its reason ("to keep a talent pipeline"): that reason.
    const saying = SAYING.test(asked);
    // "why do they run it?" names nothing but the doing of the thing discussed.
    const why = !saying && asked.search(WHY) >= 0 && this.namesNothingNew(withoutReasonWords(asked), previousRef);
    // "How do they plan to achieve it?" after a goal: the sentences of that answer saying how.
    const means =
      !saying &&
      !why &&
      MEANS.test(asked) &&
      this.namesNothingNew(withoutReasonWords(asked.replace(MEANS, " ")), previousRef);
    // "And what kind of work experience?" after an answer that asks for "experience in the leading
    // companies": the sentence of that answer that speaks of it.
    const kindMatch = saying || why || means || expect !== "none" ? undefined : KIND_OF.exec(asked);
    // "如果份工喺人才清單入面呢？" (and if my job is on the talent list?) after an answer with a sentence
    // on that case: that sentence.
    const condition = saying || why || means || kindMatch || expect !== "none" ? undefined : CONDITIONAL.exec(asked);
    // (In Chinese the thing of the kind stands before the asking word: 學歷有甚麼要求 asks of the degree.)
    const kindZh = kindMatch?.[2]
      ? asked.replace(/(?:有)?(?:甚麼|什麼|什么|咩|乜嘢|哪種|哪种|邊種|边种|哪類|哪类|邊類)/u, "")
      : undefined;
    const kindOf = this.thingKeys(kindMatch?.[1] ?? kindZh ?? condition?.[1] ?? condition?.[2]);
    // "what else?", "仲有呢？" after an answer shown shortened: the rest of that answer.
    if (BARE_MORE.test(asked) && shown) return this.rest(previousRef, shown, lang, resolved);
    // "what example does it give?" after an answer shown shortened: the rest of it, where the example is,
    // not a text of another document that merely speaks of examples.
    if (EXAMPLE_ASKED.test(asked) && shown) {
      const more = this.rest(previousRef, shown, lang, resolved, false);
      if (more) return more;
    }
    // "Can you name any of them?" asks for some of the names the last answer gave ("which ones
    // specifically?" for all of them, which it may not give).
    const someNames = expect === "names" && SOME_OF.test(asked);
    if (
      !saying &&
      !why &&
      !means &&
      !kindOf &&
      !someNames &&
      (expect === "none" || expect === "advice" || expect === "names")
    )
      return undefined;
    // ("Launch month?": the month is what is asked, not a thing the answer must name.)
    const named =
      saying || why || means || someNames
        ? []
        : this.namingTokens(
            WHEN_KINDS.has(expect) ? withoutAsking(asked).replace(WHEN_NOUNS, " ") : withoutAsking(asked),
          );
    if (kindOf) {
      // A case ("if my job is on the list") names the member's own situation too, which no text does.
      if (!this.covers(previousRef, kindOf, condition ? CONDITION_COVERED : KIND_COVERED)) return undefined;
    } else if (named.length > 0) {
      const query = this.lexical.prepare(named, this.tuning.softFloor, this.tuning.idfPower);
      if (query.keys.length > 0 && !this.covers(previousRef, query)) return undefined;
    }
    const previous = this.cited(previousRef, lang);
    if (!previous) return undefined;
    const { body, sources, note } = previous;
    // A reason of the thing asked about before ("how often are townhalls held?" → "and the purpose of
    // them?"), not of something else the answer mentions.
    const subject = why ? this.thingKeys(resolved.replace(asked, " ")) : undefined;
    // "What did he say it is for?": the reason among what was said, when the text gives one, after the
    // sentence saying who spoke (the words are theirs, and a follow-up about "him" is answered of him).
    // A quotation running on past its first sentence is one ("…careers. The promulgation of the Talent
    // List is one of our major initiatives…").
    const said = quotesWhole(sentences(body), /[\u4e00-\u9fff]/.test(body) ? "" : " ");
    const reasonSaid = saying && asked.search(WHY) >= 0 && said.some((s) => REASON.test(s));
    const stating: string[] = said.filter((s, i) =>
      reasonSaid
        ? REASON.test(s) || (i === 0 && QUOTING.test(s))
        : saying
          ? QUOTING.test(s)
          : why
            ? REASON.test(s) && (!subject || this.mentionsAny(s, subject))
            : means
              ? MEANS_SAID.test(s)
              : kindOf
                ? this.mentionsAny(s, kindOf)
                : satisfies(expect, s, asked),
    );
    // "Why?" after an answer that gives no reason: what its text says before it, the background of
    // it ("The industry is very wasteful with…" before "The association collects these…").
    if (stating.length === 0 && why && shown && BARE_WHY.test(asked) && !PURPOSE.test(asked))
      stating.push(...this.background(previousRef, body, shown, lang));
    if (stating.length === 0) return undefined;
    const text = stating.slice(0, 2).join(/[\u4e00-\u9fff]/.test(body) ? "" : " ");
    return this.restated(note ? `${note}\n${text}` : text, sources, previousRef, lang, resolved);
  }

  /**
   * A message asking two things ("how many people a year, and is there extra score for blockchain?",
   * "幾時推出？另外係咪一定要有學位？") gets an answer to each part that finds a confident one of its own,
   * even when the message as a whole found none.
   */
  private async withOtherParts(
    q: string,
    main: Answer,
    lang: Lang,
    memo: Map<string, Promise<Retrieval>>,
    /** The parts `main` already answers. */
    answered: (part: string) => boolean = () => false,
  ): Promise<Answer> {
    const all = questionParts(q);
    if (all.length < 2) return main;
    const parts = all.filter((part) => !answered(part));
    const threshold = this.thresholdFor(lang) + EXTRA_PART_MARGIN;
    const seen = new Set(main.answered ? [main.ref, main.text] : []);
    const extra: Answer[] = [];
    // Parts that the documents do not answer ("what's QMAS and when is the next townhall?", "what are
    // the two tests and what's the pass mark for each?": a part may leave its subject to the other),
    // but not advice ("…and should I buy BTC now?"): the others are still answered, and these offered
    // to the organisers.
    const unanswered: string[] = [];
    /** The parts `extra` answers, and the least confidence of their answers. */
    const parted: string[] = [];
    let surest = 1;
    for (const part of parts) {
      const a = await this.partAnswer(part, lang, memo);
      if (!a) continue;
      if (!main.answered && !a.answered && expectation(part) !== "advice") {
        unanswered.push(part);
        continue;
      }
      // A message declined as a whole is otherwise answered on its parts only when every part is.
      if (!main.answered && (!a.answered || a.confidence < threshold)) return main;
      if (!a.answered || a.confidence < threshold || seen.has(a.ref) || seen.has(a.text)) continue;
      if (main.answered && (main.text.includes(a.text) || a.text.includes(main.text))) continue;
      seen.add(a.ref);
      seen.add(a.text);
      extra.push(a);
      parted.push(part);
      surest = Math.min(surest, a.confidence);
      if (extra.length >= MAX_EXTRA_PARTS) break;
    }
    // Beside a part left unanswered, the answered parts stand only when the message asks of different
    // things: each unanswered part names a subject no answered part names, and each answered part a
    // subject of its own, pointing back at none ("When was BAHK founded, and who started it?", "did the
    // platform go live, and what's it called now?", "使唔使買飛？幾錢一位？" ask one thing twice over).
    // And only when each is sure: a message that could not be answered in part is often a near-miss
    // throughout ("辦事處地址在哪裏？可以親身遞交捐贈物品嗎？" is answered no better by what donations are).
    if (unanswered.length > 0) {
      if (surest < SURE_BESIDE_UNANSWERED) return main;
      const answeredTerms = new Set(parted.flatMap((part) => this.subjectTerms(part)));
      const apart =
        parted.every((part) => this.subjectTerms(part).length > 0 && !BACK_REFERENCE.test(part)) &&
        unanswered.every((part) => {
          const terms = this.subjectTerms(part);
          return terms.length > 0 && terms.every((t) => !answeredTerms.has(t));
        });
      if (!apart) return main;
    }
    // A message whose whole was declined is still answered on the parts that find a confident answer.
    const [first, ...rest] = main.answered ? [main, ...extra] : extra;
    if (!first) return main;
    const sources = [...first.sources];
    for (const a of rest)
      for (const src of a.sources)
        if (!sources.some((x) => x.path === src.path && x.section === src.section)) sources.push(src);
    return {
      ...first,
      text: [first, ...rest].map((a) => a.text).join("\n\n"),
      sources,
      ...(unanswered.length > 0 ? { unanswered } : {}),
    };
  }

  /**
   * One part of a message asking several things, answered on its own; a part opening with what the
   * message is ("Two things for a colleague: how often are the townhalls") is answered on what follows
   * the colon when that finds the surer answer (the opening may also name the subject: "QMAS: how many
   * a year").
   */
  private async partAnswer(
    part: string,
    lang: Lang,
    memo: Map<string, Promise<Retrieval>>,
  ): Promise<Answer | undefined> {
    const asked = [part];
    const after = /^[^:：?？]+[:：]\s*(.+)$/su.exec(part)?.[1];
    if (after && substantial(after) && asksSomething(after)) asked.push(after);
    let best: Answer | undefined;
    for (const text of asked) {
      const r = await this.retrieveOnce(text, memo);
      if (r.query.keys.length === 0) continue;
      const a = this.decide(text, text, r, lang);
      if (!best || (a.answered && (!best.answered || a.confidence > best.confidence))) best = a;
    }
    return best;
  }

  /** {@link retrieve} without context, once per text of one message. */
  private retrieveOnce(text: string, memo: Map<string, Promise<Retrieval>>): Promise<Retrieval> {
    let r = memo.get(text);
    if (!r) {
      r = this.retrieve(text);
      memo.set(text, r);
    }
    return r;
  }

  /**
   * A long, rambling message is also read clause by clause ("so my cousin is a data scientist…
   * what's it called?"): the clause that finds the best match stands for the question.
   */
  private async retrieveLong(
    q: string,
    memo: Map<string, Promise<Retrieval>>,
  ): Promise<{ asked: string; r: Retrieval }> {
    const whole = await this.retrieveOnce(q, memo);
    // A message that already finds a confident answer as a whole needs no clause-by-clause reading.
    const parts = (whole.best?.score ?? 0) >= CONFIDENT_ALONE ? [] : clauses(q);
    let best = { asked: q, r: whole };
    // The question a story ends in ("…If my field is on it, how many extra points would that be worth?")
    // is what it asks: it stands for the message unless the whole finds clearly more.
    const asks = new Set(questionSentences(q));
    // The member's own question names enough to stand for itself (three words or more).
    const [ask] = asks;
    const ownAsk =
      parts.length > 0 &&
      asks.size === 1 &&
      ask !== undefined &&
      (await this.retrieveOnce(ask, memo)).query.keys.length >= 3;
    for (const c of parts) {
      if (ownAsk && !asks.has(c) && REPORTED_QUESTION.test(c)) continue;
      const r = await this.retrieveOnce(c, memo);
      // The one question of a story is what it asks, when it stands by itself (names its subject, no
      // "they" or "it" pointing into the story) and finds an answer: the story's words ("a visa",
      // "attract blockchain talent") only pull towards the article's introduction.
      if (
        asks.size === 1 &&
        asks.has(c) &&
        r.query.keys.length >= 3 &&
        !BACK_REFERENCE.test(c) &&
        (r.best?.score ?? 0) >= this.tuning.threshold + QUESTION_OWN_MARGIN
      )
        return { asked: c, r };
      const lead = asks.has(c) && best.asked === q ? QUESTION_LEAD : 0;
      // A clause of one word ("How do I get started?") is too little to stand for the message,
      // unless that word finds a confident answer ("How could I meet people through you guys?").
      if (r.query.keys.length < 2 && (r.best?.score ?? 0) < CONFIDENT_ALONE) continue;
      // (Not a word cut from the message's question: "…unveiled it, and at what event?" asks of the
      // declaration's event, not of the association's networking events.)
      if (r.query.keys.length < 2 && !asks.has(c) && [...asks].some((a) => a !== c && a.includes(c))) continue;
      // A clause that only tells ("The talent list came out on August 28 — but which year?") finds
      // what the message is about; what it asks for is still the message's.
      const asked = asksSomething(c) ? c : q;
      if ((r.best?.score ?? 0) + lead > (best.r.best?.score ?? 0) + CLAUSE_GAIN) best = { asked, r };
    }
    return best;
  }

  /**
   * Answers from what a question retrieved, or declines. `asked` is what the member typed (for
   * the kind of answer it wants). When the best match is not of that kind ("how many…" matched
   * by a passage without a number), a close runner-up that is may answer instead.
   */
  private decide(resolved: string, asked: string, r: Retrieval, lang: Lang): Answer {
    const { best, query, own } = r;
    const confidence = Math.max(0, Math.min(1, best?.score ?? 0));
    const threshold = this.thresholdFor(lang);
    // What kind of answer a story wants is what its questions ask: "…a recruiter sent me a link about
    // the talent list. Is data science one of the targeted fields?" asks for no link.
    // (A follow-up's words are all it has to say what it wants.)
    const askingPart = resolved === asked && questionSentences(asked).length > 0 ? askingSentences(asked) : asked;
    // "…they asked me how many townhalls BAHK has held. Do you have those numbers?": a question that only
    // points back into the story wants what the story asks for.
    // (The kind of what is asked is read once: it is the costliest check of a decision.)
    const askedKind = expectation(askingPart);
    const pointing =
      askedKind === "none" &&
      askingPart !== asked &&
      wordCount(askingPart) <= POINTING_WORDS &&
      BACK_REFERENCE.test(askingPart);
    const expect = pointing ? expectation(asked) : askedKind;
    // A follow-up is about the subject of the conversation it was read with.
    const subjectText = resolved === asked ? asked : `${asked} ${resolved}`;
    const onSubject = this.speaksOfSubjects(subjectText, query);
    const topical = confidence >= TOPICAL_MIN && onSubject;
    // "do you publish an annual report?": a subject of an association's that the documents lack, asked of
    // the association as "you", is for its organisers, not out of scope.
    // (Looked up only for a decline, and once.)
    let ofUs: boolean | undefined;
    const askedOfUs = () =>
      (ofUs ??= expect !== "advice" && ASKED_OF_ASSOCIATION.test(asked) && this.asksAbsent(asked));
    const decline = (c: number, onTopic = topical): Answer => ({
      answered: false,
      text: KB_TEXT.declined[lang],
      sources: [],
      confidence: c,
      resolved,
      topical: (onTopic && expect !== "advice" && onSubject) || askedOfUs(),
      factual: expect !== "none",
    });

    if (!best || confidence < threshold) {
      // "點樣報名做義工？", "how do I sign up to volunteer?": how to take a step in the association's
      // subjects, which no text finds, is for its organisers, not out of scope.
      // (Not as lacking: "ok we have 300 tote bags, where do i sign up?" still offers them.)
      if (askedOfUs()) return { ...decline(confidence, true), lacking: true };
      return decline(confidence, topical || (PROCEDURE.test(asked) && onSubject));
    }
    if (this.asksAbsent(asked)) return { ...decline(Math.min(confidence, threshold / 2), true), lacking: true };
    // "What positions did he hold before he became Chief Secretary?": a dated text says only what
    // someone was then, never before or since.
    if (PERSON_BEFORE.test(asked)) return decline(Math.min(confidence, threshold / 2), true);
    // "What topics were discussed at the last townhall?": the documents say what the meetings are for,
    // not what happened at one.
    if (PAST_EVENT.test(asked) && PAST_DETAIL.test(asked)) return decline(Math.min(confidence, threshold / 2), true);
    // "Who currently heads the bureau?", "該部門現任負責人是誰？": who holds a post now, which dated texts
    // do not say.
    if (asksWhoHoldsNow(asked, expect)) return decline(Math.min(confidence, threshold / 2), true);
    // "What is the GDP of Hong Kong?": what it asks to be told about is a word no text has.
    if (this.definesUnknown(asked)) return decline(Math.min(confidence, threshold / 2));
    // "What does the association do with surplus clothing?" asks about the association's work, which
    // its documents answer better than the bot's help does, when they answer it nearly as well; the
    // bot's help then sets no bar for them.
    const ofAssociation = ABOUT_ASSOCIATION.test(asked) && !ADDRESSING_BOT.test(asked);
    const lead = ofAssociation ? (r.ranked ?? []).find((c) => !this.isBotEntry(c)) : best;
    // A name must be spelt out in the answer (a strict check): any candidate above the threshold may give it.
    let floor = expect === "name" ? threshold : Math.max(threshold, (lead ?? best).score - RUNNER_UP_MARGIN);
    const object = this.objectKeys(asked);
    // "How does it compare with Tokyo's?" is answered only by a text that speaks of Tokyo.
    const compared = this.thingKeys(comparedWith(asked), 1);
    const counted = expect === "quantity" ? this.thingKeys(countedThing(asked)) : undefined;
    // "實習名額有多少？", "how many internship places?": places of the internships, which a quota of
    // another thing's places (QMAS's) does not count.
    const placesOf = expect === "quantity" ? PLACES_OF.exec(asked) : null;
    const placesOwner = placesOf ? this.thingKeys(placesOf[1] ?? placesOf[2], 1) : undefined;
    // "When does BAHK publish its annual impact report?" only by a text that speaks of such a report.
    const timed = WHEN_KINDS.has(expect) ? this.thingKeys(timedThing(asked)) : undefined;
    // "How often are the networking events?" only by a text that says how often of them, not by one that
    // speaks of them and of quarterly townhalls.
    const often = expect === "frequency" ? this.thingKeys(oftenThing(asked)) : undefined;
    // "When was BAHK founded?": the association's own beginning, which only a text speaking of the
    // association says (its name is no word that tells texts apart).
    const timedAssociation = WHEN_KINDS.has(expect) && ASSOCIATION.test(begunThing(asked) ?? "");
    // "How many have been admitted in total?" is not answered by a yearly quota.
    const cumulative = expect === "quantity" && CUMULATIVE.test(asked);
    // "这些领域各有多少名额？": a count for each, which one total does not give.
    const each = expect === "quantity" && EACH_ASKED.test(asked);
    // "Of the 1,000 places, how many go to blockchain people?" is not answered by "1,000 a year".
    const stated = expect === "quantity" ? statedCounts(asked) : undefined;
    // "Do they run any specific projects for the unbanked?" only by a text that speaks of projects.
    const instances = instancesAsked(asked);
    const asking = askingWord(asked);
    // Spoken of in so many words (or the thesaurus's), not merely by a word near it in meaning.
    // A list asked for on its own names its kind ("which universities"); in a follow-up the conversation
    // does. Chinese words have no vectors for near meanings (競爭對手, 城市): there only names are checked.
    const kindNamed =
      expect === "names" || (expect === "list" && resolved === asked && !/[\u4e00-\u9fff]/u.test(asked));
    const named = kindNamed ? this.thingKeys(namedKind(asked), 1) : undefined;
    // "宣言的主要措施有哪些？": the measures of the declaration, not another text's ("one of the major
    // initiatives" of the talent list).
    const ownerOf = expect === "names" ? OWNER.exec(asked) : null;
    const owner = ownerOf ? this.thingKeys(ownerOf[1] ?? ownerOf[2], 1) : undefined;
    // "who can apply for the internships?", "實習計劃的申請資格": who may take part in the internships, not who
    // is eligible under QMAS: answered only from a document that speaks of the internships (a text of
    // QMAS's article need not name QMAS to say who is eligible for it).
    const eligibleFor = expect === "eligibility" ? ELIGIBLE_FOR.exec(asked) : null;
    const scheme = eligibleFor ? this.thingKeys(eligibleFor[1] ?? eligibleFor[2], 1) : undefined;
    const documented = ofAssociation && (r.ranked ?? []).some((c) => c.score >= floor && !this.isBotEntry(c));
    const named0 = this.entitiesIn(asked);
    // "Was Bank of China one of the seven banks?" only by a text that names it (not "seven banks"). Not
    // in a story, whose question may name the story's own things ("is a firm of that kind among them?").
    const member = questionSentences(asked).length === 0 ? this.thingKeys(memberAsked(asked)) : undefined;
    // "Is the internship open to students from overseas universities?" only by a text that speaks of them,
    // in so many words (not "young talent").
    // ("open to international players?": the players are anyone; being international is what is asked.)
    const openTo = this.thingKeys(
      OPEN_TO.exec(asked)?.[1]?.replace(
        /(\w)\s+(?:players?|people|persons?|folks|members?|firms?|companies|company|participants?|ones)(?:\s+too|\s+as well)?$/i,
        "$1",
      ),
      1,
    );
    const ranked = r.ranked ?? [best];
    for (const [i, c] of ranked.entries()) {
      if (c.score < floor) break;
      if (documented && this.isBotEntry(c)) continue;
      const a = this.answerFrom(c, query, asked, expect, lang, own);
      if (
        a &&
        (!owner || this.mentionsAny(a.text, owner)) &&
        (!openTo || this.lexical.coverageOf(openTo, this.sentenceTokens(a.text)) >= OPEN_TO_COVERED) &&
        (!timedAssociation || ASSOCIATION.test(a.text)) &&
        (!scheme || this.docMentions(a.ref ?? "", scheme)) &&
        this.fits(a.text, asked, resolved, {
          object,
          compared,
          counted,
          timed,
          often,
          cumulative,
          each,
          stated,
          placesOwner,
          named,
          named0,
          instances,
          member,
        })
      )
        return { ...a, confidence: Math.max(0, Math.min(1, c.score)), resolved, factual: expect !== "none" };
      // "Does the association run a hackathon?" is answered only by a text that speaks of one. A text
      // that does not ("does BAHK run townhall meetings?" finding the internships) sets no bar for the
      // next; nor does the last answer, which a follow-up's context lifts, when it cannot answer the
      // follow-up ("除了新加坡，還有哪些城市在競爭？" after Singapore's incentives).
      const next = ranked[i + 1];
      const missesObject = a !== undefined && object !== undefined && !this.mentionsAny(a.text, object);
      // "How many extra points do blockchain folks get under the talent scheme?": QMAS's overview, found
      // by the scheme's name, gives no number of points, nor sets a bar for the text that does.
      // (Not in a follow-up, whose context lifts the last answer's texts.)
      const missesCounted =
        counted !== undefined &&
        resolved === asked &&
        !countWindows(a?.text ?? this.answerText(c.ref, lang) ?? "").some((w) => this.mentionsAny(w, counted));
      // "政府的人才清單是在哪一天公布的？" matching "政府為甚麼公佈人才清單？" word for word: a curated
      // question asking another thing of the same subject sets no bar for the texts that answer it.
      const theirs = a === undefined && c.phrasing && c.asked !== undefined ? askingWord(c.asked) : undefined;
      const otherAsking = theirs !== undefined && asking !== undefined && theirs !== asking;
      if (next && expect !== "name" && (missesObject || missesCounted || c.repeat || otherAsking))
        floor = Math.max(threshold, next.score - RUNNER_UP_MARGIN);
    }
    return decline(Math.min(confidence, threshold / 2), true);
  }

  /** Whether an answer's text is of what the question asks about (each check a kind of question makes). */
  private fits(text: string, asked: string, resolved: string, asks: FitChecks): boolean {
    const { object, compared, counted, timed, often, cumulative, each, stated, placesOwner } = asks;
    const { named, named0, instances, member } = asks;
    // "實習名額有多少？" only by a text that counts places of the internships, not QMAS's.
    if (placesOwner && !countWindows(text).some((w) => this.mentionsAny(w, placesOwner))) return false;
    if (object && !this.mentionsAny(text, object)) return false;
    // "How does it compare with Tokyo's?" only by a text that speaks of Tokyo, and not by a list that
    // only names Tokyo among other cities.
    if (compared && (!this.mentionsAny(text, compared) || this.onlyListed(asked, text))) return false;
    // "What's Seoul's policy like?", "首爾的政策又如何？": not by a text that names Seoul only in a list of
    // cities, which says nothing of its own.
    if (this.ownedEntities(asked).some((k) => this.onlyInLists(text, k))) return false;
    if (OTHERS.test(asked) && this.namesNoOthers(text, asked)) return false;
    // "除了新加坡，還有哪些城市在競爭？" only by a text naming a city the conversation has not.
    if (OTHERS.test(asked) && named0.length > 0 && !this.namesEntityBeyond(text, resolved)) return false;
    // "Which sectors will benefit most?" only by a text that says who benefits or gains.
    if (BENEFIT_ASKED.test(asked) && !BENEFIT_SAID.test(text)) return false;
    // "有冇得加分？" only by a text that speaks of points, not by the eligibility criteria beside them.
    if (POINTS_ASKED.test(asked) && !POINTS_SAID.test(text)) return false;
    // "可以加50分，係咪？": a number of points claimed, checked only by a text that gives one.
    if (POINTS_ASKED.test(asked) && /\d/u.test(asked) && !POINTS_COUNTED.test(text)) return false;
    // "Has the SFC approved any crypto ETFs yet?" not by a text that speaks of approvals only as to come.
    if (onlyProspective(text, asked, resolved !== asked)) return false;
    // "Will they increase the quota?" is not answered by the quota as it is.
    if (onlyPresent(text, asked)) return false;
    // "What incentives has Tokyo introduced?" is not answered by a text about Singapore's.
    // ("是香港還是新加坡的方針？", "Hong Kong's or Singapore's?": one of them, which the text names.)
    // (Hong Kong, the documents' own city, is no name told apart: one named in the text is its answer.)
    // (Not "harder or more carefully than Singapore?", a comparison, which a text of both answers.)
    const either = EITHER_OF.test(asked) && !COMPARED.test(asked);
    const namesAsked =
      this.namesAll(text, named0) ||
      (either && HONG_KONG.test(asked) && HONG_KONG.test(text)) ||
      (either && named0.length >= 2 && named0.some((k) => this.namesAll(text, [k])));
    if (named0.length > 0 && !namesAsked && !this.correctsAgent(asked, text, named0)) return false;
    // "How many members does it have?" only by a number of members, not of goals.
    if (counted && !countWindows(text).some((w) => this.mentionsAny(w, counted))) return false;
    if (timed && !this.mentionsAny(text, timed)) return false;
    if (often && !clausesOf(text).some((c) => satisfies("frequency", c) && this.mentionsAny(c, often))) return false;
    // "How many have been admitted in total?" is not answered by a yearly quota.
    if (cumulative && YEARLY.test(text)) return false;
    if (each && new Set(digitCounts(text, { days: false })).size < 2) return false;
    // "1000个名额里面,留给区块链人才的有多少个?" is not answered by a text whose only count is the 1,000.
    if (stated && stated.size > 0) {
      const given = digitCounts(text);
      if (given.length > 0 && given.every((n) => stated.has(n))) return false;
    }
    // "Which charities…?" only by a text that speaks of charities (the names it gives are of those).
    if (named && !this.mentionsAny(text, named)) return false;
    // (The kind may be part of a longer term: "internship programs" speaks of programs.)
    if (instances && !namesKind(text, instances, asked)) return false;
    if (member && this.lexical.coverageOf(member, this.sentenceTokens(text)) < MEMBER_COVERED) return false;
    return true;
  }

  /**
   * Whether a question checks who did something ("was the declaration published by the HKMA?",
   * "政策宣言是金管局發布的嗎？") and a text names someone else of the thesaurus's names: the text
   * corrects the guess, which is its answer.
   */
  private correctsAgent(asked: string, text: string, named: readonly string[]): boolean {
    const m = AGENT_CHECK_EN.exec(asked) ?? AGENT_CHECK_ZH.exec(asked);
    const guess = m?.slice(1).find((g) => g);
    if (!guess) return false;
    const guessed = this.entityKeys(guess);
    const inText = this.entityKeys(text);
    const missing = named.filter((k) => !inText.has(k));
    return missing.length > 0 && missing.every((k) => guessed.has(k)) && [...inText].some((k) => !named.includes(k));
  }

  /** The names (cities, banks, authorities) a question speaks of, by their keys. */
  private entitiesIn(asked: string): string[] {
    if (this.entities.size === 0) return [];
    // What the message asks, not the story around it ("my friend from Seoul told me…").
    const asks = questionSentences(asked);
    // ("My friend in Singapore asked me: does QMAS need a local job?" asks what follows the colon.)
    let text = (asks.length > 0 ? asks.join(" ") : asked).replace(REPORTING_FRAME, "");
    if (!QUESTION_LIKE.test(text)) return [];
    // "我喺新加坡做區塊鏈，想搬嚟香港，係咪一定要搵定份工？": in Chinese the story runs on in clauses before
    // the one that asks.
    const clauses = text.split(/[，,；;]/u);
    const last = clauses.at(-1) ?? "";
    if (/[\u4e00-\u9fff]/u.test(text) && clauses.length >= 3 && CHINESE_ASKING.test(last)) text = last;
    return [...new Set(this.analyze(text).map((t) => t.key))].filter((k) => this.entities.has(k));
  }

  /** The names a question asks something of ("Seoul's policy", "首爾的政策", "東京嘅規管"), by their keys. */
  private ownedEntities(asked: string): string[] {
    if (this.entities.size === 0) return [];
    const owners = [
      ...[...asked.matchAll(/\b([a-z][\w-]*(?: [a-z][\w-]*)?)['’]s\b/giu)].map((m) => m[1] ?? ""),
      // (首爾嗰邊, 首爾那邊: Seoul's side of things.)
      ...[...asked.matchAll(/([\u4e00-\u9fff]{2,6}?)(?:的|嘅|嗰邊|嗰度|那邊|那边|這邊|这边)/gu)].map((m) => m[1] ?? ""),
      // "And what is Seoul doing?", "what about Tokyo?", "東京又點？": one of them, on its own.
      ...[
        ...asked.matchAll(
          /\b(?:what|how) about ([a-z][\w-]*(?: [a-z][\w-]*)?)|\bwhat(?:'s| is| are) ([a-z][\w-]*(?: [a-z][\w-]*)?) (?:\w+ )?doing\b/giu,
        ),
      ].map((m) => m[1] ?? m[2] ?? ""),
      ...[...asked.matchAll(/([\u4e00-\u9fff]{2,6}?)(?:又|呢)(?:點|点|如何|怎樣|怎样|怎麼樣|怎么样)?[？?]?\s*$/gu)].map(
        (m) => m[1] ?? "",
      ),
      // "what policies does Seoul have?", "首爾具體有什麼政策？": what it has of its own (not "除咗新加坡仲有
      // 邊啲對手？", which asks for the others).
      ...[
        ...(OTHERS.test(asked) ? "" : asked).matchAll(
          /\b(?:does|do|did|has|have)\s+([a-z][\w-]*(?: [a-z][\w-]*)?)\s+(?:\w+ly\s+)?(?:have|got|offer|adopt|use|run)\b/giu,
        ),
      ].map((m) => m[1] ?? ""),
      ...[
        ...(OTHERS.test(asked) ? "" : asked).matchAll(
          /([\u4e00-\u9fff]{2,6}?)(?:具體|具体|實際|实际|自己|本身)?(?:有|有冇|有沒有|有没有)(?:什麼|什么|甚麼|咩|乜|哪些|邊啲|边啲)/gu,
        ),
      ].map((m) => m[1] ?? ""),
    ];
    return [...new Set(owners.flatMap((o) => [...this.entityKeys(o)]))];
  }

  /** Whether a text names something only as an item of a list of three or more ("Singapore, Seoul and Tokyo"). */
  private onlyInLists(text: string, key: string): boolean {
    const naming = sentences(text).filter((s) => this.entityKeys(s, true).has(key));
    return (
      naming.length > 0 &&
      naming.every((s) => [...s.matchAll(NAME_LIST)].some((m) => this.entityKeys(m[0], true).has(key)))
    );
  }

  /** Whether the names a question asks about are, in a text, only items of a list of names. */
  private onlyListed(question: string, text: string): boolean {
    const asked = this.entitiesIn(question);
    if (asked.length === 0 || !this.namesAll(text, asked)) return false;
    return this.entityKeys(text, true).size >= asked.length + 1;
  }

  /** Whether a text names someone or something (of the thesaurus's names) that another text does not. */
  private namesEntityBeyond(text: string, other: string): boolean {
    const theirs = this.entityKeys(other);
    return [...this.entityKeys(text, true)].some((k) => !theirs.has(k));
  }

  /**
   * The thesaurus's names a text speaks of, by their keys. A text of the knowledge (`known`: an
   * answer, its sentences) is analysed once and kept; a member's is not kept.
   */
  private entityKeys(text: string, known = false): Set<string> {
    return new Set(
      (known ? this.sentenceTokens(text) : this.analyze(text)).map((t) => t.key).filter((k) => this.entities.has(k)),
    );
  }

  /** Whether a text of the knowledge (an answer) speaks of every one of some names. */
  private namesAll(text: string, names: readonly string[]): boolean {
    const keys = new Set(this.sentenceTokens(text).map((t) => t.key));
    return names.every((k) => keys.has(k));
  }

  /**
   * Whether a text naming part of a list ("seven banks including HSBC and Standard Chartered") names
   * only items already said (in the question that asks for the others).
   */
  private namesNoOthers(text: string, said: string): boolean {
    const m = PARTIAL_LIST.exec(text);
    const listed = (m?.[1] ?? m?.[2] ?? "")
      .split(LIST_SEPARATOR)
      .map((item) => item.trim())
      .filter((item) => item.length > 1);
    // Names: an English list ends at its first lower-case word (", set out to launch…").
    const end = listed.findIndex((item) => /^[a-z]/.test(item));
    if (end >= 0) listed.splice(end);
    if (listed.length === 0) return false;
    const saidTokens = this.sentenceTokens(said);
    return listed.every((item) => {
      const keys = this.thingKeys(item, 1);
      return !keys || this.lexical.coverageOf(keys, saidTokens) >= MENTIONED;
    });
  }

  /**
   * Whether a question asks about a subject none of the texts speaks of ("Can my spouse and children
   * come too?"): in what it asks, not in the story around it, nor as the member's company ("my wife
   * and I are moving…").
   */
  private asksAbsent(asked: string): boolean {
    if (this.absent.size === 0) return false;
    const asks = questionSentences(asked);
    const text = (asks.length > 0 ? asks.join(" ") : asked).replace(WITH_ME, " ").replace(WHEN_I, "");
    return this.analyze(text).some((t) => this.absent.has(t.key));
  }

  /** Whether a question asks what something is ("what is the GDP of…") that no text of the knowledge names. */
  private definesUnknown(asked: string): boolean {
    const thing = DEFINITION.exec(asked)?.[1];
    if (!thing || ASKING_NOUNS.has(thing.toLowerCase())) return false;
    return this.namesOnlyUnknown(thing);
  }

  /** Whether a short follow-up asks what a thing of two words is that no text names ("whats the dress code?"). */
  private asksOfUnknown(question: string): boolean {
    const thing = WHAT_THING.exec(question)?.[1];
    return (
      thing !== undefined &&
      // ("What's the last one?" points at an item by its place, which names nothing.)
      !ORDINAL.test(question) &&
      !thing.split(/\s+/).some((w) => ASKING_NOUNS.has(w.toLowerCase())) &&
      this.namesOnlyUnknown(thing)
    );
  }

  /**
   * Whether a follow-up turns to something no text of the knowledge names: "what about teachers?",
   * 老師呢, "Are accountants included?", 中銀香港有冇份. Pointers ("and the third?", 仲有呢, 你哋呢) name nothing.
   */
  private turnsToUnknown(question: string): boolean {
    const about = ABOUT_THING.exec(question);
    const included = INCLUDED_THING.exec(question);
    // ("do you take old office furniture too?": what is taken is the phrase's last word, its head.)
    const taken = included?.[1]?.trim().split(/\s+/).pop();
    const thing = about?.[1] ?? about?.[2] ?? about?.[3] ?? taken ?? included?.[2] ?? included?.[3];
    if (!thing || ABOUT_POINTER.test(thing) || POINTER_HAN.test(thing)) return false;
    const han = /^[\u4e00-\u9fff]+$/u.test(thing);
    // A word the analyser knows nothing of ("老師") yields no words at all: unknown.
    if (!han || about) return this.namesOnlyUnknown(thing, han);
    // Asked whether a Chinese name is part of it, one word of the name no text has ("中銀" of 中銀香港)
    // names something else.
    const words = this.analyze(thing).filter((t) => Array.from(t.key).length >= 2 && !EVERYDAY_HAN.has(t.key));
    return words.length === 0 || words.some((t) => !this.lexical.has(t.key) && !this.absent.has(t.key));
  }

  /**
   * Whether every word of a phrase (but everyday ones) is one no text of the knowledge has, nor a
   * subject it is known to lack; `wordless` is the answer for a phrase of no words at all.
   */
  private namesOnlyUnknown(thing: string, wordless = false): boolean {
    const tokens = this.lexical.correct(this.analyze(thing)).filter((t) => !EVERYDAY_KEYS.has(t.key));
    if (tokens.length === 0) return wordless;
    return tokens.every((t) => !this.lexical.has(t.key) && !this.absent.has(t.key));
  }

  /** Whether an answer reference (`faq:<id>`) is one of the bot's own help entries. */
  private isBotRef(ref: string): boolean {
    const [kind, id = ""] = ref.split(/:(.*)/s);
    return kind === "faq" && this.faqById.get(id)?.doc === "bot";
  }

  /** Whether a follow-up names nothing (beyond what it asks for) that an earlier answer does not speak of. */
  private namesNothingNew(asked: string, previousRef: string): boolean {
    // "When did they start?" names no thing: starting is what a date is asked of.
    const named = this.namingTokens(withoutAsking(asked).replace(BEGINNING, " "));
    if (named.length === 0) return true;
    return this.covers(previousRef, this.lexical.prepare(named, this.tuning.softFloor, this.tuning.idfPower));
  }

  /** What a question retrieved, only in the document of an earlier answer. */
  private inDocumentOf(r: Retrieval, previousRef: string): Retrieval {
    const doc = this.placeOfRef(previousRef)?.doc;
    return keepCandidates(r, (c) => this.placeOfRef(`${c.kind}:${c.ref}`)?.doc === doc);
  }

  /** What a question retrieved, without the bot's help entries. */
  private withoutBotEntries(r: Retrieval): Retrieval {
    return keepCandidates(r, (c) => !this.isBotEntry(c));
  }

  /** The decision threshold of a language (Chinese questions score lower: their words have no vectors). */
  private thresholdFor(lang: Lang): number {
    return lang === "zh-HK" ? this.tuning.thresholdZh : this.tuning.threshold;
  }

  /**
   * An answer restating part of the knowledge a conversation already reached (a fact of the last
   * answer, the part it belongs to, a goal by its number), just above the decision threshold.
   */
  private restated(text: string, sources: SourceRef[], ref: string, lang: Lang, resolved: string): Answer {
    const confidence = Math.min(1, this.thresholdFor(lang) + AGAIN_MARGIN);
    return { answered: true, text, sources, ref, confidence, resolved, factual: true };
  }

  /** Whether a candidate is one of the bot's own help entries (how to use it), not the association's documents. */
  private isBotEntry(c: Candidate): boolean {
    return c.kind === "faq" && this.faqById.get(c.ref)?.doc === "bot";
  }

  /** The answer a candidate gives, or undefined when it is not the kind of answer asked for. */
  private answerFrom(
    c: Candidate,
    query: PreparedQuery,
    asked: string,
    expect: Expectation,
    lang: Lang,
    own?: PreparedQuery,
  ): Omit<Answer, "confidence"> | undefined {
    if (c.kind === "faq") {
      const e = this.faqById.get(c.ref);
      if (!e) return undefined;
      // A curated question gets its whole answer; a question about a detail of it, that detail.
      const short = c.phrasing ? e.a[lang] : this.concise(query, e.a[lang], own);
      // Shortened to the sentence the question's words find ("…released on August 28"), it may lack what
      // the question asks for (which professions): then the whole answer, if that has it.
      let full = satisfies(expect, short, asked) ? short : e.a[lang];
      // "優才計劃的英文全名是甚麼？": the English name, from the English answer, after the member's own.
      if (expect === "name" && lang !== "en" && ENGLISH_NAME_ASKED.test(asked) && !satisfies(expect, full, asked)) {
        const named = sentences(e.a.en).find((s) => satisfies(expect, s, asked));
        if (named) full = `${e.a[lang]}\n${named}`;
      }
      if (!satisfies(expect, full, asked) || !satisfies(expect, `${e.a.en}\n${e.a["zh-HK"]}`, asked)) return undefined;
      // "Yes."/"No." answers the curated question; another question that found it ("can QMAS help me
      // move to HK?" finding "do I need a job offer first?") gets the facts without the verdict.
      // Nor does a question asking how, why or what ("what internships does it offer?").
      const another =
        !c.asked ||
        this.overlap(c.asked, asked) < SAME_QUESTION ||
        this.overlap(asked, c.asked) < NOTHING_MORE_ASKED ||
        (ONLY_ASKED.test(asked) && !ONLY_ASKED.test(c.asked)) ||
        OPEN_QUESTION.test(asked) ||
        OTHER_KIND_OF_BODY.test(asked);
      const body = another ? withoutVerdict(full) : full;
      return {
        answered: true,
        text: body,
        sources: [this.faqSource(e, lang)],
        ref: `faq:${e.id}`,
        ...(e.doc === "bot" ? { aboutBot: true } : {}),
      };
    }
    const found = this.passageById.get(c.ref);
    if (!found) return undefined;
    // Answered in the member's language where the section is translated; the original is cited.
    const p = this.inLanguage(found, lang);
    const cited = this.original(found);
    const sentencesFound = this.bestSentences(query, p, own);
    // "Which of BAHK's goals is about resources?": the goal's heading names it, whichever sentences answer.
    const body =
      WHICH_PART.test(asked) && /\bgoal\b|目標/iu.test(p.section) && !sentencesFound.includes(p.section)
        ? `${p.section}\n${sentencesFound}`
        : sentencesFound;
    if (!satisfies(expect, body, asked)) return undefined;
    const note = p.lang === lang ? "" : KB_TEXT.englishOnly[lang];
    return {
      answered: true,
      text: note ? `${note}\n${body}` : body,
      sources: [this.passageSource(cited)],
      ref: `passage:${p.id}`,
    };
  }

  /**
   * A curated answer, shortened to the sentences that answer the question when one part of it
   * clearly does ("who does QMAS favour?" gets that sentence, not the scheme's whole description).
   */
  private concise(query: PreparedQuery, answer: string, own?: PreparedQuery): string {
    if (answer.length < CONCISE_FROM_CHARS) return answer;
    return this.relevant(query, answer, KEEP_SHARE, own) ?? answer;
  }

  /**
   * The sentences of a text that bear on the question (each covering at least a quarter as much of
   * it as the best one, at most three, in their order), or undefined when that leaves all of them.
   */
  private relevant(query: PreparedQuery, body: string, share = KEEP_SHARE, own?: PreparedQuery): string | undefined {
    const all = sentences(body);
    if (all.length < 2) return undefined;
    // A follow-up's own words ("and who gets them?") choose the sentences; its context only breaks ties.
    const cover = (s: string) => {
      const t = this.sentenceTokens(s);
      const all = this.lexical.coverageOf(query, t);
      return own ? this.lexical.coverageOf(own, t) + CONTEXT_SENTENCE_WEIGHT * all : all;
    };
    const scored = all.map((s, i) => ({ s, i, c: cover(s) }));
    const top = Math.max(...scored.map((x) => x.c));
    if (top <= 0) return undefined;
    const kept = scored
      .filter((x) => x.c >= top * share)
      .sort((a, b) => b.c - a.c)
      .slice(0, 3)
      .sort((a, b) => a.i - b.i);
    if (kept.length === all.length) return undefined;
    return kept.map((x) => x.s).join(/[\u4e00-\u9fff]/.test(body) ? "" : " ");
  }

  /** The tokens of a sentence of the knowledge, analysed once (the knowledge is fixed while it is open). */
  private sentenceTokens(sentence: string): Token[] {
    let t = this.sentenceCache.get(sentence);
    if (!t) {
      t = this.analyze(sentence);
      if (this.sentenceCache.size < 20_000) this.sentenceCache.set(sentence, t);
    }
    return t;
  }

  /** The sentences of a passage that bear on the question, whole when it is short, bounded in length. */
  private bestSentences(query: PreparedQuery, p: Passage, own?: PreparedQuery): string {
    const text =
      p.text.length <= WHOLE_PASSAGE_CHARS ? p.text : (this.relevant(query, p.text, PASSAGE_KEEP_SHARE, own) ?? p.text);
    return text.length > MAX_ANSWER_CHARS ? `${text.slice(0, MAX_ANSWER_CHARS - 1)}…` : text;
  }

  private path(file: string): string {
    return `${this.knowledgeFolder}/${file}`;
  }

  /** Where a passage of the documents stands, as a source to cite. */
  private passageSource(p: Passage): SourceRef {
    return { title: p.title, path: this.path(p.path), section: p.section };
  }

  private faqSource(e: FaqEntry, lang: Lang): SourceRef {
    if (e.doc === "bot") return { title: KB_TEXT.botSource[lang], path: this.path("faq.json"), section: e.section };
    return { title: this.titleByPath.get(e.doc) ?? e.doc, path: this.path(e.doc), section: e.section };
  }
}
