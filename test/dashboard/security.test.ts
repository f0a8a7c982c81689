/**
 * The dashboard's sign-in and changes refuse what they must: a link used twice, an expired link,
 * a member's link, a change without its CSRF token, a forged session or organiser id. Each is
 * refused and nothing changes (the topic stays pending, the audit log has no decision).
 */
import { describe, expect, it } from "vitest";
import { replyText } from "../helpers/services.ts";
import { cookieOf, form, harness, MEMBER, ORGANISER, signIn, tokenOf } from "./harness.ts";

/** A townhall with one pending topic proposed by the member; returns its id. */
async function pendingTopic(h: ReturnType<typeof harness>): Promise<string> {
  await h.say(ORGANISER, "/townhall open 2027 Q1 Townhall | 2027-03-15");
  const r = replyText(await h.say(MEMBER, "/propose Stablecoin licensing | How should issuers be licensed?"));
  const id = /T[0-9A-Z]{5}/.exec(r)?.[0];
  if (!id) throw new Error(`no topic id in ${r}`);
  return id;
}

async function decisions(h: ReturnType<typeof harness>): Promise<number> {
  return (await h.services.audit.recent(100, "topic.")).length;
}

describe("dashboard sign-in", () => {
  it("opens a session from an organiser's link: HttpOnly, SameSite=Strict cookie; pages need it", async () => {
    const h = harness();
    expect((await h.app.request("/")).status).toBe(401);
    const token = tokenOf(replyText(await h.say(ORGANISER, "/dashboard")));
    // The GET only shows a button (link previews must not consume the link).
    expect((await h.app.request(`/signin?token=${token}`)).status).toBe(200);
    const res = await h.app.request("/signin", form({ token }));
    expect(res.status).toBe(303);
    const setCookie = res.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).not.toMatch(/Secure/);
    const cookie = cookieOf(res) ?? "";
    const page = await h.app.request("/", { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Questions per day");
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(page.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect((await h.services.audit.recent(10, "dashboard.signin")).length).toBe(1);
  });

  it("marks the cookie Secure behind an HTTPS proxy", async () => {
    const h = harness();
    const token = tokenOf(replyText(await h.say(ORGANISER, "/dashboard")));
    const init = form({ token });
    const res = await h.app.request("/signin", {
      ...init,
      headers: { ...(init.headers as Record<string, string>), "x-forwarded-proto": "https" },
    });
    expect(res.headers.get("set-cookie")).toMatch(/Secure/);
  });

  it("refuses /dashboard to a member and in a group", async () => {
    const h = harness();
    expect(replyText(await h.say(MEMBER, "/dashboard"))).toMatch(/Only organisers/);
    const group = await h.bot.handle({
      kind: "text",
      member: ORGANISER,
      chat: { id: "telegram:-100", type: "group" },
      text: "/dashboard",
    });
    expect(replyText(group)).not.toMatch(/token=/);
  });

  it("refuses a link used twice", async () => {
    const h = harness();
    const { token } = await signIn(h);
    const again = await h.app.request("/signin", form({ token }));
    expect(again.status).toBe(403);
    expect(cookieOf(again)).toBeUndefined();
    expect((await h.app.request(`/signin?token=${token}`)).status).toBe(410);
  });

  it("refuses an expired link", async () => {
    const h = harness();
    const token = tokenOf(replyText(await h.say(ORGANISER, "/dashboard")));
    h.clock.advance(10 * 60_000 + 1);
    const res = await h.app.request("/signin", form({ token }));
    expect(res.status).toBe(403);
    expect(cookieOf(res)).toBeUndefined();
  });

  it("refuses a member's link (issued for someone the policy does not name)", async () => {
    const h = harness();
    expect(await h.auth.issueLink(MEMBER)).toBeUndefined();
    // Even a link stored for a member (an organiser since removed, say) opens nothing.
    const organiserToken = tokenOf(replyText(await h.say(ORGANISER, "/dashboard")));
    const stored = await h.services.store.list<{ member: unknown; expiresAt: number }>("dashlink");
    const first = stored[0];
    if (!first) throw new Error("no stored link");
    await h.services.store.set("dashlink", first.key, { ...first.value, member: MEMBER });
    const res = await h.app.request("/signin", form({ token: organiserToken }));
    expect(res.status).toBe(403);
    expect(cookieOf(res)).toBeUndefined();
  });

  it("stores link tokens only hashed", async () => {
    const h = harness();
    const token = tokenOf(replyText(await h.say(ORGANISER, "/dashboard")));
    const stored = await h.services.store.list("dashlink");
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token);
  });
});

describe("dashboard changes", () => {
  it("approves a topic with the CSRF token, audited as the organiser", async () => {
    const h = harness();
    const id = await pendingTopic(h);
    const { cookie, csrf } = await signIn(h);
    const res = await h.app.request("/townhall/approve", form({ id, _csrf: csrf }, cookie));
    expect(res.status).toBe(303);
    const audit = await h.services.audit.recent(10, "topic.approve");
    expect(audit.map((e) => [e.actorId, e.target])).toEqual([[ORGANISER.id, id]]);
  });

  it("refuses a change without the CSRF token, or with a wrong one: nothing changed", async () => {
    const h = harness();
    const id = await pendingTopic(h);
    const { cookie, csrf } = await signIn(h);
    expect((await h.app.request("/townhall/approve", form({ id }, cookie))).status).toBe(403);
    expect((await h.app.request("/townhall/approve", form({ id, _csrf: `${csrf}x` }, cookie))).status).toBe(403);
    expect(await decisions(h)).toBe(0);
    const page = await (await h.app.request("/townhall", { headers: { cookie } })).text();
    expect(page).toContain("Review queue (1)");
  });

  it("refuses a forged session or organiser id: nothing changed", async () => {
    const h = harness();
    const id = await pendingTopic(h);
    const { csrf } = await signIn(h);
    const forged = [
      "bahk_session=telegram:111",
      `bahk_session=${Buffer.from(ORGANISER.id).toString("base64url")}`,
      "bahk_session=",
    ];
    for (const cookie of forged) {
      const res = await h.app.request("/townhall/approve", form({ id, _csrf: csrf, actorId: ORGANISER.id }, cookie));
      expect(res.status).toBe(401);
    }
    expect(await decisions(h)).toBe(0);
  });

  it("ends a session once its member is no longer an organiser", async () => {
    const h = harness();
    const id = await pendingTopic(h);
    const { cookie, csrf } = await signIn(h);
    // Re-key the stored session to a member: the policy is applied at every request.
    for (const { key, value } of await h.services.store.list<Record<string, unknown>>("dashsession")) {
      await h.services.store.set("dashsession", key, { ...value, member: MEMBER });
    }
    expect((await h.app.request("/townhall/approve", form({ id, _csrf: csrf }, cookie))).status).toBe(401);
    expect(await decisions(h)).toBe(0);
  });
});
