/** Reads and writes the agenda's records (see model.ts for the layout and the no-read-modify-write rule). */

import { keepNewest } from "../bounded.ts";
import { err, ok, type Result } from "../errors.ts";
import { shortId } from "../ids.ts";
import type { Store } from "../ports.ts";
import { carryOut, type Owed, type OwedEffects } from "../records.ts";
import {
  type Decision,
  NS,
  type OpenMarker,
  statusOf,
  type Topic,
  type TopicRef,
  type TopicStatus,
  type TopicView,
  type Townhall,
  type Vote,
} from "./model.ts";

/** How a moderation mode is written. */
export type Moderation = "auto" | "review";

/** The key prefix of a topic's votes. */
export function votePrefix(townhallId: string, topicId: string): string {
  return `${townhallId}:${topicId}:`;
}

/** Splits a key `<a>:<b>:<rest…>` into its three parts (the rest may hold colons, as member ids do). */
function split3(key: string): [string, string, string] {
  const i = key.indexOf(":");
  const j = key.indexOf(":", i + 1);
  return [key.slice(0, i), key.slice(i + 1, j), key.slice(j + 1)];
}

/** What voting needs to know about a topic: its immutable part and its current status. */
export interface VoteTarget {
  readonly id: string;
  readonly townhallId: string;
  readonly title: string;
  readonly status: TopicStatus;
  /** The topic a merged topic's votes went to. */
  readonly into?: string;
  /** Whether its townhall is the open one, where the store read that with the topic (else voting asks {@link AgendaRepo.isOpen}). */
  readonly open?: boolean;
}

/**
 * Immutable facts of topics kept in memory (townhall, title, initial state;
 * not the proposer), to spare the store on votes. Deleting a topic evicts it
 * here; other bot instances drop it when it ages out of their cache.
 */
const FIXED_CACHE_SIZE = 5000;

/** The agenda's records (a port: {@link KeyvAgendaRepo} here, the SQL one in src/storage/sql). */
export interface AgendaRepo {
  /** A topic as voting sees it: its immutable part and its current status. */
  voteTarget(topicId: string): Promise<VoteTarget | undefined>;
  /** Opens a townhall, unless one is open already (atomic). */
  openTownhall(name: string, date: string | undefined, by: string, now: Date): Promise<Result<Townhall>>;
  /** Closes the open townhall; one caller wins. */
  closeTownhall(now: Date): Promise<Result<Townhall>>;
  /** A townhall by id. */
  townhall(id: string): Promise<Townhall | undefined>;
  /** The open townhall, if any. */
  openOne(): Promise<Townhall | undefined>;
  /** Whether a townhall is the open one. */
  isOpen(townhallId: string): Promise<boolean>;
  /** Every townhall, newest first. */
  townhalls(): Promise<Townhall[]>;
  /** The open townhall, else the most recently opened one. */
  currentOrLatest(): Promise<Townhall | undefined>;
  /** The moderation mode: an organiser's choice, else the configured one. */
  moderation(fallback: Moderation): Promise<Moderation>;
  /** Sets the moderation mode. */
  setModeration(mode: Moderation): Promise<void>;
  /** A new, unused topic id in a townhall. */
  newTopicId(townhallId: string): Promise<string>;
  /** Proposals a member made in a townhall. */
  usedSlots(townhallId: string, memberId: string): Promise<number>;
  /** Takes one of a member's proposal slots atomically; false (and nothing taken) when all are used. */
  takeSlot(townhallId: string, memberId: string, max: number): Promise<boolean>;
  /** Gives back a slot taken for a proposal that was not saved. */
  releaseSlot(townhallId: string, memberId: string): Promise<void>;
  /** Forgets how many proposals a member made in a townhall; true when there was a count. */
  clearSlots(townhallId: string, memberId: string): Promise<boolean>;
  /** Saves a new topic and its title's embedding. */
  saveTopic(topic: Topic, embedding: readonly number[]): Promise<void>;
  /** Rewrites a topic's proposer and details (anonymising, or attributing to a linked member). */
  replaceTopic(topic: Topic): Promise<void>;
  /** Deletes a topic and everything of it (votes, decisions, embedding); returns records removed. */
  deleteTopic(townhallId: string, topicId: string): Promise<number>;
  /** Stored title embeddings of a townhall's topics, by topic id. */
  embeddings(townhallId: string): Promise<Map<string, number[]>>;
  /** One topic with its status and (unless `withVoters` is false) its supporters. */
  topic(topicId: string, withVoters?: boolean): Promise<TopicView | undefined>;
  /** The final decision (rejection or merge) of a topic, if any. */
  finalDecision(townhallId: string, topicId: string): Promise<Decision | undefined>;
  /** Every topic of a townhall with status and supporters. */
  topics(townhallId: string): Promise<TopicView[]>;
  /** The member ids that support a topic. */
  voters(townhallId: string, topicId: string): Promise<string[]>;
  /** Records a member's support; false when it was already there. */
  addVote(townhallId: string, topicId: string, memberId: string, now: Date): Promise<boolean>;
  /** Removes a member's support; false when there was none. */
  removeVote(townhallId: string, topicId: string, memberId: string): Promise<boolean>;
  /** Keeps a member's vote counted but no longer theirs (a closed townhall's record); true when there was one. */
  anonymiseVote(townhallId: string, topicId: string, memberId: string): Promise<boolean>;
  /** Gives a member's vote to another member (a topic both supported keeps one vote); true when it was new. */
  moveVote(townhallId: string, topicId: string, fromId: string, intoId: string): Promise<boolean>;
  /** Moves every vote of one topic to another (a member who supported both keeps one); returns how many were new. */
  moveVotes(townhallId: string, fromId: string, intoId: string): Promise<number>;
  /**
   * Records a decision if none of its kind exists yet; false when another got there first. A merge
   * moves the topic's votes to the target with it (in one transaction where the store has them).
   */
  decide(townhallId: string, topicId: string, kind: "review" | "final", d: Decision, owed?: Owed): Promise<boolean>;
  /**
   * One page of a townhall's approved topics, most supported first, counted by the store
   * (else the feature ranks {@link topics} itself). `page` is clamped to the pages there are.
   */
  rankedPage?(townhallId: string, page: number, pageSize: number, memberId: string): Promise<RankedPage>;
  /** The topics a member proposed or supports, found by member (else the feature reads every townhall). */
  memberTopics?(memberId: string): Promise<MemberTopic[]>;
  /** How many topics of a townhall are in each status, counted by the store (else from {@link topics}). */
  statusCounts?(townhallId: string): Promise<Map<TopicStatus, number>>;
}

/** A topic a member proposed or supports. */
export interface MemberTopic {
  readonly topic: Topic;
  readonly status: TopicStatus;
  readonly proposed: boolean;
  readonly supported: boolean;
}

/** A topic on an agenda page: its support counted, and whether the reader is among it. */
export interface RankedTopic {
  readonly topic: Topic;
  readonly votes: number;
  readonly mine: boolean;
}

/** One page of an agenda. */
export interface RankedPage {
  /** Approved topics in the townhall. */
  readonly total: number;
  /** The page shown (clamped). */
  readonly page: number;
  readonly rows: readonly RankedTopic[];
}

/** The agenda's repository over a {@link Store}. */
export class KeyvAgendaRepo implements AgendaRepo {
  private readonly fixed = new Map<string, Pick<Topic, "townhallId" | "title" | "initial">>();

  constructor(
    readonly store: Store,
    private readonly effects?: OwedEffects,
  ) {}

  /**
   * A topic as voting sees it, in few store calls: the immutable part comes
   * from memory after the first read, the status from one `list` of decisions.
   */
  async voteTarget(topicId: string): Promise<VoteTarget | undefined> {
    let fixed = this.fixed.get(topicId);
    if (!fixed) {
      const ref = await this.store.get<TopicRef>(NS.topicRef, topicId);
      const topic = ref ? await this.store.get<Topic>(NS.topic, `${ref.townhallId}:${topicId}`) : undefined;
      if (!topic) return undefined;
      fixed = { townhallId: topic.townhallId, title: topic.title, initial: topic.initial };
      this.fixed.set(topicId, fixed);
      keepNewest(this.fixed, FIXED_CACHE_SIZE);
    }
    const decisions = await this.store.list<Decision>(NS.decision, `${fixed.townhallId}:${topicId}:`);
    const of = (kind: string) => decisions.find((r) => r.key.endsWith(`:${kind}`))?.value;
    const final = of("final");
    const status = statusOf({ initial: fixed.initial }, of("review"), final);
    const base = { id: topicId, townhallId: fixed.townhallId, title: fixed.title, status };
    return final?.into ? { ...base, into: final.into } : base;
  }

  /** Opens a townhall, unless one is open already (atomic: two organisers at once cannot both open one). */
  async openTownhall(name: string, date: string | undefined, by: string, now: Date): Promise<Result<Townhall>> {
    const id = `H${shortId(5)}`;
    if (!(await this.store.add<OpenMarker>(NS.open, "current", { id }))) return err("alreadyOpen");
    const th: Townhall = { id, name, openedAt: now.toISOString(), openedBy: by, ...(date ? { date } : {}) };
    await this.store.set(NS.townhall, id, th);
    return ok(th);
  }

  /** Closes the open townhall; only the organiser whose call removed the open marker writes the closing time. */
  async closeTownhall(now: Date): Promise<Result<Townhall>> {
    const marker = await this.store.get<OpenMarker>(NS.open, "current");
    if (!marker || !(await this.store.delete(NS.open, "current"))) return err("noneOpen");
    const th = await this.townhall(marker.id);
    if (!th) return err("noneOpen");
    const closed: Townhall = { ...th, closedAt: now.toISOString() };
    await this.store.set(NS.townhall, th.id, closed);
    return ok(closed);
  }

  /** A townhall by id. */
  async townhall(id: string): Promise<Townhall | undefined> {
    return this.store.get<Townhall>(NS.townhall, id);
  }

  /** The open townhall, if any. */
  async openOne(): Promise<Townhall | undefined> {
    const marker = await this.store.get<OpenMarker>(NS.open, "current");
    return marker ? this.townhall(marker.id) : undefined;
  }

  /** Whether a townhall is the open one (the marker is the source of truth, not `closedAt`). */
  async isOpen(townhallId: string): Promise<boolean> {
    return (await this.store.get<OpenMarker>(NS.open, "current"))?.id === townhallId;
  }

  /** Every townhall, newest first. */
  async townhalls(): Promise<Townhall[]> {
    const all = await this.store.list<Townhall>(NS.townhall);
    return all.map((r) => r.value).sort((a, b) => b.openedAt.localeCompare(a.openedAt));
  }

  /** The open townhall, else the most recently opened one. */
  async currentOrLatest(): Promise<Townhall | undefined> {
    return (await this.openOne()) ?? (await this.townhalls())[0];
  }

  /** The moderation mode: an organiser's choice, else the configured one. */
  async moderation(fallback: Moderation): Promise<Moderation> {
    return (await this.store.get<Moderation>(NS.config, "moderation")) ?? fallback;
  }

  /** Sets the moderation mode. */
  async setModeration(mode: Moderation): Promise<void> {
    await this.store.set(NS.config, "moderation", mode);
  }

  /** Reserves a new, unused topic id in a townhall. */
  async newTopicId(townhallId: string): Promise<string> {
    // 32^5 ids: a collision is rare, ten in a row means the store is not creating records.
    for (let attempt = 0; attempt < 10; attempt++) {
      const id = `T${shortId(5)}`;
      if (await this.store.add<TopicRef>(NS.topicRef, id, { townhallId })) return id;
    }
    throw new Error("could not reserve a topic id");
  }

  /** Proposals a member made in a townhall. */
  async usedSlots(townhallId: string, memberId: string): Promise<number> {
    return (await this.store.get<number>(NS.quota, `${townhallId}:${memberId}`)) ?? 0;
  }

  /** Takes one of a member's proposal slots atomically; false (and nothing taken) when all are used. */
  async takeSlot(townhallId: string, memberId: string, max: number): Promise<boolean> {
    const n = await this.store.increment(NS.quota, `${townhallId}:${memberId}`, 1);
    if (n <= max) return true;
    await this.store.increment(NS.quota, `${townhallId}:${memberId}`, -1);
    return false;
  }

  /** Gives back a slot taken for a proposal that was not saved. */
  async releaseSlot(townhallId: string, memberId: string): Promise<void> {
    await this.store.increment(NS.quota, `${townhallId}:${memberId}`, -1);
  }

  /** Forgets a member's proposal count in a townhall. */
  async clearSlots(townhallId: string, memberId: string): Promise<boolean> {
    return this.store.delete(NS.quota, `${townhallId}:${memberId}`);
  }

  /** Re-keys a member's vote under an anonymous id (create-if-absent, then delete). */
  async anonymiseVote(townhallId: string, topicId: string, memberId: string): Promise<boolean> {
    const key = `${votePrefix(townhallId, topicId)}${memberId}`;
    const vote = await this.store.get<Vote>(NS.vote, key);
    if (vote) await this.store.add(NS.vote, `${votePrefix(townhallId, topicId)}forgotten:${shortId(10)}`, vote);
    return this.store.delete(NS.vote, key);
  }

  /** Gives a member's vote to another member (create-if-absent, then delete). */
  async moveVote(townhallId: string, topicId: string, fromId: string, intoId: string): Promise<boolean> {
    const from = `${votePrefix(townhallId, topicId)}${fromId}`;
    const vote = await this.store.get<Vote>(NS.vote, from);
    const moved = vote ? await this.store.add(NS.vote, `${votePrefix(townhallId, topicId)}${intoId}`, vote) : false;
    await this.store.delete(NS.vote, from);
    return moved;
  }

  /** Saves a new topic and its title's embedding. */
  async saveTopic(topic: Topic, embedding: readonly number[]): Promise<void> {
    await this.store.set(NS.topic, `${topic.townhallId}:${topic.id}`, topic);
    await this.store.set(NS.embedding, `${topic.townhallId}:${topic.id}`, embedding);
  }

  /** Rewrites a topic record (only to anonymise its proposer). */
  async replaceTopic(topic: Topic): Promise<void> {
    await this.store.set(NS.topic, `${topic.townhallId}:${topic.id}`, topic);
  }

  /** Deletes a topic and everything under its key (votes, decisions, embedding, id). */
  async deleteTopic(townhallId: string, topicId: string): Promise<number> {
    let n = 0;
    this.fixed.delete(topicId);
    const key = `${townhallId}:${topicId}`;
    for (const v of await this.store.list(NS.vote, votePrefix(townhallId, topicId))) {
      if (await this.store.delete(NS.vote, v.key)) n++;
    }
    for (const kind of ["review", "final"]) await this.store.delete(NS.decision, `${key}:${kind}`);
    await this.store.delete(NS.embedding, key);
    if (await this.store.delete(NS.topic, key)) n++;
    return n;
  }

  /** Stored title embeddings of a townhall's topics, by topic id. */
  async embeddings(townhallId: string): Promise<Map<string, number[]>> {
    const rows = await this.store.list<number[]>(NS.embedding, `${townhallId}:`);
    return new Map(rows.map((r) => [r.key.slice(townhallId.length + 1), r.value]));
  }

  /** One topic with its status and (unless `withVoters` is false, which saves a `list`) its supporters, by id. */
  async topic(topicId: string, withVoters = true): Promise<TopicView | undefined> {
    const ref = await this.store.get<TopicRef>(NS.topicRef, topicId);
    if (!ref) return undefined;
    const key = `${ref.townhallId}:${topicId}`;
    const topic = await this.store.get<Topic>(NS.topic, key);
    if (!topic) return undefined;
    const review = await this.store.get<Decision>(NS.decision, `${key}:review`);
    const final = await this.store.get<Decision>(NS.decision, `${key}:final`);
    const voters = withVoters ? await this.voters(ref.townhallId, topicId) : [];
    return view(topic, review, final, voters);
  }

  /** The final decision (rejection or merge) of a topic, if any. */
  async finalDecision(townhallId: string, topicId: string): Promise<Decision | undefined> {
    return this.store.get<Decision>(NS.decision, `${townhallId}:${topicId}:final`);
  }

  /** Every topic of a townhall with status and supporters: three `list` calls, whatever the size. */
  async topics(townhallId: string): Promise<TopicView[]> {
    const prefix = `${townhallId}:`;
    const topics = await this.store.list<Topic>(NS.topic, prefix);
    const decisions = new Map<string, Decision>();
    for (const d of await this.store.list<Decision>(NS.decision, prefix)) {
      const [, topicId, kind] = split3(d.key);
      decisions.set(`${topicId}:${kind}`, d.value);
    }
    const voters = new Map<string, string[]>();
    for (const v of await this.store.list<Vote>(NS.vote, prefix)) {
      const [, topicId, memberId] = split3(v.key);
      const list = voters.get(topicId) ?? [];
      list.push(memberId);
      voters.set(topicId, list);
    }
    return topics.map(({ value: t }) =>
      view(t, decisions.get(`${t.id}:review`), decisions.get(`${t.id}:final`), voters.get(t.id) ?? []),
    );
  }

  /** The member ids that support a topic, read from the vote records. */
  async voters(townhallId: string, topicId: string): Promise<string[]> {
    const prefix = votePrefix(townhallId, topicId);
    return (await this.store.list<Vote>(NS.vote, prefix)).map((r) => r.key.slice(prefix.length));
  }

  /** Records a member's support; false when it was already there (create-if-absent, so pressing twice counts once). */
  async addVote(townhallId: string, topicId: string, memberId: string, now: Date): Promise<boolean> {
    return this.store.add<Vote>(NS.vote, `${votePrefix(townhallId, topicId)}${memberId}`, { at: now.toISOString() });
  }

  /** Removes a member's support; false when there was none. */
  async removeVote(townhallId: string, topicId: string, memberId: string): Promise<boolean> {
    return this.store.delete(NS.vote, `${votePrefix(townhallId, topicId)}${memberId}`);
  }

  /**
   * Moves every vote of one topic to another: each is created on the target
   * with `add` (a member who supported both keeps one vote) and then deleted
   * from the source. Returns how many votes were new on the target.
   */
  async moveVotes(townhallId: string, fromId: string, intoId: string): Promise<number> {
    let moved = 0;
    for (const v of await this.store.list<Vote>(NS.vote, votePrefix(townhallId, fromId))) {
      const memberId = v.key.slice(votePrefix(townhallId, fromId).length);
      if (await this.store.add(NS.vote, `${votePrefix(townhallId, intoId)}${memberId}`, v.value)) moved++;
      await this.store.delete(NS.vote, v.key);
    }
    return moved;
  }

  /** Records a decision if none of its kind exists yet; false when another decision got there first. */
  async decide(
    townhallId: string,
    topicId: string,
    kind: "review" | "final",
    d: Decision,
    owed?: Owed,
  ): Promise<boolean> {
    const won = await this.store.add<Decision>(NS.decision, `${townhallId}:${topicId}:${kind}`, d);
    if (won && d.status === "merged" && d.into) await this.moveVotes(townhallId, topicId, d.into);
    if (won && owed) await carryOut(this.effects, owed);
    return won;
  }
}

/** The key-value agenda repository under the name callers construct (`new AgendaRepo(store)`). */
export const AgendaRepo = KeyvAgendaRepo;

function view(topic: Topic, review: Decision | undefined, final: Decision | undefined, voters: string[]): TopicView {
  const status = statusOf(topic, review, final);
  const decision = final ?? review;
  return decision ? { topic, status, decision, voters } : { topic, status, voters };
}
