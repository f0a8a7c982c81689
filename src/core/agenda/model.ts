/**
 * The townhall agenda's records and where they live in the {@link Store}.
 *
 * Every record has its own key, and nothing is ever read, changed and written
 * back when other people may write it at the same time: votes, decisions and
 * proposal slots are created with the store's atomic `add`/`increment`, and
 * counts are derived by listing records. Keys of one townhall share the prefix
 * `<townhallId>:` so one `list` call reads a whole townhall.
 */
import type { Lang } from "../types.ts";

/** Store namespaces of the agenda. */
export const NS = {
  /** `<townhallId>` → {@link Townhall}. */
  townhall: "agth",
  /** `current` → {@link OpenMarker}: created with `add`, so only one townhall is open at a time. */
  open: "agopen",
  /** `moderation` → "auto" | "review": an organiser's override of the configured mode. */
  config: "agcfg",
  /** `<townhallId>:<topicId>` → {@link Topic}. */
  topic: "agtopic",
  /** `<topicId>` → {@link TopicRef}: reserves a topic id and finds its townhall. */
  topicRef: "agtref",
  /** `<townhallId>:<topicId>:review|final` → {@link Decision}: created with `add`, so one decision wins. */
  decision: "agdec",
  /** `<townhallId>:<topicId>:<memberId>` → {@link Vote}: one record per member and topic. */
  vote: "agvote",
  /** `<townhallId>:<memberId>` → number of proposals made (atomic `increment`). */
  quota: "agquota",
  /** `<townhallId>:<topicId>` → the title's embedding, computed once when the topic is saved. */
  embedding: "agemb",
  /** `<pollId>` → {@link Poll}; poll ids start with `<townhallId>-`. */
  poll: "agpoll",
  /** `<townhallId>` → {@link OpenMarker} of the townhall's open poll. */
  pollOpen: "agpollopen",
  /** `<pollId>` → {@link PollResult}: the frozen tally, created with `add` when the poll closes. */
  pollClosed: "agpollres",
  /** `<pollId>:<memberId>` → {@link Ballot}: one ballot per member. */
  ballot: "agballot",
} as const;

/** A quarterly townhall. Closed ones stay readable. */
export interface Townhall {
  readonly id: string;
  readonly name: string;
  /** YYYY-MM-DD, when given. */
  readonly date?: string;
  readonly openedAt: string;
  readonly openedBy: string;
  readonly closedAt?: string;
}

/** Marks the one open townhall (or a townhall's one open poll). */
export interface OpenMarker {
  readonly id: string;
}

/** A proposed topic. Its status is derived from its {@link Decision}s, never written back into it. */
export interface Topic {
  readonly id: string;
  readonly townhallId: string;
  readonly title: string;
  readonly details: string;
  /** Empty once the proposer asked to be forgotten. */
  readonly proposerId: string;
  readonly proposerName: string;
  /** The language the proposer wrote in: how they are told about decisions. */
  readonly lang: Lang;
  readonly createdAt: string;
  /** `approved` when moderation was automatic, else `pending`. */
  readonly initial: "approved" | "pending";
}

/** Finds a topic's townhall from its id alone. */
export interface TopicRef {
  readonly townhallId: string;
}

/** What an organiser decided about a topic. `review` decisions approve; `final` ones reject or merge. */
export interface Decision {
  readonly status: "approved" | "rejected" | "merged";
  readonly by: string;
  readonly at: string;
  readonly reason?: string;
  readonly into?: string;
}

/** A topic's status. */
export type TopicStatus = "pending" | "approved" | "rejected" | "merged";

/** One member's support of one topic. */
export interface Vote {
  readonly at: string;
}

/** A platform-neutral poll over the top approved topics. */
export interface Poll {
  readonly id: string;
  readonly townhallId: string;
  readonly question: string;
  readonly topicIds: readonly string[];
  readonly options: readonly string[];
  readonly createdAt: string;
  readonly createdBy: string;
  readonly durationHours: number;
}

/** A member's choices in a poll (any platform). */
export interface Ballot {
  readonly options: readonly number[];
  readonly at: string;
  readonly platform: string;
}

/** A poll's tally: votes per option and how many members voted. */
export interface Tally {
  readonly counts: readonly number[];
  readonly voters: number;
}

/** A closed poll's frozen tally. */
export interface PollResult extends Tally {
  readonly closedAt: string;
}

/** A topic with its derived status and votes. */
export interface TopicView {
  readonly topic: Topic;
  readonly status: TopicStatus;
  readonly decision?: Decision;
  /** Member ids of the topic's supporters. */
  readonly voters: readonly string[];
}

/** Most supported first; ties go to the earlier proposal, then the id. */
export function byRank(a: TopicView, b: TopicView): number {
  return (
    b.voters.length - a.voters.length ||
    a.topic.createdAt.localeCompare(b.topic.createdAt) ||
    a.topic.id.localeCompare(b.topic.id)
  );
}

/** The status of a topic from its decisions: a final decision beats a review decision beats the initial state. */
export function statusOf(topic: Pick<Topic, "initial">, review?: Decision, final?: Decision): TopicStatus {
  if (final) return final.status;
  if (review) return review.status;
  return topic.initial;
}

/** Topic and townhall ids: a letter and five characters of Crockford base32. */
export const TOPIC_ID = /^T[0-9A-HJKMNP-TV-Z]{5}$/;
/** Townhall ids. */
export const TOWNHALL_ID = /^H[0-9A-HJKMNP-TV-Z]{5}$/;

/**
 * Normalises an id as a member typed it: upper case, without `#`, `-` or
 * spaces, and with the look-alike letters read as Crockford base32 digits.
 */
export function normaliseId(input: string): string {
  const s = input
    .toUpperCase()
    .replace(/[#\-\s]/g, "")
    .slice(0, 12);
  const head = s.slice(0, 1);
  const tail = s.slice(1).replace(/[IL]/g, "1").replace(/O/g, "0");
  return head + tail;
}
