/** Donors' and organisers' side of offers, privacy and retention, driven through the real Bot. */
import { describe, expect, it } from "vitest";
import { AuditLog } from "../../src/core/audit.ts";
import { Bot } from "../../src/core/bot.ts";
import type { Offer } from "../../src/core/donations/index.ts";
import { OfferConflictError, OfferRepo } from "../../src/core/donations/repo.ts";
import { privacy } from "../../src/core/privacy/privacy.ts";
import type { FileReply, Reply } from "../../src/core/replies.ts";
import { makeServices, member, replyText } from "../helpers/services.ts";
import { answers, as, buttonIds, donate, makeBot } from "./driver.ts";

const DAY = 24 * 60 * 60 * 1000;

function setup() {
  const t = makeServices({ organisers: ["console:org"] });
  const made = makeBot(t.services);
  return { ...t, ...made, alice: member("alice"), bob: member("bob"), org: member("org") };
}

/** Alice's personal details as they may appear in any output. */
const ALICE_SECRETS = ["Chan Tai Man 1", "9000 0001", "90000001", "Flat 1, 18 Harbour Road", "Weekdays 10am"];

function expectNoSecrets(replies: readonly Reply[], secrets = ALICE_SECRETS): void {
  const all = `${replyText(replies)}\n${JSON.stringify(replies)}`;
  for (const s of secrets) expect(all).not.toContain(s);
}

describe("donors", () => {
  it("list their offers and withdraw one not yet collected, after confirming", async () => {
    const { bot, store, notifier, alice } = setup();
    const { ref } = await donate(bot, alice, answers(1));
    const me = as(bot, alice);
    const list = await me.say("/mydonations");
    expect(replyText(list)).toContain(`${ref} · Offered · Promotional clothing · 120 pieces · Wan Chai`);
    expect(list.every((r) => r.type !== "poll" && r.private)).toBe(true);
    expect(buttonIds(list)).toEqual([`don:wd:${ref}`]);

    const confirm = await me.press(`don:wd:${ref}`);
    expect(buttonIds(confirm)).toEqual([`don:wdy:${ref}`, `don:wdn:${ref}`]);
    expect(replyText(await me.press(`don:wdn:${ref}`))).toContain("unchanged");
    expect((await store.get<Offer>("offer", ref))?.status).toBe("offered");

    const before = notifier.toOrganisersLog.length;
    expect(replyText(await me.press(`don:wdy:${ref}`))).toContain("withdrawn");
    const offer = await store.get<Offer>("offer", ref);
    expect(offer).toMatchObject({ status: "withdrawn", version: 2 });
    expect(offer?.closedAt).toBeDefined();
    expect(replyText(notifier.toOrganisersLog[before] ?? [])).toContain(`${ref} was withdrawn by the donor`);
    expect(buttonIds(await me.say("/mydonations"))).toEqual([]);
    expect(replyText(await me.press(`don:wdy:${ref}`))).toContain("can no longer be withdrawn");
  });

  it("see their own offer in full with /offer, privately", async () => {
    const { bot, alice } = setup();
    const { ref } = await donate(bot, alice, answers(1));
    const [card] = await as(bot, alice).say(`/offer ${ref.toLowerCase()}`);
    expect(card?.type).toBe("card");
    expect(card && card.type !== "poll" && card.private).toBe(true);
    expect(replyText(card ? [card] : [])).toContain("+852 9000 0001");
  });
});

describe("organisers", () => {
  it("move an offer through the workflow with notes; the donor is told and every action is audited", async () => {
    const { bot, store, notifier, alice, org, services } = setup();
    const { ref } = await donate(bot, alice, answers(1));
    const o = as(bot, org);

    const list = replyText(await o.say("/offers"));
    expect(list).toContain("Donation offers (1)");
    expect(list).toContain(ref);
    expect(list).not.toContain("Chan Tai Man");

    const full = await o.say(`/offer ${ref}`);
    expect(replyText(full)).toContain("Chan Tai Man 1");
    expect(buttonIds(full)).toEqual([`don:st:${ref}:accepted`, `don:st:${ref}:declined`, `don:st:${ref}:withdrawn`]);

    expect(replyText(await o.say(`/offerstatus ${ref} collected`))).toContain("can move only to: accepted");
    expect(replyText(await o.say(`/offerstatus ${ref} nonsense`))).toContain("Usage: /offerstatus");

    const accepted = await o.say(`/offerstatus ${ref} accepted Thank you, we will call you @everyone`);
    expect(replyText(accepted)).toContain("Offered → Accepted. The donor was told.");
    const told = notifier.toMembers.at(-1);
    expect(told?.memberId).toBe(alice.id);
    expect(replyText(told?.replies ?? [])).toContain(`${ref} is now: Accepted`);
    expect(replyText(told?.replies ?? [])).toContain(
      "Note from the organisers: Thank you, we will call you ＠everyone",
    );
    expect(replyText(told?.replies ?? [])).toContain("已接納");

    expect(buttonIds(accepted)).toContain(`don:st:${ref}:pickup_scheduled`);
    await o.press(`don:st:${ref}:pickup_scheduled`);
    await o.say(`/offerstatus ${ref} collected`);
    await o.say(`/offerstatus ${ref} Distributed Given to a shelter in Sham Shui Po`);
    const final = await store.get<Offer>("offer", ref);
    expect(final?.status).toBe("distributed");
    expect(final?.history.map((h) => h.status)).toEqual([
      "offered",
      "accepted",
      "pickup_scheduled",
      "collected",
      "distributed",
    ]);
    expect(notifier.toMembers.filter((n) => n.memberId === alice.id)).toHaveLength(4);
    expect(replyText(await o.say(`/offerstatus ${ref} declined`))).toContain("nothing (it is closed)");

    const audit = await new AuditLog(store, services.clock).recent(50, "offer.");
    // The fake clock stands still, so entries of the same instant come in any order.
    expect(
      audit
        .filter((e) => e.action === "offer.status")
        .map((e) => e.detail)
        .sort(),
    ).toEqual([
      "accepted -> pickup_scheduled",
      "collected -> distributed",
      "offered -> accepted",
      "pickup_scheduled -> collected",
    ]);
    expect(audit.every((e) => e.actorId === org.id && (e.target === ref || e.target === "offers"))).toBe(true);
    expect(audit.some((e) => e.action === "offer.view")).toBe(true);
  });

  it("filter by status, category and district, and export CSV with formulas defused", async () => {
    const { bot, store, alice, bob, org } = setup();
    const a = await donate(bot, alice, answers(1));
    const b = await donate(
      bot,
      bob,
      answers(2, { category: "stationery", district: "Sha Tin", contactName: "=HYPERLINK(1)" }),
    );
    const o = as(bot, org);
    await o.say(`/offerstatus ${a.ref} accepted`);
    const by = async (args: string) => replyText(await o.say(`/offers ${args}`));
    expect(await by("accepted")).toContain(a.ref);
    expect(await by("accepted")).not.toContain(b.ref);
    expect(await by("stationery")).toContain(b.ref);
    expect(await by("wan chai")).toContain(a.ref);
    expect(await by("Sha Tin offered")).toContain(b.ref);
    expect(await by("sha tin accepted")).toContain("No offers match");
    expect(await by("bogus")).toContain("I don't understand the filter “bogus”");

    const [file] = await o.say("/offers export stationery");
    expect(file?.type).toBe("file");
    const csv = (file as FileReply).content;
    expect(csv.split("\r\n")[0]).toContain("ref,");
    expect(csv).toContain(b.ref);
    expect(csv).not.toContain(a.ref);
    expect(csv).toContain(`,'=HYPERLINK(1),`);
    expect((file as FileReply).private).toBe(true);
    expect((await new AuditLog(store, { now: () => new Date() }).recent(5, "offer.export")).length).toBe(1);
  });

  it("guards against lost updates with the version", async () => {
    const { bot, store, alice } = setup();
    const { ref } = await donate(bot, alice);
    const repo = new OfferRepo(store);
    const read = await repo.get(ref);
    if (!read) throw new Error("missing");
    const { version: _v, ...rest } = read;
    await repo.save(read, { ...rest, status: "accepted" });
    await expect(repo.save(read, { ...rest, status: "declined" })).rejects.toBeInstanceOf(OfferConflictError);
    expect((await store.get<Offer>("offer", ref))?.status).toBe("accepted");
  });
});

describe("privacy", () => {
  it("never lets a member read or change another member's offer", async () => {
    const { bot, store, notifier, alice, bob } = setup();
    const { ref } = await donate(bot, alice, answers(1));
    const b = as(bot, bob);
    for (const attempt of [
      await b.say(`/offer ${ref}`),
      await b.say("/offer DON-ZZZZ"),
      await b.press(`don:wd:${ref}`),
      await b.press(`don:wdy:${ref}`),
      await b.press(`don:st:${ref}:declined`),
      await b.say(`/offerstatus ${ref} declined`),
      await b.say("/offers"),
      await b.say("/offers export"),
      await b.say("/mydonations"),
      await b.say("/impact"),
    ]) {
      expectNoSecrets(attempt);
      expect(replyText(attempt)).not.toContain("Harbour");
    }
    expect(replyText(await b.say(`/offer ${ref}`))).toContain(`I can't find an offer ${ref} that you can see`);
    expect(replyText(await b.say("/mydonations"))).not.toContain(ref);
    expect(await store.get<Offer>("offer", ref)).toMatchObject({ status: "offered", version: 1 });
    // Only organisers and the owner were ever sent anything.
    expect(notifier.toMembers.every((n) => n.memberId === alice.id)).toBe(true);
    for (const sent of notifier.toOrganisersLog) expectNoSecrets(sent);
  });

  it("never echoes a mass mention back", async () => {
    const { bot, alice, org } = setup();
    const me = as(bot, alice);
    const echoes = [
      await me.say("/offer @everyone"),
      await me.press("don:wd:@here"),
      await as(bot, org).say("/offers @everyone"),
    ];
    await me.say("/donate");
    await me.say("skip");
    echoes.push(await me.say("@everyone please"));
    for (const r of echoes) {
      expect(replyText(r)).not.toMatch(/(^|[^＠])@(everyone|here)/);
      expect(replyText(r)).toMatch(/＠(everyone|here)/);
    }
  });

  it("shows everything held with /mydata and erases it with /forgetme, keeping the counts", async () => {
    const { services, store, notifier, alice, org } = setup();
    const offers = makeBot(services).feature;
    const bot2 = new Bot(services, [offers, privacy(() => [offers])], async () => []);
    const { ref } = await donate(bot2, alice, answers(1, { description: "Blue caps, note from Mr Chan" }));
    await as(bot2, alice).say("/donate");
    await as(bot2, alice).say("Half Form Ltd");
    const mine = replyText(await as(bot2, alice).say("/mydata"));
    for (const s of [
      ref,
      "Chan Tai Man 1",
      "+852 9000 0001",
      "Blue caps",
      "Unfinished donation form",
      "Half Form Ltd",
    ]) {
      expect(mine).toContain(s);
    }
    await as(bot2, alice).say("/cancel");
    await as(bot2, alice).say("/donate");
    await as(bot2, alice).say("Half Form Ltd");
    await as(bot2, alice).say("/forgetme");
    const done = replyText(await as(bot2, alice).press("pv:forget:yes"));
    expect(done).toContain("2 records changed");
    expect(await store.get("session", alice.id)).toBeUndefined();
    expect(await store.list("offersubmit", `${alice.id}:`)).toEqual([]);
    const raw = JSON.stringify(await store.list("offer"));
    for (const s of [...ALICE_SECRETS, "Blue caps", "Mr Chan", alice.id]) expect(raw).not.toContain(s);
    expect(replyText(await as(bot2, alice).say("/mydata"))).toContain("no personal data");
    expect(replyText(await as(bot2, org).say("/impact"))).toContain("Offers: 1 · items: 120");
    expect(replyText(notifier.toOrganisersLog.at(-1) ?? [])).toContain(`${ref} was withdrawn: the donor erased`);
    const view = replyText(await as(bot2, org).say(`/offer ${ref}`));
    expect(view).toContain("(erased)");
    expect(view).toContain("Withdrawn");
  });

  it("purges personal data of offers closed longer than the retention period", async () => {
    const { bot, store, clock, alice, bob, org, feature } = setup();
    const old = await donate(bot, alice, answers(1));
    const recent = await donate(bot, bob, answers(2));
    const open = await donate(bot, member("carol"), answers(3));
    await as(bot, org).say(`/offerstatus ${old.ref} declined Too far away`);
    clock.advance(20 * DAY);
    await as(bot, org).say(`/offerstatus ${recent.ref} declined`);
    clock.advance(11 * DAY);
    expect(await feature.purgeClosedPersonalData(clock.now())).toBe(1);
    expect(await feature.purgeClosedPersonalData(clock.now())).toBe(0);
    const purged = await store.get<Offer>("offer", old.ref);
    expect(JSON.stringify(purged)).not.toMatch(/Chan Tai Man|9000 0001|Harbour|Too far away|Cotton/);
    expect(purged).toMatchObject({ status: "declined", quantity: 120, category: "clothing", ownerId: "" });
    expect(await store.get<Offer>("offer", recent.ref)).toMatchObject({ contactName: "Chan Tai Man 2" });
    expect(await store.get<Offer>("offer", open.ref)).toMatchObject({ contactName: "Chan Tai Man 3" });
    expect(replyText(await as(bot, alice).say("/mydonations"))).not.toContain(old.ref);
    expect(replyText(await as(bot, member("x")).say("/impact"))).toContain("Offers: 3 · items: 360");
  });
});
