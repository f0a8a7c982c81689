/**
 * A member's server roles for events from DMs, where Discord sends none: an
 * organiser by role (DISCORD_ORGANISER_ROLE_IDS) is then an organiser in DMs
 * too, where donations and their offers are handled. Read per server the bot
 * is in (`GET /guilds/{guild}/members/{user}`, which needs no privileged
 * intent) and kept 5 minutes; a server that does not know the user gives none.
 */
import type { Client } from "discord.js";
import type { InboundEvent } from "../../core/types.ts";

const TTL_MS = 5 * 60_000;
const MAX_KEPT = 10_000;

/** Roles of DM users, read from the bot's servers. */
export class DmRoles {
  private readonly kept = new Map<string, { readonly roles: string[]; readonly until: number }>();

  constructor(
    private readonly client: Client,
    private readonly ttlMs = TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The user's role ids across the bot's servers (none when unknown or unreachable). */
  async of(userId: string): Promise<string[]> {
    const t = this.now();
    const hit = this.kept.get(userId);
    if (hit && hit.until > t) return hit.roles;
    const per = await Promise.all(
      [...this.client.guilds.cache.values()].map((g) =>
        g.members.fetch({ user: userId, force: true }).then(
          (m) => [...m.roles.cache.keys()].filter((id) => id !== g.id),
          () => [],
        ),
      ),
    );
    const roles = per.flat();
    if (this.kept.size >= MAX_KEPT) this.kept.clear();
    this.kept.set(userId, { roles, until: t + this.ttlMs });
    return roles;
  }

  /** The event with its member's server roles, when it came without any (a DM). */
  async withRoles(event: InboundEvent): Promise<InboundEvent> {
    if (event.member.roles?.length) return event;
    const roles = await this.of(event.member.platformUserId);
    return roles.length > 0 ? { ...event, member: { ...event.member, roles } } : event;
  }
}
