/**
 * One platform-neutral poll per townhall at a time. Adapters post it natively
 * (Telegram, Discord) and report votes; the console votes with /pollvote. A
 * ballot is one record per member, so the same poll in a Telegram group and a
 * Discord server gives one combined tally. Closing stores a frozen tally.
 */
import { err, ok, type Result } from "../errors.ts";
import { shortId } from "../ids.ts";
import type { Store } from "../ports.ts";
import { carryOut, type Notice, type OwedEffects } from "../records.ts";
import { type Ballot, NS, type OpenMarker, type Poll, type PollResult, type Tally, type TopicView } from "./model.ts";

/** Fewest and most options of a poll (Discord and Telegram allow 10). */
export const MIN_POLL_OPTIONS = 2;
/** Most options of a poll. */
export const MAX_POLL_OPTIONS = 10;
/** How long native polls run. */
export const POLL_HOURS = 72;
/** Telegram's longest poll option. */
const MAX_OPTION_CHARS = 100;

/** The prefix of the agenda's poll ids as the rest of the bot sees them (`ag:<id>`). */
export const POLL_PREFIX = "ag:";

/** A member's ballot as /mydata and /forgetme see it. */
export interface MemberBallot {
  readonly key: string;
  readonly pollId: string;
  readonly ballot: Ballot;
}

/** The polls' records (a port: {@link KeyvPollRepo} here, the SQL one in src/storage/sql). */
export interface PollRepo {
  /** Creates a poll of the given topics, unless the townhall already has an open one. */
  create(
    townhall: { id: string; name: string },
    topics: readonly TopicView[],
    by: string,
    now: Date,
  ): Promise<Result<Poll>>;
  /** A poll by id. */
  get(pollId: string): Promise<Poll | undefined>;
  /** The townhall's open poll, if any. */
  openPoll(townhallId: string): Promise<Poll | undefined>;
  /** The townhall's polls, newest first. */
  polls(townhallId: string): Promise<Poll[]>;
  /** The frozen result of a closed poll. */
  closed(pollId: string): Promise<PollResult | undefined>;
  /** Records a member's ballot (replacing an earlier one; empty `options` withdraws it), unless the poll closed. */
  vote(
    pollId: string,
    memberId: string,
    platform: string,
    options: readonly number[],
    now: Date,
  ): Promise<Result<Poll>>;
  /** Counts the ballots of a poll. */
  tally(poll: Poll): Promise<Tally>;
  /** Counts the ballots of a poll per platform they were cast on (the dashboard's chart). */
  tallyByPlatform?(poll: Poll): Promise<Record<string, Tally>>;
  /** The result: frozen when closed, live otherwise. */
  result(poll: Poll): Promise<{ tally: Tally; closed: boolean }>;
  /**
   * Closes the townhall's open poll and freezes its tally; only one closing call wins. `owes`: the
   * notices the closed poll owes (its tally where it was posted), kept with the close (in its
   * transaction where there is one) and delivered after it.
   */
  close(townhallId: string, now: Date, owes?: OwedByClose): Promise<Result<{ poll: Poll; result: PollResult }>>;
  /** The member's ballots of every poll, for /mydata and /forgetme. */
  ballotsOf(memberId: string): Promise<MemberBallot[]>;
  /** Deletes one ballot (by the key {@link ballotsOf} gave). */
  deleteBallot(key: string): Promise<boolean>;
  /** Gives a ballot to another member unless they have one in that poll (linking accounts); true when moved. */
  moveBallot(b: MemberBallot, intoId: string): Promise<boolean>;
}

/** The notices a poll's close owes, drawn from what it froze; may run inside the close's transaction, so reads no records. */
export type OwedByClose = (closed: { readonly poll: Poll; readonly result: PollResult }) => Promise<readonly Notice[]>;

/** Creates, tallies and closes polls in the key-value store. */
export class KeyvPollRepo implements PollRepo {
  /** `effects`: where the notices a close owes are sent (none without). */
  constructor(
    private readonly store: Store,
    private readonly effects?: OwedEffects,
  ) {}

  /** Creates a poll of the given topics, unless the townhall already has an open one. */
  async create(
    townhall: { id: string; name: string },
    topics: readonly TopicView[],
    by: string,
    now: Date,
  ): Promise<Result<Poll>> {
    const id = `${townhall.id}-${shortId(4)}`;
    if (!(await this.store.add<OpenMarker>(NS.pollOpen, townhall.id, { id }))) return err("pollOpen");
    const poll: Poll = {
      id,
      townhallId: townhall.id,
      question: `${townhall.name}: which topics should we discuss? 你想討論哪些議題？`,
      topicIds: topics.map((t) => t.topic.id),
      options: topics.map((t) => Array.from(t.topic.title).slice(0, MAX_OPTION_CHARS).join("")),
      createdAt: now.toISOString(),
      createdBy: by,
      durationHours: POLL_HOURS,
    };
    await this.store.set(NS.poll, id, poll);
    return ok(poll);
  }

  /** A poll by id. */
  async get(pollId: string): Promise<Poll | undefined> {
    return this.store.get<Poll>(NS.poll, pollId);
  }

  /** The townhall's open poll, if any. */
  async openPoll(townhallId: string): Promise<Poll | undefined> {
    const marker = await this.store.get<OpenMarker>(NS.pollOpen, townhallId);
    return marker ? this.get(marker.id) : undefined;
  }

  /** The townhall's polls, newest first. */
  async polls(townhallId: string): Promise<Poll[]> {
    const all = await this.store.list<Poll>(NS.poll, `${townhallId}-`);
    return all.map((r) => r.value).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /** The frozen result of a closed poll. */
  async closed(pollId: string): Promise<PollResult | undefined> {
    return this.store.get<PollResult>(NS.pollClosed, pollId);
  }

  /**
   * Records a member's ballot (replacing their earlier one); empty `options`
   * withdraws it. Refused when the poll is unknown or closed, or an option is
   * out of range.
   */
  async vote(pollId: string, memberId: string, platform: string, options: readonly number[], now: Date) {
    const poll = await this.get(pollId);
    if (!poll) return err("unknownPoll");
    if (await this.closed(pollId)) return err("pollClosed");
    const chosen = [...new Set(options)].sort((a, b) => a - b);
    if (chosen.some((i) => !Number.isInteger(i) || i < 0 || i >= poll.options.length)) return err("badOption");
    const key = `${pollId}:${memberId}`;
    if (chosen.length === 0) {
      await this.store.delete(NS.ballot, key);
    } else {
      await this.store.set<Ballot>(NS.ballot, key, { options: chosen, at: now.toISOString(), platform });
    }
    return ok(poll);
  }

  /** Counts the ballots of a poll. */
  async tally(poll: Poll): Promise<Tally> {
    const counts = poll.options.map(() => 0);
    const ballots = await this.store.list<Ballot>(NS.ballot, `${poll.id}:`);
    for (const { value } of ballots) {
      for (const i of value.options) if (i >= 0 && i < counts.length) counts[i] = (counts[i] ?? 0) + 1;
    }
    return { counts, voters: ballots.length };
  }

  /** Counts the ballots of a poll per platform they were cast on. */
  async tallyByPlatform(poll: Poll): Promise<Record<string, Tally>> {
    const out: Record<string, { counts: number[]; voters: number }> = {};
    for (const { value } of await this.store.list<Ballot>(NS.ballot, `${poll.id}:`)) {
      const t = out[value.platform] ?? { counts: poll.options.map(() => 0), voters: 0 };
      out[value.platform] = t;
      t.voters++;
      for (const i of value.options) if (i >= 0 && i < t.counts.length) t.counts[i] = (t.counts[i] ?? 0) + 1;
    }
    return out;
  }

  /** The result: frozen when closed, live otherwise. */
  async result(poll: Poll): Promise<{ tally: Tally; closed: boolean }> {
    const frozen = await this.closed(poll.id);
    return frozen ? { tally: frozen, closed: true } : { tally: await this.tally(poll), closed: false };
  }

  /** Closes the townhall's open poll and freezes its tally; only one closing call wins. */
  async close(townhallId: string, now: Date, owes?: OwedByClose): Promise<Result<{ poll: Poll; result: PollResult }>> {
    const poll = await this.openPoll(townhallId);
    if (!poll || !(await this.store.delete(NS.pollOpen, townhallId))) return err("noPoll");
    // Votes are refused from here on: `vote` checks for the frozen record, written once below.
    const tally = await this.tally(poll);
    const result: PollResult = { ...tally, closedAt: now.toISOString() };
    if (!(await this.store.add(NS.pollClosed, poll.id, result))) return err("noPoll");
    // One step after another (no transaction): the notifier's outbox keeps them once handed over.
    if (owes) await carryOut(this.effects, { notices: await owes({ poll, result }) });
    return ok({ poll, result });
  }

  /** The member ballots of every poll, for /mydata and /forgetme. */
  async ballotsOf(memberId: string): Promise<{ key: string; pollId: string; ballot: Ballot }[]> {
    const all = await this.store.list<Ballot>(NS.ballot);
    return all
      .map((r) => ({ key: r.key, pollId: r.key.slice(0, r.key.indexOf(":")), ballot: r.value }))
      .filter((r) => r.key === `${r.pollId}:${memberId}`);
  }

  /** Deletes one ballot record. */
  async deleteBallot(key: string): Promise<boolean> {
    return this.store.delete(NS.ballot, key);
  }

  /** Gives a ballot to another member unless they have one in that poll (create-if-absent); the old one goes. */
  async moveBallot(b: MemberBallot, intoId: string): Promise<boolean> {
    const moved = await this.store.add(NS.ballot, `${b.pollId}:${intoId}`, b.ballot);
    await this.deleteBallot(b.key);
    return moved;
  }
}

/** The key-value poll repository under the name callers construct (`new PollRepo(store)`). */
export const PollRepo = KeyvPollRepo;
