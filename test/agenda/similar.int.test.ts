/**
 * Calibration of SIMILAR_TOPIC_THRESHOLD with the real offline embedder:
 * paraphrased townhall titles should mostly reach it, different topics mostly
 * not. Uses the converted word vectors in data/glove when present, else
 * converts them into a temporary directory (about 20 s).
 */
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cosine, SIMILAR_TOPIC_THRESHOLD } from "../../src/core/agenda/similar.ts";
import { loadGlove } from "../../src/knowledge/glove.ts";
import { LocalEmbedder } from "../../src/knowledge/local-embedder.ts";

const SAME: [string, string][] = [
  ["Stablecoin licensing regime in Hong Kong", "Hong Kong stablecoin licensing regime"],
  ["Bank accounts for virtual-asset firms", "Banking access for crypto companies"],
  ["Crypto ETF access for retail investors", "Retail access to crypto ETFs"],
  ["Tax treatment of staking rewards", "How staking income should be taxed"],
  ["Internship programmes for young blockchain founders", "Apprenticeships for young crypto entrepreneurs"],
  ["Travel rule compliance costs", "Cost of complying with the travel rule"],
  ["Licensing of OTC desks", "OTC trading desk licences"],
  [
    "Talent visa processing times for Web3 engineers",
    "Slow talent admission scheme approvals for blockchain developers",
  ],
  ["穩定幣發牌制度", "香港穩定幣發牌"],
  ["虛擬資產交易平台監管", "虛擬資產交易所的監管"],
];

const DIFFERENT: [string, string][] = [
  ["Stablecoin licensing regime in Hong Kong", "Tax treatment of staking rewards"],
  ["Bank accounts for virtual-asset firms", "Talent visa processing times for Web3 engineers"],
  ["Crypto ETF access for retail investors", "Donating surplus promotional clothing"],
  ["Licensing of OTC desks", "Licensing of stablecoin issuers"],
  ["Travel rule compliance costs", "Tokenised green bonds"],
  ["Internship programmes for young blockchain founders", "DeFi front-end liability"],
  ["Retail access to crypto ETFs", "Retail investor protection in DeFi"],
  ["Stablecoin licensing regime in Hong Kong", "Hong Kong virtual asset exchange licensing"],
  ["穩定幣發牌制度", "虛擬資產交易平台監管"],
  ["Custody rules for exchanges", "Custody of tokenised securities"],
];

describe("look-alike threshold with the offline embedder", () => {
  it("catches most paraphrases and few different topics", async () => {
    const local = join(process.cwd(), "data", "glove");
    const dir = existsSync(join(local, "meta.json")) ? local : mkdtempSync(join(tmpdir(), "bahk-glove-"));
    const embedder = new LocalEmbedder(loadGlove(dir));
    const score = async ([a, b]: [string, string]) =>
      cosine(await embedder.embedQuery(a), await embedder.embedQuery(b));
    const same = await Promise.all(SAME.map(score));
    const different = await Promise.all(DIFFERENT.map(score));
    console.info({ threshold: SIMILAR_TOPIC_THRESHOLD, same, different });
    expect(same.filter((s) => s >= SIMILAR_TOPIC_THRESHOLD).length).toBeGreaterThanOrEqual(7);
    expect(different.filter((s) => s >= SIMILAR_TOPIC_THRESHOLD).length).toBeLessThanOrEqual(3);
    // Identical titles are always offered.
    expect(await score(["Licensing of OTC desks", "licensing of OTC desks"])).toBeGreaterThan(0.99);
  }, 120_000);
});
