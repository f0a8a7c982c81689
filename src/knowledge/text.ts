/**
 * Text analysis shared by the local embedder and the lexical scorer:
 * English words (lower-cased, stopwords removed, lightly stemmed) and
 * overlapping character bigrams for Chinese (Han) runs.
 */

import { createHash } from "node:crypto";
import { ConverterFactory } from "opencc-js/core";
import hkVariants from "opencc-js/to/hk";
import { keepNewest } from "../core/bounded.ts";
import { chineseNumber, escapeRegExp } from "../core/text.ts";

// Function words and question boilerplate: they say nothing about the topic.
const STOP = new Set(
  (
    "a about above after again against all also am an and any are aren't as at be because been before being below " +
    "between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each " +
    "either few for from further get gets getting give given go goes going got had hasn't has have haven't having he " +
    "her here hers herself him himself his how however i i'd i'm i've if in into is isn't it it's its itself just " +
    "let let's me might more most much must my myself no nor not now of off on once one only or other ought our ours " +
    "ourselves out over own please same say says shall she should so some something such tell than that that's the " +
    "their theirs them themselves then there there's these they this those through to too under until up upon us " +
    "very want wants was wasn't way we were weren't what what's when where where's which while who who's whom why " +
    "will with won't would wouldn't yes yet you you're your yours yourself yourselves know like need kind sort " +
    "anything everything thing things lot lots really right currently actually any tell explain information info " +
    "details detail question questions answer hi hello hey thanks thank okay ok dear sir madam etc vs per via " +
    "many often guys guy folks stuff kinda sorta basically literally exactly actually anyway whatever nah yeah yep " +
    "gonna wanna lol haha pls plz even ever still already anyone someone somebody mean means meaning meant article articles document documents news story " +
    "report reports mentioned mention mentions according piece post ones called gist k come comes coming " +
    // "How many are there in total?": counting words, not a subject.
    "total altogether overall " +
    // Light verbs of holding an activity ("why do they run networking events?"): the activity says it.
    "run runs running hold holds holding held organize organizes organized organizing see sees saw seen seeing " +
    // Polite hedging ("I was wondering if perhaps you might be able to tell me…", "kindly advise").
    "able perhaps possibly wonder wondering wondered kindly hope indeed " +
    // Reporting a question ("he asked me if actuaries are on that list"): the question says what is asked.
    "asked heard hear hears hearing remind " +
    // A determiner ("if I went to every townhall"): how often is said by the words around it.
    "every " +
    // The possessive a thesaurus term leaves alone when it is read as its canonical word ("BAHK's").
    "s"
  ).split(/\s+/),
);

const HAN_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/gu;
const WORD = /[a-z0-9]+(?:['’][a-z]+)?/g;

/** British spellings folded to one form so "programme" meets "program". */
const SPELLING: Readonly<Record<string, string>> = {
  programme: "program",
  programmes: "programs",
  organise: "organize",
  organised: "organized",
  organises: "organizes",
  organising: "organizing",
  organisation: "organization",
  organisations: "organizations",
  organiser: "organizer",
  organisers: "organizers",
  centre: "center",
  centres: "centers",
  criticised: "criticized",
  utilise: "utilize",
  favour: "favor",
  favours: "favors",
  realise: "realize",
  behaviour: "behavior",
  stationary: "stationery",
  stationaries: "stationery",
  qams: "qmas",
  tshirt: "shirt",
  tshirts: "shirt",
  tees: "shirt",
  tee: "shirt",
  merch: "merchandise",
};

/** Light suffix stripping: plural, -ing, -ed, -ly, -ation. Enough to meet "donations" with "donate". */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith("'s") || w.endsWith("’s")) w = w.slice(0, -2);
  if (w.endsWith("ies") && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith("sses")) return w.slice(0, -2);
  if (w.endsWith("ations") && w.length > 8) return w.slice(0, -4);
  if (w.endsWith("ation") && w.length > 7) return w.slice(0, -3);
  if (w.endsWith("ing") && w.length > 5) return trimDouble(w.slice(0, -3));
  if (w.endsWith("ed") && w.length > 4) return trimDouble(w.slice(0, -2).replace(/i$/, "y"));
  if (w.endsWith("ly") && w.length > 5) return w.slice(0, -2);
  if (w.endsWith("es") && /(?:ss|x|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) w = w.slice(0, -1);
  if (w.endsWith("e") && w.length > 4) w = w.slice(0, -1);
  return w;
}

function trimDouble(w: string): string {
  const m = /([b-df-hj-np-tv-z])\1$/.exec(w);
  const base = m && !/(?:ll|ss|zz)$/.test(w) ? w.slice(0, -1) : w;
  return base.endsWith("e") && base.length > 4 ? base.slice(0, -1) : base;
}

/** One analysed token. */
export interface Token {
  /** The surface form, lower-cased (English) or the bigram itself (Chinese). */
  readonly word: string;
  /** The matching key: the stem for English, the bigram for Chinese. */
  readonly key: string;
  readonly han: boolean;
  /** A function word, kept only when asked for (intent matching). */
  readonly stop?: boolean;
  /** A pair of Chinese characters the dictionary did not join: weak evidence. */
  readonly guess?: boolean;
}

/** A letter typed three times or more in a row: held for emphasis ("sooo", "whyyy", "goood"). */
const HELD_LETTER = /([a-z])\1{2,}/i;
const HELD_LETTERS = /([a-z])\1{2,}/gi;
/** A word of one letter only ("www", "zzz", "iii"): written so, not held. */
const ONE_LETTER = /^([a-z])\1+$/i;

/**
 * A word with letters held for emphasis, as it is meant: once where that makes a function word
 * ("sooo" is "so", "whyyy" "why"), else twice ("goood" is "good", "helllo" "hello").
 */
function unheld(word: string): string {
  if (ONE_LETTER.test(word)) return word;
  const once = word.replace(HELD_LETTERS, "$1");
  return STOP.has(once) || SPELLING[once] !== undefined ? once : word.replace(HELD_LETTERS, "$1$1");
}

/** A text with each word's held letters as meant ({@link unheld}): "goood morning" is "good morning". */
export function unheldWords(text: string): string {
  return HELD_LETTER.test(text)
    ? text.replace(/[a-z]+/gi, (w) => (HELD_LETTER.test(w) && !ONE_LETTER.test(w) ? unheld(w.toLowerCase()) : w))
    : text;
}

/** English content words of a text (lower-cased, stopwords removed, spelling folded). */
export function englishWords(input: string, keepStopwords = false): string[] {
  return englishTerms(input, keepStopwords).map((t) => t.word);
}

/** English words with whether each is a function word. */
function englishTerms(input: string, keepStopwords: boolean): { word: string; stop: boolean }[] {
  const lower = input
    .toLowerCase()
    .replace(/[’]/g, "'")
    .replace(/t-shirts?/g, "tshirt")
    // "take place" is one light verb, being held ("how often do the meetings take place?"), not
    // taking and places: "place" is rare in the knowledge and found the quota's "places".
    .replace(/\b(?:takes?|took|taken|taking) place\b/g, "held")
    // "Why did they make the list in the first place?": at all, not a place (nor a first).
    .replace(/\bin the first place\b/g, " ")
    // "What's the goal of the townhalls?": what an activity is for, not the association's goals.
    .replace(
      /\b(?:goals?|aims?|objectives?)\s+of\s+(?=(?:the\s+|your\s+|these\s+|those\s+|its\s+|their\s+|bahk'?s?\s+)?(?:quarterly\s+)?(?:townhalls?|town halls?|townhall meetings?|meetings?|networking events?|events?|sessions?)\b)/g,
      "purpose of ",
    )
    // "What rules apply?": rules that hold (a light verb), not applying for something.
    .replace(
      /\b(rules?|regulations?|laws?|restrictions?|principles?|standards?|requirements?|conditions?)\s+((?:would|will|do|does|still|also|now)\s+)?appl(?:y|ies)\b/g,
      "$1 $2hold",
    )
    // "Is it true QMAS lets in 1,000 people a year?": the checking, not something true it speaks of.
    .replace(
      /\b(?:is|was|are|isn't) (?:it|that|this|this really|it really|that really) true\b|\btrue (?:or false|that)\b/g,
      "is it",
    )
    // "What does the acronym QMAS stand for?", "QMAS is short for what?": a name spelt out, asked of the
    // name itself; an acronym is no subject of the documents, nor is "short" (read near "shorts", it
    // found the donations of clothing).
    .replace(/\b(?:the\s+|an\s+)?(?:acronyms?|abbreviations?|initialisms?)\b|\babbreviated(?:\s+(?:as|to))?\b/g, " ")
    .replace(/\bshort for\b/g, "stand for")
    // "How can our staff get involved?": a member's own people are the member ("staff" alone is the
    // association's, a subject the documents lack).
    .replace(
      /\b(?:our|my) (?:(?:junior|senior|new|younger|young|own|whole|entire) )?(?:staff|employees|team(?: members)?)\b/g,
      "we",
    )
    // "Which fields does the article list?": the article mentions them; "list" is no subject of it
    // (the talent list's word, which drew the question to the bonus points for listed professions).
    .replace(
      /\b((?:do|does|did)\s+(?:the|this|that|your|their|its|each|both)\s+(?:articles?|documents?|reports?|texts?|pieces?|posts?|declarations?|announcements?)\s+)list\b|\b((?:articles?|documents?|reports?|texts?|declarations?|announcements?)\s+)lists\b/g,
      (_m, a: string | undefined, b: string | undefined) => `${a ?? b ?? ""}mention`,
    );
  const out: { word: string; stop: boolean }[] = [];
  for (const m of lower.matchAll(WORD)) {
    let w = m[0];
    if (w.endsWith("'s")) w = w.slice(0, -2);
    if (HELD_LETTER.test(w)) w = unheld(w);
    const stop = STOP.has(SPELLING[w] ?? w);
    if ((!keepStopwords && stop) || w.length > 40) continue;
    if (/^\d+$/.test(w) && w.length > 6) continue;
    out.push({ word: SPELLING[w] ?? w, stop });
  }
  return out;
}

/**
 * One form of each Chinese character that is written two ways in Traditional Chinese ("戶"/"户",
 * "稅"/"税", "說"/"説"): the Hong Kong form (OpenCC's variants, which a Simplified question is
 * converted to), in questions and knowledge alike. Only for reading: answers keep their text.
 */
const oneVariant = ConverterFactory([], hkVariants);
const VARIANTS_VERSION = "hk-variants-1";

// Function characters of written Chinese and Cantonese: never a token by themselves.
const HAN_STOP = new Set(
  Array.from(
    oneVariant(
      "的是了嗎呢吗吧啊呀我你您他她它們们這这那哪些甚什麼么怎樣样如何幾几多少點点咩嘅係唔冇喺咗啲乜邊边個个會会能要想請请和與与及或在於于也都就還还而且有沒没被把將将對对從从為为之其所㗎嚟哋噉咁喇囉嘛啦先得俾畀問嗰講話咪啱",
    ),
  ),
);

// Function words of two or more characters (when, what, how, whether, now, please…).
const HAN_STOP_WORDS = new Set(
  oneVariant(
    "可以 多少 需要 點樣 点样 點解 會否 会否 會不會 為甚麼 為什麼 为什么 時候 甚麼 什麼 怎麼 為何 是否 可否 應該 应该 現在 现在 目前 請問 请问 知道 告訴 告诉 一下 一些 有關 有关 關於 关于 方面 情況 情况 哪些 哪個 邊個 邊度 係咪 有冇 有沒有 甚麼樣 什麼樣 怎樣 如何 幾多 多久 一定 必須 必要 能夠 能否 係唔係 系咪 系唔系 系唔係 邊幾個 哪幾個 呢個 這個 那個 嗰個 我們 我哋 你們 你哋 他們 佢哋 其實 究竟 到底 幾時 何時 先生 幾耐 幾號 幾月 幾點 幾日 哪天 哪年 哪一年 邊年 邊一年 哪位 邊位 邊間 哪間 哪裡 哪裏 乜嘢 咩嘢 點解 是不是 可唔可以 可不可以 定係 還是 仲未 已經 而家 一般 通常 大概 具體 請問 想問 想知 有咩 有什麼 有甚麼 係咩 是甚麼 是什麼 做咩 做什麼 做甚麼 咁樣 這樣 那樣 一共 總共 好似 好像 似乎 好耐 之前 以前 已经 聽講 听讲 聽說 听说 聽人講 見到 见到 睇到 看到 成日 平時 平时 一直 同埋 以及 唔該 唔该 麻煩 麻烦 請教 请教 打擾 打扰 各位 大家 老師 老师 其他 另外 仲有 還有 还有 想請教 順便 顺便 入面 裏面 裡面 里面 見到話 聽到話 講咩 講緊 意思 意味 含義 含意 指乜 指甚麼 指什麼 文章 新聞 報道 報導 提到 提及 根據 文件 嗰篇 呢篇 這篇 那篇 大約 大约 大概 差不多 左右 包括 包含 包括咗 涵蓋 涵盖 預計 预计 預期 预期 預定 预定 估計 估计 能不能 能唔能 會唔會 会不会 行不行 得唔得 使唔使 使不使 用不用 要不要 要唔要 舉辦 舉行 主辦 籌辦 搞 相關 相关",
  ).split(" "),
);

/** Changes whenever the function words change, so that indexes built with other ones are rebuilt. */
export const ANALYZER_FINGERPRINT = createHash("sha256")
  .update(
    [
      ...STOP,
      "|",
      ...HAN_STOP,
      "|",
      ...HAN_STOP_WORDS,
      "|",
      VARIANTS_VERSION,
      "|hedges-1|first-place-1|take-place-1|begin-doing-1|numeral-end-1|month-figures-1|article-lists-1|is-it-true-1|rules-apply-1|goal-of-activity-1|acronym-1|own-staff-1",
    ].join(" "),
  )
  .digest("hex")
  .slice(0, 12);

const HAN_WORDS = new Intl.Segmenter("zh-Hant", { granularity: "word" });

/** A segmented word without leading or trailing function words or characters ("" when nothing else is left). */
function stripFunction(word: string): string {
  let w = word;
  for (let changed = true; changed && w; ) {
    changed = false;
    for (const f of HAN_STOP_WORDS) {
      if (w.length > f.length && w.endsWith(f)) {
        w = w.slice(0, -f.length);
        changed = true;
      } else if (w.length > f.length && w.startsWith(f)) {
        w = w.slice(f.length);
        changed = true;
      }
    }
  }
  const chars = Array.from(w);
  return chars.every((c) => HAN_STOP.has(c)) ? "" : w;
}

/**
 * Chinese words of a text, found by the ICU word segmenter (Intl.Segmenter), without function
 * words. Runs of single characters the dictionary does not join ("優|才") also give their pairs,
 * and long words their inner pairs, so that two segmentations of the same phrase still meet;
 * `unigrams` adds every content character (for misspelt characters).
 */
export function hanGrams(input: string, unigrams = false): string[] {
  return hanTerms(input, unigrams).map((t) => t.gram);
}

/** Chinese terms with whether each is a guess (a pair of single characters the dictionary did not join). */
function hanTerms(input: string, unigrams = false): { gram: string; guess: boolean }[] {
  const out: { gram: string; guess: boolean }[] = [];
  const push = (gram: string, guess = false) => out.push({ gram, guess });
  for (const m of input.matchAll(HAN_RUN)) {
    let singles: string[] = [];
    const flush = () => {
      if (singles.length === 1 && !unigrams) push(singles[0] ?? "");
      for (let i = 0; i + 1 < singles.length; i++) {
        const pair = `${singles[i]}${singles[i + 1]}`;
        if (!HAN_STOP_WORDS.has(pair)) push(pair, true);
      }
      singles = [];
    };
    for (const seg of HAN_WORDS.segment(m[0])) {
      // A word made of function characters ("我想", "我的"), or ending in a function word ("做什麼"), is reduced to its content.
      const w = stripFunction(seg.segment);
      if (!w || HAN_STOP_WORDS.has(w) || (w.length === 1 && HAN_STOP.has(w))) {
        flush();
        continue;
      }
      const chars = Array.from(w);
      if (chars.length === 1) {
        singles.push(w);
        if (unigrams) push(w);
        continue;
      }
      flush();
      push(w);
      if (chars.length >= 3) for (let i = 0; i + 1 < chars.length; i++) push(`${chars[i]}${chars[i + 1]}`);
      if (unigrams) for (const c of chars) if (!HAN_STOP.has(c)) push(c);
    }
    flush();
  }
  return out;
}

/** A group of terms that mean the same (knowledge/thesaurus.json). */
export interface ThesaurusGroup {
  readonly canonical: string;
  readonly terms: readonly string[];
  /** A name (a city, a bank, an authority), not a word for a thing. */
  readonly entity?: boolean;
}

/** Analyses a text into tokens (see {@link analyse}). */
export type Analyzer = (input: string, keepStopwords?: boolean) => Token[];

interface TrieNode {
  readonly next: Map<string, TrieNode>;
  end: boolean;
}

/**
 * One pattern for many terms, as a prefix tree: `a(?:b(?:c|d)|e)` for "abc", "abd" and "ae".
 * At each place of a text the engine follows the one branch the text spells, and takes the
 * longest term found there (a branch goes on before a term that ends): what an alternation of
 * the terms sorted longest first matches, without trying every term at every place. `end` is
 * what must follow a term (`\b`), or `endAfter` of the term's last character where it says;
 * `lower` folds the terms (for a case-insensitive pattern).
 */
function trieSource(
  terms: readonly string[],
  end: string,
  lower: boolean,
  endAfter?: (last: string) => string,
): string {
  const root: TrieNode = { next: new Map(), end: false };
  for (const term of terms) {
    let node = root;
    for (const ch of lower ? term.toLowerCase() : term) {
      let child = node.next.get(ch);
      if (!child) {
        child = { next: new Map(), end: false };
        node.next.set(ch, child);
      }
      node = child;
    }
    node.end = true;
  }
  const source = (node: TrieNode, last: string): string => {
    const alts = [...node.next].map(([ch, child]) => escapeRegExp(ch) + source(child, ch));
    if (node.end) alts.push(endAfter?.(last) ?? end);
    return alts.length === 1 ? (alts[0] as string) : `(?:${alts.join("|")})`;
  };
  return source(root, "");
}

/**
 * An analyser that first reads every term of a thesaurus group as the group's canonical word
 * ("會員大會", "town hall" → "townhall"), in questions and knowledge alike. Longer terms first.
 */
export function analyzer(groups: readonly ThesaurusGroup[] = []): Analyzer {
  const terms = groups
    .flatMap((g) => g.terms.map((t) => ({ term: HAN_ANY.test(t) ? oneVariant(t) : t, canonical: g.canonical })))
    .sort((a, b) => b.term.length - a.term.length);
  if (terms.length === 0) return analyse;
  const canonicalOf = new Map(terms.map((t) => [t.term.toLowerCase(), t.canonical]));
  // Latin and Chinese terms apart: a text without Han characters never runs the Chinese pattern.
  const latin = terms.filter((t) => /^[\x00-\x7f]+$/.test(t.term));
  const han = terms.filter((t) => !/^[\x00-\x7f]+$/.test(t.term));
  const reLatin = new RegExp(
    `\\b${trieSource(
      latin.map((t) => t.term),
      "\\b",
      true,
    )}`,
    "gi",
  );
  const reHan = new RegExp(
    trieSource(
      han.map((t) => t.term),
      "",
      false,
      (last) => (HAN_NUMERALS.includes(last) ? NUMERAL_GOES_ON : ""),
    ),
    "gu",
  );
  const swap = (m: string) => ` ${canonicalOf.get(m.toLowerCase()) ?? m} `;
  // A message is analysed several times as it is read and answered (its intent, its retrieval, its
  // checks): the last few analyses are kept, and each caller gets an array of its own.
  const recent = new Map<string, Token[]>();
  const analyzeKept: Analyzer = (raw, keepStopwords = false) => {
    const key = keepStopwords ? `+${raw}` : `-${raw}`;
    let tokens = recent.get(key);
    if (tokens) {
      recent.delete(key);
    } else {
      tokens = analyzeFresh(raw, keepStopwords);
    }
    recent.set(key, tokens);
    keepNewest(recent, RECENT_ANALYSES);
    return [...tokens];
  };
  const analyzeFresh: Analyzer = (raw, keepStopwords = false) => {
    const input = HAN_ANY.test(raw) ? oneVariant(raw) : raw;
    // "who actually ends up with the…" is "who ends up with the…": a hedge (a stopword) never breaks a term.
    const plain = input.replace(HEDGES, "").replace(BEGIN_DOING, "");
    let text = latin.length > 0 && /[a-z]/i.test(plain) ? plain.replace(reLatin, swap) : plain;
    if (han.length > 0 && HAN_ANY.test(text)) text = text.replace(reHan, swap);
    return analyse(text, keepStopwords);
  };
  return analyzeKept;
}

/** How many analyses of recent texts an analyzer keeps. */
const RECENT_ANALYSES = 32;

const HAN_ANY = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;
const HAN_NUMERALS = "一二三四五六七八九十";
/**
 * A term that ends in a numeral ("目標一", goal one) is no term where the numeral begins a word of
 * its own: "目標一共有幾多個？" (in all), "目標一致" (agreed), 一起, 一直, 一定, 一些, 三十, 五百.
 */
const NUMERAL_GOES_ON = "(?![共致起直定些般樣切點同齊十百千萬])";
/** Hedges, all stopwords, that may stand inside a thesaurus term ("who actually gets"). */
const HEDGES = /\s+(?:actually|really|even|exactly|basically|literally)\b/gi;
/** "Start coming to the townhalls": a member beginning to take part, not a launch; the taking part counts. */
const BEGIN_DOING =
  /\b(?:start|starts|started|starting|begin|begins|began|begun)\s+(?=(?:coming|attending|going|joining|participating|taking part|showing up|turning up|volunteering|helping|donating|contributing)\b)/gi;

/**
 * A pattern written in data files (intents' patterns, topics and concepts), case-insensitive. The
 * `u` flag is left off where it changes nothing a member writes: no code point escapes or Unicode
 * properties, and only characters of the Basic Multilingual Plane (Latin, Chinese). V8 matches
 * such a pattern several times faster without it (`/iu` folds case by Unicode's tables at each
 * character); what it gives up is the folding of ſ and K (Kelvin) into s and k, and an emoji in
 * the text counts as two characters in a bounded gap such as `.{0,30}`.
 */
export function caseless(source: string, flags = ""): RegExp {
  const unicode = /\\[pP]|\\u\{|[\ud800-\udfff]/.test(source);
  return new RegExp(source, `${flags}i${unicode ? "u" : ""}`);
}

const MONTH_IN_NUMERALS = /(?<![一二三四五六七八九十百千萬兩幾几個个])(十[一二]|[一二三四五六七八九十])月/gu;

/**
 * Months written in Chinese numerals in figures, as the documents write them: "八月" is "8月" (the
 * talent list came out on 8月28日: "人才清單係八月幾號出㗎？" shared no term with it). A numeral
 * that ends a longer number or a count ("三個月", "十幾月") is left alone.
 */
export function monthFigures(text: string): string {
  return text.includes("月") ? text.replace(MONTH_IN_NUMERALS, (_, n: string) => `${chineseNumber(n)}月`) : text;
}

/** Every token of a text, English words first; stopwords only when asked. */
export function analyse(raw: string, keepStopwords = false): Token[] {
  const input = HAN_ANY.test(raw) ? monthFigures(oneVariant(raw)) : raw;
  const en = englishTerms(input, keepStopwords).map(({ word, stop }) =>
    stop ? { word, key: stem(word), han: false, stop } : { word, key: stem(word), han: false },
  );
  const zh = hanTerms(input, true).map(({ gram, guess }) =>
    guess ? { word: gram, key: gram, han: true, guess } : { word: gram, key: gram, han: true },
  );
  return [...en, ...zh];
}

/** Optimal string alignment distance, giving up (returning max+1) past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const prev2 = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(0);
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      cur[j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    for (let j = 0; j <= b.length; j++) prev2[j] = prev[j] ?? 0;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

/** Splits a passage into sentences (English full stops, Chinese 。！？). */
export function sentences(input: string): string[] {
  return input
    .replace(/\s+/g, " ")
    .split(/(?<=[.!?。！？])\s+(?=["“A-Z0-9\u4e00-\u9fff])|(?<=[。！？])/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const KIN_EN =
  "cousin|friend|wife|husband|partner|brother|sister|son|daughter|mum|mom|dad|father|mother|parents?|colleague|coworker|co-worker|boss|manager|uncle|aunt|niece|nephew|kid|child|client|relative|buddy|mate|gf|bf|girlfriend|boyfriend|fiancee?|housemate|roommate|flatmate|classmate|neighbou?r|employee|teammate|staff";
const KIN_ZH =
  "(?:表|堂)?(?:朋友|老婆|老公|太太|先生|丈夫|妻子|兄弟|姊妹|姐妹|姐姐|家姐|妹妹|哥哥|弟弟|細佬|仔|女|兒子|女兒|儿子|女儿|同事|老闆|老板|老細|上司|經理|经理|阿叔|舅父|姨|客戶|客户|家人|屋企人|親戚|亲戚|爸爸|媽媽|妈妈|阿爸|阿媽|老豆|男朋友|女朋友|同學|同学|鄰居|邻居|員工|员工|下屬|下属|妹|弟|哥|姐|兄)";

/** Someone of the member's own, not the member ("my cousin", "my boss", "我表妹", "我同事"). */
export const SOMEONE_OF_MINE = new RegExp(`\\bmy (?:\\w+ )?(?:${KIN_EN})s?\\b|我(?:的|嘅)?${KIN_ZH}`, "iu");
