/**
 * The core's commands as Discord application commands (pure). Their shape is
 * read from each command's `usage` (`propose <title> | <details>`,
 * `agenda [topic id]`) and its verbs' (`/townhall open <name> | [date]`):
 * `<x>` is a required string option, `[x]` an optional one, `[x: a|b]` one
 * with choices, a lone `|` separates free-text parts. Verbs become
 * subcommands; a first word `a|b|c` of a usage without verbs lists verbs
 * whose arguments are one optional `details` option. A command without usage
 * keeps one optional `text` option. Options come back as the one `args` string the core
 * reads, in the usage's order. A command with several free-text parts
 * (`/propose`) used with none of them opens a modal instead, so no step
 * waits for a typed message (which servers hide without MessageContent).
 * Discord's limits: names 1–32 of [a-z0-9_-], descriptions 1–100 characters,
 * at most 25 options, modal titles 45 characters and 5 inputs.
 */
import {
  type APIModalInteractionResponseCallbackData,
  type ApplicationCommandDataResolvable,
  type ApplicationCommandOptionData,
  ApplicationCommandOptionType,
  ComponentType,
  PermissionFlagsBits,
  TextInputStyle,
} from "discord.js";
import type { CommandField, CommandSpec, LocalName } from "../../core/feature.ts";
import type { Localised } from "../../core/i18n.ts";
import { cut } from "./render.ts";

/** The one string option of commands without usage, and the rest-of-line option of verbs. */
export const ARGS_OPTION = "text";
/** A verb's (subcommand's) optional free text. */
export const VERB_ARGS_OPTION = "details";
/** A modal that asks a command's free-text parts: `custom_id` is this prefix and the command name. */
export const COMMAND_MODAL_PREFIX = "/";

/** One argument of a command, in the usage's order. */
export interface SlashParam {
  /** Option name (Discord's rule). */
  readonly name: string;
  /** As written in the usage, e.g. `topic id`. */
  readonly label: string;
  /** The few words it may be (`[format: md|csv]`). */
  readonly choices?: readonly string[];
  /** The core's limit (a declared field's). */
  readonly maxLength?: number;
  /** Its name in Traditional Chinese (a declared field's). */
  readonly localName?: LocalName;
  readonly required: boolean;
  /** Written before the value when the args string is put back together (` ` or ` | `). */
  readonly before: string;
}

/** A verb of a command: a subcommand. */
export interface SlashVerb {
  readonly name: string;
  readonly localName?: LocalName;
  readonly description?: Localised;
  readonly params: readonly SlashParam[];
}

/** A command's Discord shape. */
export interface SlashShape {
  readonly name: string;
  readonly verbs: readonly SlashVerb[];
  readonly params: readonly SlashParam[];
  /** Several free-text parts: asked in a modal when a required one is missing. */
  readonly modal: boolean;
  /** The command's declared free-text parts: the modal asks for any one missing, with their labels and limits. */
  readonly fields?: readonly CommandField[];
}

const optionName = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 32) || "value";

/** The arguments of a usage (after the command and verb). */
function paramsOf(tokens: readonly string[]): SlashParam[] {
  const params: SlashParam[] = [];
  let before = " ";
  for (const tok of tokens) {
    if (tok === "|") {
      before = " | ";
      continue;
    }
    const m = /^([<[])(.*)[>\]]$/.exec(tok);
    if (!m) continue;
    const [label = "", words] = (m[2] ?? "").split(":").map((x) => x.trim());
    const choices = words
      ?.split("|")
      .map((w) => w.trim())
      .filter(Boolean);
    let name = optionName(label);
    while (params.some((p) => p.name === name)) name = `${name}_`.slice(-32);
    params.push({ name, label, required: m[1] === "<", before, ...(choices?.length ? { choices } : {}) });
    before = " ";
  }
  return params.slice(0, 25);
}

const tokensOf = (usage: string | undefined) => usage?.match(/<[^>]*>|\[[^\]]*\]|\S+/g) ?? [];

/** Reads a command's shape from its usage and its verbs. */
export function slashShape(c: Pick<CommandSpec, "name" | "usage" | "verbs" | "fields">): SlashShape {
  if (c.fields?.length) {
    const params = c.fields.map((f, n) => ({
      name: optionName(f.name),
      label: f.name,
      required: f.required,
      before: n === 0 ? " " : " | ",
      maxLength: f.maxLength,
      ...(f.localName ? { localName: f.localName } : {}),
    }));
    return { name: c.name, verbs: [], params, modal: true, fields: c.fields };
  }
  const tokens = tokensOf(c.usage);
  if (tokens[0] === c.name) tokens.shift();
  if (c.verbs?.length) {
    const verbs = c.verbs.map((v) => ({
      name: v.name,
      description: v.description,
      params: paramsOf(tokensOf(v.usage)),
      ...(v.localName ? { localName: v.localName } : {}),
    }));
    return { name: c.name, verbs, params: [], modal: false };
  }
  let verbs: SlashVerb[] = [];
  if (tokens[0] && /^[a-z0-9_]+(\|[a-z0-9_]+)+$/.test(tokens[0])) {
    verbs = (tokens.shift() ?? "").split("|").map((name) => ({ name, params: [] }));
  }
  const params = paramsOf(tokens);
  const modal = params.length >= 2 && params.some((p) => p.before === " | ");
  return { name: c.name, verbs, params, modal };
}

/** The application command of a core command. */
export function slashCommand(c: CommandSpec, shape = slashShape(c)): ApplicationCommandDataResolvable {
  const en = cut(c.description.en, 100);
  const zh = cut(c.description["zh-HK"], 100);
  return {
    name: c.name,
    // Organisers' commands are hidden from members (server admins grant them to the organiser
    // role under Integrations); the core checks the organiser policy again on every use.
    ...(c.organiserOnly ? { defaultMemberPermissions: PermissionFlagsBits.ManageGuild } : {}),
    ...localized(c.localName),
    description: en,
    descriptionLocalizations: { "zh-TW": zh },
    options: optionsOf(c, shape),
  };
}

/** Discord's zh-TW name of a command, subcommand or option (letters and digits, lower-case, at most 32). */
function localized(n: LocalName | undefined): { nameLocalizations?: { "zh-TW": string } } {
  const name = n?.["zh-HK"]
    .toLowerCase()
    .replace(/[^-_\p{L}\p{N}]/gu, "")
    .slice(0, 32);
  return name ? { nameLocalizations: { "zh-TW": name } } : {};
}

type StringOption = Extract<ApplicationCommandOptionData, { type: ApplicationCommandOptionType.String }>;

function stringOption(
  name: string,
  en: string,
  zh: string,
  required: boolean,
  choices?: readonly string[],
  maxLength = 4000,
  localName?: LocalName,
): StringOption {
  return {
    ...localized(localName),
    type: ApplicationCommandOptionType.String,
    name,
    description: cut(en, 100),
    descriptionLocalizations: { "zh-TW": cut(zh, 100) },
    required,
    ...(choices ? { choices: choices.slice(0, 25).map((w) => ({ name: cut(w, 100), value: cut(w, 100) })) } : {}),
    ...(choices ? {} : { maxLength: Math.min(4000, maxLength) }),
  };
}

/** Typed options, required first (Discord's rule). */
function typed(params: readonly SlashParam[], en: string, zh: string): StringOption[] {
  const ordered = [...params.filter((p) => p.required), ...params.filter((p) => !p.required)];
  return ordered.map((p) =>
    stringOption(p.name, `${p.label} — ${en}`, `${p.label} — ${zh}`, p.required, p.choices, p.maxLength, p.localName),
  );
}

function optionsOf(c: CommandSpec, shape: SlashShape): ApplicationCommandOptionData[] {
  const zh = c.description["zh-HK"];
  if (shape.verbs.length > 0) {
    return shape.verbs.slice(0, 25).map((v) => {
      const ven = v.description?.en ?? `/${c.name} ${v.name}`;
      const vzh = v.description?.["zh-HK"] ?? `/${c.name} ${v.name} — ${zh}`;
      // Verbs read from a usage alone take the rest of the line as free text.
      const options = v.description
        ? typed(v.params, ven, vzh)
        : [stringOption(VERB_ARGS_OPTION, "Details (optional)", "內容（可選）", false)];
      return {
        type: ApplicationCommandOptionType.Subcommand as const,
        name: optionName(v.name),
        ...localized(v.localName),
        description: cut(ven, 100),
        descriptionLocalizations: { "zh-TW": cut(vzh, 100) },
        options,
      };
    });
  }
  if (shape.params.length === 0) {
    const hint = c.usage ? `/${c.usage}` : "Details (optional)";
    return [stringOption(ARGS_OPTION, hint, c.usage ? hint : "內容（可選）", false)];
  }
  // A modal asks what is missing: then nothing is required up front.
  const params = shape.modal ? shape.params.map((p) => ({ ...p, required: false })) : shape.params;
  return typed(params, `/${c.usage ?? c.name}`, zh);
}

/** The args string of typed options (and a subcommand), in the usage's order. */
export function argsOf(shape: SlashShape, verb: string | null, values: Readonly<Record<string, string>>): string {
  const v = verb ? shape.verbs.find((x) => optionName(x.name) === verb) : undefined;
  const params = v ? v.params : shape.params;
  // The one `text` option of commands registered before their typed options (Discord updates global
  // commands within the hour) still counts as the whole args.
  const legacy = params.some((p) => p.name === ARGS_OPTION) ? undefined : values[ARGS_OPTION]?.trim();
  if (params.length === 0 || legacy) {
    const rest = legacy || (values[verb ? VERB_ARGS_OPTION : ARGS_OPTION]?.trim() ?? "");
    return [v?.name ?? verb ?? "", rest].filter(Boolean).join(" ");
  }
  let out = "";
  for (const p of params) {
    const value = values[p.name]?.trim();
    if (!value) continue;
    out += out ? `${p.before}${value}` : value;
  }
  return [v?.name ?? "", out].filter(Boolean).join(" ");
}

/** The modal asking a command's free-text parts (the last one a paragraph), in English or Chinese. */
export function commandModal(
  c: CommandSpec,
  shape: SlashShape,
  /** Parts already given, filled in. */
  values: Readonly<Record<string, string>> = {},
  lang: "en" | "zh-HK" = "en",
): APIModalInteractionResponseCallbackData {
  const last = shape.params.length - 1;
  return {
    custom_id: `${COMMAND_MODAL_PREFIX}${c.name}`,
    title: cut(c.description[lang], 45),
    components: shape.params.slice(0, 5).map((p, n) => {
      const field = shape.fields?.find((f) => optionName(f.name) === p.name);
      const long = field ? field.kind === "longtext" : n === last;
      const max = Math.min(4000, p.maxLength ?? (long ? 4000 : 200));
      const given = values[p.name]?.trim();
      return {
        type: ComponentType.Label,
        label: cut(field ? field.label[lang] : p.label.replace(/^./, (ch) => ch.toUpperCase()), 45),
        component: {
          type: ComponentType.TextInput,
          custom_id: p.name,
          style: long ? TextInputStyle.Paragraph : TextInputStyle.Short,
          required: p.required,
          max_length: max,
          ...(given ? { value: Array.from(given).slice(0, max).join("") } : {}),
        },
      };
    }),
  };
}
