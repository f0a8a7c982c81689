/**
 * /mydata and /forgetme for the agenda.
 *
 * What forgetting keeps, and why:
 * - Topics on an agenda (approved or merged) are community property: others
 *   voted for them and exports cite them. Their title stays; the details the
 *   member wrote, their id and name are erased, so nothing links the topic to
 *   the member any more.
 * - Topics nobody else could act on (pending or rejected) are deleted with
 *   their text.
 * - Votes on the open townhall are deleted: the member could vote again under
 *   the same platform id, and an anonymous copy would then count twice. The
 *   live count thus stays "one per current supporter".
 * - Votes on closed townhalls are re-keyed to a random `forgotten:` id, so the
 *   historical counts (and exports) do not change but no longer name anyone.
 * - Poll ballots are deleted: a closed poll's result was frozen when it closed
 *   and does not depend on them; an open poll counts current ballots only.
 * - Proposal counters (keyed by member id) are deleted.
 */

import { t } from "../i18n.ts";
import type { Lang } from "../types.ts";
import type { AgendaDeps } from "./deps.ts";
import { M, STATUS } from "./messages.ts";

/** The agenda's records about a member, as readable lines. */
export async function personalData(d: AgendaDeps, memberId: string, lang: Lang): Promise<string[]> {
  const proposed: string[] = [];
  const supported: string[] = [];
  for (const th of await d.repo.townhalls()) {
    for (const v of await d.repo.topics(th.id)) {
      const label = `${v.topic.id} “${v.topic.title}” (${th.name}, ${t(lang, STATUS[v.status])})`;
      if (v.topic.proposerId === memberId) proposed.push(`• ${label}`);
      if (v.voters.includes(memberId)) supported.push(`• ${label}`);
    }
  }
  const ballots = (await d.polls.ballotsOf(memberId)).map(
    (b) => `• ${b.pollId}: ${b.ballot.options.map((i) => i + 1).join(", ")}`,
  );
  const out: string[] = [];
  if (proposed.length > 0) out.push(`${t(lang, M.proposedIn)}:`, ...proposed);
  if (supported.length > 0) out.push(`${t(lang, M.supportedIn)}:`, ...supported);
  if (ballots.length > 0) out.push(`${t(lang, M.ballotIn)}:`, ...ballots);
  return out;
}

/** Erases or anonymises the member's agenda records (see the module comment); returns records changed. */
export async function forget(d: AgendaDeps, memberId: string): Promise<number> {
  let changed = 0;
  for (const th of await d.repo.townhalls()) {
    const open = await d.repo.isOpen(th.id);
    for (const v of await d.repo.topics(th.id)) {
      if (v.topic.proposerId === memberId) {
        if (v.status === "pending" || v.status === "rejected") {
          changed += await d.repo.deleteTopic(th.id, v.topic.id);
        } else {
          // The title stays (others voted for it); the member's own details and name go.
          await d.repo.replaceTopic({ ...v.topic, details: "", proposerId: "", proposerName: "" });
          changed++;
        }
      }
      if (!v.voters.includes(memberId)) continue;
      const gone = open
        ? await d.repo.removeVote(th.id, v.topic.id, memberId)
        : await d.repo.anonymiseVote(th.id, v.topic.id, memberId);
      if (gone) changed++;
    }
    if (await d.repo.clearSlots(th.id, memberId)) changed++;
  }
  for (const b of await d.polls.ballotsOf(memberId)) {
    if (await d.polls.deleteBallot(b.key)) changed++;
  }
  return changed;
}

/**
 * Moves a linked account's agenda records to its canonical member: each vote
 * is re-created under the canonical id with `add` (a topic both accounts
 * supported keeps one vote), each ballot likewise (the canonical member's own
 * ballot wins), and topics the account proposed are attributed to the member.
 */
export async function mergeMember(d: AgendaDeps, fromId: string, intoId: string): Promise<number> {
  let moved = 0;
  for (const th of await d.repo.townhalls()) {
    for (const v of await d.repo.topics(th.id)) {
      if (v.topic.proposerId === fromId) {
        await d.repo.replaceTopic({ ...v.topic, proposerId: intoId });
        moved++;
      }
      if (!v.voters.includes(fromId)) continue;
      if (await d.repo.moveVote(th.id, v.topic.id, fromId, intoId)) moved++;
    }
  }
  for (const b of await d.polls.ballotsOf(fromId)) {
    if (await d.polls.moveBallot(b, intoId)) moved++;
  }
  return moved;
}
