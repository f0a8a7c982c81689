/**
 * Linked accounts as rows (account primary key: linked at most once); the
 * one-time link codes are ephemeral and stay in the key-value store.
 */
import type { Kysely, Transaction } from "kysely";
import { type Identities, LinkCodes, type LinkError } from "../../core/identity/identities.ts";
import type { Store } from "../../core/ports.ts";
import type { Member } from "../../core/types.ts";
import { guard, isUniqueViolation } from "./errors.ts";
import { sql } from "./kysely.ts";
import type { Database } from "./schema.ts";
import { lockBallot, removeBallot } from "./tallies.ts";

/** Linked accounts in SQL. */
export class SqlIdentities implements Identities {
  private readonly codes: LinkCodes;

  constructor(
    private readonly db: Kysely<Database>,
    store: Store,
  ) {
    this.codes = new LinkCodes(store);
  }

  /** The member with their canonical id if the account is linked. */
  async resolve(member: Member): Promise<Member> {
    const row = await guard("identity", () =>
      this.db.selectFrom("identities").select("canonical_id").where("account_id", "=", member.id).executeTakeFirst(),
    );
    return row ? { ...member, id: row.canonical_id } : member;
  }

  /** Issues a one-time code (ephemeral: in the key-value store). */
  issueCode(canonicalId: string): Promise<string> {
    return this.codes.issue(canonicalId);
  }

  /** The canonical id a code links to, or why not. */
  async target(
    account: Member,
    code: string,
  ): Promise<{ ok: true; canonicalId: string } | { ok: false; error: LinkError }> {
    return this.codes.target(
      account,
      code,
      async () => (await this.resolve(account)).id !== account.id,
      () => this.linkedTo(account.id),
    );
  }

  /** Links the account once (primary key) and uses the code up. */
  async link(account: Member, code: string, canonicalId: string): Promise<boolean> {
    try {
      await guard("identity link", async () => {
        try {
          await this.db
            .insertInto("identities")
            .values({ account_id: account.id, canonical_id: canonicalId })
            .execute();
        } catch (e) {
          if (isUniqueViolation(e)) throw new AlreadyLinked();
          throw e;
        }
      });
    } catch (e) {
      if (e instanceof Error && e.cause instanceof AlreadyLinked) return false;
      throw e;
    }
    await this.codes.useUp(code);
    return true;
  }

  /**
   * Links the account and, in the same transaction, gives its votes, ballots and proposals to the
   * canonical member (a topic or poll both accounts voted in keeps the canonical member's one).
   */
  async linkAndMerge(account: Member, code: string, canonicalId: string): Promise<number | undefined> {
    const from = account.id;
    const moved = await guard("identity link", () =>
      this.db.transaction().execute(async (trx) => {
        const r = await trx
          .insertInto("identities")
          .values({ account_id: from, canonical_id: canonicalId })
          .onConflict((oc) => oc.column("account_id").doNothing())
          .executeTakeFirst();
        if (Number(r.numInsertedOrUpdatedRows ?? 0) === 0) return undefined;
        return (
          (await moveVotes(trx, from, canonicalId)) +
          (await moveBallots(trx, from, canonicalId)) +
          (await moveTopics(trx, from, canonicalId))
        );
      }),
    );
    if (moved !== undefined) await this.codes.useUp(code);
    return moved;
  }

  /** The accounts linked to a canonical member id. */
  async linkedTo(canonicalId: string): Promise<string[]> {
    const rows = await guard("identity", () =>
      this.db.selectFrom("identities").select("account_id").where("canonical_id", "=", canonicalId).execute(),
    );
    return rows.map((r) => r.account_id);
  }

  /** Removes every link of a canonical member. */
  async unlinkAll(canonicalId: string): Promise<number> {
    const r = await guard("identity unlink", () =>
      this.db.deleteFrom("identities").where("canonical_id", "=", canonicalId).executeTakeFirst(),
    );
    return Number(r.numDeletedRows);
  }
}

class AlreadyLinked extends Error {}

/** Gives an account's votes to the member (one vote per topic), keeping the topics' counts. */
async function moveVotes(trx: Transaction<Database>, from: string, into: string): Promise<number> {
  const gone = await trx.deleteFrom("votes").where("member_id", "=", from).returning(["topic_id", "at"]).execute();
  let moved = 0;
  for (const v of gone) {
    const r = await trx
      .insertInto("votes")
      .values({ topic_id: v.topic_id, member_id: into, at: v.at })
      .onConflict((oc) => oc.columns(["topic_id", "member_id"]).doNothing())
      .executeTakeFirst();
    if (Number(r.numInsertedOrUpdatedRows ?? 0) > 0) moved++;
    else await trx.updateTable("topics").set({ votes: sql<number>`votes - 1` }).where("id", "=", v.topic_id).execute();
  }
  return moved;
}

/** Gives an account's ballots to the member unless they voted in that poll themselves. */
async function moveBallots(trx: Transaction<Database>, from: string, into: string): Promise<number> {
  const theirs = await trx.selectFrom("ballots").select("poll_id").where("member_id", "=", from).execute();
  let moved = 0;
  for (const { poll_id } of theirs) {
    for (const m of [from, into].sort()) await lockBallot(trx, poll_id, m);
    const mine = await trx
      .selectFrom("ballots")
      .select("poll_id")
      .where("poll_id", "=", poll_id)
      .where("member_id", "=", into)
      .executeTakeFirst();
    if (mine) {
      // One ballot per member: the account's goes, and so does its part of the counts.
      await removeBallot(trx, poll_id, from);
      continue;
    }
    // Choices follow their ballot: insert the new ballot, move the choices, drop the old ballot
    // (moved whole, so the poll's counts stay as they are).
    const old = await trx
      .selectFrom("ballots")
      .selectAll()
      .where("poll_id", "=", poll_id)
      .where("member_id", "=", from)
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("ballots")
      .values({ ...old, member_id: into })
      .execute();
    await trx
      .updateTable("ballot_choices")
      .set({ member_id: into })
      .where("poll_id", "=", poll_id)
      .where("member_id", "=", from)
      .execute();
    await trx.deleteFrom("ballots").where("poll_id", "=", poll_id).where("member_id", "=", from).execute();
    moved++;
  }
  return moved;
}

/** Attributes an account's proposals to the member. */
async function moveTopics(trx: Transaction<Database>, from: string, into: string): Promise<number> {
  const r = await trx
    .updateTable("topics")
    .set({ proposer_id: into })
    .where("proposer_id", "=", from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
