/**
 * What the core answers with: plain data, rendered by each adapter in its own
 * platform's way. Text is always plain (no markup): adapters escape it.
 */

/** A button. `id` is routed back to the core as an {@link ActionEvent}; at most 64 bytes (Telegram's limit). */
export interface Button {
  readonly id: string;
  readonly label: string;
  readonly style?: "primary" | "secondary" | "danger";
}

/** A cited source of an answer. */
export interface SourceRef {
  readonly title: string;
  readonly path: string;
  readonly section?: string;
}

/** Plain text, optionally with buttons below it. */
export interface TextReply {
  readonly type: "text";
  readonly text: string;
  readonly buttons?: readonly Button[];
  /** Contains personal data or concerns only the member: deliver privately (DM, ephemeral). */
  readonly private?: boolean;
}

/** A titled block with labelled fields, sources and buttons. */
export interface CardReply {
  readonly type: "card";
  readonly title: string;
  readonly body?: string;
  readonly fields?: readonly { readonly label: string; readonly value: string }[];
  readonly sources?: readonly SourceRef[];
  readonly buttons?: readonly Button[];
  readonly private?: boolean;
}

/** A question with fixed choices (rendered as buttons or a select menu). */
export interface ChoiceReply {
  readonly type: "choice";
  readonly prompt: string;
  readonly choices: readonly Button[];
  readonly private?: boolean;
}

/** A native poll. Adapters that post it call `bot.pollPosted` with the platform's poll id. */
export interface PollReply {
  readonly type: "poll";
  readonly pollId: string;
  readonly question: string;
  readonly options: readonly string[];
  readonly allowMultiple: boolean;
  readonly durationHours: number;
  /** Shown where the platform has no native poll (the console). */
  readonly fallbackText: string;
}

/** A file to send (an export). */
export interface FileReply {
  readonly type: "file";
  readonly filename: string;
  readonly mimeType: string;
  readonly content: string;
  readonly caption?: string;
  readonly private?: boolean;
}

/**
 * A picture (a chart as PNG) with its text kept: adapters show the picture with the text as its
 * caption (or after it, when too long), and show only the text where pictures can't go.
 */
export interface ImageReply {
  readonly type: "image";
  readonly filename: string;
  readonly mimeType: "image/png";
  /** The PNG, base64 (replies are plain data: they may wait in the outbox). */
  readonly data: string;
  /** Everything the picture shows, as text. */
  readonly text: string;
  readonly private?: boolean;
}

/** A form the adapter may render natively (Discord modal); `formId` comes back in a {@link FormEvent}. */
export interface FormReply {
  readonly type: "form";
  readonly formId: string;
  readonly title: string;
  readonly fields: readonly FormFieldView[];
  /** Text shown by adapters that ask one field at a time. */
  readonly fallbackText: string;
  readonly private?: boolean;
}

/** One field of a {@link FormReply}, as data. */
export interface FormFieldView {
  readonly name: string;
  readonly label: string;
  readonly kind: "text" | "longtext" | "number" | "choice";
  readonly required: boolean;
  readonly maxLength?: number;
  readonly choices?: readonly { readonly value: string; readonly label: string }[];
  readonly placeholder?: string;
  /** The member's earlier answer, shown filled in when a form is asked again (after an invalid field). */
  readonly value?: string;
}

/**
 * The message whose button was pressed, as it should read now (an agenda page's counts after a
 * vote). Only in answer to an action: adapters edit that message in place where the platform can
 * (Telegram editMessageText, Discord's interaction update); a chat platform never posts it as a
 * new message, and the console, which cannot change what it printed, prints it anew. What the
 * presser alone should read goes in the other replies.
 */
export interface UpdateReply {
  readonly type: "update";
  readonly reply: TextReply | CardReply;
  /**
   * A page turn: the presser asked to read another page of the message, which changed nothing for
   * anyone else. Where the platform can show a message to the presser alone (Discord's ephemeral), a
   * page of another member's message may be shown so instead of changing theirs.
   */
  readonly pageTurn?: boolean;
  /** Never moved to a private chat: it stays where the pressed message is (its own `reply` says whether that is private). */
  readonly private?: never;
}

/** Anything the core answers with. */
export type Reply = TextReply | CardReply | ChoiceReply | PollReply | FileReply | FormReply | ImageReply | UpdateReply;

/** Telegram callback data is at most 64 bytes; Discord custom_id at most 100 characters. */
export const MAX_ACTION_BYTES = 64;

/** Builds an action id `feature:verb:arg…`, refusing ids that would not fit a Telegram button. */
export function actionId(...parts: readonly (string | number)[]): string {
  const id = parts.map(String).join(":");
  if (Buffer.byteLength(id, "utf8") > MAX_ACTION_BYTES) {
    throw new Error(`action id longer than ${MAX_ACTION_BYTES} bytes: ${id}`);
  }
  return id;
}

/** A plain text reply. */
export function text(body: string, extra: Omit<TextReply, "type" | "text"> = {}): TextReply {
  return { type: "text", text: body, ...extra };
}

/** The pressed message, as it should read now (`pageTurn`: another page of it, asked for by the presser). */
export function update(reply: TextReply | CardReply, pageTurn = false): UpdateReply {
  return pageTurn ? { type: "update", reply, pageTurn } : { type: "update", reply };
}

/** A button. */
export function button(id: string, label: string, style?: Button["style"]): Button {
  return style ? { id, label, style } : { id, label };
}

/**
 * Replies with every text converted in one call (Traditional to Simplified: the converter may run in
 * another thread).
 */
export async function convertTexts(
  replies: readonly Reply[],
  convert: (texts: readonly string[]) => Promise<string[]>,
): Promise<Reply[]> {
  const texts = new Set<string>();
  await Promise.all(
    replies.map((r) =>
      convertReply(r, async (s) => {
        texts.add(s);
        return s;
      }),
    ),
  );
  const all = [...texts];
  const converted = await convert(all);
  const done = new Map(all.map((s, i) => [s, converted[i] ?? s]));
  return Promise.all(replies.map((r) => convertReply(r, async (s) => done.get(s) ?? s)));
}

/** A reply with every text a member reads passed through `conv` (ids, file names and paths untouched). */
export async function convertReply(r: Reply, conv: (s: string) => Promise<string>): Promise<Reply> {
  const buttons = async (bs: readonly Button[] | undefined) =>
    bs ? Promise.all(bs.map(async (b) => ({ ...b, label: await conv(b.label) }))) : undefined;
  switch (r.type) {
    case "text": {
      const bs = await buttons(r.buttons);
      return { ...r, text: await conv(r.text), ...(bs ? { buttons: bs } : {}) };
    }
    case "card": {
      const bs = await buttons(r.buttons);
      const fields = r.fields
        ? await Promise.all(r.fields.map(async (f) => ({ label: await conv(f.label), value: await conv(f.value) })))
        : undefined;
      const sources = r.sources
        ? await Promise.all(
            r.sources.map(async (s) => ({
              ...s,
              title: await conv(s.title),
              ...(s.section ? { section: await conv(s.section) } : {}),
            })),
          )
        : undefined;
      return {
        ...r,
        title: await conv(r.title),
        ...(r.body !== undefined ? { body: await conv(r.body) } : {}),
        ...(fields ? { fields } : {}),
        ...(sources ? { sources } : {}),
        ...(bs ? { buttons: bs } : {}),
      };
    }
    case "choice":
      return { ...r, prompt: await conv(r.prompt), choices: (await buttons(r.choices)) ?? [] };
    case "poll":
      return r;
    case "file":
      return r.caption !== undefined ? { ...r, caption: await conv(r.caption) } : r;
    case "image":
      return { ...r, text: await conv(r.text) };
    case "form":
      return { ...r, title: await conv(r.title), fallbackText: await conv(r.fallbackText) };
    case "update":
      return { ...r, reply: (await convertReply(r.reply, conv)) as TextReply | CardReply };
  }
}
