/**
 * Newcomers to a Discord server, gathered for a few seconds and welcomed once
 * in the server's system channel (where Discord posts its own join notes),
 * all named: one join or twenty at once get one short welcome. Discord sends
 * `GUILD_MEMBER_ADD` only to a bot with the privileged GuildMembers intent
 * (enabled in the Developer Portal and by `DISCORD_GUILD_MEMBERS=true`);
 * without it the adapter does not listen, and nothing else depends on joins.
 */
import type { GuildMember } from "discord.js";
import type { Member } from "../../core/types.ts";
import { toMember } from "./map.ts";

/** Joins within this window of the first get one welcome. */
export const JOIN_WINDOW_MS = 5_000;

/** Gathers a server's joins and hands them over once per burst. */
export class JoinGatherer {
  private readonly pending = new Map<string, { channelId: string; members: Member[] }>();

  constructor(
    private readonly windowMs: number,
    private readonly welcome: (channelId: string, newcomers: readonly Member[]) => Promise<void>,
  ) {}

  /** Adds a newcomer (bots are not welcomed; a server without a system channel gets no welcome). */
  add(m: GuildMember): void {
    const channelId = m.guild.systemChannelId;
    if (m.user.bot || !channelId) return;
    const member = toMember({ id: m.id, name: m.displayName, roles: [] });
    const entry = this.pending.get(m.guild.id);
    if (entry) {
      if (!entry.members.some((x) => x.id === member.id)) entry.members.push(member);
      return;
    }
    const fresh = { channelId, members: [member] };
    this.pending.set(m.guild.id, fresh);
    const timer = setTimeout(() => {
      this.pending.delete(m.guild.id);
      void this.welcome(fresh.channelId, fresh.members);
    }, this.windowMs);
    timer.unref?.();
  }
}
