/**
 * The FAQ feature's records as rows: declined questions (read newest first by
 * the time index, grouped by text in SQL), answer refs, and ratings whose
 * one-per-member rule is a unique constraint and whose tallies are SQL
 * aggregates.
 */
import type { Kysely, Transaction } from "kysely";
import type {
  DeclinedQuestion,
  QuestionLog,
  Rating,
  RatingTally,
  StoredQuestion,
  TextGroup,
} from "../../core/faq/log.ts";
import type { Lang } from "../../core/types.ts";
import { guard, isUniqueViolation } from "./errors.ts";
import { sql } from "./kysely.ts";
import type { Database, QuestionTable, RatingTable } from "./schema.ts";

type Db = Kysely<Database> | Transaction<Database>;
/** Keys deleted per statement. */
const BATCH = 500;

/** A question's row. */
export function questionRow(key: string, q: DeclinedQuestion): QuestionTable {
  return { key, text: q.text, lang: q.lang, at: q.at, member_id: q.memberId, forwarded: q.forwarded ? 1 : 0 };
}

/** A rating's row. */
export function ratingRow(answerKey: string, r: Rating): Omit<RatingTable, "id"> {
  return {
    answer_key: answerKey,
    answer_ref: r.answer,
    member_id: r.memberId || null,
    value: r.value,
    at: r.at,
  };
}

function toQuestion(r: QuestionTable): StoredQuestion {
  return {
    key: r.key,
    text: r.text,
    lang: r.lang as Lang,
    at: r.at,
    memberId: r.member_id,
    ...(Number(r.forwarded) === 1 ? { forwarded: true } : {}),
  };
}

function toRating(r: Pick<RatingTable, "answer_ref" | "value" | "at" | "member_id">): Rating {
  return { answer: r.answer_ref, value: r.value as Rating["value"], at: r.at, memberId: r.member_id ?? "" };
}

/** Erases a member's questions and unlinks their ratings in a transaction; returns rows changed. */
export async function forgetQuestions(trx: Db, memberId: string): Promise<number> {
  const q = await trx
    .updateTable("faq_questions")
    .set({ text: "", member_id: "" })
    .where("member_id", "=", memberId)
    .executeTakeFirst();
  const r = await trx
    .updateTable("faq_ratings")
    .set({ member_id: null })
    .where("member_id", "=", memberId)
    .executeTakeFirst();
  return Number(q.numUpdatedRows) + Number(r.numUpdatedRows);
}

/** The FAQ's records in SQL. */
export class SqlQuestionLog implements QuestionLog {
  constructor(private readonly db: Kysely<Database>) {}

  async record(key: string, q: DeclinedQuestion): Promise<void> {
    await guard("questions", () => this.db.insertInto("faq_questions").values(questionRow(key, q)).execute());
  }

  async get(key: string): Promise<DeclinedQuestion | undefined> {
    const r = await guard("questions", () =>
      this.db.selectFrom("faq_questions").selectAll().where("key", "=", key).executeTakeFirst(),
    );
    if (!r) return undefined;
    const { key: _k, ...q } = toQuestion(r);
    return q;
  }

  async markForwarded(key: string): Promise<boolean> {
    const r = await guard("questions", () =>
      this.db
        .updateTable("faq_questions")
        .set({ forwarded: 1 })
        .where("key", "=", key)
        .where("forwarded", "=", 0)
        .executeTakeFirst(),
    );
    return Number(r.numUpdatedRows) > 0;
  }

  async recent(limit: number): Promise<StoredQuestion[]> {
    const rows = await guard("questions", () =>
      this.db
        .selectFrom("faq_questions")
        .selectAll()
        .where("text", "<>", "")
        .orderBy("at", "desc")
        .orderBy("key", "desc")
        .limit(limit)
        .execute(),
    );
    return rows.map(toQuestion);
  }

  async withTexts(texts: readonly string[]): Promise<StoredQuestion[]> {
    const wanted = [...new Set(texts)].filter((t) => t);
    const out: StoredQuestion[] = [];
    for (let i = 0; i < wanted.length; i += BATCH) {
      const part = wanted.slice(i, i + BATCH);
      const rows = await guard("questions", () =>
        this.db.selectFrom("faq_questions").selectAll().where("text", "in", part).orderBy("key").execute(),
      );
      out.push(...rows.map(toQuestion));
    }
    return out.sort((a, b) => a.key.localeCompare(b.key));
  }

  async textGroups(limit: number): Promise<TextGroup[]> {
    const rows = await guard("questions", () =>
      this.db
        .selectFrom("faq_questions")
        .select([
          "text",
          (e) => e.fn.countAll<number>().as("n"),
          (e) => e.fn.min("at").as("first"),
          (e) => e.fn.max("at").as("last"),
        ])
        .groupBy("text")
        .orderBy("last", "desc")
        .limit(limit)
        .execute(),
    );
    return rows.map((r) => ({ text: r.text, count: Number(r.n), first: String(r.first), last: String(r.last) }));
  }

  async remove(keys: readonly string[]): Promise<number> {
    let n = 0;
    for (let i = 0; i < keys.length; i += BATCH) {
      const part = keys.slice(i, i + BATCH);
      const r = await guard("questions", () =>
        this.db.deleteFrom("faq_questions").where("key", "in", part).executeTakeFirst(),
      );
      n += Number(r.numDeletedRows);
    }
    return n;
  }

  async purgeBefore(cutoff: string): Promise<number> {
    const r = await guard("questions", () =>
      this.db.deleteFrom("faq_questions").where("at", "<", cutoff).executeTakeFirst(),
    );
    return Number(r.numDeletedRows);
  }

  async rememberAnswer(key: string, ref: string): Promise<void> {
    await guard("questions", () =>
      this.db
        .insertInto("faq_answers")
        .values({ key, ref })
        .onConflict((oc) => oc.column("key").doUpdateSet({ ref }))
        .execute(),
    );
  }

  async answerRef(key: string): Promise<string | undefined> {
    const r = await guard("questions", () =>
      this.db.selectFrom("faq_answers").select("ref").where("key", "=", key).executeTakeFirst(),
    );
    return r?.ref;
  }

  async rate(answerKey: string, rating: Rating): Promise<boolean> {
    try {
      await this.db.insertInto("faq_ratings").values(ratingRow(answerKey, rating)).execute();
      return true;
    } catch (e) {
      if (isUniqueViolation(e)) return false;
      return guard("ratings", () => Promise.reject(e));
    }
  }

  async tallies(limit: number): Promise<RatingTally[]> {
    const rows = await guard("ratings", () =>
      this.db
        .selectFrom("faq_ratings")
        .select([
          "answer_ref",
          sql<number>`sum(case when value = 'up' then 1 else 0 end)`.as("up"),
          sql<number>`sum(case when value = 'down' then 1 else 0 end)`.as("down"),
        ])
        .groupBy("answer_ref")
        .orderBy("down", "desc")
        .orderBy("up", "desc")
        .limit(limit)
        .execute(),
    );
    return rows.map((r) => ({ answer: r.answer_ref, up: Number(r.up), down: Number(r.down) }));
  }

  async feedback(): Promise<{ up: number; down: number }> {
    const rows = await guard("ratings", () =>
      this.db
        .selectFrom("faq_ratings")
        .select(["value", (e) => e.fn.countAll<number>().as("n")])
        .groupBy("value")
        .execute(),
    );
    const n = (v: string) => Number(rows.find((r) => r.value === v)?.n ?? 0);
    return { up: n("up"), down: n("down") };
  }

  async ofMember(memberId: string): Promise<{ questions: StoredQuestion[]; ratings: Rating[] }> {
    return guard("questions", async () => {
      const q = await this.db
        .selectFrom("faq_questions")
        .selectAll()
        .where("member_id", "=", memberId)
        .orderBy("at")
        .orderBy("key")
        .execute();
      const r = await this.db
        .selectFrom("faq_ratings")
        .select(["answer_ref", "value", "at", "member_id"])
        .where("member_id", "=", memberId)
        .orderBy("id")
        .execute();
      return { questions: q.map(toQuestion), ratings: r.map(toRating) };
    });
  }

  async forget(memberId: string): Promise<number> {
    return guard("questions", () => this.db.transaction().execute((trx) => forgetQuestions(trx, memberId)));
  }
}
