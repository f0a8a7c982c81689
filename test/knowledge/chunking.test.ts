import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadKnowledgeFiles, parseFaq, parseMarkdown } from "../../src/knowledge/documents.ts";
import { topIndices } from "../../src/knowledge/lexical.ts";
import {
  analyse,
  analyzer,
  caseless,
  editDistance,
  hanGrams,
  monthFigures,
  sentences,
  stem,
  unheldWords,
} from "../../src/knowledge/text.ts";
import { KNOWLEDGE_DIR } from "./helpers.ts";

describe("parseMarkdown", () => {
  it("reads front matter and splits passages at headings, keeping title and section", () => {
    const doc = parseMarkdown(
      "a.md",
      '---\ntitle: "Doc A"\nsource: "somewhere"\n---\n\n# Doc A\n\n## First\n\nOne.\n\nTwo.\n\n## Second\n\nThree.\n',
    );
    expect(doc.title).toBe("Doc A");
    expect(doc.source).toBe("somewhere");
    expect(doc.passages.map((p) => [p.section, p.text])).toEqual([
      ["First", "One.\n\nTwo."],
      ["Second", "Three."],
    ]);
    expect(doc.passages[1]?.id).toBe("a.md#1");
  });

  it("drops empty headings and splits long sections at paragraph boundaries", () => {
    const para = "word ".repeat(60).trim();
    const doc = parseMarkdown("b.md", `# T\n\n## Empty\n\n## Long\n\n${para}\n\n${para}\n\n${para}\n`, 400);
    expect(doc.passages.every((p) => p.section === "Long")).toBe(true);
    expect(doc.passages.length).toBe(3);
    expect(doc.title).toBe("T");
  });
});

describe("the knowledge folder", () => {
  const files = loadKnowledgeFiles(KNOWLEDGE_DIR);

  it("holds the three documents and their Chinese translations, section for section", () => {
    const originals = files.docs.filter((d) => !d.translationOf);
    const translations = files.docs.filter((d) => d.translationOf);
    expect(originals).toHaveLength(3);
    expect(translations.map((d) => d.translationOf).sort()).toEqual(originals.map((d) => d.path).sort());
    for (const tr of translations) {
      const orig = originals.find((d) => d.path === tr.translationOf);
      expect(tr.lang).toBe("zh-HK");
      expect(tr.passages.map((p) => p.sectionIndex)).toEqual(orig?.passages.map((p) => p.sectionIndex));
    }
    for (const name of readdirSync(KNOWLEDGE_DIR).filter((n) => n.endsWith(".md"))) {
      const raw = readFileSync(join(KNOWLEDGE_DIR, name), "utf8");
      expect(raw).toMatch(/^---\ntitle: .+\nsource: .+\n(?:[a-z_]+: .+\n)*---/);
      expect(raw).not.toMatch(/Skip to content|Please sign in|Hot search keywords|👉|^#+\s*$/m);
    }
  });

  it("has FAQ entries in both languages that cite existing sections", () => {
    expect(files.faq.length).toBeGreaterThanOrEqual(20);
    const sections = new Set(files.docs.flatMap((d) => d.passages.map((p) => `${p.path}|${p.section}`)));
    for (const e of files.faq) {
      expect(e.q.en.length + e.q["zh-HK"].length).toBeGreaterThanOrEqual(3);
      expect(e.a["zh-HK"]).toMatch(/[\u4e00-\u9fff]/);
      if (e.doc !== "bot")
        expect(
          sections.has(`${e.doc}|${e.section}`) || e.section === files.docs.find((d) => d.path === e.doc)?.title,
        ).toBe(true);
    }
  });

  it("refuses a FAQ with duplicate ids", () => {
    const entry = {
      id: "x",
      doc: "bot",
      section: "s",
      q: { en: ["abc?"], "zh-HK": ["甲乙"] },
      a: { en: "a", "zh-HK": "甲" },
    };
    expect(() => parseFaq(JSON.stringify({ entries: [entry, entry] }))).toThrow(/duplicate/);
  });
});

describe("patterns from data files", () => {
  it("match case-insensitively in English and Chinese, as with the u flag", () => {
    const sources = [
      String.raw`\bdonat\w* (?:some )?(?:money|cash)\b|捐(?:款|錢)`,
      String.raw`[嗎吗呢]\s*$|^(?:who|what)\b`,
    ];
    const texts = ["Can I DONATE some Cash?", "我想捐錢", "WHO runs it", "係咪咁呢", "nothing here", "Ä donation"];
    for (const source of sources) {
      const re = caseless(source);
      expect(re.flags).toBe("i");
      for (const text of texts) expect(re.test(text)).toBe(new RegExp(source, "iu").test(text));
    }
  });

  it("keep the u flag where it changes the meaning: Unicode properties, code points, astral characters", () => {
    expect(caseless(String.raw`\p{Script=Han}+`).test("捐贈")).toBe(true);
    expect(caseless(String.raw`\u{1F600}`).test("😀")).toBe(true);
    expect(caseless("^😀{2}$").test("😀😀")).toBe(true);
    expect(caseless("x", "g").flags).toBe("gi");
  });
});

describe("topIndices", () => {
  it("selects the largest values, largest first, equal ones in their order", () => {
    const v = Float64Array.from([0.5, 0.9, 0.5, 0.1, 0.9, 0.7]);
    expect(topIndices(v, 3)).toEqual([1, 4, 5]);
    expect(topIndices(v, 5)).toEqual([1, 4, 5, 0, 2]);
    // Among some indices only, in the order given (which equal values keep).
    expect(topIndices(v, 3, [2, 0, 3])).toEqual([2, 0, 3]);
    expect(topIndices(v, 2, [3, 5, 4])).toEqual([4, 5]);
  });
});

describe("text analysis", () => {
  it("reads the goal of an activity as what it is for, not the association's goals", () => {
    const keys = (text: string) => analyse(text).map((t) => t.key);
    expect(keys("what's the aim of the quarterly meetings?")).toEqual(
      keys("what's the purpose of the quarterly meetings?"),
    );
    expect(keys("what are the association's goals?")).toContain(analyse("goals")[0]?.key);
  });

  it("reads rules that apply as rules that hold, not as applying for something", () => {
    const keys = (text: string) => analyse(text).map((t) => t.key);
    expect(keys("which regulations still apply to exchanges?")).toEqual(keys("which regulations to exchanges?"));
    expect(keys("how do I apply for the internship?")).toContain(analyse("apply")[0]?.key);
  });

  it("reads letters held for emphasis as the word meant", () => {
    // "sooo" is "so", a function word, not a word the knowledge lacks; "goood" is "good".
    expect(analyse("sooo who's quoted").map((t) => t.key)).toEqual(analyse("so who's quoted").map((t) => t.key));
    expect(analyse("whyyy").map((t) => t.key)).toEqual([]);
    expect(analyse("goood helllo").map((t) => t.key)).toEqual(analyse("good hello").map((t) => t.key));
    expect(unheldWords("Goood morning, sooo how many points?")).toBe("good morning, so how many points?");
    // Words and numbers with no letter held are left as they are, and so are words of one letter.
    expect(unheldWords("Apple's 1000 coffee")).toBe("Apple's 1000 coffee");
    expect(unheldWords("see www.bahk.org, zzz")).toBe("see www.bahk.org, zzz");
  });

  it("stems English words and drops stopwords", () => {
    expect(stem("internships")).toBe(stem("internship"));
    expect(stem("donations")).toBe(stem("donated"));
    expect(analyse("What is the programme?").map((t) => t.key)).toEqual([stem("program")]);
  });

  it("finds Chinese words with the ICU segmenter, pairing characters it leaves single, without function words", () => {
    expect(hanGrams("優才計劃是甚麼")).toEqual(["優才", "計劃"]);
    expect(hanGrams("我想問協會有冇實習")).toEqual(["協會", "實習"]);
  });

  it("reads both forms of a Traditional character alike (散戶 typed, 散户 from a Simplified question)", () => {
    const keys = (t: string) => analyse(t).map((x) => x.key);
    expect(keys("散户可以買賣虛擬資產嗎")).toEqual(keys("散戶可以買賣虛擬資產嗎"));
    expect(keys("他説了甚麼關於稅")).toEqual(keys("他說了甚麼關於税"));
  });

  it("reads a month in Chinese numerals as the documents write it, in figures, and a count of months as it is", () => {
    const keys = (t: string) => analyse(t).map((x) => x.key);
    expect(monthFigures("人才清單係八月幾號出㗎？十二月呢？")).toBe("人才清單係8月幾號出㗎？12月呢？");
    expect(keys("八月二十八號")).toEqual(keys("8月二十八號"));
    expect(monthFigures("三個月一次，十幾月，一月")).toBe("三個月一次，十幾月，1月");
  });

  it("measures edit distance with transpositions", () => {
    expect(editDistance("internshp", "internship", 2)).toBe(1);
    expect(editDistance("quartely", "quarterly", 2)).toBe(1);
    expect(editDistance("abc", "xyz", 1)).toBe(2);
  });

  it("splits sentences", () => {
    expect(sentences("One fact. Another fact. 第三。")).toEqual(["One fact.", "Another fact.", "第三。"]);
  });
});

describe("the thesaurus analyser", () => {
  /** The keys of a text as the knowledge's own thesaurus reads it. */
  const knowledgeRead = analyzer(loadKnowledgeFiles(KNOWLEDGE_DIR).thesaurus);
  const keys = (text: string) => knowledgeRead(text).map((t) => t.key);

  it("reads a text again as it did the first time, each caller with an array of its own", () => {
    const read = analyzer([{ canonical: "inneed", terms: ["who gets"] }]);
    const first = read("who gets the stuff?");
    const again = read("who gets the stuff?");
    expect(again).toEqual(first);
    // A caller that changes its array changes nothing for the next one.
    expect(again).not.toBe(first);
    first.length = 0;
    expect(read("who gets the stuff?")).toEqual(again);
    // Stopwords kept or not are two readings.
    expect(read("who gets the stuff?", true).length).toBeGreaterThan(again.length);
  });

  it("reads a term's possessive as the term alone ('BAHK's townhalls')", () => {
    expect(keys("What are BAHK's townhalls for?")).toEqual(keys("What are BAHK townhalls for?"));
    expect(keys("the HKMA's platform")).not.toContain("s");
  });

  it("reads a term with a hedge inside it as the term ('who actually gets' is 'who gets')", () => {
    const read = analyzer([{ canonical: "inneed", terms: ["who gets"] }]);
    const key = stem("inneed");
    expect(read("who actually gets the stuff?").map((t) => t.key)).toContain(key);
    expect(read("who gets the stuff?").map((t) => t.key)).toContain(key);
    expect(read("who receives the stuff?").map((t) => t.key)).not.toContain(key);
  });

  it("reads starting to come to the townhalls as taking part, not as a launch", () => {
    expect(keys("I'd like to start coming to the townhalls. How often are they held?")).not.toContain(stem("launch"));
    expect(keys("when did it start?")).toContain(stem("launch"));
    expect(keys("When did QMAS start accepting applications?")).toContain(stem("launch"));
  });

  it("reads seeking to gain the reputation as a hub as an aspiration, not as criticism", () => {
    expect(keys("Hong Kong is seeking to gain the reputation as a global fintech hub.")).not.toContain(
      stem("criticism"),
    );
    expect(keys("What was Hong Kong's fintech reputation like back in the day?")).toContain(stem("criticism"));
  });

  it("reads 先生 (Mr) as a form of address, not a word of the question", () => {
    expect(keys("張建宗先生當時擔任甚麼職位？")).toEqual(keys("張建宗當時擔任甚麼職位？"));
  });

  it("reads finding a job first (找好工作, 先有工作) as the employment a scheme may require", () => {
    expect(keys("獲批以後一定要先找好工作才能去香港嗎？")).toContain("employment");
    expect(keys("申請優才計劃需要先有工作嗎？")).toContain("employment");
    expect(keys("批咗之後使唔使一早搵定工？")).toContain("employment");
    expect(keys("在業內領先企業有工作經驗")).not.toContain("employment");
  });

  it("reads what degree one needs as the scheme's requirements", () => {
    expect(keys("what degree do you need for the blockchain talent scheme?")).toEqual(
      expect.arrayContaining(keys("What qualifications do you need for the talent scheme?")),
    );
  });

  it("reads weak in technology as lacking it", () => {
    expect(keys("Wasn't Hong Kong once mocked for being strong in finance but weak in technology?")).toEqual(
      expect.arrayContaining(keys("having finance but lacking technology")),
    );
  });

  it("reads 額外加多少分 as a bonus of points, with no word left over", () => {
    const read = keys("區塊鏈從業者申請優才能額外加多少分？");
    expect(read).toContain(stem("bonuspoints"));
    expect(read).not.toContain("額外");
  });

  it("reads 多拿多少分 and 多得幾多分 as a bonus of points", () => {
    const read = analyzer(loadKnowledgeFiles(KNOWLEDGE_DIR).thesaurus);
    for (const q of ["做區塊鏈的申請優才能多拿多少分？", "區塊鏈人才可以多得幾多分？"]) {
      expect(read(q).map((t) => t.key)).toContain(stem("bonuspoints"));
    }
  });

  it("reads promotional goods and waste as the strategic goal names them, in either language", () => {
    const read = analyzer(loadKnowledgeFiles(KNOWLEDGE_DIR).thesaurus);
    const keys = (text: string) => read(text).map((t) => t.key);
    expect(keys("协会认为金融业在推广物品方面有什么问题？".replace("推广", "推廣"))).toContain(stem("promotional"));
    expect(keys("The financial industry is very wasteful with excess promotional clothing")).toEqual(
      expect.arrayContaining([stem("promotional"), stem("wasteful")]),
    );
    expect(keys("金融業在過剩的宣傳服飾及文具等其他物品方面十分浪費")).toContain(stem("wasteful"));
    expect(keys("why do they call it a waste?")).toContain(stem("wasteful"));
  });

  it("reads the next generation as the young people the first goal nurtures, in either language", () => {
    const read = analyzer(loadKnowledgeFiles(KNOWLEDGE_DIR).thesaurus);
    const keys = (text: string) => read(text).map((t) => t.key);
    expect(keys("any programme aimed at the next generation of blockchain entrepreneurs")).toContain(stem("young"));
    expect(keys("協會點樣培養新一代區塊鏈創業家？")).toContain(stem("young"));
  });

  it("reads a term ending in a numeral only where the numeral does not begin a word (目標一共 is no goal one)", () => {
    const read = analyzer([{ canonical: "goalone", terms: ["目標一"] }]);
    const keys = (text: string) => read(text).map((t) => t.key);
    expect(keys("協會嘅目標一係咩？")).toContain(stem("goalone"));
    expect(keys("目標一：培育人才")).toContain(stem("goalone"));
    for (const text of ["協會的目標一共有多少項？", "大家目標一致", "目標一定達到"]) {
      expect(keys(text)).not.toContain(stem("goalone"));
    }
  });

  it("reads the longest term that stands at a place, whole words only, in any case", () => {
    const read = analyzer([
      { canonical: "gathering", terms: ["town hall", "會員大會"] },
      { canonical: "agm", terms: ["town hall meeting", "大會"] },
      { canonical: "usa", terms: ["u.s.", "u.s. dollars"] },
    ]);
    const keys = (text: string) => read(text).map((t) => t.key);
    expect(keys("When is the Town Hall Meeting?")).toContain(stem("agm"));
    expect(keys("When is the Town Hall Meeting?")).not.toContain(stem("gathering"));
    expect(keys("when is the town hall?")).toContain(stem("gathering"));
    expect(keys("the town halls")).not.toContain(stem("gathering"));
    expect(keys("the downtown hall")).not.toContain(stem("gathering"));
    expect(keys("paid in U.S. dollars")).toContain(stem("usa"));
    expect(keys("paid in U.S. dollars")).not.toContain(stem("dollar"));
    expect(keys("usxs")).not.toContain(stem("usa"));
    expect(keys("會員大會幾時開？")).toContain(stem("gathering"));
    expect(keys("會員大會幾時開？")).not.toContain(stem("agm"));
    expect(keys("週年大會幾時開？")).toContain(stem("agm"));
  });
});
