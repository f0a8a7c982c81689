/**
 * Modals the bot cannot show yet. Discord opens a modal only as the first
 * answer to a slash command or a button press: never in answer to a modal
 * submit (a form asked again after an invalid field), after another answer,
 * or in a message. Such a modal is held here and the message gets a button
 * whose press opens it, filled in with the member's earlier answers. Held
 * modals are for their member only, expire after 15 minutes, and live in this
 * process (a press on another instance, or after a restart, gets the core's
 * "this button has expired").
 */
import { randomBytes } from "node:crypto";
import { type APIModalInteractionResponseCallbackData, ButtonStyle, ComponentType } from "discord.js";
import type { DcOut, Row } from "./render.ts";

/** The custom_id prefix of a button that opens a held modal. */
export const OPEN_MODAL_PREFIX = "modal:";
const TTL_MS = 15 * 60_000;
const MAX_HELD = 10_000;
const LABEL = "Fill in the form / 填寫表格";

interface Held {
  readonly userId: string;
  readonly modal: APIModalInteractionResponseCallbackData;
  readonly expires: number;
}

/** Modals waiting for their member's press. */
export class ModalStash {
  private readonly held = new Map<string, Held>();

  constructor(
    private readonly ttlMs = TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Holds a modal for a member; returns the id its button carries. */
  hold(userId: string, modal: APIModalInteractionResponseCallbackData): string {
    const t = this.now();
    for (const [k, h] of this.held) if (h.expires <= t || this.held.size >= MAX_HELD) this.held.delete(k);
    const key = randomBytes(9).toString("base64url");
    this.held.set(key, { userId, modal, expires: t + this.ttlMs });
    return key;
  }

  /** The modal of a button's custom_id, for its own member while it lasts (kept: a closed modal may be opened again). */
  take(customId: string, userId: string): APIModalInteractionResponseCallbackData | undefined {
    if (!customId.startsWith(OPEN_MODAL_PREFIX)) return undefined;
    const h = this.held.get(customId.slice(OPEN_MODAL_PREFIX.length));
    if (!h || h.userId !== userId || h.expires <= this.now()) return undefined;
    return h.modal;
  }

  /** A form's fallback with a button that opens its modal under the last message. */
  withButton(userId: string, out: Extract<DcOut, { kind: "form" }>): DcOut[] {
    if (!out.modal) return [...out.fallback];
    const row: Row = {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.Button,
          custom_id: `${OPEN_MODAL_PREFIX}${this.hold(userId, out.modal)}`,
          label: LABEL,
          style: ButtonStyle.Primary,
        },
      ],
    };
    const outs = [...out.fallback];
    const last = outs.at(-1);
    if (last?.kind === "message" && !last.payload.components?.length) {
      outs[outs.length - 1] = { ...last, payload: { ...last.payload, components: [row] } };
    } else {
      outs.push({
        kind: "message",
        payload: { components: [row], allowedMentions: { parse: [] } },
        private: out.private,
      });
    }
    return outs;
  }
}
