/**
 * Where an answer goes on Discord (pure). Organisers' lists and queues in a
 * server are ephemeral (only polls and pictures, which are for everyone, stay
 * public); a press on an ephemeral message is answered ephemerally; a pager's
 * next page replaces the page whose button was pressed when that message is
 * the presser's own (ephemeral, or the answer to their own command), and is
 * shown to the presser alone otherwise: a list drawn for one member (their
 * votes marked) never replaces another member's.
 */
import { type MessageComponentInteraction, MessageFlags } from "discord.js";
import type { Reply } from "../../core/replies.ts";
import type { DcOut } from "./render.ts";

/** Replies made private, except polls and pictures. */
export function privately(replies: readonly Reply[]): Reply[] {
  return replies.map((r) =>
    r.type === "poll" || r.type === "image" || r.type === "update" || r.private ? r : { ...r, private: true },
  );
}

/** Rendered messages made private. */
export function privateOuts(outs: readonly DcOut[]): DcOut[] {
  return outs.map((o) => (o.kind === "message" ? { ...o, private: true } : o));
}

/** `feature:verb:<n>[:extra]` split around its page number, or undefined when it has none. */
function pageKey(id: string): string | undefined {
  const m = /^(.+?:)\d+(:[^:]*)?$/.exec(id);
  return m ? `${m[1]}#${m[2] ?? ""}` : undefined;
}

/** Whether `out` is another page of the list whose button `pressedId` belongs to. */
export function isPageOf(pressedId: string, out: DcOut | undefined): boolean {
  const key = pageKey(pressedId);
  if (!key || out?.kind !== "message") return false;
  const ids = (out.payload.components ?? []).flatMap((row) =>
    row.components.map((c) => ("custom_id" in c ? c.custom_id : "")),
  );
  return ids.some((id) => pageKey(id) === key);
}

/** Whether the pressed message is ephemeral. */
export function ephemeralMessage(i: MessageComponentInteraction): boolean {
  return i.message.flags.has(MessageFlags.Ephemeral);
}

/** Whether the pressed message is the presser's own: ephemeral, or the answer to their own command. */
export function ownMessage(i: MessageComponentInteraction): boolean {
  return ephemeralMessage(i) || i.message.interactionMetadata?.user.id === i.user.id;
}
