/**
 * A streamed answer on Telegram (issue 11): the first checked text is sent as
 * a message, later text edits it, at most about once a second per chat (a
 * shared clock of the chat's last call), and a 429 pushes the next edit past
 * its `retry_after`. When the answer is complete the message is edited into
 * the final card (with its buttons); when it isn't the card that was being
 * written (the stream broke, or failed its checks), what was shown stays and
 * the fallback answer follows as usual.
 */
import type { Telegram } from "telegraf";
import type { LiveReply } from "../../core/live.ts";
import type { Logger } from "../../core/ports.ts";
import type { Reply } from "../../core/replies.ts";
import { describe, retryAfterMs } from "./errors.ts";
import { escapeHtml, renderReply } from "./render.ts";

/** Telegram allows about one message edit per second in a chat. */
export const LIVE_EDIT_INTERVAL_MS = 1000;

/** One answer being written into one message. */
export class TelegramLive implements LiveReply {
  private latest = "";
  private shown = "";
  private messageId: number | undefined;
  private timer: NodeJS.Timeout | undefined;
  private inflight: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly tg: Telegram,
    private readonly chatId: string,
    /** When each chat may next be called (shared by every answer in the adapter). */
    private readonly nextCallAt: Map<string, number>,
    private readonly logger: Logger,
    private readonly intervalMs = LIVE_EDIT_INTERVAL_MS,
  ) {}

  partial(text: string): void {
    if (this.stopped || !text.startsWith(this.latest)) return;
    this.latest = text;
    this.schedule();
  }

  /**
   * Ends the stream: the message shown becomes the final answer card when the replies continue it.
   * Returns the replies still to send.
   */
  async settle(replies: readonly Reply[]): Promise<readonly Reply[]> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.inflight;
    if (this.messageId === undefined) return replies;
    const i = replies.findIndex((r) => r.type === "card" && !r.private && r.body?.startsWith(this.shown));
    const card = replies[i];
    const out = card ? renderReply(card)[0] : undefined;
    if (!card || out?.method !== "sendMessage") return replies;
    try {
      await this.wait();
      await this.tg.editMessageText(this.chatId, this.messageId, undefined, out.text, {
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
        ...(out.keyboard ? { reply_markup: out.keyboard } : {}),
      });
      return replies.filter((_, j) => j !== i);
    } catch (e) {
      this.logger.warn("telegram: final edit of a streamed answer failed; sending it anew", { error: describe(e) });
      return replies;
    }
  }

  /** Takes the chat's next free slot (answers streaming in one chat share its rate); ms until it. */
  private reserve(): number {
    const at = Math.max(Date.now(), this.nextCallAt.get(this.chatId) ?? 0);
    this.nextCallAt.set(this.chatId, at + this.intervalMs);
    return at - Date.now();
  }

  private schedule(): void {
    if (this.timer || this.inflight || this.stopped) return;
    const wait = this.reserve();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.inflight = this.flush().finally(() => {
        this.inflight = undefined;
        if (this.latest !== this.shown) this.schedule();
      });
    }, wait);
  }

  private async wait(): Promise<void> {
    const wait = this.reserve();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }

  private async flush(): Promise<void> {
    const text = this.latest;
    if (text === this.shown || this.stopped) return;
    const html = escapeHtml(text);
    try {
      if (this.messageId === undefined) {
        const msg = await this.tg.sendMessage(this.chatId, html, {
          parse_mode: "HTML",
          link_preview_options: { is_disabled: true },
        });
        this.messageId = msg.message_id;
      } else {
        await this.tg.editMessageText(this.chatId, this.messageId, undefined, html, {
          parse_mode: "HTML",
          link_preview_options: { is_disabled: true },
        });
      }
      this.shown = text;
    } catch (e) {
      const retry = retryAfterMs(e);
      this.nextCallAt.set(this.chatId, Date.now() + (retry ?? this.intervalMs));
      // Anything but a 429 ends the live view: the final replies are sent as usual.
      if (retry === undefined) {
        this.stopped = true;
        this.logger.warn("telegram: streaming an answer failed", { error: describe(e) });
      }
    }
  }
}
