/**
 * Core replies -> discord.js message payloads (pure). Discord's limits live
 * here: messages at most 2,000 characters (longer text is split on line
 * breaks); embeds with a title of at most 256, a description of at most 4,096,
 * at most 25 fields (names 256, values 1,024), a footer of 2,048 and 6,000 in
 * all; at most 5 action rows of at most 5 buttons (labels 80, custom_id 100);
 * select menus of at most 25 options (labels and values 100); polls with a
 * question of 300, 1–10 answers of 55 and 1–768 hours; modals with a title of
 * 45 and at most 5 labelled inputs. All text is escaped Markdown, and every
 * payload forbids mentions, so member text such as `@everyone` or `<@&role>`
 * can never ping anyone.
 */
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIComponentInModalActionRow,
  type APIEmbed,
  type APILabelComponent,
  type APIModalInteractionResponseCallbackData,
  type APIStringSelectComponent,
  AttachmentBuilder,
  ButtonStyle,
  ComponentType,
  escapeMarkdown,
  type PollData,
  TextInputStyle,
} from "discord.js";
import type { Button, FormFieldView, FormReply, Reply, UpdateReply } from "../../core/replies.ts";

/** Discord's message length limit. */
export const DISCORD_TEXT_LIMIT = 2000;
const CUSTOM_ID_LIMIT = 100;
const ROWS = 5;
const PER_ROW = 5;
const SELECT_OPTIONS = 25;
const MODAL_INPUTS = 5;
const EMBED_TOTAL = 6000;

/** The one mention setting every outgoing payload carries: nobody is ever pinged. */
export const NO_MENTIONS = { parse: [] as never[] };

/** A message row: buttons or one select menu. */
export type Row = APIActionRowComponent<APIButtonComponent> | APIActionRowComponent<APIStringSelectComponent>;

/** A message as discord.js sends it. */
export interface MessagePayload {
  readonly content?: string;
  readonly embeds?: APIEmbed[];
  readonly components?: Row[];
  readonly files?: AttachmentBuilder[];
  readonly poll?: PollData;
  readonly allowedMentions: typeof NO_MENTIONS;
}

/** One outgoing item. `private` items go ephemeral (interactions) or by DM (messages). */
export type DcOut =
  | { readonly kind: "message"; readonly payload: MessagePayload; readonly private: boolean }
  | { readonly kind: "poll"; readonly pollId: string; readonly payload: MessagePayload }
  | {
      readonly kind: "form";
      /** Absent when the form does not fit a modal: the fallback is shown instead. */
      readonly modal?: APIModalInteractionResponseCallbackData;
      readonly fallback: readonly DcOut[];
      readonly private: boolean;
    };

/** Shortens to at most `max` characters (code points), marking the cut. */
export function cut(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join("")}…`;
}

/** Escapes Discord Markdown (including headings, lists, quotes, subtext and masked links) in plain text. */
export function escapeText(s: string): string {
  return escapeMarkdown(s, { heading: true, maskedLink: true, bulletedList: true, numberedList: true })
    .replace(/^(\s*)(>)/gm, "$1\\$2")
    .replace(/^(\s*)-#/gm, "$1\\-#");
}

/** Splits text into messages of at most the limit, on line breaks where possible, never after a lone backslash. */
export function split(s: string, limit = DISCORD_TEXT_LIMIT): string[] {
  const out: string[] = [];
  let rest = s;
  while (rest.length > limit) {
    let at = rest.lastIndexOf("\n", limit);
    if (at < limit / 2) at = rest.lastIndexOf(" ", limit);
    if (at < limit / 2) at = limit;
    // Keep an escape (`\*`) and a surrogate pair together.
    while (at > 1 && (rest[at - 1] === "\\" || /[\ud800-\udbff]/.test(rest[at - 1] ?? ""))) at--;
    out.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^[\n ]/, "");
  }
  out.push(rest);
  return out.filter((p) => p.trim().length > 0);
}

const STYLE: Record<NonNullable<Button["style"]>, ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Danger> = {
  primary: ButtonStyle.Primary,
  secondary: ButtonStyle.Secondary,
  danger: ButtonStyle.Danger,
};

/** A select menu's custom_id: the adapter reads the chosen option's value as the action id. */
export const SELECT_PREFIX = "sel:";

/**
 * Buttons as rows: up to 5 rows of 5 buttons, or select menus (25 options each)
 * when asked for a menu or when there are more buttons than 25.
 */
export function rows(buttons: readonly Button[], asMenu = false): Row[] {
  // Discord refuses a whole message whose custom_ids repeat or exceed 100 characters: such buttons are dropped.
  const seen = new Set<string>();
  const usable = buttons.filter((b) => {
    const ok = b.id.length > 0 && b.id.length <= CUSTOM_ID_LIMIT && !seen.has(b.id);
    seen.add(b.id);
    return ok;
  });
  if (usable.length === 0) return [];
  if (asMenu || usable.length > ROWS * PER_ROW) {
    const menus: Row[] = [];
    for (let i = 0; i < usable.length && menus.length < ROWS; i += SELECT_OPTIONS) {
      const options = usable
        .slice(i, i + SELECT_OPTIONS)
        .map((b) => ({ label: cut(b.label, 100) || b.id.slice(0, 100), value: b.id }));
      menus.push({
        type: ComponentType.ActionRow,
        components: [{ type: ComponentType.StringSelect, custom_id: `${SELECT_PREFIX}${i}`, options }],
      });
    }
    return menus;
  }
  const out: Row[] = [];
  for (let i = 0; i < usable.length; i += PER_ROW) {
    out.push({
      type: ComponentType.ActionRow,
      components: usable.slice(i, i + PER_ROW).map((b) => ({
        type: ComponentType.Button,
        custom_id: b.id,
        label: cut(b.label, 80) || "•",
        style: STYLE[b.style ?? "secondary"],
      })),
    });
  }
  return out;
}

function messages(text: string, components: Row[], priv: boolean, extra: Partial<MessagePayload> = {}): DcOut[] {
  const parts = split(escapeText(text));
  if (parts.length === 0 && (components.length > 0 || extra.embeds || extra.files)) parts.push("");
  return parts.map((content, i) => {
    const last = i === parts.length - 1;
    const payload: MessagePayload = {
      ...(content ? { content } : {}),
      ...(last ? extra : {}),
      ...(last && components.length > 0 ? { components } : {}),
      allowedMentions: NO_MENTIONS,
    };
    return { kind: "message", payload, private: priv };
  });
}

/** A card as one embed within Discord's limits (6,000 characters in all); sources go in the footer. */
export function embed(r: Extract<Reply, { type: "card" }>): APIEmbed {
  const title = cut(escapeText(r.title), 256);
  const e: APIEmbed = title ? { title } : {};
  if (r.sources?.length) {
    const src = r.sources.map((s) => (s.section ? `${s.title} › ${s.section}` : s.title)).join("; ");
    e.footer = { text: cut(src, 2048) };
  }
  let left = EMBED_TOTAL - title.length - (e.footer?.text.length ?? 0);
  // Fields get at most half of what is left when there is a body, all of it otherwise.
  let fieldBudget = r.body ? Math.floor(left / 2) : left;
  const fields: NonNullable<APIEmbed["fields"]> = [];
  for (const f of (r.fields ?? []).slice(0, 25)) {
    const name = cut(escapeText(f.label), Math.min(256, fieldBudget - 2)) || "\u200b";
    const value = cut(escapeText(f.value), Math.min(1024, fieldBudget - name.length - 1)) || "\u200b";
    if (name.length + value.length > fieldBudget) break;
    fields.push({ name, value, inline: f.value.length <= 40 });
    fieldBudget -= name.length + value.length;
    left -= name.length + value.length;
  }
  if (fields.length) e.fields = fields;
  if (r.body && left > 1) e.description = cut(escapeText(r.body), Math.min(4096, left));
  return e;
}

/** Renders one reply as the items that show it. */
export function renderReply(r: Reply): DcOut[] {
  switch (r.type) {
    case "text":
      return messages(r.text, rows(r.buttons ?? []), r.private === true);
    case "card":
      return messages("", rows(r.buttons ?? []), r.private === true, { embeds: [embed(r)] });
    case "choice":
      return messages(r.prompt, rows(r.choices, r.choices.length > PER_ROW), r.private === true);
    case "poll":
      // Discord needs a question and at least one answer; otherwise the poll is shown as text.
      if (!r.question.trim() || !r.options.some((o) => o.trim())) return messages(r.fallbackText, [], false);
      return [{ kind: "poll", pollId: r.pollId, payload: { poll: poll(r), allowedMentions: NO_MENTIONS } }];
    case "file": {
      const file = new AttachmentBuilder(Buffer.from(r.content, "utf8"), { name: r.filename });
      return messages(r.caption ?? "", [], r.private === true, { files: [file] });
    }
    case "image": {
      // The picture goes with the text (its last message, when the text is split).
      const picture = new AttachmentBuilder(Buffer.from(r.data, "base64"), { name: r.filename });
      return messages(r.text, [], r.private === true, { files: [picture] });
    }
    case "form": {
      const modal = modalOf(r);
      const fallback = messages(r.fallbackText, [], r.private === true);
      return [{ kind: "form", ...(modal ? { modal } : {}), fallback, private: r.private === true }];
    }
    case "update":
      // Not a new message: the adapter edits the pressed one (see renderEdit).
      return [];
  }
}

/** The pressed message as it should read now, or undefined when it no longer fits one message. */
export function renderEdit(r: UpdateReply): MessagePayload | undefined {
  const outs = renderReply(r.reply);
  const [only] = outs;
  if (outs.length !== 1 || only?.kind !== "message") return undefined;
  // Whatever the message showed before (content or an embed, buttons) is replaced as a whole.
  return { content: "", embeds: [], components: [], ...only.payload };
}

/** Renders several replies. */
export function renderReplies(replies: readonly Reply[]): DcOut[] {
  return replies.flatMap(renderReply);
}

function poll(r: Extract<Reply, { type: "poll" }>): PollData {
  return {
    question: { text: cut(r.question, 300) },
    // Answers keep their positions (Discord's answer_id - 1 is the core's option index).
    answers: r.options.slice(0, 10).map((o) => ({ text: cut(o.trim(), 55) || "—" })),
    duration: Math.min(768, Math.max(1, Math.round(r.durationHours))),
    allowMultiselect: r.allowMultiple,
  };
}

/** A form as a modal, or undefined when it cannot be one (more than 5 fields, too many choices, long id). */
export function modalOf(r: FormReply): APIModalInteractionResponseCallbackData | undefined {
  if (r.fields.length === 0 || r.fields.length > MODAL_INPUTS || r.formId.length > CUSTOM_ID_LIMIT) return undefined;
  const components: APILabelComponent[] = [];
  for (const f of r.fields) {
    const component = inputOf(f);
    if (!component) return undefined;
    components.push({ type: ComponentType.Label, label: cut(f.label.trim() || f.name, 45), component });
  }
  return { custom_id: r.formId, title: cut(r.title, 45), components };
}

function inputOf(f: FormFieldView): APILabelComponent["component"] | undefined {
  if (f.name.length === 0 || f.name.length > CUSTOM_ID_LIMIT) return undefined;
  if (f.kind === "choice") {
    const choices = f.choices ?? [];
    if (choices.length === 0 || choices.length > SELECT_OPTIONS) return undefined;
    return {
      type: ComponentType.StringSelect,
      custom_id: f.name,
      required: f.required,
      min_values: f.required ? 1 : 0,
      max_values: 1,
      options: choices.map((c) => ({
        label: cut(c.label, 100),
        value: cut(c.value, 100),
        ...(f.value !== undefined && c.value === f.value ? { default: true } : {}),
      })),
      ...(f.placeholder ? { placeholder: cut(f.placeholder, 150) } : {}),
    };
  }
  const input: APIComponentInModalActionRow = {
    type: ComponentType.TextInput,
    custom_id: f.name,
    style: f.kind === "longtext" ? TextInputStyle.Paragraph : TextInputStyle.Short,
    required: f.required,
    max_length: Math.min(4000, Math.max(1, f.maxLength ?? 4000)),
    ...(f.placeholder ? { placeholder: cut(f.placeholder, 100) } : {}),
    // The earlier answer, filled in again (within the input's limit).
    ...(f.value
      ? {
          value: Array.from(f.value)
            .slice(0, Math.min(4000, f.maxLength ?? 4000))
            .join(""),
        }
      : {}),
  };
  return input;
}
