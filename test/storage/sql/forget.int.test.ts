/**
 * Erasure that erases, end to end through the built app on SQLite: after a
 * donor who also proposed, voted and balloted asks to be forgotten, their
 * name, phone, email and address are found 0 times in the raw database files
 * (records and key-value store, WAL included).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildApp } from "../../../src/app.ts";
import { loadConfig } from "../../../src/config/index.ts";
import { answers, as, GOODS, PERSONAL } from "../../donations/driver.ts";
import { member, replyText } from "../../helpers/services.ts";
import { quietLogger } from "../servers.ts";

const SECRETS = {
  name: "Wong Siu-ming Secretname",
  phone: "6123 9876",
  email: "siuming.secret@example.com",
  address: "Flat 9Z, 88 Hiddenvale Road",
};

function hits(dir: string): string[] {
  const found: string[] = [];
  for (const f of readdirSync(dir).filter((n) => /\.sqlite(-wal|-shm)?$/.test(n))) {
    const bytes = readFileSync(join(dir, f)).toString("utf8");
    for (const [kind, s] of Object.entries(SECRETS)) if (bytes.includes(s)) found.push(`${f}: ${kind}`);
  }
  return found;
}

describe("/forgetme on SQLite, end to end", () => {
  const dir = mkdtempSync(join(tmpdir(), "bahk-forget-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("leaves 0 hits of the member's name, phone, email and address in the raw database files", async () => {
    const config = loadConfig({
      DATA_DIR: dir,
      CONSOLE_ORGANISER: "true",
      AGENDA_MODERATION: "auto",
      LOG_LEVEL: "silent",
    });
    let app = await buildApp(config, quietLogger());
    const donor = member("555", "telegram", { displayName: SECRETS.name });
    const org = member("org", "console", { displayName: "Olivia Organiser" });
    const who = as(app.bot, donor);
    await as(app.bot, org).say("/townhall open 2027 Q1 Townhall | 2027-03-15");
    const proposed = replyText(
      await who.say(`/propose Stablecoin licensing | Call me, ${SECRETS.name}, on ${SECRETS.phone}`),
    );
    const topic = /\bT[0-9A-Z]{5}\b/.exec(proposed)?.[0];
    expect(topic, proposed).toBeDefined();
    await who.press(`ag:up:${topic}`);
    await as(app.bot, org).say("/townhall poll 2");
    for (const contact of [SECRETS.phone, SECRETS.email]) {
      const a = answers(1, { contactName: SECRETS.name, contact, address: SECRETS.address });
      await who.say("/donate");
      for (const g of GOODS) await who.say(a[g]);
      await who.press("don:pdpo:yes");
      let last = "";
      for (const p of PERSONAL) last = replyText(await who.say(a[p]));
      expect(last).toMatch(/DON-/);
    }
    // A question the documents did not answer, with the donor's email in it, and a rating (the FAQ's rows).
    const log = app.services.records?.questions;
    if (!log) throw new Error("no SQL records");
    const at = new Date().toISOString();
    await log.record("20261121T100000000Z-zzzzzz", {
      text: `Please write to ${SECRETS.email}`,
      lang: "en",
      at,
      memberId: donor.id,
    });
    await log.rememberAnswer("A1", "faq:fees");
    await log.rate("A1", { answer: "faq:fees", value: "down", at, memberId: donor.id });
    await app.close();
    expect(hits(dir).length).toBeGreaterThan(0);

    app = await buildApp(config, quietLogger());
    await as(app.bot, donor).say("/forgetme");
    const done = replyText(await as(app.bot, donor).press("pv:forget:yes"));
    expect(done).not.toMatch(/try again/);
    // While the bot still runs (the records' write-ahead log is truncated after an erasure)…
    expect(hits(dir).filter((h) => h.startsWith("records."))).toEqual([]);
    await app.close();
    // …and once it stopped, in every file.
    expect(hits(dir)).toEqual([]);
  }, 60_000);
});
