/**
 * One member, several platforms. A member who uses both Telegram and Discord
 * links the accounts once (/link), after which every event from the second
 * account is handled under the first account's member id: one vote per topic
 * and one poll ballot whatever the platform they press from.
 *
 * Records: `identity/<memberId>` → the canonical member id (created with
 * `add`, so an account is linked at most once); `linkcode/<code>` → the
 * canonical id that issued a one-time code (expires after ten minutes).
 */
import { shortId } from "../ids.ts";
import type { Store } from "../ports.ts";
import type { Member } from "../types.ts";

const NS = "identity";
const CODES = "linkcode";
/** How long a link code is valid. */
export const LINK_CODE_TTL_MS = 10 * 60 * 1000;

/** Why a link was refused. */
export type LinkError = "unknownCode" | "self" | "alreadyLinked" | "isPrimary";

/**
 * The one-time link codes, ephemeral in the key-value store whichever store keeps the links, and
 * the rules of using one: shared by {@link KeyvIdentities} and the SQL identities.
 */
export class LinkCodes {
  constructor(private readonly store: Store) {}

  /** Issues a one-time code for linking another account to this (canonical) member. */
  async issue(canonicalId: string): Promise<string> {
    for (;;) {
      const code = shortId(8);
      if (await this.store.add(CODES, code, { canonicalId }, LINK_CODE_TTL_MS)) return code;
    }
  }

  /**
   * The canonical id a code links `account` to, or why not: `linked` tells whether the account is
   * linked already, `linkedTo` which accounts are linked to it (a primary stays primary: chains of
   * links are not followed). Does not use the code up.
   */
  async target(
    account: Member,
    code: string,
    linked: () => Promise<boolean>,
    linkedTo: () => Promise<string[]>,
  ): Promise<{ ok: true; canonicalId: string } | { ok: false; error: LinkError }> {
    const issued = await this.store.get<{ canonicalId: string }>(CODES, code.toUpperCase());
    if (!issued) return { ok: false, error: "unknownCode" };
    if (issued.canonicalId === account.id) return { ok: false, error: "self" };
    if (await linked()) return { ok: false, error: "alreadyLinked" };
    if ((await linkedTo()).length > 0) return { ok: false, error: "isPrimary" };
    return { ok: true, canonicalId: issued.canonicalId };
  }

  /** Uses a code up. */
  async useUp(code: string): Promise<void> {
    await this.store.delete(CODES, code.toUpperCase());
  }
}

/** Linked accounts (a port: {@link KeyvIdentities} here, the SQL one in src/storage/sql). */
export interface Identities {
  /** The member as the core should see them: with the canonical id if the account is linked. */
  resolve(member: Member): Promise<Member>;
  /** Issues a one-time code for linking another account to this (canonical) member. */
  issueCode(canonicalId: string): Promise<string>;
  /** The canonical id a code links to, or an error; does not use the code up. */
  target(account: Member, code: string): Promise<{ ok: true; canonicalId: string } | { ok: false; error: LinkError }>;
  /** Links the account (atomically, once) and uses the code up. */
  link(account: Member, code: string, canonicalId: string): Promise<boolean>;
  /**
   * Links the account and moves its records to the canonical member in one transaction (votes,
   * ballots, proposals); the number of records moved, or undefined when it was linked already.
   * Absent: the caller links, then asks each feature to merge.
   */
  linkAndMerge?(account: Member, code: string, canonicalId: string): Promise<number | undefined>;
  /** The accounts linked to a canonical member id. */
  linkedTo(canonicalId: string): Promise<string[]>;
  /** Removes every link of a canonical member; returns how many there were. */
  unlinkAll(canonicalId: string): Promise<number>;
}

/** Maps platform accounts to their canonical member id in the key-value store. */
export class KeyvIdentities implements Identities {
  private readonly codes: LinkCodes;

  constructor(private readonly store: Store) {
    this.codes = new LinkCodes(store);
  }

  /** The member as the core should see them: with the canonical id if the account is linked. */
  async resolve(member: Member): Promise<Member> {
    const link = await this.store.get<{ canonicalId: string }>(NS, member.id);
    return link ? { ...member, id: link.canonicalId } : member;
  }

  /** Issues a one-time code for linking another account to this (canonical) member. */
  issueCode(canonicalId: string): Promise<string> {
    return this.codes.issue(canonicalId);
  }

  /** The canonical id a code links to, or an error; does not use the code up. */
  async target(
    account: Member,
    code: string,
  ): Promise<{ ok: true; canonicalId: string } | { ok: false; error: LinkError }> {
    return this.codes.target(
      account,
      code,
      async () => (await this.store.get(NS, account.id)) !== undefined,
      () => this.linkedTo(account.id),
    );
  }

  /** Links the account (atomically, once) and uses the code up. */
  async link(account: Member, code: string, canonicalId: string): Promise<boolean> {
    const created = await this.store.add(NS, account.id, { canonicalId });
    if (created) await this.codes.useUp(code);
    return created;
  }

  /** The accounts linked to a canonical member id. */
  async linkedTo(canonicalId: string): Promise<string[]> {
    const all = await this.store.list<{ canonicalId: string }>(NS);
    return all.filter((r) => r.value.canonicalId === canonicalId).map((r) => r.key);
  }

  /** Removes every link of a canonical member; returns how many there were. */
  async unlinkAll(canonicalId: string): Promise<number> {
    let n = 0;
    for (const id of await this.linkedTo(canonicalId)) if (await this.store.delete(NS, id)) n++;
    return n;
  }
}

/** The key-value identities under the name callers construct (`new Identities(store)`). */
export const Identities = KeyvIdentities;
