/**
 * Closing knowledge gaps: an organiser answers a group of unanswered questions
 * once, in English and Chinese. The answer becomes a curated entry (answering
 * alike questions at once), every member who asked is told it in the language
 * they asked in, and the questions leave the list. Editing and withdrawing
 * entries are audited too; each change re-checks the organiser policy.
 */
import type { AuditLog } from "../audit.ts";
import type { CuratedEntry, CuratedKnowledge } from "../faq/curated.ts";
import { KeyvQuestionLog, type QuestionLog } from "../faq/log.ts";
import { fill, type Localised, t } from "../i18n.ts";
import { shortId } from "../ids.ts";
import type { Clock, Notifier, OrganiserPolicy, Store } from "../ports.ts";
import { text } from "../replies.ts";
import { withoutContacts } from "../text.ts";
import type { Member } from "../types.ts";

const M = {
  told: {
    en: "You asked: “{question}”. The organisers have answered it:\n{answer}\n(Source: {source})",
    "zh-HK": "你曾問：「{question}」。籌辦人已作出回覆：\n{answer}\n（來源：{source}）",
  },
} satisfies Record<string, Localised>;

/** The longest answer kept, per language. */
export const MAX_CURATED_ANSWER = 2000;

/** An answer in both languages, as an organiser wrote it. */
export interface BilingualAnswer {
  readonly en: string;
  readonly "zh-HK": string;
}

/** What closing gaps needs. */
export interface GapDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly notifier: Notifier;
  readonly audit: AuditLog;
  readonly curated: CuratedKnowledge;
  readonly policy: OrganiserPolicy;
  /** The FAQ's declined questions (the SQL records' when the app has them); else those in `store`. */
  readonly questions?: QuestionLog;
}

function clean(a: BilingualAnswer): BilingualAnswer | undefined {
  const en = a.en.trim().slice(0, MAX_CURATED_ANSWER);
  const zh = a["zh-HK"].trim().slice(0, MAX_CURATED_ANSWER);
  return en && zh ? { en, "zh-HK": zh } : undefined;
}

/**
 * Answers the declined questions whose text is one of `questions`: a curated entry, each asker
 * told once, the questions removed. Undefined (nothing changed) when an answer is empty or no
 * such question is left.
 */
export async function answerGap(
  d: GapDeps,
  actor: Member,
  questions: readonly string[],
  raw: BilingualAnswer,
): Promise<{ entry: CuratedEntry; told: number } | undefined> {
  const answer = clean(raw);
  if (!d.policy.isOrganiser(actor)) return undefined;
  const log = d.questions ?? new KeyvQuestionLog(d.store);
  const found = await log.withTexts(questions);
  if (!answer || found.length === 0) return undefined;
  const now = d.clock.now().toISOString();
  const entry: CuratedEntry = {
    id: `C${shortId(6)}`,
    // The wordings become the association's knowledge: without the askers' contact details.
    questions: [...new Set(found.map((q) => withoutContacts(q.text)))],
    answer,
    source: `organisers, ${now.slice(0, 10)}`,
    createdAt: now,
    updatedAt: now,
  };
  await d.curated.put(entry);
  await d.audit.record(actor, "faq.curate", entry.id, `${found.length} questions`);
  const told = new Set<string>();
  for (const q of found) {
    if (q.memberId && !told.has(q.memberId)) {
      told.add(q.memberId);
      const body = fill(t(q.lang, M.told), { question: q.text, answer: answer[q.lang], source: entry.source });
      await d.notifier.toMember(q.memberId, [text(body, { private: true })]);
    }
    await log.remove([q.key]);
  }
  return { entry, told: told.size };
}

/** Changes the answer of a curated entry; false when there is no such entry or an answer is empty. */
export async function editCurated(d: GapDeps, actor: Member, id: string, raw: BilingualAnswer): Promise<boolean> {
  const entry = await d.curated.get(id);
  const answer = clean(raw);
  if (!entry || !answer || !d.policy.isOrganiser(actor)) return false;
  await d.curated.put({ ...entry, answer, updatedAt: d.clock.now().toISOString() });
  await d.audit.record(actor, "faq.edit", id);
  return true;
}

/** Withdraws a curated entry (kept on file, answering nothing); false when there is no such entry. */
export async function withdrawCurated(d: GapDeps, actor: Member, id: string): Promise<boolean> {
  const entry = await d.curated.get(id);
  if (!entry || entry.withdrawn || !d.policy.isOrganiser(actor)) return false;
  await d.curated.put({ ...entry, withdrawn: true, updatedAt: d.clock.now().toISOString() });
  await d.audit.record(actor, "faq.withdraw", id);
  return true;
}
