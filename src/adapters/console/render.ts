/**
 * Renders core replies as terminal text. Buttons and poll options are
 * numbered; the member presses one by typing `#<number>`.
 */
import type { Reply } from "../../core/replies.ts";

/** Something the member can press in the console. */
export type Pressable =
  | { readonly kind: "action"; readonly data: string }
  | { readonly kind: "poll"; readonly pollId: string; readonly option: number };

/** The text of a reply and what it made pressable. */
export interface Rendered {
  readonly text: string;
  readonly pressables: readonly Pressable[];
}

// ANSI/OSC escape sequences and other controls: stored text must never drive the terminal.
const ESCAPES =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007]*(?:\u0007|\u001b\\)|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Removes terminal control sequences. */
export function safe(s: string): string {
  return s.replace(ESCAPES, "");
}

/** Renders replies; pressables are numbered from `first`. */
export function renderReplies(replies: readonly Reply[], first = 1): Rendered {
  const pressables: Pressable[] = [];
  const press = (p: Pressable, label: string) => {
    pressables.push(p);
    return `  #${first + pressables.length - 1} ${safe(label)}`;
  };
  const block = (r: Reply): string => {
    switch (r.type) {
      case "text":
        return [safe(r.text), ...(r.buttons ?? []).map((b) => press({ kind: "action", data: b.id }, b.label))].join(
          "\n",
        );
      case "card":
        return [
          // A card without a title continues text already printed (a streamed answer).
          ...(r.title ? [`== ${safe(r.title)} ==`] : []),
          ...(r.body ? [safe(r.body)] : []),
          ...(r.fields ?? []).map((f) => `${safe(f.label)}: ${safe(f.value)}`),
          ...(r.sources?.length
            ? [`Sources: ${r.sources.map((s) => safe(s.section ? `${s.title} › ${s.section}` : s.title)).join("; ")}`]
            : []),
          ...(r.buttons ?? []).map((b) => press({ kind: "action", data: b.id }, b.label)),
        ].join("\n");
      case "choice":
        return [safe(r.prompt), ...r.choices.map((c) => press({ kind: "action", data: c.id }, c.label))].join("\n");
      case "poll":
        return [
          `[poll] ${safe(r.question)}`,
          ...r.options.map((o, i) => press({ kind: "poll", pollId: r.pollId, option: i }, o)),
          safe(r.fallbackText),
        ].join("\n");
      case "file":
        return `[file ${safe(r.filename)}]${r.caption ? ` ${safe(r.caption)}` : ""}`;
      case "image":
        return `[picture ${safe(r.filename)}]\n${safe(r.text)}`;
      case "form":
        return safe(r.fallbackText);
      case "update":
        // A terminal scrolls: what was printed cannot change, so the pressed message is printed anew.
        return block(r.reply);
    }
  };
  const blocks = replies.map(block);
  return { text: blocks.filter(Boolean).join("\n\n"), pressables };
}
