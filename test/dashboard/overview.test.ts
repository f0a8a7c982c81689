/** The overview's figures: questions answered and declined, new members, feedback, offers, themes. */
import { describe, expect, it } from "vitest";
import type { Reply } from "../../src/core/replies.ts";
import { donate } from "../donations/driver.ts";
import { member } from "../helpers/services.ts";
import { form, harness, MEMBER, signIn } from "./harness.ts";

const QUESTION = "When does registration for the 2027 hackathon close?";

function feedbackButton(replies: readonly Reply[]): string {
  for (const r of replies)
    if (r.type === "card") for (const b of r.buttons ?? []) if (b.id.endsWith(":up")) return b.id;
  throw new Error("no feedback button");
}

describe("overview", () => {
  it("charts questions, new members, feedback, offers and unanswered themes", async () => {
    const h = harness();
    await h.say(MEMBER, QUESTION);
    await donate(h.bot, MEMBER);
    const newcomers = [member("31", "telegram"), member("32", "telegram"), member("33", "telegram")];
    await h.bot.handle({
      kind: "join",
      member: newcomers[0] ?? MEMBER,
      chat: { id: "telegram:-100", type: "group" },
      newcomers,
    });
    const { cookie, csrf } = await signIn(h);
    let page = await (await h.app.request("/", { headers: { cookie } })).text();
    expect(page).toContain("1 questions in 30 days, 1 declined.");
    expect(page).toContain("Donation offers by status (1)");
    expect(page).toContain(QUESTION.slice(0, 30));
    expect(page).toContain("Joined: 3");
    // Answered in the dashboard: asked again, answered, rated helpful.
    await h.app.request(
      "/gaps/answer",
      form({ q: QUESTION, en: "On 31 January.", zh: "1 月 31 日。", _csrf: csrf }, cookie),
    );
    const answer = await h.say(MEMBER, QUESTION);
    await h.bot.handle({
      kind: "action",
      member: MEMBER,
      chat: { id: "telegram:dm:222", type: "private" },
      data: feedbackButton(answer),
    });
    page = await (await h.app.request("/", { headers: { cookie } })).text();
    expect(page).toContain("2 questions in 30 days, 1 declined.");
    expect(page).toContain("Helpful: 1");
  });
});
