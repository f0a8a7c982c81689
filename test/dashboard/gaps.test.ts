/**
 * Knowledge gaps closed from the dashboard: the organiser answers an unanswered question once, in
 * English and Chinese; the asker is told in their language, the next identical question is
 * answered with the source "organisers, <date>", and a withdrawn answer answers nothing.
 */
import { describe, expect, it } from "vitest";
import { replyText } from "../helpers/services.ts";
import { form, harness, MEMBER, signIn } from "./harness.ts";

const QUESTION = "When does registration for the 2027 hackathon close?";
const ANSWER_EN = "Registration for the 2027 hackathon closes on 31 January 2027.";
const ANSWER_ZH = "2027 年黑客松報名於 2027 年 1 月 31 日截止。";

describe("knowledge gaps", () => {
  it("answers a gap once: the asker told, the next identical question answered, withdrawal undone", async () => {
    const h = harness();
    const before = replyText(await h.say(MEMBER, QUESTION));
    expect(before).not.toContain(ANSWER_EN);
    const { cookie, csrf } = await signIn(h);
    expect(await (await h.app.request("/gaps", { headers: { cookie } })).text()).toContain(QUESTION);

    // Without the CSRF token nothing happens.
    const forged = await h.app.request("/gaps/answer", form({ q: QUESTION, en: ANSWER_EN, zh: ANSWER_ZH }, cookie));
    expect(forged.status).toBe(403);
    expect(h.saved.entries).toHaveLength(0);

    const res = await h.app.request(
      "/gaps/answer",
      form({ q: QUESTION, en: ANSWER_EN, zh: ANSWER_ZH, _csrf: csrf }, cookie),
    );
    expect(res.status).toBe(303);
    expect(h.saved.entries.map((e) => e.source)).toEqual(["organisers, 2026-11-21"]);
    const told = h.notifier.toMembers.filter((n) => n.memberId === MEMBER.id);
    expect(told).toHaveLength(1);
    expect(replyText(told[0]?.replies ?? [])).toContain(ANSWER_EN);
    expect(replyText(told[0]?.replies ?? [])).not.toContain(ANSWER_ZH);
    expect(await (await h.app.request("/gaps", { headers: { cookie } })).text()).toContain("No unanswered questions");

    const after = replyText(await h.say(MEMBER, QUESTION));
    expect(after).toContain(ANSWER_EN);
    expect(after).toContain("organisers, 2026-11-21");
    expect((await h.services.audit.recent(10, "faq.")).map((e) => e.action)).toEqual(["faq.curate"]);

    const id = h.saved.entries[0]?.id ?? "";
    await h.app.request(`/gaps/${id}/withdraw`, form({ _csrf: csrf }, cookie));
    expect(h.saved.entries[0]?.withdrawn).toBe(true);
    expect(replyText(await h.say(MEMBER, QUESTION))).not.toContain(ANSWER_EN);
  });

  it("tells a Chinese asker in Chinese, and refuses an answer missing a language", async () => {
    const h = harness();
    const zh = "二零二七年黑客松幾時截止報名？";
    await h.say(MEMBER, zh);
    const { cookie, csrf } = await signIn(h);
    await h.app.request("/gaps/answer", form({ q: zh, en: ANSWER_EN, zh: "", _csrf: csrf }, cookie));
    expect(h.saved.entries).toHaveLength(0);
    await h.app.request("/gaps/answer", form({ q: zh, en: ANSWER_EN, zh: ANSWER_ZH, _csrf: csrf }, cookie));
    const told = replyText(h.notifier.toMembers.find((n) => n.memberId === MEMBER.id)?.replies ?? []);
    expect(told).toContain(ANSWER_ZH);
    expect(told).not.toContain(ANSWER_EN);
  });

  it("edits an entry: the new answer is given at once", async () => {
    const h = harness();
    await h.say(MEMBER, QUESTION);
    const { cookie, csrf } = await signIn(h);
    await h.app.request("/gaps/answer", form({ q: QUESTION, en: ANSWER_EN, zh: ANSWER_ZH, _csrf: csrf }, cookie));
    const id = h.saved.entries[0]?.id ?? "";
    const edited = "Registration closes on 15 February 2027.";
    await h.app.request(`/gaps/${id}/edit`, form({ en: edited, zh: ANSWER_ZH, _csrf: csrf }, cookie));
    expect(replyText(await h.say(MEMBER, QUESTION))).toContain(edited);
  });
});
