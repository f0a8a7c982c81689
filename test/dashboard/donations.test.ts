/** The donations and audit pages: filters, details, status changes told to the donor, CSV, audit filters. */
import { describe, expect, it } from "vitest";
import { answers, donate } from "../donations/driver.ts";
import { replyText } from "../helpers/services.ts";
import { form, harness, MEMBER, ORGANISER, signIn } from "./harness.ts";

describe("donations page", () => {
  it("filters, shows details, moves an offer with a note the donor is told, exports CSV", async () => {
    const h = harness();
    const { ref } = await donate(h.bot, MEMBER, answers(1));
    const { ref: other } = await donate(h.bot, MEMBER, answers(2, { category: "2" }));
    const { cookie, csrf } = await signIn(h);
    const get = async (path: string) => (await h.app.request(path, { headers: { cookie } })).text();

    const clothing = await get("/donations?category=clothing");
    expect(clothing).toContain(ref);
    expect(clothing).not.toContain(other);
    expect(await get("/donations?category=nonsense")).toContain(other);

    const details = await get(`/donations/${ref}`);
    expect(details).toContain("Chan Tai Man 1");
    expect((await h.services.audit.recent(10, "offer.view")).map((e) => e.target)).toEqual([ref]);

    const bad = await h.app.request(`/donations/${ref}/status`, form({ to: "collected", _csrf: csrf }, cookie));
    expect(bad.status).toBe(303);
    expect((await h.app.request(`/donations/${ref}`, { headers: { cookie } })).status).toBe(200);
    expect(h.notifier.toMembers).toHaveLength(0);

    await h.app.request(
      `/donations/${ref}/status`,
      form({ to: "accepted", note: "See you Tuesday", _csrf: csrf }, cookie),
    );
    const told = h.notifier.toMembers.filter((n) => n.memberId === MEMBER.id).map((n) => replyText(n.replies));
    expect(told).toHaveLength(1);
    expect(told[0]).toContain(ref);
    expect(told[0]).toContain("See you Tuesday");

    const csv = await h.app.request("/donations.csv?status=accepted", { headers: { cookie } });
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    const body = await csv.text();
    expect(body).toContain(ref);
    expect(body).not.toContain(other);
    expect(body).toContain("Chan Tai Man 1");

    const audit = await get("/audit?action=offer.status");
    expect(audit).toContain("offered -&gt; accepted");
    expect(audit).not.toContain("offer.view");
    expect(await get(`/audit?actor=${encodeURIComponent(ORGANISER.displayName)}`)).toContain("offer.export");
  });

  it("shows no contact details without a session, nor on the public impact page", async () => {
    const h = harness();
    const { ref } = await donate(h.bot, MEMBER, answers(3));
    const res = await h.app.request(`/donations/${ref}`);
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain("Chan Tai Man 3");
    const csv = await h.app.request("/donations.csv");
    expect(csv.status).toBe(401);
    const impact = await (await h.app.request("/impact")).text();
    expect(impact).toContain("120");
    expect(impact).not.toContain("Chan Tai Man 3");
  });
});
