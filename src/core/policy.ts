/** Who is an organiser: configured user ids per platform, Discord roles, and the console switch. */
import type { OrganiserPolicy } from "./ports.ts";
import type { Member } from "./types.ts";

/** The organiser settings the policy needs. */
export interface OrganiserSettings {
  readonly consoleOrganiser: boolean;
  readonly telegramIds: readonly string[];
  readonly discordIds: readonly string[];
  readonly discordRoleIds: readonly string[];
}

/** Builds the organiser policy from settings. */
export function organiserPolicy(s: OrganiserSettings): OrganiserPolicy {
  return {
    isOrganiser(m: Member): boolean {
      switch (m.platform) {
        case "console":
          return s.consoleOrganiser;
        case "telegram":
          return s.telegramIds.includes(m.platformUserId);
        case "discord":
          return s.discordIds.includes(m.platformUserId) || (m.roles ?? []).some((r) => s.discordRoleIds.includes(r));
      }
    },
  };
}
