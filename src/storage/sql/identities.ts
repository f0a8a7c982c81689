/**
 * Linked accounts as rows (account primary key: linked at most once); the
 * one-time link codes are ephemeral and stay in the key-value store.
 */
import type { Kysely } from "kysely";
import { type Identities, LINK_CODE_TTL_MS, type LinkError } from "../../core/identity/identities.ts";
import { shortId } from "../../core/ids.ts";
import type { Store } from "../../core/ports.ts";
import type { Member } from "../../core/types.ts";
import { guard, isUniqueViolation } from "./errors.ts";
import type { Database } from "./schema.ts";

const CODES = "linkcode";

/** Linked accounts in SQL. */
export class SqlIdentities implements Identities {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly store: Store,
  ) {}

  /** The member with their canonical id if the account is linked. */
  async resolve(member: Member): Promise<Member> {
    const row = await guard("identity", () =>
      this.db.selectFrom("identities").select("canonical_id").where("account_id", "=", member.id).executeTakeFirst(),
    );
    return row ? { ...member, id: row.canonical_id } : member;
  }

  /** Issues a one-time code (ephemeral: in the key-value store). */
  async issueCode(canonicalId: string): Promise<string> {
    for (;;) {
      const code = shortId(8);
      if (await this.store.add(CODES, code, { canonicalId }, LINK_CODE_TTL_MS)) return code;
    }
  }

  /** The canonical id a code links to, or why not. */
  async target(
    account: Member,
    code: string,
  ): Promise<{ ok: true; canonicalId: string } | { ok: false; error: LinkError }> {
    const issued = await this.store.get<{ canonicalId: string }>(CODES, code.toUpperCase());
    if (!issued) return { ok: false, error: "unknownCode" };
    if (issued.canonicalId === account.id) return { ok: false, error: "self" };
    const linked = await this.resolve(account);
    if (linked.id !== account.id) return { ok: false, error: "alreadyLinked" };
    if ((await this.linkedTo(account.id)).length > 0) return { ok: false, error: "isPrimary" };
    return { ok: true, canonicalId: issued.canonicalId };
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
    await this.store.delete(CODES, code.toUpperCase());
    return true;
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
