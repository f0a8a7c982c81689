import { describe, expect, it } from "vitest";
import { expectation, namedKind, onlyProspective, satisfies } from "../../src/knowledge/answer-checks.ts";
import { comparedWith, listItems } from "../../src/knowledge/kb.ts";
import {
  CUMULATIVE,
  countedThing,
  countWindows,
  existenceObject,
  instancesAsked,
  memberAsked,
  timedThing,
} from "../../src/knowledge/message-parts.ts";

const PLATFORM =
  "The Hong Kong Monetary Authority (HKMA), the city's de facto central bank, together with seven banks including HSBC and Standard Chartered, set out to jointly launch a trade finance platform using blockchain technology in September.";

describe("questions for particular named things", () => {
  it("reads a one-off thing or a regular one as how often", () => {
    expect(expectation("Is the BAHK townhall a one-off thing or does it happen regularly?")).toBe("frequency");
    expect(expectation("Are the meetings held regularly?")).toBe("frequency");
    expect(expectation("係一次性定係定期舉行？")).toBe("frequency");
    expect(expectation("Is the townhall a regular thing for members?")).not.toBe("frequency");
  });

  it("reads a year asked on its own as asking the year, which a date without one does not give", () => {
    expect(expectation("and year?")).toBe("year");
    expect(expectation("the year?")).toBe("year");
    expect(expectation("年份呢？")).toBe("year");
    expect(satisfies("year", "The government released a talent list on August 28.")).toBe(false);
    expect(satisfies("year", "QMAS was first launched in 2006.")).toBe(true);
  });

  it("reads whether something is that often as how often, not a count asked per year", () => {
    expect(expectation("are the networking events held every month?")).toBe("frequency");
    expect(expectation("networking events 係咪每個星期都有？")).toBe("frequency");
    expect(expectation("交流活動是不是每月舉行？")).toBe("frequency");
    expect(expectation("how many people are admitted every year?")).toBe("quantity");
    expect(expectation("每年有幾多個名額？")).toBe("quantity");
  });

  it("reads how to apply as asking the way to apply, which a description does not give", () => {
    expect(expectation("How do I apply for the BAHK internship programme?")).toBe("procedure");
    expect(expectation("我想參加你哋嘅實習計劃，要點樣報名？")).toBe("procedure");
    // For someone else too.
    expect(expectation("how does she sign up for the internship?")).toBe("procedure");
    expect(expectation("how can my nephew apply for an internship?")).toBe("procedure");
    const internships =
      "To keep a talent pipeline, the association offers internship programs for the long-term cultivation of young talent.";
    expect(satisfies("procedure", internships)).toBe(false);
    // "how to apply blockchain" is no way of applying.
    expect(satisfies("procedure", "Eligible persons know how to apply blockchain in financial services.")).toBe(false);
    expect(satisfies("procedure", "Applicants are awarded points under a General Points Test.")).toBe(true);
  });

  it("takes a phrase quoted in English as the name of a saying or principle asked for", () => {
    const sameRisk = 'Hong Kong adopts a "same risk, same rules" approach to virtual assets.';
    expect(satisfies("name", sameRisk, "What is that principle or slogan called?")).toBe(true);
    // Not for a name of another kind, nor when the question already says it.
    expect(satisfies("name", sameRisk, "What is the platform called?")).toBe(false);
    expect(satisfies("name", sameRisk, 'Is the "same risk, same rules" principle still used?')).toBe(false);
    expect(expectation("How do blockchain firms apply the technology to trade finance?")).not.toBe("procedure");
  });

  it("reads 'that month or a different one?' as asking a date", () => {
    expect(expectation("Was the policy declaration made at the November FinTech Week or a different month?")).toBe(
      "date",
    );
    expect(expectation("Was it launched in 2006 or another year?")).toBe("date");
    // A thing's age is since when; a person's is an age.
    expect(expectation("How old is the QMAS scheme?")).toBe("date");
    // "Any date for…?", "有冇時間表？": a date, which "consultations are underway" does not give.
    expect(expectation("is there a timeline yet for the stablecoin rules?")).toBe("date");
    expect(expectation("any date for the platform's launch?")).toBe("date");
    expect(expectation("穩定幣規例有冇時間表？")).toBe("date");
    expect(expectation("How old do I need to be for the internship?")).toBe("age");
    // An age range asked "for" a thing is an age, not the thing's purpose.
    expect(expectation("what age range is it for?")).toBe("age");
    expect(expectation("實習係俾幾歲嘅人？")).toBe("age");
    // The year of study, an age of sorts, which only a text that gives one answers.
    expect(expectation("要讀到幾年級先可以申請實習？")).toBe("age");
    // "Old-school" is no age: the story's question asks what was said.
    expect(
      expectation(
        "I was surprised how old-school HK banking felt. HK used to be mocked for that. What was the saying?",
      ),
    ).not.toBe("age");
  });

  it("reads the best yield, parking money and a contract's terms as advice", () => {
    expect(expectation("Which stablecoin pays the best yield right now? I want to park 50k USD")).toBe("advice");
    expect(expectation("Is the 12-month non-compete in my contract enforceable?")).toBe("advice");
    expect(expectation("Can you check my employment contract with a crypto exchange?")).toBe("advice");
    // Which city a member's startup should pick, or which suits a startup better: a choice for them.
    expect(expectation("so which one should my startup pick?")).toBe("advice");
    expect(expectation("哪一個對初創較有利？")).toBe("advice");
    expect(expectation("Which city is better for banking?")).not.toBe("advice");
    expect(expectation("What does the talent list say about returns to Hong Kong?")).not.toBe("advice");
  });

  it("reads 'where do things stand' as how matters are, not a place", () => {
    expect(expectation("where do things stand for retail investors?")).not.toBe("place");
    expect(expectation("Where does it stand now?")).not.toBe("place");
    expect(expectation("Where does the townhall take place?")).toBe("place");
    // A place named and checked; people based somewhere are no place asked.
    expect(expectation("the quarterly meetings happen at Cyberport, right?")).toBe("place");
    expect(expectation("are the networking nights hosted in Wan Chai?")).toBe("place");
    expect(expectation("can people based in Shenzhen join?")).not.toBe("place");
    expect(expectation("are townhalls held in person?")).not.toBe("place");
  });

  it("reads an end asked for as a day, a rate as a count, and what is taken or included as asked of", () => {
    expect(expectation("When will that process wrap up?")).toBe("day");
    expect(expectation("咨询啥时候结束？")).toBe("day");
    // Dates asked for in the plural are days, not a list of things.
    expect(expectation("what were the dates of that FinTech Week?")).toBe("day");
    // 何日 (on which day) as 哪日.
    expect(expectation("政府的人才清單於何日公布？")).toBe("day");
    expect(expectation("现在好批吗？通过率咋样？")).toBe("quantity");
    expect(countedThing("现在好批吗？通过率咋样？")).toBe("通过率");
    // 幾何 and 若干 (how many, in written Chinese) after the thing counted.
    expect(countedThing("會員人數幾何？")).toBe("會員人數");
    expect(countedThing("參加人數若干")).toBe("參加人數");
    expect(expectation("在这些职业里工作的人可以多拿几分？")).toBe("quantity");
    expect(existenceObject("我屋企啲舊電腦收唔收㗎？")).toBe("舊電腦");
    expect(existenceObject("醫生有冇份㗎？")).toBe("醫生");
    expect(existenceObject("如果係AI方面嘅專家呢？都有份？")).toBe("AI方面嘅專家");
    expect(existenceObject("優才可唔可以帶埋屋企人過嚟?")).toBe("屋企人");
    // 係咪 before a noun asks what the association is, not whether it runs something.
    expect(existenceObject("你哋協會係咪政府部門嚟㗎？")).toBeUndefined();
    expect(existenceObject("協會是否慈善機構？")).toBeUndefined();
    expect(existenceObject("協會係咪有辦講座？")).toBe("辦講座");
    expect(existenceObject("協會是否提供培訓？")).toBe("培訓");
    expect(existenceObject("用优才来香港可以带上家人吗？")).toBe("家人");
    // 用 as "by way of" (apply through QMAS) asks no use of a thing; 用嚟做 (used for) does.
    expect(existenceObject("我冇大學學位，都可以用優才申請做區塊鏈嗰啲嘢㗎？")).toBeUndefined();
    expect(existenceObject("個平台可以用嚟做貿易融資嗎？")).toBe("貿易融資");
  });

  it("reads a choice between two names it gives as no question for other names", () => {
    // "which gives crypto firms…" read as asking the names of firms, and the comparison was declined.
    expect(expectation("which gives crypto firms more incentives, HK or Singapore?")).toBe("none");
    expect(expectation("which gives crypto firms more incentives?")).toBe("names");
    // 邊度 (where) choosing between the two places it names asks which is better, not where.
    expect(expectation("香港同新加坡，邊度對加密貨幣公司好啲？")).toBe("none");
    expect(expectation("香港同新加坡邊度好？")).toBe("none");
    expect(expectation("townhall喺邊度舉行？")).toBe("place");
    expect(expectation("請告知交流活動的會場地點。")).toBe("place");
  });

  it("reads which members a body has as asking for names", () => {
    expect(expectation("那個委員會有哪些成員？")).toBe("names");
    expect(expectation("人力资源规划委员会都有哪些成员？")).toBe("names");
  });

  it("reads an organisation's full name as a name asked for, and a person's as asked of them", () => {
    expect(expectation("What is BAHK's full name?")).toBe("name");
    expect(expectation("what was his full name again?")).not.toBe("name");
  });

  it("reads old phones given away, and what a website says, as no contact details asked for", () => {
    expect(expectation("do you collect old phones?")).not.toBe("contact");
    expect(expectation("協會係咪收舊電話去捐？")).not.toBe("contact");
    expect(expectation("what's your phone number?")).toBe("contact");
    // What the association's website says is its content, not a link asked for.
    expect(expectation("how many strategic goals BAHK lists on its website")).toBe("quantity");
    expect(expectation("同事说协会网站上写着要成为最好的自己，这是指什么？")).not.toBe("contact");
    for (const q of ["what's BAHK's website?", "can we put the logo on their website?", "網站係咩？"])
      expect(expectation(q), q).toBe("contact");
    expect(expectation("協會電話係幾多？")).toBe("contact");
  });

  it("reads a choice for the member's own case as advice, and a comparison of the documents as none", () => {
    expect(expectation("so which one is better for a small company like ours?")).toBe("advice");
    expect(expectation("should we set up in Singapore instead?")).toBe("advice");
    expect(expectation("咁邊個啱我哋多啲？")).toBe("advice");
    // "Which is right?" checks a fact.
    expect(expectation("2006定2008，邊個啱？")).not.toBe("advice");
    expect(expectation("how does Hong Kong's approach compare with Singapore's?")).not.toBe("advice");
  });

  it("reads the minimum education or qualification asked for as who is eligible, a minimum score as a number", () => {
    expect(expectation("what's the minimum education level for blockchain applicants?")).toBe("eligibility");
    expect(expectation("minimum qualifications to apply?")).toBe("eligibility");
    expect(expectation("申請優才最低學歷要求係咩？")).toBe("eligibility");
    expect(expectation("what's the minimum score to pass?")).toBe("quantity");
    // The education required, which a text saying who is eligible gives.
    expect(expectation("区块链人才申请有什么学历要求？")).toBe("eligibility");
  });

  it("reads whether retail investors may buy as a question of the rules, not advice", () => {
    expect(expectation("香港散戶可以買加密貨幣嗎")).not.toBe("advice");
    expect(expectation("散戶而家買唔買得到加密貨幣？")).not.toBe("advice");
    expect(expectation("散户现在买不买得到加密货币？")).not.toBe("advice");
    // Whether they will get a chance to, one day.
    expect(expectation("散戶遲啲有冇機會買到加密貨幣基金？")).not.toBe("advice");
    expect(expectation("散户以后有没有机会买加密货币？")).not.toBe("advice");
    expect(expectation("我應該買邊隻幣？")).toBe("advice");
    expect(expectation("散戶而家可唔可以買VA ETF？")).not.toBe("advice");
    expect(expectation("我應該買比特幣嗎？")).toBe("advice");
  });

  it("reads 一年一度 (once a year) as how often", () => {
    const fintechWeek = "财经事务及库务局在一年一度的香港金融科技周发表政策宣言。";
    expect(satisfies("frequency", fintechWeek, "这个活动多久办一次？")).toBe(true);
  });

  it("reads the next one and which days as a day, and a plan's when as a date", () => {
    // "quarterly" says how often townhalls are, not when the next one is.
    expect(expectation("下一場係幾時？")).toBe("day");
    expect(expectation("那一年的金融科技周是哪幾天舉行？")).toBe("day");
    expect(satisfies("day", "協會每季舉行業界公開會議（townhall）。", "下一場係幾時？")).toBe(false);
    // An annual event says nothing of when a plan will be carried out.
    expect(expectation("政府打算什麼時候落實")).toBe("date");
    expect(expectation("when does the government plan to implement it?")).toBe("date");
    expect(satisfies("date", "財經事務及庫務局在一年一度的香港金融科技周發表政策宣言。", "政府打算什麼時候落實")).toBe(
      false,
    );
  });

  it("reads this year's occasion as a date, which 'annual' or 一年一度 does not give", () => {
    expect(expectation("when is fintech week this year?")).toBe("date");
    expect(expectation("今年嘅FinTech Week幾時搞？")).toBe("date");
    expect(
      satisfies("date", "財經事務及庫務局在一年一度的香港金融科技周發表政策宣言。", "今年嘅FinTech Week幾時搞？"),
    ).toBe(false);
    expect(satisfies("date", "優秀人才入境計劃於二〇〇六年首次推出。", "優才計劃幾時推出？")).toBe(true);
    expect(satisfies("date", "政府於8月28日公佈人才清單。", "人才清單幾時公布？")).toBe(true);
  });

  it("reads who or how someone may take part as asked of, not 'I', 'anyone' or what is joined", () => {
    expect(existenceObject("can mainland students apply?")).toBe("mainland students");
    expect(existenceObject("can i join online?")).toBe("online");
    expect(existenceObject("线上能参加吗？")).toBe("线上");
    expect(existenceObject("中學畢業生也可以申請嗎，還是只限大學生？")).toBe("中學畢業生");
    expect(existenceObject("can foreigners apply for QMAS?")).toBe("foreigners");
    expect(existenceObject("can anyone join the townhall?")).toBeUndefined();
    expect(existenceObject("我可以參加嗎？")).toBeUndefined();
    expect(existenceObject("係咪一定要搵定工先可以申請？")).toBeUndefined();
    // Who may give: an individual is asked of; the member's own firm is the donor the form expects.
    expect(existenceObject("我個人也可以捐嗎？")).toBe("個人");
    expect(existenceObject("我哋公司可以捐嗎？")).toBeUndefined();
    expect(existenceObject("can my company donate?")).toBeUndefined();
    expect(existenceObject("Can our firm donate leftover branded tees?")).toBeUndefined();
  });

  it("reads where a key or a difference lies as no place, and a place named in the question as no answer", () => {
    expect(expectation("香港要成为全球虚拟资产中心，成败关键在哪？")).not.toBe("place");
    expect(expectation("兩個計分制嘅分別喺邊？")).not.toBe("place");
    expect(expectation("今年金融科技周喺邊度舉行？")).toBe("place");
    const declaration = "The FSTB unveiled the Policy Declaration during the annual FinTech Week.";
    expect(satisfies("place", declaration, "Where was the declaration announced?")).toBe(true);
    expect(satisfies("place", declaration, "Where is FinTech Week held?")).toBe(false);
    expect(
      satisfies("place", "財經事務及庫務局在一年一度的香港金融科技周發表政策宣言。", "金融科技周喺邊度舉行？"),
    ).toBe(false);
    expect(satisfies("place", "財經事務及庫務局在一年一度的香港金融科技周發表政策宣言。", "宣言喺邊度發表？")).toBe(
      true,
    );
  });

  it("reads 人工智能 as artificial intelligence, not 人工 (pay)", () => {
    expect(expectation("我是做人工智能的，香港的人才清单里包括哪些科技领域？")).not.toBe("money");
    expect(expectation("實習有冇人工㗎？")).toBe("money");
    // 幾多錢, Cantonese for "how much money", not a count.
    expect(expectation("申請要幾多錢？")).toBe("money");
    // Whether something costs nothing ("are they free?"), not whether approved people are free to live here.
    expect(expectation("Are those sessions free?")).toBe("money");
    expect(expectation("are the approved people free to settle here without a job?")).not.toBe("money");
  });

  it("reads particular instances asked for, but not 'why' or a programme asked of", () => {
    expect(instancesAsked("Do they run any specific projects for the unbanked?")).toBe("projects");
    expect(instancesAsked("What concrete programmes are they running?")).toBe("programmes");
    expect(instancesAsked("協會會舉辦哪些公眾教育講座？")).toBe("講座");
    expect(instancesAsked("香港區塊鏈協會為什麼要搞實習講座？")).toBeUndefined();
    expect(instancesAsked("What programme does it run to make that happen?")).toBeUndefined();
    // Whether they run courses, talks, workshops at all: only a text naming them says so.
    expect(instancesAsked("do they run public education courses for it?")).toBe("courses");
    expect(instancesAsked("他們有甚麼推廣活動？有沒有公開講座？")).toBe("講座");
    expect(instancesAsked("有冇區塊鏈課程？")).toBe("課程");
    expect(instancesAsked("do they run internship programs?")).toBeUndefined();
  });

  it("reads a 'when' after another question word as a clause, not a question for a time", () => {
    expect(expectation("who was the govt official quoted when hk announced the talent list")).not.toMatch(/time|date/);
    expect(expectation("what did hk do when singapore offered incentives")).not.toMatch(/time|date/);
    expect(expectation("who wrote them and when were they adopted?")).toMatch(/time|date/);
    expect(expectation("when was it announced")).toMatch(/time|date/);
  });

  it("are recognised in English and Chinese", () => {
    expect(expectation("which charities receive the clothing?")).toBe("names");
    expect(expectation("What specific tax breaks does Singapore offer?")).toBe("names");
    expect(expectation("Which particular weaknesses does the article see in Hong Kong's rules?")).toBe("names");
    expect(expectation("捐贈的衣物具體會送到哪些慈善機構？")).toBe("names");
    expect(expectation("協會的第三個目標具體是什麼？")).not.toBe("names");
    expect(expectation("捐咗俾邊間慈善機構？")).toBe("names");
    expect(expectation("會捐給哪幾間慈善機構？")).toBe("names");
    expect(expectation("捐俾邊幾間機構？")).toBe("names");
    expect(expectation("宣言的主要舉措有哪些？")).toBe("names");
    expect(expectation("宣言發布後，有哪些加密企業已經落戶香港？")).toBe("names");
    expect(namedKind("宣言發布後，有哪些加密企業已經落戶香港？")).toBe("企業");
    expect(expectation("那11個領域都有甚麼？")).toBe("list");
    // "links" as a verb asks no contact; "who in the government…" asks a person in a role.
    expect(expectation("What does the association mean when it links blockchain to financial inclusion?")).toBe("none");
    expect(expectation("is there a link to register?")).toBe("contact");
    expect(expectation("Who in the Hong Kong government fronted the talent list?")).toBe("role");
    expect(existenceObject("cool so are they running any free crypto workshops?")).toBe("any free crypto workshops");
    expect(expectation("what are the key initiatives in it?")).toBe("names");
    expect(expectation("香港已經批准了哪些虛擬資產ETF？")).toBe("names");
    expect(expectation("哪些人可以申請？")).not.toBe("names");
    expect(expectation("平台會在九月哪一日推出？")).toBe("day");
    expect(expectation("以太幣而家幾多錢一個？")).toBe("advice");
  });

  it("are answered by names the question did not already give", () => {
    expect(satisfies("names", PLATFORM, "which banks joined the hkma platform?")).toBe(true);
    expect(
      satisfies("names", PLATFORM, "besides hsbc and standard chartered, which other banks joined the hkma platform?"),
    ).toBe(false);
    expect(
      satisfies("names", "The clothing collected is donated to those in need in Hong Kong.", "which charities get it?"),
    ).toBe(false); // A city names no firm.
    const incentives = "Hong Kong is balanced, whereas Singapore adopts more aggressive incentives for crypto firms.";
    expect(satisfies("names", incentives, "which firms were the interns placed with?")).toBe(false);
    expect(satisfies("names", incentives, "which city has the more aggressive incentives?")).toBe(true);
    // Nor by a country's own word, unless a name follows it.
    const asked = "which mainland firms were behind that?";
    expect(satisfies("names", "It grew under mainland China's FinTech influence.", asked)).toBe(false);
    expect(satisfies("names", "It grew as China's Ant Group and Tencent arrived.", asked)).toBe(true);
  });
});

describe("the occasion something was made public at", () => {
  it("is asked for by which event or occasion, and given by a named one", () => {
    for (const q of [
      "Which event was it announced at?",
      "the declaration was unveiled at what occasion?",
      "香港的虛擬資產政策宣言在甚麼活動上發布的？",
    ])
      expect(expectation(q), q).toBe("event");
    expect(expectation("what events does BAHK run?")).not.toBe("event");
    expect(satisfies("event", "The FSTB unveiled the declaration during the annual FinTech Week.")).toBe(true);
    expect(satisfies("event", "The association's networking events bring stakeholders together.")).toBe(false);
  });
});

describe("names the question already gave", () => {
  it("name the kind of thing they want named, which the answer must speak of", () => {
    expect(namedKind("which charities receive the clothing?")).toBe("charities");
    expect(namedKind("What are the key initiatives listed in the declaration?")).toBe("initiatives");
    expect(namedKind("另外嗰五間銀行係邊間？")).toBe("銀行");
    expect(namedKind("what specific tax breaks does Singapore offer?")).toBe("tax breaks");
    expect(namedKind("What specific regulatory gaps does HK still have vs other global hubs?")).toBe("regulatory gaps");
    expect(namedKind("Which non-tech professions are on Hong Kong's talent list?")).toBe("professions");
    expect(namedKind("which other ones?")).toBeUndefined();
  });

  it("are not a sentence's capitalised first word", () => {
    const text = "The association collects these. To offer items, use /donate.";
    expect(satisfies("names", text, "which charities receive the clothing?")).toBe(false);
    expect(satisfies("names", "Seven banks joined. HSBC was first.", "which banks joined?")).toBe(true);
    const networking = "Its networking events bring the industry's stakeholders together.";
    // 哪些東西 asks for the items of a list, not for names.
    expect(expectation("具體是指哪些東西？")).toBe("list");
    const partners = "Which overseas associations are they formally partnered with?";
    expect(expectation(partners)).toBe("names");
    expect(satisfies("names", networking, partners)).toBe(false);
  });

  it("are not new in the singular or the plural", () => {
    const etf = "Public consultations are underway, with potential ETF approvals.";
    expect(satisfies("names", etf, "which ETFs got approved?")).toBe(false);
  });

  it("an age told, then whether one of that age may take part, asks about ages", () => {
    expect(expectation("my nephew is 14, can he sign up?")).toBe("age");
    expect(expectation("she's 17 years old — could she apply for the internship?")).toBe("age");
    expect(expectation("the quota is 1000, can I still apply?")).not.toBe("age");
  });

  it("asking how to reach someone asks for contact details", () => {
    expect(expectation("How can I contact his office?")).toBe("contact");
    expect(expectation("can I reach him somehow?")).toBe("contact");
  });

  it("a count asked in points or people needs a number of them", () => {
    const list = "政府於8月28日公布人才清單，列出11項需求殷切的專業。";
    expect(satisfies("quantity", list, "可以加幾多分？")).toBe(false);
    expect(satisfies("quantity", "從事人才清單上11個指定行業的人士，可額外獲得30分。", "可以加幾多分？")).toBe(true);
    expect(satisfies("quantity", "It lists 11 professions.", "how many extra points do I get?")).toBe(false);
    expect(satisfies("quantity", "They can be awarded an additional 30 points.", "how many extra points?")).toBe(true);
    expect(satisfies("quantity", "It lists 11 professions.", "how many people can come each year?")).toBe(false);
    expect(satisfies("quantity", "每年名額為1,000人。", "每年有幾多人？")).toBe(true);
    // Asked after the points ("bonus points how many", "加分多少"): the quota's people are no points.
    const quota = "QMAS is a quota-based scheme with an annual quota of 1,000 people.";
    expect(satisfies("quantity", quota, "qmas extra points how many")).toBe(false);
    expect(satisfies("quantity", "獲批人士每年名額為1,000人。", "優才加分多少")).toBe(false);
    expect(satisfies("quantity", "可額外獲得30分。", "優才加分多少")).toBe(true);
    // 十分 is "very", 分鐘 minutes: no count of points is asked.
    expect(satisfies("quantity", "It lists 11 professions.", "要等幾多分鐘？")).toBe(true);
  });

  it("a count of those let in is not given by the quota of how many may be", () => {
    const quota = "QMAS sets an annual quota of 1,000 people.";
    expect(satisfies("quantity", quota, "how many applicants have actually been admitted so far?")).toBe(false);
    expect(satisfies("quantity", quota, "how many people can be admitted each year?")).toBe(true);
    expect(expectation("至今累計批出幾多宗申請？")).toBe("quantity");
    expect(satisfies("quantity", "優才計劃每年配額為1,000人。", "至今累計批出幾多宗申請？")).toBe(false);
    expect(satisfies("quantity", "計劃至今已批出約4,000宗申請。", "至今累計批出幾多宗申請？")).toBe(true);
    // 若干 asks how many in formal writing.
    expect(expectation("每年名額若干？")).toBe("quantity");
  });

  it("reads 及格分 as a pass mark asked for, which the bonus points do not give", () => {
    expect(expectation("成就計分制的及格分數為何？")).toBe("quantity");
    expect(
      satisfies("quantity", "從事人才清單上11個指定行業的人士可額外獲得30分。", "成就計分制的及格分數為何？"),
    ).toBe(false);
  });

  it("a full name spelt out beside its acronym answers 'what's the full name?', after 'The'", () => {
    const qmas = "The Quality Migrant Admission Scheme (QMAS), first launched in 2006, is a quota-based scheme.";
    expect(satisfies("name", qmas, "what's the full name of QMAS?")).toBe(true);
  });

  it("a name in lower case with its initials in brackets after it answers what they stand for", () => {
    const spelt = "Experts in fields like distributed ledger technologies (DLT, i.e. blockchain) and robotics.";
    expect(satisfies("name", spelt, "what does distributed ledger technology stand for?")).toBe(true);
    // Initials that are not the words' own are no full name.
    const other = "Experts in fields like distributed ledger technologies (AI) and robotics.";
    expect(satisfies("name", other, "what does distributed ledger technology stand for?")).toBe(false);
  });

  it("a date is not the verb 'may'", () => {
    expect(satisfies("date", "Those approved may live in Hong Kong.", "when did it start?")).toBe(false);
    expect(satisfies("date", "It launches in May.", "when does it launch?")).toBe(true);
  });

  it("'when offering…' is no question for a time", () => {
    expect(expectation("what details do I need to give when offering a donation?")).not.toBe("time");
    expect(expectation("when is it launching?")).toBe("time");
  });

  it("a pass mark is not answered by a bonus of points", () => {
    const bonus = "People in one of the 11 listed professions get an additional 30 points.";
    expect(satisfies("quantity", bonus, "What's the minimum score you need to pass the points test?")).toBe(false);
    expect(satisfies("quantity", bonus, "How many extra points do listed professions get?")).toBe(true);
    expect(satisfies("quantity", "合格分數為80分。", "合格分數要多少？")).toBe(true);
  });

  it("an aspect is not a place (在哪方面)", () => {
    expect(expectation("協會認為香港社會在哪方面還不夠包容？")).not.toBe("place");
    expect(expectation("協會在哪裡？")).toBe("place");
  });

  it("a source is not a place", () => {
    expect(expectation("where does it get them from?")).not.toBe("place");
    expect(expectation("where is the association located?")).toBe("place");
  });
});

describe("a time given as an event", () => {
  const said = "The FSTB unveiled the Policy Declaration during the annual Hong Kong FinTech Week.";
  it("answers when something happened, unless the day or the event itself is asked for", () => {
    expect(satisfies("date", said, "When was the policy declaration issued?")).toBe(true);
    expect(satisfies("date", said, "On what date was the policy declaration issued?")).toBe(false);
    expect(satisfies("time", "It is held during Hong Kong FinTech Week.", "When is Hong Kong FinTech Week?")).toBe(
      false,
    );
    expect(satisfies("date", "It was issued in a statement.", "When was it issued?")).toBe(false);
  });
});

describe("questions for investment advice", () => {
  it("include moving a pension into crypto", () => {
    expect(expectation("Should I move my MPF into crypto ETFs?")).toBe("advice");
    expect(expectation("should we put our retirement savings into bitcoin?")).toBe("advice");
    expect(expectation("Will Hong Kong approve crypto ETFs?")).not.toBe("advice");
  });
});

describe("questions where things are sent", () => {
  it("ask for a place when they ask for an address, else for whom the things reach", () => {
    expect(expectation("捐贈的衣物要送到哪個地址？")).toBe("place");
    expect(expectation("What's the address the donated clothes are sent to?")).toBe("place");
    expect(expectation("捐出去的衣物最後送到哪？")).not.toBe("place");
    expect(expectation("Where do the donated clothes end up?")).not.toBe("place");
  });
});

describe("questions whether something is one of those spoken of", () => {
  it("name that thing, unless it is a pointer or the member's own", () => {
    expect(memberAsked("Was Bank of China (Hong Kong) one of the seven banks?")).toBe("Bank of China (Hong Kong)");
    expect(memberAsked("Is Seoul among Hong Kong's rivals?")).toBe("Seoul");
    // Tied to one of them: the thing whose place among them is asked, not "internships tied to".
    expect(memberAsked("are the internships linked to one of the five goals?")).toBe("internships");
    // Whether it counts as one of them, or qualifies among them.
    expect(memberAsked("does quant trading count as one of them?")).toBe("quant trading");
    expect(memberAsked("would actuaries qualify among them?")).toBe("actuaries");
    expect(memberAsked("does my field count as one of them?")).toBeUndefined();
    expect(memberAsked("Are lawyers included among the professions?")).toBe("lawyers");
    expect(memberAsked("中銀香港係唔係其中一間銀行？")).toBe("中銀香港");
    expect(memberAsked("Is it one of them?")).toBeUndefined();
    expect(memberAsked("Is my field among the professions?")).toBeUndefined();
    expect(memberAsked("Is public education part of what the association does?")).toBeUndefined();
    expect(memberAsked("我係其中一個創辦人")).toBeUndefined();
  });

  it("name a thing asked after a list on its own, by its name", () => {
    expect(memberAsked("Bank of China too?")).toBe("Bank of China");
    expect(memberAsked("and Shanghai as well?")).toBe("Shanghai");
    expect(memberAsked("StanChart in?")).toBe("StanChart");
    expect(memberAsked("that one too?")).toBeUndefined();
  });
});

describe("questions for a number of something", () => {
  it("name the thing counted, without the classifier", () => {
    expect(countedThing("How many banks are involved?")).toBe("banks are");
    expect(countedThing("what's the minimum score to pass?")).toBe("minimum score");
    expect(countedThing("協會有多少名會員？")).toBe("會員");
    expect(countedThing("每年有幾多名額？")).toBe("名額");
    expect(countedThing("When did it start?")).toBeUndefined();
    // A name after the thing counted says what is done with it.
    expect(countedThing("Is there a yearly limit on how many people QMAS admits?")).toBe("people");
    expect(countedThing("how many extra points would I get?")).toBe("extra points");
    // A rate says over what time, not what is counted.
    expect(countedThing("how many a year?")).toBeUndefined();
    expect(countedThing("ok and how many per year")).toBeUndefined();
    expect(countedThing("一年多少？")).toBeUndefined();
  });

  it("find the words around each count, not a list's numbering", () => {
    expect(countWindows(PLATFORM)).toEqual(["bank, together with banks including HSBC"]);
    expect(countWindows("goals: 1) nurture young leaders; 2) connect")).toEqual([]);
    // 五 is a count; 一、 numbers the first goal.
    expect(countWindows("有五個策略目標：一、透過實習計劃")).toEqual(["有個策略目標：一、"]);
  });
});

describe("questions for an official", () => {
  it("ask who holds a post of the association, which its goals do not answer", () => {
    expect(expectation("協會的總幹事是誰？")).toBe("role");
    expect(expectation("协会的总干事是谁？")).toBe("role");
    // Who coordinates or is in charge of something asks for a person in a role.
    expect(expectation("Who coordinates the internship programme at BAHK?")).toBe("role");
    expect(expectation("邊個統籌實習計劃？")).toBe("role");
    // So does who is responsible for it, or accountable.
    expect(expectation("who's responsible for carrying that out?")).toBe("role");
    expect(expectation("Who is accountable for the policy's execution?")).toBe("role");
    const goals =
      "香港區塊鏈協會是非牟利組織（NGO），有五個策略目標：一、透過實習計劃培育年輕區塊鏈創業領袖；二、以交流活動及每季舉行的業界公開會議連繫香港與國際區塊鏈社群。";
    expect(satisfies("role", goals, "協會的總幹事是誰？")).toBe(false);
    expect(satisfies("role", "協會的總幹事為陳大文。", "協會的總幹事是誰？")).toBe(true);
  });

  it("ask for a person in a role, whom a government body does not answer", () => {
    expect(expectation("Which official presented the Policy Declaration at FinTech Week?")).toBe("role");
    expect(expectation("就人才清單發表講話的官員是誰？")).toBe("role");
    // His title "at the time", and 职务 / 頭銜 as well as 職位.
    expect(expectation("他當時的職銜是甚麼？")).toBe("role");
    expect(expectation("他担任什么职务？")).toBe("role");
    expect(expectation("佢嘅頭銜係咩？")).toBe("role");
    // Who spoke, 是誰發表講話: the words of a person, whom the answer must name.
    expect(expectation("人才清單公布時是誰發表講話？")).toBe("role");
    expect(expectation("who spoke when the talent list came out?")).toBe("role");
    expect(expectation("Who was quoted in the government announcement about the talent list?")).toBe("role");
    const bureau =
      "Hong Kong's Financial Services and the Treasury Bureau (FSTB) recently unveiled the Policy Declaration during FinTech Week.";
    expect(satisfies("role", bureau, "which official presented it?")).toBe(false);
    expect(satisfies("role", "政務司司長張建宗表示，香港歡迎世界各地的人才。", "發表講話的官員是誰？")).toBe(true);
  });
});

describe("questions for the items of something", () => {
  it("are answered only by a text that enumerates", () => {
    expect(expectation("what are the gaps compared to the other jurisdictions?")).toBe("list");
    expect(expectation("what are the criteria?")).toBe("list");
    // "What gaps remain…?", "what gaps does it have": which gaps, not that there are some.
    expect(expectation("ok what gaps remain vs the other hubs?")).toBe("list");
    expect(expectation("what gaps does HK have compared with Tokyo")).toBe("list");
    expect(expectation("what does it have to do with townhalls?")).not.toBe("list");
    const gaps = 'While Hong Kong adopts a "same risk, same rules" approach, gaps persist versus global counterparts.';
    expect(satisfies("list", gaps, "what are the gaps?")).toBe(false);
    const criteria =
      "Eligible persons must have a bachelor's degree or above, experience in the leading companies in the field, and knowledge of how to apply blockchain.";
    expect(satisfies("list", criteria, "what are the criteria?")).toBe(true);
  });
});

describe("names and authors", () => {
  it("read 'what will it be called' and 'what does it stand for' as asking a name, 'who wrote' an author", () => {
    expect(expectation("whats the platform they're building gonna be called?")).toBe("name");
    expect(expectation("what will the platform be called?")).toBe("name");
    expect(expectation("what does ETF stand for?")).toBe("name");
    // A possessive on the way ("the SFC's…", "the city’s…") still asks what the thing is called.
    expect(expectation("what is the SFC's new licensing regime called?")).toBe("name");
    expect(expectation("what was the city’s talent programme called?")).toBe("name");
    // A full name whose connectives come two in a row ("Services and the Treasury") is spelt out.
    expect(
      satisfies(
        "name",
        "The Financial Services and the Treasury Bureau (FSTB) issued it.",
        "what does FSTB stand for?",
      ),
    ).toBe(true);
    expect(satisfies("name", "The FSTB issued it.", "what does FSTB stand for?")).toBe(false);
    expect(expectation("who wrote them?")).toBe("role");
    expect(expectation("邊個寫嘅？")).toBe("role");
    expect(expectation("What does the association do?")).toBe("none");
    expect(
      satisfies("role", "The financial industry is very wasteful with promotional clothing.", "who wrote them?"),
    ).toBe(false);
  });
});

describe("durations and dates", () => {
  it("do not read a day of a month as a duration, and 'how long has it been around' asks since when", () => {
    expect(satisfies("duration", "政府於8月28日公佈人才清單。", "審批要多久？")).toBe(false);
    expect(satisfies("duration", "審批約需4至6星期。", "審批要多久？")).toBe(true);
    expect(expectation("how long has it been around?")).toBe("date");
    expect(expectation("How long has QMAS been around?")).toBe("date");
    expect(expectation("how long has the talent list existed?")).toBe("date");
    expect(expectation("how long does qmas take?")).toBe("duration");
    expect(expectation("On which dates was FinTech Week?")).toBe("day");
    // (Which days to bring goods asks how the donations work, which the bot's help answers.)
    expect(expectation("which days can we drop the boxes off?")).toBe("none");
    expect(expectation("公佈嗰陣邊個高官出嚟講嘢？")).toBe("role");
  });
});

describe("the items of a list an answer gave", () => {
  it("are read from numbered lists, 、 lists and short comma lists, not from clauses", () => {
    expect(listItems("It has goals: 1) nurture talent; 2) connect the community; 3) raise awareness.")).toEqual([
      "nurture talent",
      "connect the community",
      "raise awareness",
    ]);
    expect(listItems("Cities vying for crypto prominence include Singapore, Seoul and Tokyo.")).toEqual([
      "Singapore",
      "Seoul",
      "Tokyo",
    ]);
    expect(listItems("爭奪加密資產領導地位的城市包括新加坡、首爾和東京。")).toEqual(["新加坡", "首爾", "東京"]);
    // A pair that stands for more ("X及Y等") is a list too.
    expect(listItems("金融業經常有剩餘的宣傳衣物及文具等物品。")).toHaveLength(2);
    expect(
      listItems("People want a sense of belonging, and the association's networking events bring them together."),
    ).toEqual([]);
  });
});

describe("which things a question asks for", () => {
  it("are read from 'which <things>' with words between, and not from 'what about'", () => {
    expect(expectation("Which virtual asset ETFs have been approved in Hong Kong so far?")).toBe("names");
    expect(expectation("Which universities does the association partner with?")).toBe("names");
    expect(expectation("What about ETFs?")).toBe("none");
    expect(namedKind("Which universities does the association partner with?")).toBe("universities");
    expect(namedKind("Which sectors are expected to benefit most?")).toBe("sectors");
    expect(expectation("Which sectors are expected to benefit most?")).toBe("list");
    expect(namedKind("申請優才計劃需要提交哪些證明文件？")).toBe("證明文件");
  });
});

describe("the name of a kind of thing", () => {
  it("is a name ending in the kind asked for, not any name near it", () => {
    const qmas = "The Quality Migrant Admission Scheme (QMAS), first launched in 2006, is a quota-based scheme.";
    expect(satisfies("name", qmas, "what's the name of the immigration scheme hk uses?")).toBe(true);
    expect(satisfies("name", PLATFORM, "what's the name of the HKMA trade-finance platform?")).toBe(false);
  });
});

describe("where things end up", () => {
  it("asks whom they reach, not for a place", () => {
    expect(expectation("Where do the donated clothes and stationery actually end up?")).not.toBe("place");
    expect(expectation("Where is the association's office?")).toBe("place");
  });
});

describe("what a question compares with", () => {
  it("is named after 'compare with', 'different from' or 跟…比", () => {
    expect(comparedWith("How does Hong Kong's approach compare with Tokyo's?")).toBe("Tokyo");
    expect(comparedWith("how is HK's policy different from Singapore")).toBe("Singapore");
    expect(comparedWith("香港跟新加坡比有什麼不同？")).toBe("新加坡");
    expect(comparedWith("What is QMAS?")).toBeUndefined();
  });
});

describe("counts, totals and the things asked the time of", () => {
  it("a year counts nothing; 'how much volume has it handled' counts volume; 'when does it publish its report' is of a report", () => {
    expect(satisfies("quantity", "First launched in 2006, the QMAS is a quota-based entrant scheme.")).toBe(false);
    expect(satisfies("quantity", "It sets an annual quota of 1,000 people.")).toBe(true);
    expect(countedThing("How much trade finance volume has the HKMA platform handled?")).toBe("trade finance volume");
    expect(timedThing("When does BAHK publish its annual impact report, and where can I read it?")).toBe(
      "annual impact report",
    );
    expect(CUMULATIVE.test("How many people in total have been admitted under QMAS?")).toBe(true);
    expect(CUMULATIVE.test("How many people can QMAS admit each year?")).toBe(false);
  });
});

describe("a Chinese count asked at the question's end", () => {
  it("is of the thing before 多少", () => {
    expect(countedThing("合格分數要多少？")).toBe("合格分數");
    expect(countedThing("每年有多少名額？")).toBe("名額");
  });
});

describe("what a question counts", () => {
  it("reads 加幾多分 as extra points, not any number", () => {
    expect(countedThing("優才計劃可以加幾多分？")).toBe("加分");
    expect(countedThing("属于清单领域的人可以多加多少分？")).toBe("加分");
    expect(countedThing("how many in total?")).toBeUndefined();
  });
});

describe("what a question asks for, in words members use", () => {
  it("reads places, fees, durations and roles", () => {
    expect(expectation("協會的辦公室位於哪裡？")).toBe("place");
    // "What events do you have?" asks what they are, "at what event was it announced?" which occasion.
    expect(expectation("你哋有咩活動？")).toBe("none");
    expect(expectation("政策宣言喺咩活動上發表？")).toBe("event");
    expect(expectation("入場要俾錢嗎？")).toBe("money");
    expect(expectation("is the townhall free to attend?")).toBe("money");
    expect(expectation("要几年经验？")).toBe("duration");
    expect(expectation("What positions did he hold?")).toBe("role");
    expect(expectation("whos running it now")).toBe("role");
    expect(expectation("Who currently chairs the association?")).toBe("role");
    expect(expectation("當時由誰掌管財庫局？")).toBe("role");
    expect(expectation("谁可以参加？")).toBe("eligibility");
    expect(expectation("who can attend the townhall?")).toBe("eligibility");
    expect(expectation("有补贴吗？")).toBe("money");
    expect(expectation("係咪淨係會員先可以參加？")).toBe("eligibility");
    expect(expectation("佢係咩職位？")).toBe("role");
    expect(expectation("what's the max score?")).toBe("quantity");
    expect(CUMULATIVE.test("去年實際批出多少個？")).toBe(true);
    expect(expectation("What approach does Hong Kong take when it comes to regulating virtual assets?")).toBe("none");
    // A purpose, not a list of them.
    expect(expectation("what are the public consultations for?")).toBe("none");
  });

  it("reads the kind asked after 'which other types of'", () => {
    expect(namedKind("Apart from the tech experts, which other types of professionals was the city looking for?")).toBe(
      "professionals",
    );
  });

  it("reads 'what time does it start?' as asking for a time of day, which 'quarterly' does not give", () => {
    expect(expectation("What time does the next townhall start?")).toBe("hour");
    expect(expectation("townhall幾點開始？")).toBe("hour");
    expect(expectation("What time of year is FinTech Week?")).not.toBe("hour");
    expect(satisfies("hour", "The association organizes quarterly townhall meetings (four a year).")).toBe(false);
    expect(satisfies("hour", "The townhall starts at 7pm.")).toBe(true);
    expect(satisfies("hour", "會議下午三點開始。")).toBe(true);
  });

  it("reads what they call a thing as no phone call, wages as pay, and what meetings are to produce as a purpose", () => {
    expect(expectation("what do they call their core mission?")).toBe("none");
    expect(expectation("can I call their office?")).toBe("contact");
    expect(expectation("实习有工资吗？")).toBe("money");
    expect(expectation("Are interns paid a wage?")).toBe("money");
    // Money given, not goods: a text must name an amount, which none does.
    expect(expectation("Does BAHK take cash donations?")).toBe("money");
    expect(expectation("我可以捐錢嗎？")).toBe("money");
    expect(expectation("can I donate t-shirts?")).toBe("none");
    expect(expectation("what are the townhalls supposed to produce for the industry?")).toBe("none");
  });

  it("reads a coin's price target as a prediction, not a scheme's number", () => {
    expect(expectation("Will Bitcoin hit US$150k by the end of the year?")).toBe("advice");
    expect(expectation("will eth reach 10k next year?")).toBe("advice");
    expect(expectation("Will the quota reach 2000 next year?")).not.toBe("advice");
    expect(expectation("Which exchange gives the best leverage for trading SOL perps?")).toBe("advice");
    // Holding a townhall is no holding of coins; the tax a member will owe is theirs to ask an adviser.
    expect(expectation("How often should I expect BAHK to hold its townhalls?")).not.toBe("advice");
    expect(expectation("should I hold my bitcoin?")).toBe("advice");
    expect(expectation("How much salaries tax will I owe on my crypto trading profits this year?")).toBe("advice");
    // Legal advice, and how to pay less tax, are the member's adviser's.
    expect(expectation("Can I sue my employer over an unpaid crypto bonus?")).toBe("advice");
    expect(expectation("我應該點樣報稅先可以少交加密貨幣收益嘅稅？")).toBe("advice");
  });

  it("reads what one past meeting discussed as asking for a record of it", () => {
    expect(expectation("What was discussed at the last townhall?")).toBe("occasion");
    expect(expectation("上次townhall討論咗咩？")).toBe("occasion");
    expect(expectation("what came out of the last quarterly town hall?")).toBe("occasion");
    const general = "The association organizes quarterly townhall meetings (four a year) to discuss current issues.";
    expect(satisfies("occasion", general)).toBe(false);
    expect(satisfies("occasion", "At the last townhall, members discussed custody rules.")).toBe(true);
  });

  it("takes a quoted name sharing words with the question as the name asked for", () => {
    const tests = "申請人按「綜合計分制」（General Points Test）或「成就計分制」（Achievement-Based Test）獲得分數。";
    expect(satisfies("name", tests, "優才計分係咪分兩種測試㗎？叫咩名？")).toBe(true);
    expect(satisfies("name", "香港金融管理局聯同七間銀行推出貿易融資平台。", "個貿易融資平台叫咩名？")).toBe(false);
    expect(satisfies("place", "According to the announcement published on the Hong Kong government website…")).toBe(
      true,
    );
  });

  it("reads what things are about as a question of what they are, not for a list of them", () => {
    expect(expectation("what are the townhalls about?")).toBe("none");
    expect(expectation("what are the internships all about?")).toBe("none");
    expect(expectation("what are the townhalls' topics?")).toBe("list");
  });

  it("reads which of several is ahead as a ranking, which only a text that ranks gives", () => {
    for (const q of [
      "which one is ahead right now?",
      "who's winning?",
      "邊個最勁？",
      "哪一方較為成功？",
      "which one's winning now?",
      "which is the top priority?",
    ])
      expect(expectation(q), q).toBe("ranking");
    expect(expectation("which cities are competing with Hong Kong?")).not.toBe("ranking");
    const vying = "爭奪加密貨幣領先地位的城市包括新加坡、首爾和東京。香港的宣言顯示其爭取領先的雄心。";
    expect(satisfies("ranking", vying, "邊個最勁？")).toBe(false);
    expect(satisfies("ranking", "Cities vying for crypto prominence include Singapore, Seoul and Tokyo.")).toBe(false);
    expect(satisfies("ranking", "Singapore is ahead of Hong Kong in licensing.")).toBe(true);
  });

  it("reads how one thing differs as a difference, which only a text that contrasts gives", () => {
    for (const q of [
      "新加坡有咩唔同？",
      "how is Singapore different?",
      "what's the difference between them?",
      "区别在哪里？",
    ])
      expect(expectation(q), q).toBe("difference");
    expect(satisfies("difference", "爭奪加密資產領導地位的城市包括新加坡、首爾和東京。")).toBe(false);
    expect(
      satisfies("difference", "Hong Kong emphasizes balance, whereas Singapore adopts more aggressive incentives."),
    ).toBe(true);
  });

  it("reads how much is left of a quota as its own question, which the quota does not answer", () => {
    for (const q of ["優才今年仲有冇quota剩？", "any QMAS places left this year?", "还剩多少名额？"])
      expect(expectation(q), q).toBe("remaining");
    expect(expectation("what's left to do?")).not.toBe("remaining");
    expect(satisfies("remaining", "優秀人才入境計劃設有配額，每年名額為1,000人。")).toBe(false);
  });

  it("reads which venue or building as a place asked for", () => {
    for (const q of [
      "Which building or venue is the next townhall held at?",
      "what location are the networking events at?",
    ])
      expect(expectation(q), q).toBe("place");
    expect(expectation("what kind of events does BAHK run?")).not.toBe("place");
  });

  it("reads any specific charities or banks as names asked for", () => {
    for (const q of ["any specific charities?", "any particular banks involved?", "some named NGOs you work with?"])
      expect(expectation(q), q).toBe("names");
    expect(satisfies("names", "The goods are donated to those in need in Hong Kong.", "any specific charities?")).toBe(
      false,
    );
  });

  it("reads when a measure takes effect as its own question, which the day it was announced does not answer", () => {
    for (const q of ["那宣言何時正式生效？", "when does the declaration come into force?", "幾時開始實施？"])
      expect(expectation(q), q).toBe("effect");
    expect(expectation("when was the declaration published?")).not.toBe("effect");
    expect(satisfies("effect", "財庫局在一年一度的金融科技周發表政策宣言。")).toBe(false);
    expect(satisfies("effect", "The rules take effect on 1 June.")).toBe(true);
  });

  it("reads how likely something is as a forecast, which only a text speaking of its chances gives", () => {
    for (const q of [
      "how likely is it to overtake singapore?",
      "what are the odds HK pulls it off?",
      "香港成功嘅機會有幾大？",
      "胜算大吗？",
      "so will hong kong beat singapore?",
      "香港會唔會超越新加坡？",
    ])
      expect(expectation(q), q).toBe("likelihood");
    // Whether something may happen at all is no forecast ("any chance of ETFs?" is answered by what is planned).
    expect(expectation("any chance of ETFs?")).not.toBe("likelihood");
    expect(satisfies("likelihood", "Cities vying for crypto prominence include Singapore, Seoul and Tokyo.")).toBe(
      false,
    );
    // (機會 is also an opportunity: 機會均等 forecasts nothing.)
    expect(satisfies("likelihood", "香港離共融、機會均等仍有距離。")).toBe(false);
    expect(satisfies("likelihood", "Hong Kong is expected to overtake Singapore by 2027.")).toBe(true);
  });

  it("reads a figure claimed as one to check, which a text with no such figure neither confirms nor corrects", () => {
    for (const q of [
      "applicants must be over 30, correct?",
      "the networking nights have 80 places, right?",
      "do internships last 6 weeks?",
      "is the traineeship a 2-week or a 4-week stint?",
    ])
      expect(expectation(q), q).toBe("figure");
    // A rate is no count ("every 3 months"), and a question for a figure asks, it does not claim.
    expect(expectation("so quarterly means every 3 months, right?")).not.toBe("figure");
    expect(expectation("how many places do the networking nights have, 80?")).not.toBe("figure");
    const q = "the networking nights have 80 places, right?";
    expect(satisfies("figure", "The association holds networking events four times a year.", q)).toBe(false);
    expect(satisfies("figure", "Each networking night has 60 places.", q)).toBe(true);
    expect(satisfies("figure", "Applicants must be aged 18 or above.", "applicants must be over 30, correct?")).toBe(
      true,
    );
  });

  it("reads a figure claimed in words as one to check too", () => {
    const q = "is the traineeship two months or six months long?";
    expect(expectation(q)).toBe("figure");
    expect(satisfies("figure", "The association offers internships to nurture young talent.", q)).toBe(false);
    expect(satisfies("figure", "Each placement lasts three months.", q)).toBe(true);
  });

  it("reads a rank asked for (排第幾, world ranking) and a processing time (處理時間)", () => {
    expect(expectation("香港喺亞洲排第幾？")).toBe("ranking");
    expect(expectation("where does hong kong rank now?")).toBe("ranking");
    expect(expectation("審批處理時間大約係？")).toBe("duration");
  });

  it("reads last year's figures as asked for last year, which no undated text gives", () => {
    for (const q of [
      "how many interns were taken on last year?",
      "could you share last year's figures?",
      "舊年捐咗幾多文具？",
    ])
      expect(expectation(q), q).toBe("lastyear");
    // Last year in the telling asks nothing of it.
    expect(expectation("I moved to HK last year, how do I take part?")).not.toBe("lastyear");
    expect(satisfies("lastyear", "QMAS sets an annual quota of 1,000 people.")).toBe(false);
  });

  it("reads whether something changed as a change asked for, and the next time as a time to come", () => {
    for (const q of [
      "has the annual cap been revised since it began?",
      "人才清單有冇修改過？",
      "have the rules gone up lately?",
      // Whether it still holds now, which a dated text does not say.
      "is the bonus still 30 points this year?",
      "is all of that still accurate?",
      "而家仲係咁多咩？",
      "現在還是這樣嗎？",
      // Changed this year (有否), done since the text was written, or in use yet.
      "名額今年有否調整？",
      "so have any been launched since?",
      "嗰個平台推出咗未？",
      "已經實施了嗎？",
      // Still running now.
      "個平台而家仲運作緊？",
      // Come about since the text was written: a plan to launch says nothing of that.
      "so is that platform up and running now?",
      "did the trade finance thing ever go live",
      "live yet??",
    ])
      expect(expectation(q), q).toBe("change");
    // A fact asked with "still" alone is what the documents say ("are townhalls still quarterly?").
    expect(expectation("are the townhalls still held quarterly?")).not.toBe("change");
    // (When it goes live asks for the date the text gives.)
    expect(expectation("when does the platform go live?")).not.toBe("change");
    // How something changed asks for the change described, which a text of its transformation gives.
    expect(expectation("How has HK's fintech scene evolved over the years?")).not.toBe("change");
    expect(satisfies("change", "QMAS sets an annual quota of 1,000 people.")).toBe(false);
    expect(satisfies("change", "The quota was raised from 1,000 to 2,000.")).toBe(true);
    // A city transformed is no change of the figure asked about.
    expect(satisfies("change", "Over the past 5–6 years Hong Kong has transformed under FinTech influence.")).toBe(
      false,
    );
    const next = "when is the talent list next updated?";
    expect(expectation(next)).toBe("day");
    expect(satisfies("day", "The government released a talent list on August 28.", next)).toBe(false);
    expect(satisfies("day", "The next list will be published on March 1.", next)).toBe(true);
  });

  it("reads formal written Chinese's where, how many and whose title", () => {
    // An office's whereabouts and an address (會址), in classical words.
    for (const q of ["請問貴會辦事處位於何處？", "貴會總部何在", "敢問協會會址"])
      expect(expectation(q), q).toBe("place");
    // "Where does its purpose lie?" asks no place.
    expect(expectation("此類活動的意義何在？")).not.toBe("place");
    expect(expectation("此類活動的目的何在？")).not.toBe("place");
    for (const q of ["實習生名額幾何？", "参加人数几何"]) expect(expectation(q), q).toBe("quantity");
    expect(expectation("幾何學與區塊鏈有關嗎？")).not.toBe("quantity");
    expect(expectation("其官職為何？")).toBe("role");
  });

  it("reads where goods are taken as a place, and where to vote as how", () => {
    for (const q of ["where can we drop the cartons off?", "where do I bring the shirts"])
      expect(expectation(q), q).toBe("place");
    expect(expectation("Where do I vote?")).not.toBe("place");
    // Where members, students or firms get to do something is how they can, as for "I" and "we".
    for (const q of ["Where do members get to air their views on industry issues?", "Where can students get involved?"])
      expect(expectation(q), q).not.toBe("place");
    expect(expectation("where can members drop the cartons off?")).toBe("place");
    // A drop-off or collection point, and where to take them (送去邊度), are places too.
    for (const q of [
      "is there a collection point?",
      "any drop-off locations in Kowloon?",
      "收集點喺邊？",
      "我哋要送去邊度？",
    ])
      expect(expectation(q), q).toBe("place");
    // Where the goods end up is whom they reach.
    expect(expectation("啲衫最後送去邊？")).not.toBe("place");
  });

  it("reads where goods end up as whom they reach, which a sentence naming no one does not say", () => {
    for (const q of ["so where do all the notebooks end up?", "啲文具最後送去邊？"])
      expect(expectation(q), q).toBe("recipient");
    expect(expectation("where do the goods come from?")).not.toBe("recipient");
    const q = "where do they end up in the end?";
    expect(satisfies("recipient", "Banks end up with excess promotional clothing and stationery.", q)).toBe(false);
    expect(satisfies("recipient", "The goods are donated to those in need in Hong Kong.", q)).toBe(true);
  });

  it("reads who is in charge as no charge asked, which agencies as names, and how many may come as people", () => {
    // "in charge of the finance sector" was read as a fee asked for, which no bureau's name gives.
    expect(expectation("Which bureau, the one in charge of the finance sector, issued the statement?")).not.toBe(
      "money",
    );
    expect(expectation("is there a charge for attending the townhall?")).toBe("money");
    expect(expectation("which agencies are in charge of carrying it out?")).toBe("names");
    // "may" there is no month, nor a thing counted.
    expect(countedThing("how many may come in each year?")).toBeUndefined();
    expect(countedThing("how many May events were there?")).toBe("May events");
    // Who actually runs it: a person in charge. What specific know-how: no names asked.
    expect(expectation("ok and who actually runs it?")).toBe("role");
    expect(expectation("What specific know-how must blockchain applicants have?")).not.toBe("names");
    expect(expectation("what specific banks are in it?")).toBe("names");
    // 哪個慈善機構: which charity, whom the answer must name.
    expect(expectation("我可以指定捐給哪個慈善機構嗎？")).toBe("names");
    // "extra QMAS points": extra points (as texts say them), not "extra" of a name.
    expect(countedThing("How many extra QMAS points does a listed field give?")).toBe("extra points");
  });

  it("reads a search-box date, a Chinese figure put to be confirmed, and plans set out as still to come", () => {
    // "bahk founded year" asked for nothing in particular: the goals answered it.
    expect(expectation("bahk founded year")).toBe("date");
    expect(expectation("talent list release date?")).toBe("date");
    expect(expectation("qmas quota per year")).not.toBe("date");
    // "…加50分，係咪？" checks a figure, which a text without one neither confirms nor corrects.
    expect(expectation("優才計劃做區塊鏈嘅可以加50分，係咪？")).toBe("figure");
    expect(expectation("優才計劃係咪要考試？")).not.toBe("figure");
    // "set out to launch" is a plan, not a launch.
    const plan =
      "The HKMA, together with seven banks, set out to jointly launch a trade finance platform in September.";
    expect(onlyProspective(plan, "Has the platform launched yet?")).toBe(true);
    // ("due to" as "because of" is no plan.)
    const done = "The platform was launched in September due to strong demand.";
    expect(onlyProspective(done, "Has the platform launched yet?")).toBe(false);
  });
});
