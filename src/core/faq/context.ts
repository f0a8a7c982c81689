/**
 * The short conversation context of a member in a chat: their last questions
 * (as understood, at most {@link MAX_TURNS}), kept in the store for a few
 * minutes so that an elliptical follow-up ("and who can apply?") can be read
 * with the last one, and a language model can see the recent turns, on any
 * instance. Erased by /forgetme.
 */
import type { Context } from "../feature.ts";
import type { Store } from "../ports.ts";

const NS = "faq.context";
/** How long a question stays the context of the next one. */
export const CONTEXT_TTL_MS = 10 * 60_000;
/** How many recent questions are kept. */
export const MAX_TURNS = 3;
/** How much of the last answer is kept. */
const MAX_ANSWER_CHARS = 1000;

interface Turn {
  readonly question: string;
  /** What answered it (`faq:<id>`, `passage:<id>`): the subject a follow-up is about. */
  readonly ref?: string;
  /** The documents' answer the member was given (shortened): what "specifically?" asks beyond. */
  readonly answer?: string;
  readonly at: string;
  /** The questions before it, oldest first (at most MAX_TURNS - 1). */
  readonly earlier?: readonly string[];
}

/** The previous turn of a conversation. */
export interface PreviousTurn {
  readonly question: string;
  readonly ref?: string;
  /** The answer the member was given, when the documents answered. */
  readonly answer?: string;
  /** The questions before it in the last ten minutes, oldest first. */
  readonly earlier?: readonly string[];
}

/** Reads and writes the members' conversation context. */
export class ConversationContext {
  constructor(private readonly store: Store) {}

  private key(ctx: Context): string {
    return `${ctx.member.id}|${ctx.chat.id}`;
  }

  /** The member's previous question in this chat (and what answered it), if recent. */
  async get(ctx: Context): Promise<PreviousTurn | undefined> {
    const turn = await this.store.get<Turn>(NS, this.key(ctx));
    if (typeof turn?.question !== "string") return undefined;
    const earlier = Array.isArray(turn.earlier) ? turn.earlier.filter((q) => typeof q === "string") : [];
    return {
      question: turn.question,
      ...(typeof turn.ref === "string" ? { ref: turn.ref } : {}),
      ...(typeof turn.answer === "string" ? { answer: turn.answer } : {}),
      ...(earlier.length > 0 ? { earlier } : {}),
    };
  }

  /**
   * Remembers the member's question (and what answered it, and how) as the context of the next one;
   * `previous` (what {@link get} returned) moves to the earlier turns.
   */
  async set(ctx: Context, question: string, ref?: string, previous?: PreviousTurn, answer?: string): Promise<void> {
    const earlier = previous ? [...(previous.earlier ?? []), previous.question].slice(-(MAX_TURNS - 1)) : [];
    const turn: Turn = {
      question,
      ...(ref ? { ref } : {}),
      ...(ref && answer ? { answer: answer.slice(0, MAX_ANSWER_CHARS) } : {}),
      at: ctx.now.toISOString(),
      ...(earlier.length > 0 ? { earlier } : {}),
    };
    await this.store.set<Turn>(NS, this.key(ctx), turn, CONTEXT_TTL_MS);
  }

  /** Every recent question of a member (one per chat), for /mydata. */
  async of(memberId: string): Promise<string[]> {
    const turns = await this.store.list<Turn>(NS, `${memberId}|`);
    return turns
      .flatMap((r) => [...(Array.isArray(r.value.earlier) ? r.value.earlier : []), r.value.question])
      .filter((q) => typeof q === "string");
  }

  /** Erases every context of a member; returns records removed. */
  async forget(memberId: string): Promise<number> {
    let n = 0;
    for (const { key } of await this.store.list(NS, `${memberId}|`)) {
      if (await this.store.delete(NS, key)) n++;
    }
    return n;
  }
}
