/**
 * Reading a member's message and answering its question, the one way it is done wherever the
 * knowledge runs: the understanding reads the message (markup stripped, Simplified read as
 * Traditional, greetings and padding set aside), its question is put on one line and cut to
 * {@link MAX_QUESTION_CHARS}, and a question with words is answered with what the conversation gives.
 * The FAQ feature calls it with the knowledge in hand; the knowledge's own thread calls it behind
 * {@link KnowledgeBase.ask}, so a question costs one round trip to that thread instead of two.
 */
import type { AnswerOptions, Asked, KnowledgeBase, Understanding } from "../ports.ts";
import { cleanLine, hasWords, truncate } from "../text.ts";
import type { Lang } from "../types.ts";

/** The longest question answered; the rest of a longer message is not read. */
export const MAX_QUESTION_CHARS = 1000;

/** Reads `raw` (as it is, without an understanding) and answers its question when it has words. */
export async function readAndAnswer(
  understanding: Understanding | undefined,
  knowledge: KnowledgeBase,
  raw: string,
  lang: Lang,
  options: AnswerOptions = {},
): Promise<Asked> {
  const reading = understanding ? await understanding.read(raw) : { question: raw };
  const question = truncate(cleanLine(reading.question), MAX_QUESTION_CHARS);
  if (!hasWords(question)) return { reading, question };
  return { reading, question, answer: await knowledge.answer(question, lang, options) };
}
