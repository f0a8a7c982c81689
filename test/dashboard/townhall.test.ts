/** The townhall page: merge into a look-alike (offered first), reject with a reason (proposer told). */
import { describe, expect, it } from "vitest";
import { member, replyText } from "../helpers/services.ts";
import { form, harness, MEMBER, ORGANISER, signIn } from "./harness.ts";

const OTHER = member("333", "telegram", { displayName: "Other Member" });

async function propose(h: ReturnType<typeof harness>, who: typeof MEMBER, title: string): Promise<string> {
  const chat = { id: `telegram:dm:${who.platformUserId}`, type: "private" as const };
  let replies = await h.say(who, `/propose ${title} | Details of ${title}`);
  // A look-alike prompt asks whether to go on: propose anyway.
  const anyway = replies
    .flatMap((r) => (r.type === "choice" ? r.choices : r.type === "text" || r.type === "card" ? (r.buttons ?? []) : []))
    .find((b) => /anyway/.test(b.label));
  if (anyway) replies = await h.bot.handle({ kind: "action", member: who, chat, data: anyway.id });
  const r = replyText(replies);
  const id = /Your topic (T[0-9A-Z]{5})/.exec(r)?.[1];
  if (!id) throw new Error(`no topic id in ${r}`);
  return id;
}

describe("townhall page", () => {
  it("offers the look-alike first and merges into it; rejects with a reason the proposer is told", async () => {
    const h = harness();
    await h.say(ORGANISER, "/townhall open 2027 Q1 Townhall | 2027-03-15");
    const first = await propose(h, MEMBER, "Stablecoin licensing in Hong Kong");
    const unrelated = await propose(h, MEMBER, "Internship programme for students");
    await h.say(ORGANISER, `/townhall approve ${first}`);
    await h.say(ORGANISER, `/townhall approve ${unrelated}`);
    const alike = await propose(h, OTHER, "Stablecoin licensing rules in Hong Kong");
    const offTopic = await propose(h, OTHER, "Free lunch for everyone");
    const { cookie, csrf } = await signIn(h);
    const page = await (await h.app.request("/townhall", { headers: { cookie } })).text();
    expect(page).toContain("Review queue (2)");
    // The merge form of the look-alike's row.
    const row = new RegExp(`name="id" value="${alike}"><select name="into">(.*?)</select>`, "s").exec(page)?.[1] ?? "";
    const options = [...row.matchAll(/<option value="(T[0-9A-Z]{5})">(≈ )?/g)].map((m) => `${m[2] ?? ""}${m[1]}`);
    expect(options.slice(0, 2)).toEqual([`≈ ${first}`, unrelated]);

    await h.app.request("/townhall/merge", form({ id: alike, into: first, _csrf: csrf }, cookie));
    const blank = await h.app.request("/townhall/reject", form({ id: offTopic, reason: "  ", _csrf: csrf }, cookie));
    expect(blank.status).toBe(303);
    expect((await h.services.audit.recent(10, "topic.reject")).length).toBe(0);
    await h.app.request(
      "/townhall/reject",
      form({ id: offTopic, reason: "Out of the association's scope", _csrf: csrf }, cookie),
    );
    const audit = (await h.services.audit.recent(20, "topic.")).map((e) => `${e.action} ${e.target}`);
    expect(audit).toContain(`topic.merge ${alike}`);
    expect(audit).toContain(`topic.reject ${offTopic}`);
    const told = h.notifier.toMembers.filter((n) => n.memberId === OTHER.id).map((n) => replyText(n.replies));
    expect(told.join("\n")).toContain("Out of the association's scope");
    expect(await (await h.app.request("/townhall", { headers: { cookie } })).text()).toContain("Review queue (0)");
  });
});
