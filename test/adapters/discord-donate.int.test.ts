/**
 * The donation form on Discord through discord.js against the fake Discord,
 * with the real donations feature: an invalid field in a modal is asked again
 * in the same modal with every answer kept, and /donate in a server channel
 * opens the DM itself.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiscordAdapter } from "../../src/adapters/discord/discord.ts";
import { Bot } from "../../src/core/bot.ts";
import { donations } from "../../src/core/donations/index.ts";
import { text } from "../../src/core/replies.ts";
import { FakeDiscord, IDS, type RestCall } from "../fakes/discord-api.ts";
import { type Actor, message, modalSubmit, press, slash } from "../fakes/discord-payloads.ts";
import { makeServices } from "../helpers/services.ts";

const ADA: Actor = { id: "600000000000000072", name: "Ada" };
const BEN: Actor = { id: "600000000000000074", name: "Ben" };
const CAL: Actor = { id: "600000000000000075", name: "Cal" };
const EPHEMERAL = 64;

type Input = { custom_id: string; value?: string; options?: { value: string; default?: boolean }[] };
type Modal = { custom_id: string; components: { component: Input }[] };
type Payload = {
  content?: string;
  flags?: number;
  components?: { components: { custom_id: string }[] }[];
};

describe("The donation form on Discord (discord.js against a fake Discord)", () => {
  const fake = new FakeDiscord();
  let adapter: DiscordAdapter;

  beforeAll(async () => {
    const apiBase = await fake.start();
    const { services } = makeServices();
    const feature = donations(services, { formTtlMs: 3_600_000, retentionDays: 30 });
    const bot = new Bot(services, [feature], async () => [text("fallback")]);
    adapter = new DiscordAdapter({ token: "TEST.TOKEN.X", apiBase, bot, logger: services.logger });
    await adapter.start();
  });

  afterAll(async () => {
    await adapter.stop();
    await fake.stop();
  });

  const answers = (id: string) => (c: RestCall) =>
    c.method === "POST" && (c.path.startsWith(`/interactions/${id}/`) || c.path.includes(`/tok-${id}`));
  const payload = (c: RestCall) => (c.body.data ?? c.body) as Payload;

  it("asks an invalid field again in the same modal, with the other answers kept", async () => {
    const i = slash(fake, ADA, "dm", "donate");
    fake.dispatch("INTERACTION_CREATE", i);
    const shown = await fake.waitFor((c) => answers(i.id)(c));
    expect(shown.body.type).toBe(9);
    expect((shown.body.data as Modal).custom_id).toBe("don:goods");

    const n = fake.calls.length;
    const bad = { organisation: "Acme", category: "clothing", description: "T-shirts", quantity: "lots", unit: "pcs" };
    const s = modalSubmit(fake, ADA, "dm", "don:goods", bad);
    fake.dispatch("INTERACTION_CREATE", s);
    // The errors, then a button that opens the form again (a modal cannot answer a modal).
    const withButton = await fake.waitFor(
      (c) => answers(s.id)(c) && (payload(c).components?.length ?? 0) > 0 && payload(c).content === undefined,
      n,
    );
    const told = fake.calls.slice(n).filter(answers(s.id)).map(payload);
    expect(told[0]?.content).toContain("couldn't accept");
    expect(told[0]?.flags).toBe(EPHEMERAL);
    const openId = payload(withButton).components?.[0]?.components[0]?.custom_id ?? "";
    expect(openId).toMatch(/^modal:/);

    const p = press(fake, ADA, "dm", openId);
    fake.dispatch("INTERACTION_CREATE", p);
    const again = (await fake.waitFor(answers(p.id))).body;
    expect(again.type).toBe(9);
    const modal = again.data as Modal;
    expect(modal.custom_id).toBe("don:goods");
    const byId = Object.fromEntries(modal.components.map((c) => [c.component.custom_id, c.component]));
    expect(byId.organisation?.value).toBe("Acme");
    expect(byId.description?.value).toBe("T-shirts");
    expect(byId.quantity?.value).toBe("lots");
    expect(byId.category?.options?.find((o) => o.default)?.value).toBe("clothing");

    // Someone else cannot open it.
    const other = press(fake, { id: "600000000000000073", name: "Eve" }, "dm", openId);
    fake.dispatch("INTERACTION_CREATE", other);
    expect((await fake.waitFor(answers(other.id))).body.type).not.toBe(9);

    // Corrected, the form goes on.
    const ok = modalSubmit(fake, ADA, "dm", "don:goods", { ...bad, quantity: "200" });
    fake.dispatch("INTERACTION_CREATE", ok);
    const next = payload(await fake.waitFor(answers(ok.id)));
    expect(next.content ?? "").not.toContain("couldn't accept");
  });

  it("opens the form in the member's DMs when /donate is used in a server channel", async () => {
    const i = slash(fake, BEN, "guild", "donate");
    fake.dispatch("INTERACTION_CREATE", i);
    const deferred = await fake.waitFor(answers(i.id));
    expect(deferred.body.type).toBe(5);
    expect(payload(deferred).flags).toBe(EPHEMERAL);
    const dm = `/channels/9${BEN.id}/messages`;
    const step = await fake.waitFor(
      (c) => c.method === "POST" && c.path === dm && JSON.stringify(c.body.components ?? []).includes("modal:"),
    );
    expect(JSON.stringify(step.body.components)).toContain("modal:");
    // Nothing of the form in the channel; the member is told privately where it went.
    const note = await fake.waitFor((c) => c.method === "PATCH" && c.path.includes(`/tok-${i.id}/messages/@original`));
    expect(note.body.content).toContain("privately");
    expect(fake.calls.some((c) => c.method === "POST" && c.path === `/channels/${IDS.channel}/messages`)).toBe(false);

    // The button in the DM opens the form's first part.
    const openId = (step.body.components as Payload["components"])?.[0]?.components[0]?.custom_id ?? "";
    const p = press(fake, BEN, "dm", openId);
    fake.dispatch("INTERACTION_CREATE", p);
    const shown = (await fake.waitFor(answers(p.id))).body;
    expect(shown.type).toBe(9);
    expect((shown.data as Modal).custom_id).toBe("don:goods");
  });

  it("tells the member when their DMs are closed", async () => {
    fake.closedDms.add(CAL.id);
    const i = slash(fake, CAL, "guild", "donate");
    fake.dispatch("INTERACTION_CREATE", i);
    const note = await fake.waitFor((c) => c.method === "PATCH" && c.path.includes(`/tok-${i.id}/messages/@original`));
    expect(note.body.content).toContain("DMs are closed");
  });

  it("opens the form in the member's DMs when /donate is asked for in a mention in a server", async () => {
    const dee: Actor = { id: "600000000000000076", name: "Dee" };
    const n = fake.calls.length;
    const mention = message(fake, dee, "guild", `<@${IDS.bot}> /donate`);
    fake.dispatch("MESSAGE_CREATE", mention);
    const note = await fake.waitFor(
      (c) => c.method === "POST" && c.path === `/channels/${IDS.channel}/messages` && c.body.content !== undefined,
      n,
    );
    expect(note.body.content).toContain("privately");
    expect(note.body.message_reference).toMatchObject({ message_id: mention.id });
    const dm = fake.calls.slice(n).filter((c) => c.method === "POST" && c.path === `/channels/9${dee.id}/messages`);
    expect(JSON.stringify(dm.map((c) => c.body))).toContain("modal:");
    // Only the note went to the channel.
    const channel = fake.calls.slice(n).filter((c) => c.path === `/channels/${IDS.channel}/messages`);
    expect(channel).toHaveLength(1);
  });
});
