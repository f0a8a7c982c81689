import { describe, expect, it } from "vitest";
import { LocalEmbedder } from "../../src/knowledge/local-embedder.ts";
import { glove } from "./helpers.ts";

function cos(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += (a[i] ?? 0) * (b[i] ?? 0);
    na += (a[i] ?? 0) ** 2;
    nb += (b[i] ?? 0) ** 2;
  }
  return dot / Math.sqrt(na * nb);
}

describe("LocalEmbedder", () => {
  const embedder = new LocalEmbedder(glove());

  it("returns unit vectors of a fixed size, one per text", async () => {
    const vs = await embedder.embedDocuments(["internship programme", "捐贈文具", ""]);
    expect(vs).toHaveLength(3);
    for (const v of vs) expect(v).toHaveLength(embedder.dims);
    expect(Math.hypot(...(vs[0] ?? []))).toBeCloseTo(1, 5);
    expect(Math.hypot(...(vs[1] ?? []))).toBeCloseTo(1, 5);
    expect(vs[2]?.every((x) => x === 0)).toBe(true);
  });

  it("puts paraphrases closer than unrelated texts", async () => {
    const cases: [string, string, string][] = [
      [
        "apprenticeship for graduates",
        "internship programs for young talent",
        "annual quota of the immigration scheme",
      ],
      [
        "surplus merchandise and apparel",
        "excess promotional clothing and stationery",
        "trade finance platform of banks",
      ],
      ["cryptocurrency rules", "virtual asset regulation", "donated clothing for people in need"],
    ];
    for (const [q, near, far] of cases) {
      const [vq, vn, vf] = await embedder.embedDocuments([q, near, far]);
      expect(cos(vq ?? [], vn ?? []), `${q} ~ ${near}`).toBeGreaterThan(cos(vq ?? [], vf ?? []));
    }
  });

  it("tolerates misspellings through character trigrams", async () => {
    const [typo, right, other] = await embedder.embedDocuments([
      "townhal meetnig",
      "townhall meeting",
      "bachelor degree",
    ]);
    expect(cos(typo ?? [], right ?? [])).toBeGreaterThan(cos(typo ?? [], other ?? []));
  });

  it("matches Chinese texts by character bigrams", async () => {
    const [q, near, far] = await embedder.embedDocuments(["優才計劃名額", "優秀人才入境計劃每年名額", "捐贈宣傳衣物"]);
    expect(cos(q ?? [], near ?? [])).toBeGreaterThan(cos(q ?? [], far ?? []));
  });

  it("embeds a query like a document", async () => {
    const [d] = await embedder.embedDocuments(["quarterly townhall"]);
    expect(await embedder.embedQuery("quarterly townhall")).toEqual(d);
  });
});
