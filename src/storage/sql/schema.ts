/**
 * The association's records as tables (see migrations/ for keys, constraints
 * and indexes). Times are ISO-8601 strings, lists and tallies JSON text, so
 * the same rows and queries work on SQLite and PostgreSQL.
 */
import type { Generated } from "kysely";

/** A quarterly townhall; `open_slot` is 1 while open (UNIQUE: one open townhall), else NULL. */
export interface TownhallTable {
  id: string;
  name: string;
  date: string | null;
  opened_at: string;
  opened_by: string;
  closed_at: string | null;
  open_slot: number | null;
  /** How many of its topics are on the agenda (approved), kept by triggers on `topics`. */
  approved_topics: Generated<number>;
}

/** An organiser setting (the moderation mode). */
export interface SettingTable {
  key: string;
  value: string;
}

/** A proposed topic, with its title embedding (JSON). */
export interface TopicTable {
  id: string;
  townhall_id: string;
  title: string;
  details: string;
  proposer_id: string;
  proposer_name: string;
  lang: string;
  created_at: string;
  initial: string;
  embedding: string | null;
  /** Votes on the topic, kept with them (migration 0003). */
  votes: Generated<number>;
  /** 1 while the topic is on the agenda (approved, not rejected or merged). */
  approved: Generated<number>;
}

/** An organiser's decision on a topic: one `review` and one `final` at most (primary key). */
export interface DecisionTable {
  topic_id: string;
  kind: string;
  status: string;
  decided_by: string;
  at: string;
  reason: string | null;
  into_id: string | null;
}

/** One member's support of one topic (primary key: one vote per member). */
export interface VoteTable {
  topic_id: string;
  member_id: string;
  at: string;
}

/** Proposals a member made in a townhall. */
export interface QuotaTable {
  townhall_id: string;
  member_id: string;
  used: number;
}

/** A poll; `open_slot` 1 while open (UNIQUE per townhall); the frozen tally once closed. */
export interface PollTable {
  id: string;
  townhall_id: string;
  question: string;
  topic_ids: string;
  options: string;
  created_at: string;
  created_by: string;
  duration_hours: number;
  open_slot: number | null;
  closed_at: string | null;
  result_counts: string | null;
  result_voters: number | null;
}

/** A member's ballot in a poll (primary key: one ballot per member). */
export interface BallotTable {
  poll_id: string;
  member_id: string;
  options: string;
  at: string;
  platform: string;
}

/** One choice of one ballot, so tallies are SQL aggregates. */
export interface BallotChoiceTable {
  poll_id: string;
  member_id: string;
  option_index: number;
}

/** A donation offer; personal columns are NULL once erased. */
export interface OfferTable {
  ref: string;
  owner_id: string;
  version: number;
  status: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  category: string;
  quantity: number;
  unit: string | null;
  condition: string;
  district: string;
  organisation: string | null;
  description: string | null;
  address: string | null;
  available: string | null;
  contact_name: string | null;
  phone: string | null;
  email: string | null;
  pdpo_accepted_at: string | null;
  erased_at: string | null;
  /** `<memberId>:<form nonce>`: UNIQUE, so one form is submitted once. */
  submission: string | null;
}

/** One change of an offer's status. */
export interface OfferEventTable {
  id: Generated<number>;
  ref: string;
  seq: number;
  at: string;
  status: string;
  by_whom: string;
  note: string | null;
}

/** One organiser action. */
export interface AuditTable {
  id: Generated<number>;
  at: string;
  actor_id: string;
  actor_name: string;
  action: string;
  target: string;
  detail: string | null;
}

/** A linked account and the member id it acts as. */
export interface IdentityTable {
  account_id: string;
  canonical_id: string;
}

/** A notification a workflow owes, written in its transaction and delivered afterwards. */
export interface OutboxTable {
  id: Generated<number>;
  /** `member`, `organisers`, `closePoll` or `pollChat` (a closed poll's tally where it was; since 0006). */
  kind: string;
  member_id: string | null;
  payload: string;
  created_at: string;
  attempts: Generated<number>;
  /** A deliverer's claim, so two instances never send one notice twice. */
  claimed_until: string | null;
  delivered_at: string | null;
}

/** A poll's ballots counted per platform and option (`option_index` -1: voters), kept with the ballots. */
export interface PollTallyTable {
  poll_id: string;
  platform: string;
  option_index: number;
  n: number;
}

/** Offers and items per category and status, kept with the offers. */
export interface OfferTotalTable {
  category: string;
  status: string;
  offers: number;
  /** bigint: PostgreSQL returns it as a string. */
  items: number | string;
}

/** A question the documents did not answer; `text` and `member_id` are "" once erased. */
export interface QuestionTable {
  key: string;
  text: string;
  lang: string;
  at: string;
  member_id: string;
  /** 1 once passed to the organisers. */
  forwarded: number;
}

/** What an answer key (of a feedback button) stands for. */
export interface AnswerTable {
  key: string;
  ref: string;
}

/** A member's rating of an answer (UNIQUE answer and member); `member_id` NULL once erased. */
export interface RatingTable {
  id: Generated<number>;
  answer_key: string;
  answer_ref: string;
  member_id: string | null;
  value: string;
  at: string;
}

/** One day's count of one kind of question outcome (or of newcomers); primary key (day, kind). */
export interface QuestionDayTable {
  day: string;
  kind: string;
  n: number;
}

/** Every table of the records database. */
export interface Database {
  townhalls: TownhallTable;
  settings: SettingTable;
  topics: TopicTable;
  decisions: DecisionTable;
  votes: VoteTable;
  quotas: QuotaTable;
  polls: PollTable;
  ballots: BallotTable;
  ballot_choices: BallotChoiceTable;
  poll_tallies: PollTallyTable;
  offers: OfferTable;
  offer_events: OfferEventTable;
  offer_totals: OfferTotalTable;
  audit: AuditTable;
  identities: IdentityTable;
  outbox: OutboxTable;
  faq_questions: QuestionTable;
  faq_answers: AnswerTable;
  faq_ratings: RatingTable;
  question_days: QuestionDayTable;
}
