/** The donations and audit pages: filters, details, status changes told to the donor, CSV, audit filters. */
import { describe, expect, it } from "vitest";
import type { OfferStatus } from "../../src/core/donations/catalogue.ts";
import { OfferRepo } from "../../src/core/donations/repo.ts";
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

  it("counts offers by status from the totals and pages the list, newest first, filters kept", async () => {
    const h = harness();
    const repo = new OfferRepo(h.services.store);
    // 205 offers a minute apart: every fifth accepted (41), the rest offered (164).
    const refs: string[] = [];
    for (let i = 0; i < 205; i++) {
      const at = new Date(Date.UTC(2026, 10, 1, 9, i)).toISOString();
      const status: OfferStatus = i % 5 === 0 ? "accepted" : "offered";
      const o = await repo.create((ref) => ({
        ref,
        ownerId: `telegram:${1000 + i}`,
        version: 1,
        status,
        createdAt: at,
        updatedAt: at,
        category: "clothing",
        quantity: 2,
        condition: "new",
        district: "Wan Chai",
        history: [{ at, status, by: "donor" }],
      }));
      refs.push(o.ref);
    }
    const newestFirst = [...refs].reverse();
    const { cookie } = await signIn(h);
    const get = async (path: string) => (await h.app.request(path, { headers: { cookie } })).text();
    const listed = (body: string) => [...body.matchAll(/<a href="\/donations\/(DON-[0-9A-Z]+)">/g)].map((m) => m[1]);
    const olderLink = (body: string) =>
      /<a href="([^"]*)" rel="next">Older offers<\/a>/.exec(body)?.[1]?.replace(/&amp;/g, "&");

    const first = await get("/donations");
    expect(first).toContain("offered: 164");
    expect(first).toContain("accepted: 41");
    expect(first).toContain("205 offers, newest 200 shown.");
    expect(listed(first)).toEqual(newestFirst.slice(0, 200));
    const next = olderLink(first);
    expect(next).toBe(`/donations?after=${newestFirst[199]}`);

    const second = await get(next ?? "");
    expect(second).toContain(`205 offers, 5 older than ${newestFirst[199]} shown.`);
    expect(listed(second)).toEqual(newestFirst.slice(200));
    expect(olderLink(second)).toBeUndefined();
    expect(second).toContain('<a href="/donations">Newest offers</a>');
    // The totals are of every offer, whichever page.
    expect(second).toContain("offered: 164");

    // A filter is counted and paged on its own, and kept on the next page's link.
    const accepted = newestFirst.filter((_, i) => (204 - i) % 5 === 0);
    const acceptedPage = await get("/donations?status=accepted");
    expect(acceptedPage).toContain("41 offers.");
    expect(listed(acceptedPage)).toEqual(accepted);
    expect(olderLink(acceptedPage)).toBeUndefined();
    const offeredPage = await get("/donations?status=offered");
    expect(offeredPage).toContain("164 offers.");
    const clothing = await get("/donations?category=clothing");
    expect(olderLink(clothing)).toBe(`/donations?category=clothing&after=${newestFirst[199]}`);
    // A reference that is not an offer shows the first page.
    expect(listed(await get("/donations?after=DON-NONE"))).toEqual(newestFirst.slice(0, 200));
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
