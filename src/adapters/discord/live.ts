/**
 * A streamed answer to a slash command on Discord (issue 11): the first
 * checked text defers the interaction (if the adapter hasn't yet) and is
 * written into the deferred reply, later text edits it at most about once a
 * second (discord.js itself waits out a 429). The adapter then edits the same reply into the final card, or, when
 * the final answer doesn't continue what was shown (a broken stream), leaves
 * it and sends the fallback as a follow-up.
 */
import type { RepliableInteraction } from "discord.js";
import type { LiveReply } from "../../core/live.ts";
import type { Logger } from "../../core/ports.ts";
import type { Reply } from "../../core/replies.ts";
import { cut, DISCORD_TEXT_LIMIT, escapeText, NO_MENTIONS } from "./render.ts";

/** Edits of one reply this often at most. */
export const LIVE_EDIT_INTERVAL_MS = 1000;

/** One answer being written into one deferred interaction reply. */
export class DiscordLive implements LiveReply {
  private latest = "";
  private shown = "";
  private nextAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private inflight: Promise<void> | undefined;
  private stopped = false;
  private deferring: Promise<void> | undefined;

  constructor(
    private readonly i: RepliableInteraction,
    private readonly logger: Logger,
    private readonly intervalMs = LIVE_EDIT_INTERVAL_MS,
  ) {}

  /** Defers the interaction once, whoever asks first (the stream or the adapter's 2-second clock). */
  defer(): Promise<void> {
    this.deferring ??=
      this.i.deferred || this.i.replied ? Promise.resolve() : this.i.deferReply().then(() => undefined);
    return this.deferring;
  }

  partial(text: string): void {
    if (this.stopped || !text.startsWith(this.latest)) return;
    this.latest = text;
    this.schedule();
  }

  /** Ends the stream. True when the final replies continue what was shown (edit the reply), false otherwise. */
  async settle(replies: readonly Reply[]): Promise<{ shown: boolean; continued: boolean }> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.inflight;
    if (!this.shown) return { shown: false, continued: false };
    const first = replies.find((r) => !("private" in r && r.private));
    return { shown: true, continued: first?.type === "card" && (first.body?.startsWith(this.shown) ?? false) };
  }

  private schedule(): void {
    if (this.timer || this.inflight || this.stopped) return;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.inflight = this.flush().finally(() => {
          this.inflight = undefined;
          if (this.latest !== this.shown) this.schedule();
        });
      },
      Math.max(0, this.nextAt - Date.now()),
    );
  }

  private async flush(): Promise<void> {
    const text = this.latest;
    if (text === this.shown || this.stopped) return;
    try {
      await this.defer();
      await this.i.editReply({ content: cut(escapeText(text), DISCORD_TEXT_LIMIT), allowedMentions: NO_MENTIONS });
      this.shown = text;
    } catch (e) {
      this.stopped = true;
      this.logger.warn("discord: streaming an answer failed", { error: e instanceof Error ? e.message : String(e) });
    }
    this.nextAt = Date.now() + this.intervalMs;
  }
}
