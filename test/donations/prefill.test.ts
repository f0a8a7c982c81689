/** What a member already said about their goods fills the offer form. */
import { describe, expect, it } from "vitest";
import { corrected, goodsTold, oneNumber, prefill } from "../../src/core/donations/prefill.ts";
import { chineseNumber } from "../../src/core/text.ts";

describe("donation prefill", () => {
  it("takes the quantity, the goods and their category from an English sentence", () => {
    expect(prefill("I want to donate 200 t-shirts")).toEqual({
      category: "clothing",
      quantity: "200",
      unit: "t-shirts",
      description: "200 t-shirts",
    });
    expect(prefill("we have 1,500 spare notebooks")).toMatchObject({ category: "stationery", quantity: "1500" });
  });

  it("reads Chinese measure words", () => {
    expect(prefill("我哋有300本筆記簿想捐")).toMatchObject({ category: "stationery", quantity: "300", unit: "本" });
    expect(prefill("有120件多餘的品牌衛衣")).toMatchObject({ category: "clothing", quantity: "120", unit: "件" });
    // Lanyards are counted in 條 (and stickers in 張): other promotional goods, with their number.
    expect(prefill("公司倉仲有大概300條掛繩，想捐出嚟")).toMatchObject({
      category: "other",
      quantity: "300",
      unit: "條",
    });
    expect(prefill("we have 40 keychains and badges")).toMatchObject({ category: "other", quantity: "40" });
  });

  it("leaves out what it did not hear, and refuses impossible quantities", () => {
    expect(prefill("I want to donate")).toEqual({});
    expect(prefill("can we donate some caps and jackets?")).toEqual({
      category: "clothing",
      description: "caps and jackets",
    });
    expect(prefill("99999999 pens")).toEqual({ category: "stationery", description: "pens" });
  });

  it("takes goods of several kinds, each with its number, as one offer of them all", () => {
    expect(prefill("I'd like to offer 400 notebooks and 250 pens left over from our dinner")).toEqual({
      category: "stationery",
      quantity: "650",
      unit: "items",
      description: "400 notebooks and 250 pens",
    });
    expect(prefill("we have 100 t-shirts and 50 mugs")).toMatchObject({ category: "other", quantity: "150" });
  });

  it("takes goods listed without a number each as the member wrote them, counted by their containers", () => {
    expect(
      prefill(
        "Clearing the store room: 4 cartons of leftover swag - mugs, tote bags (roughly 300) and some hoodies. Pick-up any weekday?",
      ),
    ).toEqual({
      category: "other",
      quantity: "4",
      unit: "cartons",
      description: "4 cartons of leftover swag - mugs, tote bags (roughly 300) and some hoodies",
    });
    expect(prefill("we could give you 2 boxes of pens")).toMatchObject({
      category: "stationery",
      quantity: "2",
      unit: "boxes",
    });
    // A list ends with its sentence: the next one's goods are another matter.
    expect(prefill("We have 150 caps and scarves. Do you also take umbrellas?")).toEqual({
      category: "clothing",
      quantity: "150",
      unit: "items",
      description: "150 caps and scarves",
    });
  });

  it("reads a correction of the goods noted, and nothing else, as one", () => {
    const noted = prefill("400 notebooks and 250 pens");
    expect(corrected("actually make that 300 notebooks, not 400", noted)).toMatchObject({
      quantity: "550",
      description: "300 notebooks and 250 pens",
    });
    expect(corrected("actually 120", prefill("200 t-shirts"))).toEqual({
      quantity: "120",
      description: "120 t-shirts",
    });
    expect(corrected("其實係200本，唔係300", prefill("300本筆記簿"))).toMatchObject({ quantity: "200" });
    // An answer to the question asked, or nothing noted to correct.
    expect(corrected("Actually Capital Ltd", prefill("200 t-shirts"))).toBeUndefined();
    expect(corrected("Flat 3, 12 Queen's Road", prefill("200 t-shirts"))).toBeUndefined();
    expect(corrected("actually 300", {})).toBeUndefined();
  });

  it("reads goods told in answer to another question, once, and one number of an answer", () => {
    expect(goodsTold("we have 200 hoodies from a hackathon", {})).toMatchObject({
      correction: false,
      values: { category: "clothing", quantity: "200" },
    });
    // Already noted: only a correction changes them; a firm's name is no goods.
    expect(goodsTold("we have 300 hoodies", prefill("200 hoodies"))).toBeUndefined();
    expect(goodsTold("Acme Ltd", {})).toBeUndefined();
    expect(oneNumber("no, sorry, it is about 1,500")).toBe("1500");
    expect(oneNumber("150 or 200")).toBeUndefined();
  });

  it("reads numbers written in Chinese, and leaves 'a few hundred' uncounted", () => {
    expect(prefill("我哋公司有兩百件T恤想捐")).toMatchObject({ category: "clothing", quantity: "200", unit: "件" });
    expect(prefill("我們有一千五百支筆想捐")).toMatchObject({ quantity: "1500", unit: "支" });
    expect(prefill("公司有幾百件衫想捐").quantity).toBeUndefined();
    expect([chineseNumber("百五"), chineseNumber("千二"), chineseNumber("三十"), chineseNumber("兩萬")]).toEqual([
      150, 1200, 30, 20000,
    ]);
  });
});
