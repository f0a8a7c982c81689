/**
 * Core replies -> Telegram Bot API calls (pure). Telegram's limits live here:
 * messages at most 4,096 characters (longer text is split on line breaks),
 * callback data at most 64 bytes, polls with 2–10 options of at most 100
 * characters and a question of at most 300. Text is sent as HTML with every
 * character escaped, so member-supplied markup is shown, never interpreted.
 */
import type { Button, Reply, UpdateReply } from "../../core/replies.ts";

/** An inline keyboard. */
export interface InlineKeyboard {
  readonly inline_keyboard: { text: string; callback_data: string }[][];
}

/** One outgoing call. `private` replies go to the member's private chat. */
export type TgOut =
  | {
      readonly method: "sendMessage";
      readonly text: string;
      readonly keyboard?: InlineKeyboard;
      readonly private: boolean;
    }
  | {
      readonly method: "sendPoll";
      readonly pollId: string;
      readonly question: string;
      readonly options: readonly string[];
      readonly allowsMultiple: boolean;
    }
  | {
      readonly method: "sendPhoto";
      readonly filename: string;
      readonly content: Buffer;
      readonly caption?: string;
      readonly private: boolean;
    }
  | {
      readonly method: "sendDocument";
      readonly filename: string;
      readonly content: Buffer;
      readonly caption?: string;
      readonly private: boolean;
    };

export const TELEGRAM_TEXT_LIMIT = 4096;
const CALLBACK_LIMIT = 64;
/** Telegram's longest photo caption. */
const CAPTION_LIMIT = 1024;

/** Escapes text for parse_mode HTML. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function cut(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join("")}…`;
}

/** Lays buttons out in rows: up to three short ones, or two longer ones, per row. */
export function keyboard(buttons: readonly Button[]): InlineKeyboard | undefined {
  const usable = buttons.filter((b) => Buffer.byteLength(b.id, "utf8") <= CALLBACK_LIMIT);
  if (usable.length === 0) return undefined;
  const perRow = usable.every((b) => b.label.length <= 12) ? 3 : usable.every((b) => b.label.length <= 24) ? 2 : 1;
  const rows: { text: string; callback_data: string }[][] = [];
  for (let i = 0; i < usable.length; i += perRow) {
    rows.push(usable.slice(i, i + perRow).map((b) => ({ text: cut(b.label, 64), callback_data: b.id })));
  }
  return { inline_keyboard: rows };
}

/** Splits HTML text into messages of at most the limit, on line breaks where possible. */
export function split(html: string, limit = TELEGRAM_TEXT_LIMIT): string[] {
  const out: string[] = [];
  let rest = html;
  while (rest.length > limit) {
    let at = rest.lastIndexOf("\n", limit);
    if (at < limit / 2) at = limit;
    // Never cut an escape sequence such as &amp; in two.
    const amp = rest.lastIndexOf("&", at);
    if (amp > at - 6 && rest.indexOf(";", amp) >= at) at = amp;
    out.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^\n/, "");
  }
  out.push(rest);
  return out.filter((s) => s.length > 0);
}

function messages(html: string, buttons: readonly Button[] | undefined, priv: boolean): TgOut[] {
  const parts = split(html);
  const kb = buttons ? keyboard(buttons) : undefined;
  return parts.map((text, i) =>
    i === parts.length - 1 && kb
      ? { method: "sendMessage", text, keyboard: kb, private: priv }
      : { method: "sendMessage", text, private: priv },
  );
}

/** Renders one reply as the calls that show it. */
export function renderReply(r: Reply): TgOut[] {
  switch (r.type) {
    case "text":
      return messages(escapeHtml(r.text), r.buttons, r.private === true);
    case "card": {
      const lines = [`<b>${escapeHtml(r.title)}</b>`];
      if (r.body) lines.push(escapeHtml(r.body));
      for (const f of r.fields ?? []) lines.push(`<b>${escapeHtml(f.label)}:</b> ${escapeHtml(f.value)}`);
      if (r.sources?.length) {
        const src = r.sources.map((s) => escapeHtml(s.section ? `${s.title} › ${s.section}` : s.title)).join("; ");
        lines.push(`<i>${src}</i>`);
      }
      return messages(lines.join("\n"), r.buttons, r.private === true);
    }
    case "choice":
      return messages(escapeHtml(r.prompt), r.choices, r.private === true);
    case "poll":
      return [
        {
          method: "sendPoll",
          pollId: r.pollId,
          question: cut(r.question, 300),
          options: r.options.slice(0, 10).map((o) => cut(o, 100)),
          allowsMultiple: r.allowMultiple,
        },
      ];
    case "file":
      return [
        {
          method: "sendDocument",
          filename: r.filename,
          content: Buffer.from(r.content, "utf8"),
          ...(r.caption ? { caption: cut(r.caption, 1024) } : {}),
          private: r.private === true,
        },
      ];
    case "image": {
      // A caption holds 1,024 characters: a longer text follows the picture as messages.
      const fits = Array.from(r.text).length <= CAPTION_LIMIT;
      const photo: TgOut = {
        method: "sendPhoto",
        filename: r.filename,
        content: Buffer.from(r.data, "base64"),
        ...(fits ? { caption: r.text } : {}),
        private: r.private === true,
      };
      return fits ? [photo] : [photo, ...messages(escapeHtml(r.text), undefined, r.private === true)];
    }
    case "form":
      // Telegram has no forms: show the form's introduction; the feature then asks the fields one at a time.
      return r.fallbackText ? messages(escapeHtml(r.fallbackText), undefined, r.private === true) : [];
    case "update":
      // Not a new message: the adapter edits the pressed one (see renderEdit).
      return [];
  }
}

/** The pressed message as it should read now (editMessageText), or undefined when it no longer fits one message. */
export function renderEdit(r: UpdateReply): { text: string; keyboard?: InlineKeyboard } | undefined {
  const outs = renderReply(r.reply);
  const [only] = outs;
  if (outs.length !== 1 || only?.method !== "sendMessage") return undefined;
  return only.keyboard ? { text: only.text, keyboard: only.keyboard } : { text: only.text };
}
