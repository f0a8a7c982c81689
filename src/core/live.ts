/**
 * A reply written while the member waits (issue 11): an adapter that can show
 * text progressively (the console prints it, Telegram and Discord edit one
 * message) passes a {@link LiveReply} to `Bot.handle`; the core calls it with
 * the text so far, already checked, only ever growing. The final replies are
 * returned as usual: they may continue what was shown or, when the stream
 * broke or failed its checks, follow it with the fallback answer.
 */

/** Receives the text of an answer as it is written. */
export interface LiveReply {
  /** The checked text so far; each call extends the previous one. */
  partial(text: string): void;
}
