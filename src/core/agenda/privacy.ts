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
import type { Townhall } from "./model.ts";
import type { MemberTopic } from "./repo.ts";

/** The member's topics (proposed or supported) with their townhall: by member where the store can. */
async function involvement(d: AgendaDeps, memberId: string): Promise<(MemberTopic & { th: Townhall })[]> {
  const townhalls = new Map((await d.repo.townhalls()).map((th) => [th.id, th]));
  let mine: MemberTopic[];
  if (d.repo.memberTopics) mine = await d.repo.memberTopics(memberId);
  else {
    mine = [];
    for (const th of townhalls.values()) {
      for (const v of await d.repo.topics(th.id)) {
        const proposed = v.topic.proposerId === memberId;
        const supported = v.voters.includes(memberId);
        if (proposed || supported) mine.push({ topic: v.topic, status: v.status, proposed, supported });
      }
    }
  }
  return mine.flatMap((m) => {
    const th = townhalls.get(m.topic.townhallId);
    return th ? [{ ...m, th }] : [];
  });
}

/** The agenda's records about a member, as readable lines. */
export async function personalData(d: AgendaDeps, memberId: string, lang: Lang): Promise<string[]> {
  const proposed: string[] = [];
  const supported: string[] = [];
  for (const v of await involvement(d, memberId)) {
    const label = `${v.topic.id} “${v.topic.title}” (${v.th.name}, ${t(lang, STATUS[v.status])})`;
    if (v.proposed) proposed.push(`• ${label}`);
    if (v.supported) supported.push(`• ${label}`);
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
  const open = (await d.repo.openOne())?.id;
  for (const v of await involvement(d, memberId)) {
    if (v.proposed) {
      if (v.status === "pending" || v.status === "rejected") {
        changed += await d.repo.deleteTopic(v.th.id, v.topic.id);
        continue;
      }
      // The title stays (others voted for it); the member's own details and name go.
      await d.repo.replaceTopic({ ...v.topic, details: "", proposerId: "", proposerName: "" });
      changed++;
    }
    if (!v.supported) continue;
    const gone =
      v.th.id === open
        ? await d.repo.removeVote(v.th.id, v.topic.id, memberId)
        : await d.repo.anonymiseVote(v.th.id, v.topic.id, memberId);
    if (gone) changed++;
  }
  for (const th of await d.repo.townhalls()) if (await d.repo.clearSlots(th.id, memberId)) changed++;
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
