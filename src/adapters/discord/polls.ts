/**
 * Discord's own record of a native poll. Gateway vote events can be missed
 * (the client was disconnected, or restarting), so before the core freezes a
 * result the adapter reads every answer's voters from
 * `GET /channels/{channel}/polls/{message}/answers/{answer}` (paged, 100 at a
 * time) and hands the core each voter's whole ballot: the bot's final tally is
 * then what Discord shows.
 */
import { type Client, DiscordAPIError, type PartialPollAnswer, type PollAnswer, type User } from "discord.js";
import type { Bot } from "../../core/bot.ts";
import { toMember } from "./map.ts";

/** Voters per page of the voters endpoint (Discord's maximum). */
const PAGE = 100;

/** One voter's choices as Discord records them (core option indexes, from 0). */
export interface NativeBallot {
  readonly user: User;
  readonly options: number[];
}

/** Every voter's ballot in a native poll, read from Discord (not from the events the bot happened to receive). */
export async function nativeBallots(client: Client, channelId: string, messageId: string): Promise<NativeBallot[]> {
  const channel = await client.channels.fetch(channelId);
  if (!channel?.isTextBased()) throw new Error(`cannot read Discord channel ${channelId}`);
  const message = await channel.messages.fetch(messageId);
  const answers = message.poll?.answers;
  if (!answers) throw new Error(`Discord message ${messageId} carries no poll`);
  const ballots = new Map<string, { user: User; options: number[] }>();
  for (const answer of answers.values()) {
    let after: string | undefined;
    for (;;) {
      const page = await answer.voters.fetch({ limit: PAGE, ...(after ? { after } : {}) });
      for (const user of page.values()) {
        const ballot = ballots.get(user.id) ?? { user, options: [] };
        // Discord numbers answers from 1; the core from 0.
        ballot.options.push(answer.id - 1);
        ballots.set(user.id, ballot);
      }
      if (page.size < PAGE) break;
      after = page.lastKey();
    }
  }
  return [...ballots.values()].map((b) => ({ user: b.user, options: b.options.sort((x, y) => x - y) }));
}

/** Native poll votes: each member's events in one poll reach the core in order, and closing reconciles. */
export class NativeVotes {
  private readonly queues = new Map<string, Promise<void>>();

  constructor(
    private readonly client: Client,
    private readonly bot: Bot,
    private readonly guard: (what: string, work: () => Promise<void>) => Promise<void>,
  ) {}

  /** Votes being handed to the core (drained on shutdown). */
  pending(): Promise<void>[] {
    return [...this.queues.values()];
  }

  /** A vote added or removed on Discord. */
  onVote(answer: PollAnswer | PartialPollAnswer, userId: string, added: boolean): void {
    const messageId = answer.poll.messageId;
    // Discord numbers answers from 1; the core from 0.
    const change = { option: answer.id - 1, selected: added };
    const user = this.client.users.cache.get(userId);
    const member = toMember({ id: userId, name: user?.globalName ?? user?.username ?? userId, roles: [] });
    const key = `${messageId}:${userId}`;
    // One member's events in one poll reach the core in the order Discord sent them.
    const previous = this.queues.get(key) ?? Promise.resolve();
    const next = previous.then(() =>
      this.guard("poll vote", () =>
        this.bot.pollVote({ member, platform: "discord", nativePollId: messageId, change }),
      ),
    );
    this.queues.set(key, next);
    void next.then(() => {
      if (this.queues.get(key) === next) this.queues.delete(key);
    });
  }

  /**
   * Gives the core every voter's ballot as Discord records it (after the vote events already
   * received are handled), so votes missed while the gateway was away count before the result freezes.
   */
  async reconcile(channelId: string, messageId: string): Promise<void> {
    await Promise.allSettled(this.pending());
    const ballots = await nativeBallots(this.client, channelId, messageId).catch((e: unknown) => {
      // 10008 Unknown Message: the poll was deleted, and its votes with it; the core keeps what it has.
      if (e instanceof DiscordAPIError && e.code === 10008) return [];
      throw e;
    });
    const voters = ballots.map(({ user, options }) => ({
      member: toMember({ id: user.id, name: user.globalName ?? user.username, roles: [] }),
      optionIndexes: options,
    }));
    await this.bot.reconcileNativePoll("discord", messageId, voters);
  }
}
