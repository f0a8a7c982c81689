/** The donation intake driven through the real Bot as a member would: messages and the buttons from replies. */
import { describe, expect, it } from "vitest";
import type { Offer } from "../../src/core/donations/index.ts";
import { StoreUnavailableError } from "../../src/core/errors.ts";
import type { Store } from "../../src/core/ports.ts";
import type { Reply } from "../../src/core/replies.ts";
import type { Session } from "../../src/core/session.ts";
import { MemoryStore } from "../../src/storage/memory.ts";
import { donationsContract } from "../contract/donations.ts";
import { makeServices, member, replyText } from "../helpers/services.ts";
import { answers, as, buttonIds, donate, GOODS, makeBot } from "./driver.ts";

donationsContract("MemoryStore", async () => new MemoryStore());

function setup() {
  const t = makeServices({ organisers: ["console:org"] });
  return { ...t, ...makeBot(t.services), alice: member("alice"), org: member("org") };
}

const session = (store: Store, id: string) => store.get<Session>("session", id);

function allPrivate(replies: readonly Reply[]): boolean {
  return replies.every((r) => r.type === "poll" || r.private === true);
}

describe("donation intake", () => {
  it("takes a whole offer step by step, with buttons, typed choices in either language and numbers", async () => {
    const { bot, store, notifier, alice } = setup();
    const me = as(bot, alice);
    const start = await me.say("/donate");
    expect(start[0]?.type).toBe("form");
    expect(replyText(start)).toContain("Question 1 of 11");
    expect(allPrivate(start)).toBe(true);
    expect(buttonIds(start)).toContain("don:skip");

    const cat = await me.press("don:skip");
    expect(buttonIds(cat)).toEqual(["don:f:category:clothing", "don:f:category:stationery", "don:f:category:other"]);
    const desc = await me.press("don:f:category:stationery");
    expect(replyText(desc)).toContain("Question 3 of 11");
    expect(replyText(await me.say("Ball pens and A4 notebooks"))).toContain("Question 4");
    expect(replyText(await me.say("1,200"))).toContain("Question 5");
    expect(replyText(await me.say("boxes"))).toContain("Question 6");
    const district = await me.say("全新");
    expect(buttonIds(district)).toHaveLength(18);
    expect(replyText(district)).toContain("2. 灣仔區");
    const pics = await me.say("2");
    expect(replyText(pics)).toContain("Personal Information Collection Statement");
    expect(buttonIds(pics)).toEqual(["don:pdpo:yes", "don:pdpo:no"]);
    expect(replyText(await me.press("don:pdpo:yes"))).toContain("Question 8 of 11");
    await me.say("Lobby of 18 Harbour Road");
    await me.say("Fridays after 2pm");
    await me.say("Chan Tai Man");
    const done = await me.say("+852 9123-4567");
    expect(allPrivate(done)).toBe(true);
    const ref = /DON-[0-9A-Z]{4}/.exec(replyText(done))?.[0] ?? "";
    expect(replyText(done)).toContain("Stationery");
    expect(replyText(done)).toContain("1200 boxes");

    const offer = await store.get<Offer>("offer", ref);
    expect(offer).toMatchObject({
      ownerId: alice.id,
      status: "offered",
      category: "stationery",
      quantity: 1200,
      unit: "boxes",
      condition: "new",
      district: "wch",
      address: "Lobby of 18 Harbour Road",
      contactName: "Chan Tai Man",
      phone: "+852 9123 4567",
      version: 1,
    });
    expect(offer?.organisation).toBeUndefined();
    expect(offer?.pdpoAcceptedAt).toBeDefined();
    expect(await store.get("offerby", `${alice.id}:${ref}`)).toEqual({ ref });
    expect(await session(store, alice.id)).toBeUndefined();

    expect(notifier.toOrganisersLog).toHaveLength(1);
    const notice = replyText(notifier.toOrganisersLog[0] ?? []);
    expect(notice).toContain(ref);
    expect(notice).toContain("Wan Chai");
    for (const secret of ["Chan Tai Man", "9123", "Harbour Road", "Fridays"]) expect(notice).not.toContain(secret);
  });

  it("shows the collection statement before any personal question and keeps nothing when declined", async () => {
    const { bot, store, alice } = setup();
    const me = as(bot, alice);
    await me.say("/donate");
    const a = answers();
    let last: Reply[] = [];
    for (const f of GOODS) {
      expect(replyText(last)).not.toMatch(/address|contact/i);
      last = await me.say(a[f]);
    }
    const pics = replyText(last);
    for (const word of [
      "voluntary",
      "Purpose",
      "organisers and volunteers",
      "access and correct",
      "/mydata",
      "data protection officer",
    ]) {
      expect(pics).toContain(word);
    }
    // An answer typed instead of accepting is not kept anywhere.
    const again = await me.say("Flat 9, 1 Secret Street");
    expect(replyText(again)).toContain("accept or decline");
    const held = JSON.stringify(await session(store, alice.id));
    expect(held).not.toContain("Secret Street");
    expect(held).toContain("pdpo");
    const declined = await me.press("don:pdpo:no");
    expect(replyText(declined)).toContain("saved nothing");
    expect(await session(store, alice.id)).toBeUndefined();
    expect(await store.list("offer")).toEqual([]);
    expect(await store.list("offerby")).toEqual([]);
  });

  it("accepts the statement in Chinese and asks in Chinese", async () => {
    const { bot, alice } = setup();
    const me = as(bot, alice);
    expect(replyText(await me.say("/donate 捐贈"))).toContain("第 1 題");
    const a = answers(1, { organisation: "略過", category: "文具", condition: "二手", district: "沙田" });
    for (const f of GOODS) await me.say(a[f]);
    const next = await me.say("同意");
    expect(replyText(next)).toContain("第 8 題");
  });

  it("answers a wrong answer precisely, asks the same question again and loses nothing", async () => {
    const { bot, store, alice } = setup();
    const me = as(bot, alice);
    await me.say("/donate");
    await me.say("Acme");
    await me.say("clothing");
    await me.say("Jackets");
    const cases: [string, string][] = [
      ["-5", "at least 1"],
      ["0", "at least 1"],
      ["2.5", "whole number"],
      ["1000000", "more than 100000"],
      ["twelve", "just the number"],
      ["   ", "need an answer"],
    ];
    for (const [input, message] of cases) {
      const r = replyText(await me.say(input));
      expect(r).toContain(message);
      expect(r).toContain("Question 4 of 11");
    }
    const s = await session(store, alice.id);
    expect(s?.step).toBe("quantity");
    expect(s?.data).toEqual({
      nonce: expect.any(String),
      values: { organisation: "Acme", category: "clothing", description: "Jackets" },
    });
    expect(replyText(await me.say("50"))).toContain("Question 5");
    await me.say("pieces");
    expect(replyText(await me.say("broken"))).toContain("I don't recognise “broken”");
    await me.say("used");
    const unknown = replyText(await me.say("Atlantis"));
    expect(unknown).toContain("I don't recognise “Atlantis”");
    expect(replyText(await me.say("19"))).toContain("I don't recognise");
    expect(replyText(await me.press("don:f:district:nowhere"))).toContain("I don't recognise");
    await me.say("Kowloon City");
    await me.press("don:pdpo:yes");
    await me.say("Shop 3, Nathan Road");
    await me.say("Mornings");
    await me.say("Wong Siu Ming");
    for (const [input, message] of [
      ["12345678", "not a Hong Kong phone number"],
      ["+852 4123 4567", "not a Hong Kong phone number"],
      ["9123 456", "not a Hong Kong phone number"],
      ["foo@bar", "email address doesn't look right"],
      ["call me maybe", "Hong Kong phone number (e.g. 9123 4567) or an email"],
    ] as const) {
      const r = replyText(await me.say(input));
      expect(r).toContain(message);
      expect(r).toContain("Question 11 of 11");
    }
    expect(await store.list("offer")).toEqual([]);
    const done = replyText(await me.say("Siu.Ming@Example.com"));
    const ref = /DON-[0-9A-Z]{4}/.exec(done)?.[0] ?? "";
    expect(await store.get<Offer>("offer", ref)).toMatchObject({ email: "Siu.Ming@Example.com", quantity: 50 });
  });

  it("answers a question asked in the middle of the form and asks its own question again", async () => {
    const { bot, store, alice } = setup();
    const me = as(bot, alice);
    await me.say("/donate");
    await me.say("Acme");
    await me.say("clothing");
    const aside = replyText(await me.say("Who gets the clothes in the end?"));
    expect(aside).toContain("(fallback)");
    expect(aside).toContain("Your form is still open");
    expect(aside).toContain("Question 3 of 11");
    expect((await session(store, alice.id))?.step).toBe("description");
    expect(replyText(await me.say("Jackets"))).toContain("Question 4");
  });

  it("takes a question typed without a question mark for a question, not a field's answer", async () => {
    const { bot, store, alice } = setup();
    const me = as(bot, alice);
    await me.say("/donate");
    await me.say("Acme");
    const aside = replyText(await me.say("why do they even do it tho"));
    expect(aside).toContain("(fallback)");
    expect(aside).toContain("Your form is still open");
    expect((await session(store, alice.id))?.step).toBe("category");
    // The form goes on from where it was.
    expect(replyText(await me.say("clothing"))).toContain("Question 3");
  });

  it("takes a request to be told something in the form for a question, not the firm's name", async () => {
    const { bot, store, alice } = setup();
    const me = as(bot, alice);
    await me.say("/donate");
    for (const q of ["請告知貴會的收集時間。", "please let me know when you usually pick things up"]) {
      expect(replyText(await me.say(q)), q).toContain("(fallback)");
      expect((await session(store, alice.id))?.step).toBe("organisation");
    }
  });

  it("takes a yes-or-no question typed without a question mark for a question, not the firm's name", async () => {
    const { bot, store, alice } = setup();
    const me = as(bot, alice);
    await me.say("/donate");
    for (const q of ["is there a cut-off date", "do we need to box them up first", "can we send them by courier"]) {
      expect(replyText(await me.say(q)), q).toContain("(fallback)");
      expect((await session(store, alice.id))?.step).toBe("organisation");
    }
    // A firm's name that opens with one of those words is still the answer.
    expect(replyText(await me.say("Canwe Holdings"))).toContain("Question 2");
  });

  it("takes a mainland chat-style why (为啥…) in the form for a question", async () => {
    const { bot, store, alice } = setup();
    const me = as(bot, alice);
    await me.say("/donate");
    await me.say("Acme");
    const aside = replyText(await me.say("为啥要搞这个"));
    expect(aside).toContain("(fallback)");
    expect((await session(store, alice.id))?.step).toBe("category");
  });

  it("takes a Cantonese who or which-number question in the form for a question, not the firm's name", async () => {
    const { bot, store, alice } = setup();
    const me = as(bot, alice);
    await me.say("/donate");
    for (const q of ["送俾邊個㗎", "呢個係佢哋第幾個目標嚟"]) {
      expect(replyText(await me.say(q))).toContain("(fallback)");
      expect((await session(store, alice.id))?.step).toBe("organisation");
    }
  });

  it("creates one offer when the last answer arrives twice at once", async () => {
    const { bot, store, notifier, alice } = setup();
    const me = as(bot, alice);
    await me.say("/donate");
    for (const f of GOODS) await me.say(answers()[f]);
    await me.press("don:pdpo:yes");
    for (const v of ["Pier 1", "Any time", "Lee"]) await me.say(v);
    const both = await Promise.all([me.say("21234567"), me.say("21234567")]);
    expect(await store.list("offer")).toHaveLength(1);
    expect(notifier.toOrganisersLog).toHaveLength(1);
    expect(both.map(replyText).join("\n")).toMatch(/already submitted|\(fallback\)/);
  });

  it("keeps the form when the store fails at submission, so the member can simply send the answer again", async () => {
    const clockless = new MemoryStore();
    let failOffers = true;
    const flaky: Store = Object.assign(Object.create(clockless) as Store, {
      add: async <T>(ns: string, key: string, value: T, ttl?: number) => {
        if (ns === "offer" && failOffers) throw new StoreUnavailableError("down");
        return clockless.add(ns, key, value, ttl);
      },
    });
    const t = makeServices({ store: flaky });
    const { bot } = makeBot(t.services);
    const alice = member("alice");
    const me = as(bot, alice);
    await me.say("/donate");
    for (const f of GOODS) await me.say(answers()[f]);
    await me.press("don:pdpo:yes");
    for (const v of ["Pier 1", "Any time", "Lee"]) await me.say(v);
    expect(replyText(await me.say("21234567"))).toContain("can't reach my records");
    expect(await flaky.list("offer")).toEqual([]);
    expect((await flaky.get<Session>("session", alice.id))?.step).toBe("contact");
    failOffers = false;
    expect(replyText(await me.say("21234567"))).toMatch(/registered as DON-/);
    expect(await flaky.list("offer")).toHaveLength(1);
    expect(replyText(await me.say("/mydonations"))).toMatch(/DON-[0-9A-Z]{4} · Offered/);
  });

  it("tells a member with no offers who asks to withdraw one that there is nothing to withdraw", async () => {
    const { bot, alice } = setup();
    const none = await as(bot, alice).say("/mydonations");
    expect(replyText(none)).toMatch(/no donation offers, so there is nothing to follow or withdraw/);
    expect(allPrivate(none)).toBe(true);
  });

  it("checks the whole draft again on submission and asks again what no longer passes", async () => {
    const { bot, services, store, alice } = setup();
    const { contact: _c, ...rest } = answers(5);
    const values = { ...rest, category: "furniture", district: "wch", condition: "new" };
    const data = { nonce: "n1", pdpoAt: "2026-11-21T09:00:00.000Z", values };
    await services.sessions.set(alice.id, { feature: "don", step: "contact", data }, 60_000);
    expect(replyText(await as(bot, alice).say("21234567"))).toContain("Question 2 of 11");
    expect(await store.list("offer")).toEqual([]);
    const held = (await session(store, alice.id))?.data as { values?: Record<string, string> } | undefined;
    expect(held?.values).not.toHaveProperty("category");
    expect(held?.values).toHaveProperty("contact", "+852 2123 4567");
    const done = replyText(await as(bot, alice).say("other"));
    expect(done).toMatch(/DON-[0-9A-Z]{4}/);
    expect((await store.list<Offer>("offer"))[0]?.value).toMatchObject({ category: "other", phone: "+852 2123 4567" });
  });

  it("refuses a 10 KB description and keeps markup and mass mentions as harmless plain text", async () => {
    const { bot, store, alice } = setup();
    const me = as(bot, alice);
    await me.say("/donate");
    await me.say("<b>Acme</b> **Ltd**");
    await me.say("other");
    const long = replyText(await me.say("x ".repeat(5120)));
    expect(long).toContain("the limit is 1000");
    expect(long).toContain("Question 3 of 11");
    expect((await session(store, alice.id))?.step).toBe("description");
    expect(replyText(await me.say("!!! ???"))).toContain("no letters or digits");
    await me.say("Hi @everyone and @here <@123> <script>alert(1)</script>");
    for (const v of ["10", "boxes", "new", "islands"]) await me.say(v);
    await me.press("don:pdpo:yes");
    for (const v of ["Pier 1", "Any time", "Lee", "21234567"]) await me.say(v);
    const [offer] = (await store.list<Offer>("offer")).map((r) => r.value);
    expect(offer?.organisation).toBe("<b>Acme</b> **Ltd**");
    expect(offer?.description).toBe("Hi ＠everyone and ＠here <＠123> <script>alert(1)</script>");
    expect(offer?.phone).toBe("+852 2123 4567");
    expect(offer?.district).toBe("is");
  });

  it("survives a restart of the bot in the middle of the form", async () => {
    const { services, store, alice } = setup();
    const first = makeBot(services).bot;
    await as(first, alice).say("/donate");
    await as(first, alice).say("Acme");
    await as(first, alice).say("2");
    const second = makeBot(services).bot;
    expect(replyText(await as(second, alice).say("Notebooks"))).toContain("Question 4 of 11");
    expect((await session(store, alice.id))?.data).toMatchObject({
      values: { organisation: "Acme", category: "stationery", description: "Notebooks" },
    });
  });

  it("expires a half-filled form after the configured time", async () => {
    const { bot, store, clock, alice } = setup();
    const me = as(bot, alice);
    await me.say("/donate");
    await me.say("Acme");
    clock.advance(29 * 60_000);
    expect(replyText(await me.say("1"))).toContain("Question 3");
    clock.advance(31 * 60_000);
    expect(replyText(await me.say("Notebooks"))).toBe("(fallback)");
    expect(replyText(await me.press("don:f:category:other"))).toContain("no longer open");
    expect(await session(store, alice.id)).toBeUndefined();
    expect(replyText(await me.say("/donate"))).toContain("Question 1 of 11");
  });

  it("on a second /donate tells where the member is and offers to continue or restart, losing nothing", async () => {
    const { bot, store, alice } = setup();
    const me = as(bot, alice);
    await me.say("/donate");
    await me.say("Acme");
    await me.say("clothing");
    await me.say("Caps");
    const again = await me.say("/donate");
    expect(replyText(again)).toContain("3 of 11 questions answered");
    expect(buttonIds(again)).toEqual(["don:cont", "don:restart"]);
    expect((await session(store, alice.id))?.data).toMatchObject({ values: { description: "Caps" } });
    expect(replyText(await me.press("don:cont"))).toContain("Question 4 of 11");
    expect(replyText(await me.say("30"))).toContain("Question 5");
    // A stale button of an earlier question changes nothing.
    const stale = replyText(await me.press("don:f:category:stationery"));
    expect(stale).toContain("already answered");
    expect((await session(store, alice.id))?.data).toMatchObject({ values: { category: "clothing", quantity: "30" } });
    expect(replyText(await me.press("don:restart"))).toContain("Question 1 of 11");
    expect((await session(store, alice.id))?.data).toMatchObject({ values: {} });
  });

  it("is abandoned by /cancel with a friendly message", async () => {
    const { bot, store, alice } = setup();
    const me = as(bot, alice);
    await me.say("/donate");
    await me.say("Acme");
    expect(replyText(await me.say("/cancel"))).toContain("donation offer was cancelled");
    expect(await session(store, alice.id)).toBeUndefined();
    expect(replyText(await me.say("/cancel"))).toContain("nothing to cancel");
  });

  it("asks for a private chat in groups and respects another conversation in progress", async () => {
    const { bot, services, store, alice } = setup();
    const group = as(bot, alice, { id: "console:group:1", type: "group" });
    expect(replyText(await group.say("/donate"))).toContain("private chat");
    expect(await session(store, alice.id)).toBeUndefined();
    await services.sessions.set(alice.id, { feature: "ag", step: "title", data: { title: "x" } }, 60_000);
    expect(replyText(await as(bot, alice).say("/donate"))).toContain("middle of something else");
    expect((await session(store, alice.id))?.feature).toBe("ag");
  });

  it("takes the whole form at once, but keeps contact details only after the statement is accepted", async () => {
    const { bot, store, alice } = setup();
    const me = as(bot, alice);
    const bad = replyText(await me.form({ ...answers(), quantity: "-3", contact: "123", district: "Mars" }));
    expect(bad).toContain("nothing was saved");
    expect(bad).toContain("Quantity: The quantity must be at least 1.");
    expect(bad).toContain("Pickup district: I don't recognise “Mars”");
    expect(bad).toContain("Phone or email: That is not a Hong Kong phone number");
    expect(await session(store, alice.id)).toBeUndefined();

    const first = await me.form({ ...answers(4), organisation: "" });
    expect(replyText(first)).toContain("not your contact details");
    expect(buttonIds(first)).toEqual(["don:pdpo:yes", "don:pdpo:no"]);
    const held = JSON.stringify(await session(store, alice.id));
    for (const secret of ["Chan Tai Man", "90000004", "Harbour"]) expect(held).not.toContain(secret);
    expect(replyText(await me.press("don:pdpo:yes"))).toContain("Question 8 of 11");

    // With the statement accepted, a whole form is submitted at once.
    const done = await me.form(answers(4));
    const ref = /DON-[0-9A-Z]{4}/.exec(replyText(done))?.[0] ?? "";
    expect(await store.get<Offer>("offer", ref)).toMatchObject({
      contactName: "Chan Tai Man 4",
      phone: "+852 9000 0004",
    });
    expect(replyText(await me.form(answers(), "don:other"))).toContain("no longer open");
  });

  it("offers the goods and the contact details as native forms small enough for a modal", async () => {
    const { bot, store, services, alice } = setup();
    const me = as(bot, alice);
    const [goodsForm] = await me.say("/donate");
    expect(goodsForm).toMatchObject({ type: "form", formId: "don:goods", private: true });
    if (goodsForm?.type !== "form") throw new Error("no form");
    expect(goodsForm.fields.map((f) => f.name)).toEqual([
      "organisation",
      "category",
      "description",
      "quantity",
      "unit",
    ]);
    expect(goodsForm.fields[1]?.choices?.map((c) => c.value)).toEqual(["clothing", "stationery", "other"]);
    expect(goodsForm.fallbackText).toContain("11 short questions");

    const bad = replyText(
      await me.form({ organisation: "", category: "food", description: "", quantity: "3.5", unit: "x" }, "don:goods"),
    );
    expect(bad).toContain("Category: I don't recognise “food”");
    expect(bad).toContain("Description: I need an answer");
    expect(bad).toContain("Quantity: The quantity must be a whole number");
    expect(bad).toContain("Question 1 of 11");
    const goods = { organisation: "", category: "stationery", description: "Pens", quantity: "500", unit: "pieces" };
    expect(replyText(await me.form(goods, "don:goods"))).toContain("Question 6 of 11");
    await me.say("new");
    await me.say("Tai Po");
    const contact = { address: "Tai Po Market", available: "Sundays", contactName: "Ho Ka Yan", contact: "6123 4567" };
    // Contact details sent before the statement was accepted are dropped unseen.
    const early = await me.form(contact, "don:contact");
    expect(replyText(early)).toContain("not your contact details");
    expect(JSON.stringify(await session(store, alice.id))).not.toContain("Ho Ka Yan");
    const accepted = await me.press("don:pdpo:yes");
    expect(accepted[0]).toMatchObject({ type: "form", formId: "don:contact" });
    if (accepted[0]?.type !== "form") throw new Error("no form");
    expect(accepted[0].fields.map((f) => f.name)).toEqual(["address", "available", "contactName", "contact"]);
    expect(replyText(accepted)).toContain("Question 8 of 11");
    const done = replyText(await me.form(contact, "don:contact"));
    const ref = /DON-[0-9A-Z]{4}/.exec(done)?.[0] ?? "";
    expect(await store.get<Offer>("offer", ref)).toMatchObject({
      category: "stationery",
      quantity: 500,
      district: "tp",
      contactName: "Ho Ka Yan",
      phone: "+852 6123 4567",
    });
    expect((await store.get<Offer>("offer", ref))?.organisation).toBeUndefined();

    await services.sessions.set(alice.id, { feature: "ag", step: "title", data: {} }, 60_000);
    expect(replyText(await me.form(goods, "don:goods"))).toContain("middle of something else");
  });

  it("keeps action ids within Telegram's 64 bytes", async () => {
    const { bot, alice } = setup();
    const { ref } = await donate(bot, alice);
    const ids = [
      ...buttonIds(await as(bot, alice).say("/mydonations")),
      ...buttonIds(await as(bot, member("org")).say(`/offer ${ref}`)),
    ];
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(Buffer.byteLength(id)).toBeLessThanOrEqual(64);
  });
});
