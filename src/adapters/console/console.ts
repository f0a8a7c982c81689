/**
 * The console chat: the same core the platforms use, in a terminal. With a
 * TTY it prompts; with stdin piped, each line is one message from the same
 * member and the replies go to stdout, so a session can be scripted.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Bot } from "../../core/bot.ts";
import type { LiveReply } from "../../core/live.ts";
import type { Delivery } from "../../core/notify.ts";
import type { Reply } from "../../core/replies.ts";
import type { Chat, Member } from "../../core/types.ts";
import { type Pressable, renderReplies, safe } from "./render.ts";

/** The one member of the console. */
export const CONSOLE_MEMBER: Member = {
  id: "console:local",
  platform: "console",
  platformUserId: "local",
  displayName: "friend",
};

const CHAT: Chat = { id: "console:local", type: "private" };

/** Where the console reads and writes. */
export interface ConsoleOptions {
  readonly bot: Bot;
  readonly input: Readable;
  readonly output: Writable;
  readonly interactive: boolean;
  /** Exports are written to `<exportDir>/<filename>`. */
  readonly exportDir: string;
}

/** A running console chat. */
export class ConsoleChat {
  private pressables: readonly Pressable[] = [];

  constructor(private readonly opts: ConsoleOptions) {}

  /** Deliveries for the notifier: notices to the console member and to organisers are printed. */
  delivery(isOrganiser: boolean): Delivery {
    return {
      toMember: async (userId, replies) => {
        if (userId === CONSOLE_MEMBER.platformUserId) await this.print(replies, "(notice) ");
      },
      toOrganisers: async (replies) => {
        if (!isOrganiser) return false;
        await this.print(replies, "(to organisers) ");
        return true;
      },
    };
  }

  /** Reads until end of input. */
  async run(): Promise<void> {
    const { input, output, interactive } = this.opts;
    const rl = createInterface({ input, terminal: interactive, crlfDelay: Number.POSITIVE_INFINITY });
    if (interactive) {
      output.write("Blockchain Association of Hong Kong bot. Type a question, /help, or Ctrl+D to quit.\n");
      await this.send("/start");
      rl.setPrompt("> ");
      rl.prompt();
    }
    for await (const line of rl) {
      await this.send(line);
      if (interactive) rl.prompt();
    }
  }

  /** Handles one line as the console member would type it. */
  async send(line: string): Promise<void> {
    const press = /^#(\d{1,3})$/.exec(line.trim());
    const target = press ? this.pressables[Number(press[1]) - 1] : undefined;
    if (press && !target) {
      this.opts.output.write("There is no such button here.\n");
      return;
    }
    if (target?.kind === "poll") {
      await this.opts.bot.pollVote({
        member: CONSOLE_MEMBER,
        platform: "console",
        nativePollId: target.pollId,
        optionIndexes: [target.option],
      });
      this.opts.output.write("Your vote is recorded.\n");
      return;
    }
    // An answer from a language model is printed as it is written (issue 11).
    let shown = "";
    const live: LiveReply = {
      partial: (s) => {
        if (!s.startsWith(shown)) return;
        this.opts.output.write(safe(s.slice(shown.length)));
        shown = s;
      },
    };
    const replies =
      target?.kind === "action"
        ? await this.opts.bot.handle({ kind: "action", member: CONSOLE_MEMBER, chat: CHAT, data: target.data })
        : await this.opts.bot.handle({ kind: "text", member: CONSOLE_MEMBER, chat: CHAT, text: line }, live);
    await this.print(shown ? this.afterStream(replies, shown) : replies, "");
  }

  /** After streamed text: the rest of the answer that continues it (else, after a broken stream, the fallback). */
  private afterStream(replies: readonly Reply[], shown: string): readonly Reply[] {
    const i = replies.findIndex((r) => r.type === "card" && r.body?.startsWith(shown));
    const card = replies[i];
    if (card?.type !== "card") {
      this.opts.output.write("\n");
      return replies;
    }
    this.opts.output.write(`${safe(card.body?.slice(shown.length) ?? "")}\n`);
    const { body: _, ...rest } = card;
    return replies.map((r, j) => (j === i ? { ...rest, title: "" } : r));
  }

  private async print(replies: readonly Reply[], prefix: string): Promise<void> {
    const lines: string[] = [];
    for (const r of replies) {
      if (r.type === "poll") await this.opts.bot.pollPosted(r.pollId, "console", r.pollId);
      if (r.type === "file") lines.push(await this.saveFile(r.filename, r.content));
      if (r.type === "image") lines.push(await this.savePicture(r.filename, r.data));
    }
    const rendered = renderReplies(replies);
    if (rendered.pressables.length > 0) this.pressables = rendered.pressables;
    if (rendered.text) this.opts.output.write(`${prefix}${rendered.text}\n`);
    for (const l of lines) this.opts.output.write(`${l}\n`);
    this.opts.output.write("\n");
  }

  /** Pictures are saved next to the exports; the console shows their text and where the file is. */
  private async savePicture(filename: string, base64: string): Promise<string> {
    const name = safe(filename).replace(/[^A-Za-z0-9._-]/g, "_");
    await mkdir(this.opts.exportDir, { recursive: true });
    const path = join(this.opts.exportDir, name);
    await writeFile(path, Buffer.from(base64, "base64"));
    return `Picture saved: ${path}`;
  }

  private async saveFile(filename: string, content: string): Promise<string> {
    const name = safe(filename).replace(/[^A-Za-z0-9._-]/g, "_");
    await mkdir(this.opts.exportDir, { recursive: true });
    const path = join(this.opts.exportDir, name);
    await writeFile(path, content, "utf8");
    const preview = content.split("\n").slice(0, 30).map(safe).join("\n");
    return `Saved ${path}\n${preview}`;
  }
}
