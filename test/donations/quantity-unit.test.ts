import { describe, expect, it } from "vitest";
import { splitQuantityUnit } from "../../src/core/donations/form.ts";
import { makeServices, member, replyText } from "../helpers/services.ts";
import { as, makeBot } from "./driver.ts";

describe("quantity with its unit in one answer", () => {
  it("splits what people write, and refuses what is not a quantity and unit", () => {
    expect(splitQuantityUnit("200 pieces")).toEqual({ quantity: "200", unit: "pieces" });
    expect(splitQuantityUnit("1,500 boxes")).toEqual({ quantity: "1500", unit: "boxes" });
    expect(splitQuantityUnit("300件")).toEqual({ quantity: "300", unit: "件" });
    expect(splitQuantityUnit("200")).toBeUndefined();
    expect(splitQuantityUnit("-5 boxes")).toBeUndefined();
    expect(splitQuantityUnit("2.5 boxes")).toBeUndefined();
    expect(splitQuantityUnit("999999 boxes")).toBeUndefined();
    expect(splitQuantityUnit("+852 9123 4567")).toBeUndefined();
  });

  it("fills the unit too and skips its question", async () => {
    const t = makeServices();
    const { bot } = makeBot(t.services);
    const ada = as(bot, member("ada"));
    await ada.say("/donate");
    await ada.say("skip");
    await ada.say("1");
    await ada.say("Branded T-shirts, sizes S to XL");
    const next = replyText(await ada.say("200 pieces"));
    expect(next).toMatch(/What condition/);
    const session = await t.store.get<{ data: { values: Record<string, string> } }>("session", "console:ada");
    expect(session?.data.values).toMatchObject({ quantity: "200", unit: "pieces" });
  });
});
