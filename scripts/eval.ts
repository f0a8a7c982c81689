/**
 * `npm run eval`: answer quality through the whole bot (understanding, intents, answers).
 * - eval/fresh-*.jsonl: questions written fresh from the documents by people who had not
 *   read the FAQ, by category, split into a tuning half and a held-out half (eval/set.ts);
 * - eval/questions.jsonl (the project's older set) and ../shared/eval/dev.jsonl;
 * - eval/conversations.jsonl: scripted conversations, scored on their follow-ups.
 *
 *   npm run eval [-- --verbose] [-- --half tune|heldout] [-- --min 0.85]
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { type EvalQuestion, halves, matches, passes, passesPlain, readSet } from "../eval/set.ts";
import { openAsker } from "../src/cli/asker.ts";
import { loadConfig } from "../src/config/index.ts";
import { createLogger } from "../src/logging.ts";

interface Tally {
  pass: number;
  total: number;
}

const pct = (t: Tally) => (t.total === 0 ? "-" : `${((100 * t.pass) / t.total).toFixed(1)}% (${t.pass}/${t.total})`);

interface Turn {
  say: string;
  followup?: boolean;
  answerable: boolean;
  expect_all?: string[][];
}

/** The fresh sets, each split into a tuning and a held-out half of its own (the latest held out whole). */
const FRESH_SETS: readonly (readonly [string, readonly string[], "split" | "heldout" | "tune"])[] = [
  ["fresh", ["eval/fresh-en.jsonl", "eval/fresh-zh.jsonl"], "split"],
  ["fresh-4", ["eval/fresh-4.jsonl"], "split"],
  ["fresh-6", ["eval/fresh-6.jsonl"], "split"],
  ["fresh-7", ["eval/fresh-7.jsonl"], "split"],
  // Only the weakest categories: long messages, near-misses and taking part.
  ["fresh-9", ["eval/fresh-9.jsonl"], "split"],
  ["fresh-10", ["eval/fresh-10.jsonl"], "split"],
  // The hardest kinds only: near-misses, taking part, long and casual messages.
  ["fresh-11", ["eval/fresh-11.jsonl"], "split"],
  ["fresh-12", ["eval/fresh-12.jsonl"], "split"],
  ["fresh-14", ["eval/fresh-14.jsonl"], "split"],
  ["fresh-15", ["eval/fresh-15.jsonl"], "split"],
  ["fresh-16", ["eval/fresh-16.jsonl"], "split"],
  // The latest set is kept whole as a held-out set: never tuned on.
  ["fresh-8 (held out whole)", ["eval/fresh-8.jsonl"], "heldout"],
  ["fresh-13 (held out whole)", ["eval/fresh-13.jsonl"], "heldout"],
  ["fresh-17", ["eval/fresh-17.jsonl"], "split"],
  ["fresh-18", ["eval/fresh-18.jsonl"], "split"],
  ["fresh-19", ["eval/fresh-19.jsonl"], "split"],
  ["fresh-20", ["eval/fresh-20.jsonl"], "split"],
  ["fresh-21", ["eval/fresh-21.jsonl"], "split"],
  ["fresh-22", ["eval/fresh-22.jsonl"], "split"],
  ["fresh-23", ["eval/fresh-23.jsonl"], "split"],
  ["fresh-24", ["eval/fresh-24.jsonl"], "split"],
  ["fresh-25", ["eval/fresh-25.jsonl"], "split"],
  ["fresh-26", ["eval/fresh-26.jsonl"], "split"],
  // Written blind on 2026-12-04; scored whole before any tuning: 84.5% strict (169/200).
  ["fresh-27", ["eval/fresh-27.jsonl"], "split"],
  // Written blind on 2026-12-04 (the second); scored whole before any tuning: 91.5% by score.mjs (183/200).
  ["fresh-28", ["eval/fresh-28.jsonl"], "split"],
  // Written blind on 2026-12-04 (the second), after fresh-28's fixes; scored whole before any tuning
  // on it: 93.5% by score.mjs (187/200), 92.0% strict (184/200).
  ["fresh-29", ["eval/fresh-29.jsonl"], "split"],
  // Written blind on 2026-12-05; scored whole before any tuning: 92.5% by score.mjs (185/200), 89.5% strict (179/200).
  ["fresh-30", ["eval/fresh-30.jsonl"], "split"],
  // Written blind on 2026-12-05, after fresh-30's fixes; scored whole before any tuning on it: 86.5% by score.mjs (173/200), 86.0% strict (172/200).
  ["fresh-31", ["eval/fresh-31.jsonl"], "split"],
  // Written blind on 2026-12-05 (the second); scored whole before any tuning: 91.5% by score.mjs (183/200), 86.0% strict (172/200).
  ["fresh-32", ["eval/fresh-32.jsonl"], "split"],
  // Written blind on 2026-12-05 (the second), after fresh-32's fixes; scored whole before any tuning on it:
  // 94.5% by score.mjs (189/200), 88.5% strict (177/200).
  ["fresh-33", ["eval/fresh-33.jsonl"], "split"],
  // Written blind on 2026-12-05 (the second), after fresh-33's fixes; scored whole before any tuning on it:
  // 91.5% by score.mjs (183/200), 86.0% strict (172/200).
  ["fresh-34", ["eval/fresh-34.jsonl"], "split"],
  // Written blind on 2026-12-05 (the second), after fresh-34's fixes; scored whole before any tuning on it:
  // 95.0% by score.mjs (190/200), 88.0% strict (176/200).
  ["fresh-35", ["eval/fresh-35.jsonl"], "split"],
  ["fresh-36", ["eval/fresh-36.jsonl"], "split"],
  ["fresh-37", ["eval/fresh-37.jsonl"], "split"],
  // Written blind on 2026-12-05 (the third), scored whole before any tuning on it: 83.5% by score.mjs
  // (167/200), 83.0% strict (166/200; casual greetings and thanks count as answered, as in every set).
  ["fresh-38", ["eval/fresh-38.jsonl"], "split"],
  // Written blind in the next session, after the acknowledgements ("ok", "lol"); scored whole before any
  // tuning on it: 90.0% by score.mjs (180/200), 87.0% strict (174/200: tune 86, held out 88).
  ["fresh-39", ["eval/fresh-39.jsonl"], "split"],
  // Written blind in the session after hostile-40 and takepart-41; scored whole before any tuning on it:
  // 93.5% by score.mjs (187/200), 86.0% strict (172/200: tune 90, held out 82). Its writer was told that
  // a fact of the wider world the documents lack (a QMAS fee, the platform's name) gets no hand-off:
  // 12 of its 30 near-misses, where the earlier sets expect the hand-off for most such questions.
  ["fresh-42", ["eval/fresh-42.jsonl"], "split"],
  // Written blind after fresh-42's fixes, told to lean on slang, typos, emoji and mainland wording;
  // scored whole before any tuning on it: 83.5% by score.mjs (167/200), 82.5% strict (165/200: tune 82,
  // held out 83).
  ["fresh-43", ["eval/fresh-43.jsonl"], "split"],
  // Written blind in the next session; scored whole before any tuning on it: 93.0% by score.mjs
  // (186/200), 87.0% strict (174/200: tune 84, held out 90; casual 12/20, its nods to "nice one 👍"
  // counted as failures until eval/set.ts counted the ack intent as the social reply it is: 89.0%).
  ["fresh-44", ["eval/fresh-44.jsonl"], "split"],
  // Written blind after fresh-44's fixes, leaning on requests in members' words, chat and Simplified;
  // scored whole before any tuning on it: 94.0% by score.mjs (188/200), 91.5% strict (183/200: tune 89,
  // held out 94).
  ["fresh-45", ["eval/fresh-45.jsonl"], "split"],
  // Written blind after fresh-45's fixes, weighted to near-misses, long messages and Cantonese; scored
  // whole before any tuning on it: 91.0% by score.mjs (182/200), 89.5% strict (179/200: tune 89/101,
  // held out 90/99).
  ["fresh-46", ["eval/fresh-46.jsonl"], "split"],
  // Written blind in the session after (first meetings: greetings with a question, requests told as a
  // situation, Simplified, slang); scored whole before any tuning on it: 94.5% by score.mjs (189/200),
  // 93.0% strict (186/200: tune 92/101, held out 94/99).
  ["fresh-47", ["eval/fresh-47.jsonl"], "split"],
  // Written blind beside fresh-47 (busy group chat: terse, code-switched, asking for someone else,
  // near-misses on fees, dates and names); scored whole before any tuning on it: 94.0% by score.mjs
  // (188/200), 92.5% strict (185/200: tune 93/101, held out 92/99).
  ["fresh-48", ["eval/fresh-48.jsonl"], "split"],
  // Written blind after fresh-47's and fresh-48's fixes (everyday members: requests with details,
  // chat about the bot, situations asked about); scored whole before any tuning on it: 95.0% by
  // score.mjs (190/200), 93.5% strict (187/200: tune 96/101, held out 91/99); 94.5% once the bot's
  // reply to which languages it speaks counts as the social reply the writer expected (eval/set.ts).
  ["fresh-49", ["eval/fresh-49.jsonl"], "split"],
  // Written blind in the session after (texting style: typos, abbreviations, a question with a request,
  // mainland slang, Cantonese with English words); scored whole before any tuning on
  // it: 91.5% by score.mjs (183/200), 89.0% strict (178/200: tune 89/101, held out 89/99).
  ["fresh-50", ["eval/fresh-50.jsonl"], "split"],
  // Written blind beside fresh-50 (the people, dates, numbers and places the documents name, one step
  // beyond what they state, follow-ups by pronoun); scored whole before any tuning on it: 93.5% by
  // score.mjs (187/200), 92.0% strict (184/200: tune 91/101, held out 93/99).
  ["fresh-51", ["eval/fresh-51.jsonl"], "split"],
  // Written blind after fresh-50's and fresh-51's fixes (staff in a hurry: one-liners, requests with
  // complaints, facts misremembered to confirm, Hong Kong office Chinese); scored whole before any tuning
  // on it: 90.0% by score.mjs (180/200), 89.0% strict (178/200: tune 87/101, held out 91/99).
  ["fresh-52", ["eval/fresh-52.jsonl"], "split"],
  // Written blind (members who just joined a group and ask in passing, half-remembered facts, English
  // and Chinese in one message); scored whole before any tuning on it: 93.5% by
  // score.mjs (187/200), 91.0% strict (182/200: tune 93/101, held out 89/99).
  ["fresh-53", ["eval/fresh-53.jsonl"], "split"],
  // Written blind beside fresh-53 (busy or annoyed members, terse one-liners, requests put indirectly,
  // what the association is and does); scored whole before any tuning on it: 92.5% by
  // score.mjs (185/200), 89.5% strict (179/200: tune 92/101, held out 87/99).
  ["fresh-54", ["eval/fresh-54.jsonl"], "split"],
  // Written blind after fresh-53's and fresh-54's first fixes (members asking for their company, a friend
  // or a relative, Simplified Chinese from mainland newcomers, follow-ups that check or correct the bot);
  // scored whole before any tuning on it: 93.0% by score.mjs (186/200), 91.5% strict (183/200:
  // tune 95/101, held out 88/99).
  ["fresh-55", ["eval/fresh-55.jsonl"], "split"],
  // Written blind after fresh-55's fixes (members on their phones in a Telegram group or Discord server:
  // short messages, typos, English and Cantonese mixed, emoji, requests); scored whole before any tuning
  // on it: 91.5% by score.mjs (183/200), 90.5% strict (181/200:
  // tune 91/101, held out 90/99).
  ["fresh-56", ["eval/fresh-56.jsonl"], "split"],
  // Written blind after fresh-56's fixes, three at once by writers who read only the seed documents
  // (members writing as they speak: pronouns, vague questions ending long stories, indirect requests;
  // Chinese members on QMAS, the talent list and the policy, checking half-remembered figures; and the
  // same brief again); each scored whole before any tuning on it: fresh-57 90.0% by score.mjs
  // (180/200), 89.5% strict (179/200: tune 94/101, held out 85/99); fresh-58 95.5% (191/200), 95.0%
  // strict (190/200: tune 93/101, held out 97/99); fresh-59 89.5% (179/200), 89.5% strict (179/200:
  // tune 88/101, held out 91/99).
  ["fresh-57", ["eval/fresh-57.jsonl"], "split"],
  ["fresh-58", ["eval/fresh-58.jsonl"], "split"],
  ["fresh-59", ["eval/fresh-59.jsonl"], "split"],
  // Written blind after those sets' fixes, two side by side (a busy group: either-or questions, claims
  // checked, "is X ok too?", relatives moving; and newcomers and students), scored whole before any
  // tuning on them: fresh-60 91.0% by score.mjs (182/200), 90.5% strict (181/200: tune 95/101, held out
  // 86/99); fresh-61 95.0% (190/200), 93.5% strict (187/200: tune 95/101, held out 92/99).
  ["fresh-60", ["eval/fresh-60.jsonl"], "split"],
  ["fresh-61", ["eval/fresh-61.jsonl"], "split"],
  // Written blind in the session after, two side by side (busy professionals and students chatting:
  // typos, mixed languages, stories ending in a question, indirect requests; and newcomers and outsiders:
  // comparisons, checked figures, formal and Simplified Chinese, requests mixed with questions), each
  // scored whole before any change for it: fresh-62 92.0% by score.mjs (184/200), 91.0% strict (182/200:
  // tune 90/101, held out 92/99); fresh-63 92.0% (184/200), 91.0% strict (182/200: tune 91/101, held
  // out 91/99).
  ["fresh-62", ["eval/fresh-62.jsonl"], "split"],
  ["fresh-63", ["eval/fresh-63.jsonl"], "split"],
  // Written blind after their fixes (a busy group: short follow-ups, the point of what the association
  // does, donors changing their minds, quick Cantonese and Simplified Chinese); scored whole before any
  // change for it: 93.0% by score.mjs (186/200), 92.5% strict (185/200: tune 93/101, held out 92/99).
  ["fresh-64", ["eval/fresh-64.jsonl"], "split"],
  // Written blind in the session after (vague, indirect and mixed-language questions, two things at
  // once, purposes and comparisons, near-misses for a specific fact); scored whole before any change
  // for it: 93.5% by score.mjs (187/200), 91.0% strict (182/200: tune 89/101, held out 93/99).
  ["fresh-65", ["eval/fresh-65.jsonl"], "split"],
  // Written blind after fresh-65's fixes (a busy group: newcomers, donors, students, people moving to
  // Hong Kong, half-remembered figures, "is it true that…", the present state of what the documents
  // describe as it was); scored whole before any change for it: 91.0% by score.mjs (182/200), 89.5%
  // strict (179/200: tune 89/101, held out 90/99).
  ["fresh-66", ["eval/fresh-66.jsonl"], "split"],
  // Written blind in the session after (a busy group: paraphrase away from the documents' words,
  // indirect requests, typos, mixed English and Chinese, near-misses); scored whole before any change
  // for it: 90.0% by score.mjs (180/200), 88.5% strict (177/200: tune 84/101, held out 93/99).
  ["fresh-67", ["eval/fresh-67.jsonl"], "split"],
  // Written blind after fresh-67's fixes (members describing a thing instead of naming it, two asks in
  // one message, polite indirect requests, mainland wording, near-misses for fees, dates, venues and
  // contacts); scored whole before any change for it: 92.0% by score.mjs (184/200), 91.5% strict
  // (183/200: tune 92/101, held out 91/99).
  ["fresh-68", ["eval/fresh-68.jsonl"], "split"],
  // Written blind after fresh-68's fixes (terse phone typing and typos, facts checked slightly wrong,
  // purposes and reasons, Cantonese mixed with English, what happened after the documents were
  // written); scored whole before any change for it: 89.0% by score.mjs (178/200), 88.5% strict
  // (177/200: tune 91/101, held out 86/99).
  ["fresh-69", ["eval/fresh-69.jsonl"], "split"],
  // Written blind after fresh-69's fixes (English and Cantonese in one message, two questions in one,
  // indirect requests, facts paraphrased slightly wrong, details the documents do not give); scored
  // whole before any change for it: 93.0% by score.mjs (186/200), 91.0% strict
  // (182/200: tune 94/101, held out 88/99).
  ["fresh-70", ["eval/fresh-70.jsonl"], "split"],
  // Written blind after fresh-70's fixes (people who are not blockchain insiders: parents, HR staff,
  // mainland professionals, journalists; misspelt names, numbers in words, why and what for, polite
  // openings); scored whole before any change for it: 90.5% by score.mjs (181/200), 89.0% strict
  // (178/200: tune 91/101, held out 87/99).
  ["fresh-71", ["eval/fresh-71.jsonl"], "split"],
  // Written blind after fresh-71's fixes (a busy group chat: quoted replies, @-mentions, emoji, all caps,
  // run-on voice typing, comparisons, yes/no questions the documents answer no, requests after thanks);
  // scored whole before any change for it: 92.5% by score.mjs (185/200), 91.5% strict
  // (183/200: tune 93/101, held out 90/99).
  ["fresh-72", ["eval/fresh-72.jsonl"], "split"],
  // Written blind after fresh-72's fixes (formal and very polite register, two- to five-word messages,
  // claims and negations asked as questions, Traditional and Simplified mixed, homophone typos); scored
  // whole before any change for it: 94.5% by score.mjs (189/200), 94.0% strict (188/200: tune 94/101,
  // held out 94/99).
  ["fresh-73", ["eval/fresh-73.jsonl"], "split"],
  // Written blind after fresh-73's first fixes (newcomers describing what they cannot name, negative and
  // tag questions, requests put as complaints or hints, asking for a friend, a boss or a child); scored
  // whole before any change for it: 91.0% by score.mjs (182/200), 90.0% strict (180/200: tune 92/101,
  // held out 88/99).
  ["fresh-74", ["eval/fresh-74.jsonl"], "split"],
  // Written blind after fresh-74's first fixes (typing on a phone, corrections after a misunderstanding,
  // dates and numbers in many formats, two facts in one question, requests mixed with questions); scored
  // whole before any change for it: 95.0% by score.mjs (190/200), 94.0% strict (188/200: tune 95/101,
  // held out 93/99).
  ["fresh-75", ["eval/fresh-75.jsonl"], "split"],
  // Written blind (industry jargon and abbreviations, comparisons, negations, English terms inside
  // Chinese); scored whole before any change for it: 89.0% by score.mjs (178/200), 89.0% strict
  // (178/200: tune 87/101, held out 91/99).
  ["fresh-76", ["eval/fresh-76.jsonl"], "split"],
  // Written blind with fresh-76 (polite, long-winded and indirect messages, questions buried in a
  // message about a company, HK English particles, formal written Chinese); scored whole before any
  // change for it: 91.0% by score.mjs (182/200), 89.5% strict (179/200: tune 91/101, held out 88/99).
  ["fresh-77", ["eval/fresh-77.jsonl"], "split"],
  // Written blind after fresh-76 and -77's first fixes (parents and students, romanised and homophone
  // Cantonese, mainland internet slang, questions about time); scored whole before any change for it:
  // 89.5% by score.mjs (179/200), 87.5% strict (175/200: tune 91/101, held out 84/99).
  ["fresh-78", ["eval/fresh-78.jsonl"], "split"],
  // Written blind with fresh-78 (busy group chats: quoted and forwarded lines, links, e-mail addresses,
  // phone numbers and mentions around a question, emoji, two or three questions at once); scored whole
  // before any change for it (after fresh-78's first fix): 93.5% by score.mjs (187/200), 93.5% strict
  // (187/200: tune 91/101, held out 96/99).
  ["fresh-79", ["eval/fresh-79.jsonl"], "split"],
  // Written blind (members who doubt or argue while asking, who take the association for a government
  // body, a company or an exchange, who ask for dates and numbers in roundabout ways); scored whole
  // before any change for it: 91.5% by score.mjs (183/200), 89.5% strict (179/200: tune 96/101, held
  // out 83/99).
  ["fresh-80", ["eval/fresh-80.jsonl"], "split"],
  // Written blind with fresh-80 (one- to five-word fragments, voice-typing slips, questions about a third
  // person, formal written Chinese with classical particles); scored whole before any change for it:
  // 89.5% by score.mjs (179/200), 88.5% strict (177/200: tune 87/101, held out 90/99).
  ["fresh-81", ["eval/fresh-81.jsonl"], "split"],
  // Written blind after fresh-80 and -81's fixes (half-remembered figures and dates checked, approximations,
  // wrong guesses, terms and abbreviations asked about); scored whole before any change for it: 93.5% by
  // score.mjs (187/200), 92.0% strict (184/200: tune 92/101, held out 92/99).
  ["fresh-82", ["eval/fresh-82.jsonl"], "split"],
  // Written blind with fresh-82 (phones in a hurry: abbreviations, missing words, mixed scripts and
  // languages; asking for a company, a school or a family); scored whole before any change for it: 93.0%
  // by score.mjs (186/200), 92.5% strict (185/200: tune 97/101, held out 88/99).
  ["fresh-83", ["eval/fresh-83.jsonl"], "split"],
  // Written blind at the end of that session, after all its fixes (a month of a busy group and server:
  // visitors, regulars, firms' staff, students, journalists, trolls); scored whole before any change for
  // it: 93.5% by score.mjs (187/200), 93.0% strict (186/200: tune 93/101, held out 93/99).
  ["fresh-84", ["eval/fresh-84.jsonl"], "split"],
  // Written blind at the start of the next session (members back after a while, questions forwarded
  // for a colleague or a client, two subjects in one message); scored whole before any change for it:
  // 88.0% by score.mjs (176/200), 86.0% strict (172/200: tune 88/101, held out 84/99).
  ["fresh-85", ["eval/fresh-85.jsonl"], "split"],
  // Written blind later that session, after its fixes (a busy week around a townhall: first-timers,
  // sceptics, students, member firms' HR and compliance staff, several short questions at once, English
  // and Cantonese mixed); scored whole before any change for it:
  // 91.5% by score.mjs (183/200), 89.5% strict (179/200: tune 91/101, held out 88/99).
  ["fresh-86", ["eval/fresh-86.jsonl"], "split"],
  // Written blind at the start of the session after (members typing on their phones or dictating:
  // no punctuation, voice-to-text slips, autocorrect, abbreviations, IME slips in Chinese); scored whole
  // before any change for it:
  // 91.5% by score.mjs (183/200), 89.5% strict (179/200: tune 92/101, held out 87/99).
  ["fresh-87", ["eval/fresh-87.jsonl"], "split"],
  // Written blind later that session, after its first fixes (newcomers with misconceptions: BAHK taken
  // for an exchange, a regulator or an immigration agent; questions through negation and contrast;
  // relatives asking in plain words); scored whole before any change for it:
  // 87.5% by score.mjs (175/200), 86.0% strict (172/200: tune 89/101, held out 83/99).
  ["fresh-88", ["eval/fresh-88.jsonl"], "split"],
  // Written blind later that session, after fresh-88's fixes (precise details and numbers in many
  // wordings, near-misses one step beyond the text, terse one-liners); scored whole before any change
  // for it: 94.5% by score.mjs (189/200), 94.0% strict (188/200: tune 94/101, held out 94/99).
  ["fresh-89", ["eval/fresh-89.jsonl"], "split"],
  // Written blind at that session's end, after all its fixes (no special focus: a representative month
  // of a group and a server); scored whole before any change for it:
  // 95.0% by score.mjs (190/200), 94.5% strict (189/200: tune 95/101, held out 94/99).
  ["fresh-90", ["eval/fresh-90.jsonl"], "split"],
  // Written blind at the next session's start (Hong Kong code-switching: English and Cantonese in one
  // message, English as Cantonese speakers write it, intents put indirectly); scored whole before any
  // change for it: 84.0% by score.mjs (168/200), 85.0% strict (170/200: tune 81/101, held out 89/99).
  // (Its writer named the intents "withdraw" and, for one's offers, "mydata": relabelled "mydonations",
  // as every earlier set has them, before any change; with the writer's labels it was 82.5% strict.)
  ["fresh-91", ["eval/fresh-91.jsonl"], "split"],
  // Written blind later that session, after fresh-91's fixes (formal letters and emails beside terse
  // fragments typed in busy groups, more Simplified Chinese); scored whole before any change for it:
  // 84.0% by score.mjs (168/200), 82.5% strict (165/200: tune 82/101, held out 83/99).
  ["fresh-92", ["eval/fresh-92.jsonl"], "split"],
  // Written blind at the next session's start (messages dictated by voice, mainland Simplified Chinese,
  // two or three asks in one message); scored whole before any change for it: 90.5% by score.mjs
  // (181/200), 87.5% strict (175/200: tune 88/100, held out 87/100).
  ["fresh-93", ["eval/fresh-93.jsonl"], "split"],
  // Written blind later that session, after fresh-93's fixes (wrong premises, busy group chats quoting
  // others, questions relating two documents); scored whole before any change for it: 81.0% by
  // score.mjs (162/200), 80.0% strict (160/200: tune 79/101, held out 81/99).
  ["fresh-94", ["eval/fresh-94.jsonl"], "split"],
  // Written blind at the next session's start (formal letters and emails, numbers and dates,
  // half-remembered names of schemes and bodies, terse messages and abrupt changes of subject); scored
  // whole before any change for it: 79.0% by score.mjs
  // (158/200: it counts the 25 requests as answers it fails), 89.0% strict (178/200: tune 91/102, held out 87/98).
  ["fresh-95", ["eval/fresh-95.jsonl"], "split"],
  // Written blind later that session, after fresh-95's first fixes (requests hedged or misspelt, privacy
  // worries, government bodies named rightly or wrongly, comparisons of two things); scored whole before
  // any change for it: 67.0% by score.mjs (134/200: it counts the 39 requests as answers it fails),
  // 81.0% strict (162/200: tune 82/100, held out 80/100).
  ["fresh-96", ["eval/fresh-96.jsonl"], "split"],
  // Written blind after that session's fixes for fresh-96 (no theme: a week of a busy community's
  // messages); scored whole before any change for it: 76.0% by score.mjs (152/200: it counts the 28
  // requests as answers it fails), 89.0% strict (178/200: tune 94/100, held out 84/100).
  ["fresh-97", ["eval/fresh-97.jsonl"], "split"],
  // Written blind on 2026-12-07 (busy groups: short replies, English and Cantonese in one message,
  // abbreviations, several questions at once, half-remembered names and numbers); scored whole before
  // any change for it: 77.0% by score.mjs (154/200), 90.0% strict (180/200: tune 89/100, held out 91/100).
  ["fresh-98", ["eval/fresh-98.jsonl"], "split"],
  // Written blind beside fresh-98 (member firms' staff with surplus merchandise in their own words,
  // students, journalists and officials; premises slightly wrong); scored whole before any change for
  // it: 79.5% by score.mjs (159/200), 94.5% strict (189/200: tune 95/100, held out 94/100).
  ["fresh-99", ["eval/fresh-99.jsonl"], "split"],
  // Written blind after the fixes for fresh-98 and -99 (questions wrapped in greetings, thanks and
  // sign-offs; near-misses that sound answerable; much Simplified Chinese and Cantonese); scored whole
  // before any change for it: 81.0% by score.mjs (162/200), 94.5% strict (189/200: tune 97/100, held
  // out 92/100).
  ["fresh-100", ["eval/fresh-100.jsonl"], "split"],
  // Written blind after the fixes for fresh-100 (corrections, questions relating two facts, requests
  // to act put indirectly, newcomers' first messages); scored whole before any change for it: 78.5%
  // by score.mjs (157/200), 89.5% strict (179/200: tune 91/100, held out 88/100).
  ["fresh-101", ["eval/fresh-101.jsonl"], "split"],
  // Written blind at the next session's start (members on their phones: typos, run-on dictation,
  // messages of one to four words, emoji; asking for a boss, a friend or a parent; mainland wording in
  // Simplified Chinese); scored whole before any change for it: 78.0% by score.mjs (156/200), 87.5%
  // strict (175/200: tune 89/100, held out 86/100).
  ["fresh-102", ["eval/fresh-102.jsonl"], "split"],
  // Written blind beside fresh-102 (comparisons, why and how, false premises the documents correct,
  // yes/no questions, a request and a question in one message); scored whole before any change for
  // it: 79.0% by score.mjs (158/200), 90.0% strict (180/200: tune 90/100, held out 90/100).
  ["fresh-103", ["eval/fresh-103.jsonl"], "split"],
  // Written blind after the fixes for fresh-102 and -103 (no theme: a fortnight of a busy group and
  // server, newcomers, staff, students, parents, journalists); scored whole before any change for it:
  // 82.5% by score.mjs (165/200), 93.5% strict (187/200: tune 95/100, held out 92/100).
  ["fresh-104", ["eval/fresh-104.jsonl"], "split"],
  // Written blind (members who half-remember what they read: loose or slightly wrong paraphrases,
  // near numbers and years, two programmes mixed up, negated questions, English and Cantonese in one
  // message); scored whole before any change for it: 78.0% by score.mjs (156/200), 91.5%
  // strict (183/200: tune 92/100, held out 91/100).
  ["fresh-105", ["eval/fresh-105.jsonl"], "split"],
  // Written blind beside fresh-105 (no theme: a quarter of the group and server around a townhall,
  // greetings and thanks mixed with questions, askers telling who they are first); scored whole before
  // any change for it: 75.5% by score.mjs (151/200), 88.0% strict (176/200: tune 87/100, held out 89/100).
  ["fresh-106", ["eval/fresh-106.jsonl"], "split"],
  // Written blind after this session's fixes for fresh-105 and -106 (no theme: the ordinary traffic of a
  // busy week, follow-ups that point back, requests put indirectly); scored whole before any change for
  // it: 78.5% by score.mjs (157/200), 90.0% strict (180/200: tune 92/100, held out 88/100).
  ["fresh-107", ["eval/fresh-107.jsonl"], "split"],
  // Written blind at the start of the next session (members asking in their own trade's words: a
  // marketing manager, a compliance officer, a student, a developer, HR, a journalist; comparisons and
  // answers that are numbers or dates); scored whole before any change for it: 80.5% by score.mjs
  // (161/200), 93.0% strict (186/200: tune 93/100, held out 93/100).
  ["fresh-108", ["eval/fresh-108.jsonl"], "split"],
  // Written blind at the start of the session after (members in a hurry: fragments, two asks in one
  // message, a number or name slightly wrong to confirm, yes/no questions); scored whole before any
  // change for it: 94.0% by score.mjs (188/200), 94.0% strict (tune 92/100, held out 96/100).
  ["fresh-109", ["eval/fresh-109.jsonl"], "split"],
  // Written blind in the same session, after fresh-109's first fixes (members in a group chat on their
  // phones: a boss or a colleague mentioned, a half-remembered line of the website, "thoughts?",
  // English and Cantonese in one sentence); scored whole before any change for it: 93.0% by score.mjs
  // (186/200), 92.5% strict (tune 90/100, held out 95/100).
  ["fresh-110", ["eval/fresh-110.jsonl"], "split"],
  // Written blind at the start of the next session (forwarded snippets and quoted emails, typos,
  // all-lowercase or ALL CAPS, numbers written oddly, comparisons and negations, formal written
  // Chinese); scored whole before any change for it: 95.5% by score.mjs (191/200), 94.0% strict (tune
  // 95/100, held out 93/100).
  ["fresh-111", ["eval/fresh-111.jsonl"], "split"],
  // Written blind in the same session (first-day newcomers asking naively, staff asking for their
  // employer, parents, students, older members unfamiliar with the words, one detail inside a broad
  // topic); scored whole before any change for it: 95.0% by score.mjs (190/200), 93.5% strict (tune
  // 94/100, held out 93/100).
  ["fresh-112", ["eval/fresh-112.jsonl"], "split"],
  // Written blind after that session's first fixes (sceptical members: "are you sure?", "source?",
  // false premises, why and how, requests only hinted at); scored whole before any change for it:
  // 91.0% by score.mjs (182/200), 89.5% strict (tune 86/100, held out 93/100).
  ["fresh-113", ["eval/fresh-113.jsonl"], "split"],
  // Written blind beside it (the edges of what the documents say: one phrase, one item of a list, the
  // association's work against the government's, near-misses one detail away, chat habits); scored
  // whole before any change for it: 92.5% by score.mjs (185/200), 92.0% strict (tune 93/100, held out
  // 91/100).
  ["fresh-114", ["eval/fresh-114.jsonl"], "split"],
  // Written blind on 2026-12-07 (members in a hurry on phones: short, run-on, code-switched, vague names);
  // scored whole before any change for it: 81.5% by score.mjs (163/200; it counts an action started as an
  // answer), 94.0% strict (tune 95/100, held out 93/100).
  ["fresh-115", ["eval/fresh-115.jsonl"], "split"],
  // Written blind beside it (people with a purpose: compliance, press, HR, founders, merchandise;
  // two facts at once, why and how, claims to confirm, some subtly false); scored whole before any change
  // for it: 78.0% by score.mjs (156/200), 90.5% strict (tune 90/100, held out 91/100).
  ["fresh-116", ["eval/fresh-116.jsonl"], "split"],
  // Written blind after that session's first fixes (every way of taking part, formal English, synonyms for
  // the documents' words); scored whole before any change for it: 69.5% by score.mjs (139/200), 82.0%
  // strict (tune 86/100, held out 78/100).
  ["fresh-117", ["eval/fresh-117.jsonl"], "split"],
  // Written blind beside it (Chinese speakers above all: mainland terms in Simplified, Cantonese with English
  // words, formal Traditional, and English questions about Chinese details); scored whole before any change
  // for it: 78.5% by score.mjs (157/200), 91.5% strict (tune 93/100, held out 90/100).
  ["fresh-118", ["eval/fresh-118.jsonl"], "split"],
  // Written blind on 2026-12-07 (polite, formal second-language English and formal Chinese; the documents'
  // things named by what they do, never by their own words); scored whole before any change for it: 87.5% by
  // score.mjs (175/200), 85.0% strict (tune 81/100, held out 89/100).
  ["fresh-119", ["eval/fresh-119.jsonl"], "split"],
  // Written blind beside it (a busy group chat: talk to others first, what someone said earlier, the bot
  // itself, newcomers, privacy worries; follow-ups over three or four turns); scored whole before any change
  // for it: 96.5% by score.mjs (193/200), 96.0% strict (tune 99/100, held out 93/100).
  ["fresh-120", ["eval/fresh-120.jsonl"], "split"],
  // Written blind after that session's first fixes (half-remembered facts to confirm or correct: a wrong
  // number, date, name or place beside right ones); scored whole before any change for it: 93.0% by
  // score.mjs (186/200), 93.0% strict (tune 92/100, held out 94/100).
  ["fresh-121", ["eval/fresh-121.jsonl"], "split"],
  // Written blind beside it (typed as into a search box: keyword fragments, typos, emoji, English and
  // Chinese in one message, shorthand; follow-ups of one to three words); scored whole before any change
  // for it: 93.5% by score.mjs (187/200), 93.0% strict (tune 92/100, held out 94/100).
  ["fresh-122", ["eval/fresh-122.jsonl"], "split"],
  // Written blind at the end of that session (Cantonese-first members dictating by voice, the bot's own
  // features above all); scored whole before any change for it: 93.0% by score.mjs (186/200), 92.0% strict
  // (tune 96/100, held out 88/100).
  ["fresh-123", ["eval/fresh-123.jsonl"], "split"],
  // Written blind beside it (students, journalists, researchers: why, how things relate, differences,
  // summaries, two documents' facts at once, who said what); scored whole before any change for it: 92.5%
  // by score.mjs (185/200), 92.0% strict (tune 90/100, held out 94/100).
  ["fresh-124", ["eval/fresh-124.jsonl"], "split"],
  // Written blind (staff of member firms writing at work: compliance, HR, marketing, office
  // administrators; tasks, two things at once, wrong facts to correct); scored whole before any change for
  // it: 91.5% by score.mjs (183/200), 91.0% strict (tune 91/100, held out 91/100).
  ["fresh-125", ["eval/fresh-125.jsonl"], "split"],
  // Written blind (Hong Kong members who switch between English and Cantonese in one message,
  // romanised Cantonese, typos, newcomers' everyday words for the documents' terms); scored whole before
  // any change for it: 96.0% by score.mjs (192/200), 96.0% strict (tune 97/100, held out 95/100).
  ["fresh-126", ["eval/fresh-126.jsonl"], "split"],
  // Written blind (parents, teachers and counsellors asking for young people; older members new to
  // technology), scored whole after that session's other fixes and never tuned on: 94.0% by score.mjs
  // (188/200), 93.0% strict (tune 92/100, held out 94/100).
  ["fresh-127", ["eval/fresh-127.jsonl"], "split"],
  // Written blind beside it (a busy Discord server on phones: very short messages, emoji, several
  // questions in one, quoted lines), never tuned on either: 94.0% by score.mjs (188/200), 93.0% strict
  // (tune 92/100, held out 94/100).
  ["fresh-128", ["eval/fresh-128.jsonl"], "split"],
  // Written blind to tune the refusals on (never held out): attacks, and innocent questions in attackers'
  // words (which must not be refused), in English and Chinese. First scores: 61.3% strict (98/160): hostile 44/90, near-miss 17/25, out of scope 16/20, taking
  // part 21/25.
  ["hostile-40 (tuning only)", ["eval/hostile-40.jsonl"], "tune"],
  // Written blind the same way: taking part, in members' many wordings, and near-misses about it. First
  // scores: 83.3% strict (125/150): taking part 98/110, near-misses 27/40.
  ["takepart-41 (tuning only)", ["eval/takepart-41.jsonl"], "tune"],
];

/**
 * Scripted conversations: the first set (tuned on), later blind sets split in halves, and the
 * latest kept whole as a held-out set (never tuned on).
 */
const CONVERSATION_SETS: readonly (readonly [string, string, "all" | "split" | "heldout"])[] = [
  ["conversations", "eval/conversations.jsonl", "all"],
  ["conversations-4", "eval/conversations-4.jsonl", "split"],
  ["conversations-5 (tuning only)", "eval/conversations-5.jsonl", "all"],
  ["conversations-6", "eval/conversations-6.jsonl", "split"],
  ["conversations-7", "eval/conversations-7.jsonl", "split"],
  ["conversations-9", "eval/conversations-9.jsonl", "split"],
  ["conversations-10", "eval/conversations-10.jsonl", "split"],
  ["conversations-11", "eval/conversations-11.jsonl", "split"],
  ["conversations-12", "eval/conversations-12.jsonl", "split"],
  ["conversations-13", "eval/conversations-13.jsonl", "split"],
  ["conversations-14", "eval/conversations-14.jsonl", "split"],
  ["conversations-15", "eval/conversations-15.jsonl", "split"],
  ["conversations-16", "eval/conversations-16.jsonl", "split"],
  ["conversations-17", "eval/conversations-17.jsonl", "split"],
  ["conversations-18", "eval/conversations-18.jsonl", "split"],
  ["conversations-19", "eval/conversations-19.jsonl", "split"],
  ["conversations-21", "eval/conversations-21.jsonl", "split"],
  ["conversations-22", "eval/conversations-22.jsonl", "split"],
  ["conversations-23", "eval/conversations-23.jsonl", "split"],
  ["conversations-25", "eval/conversations-25.jsonl", "split"],
  ["conversations-26", "eval/conversations-26.jsonl", "split"],
  ["conversations-28", "eval/conversations-28.jsonl", "split"],
  ["conversations-30", "eval/conversations-30.jsonl", "split"],
  ["conversations-32", "eval/conversations-32.jsonl", "split"],
  ["conversations-33", "eval/conversations-33.jsonl", "split"],
  ["conversations-34", "eval/conversations-34.jsonl", "split"],
  ["conversations-35", "eval/conversations-35.jsonl", "split"],
  ["conversations-36", "eval/conversations-36.jsonl", "split"],
  ["conversations-8 (held out whole)", "eval/conversations-8.jsonl", "heldout"],
  ["conversations-20 (held out whole)", "eval/conversations-20.jsonl", "heldout"],
  ["conversations-24 (held out whole)", "eval/conversations-24.jsonl", "heldout"],
  ["conversations-27 (held out whole)", "eval/conversations-27.jsonl", "heldout"],
  ["conversations-29 (held out whole)", "eval/conversations-29.jsonl", "heldout"],
  ["conversations-31 (held out whole)", "eval/conversations-31.jsonl", "heldout"],
  ["conversations-37", "eval/conversations-37.jsonl", "split"],
  ["conversations-38", "eval/conversations-38.jsonl", "split"],
  ["conversations-39", "eval/conversations-39.jsonl", "split"],
  ["conversations-40", "eval/conversations-40.jsonl", "split"],
  ["conversations-41", "eval/conversations-41.jsonl", "split"],
  ["conversations-42", "eval/conversations-42.jsonl", "split"],
  ["conversations-43", "eval/conversations-43.jsonl", "split"],
  ["conversations-44", "eval/conversations-44.jsonl", "split"],
  ["conversations-45", "eval/conversations-45.jsonl", "split"],
  ["conversations-46", "eval/conversations-46.jsonl", "split"],
  // Written blind on 2026-12-04 (the second); first scores, before any change: follow-ups 83.9%
  // (52/62) in the tuning half, 93.4% (57/61) held out.
  ["conversations-47", "eval/conversations-47.jsonl", "split"],
  // Written blind on 2026-12-05; first scores, before any change: follow-ups 93.3% (56/60) in the
  // tuning half, 89.8% (53/59) held out.
  ["conversations-48", "eval/conversations-48.jsonl", "split"],
  // Written blind on 2026-12-05, after conversations-48's fixes; first scores, before any change for it: follow-ups 90.3%
  // (56/62) in the tuning half, 89.1% (57/64) held out.
  ["conversations-49", "eval/conversations-49.jsonl", "split"],
  // Written blind on 2026-12-05 (the second); first scores, before any change: follow-ups 90.2% (55/61) in the
  // tuning half, 93.3% (56/60) held out.
  ["conversations-50", "eval/conversations-50.jsonl", "split"],
  // Written blind on 2026-12-05 (the second), after conversations-50's fixes; first scores, before any
  // change for it: follow-ups 89.5% (51/57) in the tuning half, 94.6% (53/56) held out.
  ["conversations-51", "eval/conversations-51.jsonl", "split"],
  // Written blind on 2026-12-05 (the second), after conversations-51's fixes; first scores, before any
  // change for it: follow-ups 80.0% (40/50) in the tuning half, 88.2% (45/51) held out.
  ["conversations-52", "eval/conversations-52.jsonl", "split"],
  ["conversations-53", "eval/conversations-53.jsonl", "split"],
  ["conversations-54", "eval/conversations-54.jsonl", "split"],
  // Written blind with fresh-38; first scores, before any change for it: follow-ups 86.3% (44/51) in
  // the tuning half, 82.8% (48/58) held out.
  ["conversations-55", "eval/conversations-55.jsonl", "split"],
  // Written blind with fresh-39; first scores, before any change for it: follow-ups 89.1% (49/55) in
  // the tuning half, 85.0% (51/60) held out.
  ["conversations-56", "eval/conversations-56.jsonl", "split"],
  // Written blind with fresh-42; first scores, before any change for it: follow-ups 88.3% (53/60) in
  // the tuning half, 90.0% (45/50) held out.
  ["conversations-57", "eval/conversations-57.jsonl", "split"],
  // Written blind with fresh-43 (subjects changed and returned to, new questions mid-conversation);
  // first scores, before any change for it: follow-ups 82.1% (64/78) in the tuning half, 85.5% (59/69)
  // held out.
  ["conversations-58", "eval/conversations-58.jsonl", "split"],
  // Written blind with fresh-44; first scores, before any change for it: follow-ups 88.9% (80/90) in
  // the tuning half, 92.9% (78/84) held out.
  ["conversations-59", "eval/conversations-59.jsonl", "split"],
  // Written blind with fresh-45 (terse fragments, pronouns, detours); first scores, before any change
  // for it: follow-ups 87.4% (90/103) in the tuning half, 84.6% (77/91) held out.
  ["conversations-60", "eval/conversations-60.jsonl", "split"],
  // Written blind with fresh-46 (members deciding something practical, checking what they understood);
  // first scores, before any change for it: follow-ups 89.0% (81/91) in the tuning half, 93.8% (90/96)
  // held out.
  ["conversations-61", "eval/conversations-61.jsonl", "split"],
  // Written blind with fresh-47 (comparisons, the number or name behind an answer, going back); first
  // scores, before any change for it: follow-ups 83.2% (79/95) in the tuning half, 83.0% (73/88) held out.
  ["conversations-62", "eval/conversations-62.jsonl", "split"],
  // Written blind with fresh-48 (half-remembered things, corrections, "why"; a third each English,
  // Traditional, Simplified); first scores, before any change for it: follow-ups 88.2% (60/68) in the
  // tuning half, 81.1% (60/74) held out.
  ["conversations-63", "eval/conversations-63.jsonl", "split"],
  // Written blind with fresh-49 (acting on what was learnt, follow-ups after requests, corrections);
  // first scores, before any change for it: follow-ups 88.9% (64/72) in the tuning half, 87.8% (65/74)
  // held out.
  ["conversations-64", "eval/conversations-64.jsonl", "split"],
  // Written blind with fresh-50 (texting style); first scores, before any change for it: follow-ups
  // 89.8% (44/49) in the tuning half, 81.8% (36/44) held out.
  ["conversations-65", "eval/conversations-65.jsonl", "split"],
  // Written blind with fresh-51 (follow-ups by pronoun, one step beyond the documents); first scores,
  // before any change for it: follow-ups 79.6% (43/54) in the tuning half, 79.6% (39/49) held out.
  ["conversations-66", "eval/conversations-66.jsonl", "split"],
  // Written blind with fresh-52 (switching language mid-way); first scores, before any change for it:
  // follow-ups 95.6% (43/45) in the tuning half, 83.7% (36/43) held out.
  ["conversations-67", "eval/conversations-67.jsonl", "split"],
  // Written blind with fresh-53; first scores, before any change for it: follow-ups 92.9% (52/56) in the
  // tuning half, 94.4% (51/54) held out.
  ["conversations-68", "eval/conversations-68.jsonl", "split"],
  // Written blind with fresh-54; first scores, before any change for it: follow-ups 87.3% (48/55) in the
  // tuning half, 87.5% (49/56) held out.
  ["conversations-69", "eval/conversations-69.jsonl", "split"],
  // Written blind with fresh-55; first scores, before any change for it: follow-ups 86.0% (49/57) in the
  // tuning half, 84.7% (50/59) held out.
  ["conversations-70", "eval/conversations-70.jsonl", "split"],
  // Written blind with fresh-56; first scores, before any change for it: follow-ups 85.0% (51/60) in the
  // tuning half, 90.7% (49/54) held out.
  ["conversations-71", "eval/conversations-71.jsonl", "split"],
  // Written blind with fresh-57, -58 and -59; first scores, before any change for them, follow-ups in
  // the tuning half / held out: conversations-72 83.0% (44/53) / 91.1% (51/56); -73 90.0% (45/50) /
  // 88.1% (37/42); -74 95.6% (43/45) / 91.8% (45/49).
  ["conversations-72", "eval/conversations-72.jsonl", "split"],
  ["conversations-73", "eval/conversations-73.jsonl", "split"],
  ["conversations-74", "eval/conversations-74.jsonl", "split"],
  // Written blind with fresh-60 and -61; first scores, follow-ups in the tuning half / held out:
  // conversations-75 92.0% (46/50) / 90.2% (37/41); -76 92.3% (48/52) / 87.0% (40/46).
  ["conversations-75", "eval/conversations-75.jsonl", "split"],
  ["conversations-76", "eval/conversations-76.jsonl", "split"],
  // Written blind with fresh-62 and -63; first scores, follow-ups in the tuning half / held out:
  // conversations-77 87.5% (35/40) / 91.9% (34/37); -78 89.7% (35/39) / 92.7% (38/41).
  ["conversations-77", "eval/conversations-77.jsonl", "split"],
  ["conversations-78", "eval/conversations-78.jsonl", "split"],
  // Written blind with fresh-64; first scores, follow-ups in the tuning half / held out: 94.6% (35/37) /
  // 86.5% (32/37).
  ["conversations-79", "eval/conversations-79.jsonl", "split"],
  // Written blind with fresh-65 (members reacting to the last answer: why, the number or name behind
  // it, what else, checks, terse follow-ups, a quarter unanswerable); first scores, follow-ups in the
  // tuning half / held out: 84.6% (55/65) / 92.3% (60/65).
  ["conversations-80", "eval/conversations-80.jsonl", "split"],
  // Written blind with fresh-66 (narrowing down step by step, coming back after a detour, a sibling
  // subject, pronouns for what was just said, a quarter unanswerable); first scores, follow-ups in the
  // tuning half / held out: 82.4% (61/74) / 92.2% (71/77).
  ["conversations-81", "eval/conversations-81.jsonl", "split"],
  // Written blind with fresh-67 (short follow-ups leaning on the turn before, mixed languages, at
  // least one unanswerable follow-up each); first scores, follow-ups in the tuning half / held out:
  // 87.3% (55/63) / 88.7% (55/62).
  ["conversations-82", "eval/conversations-82.jsonl", "split"],
  // Written blind with fresh-68 (short follow-ups leaning on the turn before, at least one unanswerable
  // each); first scores, follow-ups in the tuning half / held out: 83.9% (52/62) / 87.9% (58/66).
  ["conversations-83", "eval/conversations-83.jsonl", "split"],
  // Written blind with fresh-69 (short follow-ups leaning on the turn before, at least one unanswerable
  // each); first scores, follow-ups in the tuning half / held out: 71.4% (45/63) / 78.8% (52/66).
  ["conversations-84", "eval/conversations-84.jsonl", "split"],
  // Written blind with fresh-70 (one-word and pronoun follow-ups, English and Cantonese mixed, at least
  // one unanswerable each); first scores, follow-ups in the tuning half / held out: 90.2% (55/61) / 90.3% (56/62).
  ["conversations-85", "eval/conversations-85.jsonl", "split"],
  // Written blind with fresh-71 (topics left and come back to, at least one unanswerable each); first
  // scores, follow-ups in the tuning half / held out: 79.7% (47/59) / 82.3% (51/62).
  ["conversations-86", "eval/conversations-86.jsonl", "split"],
  // Written blind with fresh-72 (a busy group chat, at least one unanswerable follow-up each); first
  // scores, follow-ups in the tuning half / held out: 90.3% (56/62) / 86.9% (53/61).
  ["conversations-87", "eval/conversations-87.jsonl", "split"],
  // Written blind with fresh-73 (formal register, terse follow-ups, at least one unanswerable each);
  // first scores, follow-ups in the tuning half / held out: 85.5% (53/62) / 90.5% (57/63).
  ["conversations-88", "eval/conversations-88.jsonl", "split"],
  // Written blind with fresh-74 (the same, at least one unanswerable follow-up each); first scores,
  // follow-ups in the tuning half / held out: 95.2% (59/62) / 93.7% (59/63).
  ["conversations-89", "eval/conversations-89.jsonl", "split"],
  // Written blind with fresh-75 (the same, at least one unanswerable follow-up each); first scores,
  // follow-ups in the tuning half / held out: 91.7% (55/60) / 85.7% (54/63).
  ["conversations-90", "eval/conversations-90.jsonl", "split"],
  // Written blind with fresh-76 (the same, at least one unanswerable follow-up each); first scores,
  // follow-ups in the tuning half / held out: 80.0% (52/65) / 82.8% (53/64).
  ["conversations-91", "eval/conversations-91.jsonl", "split"],
  // Written blind with fresh-77 (follow-ups pointing back with "that", "those", 上面講嘅; at least one
  // unanswerable each); first scores, follow-ups in the tuning half / held out: 88.9% (56/63) / 82.0% (50/61).
  ["conversations-92", "eval/conversations-92.jsonl", "split"],
  // Written blind with fresh-78 (the same, at least one unanswerable follow-up each); first scores,
  // follow-ups in the tuning half / held out: 83.3% (50/60) / 87.1% (54/62).
  ["conversations-93", "eval/conversations-93.jsonl", "split"],
  // Written blind with fresh-79 (the same, at least one unanswerable follow-up each); first scores,
  // follow-ups in the tuning half / held out: 83.3% (50/60) / 92.1% (58/63).
  ["conversations-94", "eval/conversations-94.jsonl", "split"],
  // Written blind with fresh-80 (members who doubt and argue; at least one unanswerable follow-up each);
  // first scores, follow-ups in the tuning half / held out: 77.6% (38/49) / 98.0% (48/49).
  ["conversations-95", "eval/conversations-95.jsonl", "split"],
  // Written blind with fresh-81 (members who switch subject and come back; the same); first scores,
  // follow-ups in the tuning half / held out: 80.0% (44/55) / 88.7% (47/53).
  ["conversations-96", "eval/conversations-96.jsonl", "split"],
  // Written blind with fresh-82 (the same, at least one unanswerable follow-up each); first scores,
  // follow-ups in the tuning half / held out: 89.3% (50/56) / 91.4% (53/58).
  ["conversations-97", "eval/conversations-97.jsonl", "split"],
  // Written blind with fresh-83 (going back to an earlier subject after a detour; the same); first scores,
  // follow-ups in the tuning half / held out: 94.4% (51/54) / 91.8% (45/49).
  ["conversations-98", "eval/conversations-98.jsonl", "split"],
  // Written blind with fresh-84 (the same, at least one unanswerable follow-up each); first scores,
  // follow-ups in the tuning half / held out: 94.2% (49/52) / 90.6% (48/53).
  ["conversations-99", "eval/conversations-99.jsonl", "split"],
  // Written blind with fresh-85 (the same, at least one unanswerable follow-up each); first scores,
  // follow-ups in the tuning half / held out: 84.6% (44/52) / 85.4% (41/48).
  ["conversations-100", "eval/conversations-100.jsonl", "split"],
  // Written blind with fresh-86 (the same, at least one unanswerable follow-up each); first scores,
  // follow-ups in the tuning half / held out: 84.0% (42/50) / 84.9% (45/53).
  ["conversations-101", "eval/conversations-101.jsonl", "split"],
  // Written blind with fresh-87 (the same, at least one unanswerable follow-up each); first scores,
  // follow-ups in the tuning half / held out: 83.3% (35/42) / 87.2% (34/39).
  ["conversations-102", "eval/conversations-102.jsonl", "split"],
  // Written blind with fresh-88 (the same, at least one unanswerable follow-up each); first scores,
  // follow-ups in the tuning half / held out: 79.5% (31/39) / 83.3% (35/42).
  ["conversations-103", "eval/conversations-103.jsonl", "split"],
  // Written blind with fresh-89 (the same, at least one unanswerable follow-up each); first scores,
  // follow-ups in the tuning half / held out: 90.2% (37/41) / 78.4% (29/37).
  ["conversations-104", "eval/conversations-104.jsonl", "split"],
  // Written blind with fresh-90 (the same, at least one unanswerable follow-up each); first scores,
  // follow-ups in the tuning half / held out: 94.1% (32/34) / 82.4% (28/34).
  ["conversations-105", "eval/conversations-105.jsonl", "split"],
  // Written blind with fresh-91 (the same, at least one unanswerable follow-up each); first scores,
  // follow-ups in the tuning half / held out: 80.9% (38/47) / 83.7% (41/49).
  ["conversations-106", "eval/conversations-106.jsonl", "split"],
  // Written blind with fresh-92 (the same, at least one unanswerable follow-up each); first scores,
  // follow-ups in the tuning half / held out: 83.7% (36/43) / 77.5% (31/40).
  ["conversations-107", "eval/conversations-107.jsonl", "split"],
  // Written blind with fresh-93 (the same, at least one unanswerable follow-up in 20 of them); first
  // scores, follow-ups in the tuning half / held out: 90.0% (36/40) / 87.8% (36/41).
  ["conversations-108", "eval/conversations-108.jsonl", "split"],
  // Written blind with fresh-94 (the same, at least one unanswerable follow-up in 20 of them); first
  // scores, follow-ups in the tuning half / held out: 86.3% (44/51) / 82.4% (42/51).
  ["conversations-109", "eval/conversations-109.jsonl", "split"],
  // Written blind with fresh-95 (the same, an unanswerable follow-up in 41 of them); first scores,
  // follow-ups in the tuning half / held out: 87.8% (36/41) / 90.9% (40/44).
  ["conversations-110", "eval/conversations-110.jsonl", "split"],
  // Written blind with fresh-96 (the same, an unanswerable follow-up in 41 of them); first scores,
  // follow-ups in the tuning half / held out: 87.0% (40/46) / 81.3% (39/48).
  ["conversations-111", "eval/conversations-111.jsonl", "split"],
  // Written blind with fresh-97 (the same, an unanswerable follow-up in 42 of them); first scores,
  // follow-ups in the tuning half / held out: 81.6% (31/38) / 91.4% (32/35).
  ["conversations-112", "eval/conversations-112.jsonl", "split"],
  // Written blind with fresh-98 (the same, an unanswerable follow-up in 37 of them); first scores,
  // follow-ups in the tuning half / held out: 91.9% (34/37) / 77.8% (28/36).
  ["conversations-113", "eval/conversations-113.jsonl", "split"],
  // Written blind with fresh-99 (the same, an unanswerable follow-up in 39 of them); first scores,
  // follow-ups in the tuning half / held out: 87.8% (36/41) / 89.1% (41/46).
  ["conversations-114", "eval/conversations-114.jsonl", "split"],
  // Written blind with fresh-100 (the same, an unanswerable follow-up in 38 of them); first scores,
  // follow-ups in the tuning half / held out: 79.4% (27/34) / 91.9% (34/37).
  ["conversations-115", "eval/conversations-115.jsonl", "split"],
  // Written blind with fresh-101 (the same, an unanswerable follow-up in 40 of them); first scores,
  // follow-ups in the tuning half / held out: 85.4% (35/41) / 93.0% (40/43).
  ["conversations-116", "eval/conversations-116.jsonl", "split"],
  // Written blind with fresh-102 (the same, an unanswerable follow-up in 34 of them); first scores,
  // follow-ups in the tuning half / held out: 80.0% (28/35) / 81.1% (30/37); other turns 51/60.
  ["conversations-117", "eval/conversations-117.jsonl", "split"],
  // Written blind with fresh-103 (the same, an unanswerable follow-up in 37 of them, follow-ups that
  // go back to an earlier subject); first scores: 91.9% (34/37) / 85.4% (35/41); other turns 58/60.
  ["conversations-118", "eval/conversations-118.jsonl", "split"],
  // Written blind with fresh-104 (the same, an unanswerable follow-up in 38 of them); first scores:
  // 88.6% (31/35) / 94.6% (35/37); other turns 60/62.
  ["conversations-119", "eval/conversations-119.jsonl", "split"],
  // Written blind with fresh-105 (the same, an unanswerable follow-up in 37 of them); first scores:
  // 91.9% (34/37) / 81.8% (27/33); other turns 59/60.
  ["conversations-120", "eval/conversations-120.jsonl", "split"],
  // Written blind with fresh-106 (the same, an unanswerable follow-up in 44 of them); first scores:
  // 85.4% (35/41) / 82.2% (37/45); other turns 59/60.
  ["conversations-121", "eval/conversations-121.jsonl", "split"],
  // Written blind with fresh-107 (the same, an unanswerable follow-up in 32 of them); first scores:
  // 97.2% (35/36) / 84.8% (28/33); other turns 58/60.
  ["conversations-122", "eval/conversations-122.jsonl", "split"],
  // Written blind with fresh-108 (the same, an unanswerable follow-up in 39 of them, thanks included);
  // first scores: 85.7% (30/35) / 76.3% (29/38); other turns 53/60.
  ["conversations-123", "eval/conversations-123.jsonl", "split"],
  // Written blind with fresh-109 (the same, 42 of its 81 follow-ups unanswerable); first scores:
  // 85.4% (35/41) / 85.0% (34/40); other turns 57/60.
  ["conversations-124", "eval/conversations-124.jsonl", "split"],
  // Written blind with fresh-110 (the same, 48 of its 82 follow-ups unanswerable); first scores:
  // 82.9% (34/41) / 80.5% (33/41); other turns 55/61.
  ["conversations-125", "eval/conversations-125.jsonl", "split"],
  // Written blind with fresh-111 (the same, 51 of its 95 follow-ups unanswerable); first scores:
  // 89.6% (43/48) / 89.4% (42/47); other turns 56/60.
  ["conversations-126", "eval/conversations-126.jsonl", "split"],
  // Written blind with fresh-112 (44 of its 110 follow-ups unanswerable); first scores: 96.2% (51/53) /
  // 91.2% (52/57); other turns 54/60.
  ["conversations-127", "eval/conversations-127.jsonl", "split"],
  // Written blind with fresh-113 (57 of its 110 follow-ups unanswerable); first scores: 91.2% (52/57) /
  // 84.9% (45/53); other turns 57/60.
  ["conversations-128", "eval/conversations-128.jsonl", "split"],
  // Written blind with fresh-114 (43 of its 87 follow-ups unanswerable); first scores: 91.5% (43/47) /
  // 90.0% (36/40); other turns 57/60.
  ["conversations-129", "eval/conversations-129.jsonl", "split"],
  // Written blind with fresh-115 (43 of its 102 follow-ups unanswerable); first scores: 80.4% (41/51) /
  // 78.4% (40/51); other turns 53/60.
  ["conversations-130", "eval/conversations-130.jsonl", "split"],
  // Written blind with fresh-116 (48 of its 93 follow-ups unanswerable); first scores: 85.7% (36/42) /
  // 74.5% (38/51); other turns 57/60.
  ["conversations-131", "eval/conversations-131.jsonl", "split"],
  // Written blind with fresh-117 (52 of its 95 follow-ups unanswerable); first scores: 76.6% (36/47) /
  // 79.2% (38/48); other turns 53/60.
  ["conversations-132", "eval/conversations-132.jsonl", "split"],
  // Written blind with fresh-118 (55 of its 122 follow-ups unanswerable); first scores: 88.5% (54/61) /
  // 85.2% (52/61); other turns 59/60.
  ["conversations-133", "eval/conversations-133.jsonl", "split"],
  // Written blind with fresh-119 (56 of its 89 follow-ups unanswerable); first scores: 73.3% (33/45) /
  // 81.8% (36/44); other turns 55/60.
  ["conversations-134", "eval/conversations-134.jsonl", "split"],
  // Written blind with fresh-120 (53 of its 115 follow-ups unanswerable); first scores: 79.3% (46/58) /
  // 91.2% (52/57); other turns 54/60.
  ["conversations-135", "eval/conversations-135.jsonl", "split"],
  // Written blind with fresh-121 (53 of its 89 follow-ups unanswerable); first scores: 92.9% (39/42) /
  // 85.1% (40/47); other turns 59/60.
  ["conversations-136", "eval/conversations-136.jsonl", "split"],
  // Written blind with fresh-122 (53 of its 90 follow-ups unanswerable); first scores: 84.4% (38/45) /
  // 80.0% (36/45); other turns 58/60.
  ["conversations-137", "eval/conversations-137.jsonl", "split"],
  // Written blind with fresh-123 (57 of its 111 follow-ups unanswerable); first scores: 85.2% (46/54) /
  // 89.5% (51/57); other turns 57/60.
  ["conversations-138", "eval/conversations-138.jsonl", "split"],
  // Written blind with fresh-124 (54 of its 85 follow-ups unanswerable); first scores: 78.0% (32/41) /
  // 84.1% (37/44); other turns 54/60.
  ["conversations-139", "eval/conversations-139.jsonl", "split"],
  // Written blind with fresh-125 (46 of its 83 follow-ups unanswerable); first scores: 82.1% (32/39) /
  // 88.6% (39/44); other turns 59/60.
  ["conversations-140", "eval/conversations-140.jsonl", "split"],
  // Written blind with fresh-126 (43 of its 80 follow-ups unanswerable); first scores: 76.3% (29/38) /
  // 83.3% (35/42); other turns 54/60.
  ["conversations-141", "eval/conversations-141.jsonl", "split"],
  // Written blind with fresh-127 (46 of its 85 follow-ups unanswerable); first scores: 87.8% (36/41) /
  // 86.4% (38/44); other turns 54/60.
  ["conversations-142", "eval/conversations-142.jsonl", "split"],
  // Written blind with fresh-128 (51 of its 96 follow-ups unanswerable); first scores: 93.9% (46/49) /
  // 89.4% (42/47); other turns 59/60.
  ["conversations-143", "eval/conversations-143.jsonl", "split"],
];

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const verbose = args.includes("--verbose");
  // Failures of a held-out half are never listed unless asked for in so many words (never while tuning).
  const showHeldOut = args.includes("--show-heldout");
  const halfAt = args.indexOf("--half");
  const only = halfAt >= 0 ? args[halfAt + 1] : undefined;
  // "--sets fresh-91,conversations-31": only those sets (their scores only, as any run gives them).
  const setsAt = args.indexOf("--sets");
  const named = setsAt >= 0 ? new Set((args[setsAt + 1] ?? "").split(",")) : undefined;
  const minAt = args.indexOf("--min");
  const min = minAt >= 0 ? Number(args[minAt + 1]) : 0;
  const asker = await openAsker(loadConfig(), createLogger("error"));
  let n = 0;
  const tally = (m: Map<string, Tally>, key: string, ok: boolean) => {
    const t = m.get(key) ?? { pass: 0, total: 0 };
    t.total++;
    if (ok) t.pass++;
    m.set(key, t);
  };
  const lines: string[] = [];
  let worst = 1;
  // Each fresh set is split into its own halves (adding a set never moves a question of another).
  for (const [label, files, mode] of FRESH_SETS) {
    if (named && !named.has(label.split(" ")[0] ?? label)) continue;
    const freshQs = files.filter((p) => existsSync(p)).flatMap((p) => readSet(resolve(p)));
    const half = halves(freshQs);
    const groups = new Map<string, Tally>();
    for (const q of freshQs) {
      const h = mode === "heldout" ? "heldout" : mode === "tune" ? "tune" : (half.get(q.id) ?? "tune");
      if (only && h !== only) continue;
      const a = await asker.ask(q.question, `q${++n}`);
      const ok = passes(q, a);
      if (!ok && verbose && (h === "tune" || showHeldOut)) {
        const got = a.intent
          ? `intent ${a.intent}`
          : a.answered
            ? a.text.slice(0, 140).replace(/\n/g, " ")
            : "(declined)";
        console.log(`FAIL [${h}] ${q.id} ${q.category} ${q.question}\n     ${got}${a.handoff ? " +handoff" : ""}`);
      }
      tally(groups, `${h} all`, ok);
      tally(groups, `${h} plain`, passesPlain(q, a));
      tally(groups, `${h} ${q.category ?? "?"}`, ok);
    }
    for (const h of ["tune", "heldout"]) {
      const all = groups.get(`${h} all`);
      if (!all) continue;
      const cats = [...groups.entries()]
        .filter(([k]) => k.startsWith(`${h} `) && k !== `${h} all` && k !== `${h} plain`)
        .sort()
        .map(([k, t]) => `${k.slice(h.length + 1)} ${pct(t)}`);
      const plain = groups.get(`${h} plain`) ?? { pass: 0, total: 0 };
      lines.push(`${label} ${h}: ${pct(all)} (as score.mjs scores it: ${pct(plain)}); ${cats.join(", ")}`);
      worst = Math.min(worst, all.pass / all.total);
    }
  }
  if (!only) {
    for (const path of ["eval/questions.jsonl", "../shared/eval/dev.jsonl"].filter((p) => existsSync(p) && !named)) {
      const qs: EvalQuestion[] = readSet(resolve(path));
      const t: Tally = { pass: 0, total: 0 };
      for (const q of qs) {
        const a = await asker.ask(q.question, `q${++n}`);
        const ok = passes(q, a);
        t.total++;
        if (ok) t.pass++;
        else if (verbose)
          console.log(`FAIL ${path} ${q.id} ${q.question}\n     ${a.answered ? a.text.slice(0, 140) : "(declined)"}`);
      }
      lines.push(`${path}: ${pct(t)}`);
      worst = Math.min(worst, t.pass / t.total);
    }
    for (const [label, path, split] of CONVERSATION_SETS) {
      if (!existsSync(path) || (named && !named.has(label.split(" ")[0] ?? label))) continue;
      const convos = readFileSync(path, "utf8")
        .split("\n")
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as { id: string; lang?: string; turns: Turn[] });
      const half =
        split === "split"
          ? halves(convos.map((c) => ({ id: c.id, category: c.lang ?? "?", question: "", answerable: true })))
          : new Map<string, "tune" | "heldout">();
      const follow = new Map<string, Tally>();
      const first: Tally = { pass: 0, total: 0 };
      for (const c of convos) {
        const h = split === "heldout" ? "heldout" : split === "split" ? (half.get(c.id) ?? "tune") : "all";
        const who = `conv-${c.id}-${++n}`;
        for (const turn of c.turns) {
          const a = await asker.ask(turn.say, who);
          const ok = turn.answerable ? a.answered && matches(turn, a.text) : !a.answered;
          if (turn.followup) tally(follow, h, ok);
          else {
            first.total++;
            if (ok) first.pass++;
          }
          if (!ok && verbose && (h !== "heldout" || showHeldOut))
            console.log(
              `FAIL ${label} ${c.id} ${turn.followup ? "follow-up" : "turn"}: ${turn.say}\n     ${a.answered ? a.text.slice(0, 140).replace(/\n/g, " ") : "(declined)"}`,
            );
        }
      }
      const parts = [...follow.entries()].map(([h, t]) =>
        h === "all" ? `follow-ups ${pct(t)}` : `follow-ups ${h} ${pct(t)}`,
      );
      lines.push(`${label} (${convos.length}): ${parts.join(", ")}, other turns ${pct(first)}`);
    }
  }
  await asker.close();
  for (const l of lines) console.log(l);
  if (worst < min) process.exit(1);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
