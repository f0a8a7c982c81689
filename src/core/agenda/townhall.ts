/**
 * `/townhall <subcommand>`: the organisers' one command. The bot refuses it to
 * non-organisers before it gets here; every change is written to the audit log.
 */
import type { Context } from "../feature.ts";
import { fill, t } from "../i18n.ts";
import { withPicture } from "../pictures.ts";
import type { NativePoll } from "../ports.ts";
import type { Notice } from "../records.ts";
import { type FileReply, type PollReply, type Reply, text } from "../replies.ts";
import type { Lang } from "../types.ts";
import { approve, merge, reject } from "./decide.ts";
import type { AgendaDeps } from "./deps.ts";
import { agendaCsv, agendaMarkdown } from "./export.ts";
import { checkTownhall, echo } from "./input.ts";
import { membersCount } from "./messages.ts";
import { normaliseId, type Poll, type Tally, TOWNHALL_ID } from "./model.ts";
import { O } from "./organiser-messages.ts";
import { MAX_POLL_OPTIONS, MIN_POLL_OPTIONS, POLL_PREFIX } from "./polls.ts";
import type { Moderation } from "./repo.ts";
import { reviewQueue } from "./review.ts";
import { pollFallback, ranked, tallyLines, townhallLabel } from "./views.ts";

/** Topics in a poll when the organiser gives no number. */
const DEFAULT_POLL_OPTIONS = 5;

/** Runs `/townhall <args>`. */
export async function townhall(d: AgendaDeps, ctx: Context, args: string): Promise<Reply[]> {
  const sub = (args.split(/\s+/)[0] ?? "").toLowerCase();
  const rest = args.slice(sub.length).trim();
  const [a = "", ...more] = rest.split(/\s+/);
  switch (sub) {
    case "":
    case "help":
      return [text(t(ctx.lang, O.usage))];
    case "open":
      return open(d, ctx, rest);
    case "close":
      return close(d, ctx);
    case "list":
      return list(d, ctx);
    case "review":
      return reviewQueue(d, ctx, /^\d+$/.test(a) ? Number(a) - 1 : 0);
    case "approve":
      return approve(d, ctx, a);
    case "reject":
      return reject(d, ctx, a, rest.slice(a.length));
    case "merge":
      return merge(d, ctx, a, more[0] ?? "");
    case "poll":
      return poll(d, ctx, a.toLowerCase());
    case "results":
      return results(d, ctx);
    case "export":
      return exportAgenda(d, ctx, a.toLowerCase(), more[0]);
    case "moderation":
      return moderation(d, ctx, a.toLowerCase());
    default:
      return [text(`${fill(t(ctx.lang, O.unknownSub), { sub: echo(sub) })}\n\n${t(ctx.lang, O.usage)}`)];
  }
}

async function open(d: AgendaDeps, ctx: Context, rest: string): Promise<Reply[]> {
  const input = checkTownhall(rest);
  if (!input.ok) return [text(t(ctx.lang, input.error === "badDate" ? O.dateBad : O.nameBad))];
  const r = await d.repo.openTownhall(input.value.name, input.value.date, ctx.member.id, ctx.now);
  if (!r.ok) {
    const current = await d.repo.openOne();
    return [text(fill(t(ctx.lang, O.alreadyOpen), { townhall: current ? townhallLabel(current) : "" }))];
  }
  const th = r.value;
  await d.services.audit.record(ctx.member, "townhall.open", th.id, townhallLabel(th));
  const mode = await d.repo.moderation(d.opts.moderation);
  return [text(fill(t(ctx.lang, O.opened), { townhall: townhallLabel(th), id: th.id, mode: t(ctx.lang, O[mode]) }))];
}

/**
 * Ends the poll where it was posted natively, so that members can no longer vote there, and has the
 * platform's final votes counted (Discord reads each answer's voters): called before the tally freezes.
 */
async function endNativePolls(d: AgendaDeps, pollId: string): Promise<NativePoll[]> {
  const where = (await d.services.store.list<NativePoll>("pollnative", `${POLL_PREFIX}${pollId}|`)).map((r) => r.value);
  const close = d.services.notifier.closeNativePoll?.bind(d.services.notifier);
  if (close) for (const poll of where) await close(poll);
  return where;
}

/**
 * The final tally goes where the poll was, too: members who voted in a group see the result there.
 * Not twice in the chat the organiser closed it from (it is the answer there). Owed by the close:
 * kept with it (the outbox) and delivered after it, so a platform's refusal or a restart does not
 * lose it. The result drawn for them is the organiser's answer too (`drawn`).
 */
function owedWherePolled(d: AgendaDeps, ctx: Context, where: readonly NativePoll[], drawn: { result?: Reply }) {
  return async (closed: { poll: Poll; result: Tally }): Promise<Notice[]> => {
    const result = await pollResult(d, ctx.lang, closed.poll, closed.result);
    drawn.result = result;
    const chats = new Set<string>();
    const notices: Notice[] = [];
    for (const poll of where) {
      const chat = `${poll.platform}:${poll.chatId}`;
      if (chat === ctx.chat.id || chats.has(chat)) continue;
      chats.add(chat);
      notices.push({ to: "pollChat", poll, replies: [result] });
    }
    return notices;
  };
}

/** A closed poll's result: its tally as text, and as a picture where the app draws them. */
async function pollResult(d: AgendaDeps, lang: Lang, closed: Poll, result: Tally): Promise<Reply> {
  const head = fill(t(lang, O.pollClosed), { voters: membersCount(lang, result.voters) });
  const body = text([head, ...tallyLines(lang, closed, result)].join("\n"));
  const rows = closed.options.map((label, i) => ({ label, value: result.counts[i] ?? 0 }));
  return withPicture(d.services, body, { title: head, rows, filename: `poll-${closed.id}.png` });
}

async function close(d: AgendaDeps, ctx: Context): Promise<Reply[]> {
  const current = await d.repo.openOne();
  const open = current ? await d.polls.openPoll(current.id) : undefined;
  const where = open ? await endNativePolls(d, open.id) : [];
  // Freeze the townhall's poll first, so no vote lands after the townhall closes.
  const drawn: { result?: Reply } = {};
  const poll = current ? await d.polls.close(current.id, ctx.now, owedWherePolled(d, ctx, where, drawn)) : undefined;
  if (poll?.ok) await d.services.audit.record(ctx.member, "poll.close", poll.value.poll.id, "townhall closed");
  const r = await d.repo.closeTownhall(ctx.now);
  if (!r.ok) return [text(t(ctx.lang, O.noneOpen))];
  await d.services.audit.record(ctx.member, "townhall.close", r.value.id);
  const closed = text(fill(t(ctx.lang, O.closed), { townhall: townhallLabel(r.value), id: r.value.id }));
  if (!poll?.ok) return [closed];
  // The poll it closed with it: its result too.
  return [closed, drawn.result ?? (await pollResult(d, ctx.lang, poll.value.poll, poll.value.result))];
}

async function list(d: AgendaDeps, ctx: Context): Promise<Reply[]> {
  const all = (await d.repo.townhalls()).slice(0, 10);
  if (all.length === 0) return [text(t(ctx.lang, O.noneOpen))];
  const lines = all.map((th) => `${th.id} ${townhallLabel(th)}: ${t(ctx.lang, th.closedAt ? O.closedWord : O.open)}`);
  return [text([t(ctx.lang, O.listHead), ...lines].join("\n"))];
}

function pollReply(lang: Lang, p: Poll): PollReply {
  return {
    type: "poll",
    pollId: `${POLL_PREFIX}${p.id}`,
    question: p.question,
    options: p.options,
    allowMultiple: true,
    durationHours: p.durationHours,
    fallbackText: pollFallback(lang, p),
  };
}

async function poll(d: AgendaDeps, ctx: Context, arg: string): Promise<Reply[]> {
  const th = await d.repo.openOne();
  if (!th) return [text(t(ctx.lang, O.noneOpen))];
  if (arg === "close") {
    // Native polls end first and their final votes are counted; then the tally freezes.
    const open = await d.polls.openPoll(th.id);
    const where = open ? await endNativePolls(d, open.id) : [];
    const drawn: { result?: Reply } = {};
    const r = await d.polls.close(th.id, ctx.now, owedWherePolled(d, ctx, where, drawn));
    if (!r.ok) return [text(t(ctx.lang, O.noOpenPoll))];
    await d.services.audit.record(ctx.member, "poll.close", r.value.poll.id);
    return [drawn.result ?? (await pollResult(d, ctx.lang, r.value.poll, r.value.result))];
  }
  if (arg === "post") {
    const p = await d.polls.openPoll(th.id);
    return p ? [pollReply(ctx.lang, p)] : [text(t(ctx.lang, O.noOpenPoll))];
  }
  const n = arg === "" ? DEFAULT_POLL_OPTIONS : /^\d{1,2}$/.test(arg) ? Number(arg) : Number.NaN;
  if (!(n >= MIN_POLL_OPTIONS && n <= MAX_POLL_OPTIONS)) return [text(t(ctx.lang, O.pollUsage))];
  const top = ranked(await d.repo.topics(th.id)).slice(0, n);
  if (top.length < MIN_POLL_OPTIONS) {
    return [text(fill(t(ctx.lang, O.pollTooFew), { townhall: townhallLabel(th), n: top.length }))];
  }
  const r = await d.polls.create(th, top, ctx.member.id, ctx.now);
  if (!r.ok) return [text(t(ctx.lang, O.pollAlreadyOpen))];
  await d.services.audit.record(ctx.member, "poll.open", r.value.id, `${top.length} options`);
  return [pollReply(ctx.lang, r.value)];
}

async function results(d: AgendaDeps, ctx: Context): Promise<Reply[]> {
  const th = await d.repo.currentOrLatest();
  if (!th) return [text(t(ctx.lang, O.noneOpen))];
  const latest = (await d.polls.openPoll(th.id)) ?? (await d.polls.polls(th.id))[0];
  if (!latest) return [text(fill(t(ctx.lang, O.noPolls), { townhall: townhallLabel(th) }))];
  const { tally, closed } = await d.polls.result(latest);
  const head = fill(t(ctx.lang, O.results), {
    townhall: townhallLabel(th),
    state: t(ctx.lang, closed ? O.resultsClosed : O.resultsOpen),
    voters: membersCount(ctx.lang, tally.voters),
  });
  return [text([head, ...tallyLines(ctx.lang, latest, tally)].join("\n"))];
}

async function exportAgenda(d: AgendaDeps, ctx: Context, format: string, townhallArg?: string): Promise<Reply[]> {
  if (format !== "" && format !== "md" && format !== "csv") return [text(t(ctx.lang, O.exportUsage))];
  const wanted = townhallArg ? normaliseId(townhallArg) : undefined;
  if (wanted !== undefined && !TOWNHALL_ID.test(wanted)) return [text(t(ctx.lang, O.exportUsage))];
  const th = wanted ? await d.repo.townhall(wanted) : await d.repo.currentOrLatest();
  if (!th) return [text(t(ctx.lang, O.noneOpen))];
  const topics = await d.repo.topics(th.id);
  let file: FileReply;
  if (format === "csv") {
    file = agendaCsv(th, topics);
  } else {
    const latest = (await d.polls.polls(th.id))[0];
    file = agendaMarkdown(th, topics, latest ? { poll: latest, ...(await d.polls.result(latest)) } : undefined);
  }
  await d.services.audit.record(ctx.member, "agenda.export", th.id, format || "md");
  return [{ ...file, caption: fill(t(ctx.lang, O.exportCaption), { townhall: townhallLabel(th) }), private: true }];
}

async function moderation(d: AgendaDeps, ctx: Context, arg: string): Promise<Reply[]> {
  if (arg !== "auto" && arg !== "review") {
    const mode = await d.repo.moderation(d.opts.moderation);
    return [text(fill(t(ctx.lang, O.moderationIs), { mode: t(ctx.lang, O[mode]) }))];
  }
  const mode: Moderation = arg;
  await d.repo.setModeration(mode);
  await d.services.audit.record(ctx.member, "moderation.set", "agenda", mode);
  return [text(fill(t(ctx.lang, O.moderationSet), { mode: t(ctx.lang, O[mode]) }))];
}
