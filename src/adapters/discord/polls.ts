/**
 * Discord's own record of a native poll. Gateway vote events can be missed
 * (the client was disconnected, or restarting), so before the core freezes a
 * result the adapter reads every answer's voters from
 * `GET /channels/{channel}/polls/{message}/answers/{answer}` (paged, 100 at a
 * time) and hands the core each voter's whole ballot: the bot's final tally is
 * then what Discord shows.
 */
import type { Client, User } from "discord.js";

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
