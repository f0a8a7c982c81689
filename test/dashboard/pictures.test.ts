/**
 * Pictures in the chats: resvg draws a real PNG of the chart; /impact and a closed poll go out as
 * a picture with their text kept; without the port (or when drawing fails) the text alone; each
 * adapter renders the picture its own way.
 */
import { describe, expect, it } from "vitest";
import { renderReplies as consoleRender } from "../../src/adapters/console/render.ts";
import { renderReply as discordRender } from "../../src/adapters/discord/render.ts";
import { renderReply as telegramRender } from "../../src/adapters/telegram/render.ts";
import { agenda } from "../../src/core/agenda/index.ts";
import { Bot } from "../../src/core/bot.ts";
import { donations } from "../../src/core/donations/index.ts";
import type { Feature, Services } from "../../src/core/feature.ts";
import { withPicture } from "../../src/core/pictures.ts";
import type { ImageReply, Reply } from "../../src/core/replies.ts";
import { text } from "../../src/core/replies.ts";
import { ChartPictures, svgToPng } from "../../src/pictures/render.ts";
import { hbarChartSvg } from "../../src/pictures/svg.ts";
import { donate } from "../donations/driver.ts";
import { dm, makeServices, member, replyText } from "../helpers/services.ts";

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const ORG = member("1", "telegram");
const M2 = member("2", "telegram");

function image(replies: readonly Reply[]): ImageReply | undefined {
  return replies.find((r): r is ImageReply => r.type === "image");
}

function bot(services: Services, features: Feature[]): Bot {
  return new Bot(services, features, async () => []);
}

describe("pictures", () => {
  it("draws a PNG whose size follows the chart, with escaped labels", async () => {
    const svg = hbarChartSvg("Poll <closed> & counted", [
      { label: "Stablecoins", value: 3 },
      { label: "穩定幣監管", value: 1 },
    ]);
    expect(svg).toContain("Poll &#60;closed&#62; &#38; counted");
    const png = svgToPng(svg);
    expect(png.subarray(0, 8).equals(PNG)).toBe(true);
    // 640 x 108 at twice the size, in the IHDR chunk.
    expect(png.readUInt32BE(16)).toBe(1280);
    expect(png.readUInt32BE(20)).toBe(2 * (40 + 2 * 28 + 12));
    const b64 = await new ChartPictures().bars("t", [{ label: "a", value: 1 }]);
    expect(Buffer.from(b64, "base64").subarray(0, 8).equals(PNG)).toBe(true);
  });

  it("keeps the text: without pictures, when drawing fails, or with buttons", async () => {
    const { services } = makeServices();
    const chart = { title: "t", rows: [{ label: "a", value: 1 }], filename: "x.png" };
    expect(await withPicture(services, text("plain"), chart)).toEqual(text("plain"));
    const failing = { ...services, pictures: { bars: async () => Promise.reject(new Error("no fonts")) } };
    expect(await withPicture(failing, text("plain"), chart)).toEqual(text("plain"));
    const drawing = { ...services, pictures: new ChartPictures() };
    const withButtons = text("b", { buttons: [{ id: "x:y", label: "Y" }] });
    expect(await withPicture(drawing, withButtons, chart)).toEqual(withButtons);
    const drawn = await withPicture(drawing, text("plain", { private: true }), chart);
    expect(drawn).toMatchObject({ type: "image", text: "plain", private: true, filename: "x.png" });
  });

  it("posts /impact as a picture with its text", async () => {
    const t = makeServices({ organisers: [ORG.id] });
    const services: Services = { ...t.services, pictures: new ChartPictures() };
    const b = bot(services, [donations(services, { formTtlMs: 60_000, retentionDays: 30 })]);
    expect(image(await b.handle({ kind: "text", member: M2, chat: dm(M2), text: "/impact" }))).toBeUndefined();
    await donate(b, M2);
    const replies = await b.handle({ kind: "text", member: M2, chat: dm(M2), text: "/impact" });
    const pic = image(replies);
    expect(pic?.filename).toBe("impact.png");
    expect(pic?.text).toMatch(/120/);
    expect(
      Buffer.from(pic?.data ?? "", "base64")
        .subarray(0, 8)
        .equals(PNG),
    ).toBe(true);
  });

  it("posts a closed poll's result as a picture with its tally", async () => {
    const t = makeServices({ organisers: [ORG.id] });
    const services: Services = { ...t.services, pictures: new ChartPictures() };
    const b = bot(services, [agenda(services, { moderation: "auto", maxProposalsPerMember: 5 })]);
    const say = (m: typeof ORG, s: string) => b.handle({ kind: "text", member: m, chat: dm(m), text: s });
    await say(ORG, "/townhall open 2027 Q1 | 2027-03-15");
    await say(M2, "/propose Stablecoin licensing | issuers");
    await say(ORG, "/propose Tokenised deposits | banks");
    await say(ORG, "/townhall poll");
    await say(M2, "/pollvote 1");
    const closed = await say(ORG, "/townhall poll close");
    const pic = image(closed);
    expect(pic, replyText(closed)).toBeDefined();
    expect(pic?.text).toMatch(/Stablecoin licensing/);
  });

  it("posts the result of the poll a closing townhall closed", async () => {
    const t = makeServices({ organisers: [ORG.id] });
    const services: Services = { ...t.services, pictures: new ChartPictures() };
    const b = bot(services, [agenda(services, { moderation: "auto", maxProposalsPerMember: 5 })]);
    const say = (m: typeof ORG, s: string) => b.handle({ kind: "text", member: m, chat: dm(m), text: s });
    await say(ORG, "/townhall open 2027 Q1 | 2027-03-15");
    await say(M2, "/propose Stablecoin licensing | issuers");
    await say(ORG, "/propose Tokenised deposits | banks");
    await say(ORG, "/townhall poll");
    await say(M2, "/pollvote 2");
    const closed = await say(ORG, "/townhall close");
    expect(replyText(closed)).toMatch(/closed/i);
    expect(image(closed)?.text).toMatch(/Tokenised deposits/);
    expect(image(await say(ORG, "/townhall close"))).toBeUndefined();
  });

  it("renders a picture on each platform: Telegram photo, Discord attachment, console text", () => {
    const pic: ImageReply = {
      type: "image",
      filename: "p.png",
      mimeType: "image/png",
      data: PNG.toString("base64"),
      text: "Result <b>",
    };
    const tg = telegramRender(pic);
    expect(tg).toEqual([expect.objectContaining({ method: "sendPhoto", caption: "Result <b>", filename: "p.png" })]);
    const long = telegramRender({ ...pic, text: "x".repeat(1500) });
    expect(long.map((o) => o.method)).toEqual(["sendPhoto", "sendMessage"]);
    const dc = discordRender(pic);
    expect(dc).toHaveLength(1);
    const payload = dc[0]?.kind === "message" ? dc[0].payload : undefined;
    expect(payload?.files).toHaveLength(1);
    expect(payload?.content).toContain("Result");
    expect(consoleRender([pic]).text).toBe("[picture p.png]\nResult <b>");
  });
});
