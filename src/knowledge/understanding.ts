/**
 * Reads a member's free text the way a person would before answering: markup
 * and emoji around it are ignored, Simplified Chinese is read as Traditional,
 * greetings and padding ("hi all, quick question…", "thanks in advance") are
 * set aside (and remembered as a greeting or thanks), and what remains is
 * classified against the declared intents.
 */
import { ACKNOWLEDGEMENT, type Reading, type Script, type Understanding } from "../core/ports.ts";
import { escapeRegExp, hasWords } from "../core/text.ts";
import { ChineseScripts } from "./chinese.ts";
import type { IntentClassifier, IntentsFile } from "./intents.ts";
import { unheldWords } from "./text.ts";

/** One emoji's part: a pictograph, a skin tone, the emoji presentation selector or a joiner. */
const EMOJI_PART = String.raw`(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u{FE0F}|\u{200D})`;
/** Emoji that end a sentence ("…family dinner 😂 Which cities…"): a sentence's end still. */
const EMOJI_ENDING = new RegExp(String.raw`(?<=[\p{L}\p{N}])[ \t]*(?:${EMOJI_PART}[ \t]*)+(?=[A-Z])`, "gu");
const EMOJI = new RegExp(EMOJI_PART, "gu");

/** Tags, Markdown emphasis and code marks, quote marks at line starts, emoji and pictographs, asides on spelling. */
export function stripMarkup(text: string): string {
  return (
    text
      .replace(/<\/?[a-z][^<>]{0,200}>/gi, " ")
      .replace(/&(?:nbsp|amp|lt|gt|quot|#39);/g, (m) => ({ "&amp;": "&", "&lt;": "<", "&gt;": ">" })[m] ?? " ")
      .replace(/\*\*|__|~~|`+/g, " ")
      // Links and e-mail addresses say where something is, not what is asked ("saw it on
      // https://example.org/goals — what does it mean?").
      .replace(/\b(?:https?:\/\/|www\.)[^\s<>"'）)]+/gi, " ")
      .replace(/\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g, " ")
      // A bot addressed by its handle ("yo @bahk_bot how many…", "@bot pls"): Telegram's bot usernames all
      // end in "bot". Whom the message is for, not what it asks.
      .replace(/(?<![\w@])@\w*bot\b/giu, " ")
      // A quoted line ("> Amy: townhalls are monthly"): what was said, without who said it.
      .replace(/^\s*>+\s?(?:[A-Z][\w.'-]{0,20}(?: [A-Z][\w.'-]{0,20})?:\s+)?/gm, "")
      .replace(EMOJI_ENDING, ". ")
      .replace(EMOJI, " ")
      // Asides about the writing itself ("incluson (sp?)", "(sic)", "(lol)"): not what is asked.
      .replace(/\s*[(（](?:sp\.?\??|sic|spelling\??|spelt\??|lol|lmao|haha+|jk)[)）]/giu, " ")
      .replace(/[ \t]+/g, " ")
      .trim()
  );
}

/**
 * A letter's closing on a line of its own, and the few short lines after it to the end: the writer's
 * name, post and firm ("With thanks and best wishes,\nAmanda Siu\nSolicitor", "此致\n陳大文").
 */
const SIGN_OFF =
  /\n[ \t]*(?:(?:with\s+)?(?:best|kind|warm|warmest|many)\s+(?:regards|wishes|thanks)|regards|rgds|(?:yours\s+)?(?:sincerely|faithfully|truly)|thanks(?:\s+(?:again|in advance|a lot|so much))?|thank\s+you(?:\s+(?:very much|in advance|again|so much))?|with\s+thanks(?:\s+and\s+(?:best|kind)\s+(?:wishes|regards))?|cheers|best|此致(?:敬禮)?|順祝[^\n]{0,8}|祝好|謝謝|多謝|感謝)[ \t]*[,，!！.。]?(?:[ \t]*\n[^\n]{1,60}){1,4}\s*$/iu;
/** A line that asks something: not a signature. */
const ASKING_LINE =
  /[?？]|\b(?:what|how|when|who|where|why|which|can|could|is|are|do|does|did|will|would|should|may)\b|[嗎嘛呢咩乜點邊幾]|甚麼|什麼|如何|怎/iu;

/**
 * A message without the closing of a letter and the signature after it. (Its salutation stays: "Dear
 * BAHK team," may name what a question's "you" is.)
 */
export function withoutSignOff(text: string): string {
  const m = SIGN_OFF.exec(text);
  return m && m.index > 0 && !ASKING_LINE.test(m[0].trim().split("\n").slice(1).join("\n"))
    ? text.slice(0, m.index)
    : text;
}

/** A thing numbered by the digit after it ("goal 2 for the association", "number 2 is…"): no shorthand. */
const NUMBERED = /\b(?:goals?|objectives?|pillars?|number|no)$/i;
/** Words that follow a number as its count ("4 thousand", "2 banks"): the digit stays a digit. */
const COUNTED =
  /^(thousand|hundred|million|billion|k|m|people|persons?|years?|months?|weeks?|days?|hours?|points?|pcs|pieces|items|boxes|times|more|or|and|banks?|professions?|jobs?|cities|goals?|tests?)\b/i;

/** Words only Cantonese writes (嘅, 係, 咩, 㗎…): a message with one is Cantonese. */
const CANTONESE = /[嘅咩㗎嘢喺冇咗佢哋唔]|係咪|點解/u;
const GREETING = "greeting";
/** Intents that are conversation, not requests (an acknowledgement: an "ok", "got it" or "haha" alone). */
const SOCIAL = new Set(["greeting", "thanks", "smalltalk", ACKNOWLEDGEMENT]);
const THANKS = "thanks";
/** The intent of passing a message to the organisers: an action, though no command of its own. */
const HANDOFF = "handoff";

interface Filler {
  readonly phrase: string;
  readonly han: boolean;
  /** The social intent the phrase expresses, if any. */
  readonly social?: string;
}

const SEPARATORS = /^[\s,.!?~:;，。！？～：；、\-–—…]+/u;

/** Options of {@link LocalUnderstanding}. */
export interface UnderstandingOptions {
  readonly intents: IntentsFile;
  readonly classifier: IntentClassifier;
  readonly scripts?: ChineseScripts;
  /**
   * The documents' own words in lower case, each under its letters alone ("nonprofit" → "non-profit"):
   * a term of theirs typed or dictated apart ("the f s t b", "fin tech week", "non profit") is read as
   * they write it.
   */
  readonly words?: ReadonlyMap<string, string>;
}

/** Padding that opens a check of what was understood ("so…", "ok so…"). */
const CHECK_SO = /^(?:(?:ok|okay)\s+)?so$/;
/** A statement asked as a question ("it's 50 extra points?", "HK is playing it safer?"): a check, not a new question. */
const STATEMENT_ASKED =
  /^[\s,]+(?![^?]*\b(?:what|how|why|when|where|who|which)\b)(?:it|it's|its|that|that's|thats|they|they're|theyre|this|these|those|he|she|there|there's|hk|hong kong|the [a-z-]+|[a-z]+ (?:is|are|was|were))\b[^?]*\?\s*$/iu;

/** "你好嗎？", "您好唔好呀": how the bot is, and nothing else. */
const HOW_ARE_YOU_ALONE = /^(?:你|您)好(?:[嗎嘛麼]|(?:唔|不)好)[呀啊吖呢？?！!。~～\s]*$/u;

/**
 * Whether a Chinese greeting is how the bot is, asked and nothing else ("你好嗎？"): small talk then, not
 * a greeting to set aside (before a question, "您好嗎？請問…", it is set aside).
 */
function asksHowIAm(f: Filler, text: string): boolean {
  return f.han && f.social === GREETING && HOW_ARE_YOU_ALONE.test(text);
}

/** What is left after a thanks or greeting said aside asks something. */
const ASKS =
  /[?？]|[嗎吗呢咩]\s*$|^(?:who|what|when|where|why|how|which|is|are|was|were|do|does|did|can|could|will|would|should)\b|^(?:點解|點樣|為甚麼|為什麼|甚麼|幾多|幾時|邊|有冇|有沒有|係咪|是否|可唔可以|可不可以|能不能|如何|怎樣|怎麼)/iu;

/** A name after a greeting or thanks, set off by punctuation ("thanks Ray!!", "hi @amy,"): whom it is for. */
const ADDRESSEE = /^\s+(?:@\w+|[A-Z][a-z]{1,15})(?=[,.!~:;…]+)/u;

/** A quoted phrase ("…", “…”, 「…」, 『…』). */
const QUOTED = /「[^」]*」|『[^』]*』|“[^”]*”|"[^"]*"/gu;

/** The embedded understanding: no network, no model. */
export class LocalUnderstanding implements Understanding {
  /** Chinese chat words and what they stand for (the slang entries written in Chinese). */
  private readonly hanSlang: ReadonlyMap<string, string>;
  private readonly hanSlangKey: RegExp | undefined;
  private readonly fillers: Filler[];
  private readonly scripts: ChineseScripts;

  constructor(private readonly opts: UnderstandingOptions) {
    this.scripts = opts.scripts ?? new ChineseScripts();
    this.hanSlang = new Map(Object.entries(opts.intents.slang).filter(([word]) => /\p{Script=Han}/u.test(word)));
    const keys = [...this.hanSlang.keys()].sort((a, b) => b.length - a.length);
    this.hanSlangKey = keys.length > 0 ? new RegExp(keys.map(escapeRegExp).join("|"), "gu") : undefined;
    const greetings = new Set(
      [...(opts.intents.intents.find((i) => i.name === GREETING)?.examples.en ?? [])].map((s) => s.toLowerCase()),
    );
    const thanks = opts.intents.intents.find((i) => i.name === THANKS);
    const thanksSet = new Set([...(thanks?.examples.en ?? []), ...(thanks?.examples["zh-HK"] ?? [])]);
    const greetZh = new Set(opts.intents.intents.find((i) => i.name === GREETING)?.examples["zh-HK"] ?? []);
    const all = [...opts.intents.filler.en, ...opts.intents.filler["zh-HK"]];
    this.fillers = all
      .map((phrase) => {
        const p = phrase.toLowerCase();
        const social =
          greetings.has(p) ||
          greetZh.has(phrase) ||
          /^(good )?(morning|afternoon|evening)$|^h(i|ello|ey)\b|^(?:你|您|大家|各位)好(?:嗎|唔好)?$/u.test(p)
            ? GREETING
            : thanksSet.has(phrase) || /^(thank|thx|ty$|cheers|many thanks)/.test(p)
              ? THANKS
              : undefined;
        return { phrase: p, han: /\p{Script=Han}/u.test(p), ...(social ? { social } : {}) };
      })
      .sort((a, b) => b.phrase.length - a.phrase.length);
  }

  /** Loads the Chinese dictionaries in the background. */
  warm(): Promise<void> {
    return this.scripts.warm();
  }

  script(text: string): Promise<Script | undefined> {
    return this.scripts.script(text);
  }

  toSimplified(texts: readonly string[]): Promise<string[]> {
    return Promise.all(texts.map((text) => this.scripts.toSimplified(text)));
  }

  async read(raw: string): Promise<Reading> {
    let text = unheldWords(stripMarkup(raw));
    if (ChineseScripts.hasHan(text) && (await this.scripts.script(text)) === "hans") {
      text = await this.scripts.toTraditional(text);
    }
    text = withoutSignOff(text);
    const { rest: padded, social } = this.setAside(text);
    const rest = this.unslang(padded);
    // Thanks and small talk are read on the whole message: "謝謝你的幫助" is thanks, not a question about help.
    const unslanged = this.unslang(text);
    // Words in quotes are mentioned, not said: "translate 「多謝晒」 into English" is no thanks.
    // Chat words that say nothing ("ok", "lol") are dropped as slang; a message of nothing else is read as
    // it came, and a reaction sent alone ("😂😂", "👍🏻") with its pictographs, which are all it says.
    const said = hasWords(unslanged) ? unslanged : hasWords(text) ? text : raw.trim();
    const whole = this.opts.classifier.byPattern(said.replace(QUOTED, " … "));
    const wholeSocial = whole && SOCIAL.has(whole.name) ? whole : undefined;
    const own = rest
      ? this.opts.classifier.classify(rest.replace(QUOTED, " … "), { text: unslanged, match: whole })
      : undefined;
    // …unless what remains asks for an action in so many words ("delete all my data, thanks", "put me
    // through to an organiser thx"), or the thanks was said aside and a question follows ("Thank you.
    // Are these meetings part of a goal?").
    const asksAction =
      own !== undefined && (own.command !== undefined || own.name === HANDOFF) && own.via !== "examples";
    const asksAfter = social !== undefined && rest !== "" && ASKS.test(rest);
    const intent = asksAction || asksAfter ? own : (wholeSocial ?? own);
    // Nothing but padding left: the whole message was the greeting or thanks ("多謝晒").
    const socialMatch = social ? this.opts.classifier.named(social, 1) : rest ? undefined : wholeSocial;
    return { question: rest, ...(socialMatch ? { social: socialMatch } : {}), ...(intent ? { intent } : {}) };
  }

  /**
   * A term of the documents spelt apart, letter by letter ("the f s t b", "a q m a s quota") or in two
   * words ("fin tech week", "non profit"), joined again: only where the joined word is the documents' own.
   */
  private joinSpeltApart(text: string): string {
    const words = this.opts.words;
    if (!words || words.size === 0) return text;
    const letters = text.replace(/\b[a-z](?:\s[a-z]\b){1,7}/gi, (run) => {
      const joined = run.replace(/\s/g, "").toLowerCase();
      const written = words.get(joined);
      if (written) return written;
      // "is there a q m a s quota": the article before the letters is not one of them.
      const after = /^[ai]\s/i.test(run) && joined.length >= 3 ? words.get(joined.slice(1)) : undefined;
      return after ? `${run[0]} ${after}` : run;
    });
    // Word by word (each pair overlapping the next: "at fin tech week").
    const parts = letters.split(/(\s)/);
    for (let i = 0; i + 2 < parts.length; i += 2) {
      const a = parts[i] ?? "";
      // (The second word may end the sentence: "is it a non profit?")
      const [, b = "", end = ""] = /^([a-z]{2,})([^a-z]*)$/i.exec(parts[i + 2] ?? "") ?? [];
      if (parts[i + 1] !== " " || !/^[a-z]{2,}$/i.test(a) || !b) continue;
      const written = words.get(`${a}${b}`.toLowerCase());
      if (written && written.length >= 6 && !(words.has(a.toLowerCase()) && words.has(b.toLowerCase()))) {
        parts.splice(i, 3, `${written}${end}`);
        i -= 2;
      }
    }
    return parts.join("");
  }

  /**
   * Chat shorthand spelt out ("r naval architects wanted in hk??" → "are naval architects wanted in
   * hong kong"). Digits stand for words only between words ("rivals 4 crypto hub"), never in numbers.
   */
  unslang(text: string): string {
    const slang = this.opts.intents.slang;
    return (
      this.joinSpeltApart(text)
        // "no I meant the internship not the immigration thing - …": what was meant, without what was not.
        .replace(
          /\b(i\s+mean(?:t)?|i'?m\s+(?:talking|asking)\s+about)\s+([^,.;!?\-–—]{1,60}?)\s*,?\s+(?:and\s+)?not\s+[^,.;!?\-–—]{1,40}/gi,
          "$1 $2 ",
        )
        // "can individuals donate too, not just companies?": what is asked of, without what is set beside it.
        .replace(/,?\s+(?:and\s+)?not\s+(?:just|only)\s+[^,.;:!?]{1,40}?(?=\s*[?.!]+\s*$|\s*$)/gi, "")
        // "when did the talent list drop?", "who dropped the policy declaration?": came out (not goods
        // dropped off, nor a topic dropped by someone).
        .replace(
          /\b(when|wen)\b([^?？.!]{0,40}?\s)drop(?:s|ped)?\b(?!\s+(?:off|by|out|in|it|them|my|our|the|a|an|these|those|some|me|us)\b)/gi,
          "$1$2released",
        )
        .replace(
          /\b(when|wen|who)\b([^?？.!]{0,40}?\s)drop(?:s|ped)?(?=\s+the\s+(?:[\w-]+\s+){0,3}(?:policy|declaration|list|report|announcement|statement|paper|plan|article|news)\b)/gi,
          "$1$2released",
        )
        // "幾耐搞一次？唔係講townhall呀，係講嗰啲mixer": what was meant, without what was not.
        .replace(
          /(?:唔係|不是)(?:講緊|讲紧|講|讲|問緊|问紧|問|问|指)\s*[^，,。！？?\s]{1,20}?[呀啊㗎喎嘛]*[，,、\s]*(?=(?:係|是)(?:講|讲|問|问|指))/gu,
          "",
        )
        // "tee shirts", as a phone hears "T-shirts".
        .replace(/\btee[\s-]+shirt(s?)\b/gi, "t-shirt$1")
        // "how many ppl/yr?": so many a year ("per"), each word read on its own.
        .replace(/\b([a-z]+)\/(yrs?|years?|annum|mo|months?|wk|weeks?|day)\b/gi, "$1 per $2")
        // "qmas started 2008 ya?": a statement checked, "…, right?", not "you".
        .replace(/(?<!\bsee\s+)(?<=\S\s+)(?:ya|yah|yea|yeah)\s*(?=[?？]+\s*$)/i, "right")
        .replace(
          /(^|[\s(]|\p{Script=Han})([a-z][a-z0-9'/]*?|[124])('s)?(?=[\s,.!?)]|\p{Script=Han}|$)/giu,
          (m, pre: string, word: string, s: string | undefined, at: number) => {
            const to = slang[word.toLowerCase()];
            if (to === undefined) return m;
            if (/^\d$/.test(word)) {
              const before = text.slice(0, at + pre.length).trimEnd();
              const after = text.slice(at + m.length).trimStart();
              if (!/[a-z]$/i.test(before) || !/^[a-z]/i.test(after) || COUNTED.test(after) || NUMBERED.test(before))
                return m;
            }
            return `${pre}${to}${s ?? ""}`;
          },
        )
        // Mainland chat words: 啥 is 甚麼, 咋 is 怎麼 ("咨询啥时候结束？"); but one ending a Cantonese
        // sentence is a particle ("淨係識吓朋友咋？": only to make friends?).
        .replace(this.hanSlangKey ?? /(?!)/u, (m, at: number, whole: string) =>
          m.length === 1 && CANTONESE.test(whole) && /^(?:[?？!！。，,\s]|$)/u.test(whole.slice(at + 1))
            ? m
            : (this.hanSlang.get(m) ?? m),
        )
        // "五個目標分別是甚麼": 分別 before 是 means "respectively", not "the difference" as in
        // "兩者的分別是甚麼" (after 的, 嘅, 咩 …), which asks for a comparison.
        .replace(/(?<![的嘅咩乜麼么大主要啲些個个])分[別别](?=[是係為为])/gu, "")
        .replace(/\s{2,}/g, " ")
        .trim()
    );
  }

  /** Removes greetings and padding at both ends; returns what remains and the social intent they expressed. */
  setAside(text: string): { rest: string; social?: string } {
    let rest = text.trim();
    let social: string | undefined;
    const note = (f: Filler) => {
      if (f.social === GREETING || (f.social === THANKS && !social)) social = f.social;
    };
    for (let changed = true; changed; ) {
      changed = false;
      rest = rest.replace(SEPARATORS, "");
      const lower = rest.toLowerCase();
      for (const f of this.fillers) {
        if (!lower.startsWith(f.phrase)) continue;
        const after = lower.slice(f.phrase.length);
        if (!f.han && after && !/^[\s,.!?~:;，。！？\-–—…]/u.test(after)) continue;
        if (asksHowIAm(f, lower)) continue;
        // "So it's 50 extra points?": a check of what was just said keeps its "so".
        if (CHECK_SO.test(f.phrase) && STATEMENT_ASKED.test(after)) break;
        rest = rest.slice(f.phrase.length);
        // "謝謝你的幫助": what follows a Chinese greeting may start with a particle.
        if (f.han) rest = rest.replace(/^[的嘅呀啊啦喇囉]+/u, "");
        // "thanks Ray!! btw…", "hi @amy, …": whom the greeting or thanks is for goes with it.
        else if (f.social) rest = rest.replace(ADDRESSEE, "");
        note(f);
        changed = true;
        break;
      }
    }
    // Padding before a question mark goes too ("how many bonus points are we talking about?"); the mark stays.
    const mark = /[?？]+\s*$/u.exec(rest)?.[0].trim() ?? "";
    rest = rest.slice(0, rest.length - (/[?？]+\s*$/u.exec(rest)?.[0].length ?? 0));
    for (let changed = true; changed; ) {
      changed = false;
      rest = rest.replace(/[\s,.!~:;，。！～：；、\-–—…]+$/u, "");
      const lower = rest.toLowerCase();
      for (const f of this.fillers) {
        if (!lower.endsWith(f.phrase)) continue;
        if (asksHowIAm(f, lower)) continue;
        // Before a question mark only a phrase of padding ("…are we talking about?"), not a word ("…please?").
        if (mark && f.phrase.split(" ").length < 3) continue;
        const before = lower.slice(0, lower.length - f.phrase.length);
        if (!f.han && before && !/[\s,.!?~:;，。！？\-–—…]$/u.test(before)) continue;
        rest = rest.slice(0, rest.length - f.phrase.length);
        note(f);
        changed = true;
        break;
      }
    }
    rest = rest.replace(SEPARATORS, "").trim();
    if (rest && mark) rest += mark;
    return social ? { rest, social } : { rest };
  }
}
