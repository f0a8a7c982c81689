/**
 * Checks that an answer is of the kind the question asks for. Retrieval finds
 * the passage that shares the most with a question, but "When was the
 * association founded?" shares a lot with the association's goals, which say
 * nothing about a date. A question that asks for a time, a number, a place or
 * a person in a role is answered only when the chosen text has one; questions
 * for live prices or investment advice are never answered from documents.
 */

/** What kind of answer a question expects, or why it cannot be answered from documents. */
export type Expectation =
  | "year"
  | "day"
  | "duration"
  | "frequency"
  | "date"
  | "time"
  | "hour"
  | "quantity"
  | "money"
  | "contact"
  | "name"
  | "names"
  | "list"
  | "age"
  | "figure"
  | "licence"
  | "eligibility"
  | "procedure"
  | "place"
  | "recipient"
  | "role"
  | "occasion"
  | "ranking"
  | "likelihood"
  | "effect"
  | "difference"
  | "remaining"
  | "change"
  | "lastyear"
  | "event"
  | "origin"
  | "advice"
  | "none";

/**
 * The way to apply or register asked for ("How do I apply for the internship?", "要點樣報名？"), which a
 * description of what is applied for does not give.
 */
const APPLY_ASKED =
  /\bhow (?:do|can|could|would|should|may|does) (?:i|we|one|students?|people|s?he|they|(?:my|our) (?:son|daughter|kids?|child|children|staff|team|friend|cousin|colleague|nephew|niece|brother|sister))\b.{0,20}\b(?:apply|register|sign up|enrol|enroll)\b|\bwhere (?:do|can|could) (?:i|we) (?:apply|register|sign up)\b|\b(?:application|registration|sign-?up) (?:process|procedure|steps)\b|(?:點樣|点样|怎樣|怎样|怎麼|怎么|如何)(?:去)?(?:報名|报名|申請|申请|登記|登记)|\b(?:send|submit|e-?mail|hand in) (?:my|our|a|the|your) (?:cv|résumé|resume|application|portfolio)\b|(?:交|寄|send|發|发|投)(?:份|個|个)?(?:cv|履歷|履历|簡歷|简历)|\b(?:do|does|must|should) (?:i|we|one|people|members|attendees|guests) (?:\w+ )?(?:need to|have to|got to)? ?(?:register|pre-?register|sign up|rsvp)\b|\bis (?:registration|(?:an )?rsvp|(?:a )?sign-?up|booking|pre-?registration) (?:required|needed|necessary|compulsory|mandatory)\b|(?:要唔要|使唔使|需唔需要|需不需要|要不要|用唔用|用不用)(?:預先|预先|事先|提前)?(?:報名|报名|登記|登记)|(?:需要|要|必須|必须)(?:預先|预先|事先|提前)?(?:報名|报名|登記|登记)(?:嗎|吗|㗎|呀|咩)/iu;
/** A way to apply given: an application, registering, a contact, a form. */
const APPLY_SAID =
  /\bapplications?\b|\bapplicants?\b|\bappl(?:y|ying|ied) (?:for|to|online|via|through|by|with|at)\b|\bregist\w*|\bsign(?:ing)? up\b|\benrol\w*|\bcontact\b|\be-?mail\b|\bform\b|申請|申请|報名|报名|登記|登记|聯絡|联络|表格|電郵|电邮/iu;

/**
 * The occasion something was made public at: "Which event was the declaration announced at?", "at what
 * occasion", "在甚麼活動上發布的？" (not which events the association runs).
 */
const EVENT_ASKED =
  /\b(?:which|what) (?:event|occasion|conference|summit|forum)\b.{0,80}\b(?:announc|unveil|releas|launch|publish|present|issu|introduc|reveal)\w*|\b(?:announc|unveil|releas|launch|publish|present|issu|introduc|reveal|put out)\w*\b.{0,60}\b(?:at|during|on) (?:which|what) (?:event|occasion|conference|summit|forum)\b|(?:喺|在|於|于)(?:邊個|哪個|哪个|甚麼|什麼|什么|啥|咩|哪|邊)(?:活動|活动|場合|场合|盛會|盛会)(?:上|度|入面)?(?:發布|发布|發表|发表|公佈|公布|宣佈|宣布|推出)/iu;
/** A named occasion given: "FinTech Week", 金融科技周, a summit, a forum. */
const EVENT_GIVEN =
  /\b[A-Z][\w-]*\s+(?:Week|Summit|Conference|Forum|Festival|Expo)\b|金融科技(?:周|週)|峰會|峰会|論壇|论坛|博覽會|博览会/u;

/** A time of day asked for: "what time does it start?", 幾點開始 (not "what time of year"). */
const HOUR_ASKED =
  /\b(?:what|which) (?:time|hour)\b(?! ?(?:of (?:the )?(?:year|month|quarter|season)|frames?|lines?|periods?|zones?))|\bhow early\b|幾點|几点|(?:甚麼|什麼|什么|咩)時間(?:開始|开始|結束|结束|舉行|举行|開|开)/iu;
/** A time of day given: "7pm", "19:00", 下午三點. */
const HOUR_GIVEN =
  /\b\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\b\d{1,2}:\d{2}\b|(?:上午|下午|晚上|早上|朝早|晏晝|夜晚)\s*\d|(?:\d|[一二三四五六七八九十]{1,2})\s*[點点](?:鐘|钟|半|\d|[一二三四五六七八九十])?/iu;

/** One past occasion of a recurring meeting: "the last townhall", 上次會議. */
const PAST_OCCASION =
  /\b(?:last|previous|past|latest|most recent|recent)\s+(?:(?:quarterly\s+)?town-?\s?halls?|quarterly meetings?|meetings?|sessions?|events?|meet-?ups?|gatherings?)\b|(?:上次|上一次|上屆|上一屆|上届|上一届|上個|上个|上一個|上一个|上一季|上季|之前嗰次|之前那次)(?:嘅|的)?\s*(?:townhall|town hall|會議|会议|大會|大会|聚會|聚会|活動|活动|交流會|交流会)/iu;
/** What happened at an occasion: said, discussed, decided. */
const HAPPENED =
  /\b(?:was|were|did|got|happened|discussed|decided|covered|talked about|agreed|said|came out of|raised)\b|討論|讨论|傾咗|倾咗|傾過|倾过|講咗|讲咗|決定|决定|議決|议决|結論|结论|發生|发生/iu;
/** A text speaking of a past occasion. */
const PAST_SPOKEN = /\b(?:last|previous|past|recent|latest|earlier)\b|上次|上一次|上屆|上届|之前|過往|过往|早前/iu;

/**
 * Which of several is ahead, best or more successful ("which one is ahead right now?", "邊個最勁？",
 * "哪一方較為成功？"): a judgement that only a text ranking them makes.
 */
const RANKING_ASKED =
  /\bwhat(?:'s| is) (?:its|their|hong kong'?s|hk'?s|the city'?s) (?:global |world |current )?rank(?:ing)?\b|\bwhere does (?:it|hk|hong kong|the city) rank\b|\b(?:which|what)(?: one| city| cities| country| side| hub| place| of (?:them|those|these|the \w+))?(?:\s+(?:is|are|was|seems?)|'s)\s+(?:currently |now |really |actually )?(?:ahead|leading|winning|in the lead|in front|the best|best|better|more successful|the most successful|doing (?:better|best)|stronger|the strongest|number one|no\.? ?1|(?:the )?(?:top|highest|first|biggest|main) priority|(?:the )?most important)\b|\bwho(?:'s| is| are)\s+(?:currently |now |really )?(?:ahead|leading|winning|in the lead|doing (?:better|best))\b/i;
const RANKING_ASKED_ZH =
  /排(?:名)?第(?:幾|几)|排名(?:幾多|多少|如何|點樣|点样|怎樣|怎样)|(?:邊個|边个|邊度|边度|哪個|哪个|哪一個|哪一个|哪一方|哪方|邊一方|边一方|誰|谁|邊個城市|哪個城市|哪个城市)[^？?。]{0,6}(?:最勁|最劲|最強|最强|最成功|最好|最犀利|最叻|領先|领先|贏緊|赢紧|贏|赢|較為成功|较为成功|比較成功|比较成功|更成功|勁啲|劲啲|強啲|强啲|行先)/u;
/** A text that ranks: ahead of, leads the, the most successful, 領先. */
const RANKING_SAID =
  /\b(?:ahead of|leads the|leading (?:the|in)|(?:more|most) successful|best|better than|the strongest|stronger than|winning|top spot|outpac\w+|overtak\w+)\b|(?<!(?:爭奪|争夺|爭取|争取|追求)[^，,。]{0,8})(?:領先|领先)(?!地位)|最成功|更成功|優於|优于|勝過|胜过|超越|拋離|抛离/iu;

/**
 * How likely something is ("how likely is it to overtake Singapore?", "機會有幾大？", "會唔會超越新加坡？"): a
 * forecast, which only a text speaking of chances or expectations gives.
 */
const LIKELIHOOD_ASKED =
  /\bhow (?:likely|probable|realistic)\b|\b(?:will|would|can|could) (?:hk|hong kong|it|they|singapore|seoul|tokyo|the city) (?:\w+ )?(?:beat|overtake|surpass|outpace|outdo|win against|catch up with)\b|(?:會唔會|会不会|會不會|能否|可唔可以|可不可以|能不能)(?:贏|赢|超越|超過|超过|追上|打敗|打败)|\bwhat(?:'s| is| are)? the (?:chances?|odds|likelihood|probability)\b|\bchances? (?:are|is) (?:good|high|low|slim)\b|機會(?:有)?(?:幾|多)大|機會大唔大|機會高唔高|有幾大(?:機會|机会)|有多大(?:機會|机会|可能)|机会(?:有)?多大|機率|机率|概率|可能性(?:有)?(?:幾|多)(?:大|高)|可能性大唔大|胜算|勝算/iu;
/** A text that forecasts: likely, chances, expected to, 預計. */
const LIKELIHOOD_SAID =
  /\blikel(?:y|ihood)\b|\bchances?\b|\bodds\b|\bprobab\w+|\bexpected to\b|\bforecast\w*|\bpredict\w*|\bon (?:track|course) to\b|預計|预计|預期|预期|有望|料將|料将|機率|机率|概率|可能性|勝算|胜算/iu;

/**
 * When a measure takes effect ("那宣言何時正式生效？", "when does it come into force?"), which the day it
 * was announced does not say.
 */
const EFFECT_ASKED =
  /\b(?:take|takes|took|taking) effect\b|\bcome into (?:force|effect)\b|\b(?:comes?|came) into (?:force|effect)\b|\bgo into effect\b|\beffective (?:date|from)\b|\bbe (?:enforced|implemented)\b|(?:何時|幾時|几时|什麼時候|甚麼時候|什么时候|哪天|哪一天)(?:正式|開始|开始)?(?:生效|實施|实施|施行)|(?:生效|實施|实施|施行)(?:日期|時間|时间)/iu;
/** A text saying when something takes effect. */
const EFFECT_SAID =
  /\b(?:takes?|took|taking) effect\b|\binto (?:force|effect)\b|\bin force\b|\beffective (?:from|on|as of|date)\b|\bimplemented (?:on|in|from|by)\b|\bcommenc\w+|生效|實施|实施|施行|起實行|起实行/iu;

/**
 * How one thing differs from another ("新加坡有咩唔同？", "how is Singapore different?"), which only a text
 * that contrasts them says, not one that names them side by side.
 */
const DIFFERENCE_ASKED =
  /\bwhat(?:'s| is| are)? (?:the )?(?:main |key |big )?differences?\b|\bhow (?:is|are|does|do) (?:\w+ ){1,3}(?:different|differ)\b|\b(?:different|differ) from\b|有(?:咩|乜|什麼|甚麼|什么|何)(?:唔同|不同|分別|分别|區別|区别)|(?:唔同|不同|區別|区别|分別|分别|差異|差异)(?:在(?:哪裡|哪里|於)|喺邊|係咩|是什麼|是什么)/iu;
/** A text that contrasts: whereas, unlike, more… than, 相比, 則. */
const DIFFERENCE_SAID =
  /\bwhereas\b|\bunlike\b|\bin contrast\b|\bby contrast\b|\bdiffer\w*|\b(?:more|less|fewer|bigger|smaller|faster|slower|stricter|looser)\b[^.]{0,40}\bthan\b|\brather than\b|則|则|相比|相反|不同|較為|较为|比較|比较|反觀|反观|差異|差异|比起/iu;

/**
 * How much is left of something ("優才今年仲有冇quota剩？", "any places left this year?"), which a quota
 * or a total does not say.
 */
const REMAINING_ASKED =
  /\b(?:any|how many|how much)\b[^?？]{0,30}\b(?:left|remaining)\b|\b(?:places?|spots?|quota|slots?|seats?|vacanc(?:y|ies))\s+(?:still\s+)?(?:left|remaining|available)\b|(?:仲有|還有|还有)(?:冇|沒有|没有)?[^？?]{0,8}剩|剩(?:返|低|下|餘|余)?(?:幾多|多少|幾|几)|(?:名額|名额|quota|位)(?:仲有|還有|还有)?(?:剩|餘|余)|(?:尚餘|尚余|尚有|尚剩|餘下|余下)(?:幾多|多少|幾|几)/iu;
/** A text saying what is left: remaining, filled, used up, 剩, 額滿. */
const REMAINING_SAID =
  /\b(?:left|remaining|remain|still available|filled|used up|taken up|exhausted)\b|剩|餘下|余下|用完|額滿|额满/iu;

/** This year's, this time's occasion (not how often it recurs). */
const THIS_YEAR = /\bthis (?:year|time)(?:'s)?\b|今年|今屆|今届|今次|今回/iu;
/** A plan asked about ("when does the government plan to…", "打算幾時落實"): a date answers it, not "annually". */
const PLANNED = /\b(?:plan(?:s|ning)?|intend(?:s|ing)?|going|aim(?:s|ing)?) to\b|打算|計劃|计划|準備|准备|擬|拟/iu;

/** A question asked with a question word: it asks for something, it does not check a claim. */
const WH_ASKED = /\b(?:how|what|why|which|who|whom|when|where)\b/;
/** Chinese question words of the same kinds (which, who, what, why, when, how, how many). */
const WH_ASKED_ZH =
  /邊|边|哪|誰|谁|咩|乜|甚麼|什麼|什么|點解|点解|為何|为何|幾時|几时|何時|何时|點樣|点样|如何|怎|幾多|几多|多少/u;
/** Where more about something can be read: "where can I find more details?", "去邊度睇詳情？". */
const MORE_WHERE =
  /\bwhere (?:can|could|do|should|would) (?:i|we|one|people|members) (?:read|see|find|get|learn|look up) (?:more|further|additional|the full|full|details|info(?:rmation)?)\b|(?:去|喺|在|到)(?:邊度|边度|哪裡|哪里|哪兒|哪儿)(?:可以|先可以|能夠|能够)?(?:睇|看|搵|找|查)(?:到)?[^？?]{0,12}?(?:多啲|更多|詳情|详情|資料|资料|詳細|详细)/iu;
/**
 * A change asked about since something was set ("has the quota been raised?", "配額有冇改過？"), or
 * whether it still holds now ("is that still true?", "今年仲係咁多咩？") or has come about ("is it live
 * yet?", "did the platform go live?"), which dated texts do not say.
 */
const CHANGE_ASKED =
  /\bstill\b[^?？]{0,40}\b(?:this year|these days|nowadays|now|today|in 20\d\d)\b|\bhas (?:it|that|this|the (?:number|figure|quota|amount|total)) changed\s*[?？]*\s*$|\b(?:this year|in 20\d\d)\b[^?？]{0,40}\bstill\b|\bstill (?:true|the case|valid|accurate|correct|current|in (?:force|effect|place))\b|(?:今年|而家|現在|现在|目前|今時今日)(?:仍然|仍|仲|還|还|依然)(?:係|是|有)?(?:咁多|這個數|这个数|一樣|一样|同一|那麼多|那么多|這樣|这样)|(?:仍然|仲|還|还)(?:係|是)?(?:真|有效|適用|适用)(?:嘅|的)?(?:嗎|吗|咩|㗎|呀)?[？?]?$|\bdid (?:they|the government|the govt|hk|hong kong|it|the [a-z]+) (?:raise|increase|lower|cut|reduce|expand|adjust|revise|double)\b|\b(?:has|have|had|did|was|were|is|are)\b[^?？]{0,40}\b(?:changed|change|been (?:raised|increased|lowered|cut|reduced|revised|updated|changed|expanded|adjusted|extended|scrapped|dropped))\b[^?？]{0,30}\b(?:since|lately|recently|yet|at all|over the years|ever)\b|\b(?:has|have|did)\b[^?？]{0,40}\b(?:been (?:raised|increased|lowered|cut|reduced|revised|expanded|adjusted)|gone (?:up|down)|gotten (?:bigger|smaller))\b|\bany changes? (?:to|in|since)\b|(?:有冇|有沒有|有没有|是否|曾否|可有|有否)(?:再)?(?:改變|改变|變動|变动|調整|调整|修改|更改|增加|提高|上調|上调|減少|减少|擴大|扩大|改|變|变)(?:過|过|(?=[？?]|$))|(?:今年|而家|現在|现在|目前|依家)[^？?]{0,16}(?:還是|还是|仍然是|仍是|依然是|仲係|仲係得)\s*[\d０-９]|(?:今年|近年|最近|而家|現在|现在|目前)[^？?]{0,12}(?:有冇|有沒有|有没有|有否|可有|是否)(?:再)?(?:改變|改变|變動|变动|調整|调整|修改|更改|上調|上调|下調|下调)|\b(?:has|have|had)\b[^?？]{0,40}\b(?:been|got(?:ten)?) (?:approved|launched|passed|introduced|released|implemented|adopted|granted|finali[sz]ed|rolled out)\b[^?？]{0,20}\b(?:since|yet|already|by now)\b|(?:現在|现在|而家|目前|依家)(?:仲|還|还|仍然|仍|依然)(?:有冇|有沒有|有没有|係咪|是否|是不是)?(?:在|喺度|係度)?(?:運行|运行|運作|运作|營運|营运|生效|有效|開放|开放|使用|用緊|用紧|進行|进行)|(?:用緊|用紧|推出咗|實施咗|实施咗|落實咗|落实咗|開始咗|开始咗|運作緊|运作紧|上線咗|上线咗)未|(?:已經|已经)?(?:推出|實施|实施|落實|落实|啟用|启用|上線|上线)(?:了)?(?:嗎|吗|沒有|没有)[？?]?$|(?:改變|改变|變動|变动|調整|调整|修改|更改)(?:過|过)(?:嗎|吗|未|冇|沒有|没有)|\b(?:is|are) (?:it|they|(?:that|this|these|those|the)(?: [\w-]+){0,3}) (?:actually |already |now )?(?:live|up and running|operational|in operation)(?: yet| now| already)?\s*[?？]*\s*$|\b(?:has|have|did) (?:it|they|(?:that|this|the)(?: [\w-]+){0,5}) (?:actually |already |ever |really )?(?:go|gone|went) live\b|\blive yet\b/iu;
/**
 * Why something was brought in at all ("why was QMAS introduced back in 2006?", "點解嗰陣要搞呢個計劃？",
 * "當年推出此計劃的原因為何？"): a purpose only a text stating one answers, not one describing the thing.
 */
const ORIGIN_ASKED =
  /\bwhy (?:was|were|did) (?:(?:the|this|that|it|they|hk|hong kong|the government) )?(?:[\w'-]+ ){0,3}(?:first )?(?:introduced?|launch(?:ed)?|set up|created?|start(?:ed)?|establish(?:ed)?|found(?:ed)?|brought in|come about|came about|publish(?:ed)?|release(?:d)?|promulgated?)\b|(?:點解|点解|為何|为何|為甚麼|為什麼|为什么)(?:(?:當年|当年|當初|当初|嗰陣|那時|那时|最初|一開始|一开始)(?:要|會|会)?(?:搞|推出|設立|设立|成立|引入|開始|开始)|(?:要|會|会)?(?:推出|設立|设立|成立|引入))|(?:推出|設立|设立|成立|引入)(?:此|呢個|这个|這個|該|该)?(?:計劃|计划|政策|清單|清单)?(?:的|嘅)?(?:原因|目的|理由)/iu;
/** A reason or purpose stated: "to attract…", "aims to", "set up to", "in order to", 為了, 旨在, 目的. */
export const REASON =
  /^\s*to\b|\b(?:because|so that|in order to|so as to|with the purpose|aims? to|aimed at|in a bid to|seeks? to|(?:initiatives?|measures?|efforts?) to|(?:underway|under way|held|set up|designed|meant|intended) to)\b|為了|为了|因為|因为|以便|目的|有助|旨在|從而|从而|藉此|借此|(?:措施|舉措|举措)之一/iu;

/** A change said: a figure raised or cut, revised, from one to another. */
const CHANGE_SAID =
  /\b(?:changed|raised|increased|lowered|cut|reduced|revised|updated|expanded|adjusted|extended|doubled|tripled|previously|formerly|used to|no longer)\b|\bfrom\s+\S+(?:\s+\S+)?\s+to\s+\d|改為|改为|調整|调整|上調|上调|下調|下调|增至|減至|减至|擴大|扩大|提高至|修訂|修订|不再/iu;
/**
 * What happened last year asked for ("how much was collected last year?", "where can I see last year's
 * numbers?", "去年收咗幾多？"), which the documents, written without a year of their own, never say. (Not
 * "last year" in the telling: "I moved here last year, how do I join?")
 */
const LAST_YEAR_ASKED =
  /\b(?:how (?:many|much)|what|which|who|where|when|did|was|were)\b[^.?!,;]{0,40}\blast year\b|\blast year'?s (?:numbers|figures|results?|report|stats|statistics|data|totals?|impact|intake|events?|townhalls?|donations?|interns?)\b|(?:去年|上年|舊年|旧年)[^，。,！!？?；;]{0,12}(?:幾多|多少|幾|几|咩|乜|什麼|甚麼|什么|有冇|有沒有|有没有|嗎|吗)|(?:幾多|多少)[^，。,！!？?；;]{0,8}(?:去年|上年|舊年|旧年)/iu;
/** Last year named in an answer. */
const LAST_YEAR_SAID = /\blast year\b|去年|上年|舊年|旧年/iu;
/** The next occasion asked about ("when is the list next reviewed?", 下次何時). */
const NEXT_ASKED = /\bnext\b|\bupcoming\b|下一次|下次|下一屆|下屆|下一場|下場|下一期|下期|下一輪|下輪/iu;
/** A time to come said: what will be, or is scheduled. */
const FUTURE_SAID =
  /\b(?:next|upcoming|will|scheduled|planned|expected|due)\b|下一次|下次|下一屆|將於|将于|將會|将会|即將|即将|預計|预计|計劃於|计划于/iu;

const MONTH = /\b(january|february|march|april|may|june|july|august|september|october|november|december)\b/i;
/** A month named in an answer: capitalised, so the verb "may" (or "march") is not one. */
const MONTH_NAMED = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/;

const EN_NUMBER =
  /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|thousand|million|billion)\b/i;
const ZH_NUMBER = /[一二三四五六七八九十百千萬億兩]/;

const ROLE_WORDS =
  /\b(chair(?:s|ed|ing|man|woman|person)?|founder|founded|co-?founder|president|vice[- ]president|ceo|chief|director|secretary|head|leader|convenor|commissioner|minister|officer|officials?|board|committee|organi[sz]ers?|coordinat(?:e|es|ed|ing|ors?)|oversees?|in charge|admins?|administrators?|moderators?|mods?)\b|群主|羣主|管理員|管理员|版主|統籌|统筹|官員|官员|高官|籌辦人|筹办人|主席|創辦|創立|會長|会长|總裁|总裁|司長|局長|秘書|總監|負責人|负责人|理事|董事|委員|幹事|干事|主管|主任/i;

/** Roles a question may name, each with the words by which an answer names the same role. */
const ROLE_FAMILIES: readonly (readonly [RegExp, RegExp])[] = [
  [/\bchair(?:s|ed|ing|man|woman|person)?\b|主席/i, /\bchair|主席/i],
  [/\b(?:co-?)?found(?:er|ers|ed)\b|創辦|创办|創立|创立/i, /\bfound|創辦|创办|創立|创立/i],
  [/\bpresident\b|會長|会长/i, /\bpresident|會長|会长/i],
  [
    /\b(?:admins?|administrators?|moderators?|mods?)\b|群主|羣主|管理員|管理员|版主/i,
    /\badmin|\bmoderat|群主|羣主|管理員|管理员|版主/i,
  ],
  [/\bceo\b|chief executive|行政總裁|行政总裁/i, /\bceo\b|chief executive|行政總裁|行政总裁/i],
  [/\bdirectors?\b|總監|总监|董事/i, /\bdirector|總監|总监|董事/i],
  [
    /\bsecretary[- ]general\b|總幹事|总干事|幹事|干事/i,
    /\bsecretary[- ]general|\bexecutive director|總幹事|总干事|幹事|干事/i,
  ],
];

/** A post of the association itself, named as Chinese speakers address it ("貴會主席", "协会的会长"). */
const ASSOCIATION_POST =
  /(?:協會|协会|貴會|贵会|本會|本会)(?:的|嘅)?(?:主席|會長|会长|創辦人|创办人|總裁|总裁|秘書長|秘书长|總幹事|总干事|幹事|干事|理事|董事|負責人|负责人|主管|主任)/u;

/**
 * A question for a pass mark or a minimum ("minimum score to pass", "what score do I need to pass?", "合格分數",
 * "最低要幾分", "要幾多分先過")…
 */
const PASS_MARK =
  /\b(?:minimum|passing|pass mark|pass score|cut-?off|at least|max(?:imum)? (?:score|points|marks?)|full marks|top score|(?:score|mark|points) (?:do|does|would|will) (?:i|you|we|one|they|applicants?) need|need to pass)\b|合格|及格|最低|至少|滿分|满分|最高分|(?:幾多|几多|多少|幾|几)分(?:先|才)(?:能|可以|會|会)?(?:過|过|通過|通过|得|批|獲批|获批|成功)/i;
/** …which only a text that speaks of one answers. */
const PASS_MARK_TEXT =
  /\b(?:minimum|pass(?:ing|es|ed)?|at least|cut-?off|threshold|maximum|out of)\b|合格|及格|最低|至少|滿分|满分|最高/i;

/** A share of a whole asked for ("what percentage of…", "佔幾多成？"): only a text giving one in so many words says it. */
const PROPORTION =
  /\b(?:what|which|how (?:big|large|high)(?: of)?(?: a| the)?) (?:percentage|percent|proportion|share|fraction|ratio)\b|\bwhat %|\b(?:percentage|proportion|fraction) of\b|\bwhat per ?cent\b|百分之(?:幾|几|多少)|百分比|比例|(?:佔|占)(?:幾多|几多|多少|幾|几)(?:成|%)?|(?<![時时有])(?:幾|几)成(?![功立為为熟員员年])/iu;
const PROPORTION_GIVEN =
  /%|\bper ?cent\b|\bpercentage\b|\bproportion\b|\b(?:half|a third|two thirds|a quarter|three quarters) of\b|百分之|百分比|比例|一半|[一二三四五六七八九]成|\d+\s*成/iu;

/**
 * The units a count is asked in ("how many points", 幾多分, 多少人) and how an answer gives a number
 * of them: "11 professions" answers no "how many points?".
 */
const COUNTED_UNITS: readonly { asked: RegExp; given: RegExp }[] = [
  // "What percentage of the donated clothing reaches people in need?": a share, which a count does not give.
  { asked: PROPORTION, given: PROPORTION_GIVEN },
  {
    // (Asked after the points too: "QMAS bonus points how many", "優才加分多少".)
    asked:
      /\bhow many (?:\w+ ){0,2}points\b|\bpoints,? how many\b|(?:幾多|多少|几多)(?:個|个)?分(?![鐘钟之別别析享配類类開开布佈])|(?<![部充過过十])分(?:數|数)?(?:係|是|有)?(?:幾多|多少|几多)/iu,
    given: /\d+\s+(?:\w+\s+){0,2}points?\b|(?:\d+|[一二三四五六七八九十百]+)\s*分(?![鐘钟之])/iu,
  },
  {
    asked:
      /\bhow many (?:\w+ ){0,2}(?:people|persons|individuals|migrants|immigrants)\b|(?:幾多|多少|几多)(?:個|个)?人(?!才)/iu,
    given:
      /[\d,]+\s+(?:\w+\s+){0,2}(?:people|persons|individuals|migrants|immigrants|places)\b|(?:[\d,]+|[一二三四五六七八九十百千]+)\s*(?:人|名)(?!才)/iu,
  },
  {
    // "How many have been approved so far?", "歷年獲批人數若干？": those let in, which a quota (how many may
    // be) does not count.
    asked:
      /\bhow many (?:\w+ ){0,3}(?:have (?:\w+ )?been|were|had been|got) (?:approved|admitted|accepted|granted|let in)\b|(?:歷年|历年|至今|累計|累计|過去|过去|迄今|已經|已经|一共|總共|总共)[^。，,？?]{0,10}(?:獲批|获批|批出|錄取|录取)/iu,
    given:
      /[\d,]+\s+(?:\w+\s+){0,3}(?:were|have been|had been|got|was)\s+(?:approved|admitted|accepted|granted)\b|\b(?:approved|admitted|granted|accepted)\s+(?:\w+\s+){0,2}[\d,]+|(?:獲批|获批|批出|錄取|录取)[^。，,]{0,8}(?:\d|[一二三四五六七八九十百千])|(?:\d|[一二三四五六七八九十百千])[^。，,]{0,6}(?:獲批|获批|批出|錄取|录取)/iu,
  },
];

/** Where something comes from ("where does it get them from?", "邊度嚟")… */
const SOURCE_ASKED = /\bwhere\b.*\bfrom\b|從哪裡來|从哪里来|由邊度嚟|喺邊度嚟|邊度嚟|哪裡來|哪里来/u;
/** …and where it ends up or goes ("where does it all end up?", "去咗邊"). */
const DESTINATION_ASKED =
  /\bwhere\b.{0,60}\b(?:end(?:s|ed)? up|go|goes|went|get sent|are sent|is sent|get given)\b|去咗邊|送去邊|去了哪|送到哪/u;
/** Whom goods reach: people in need, charities, beneficiaries. */
const RECIPIENTS =
  /\b(?:in need|needy|less fortunate|charit(?:y|ies)|ngos?|beneficiar(?:y|ies)|recipients?|underprivileged|low-income)\b|有需要|弱勢|弱势|慈善|受惠|基層|基层|貧|贫/iu;

/** A rate asked for ("success rate", "通過率"). */
export const RATE =
  /\b(?:success|approval|pass|passing|acceptance|admission|rejection|refusal) rates?\b|(?:通過|通过|成功|批核|批准|獲批|获批|錄取|录取|合格|拒絕|拒绝)率/u;

/** Whether a group may do something ("散戶可以…", "市民能否…"): a question of the rules. */
const PERMITTED_ZH =
  /(散戶|散户|零售投資者|零售投资者|市民|公眾|公众|普通人|投資者|投资者|香港人).{0,8}(可以|可唔可以|可不可以|能否|能不能|能夠|能够|能|准唔准|准不准|准許|准许|允許|允许|係咪可以|是否可以|買唔買得|买不买得|買得唔得|買得到|买得到|買唔到|买不到|有冇機會|有沒有機會|有没有机会|有機會|有机会|會唔會可以|会不会可以)/u;

/**
 * The least of a qualification asked for ("minimum education level", "最低學歷"), or the education
 * required ("degree requirements", "學歷要求"): requirements, not a number.
 */
const MINIMUM_REQUIRED =
  /\b(?:minimum|min\.?|lowest)\s+(?:level of\s+)?(?:education(?:al)?|academic|qualifications?|degrees?|requirements?|criteria|credentials?)\b|最低(?:學歷|学历|資格|资格|要求|學位|学位)|\b(?:education(?:al)?|academic|degree)\s+(?:requirements?|criteria)\b|(?:學歷|学历)(?:要求|條件|条件)/iu;

/** A member asking which choice suits them ("which is better for us?", "should we set up in Singapore?"). */
const CHOICE_FOR_ME =
  /\b(?:which|what)(?: one| city| place| option| hub| location| scheme)? (?:is|would be|'s|s) (?:better|best|more suitable)\b.{0,40}(?:\bfor (?:me|us|my|our|a (?:startup|company|firm|business) like)\b|\blike (?:mine|ours)\b)|\bshould (?:i|we|my (?:startup|company|firm|business|team)|our (?:startup|company|firm|business|team)) (?:choose|pick|go with|move to|set up in|base (?:ourselves|myself|itself) in|relocate to|incorporate in)\b|\bwhat would you (?:recommend|suggest|advise)\b|\b(?:better|best) (?:for|suited to) (?:me|us|my|our)\b|(?:邊個|哪個|哪一個|邊度|哪裡|哪里)(?:(?:好啲|比較好|比较好|更好|較好)|(?:适合|適合|啱)(?=我|我哋|我們|我们))|(?:我|我哋|我們|我们)應該(?:揀|選|选|去)|(?:邊個|哪個|哪一個|边个|哪个|哪一个|邊度|哪裡|哪里)(?:對|对)(?:我|我哋|我們|我们|初創|初创|創業|创业|startup|公司|企業|企业).{0,4}(?:較|比較|比较|更|最)?(?:有利|好|適合|适合)/u;

/** The kind of answer a question asks for. */
export function expectation(question: string): Expectation {
  // "…when it comes to regulating virtual assets?" asks no time.
  const q = question.toLowerCase().replace(/\bwhen it comes to\b/g, "as for");
  if (
    // "Which is better for a startup like mine?", "邊個啱我哋多啲？": a choice for the member, which no
    // document makes for them.
    CHOICE_FOR_ME.test(q) ||
    /\b(price|prices|value|worth|market cap|exchange rate)\b.*\b(now|today|currently|right now|current)\b|\b(current|today'?s|latest)\b.*\bprice\b|\b(price|value) of (a |one )?(bitcoin|btc|eth|ether|ethereum|crypto)/.test(
      q,
    ) ||
    /\b(should i|shall i|should we|is it (?:a )?(?:good|smart|wise|right|bad) (?:time|idea|moment))\b.*\b(buy|sell|invest|hold(?! (?:its|their|the|a|an|any|regular|quarterly|townhalls?|meetings?|events?|sessions?)\b)|trade|(?:put|move) (?:my |our |some |all )?(?:of (?:my|our) )?(?:retirement )?(?:savings|money|cash|funds|pension|mpf)|go all in)\b|\bwhich (coin|token|crypto|stock)s? (to|should i|do i) (buy|sell|invest)\b|\b(best|top|safest|cheapest)\b.*\b(exchange|coin|token|crypto|wallet|broker|investment)s?\b|\b(recommend|suggest)\b.*\b(coin|token|exchange|wallet|investment)s?\b|\bwill\b.*\b(go up|go down|rise|fall|crash|moon)\b|\b(?:bitcoin|btc|eth|ether(?:eum)?|crypto\w*|coins?|tokens?|prices?|sol|xrp|doge)\b.{0,30}\b(?:hit|reach|touch|break|surpass|top|cross|drop to|fall to|go to)\s+(?:us\$|hk\$|\$)?\s?\d|\b(?:leverage|perps?|perpetual (?:futures|swaps?|contracts?))\b|\b(?:how much|what) (?:[\w-]+ ){0,3}tax(?:es)? (?:will|would|do|should|must) (?:i|we) (?:owe|pay)\b|\b(?:owe|pay)\b.{0,20}\btax(?:es)? on (?:my|our)\b|\b(?:can|could|should) (?:i|we) sue\b|\bsue (?:my|our|him|her|them)\b|\b(?:best|highest|top|safest)\b.{0,20}\b(?:yields?|apy|apr|interest rates?|returns?)\b|\b(?:yields?|apy|apr|returns?)\b.{0,30}\b(?:best|highest|most)\b|\bpark (?:my |our )?(?:us\$|hk\$|\$)?\s?\d[\d,.]*\s*k?\b|\b(?:legally )?enforceable\b|\bnon-?competes?\b|\b(?:check|review|look (?:at|over)|read) (?:my|our) (?:employment |job |work |tenancy |rental )?(?:contract|agreement|nda|lease)s?\b/.test(
      q,
    ) ||
    (/(報稅|报税|避稅|避税|慳稅|节税|節稅|少交.{0,8}稅|少交.{0,8}税)|(現價|價格|幣價|應該買|應唔應該買|推介|推薦|買|賣|沽|投資).*(幣|交易所|加密|比特|以太)|(比特幣|以太幣|以太坊|幣).*(價|幾錢|幾多錢|多少錢|最好|升|跌|值唔值)|買(咩|甚麼|什麼|邊隻|哪個|哪種)/.test(
      question,
    ) &&
      // "香港散戶可以買加密貨幣嗎？" asks what the rules allow, not what to buy.
      !PERMITTED_ZH.test(question))
  ) {
    return "advice";
  }
  // "Which event was it announced at?": the occasion something was made public at, a named one.
  if (EVENT_ASKED.test(question)) return "event";
  if (
    /\b(fees?|costs?|(?<!\bin )charges?|prices?|subscription|dues|salary|salaries|stipend|allowance|pay|pays(?! off)|paid|unpaid|wages?)\b|\bhow much (is|are|does|do|to)\b|\b(free of charge|for free|(?:is|are) (?:it|they|these|those|the \w+(?: \w+)?) (?:\w+ )?free(?!\s+to\s+(?:live|settle|stay|work|move|reside|relocate|come)\b)|free to (attend|join|enter))\b|(?<![浪消花耗經])費|收費|幾錢|幾多錢|几多钱|多少錢|多少钱|津貼|津贴|薪|工資|工资|報酬|报酬|酬勞|酬劳|人工(?!智能|智慧)|價錢|學費|俾錢|畀錢|付錢|收錢|要錢|免費|免费|補貼|补贴|資助|资助|\b(?:subsid(?:y|ies|ised|ized)|funding|grants?)\b|\b(?:cash|monetary|money) (?:donations?|gifts?|contributions?)\b|\bdonat\w* (?:some )?(?:money|cash|funds)\b|捐(?:錢|钱|款)/.test(
      q,
    )
  )
    return "money";
  if (
    // (Old phones given away are goods, not a number to call: "收舊電話", "collect old phones". What a
    // website says is its content: "how many goals does BAHK list on its website?", "網站上寫著…".)
    /\b((?<!\b(?:old|used|second-hand|unused|spare|mobile)\s)phone(?!s)|telephone|e-?mail|contact (number|details|info)|(?:contact|reach) (?:him|her|his|their)|call (?:him|her)\b|call (?:his|their) (?:office|number|phone|mobile|hotline)|whatsapp|hotline|(?<!\b(?:on|from|in|at|per|according to) (?:the|its|your|bahk'?s|the association'?s) )website(?!\s+(?:says?|said|lists?|listed|mentions?|mentioned|states?|stated|describes?|calls?))|url|(sign-?up|registration|register|rsvp) (link|form|page)|(?:a|the|any|your|its|their) links?|links? (?:to (?:the|a|your|sign|register|apply|join)|for))\b|(?<!舊|旧|二手|手提|收)電話(?!機|机|殼)|電郵|郵箱|聯絡方法|聯絡電話|聯絡方式|聯繫方式|联系方式|联络方式|聯絡資料|联系电话|聯繫電話|網址|網站(?!上|裡|里|寫|写|講|讲|話|话|說|说|提到|列出)|連結(?!國際|国际|本地|海外|社群|社區|社区|業界|业界|各方|香港|世界|全球|不同|起來|起来|埋)|鏈接|链接|報名表/.test(
      q,
    )
  )
    return "contact";
  // "where can I read more about the platform?", "去邊度睇 platform 詳情?": where more is written (a link, a
  // website), which a text of the documents does not give by being shown again.
  if (MORE_WHERE.test(q)) return "contact";
  // "那宣言何時正式生效？": when a measure takes effect, which the day it was announced does not say.
  if (EFFECT_ASKED.test(question)) return "effect";
  // "新加坡有咩唔同？": how one differs, which only a text that contrasts says.
  if (DIFFERENCE_ASKED.test(question)) return "difference";
  // "優才今年仲有冇quota剩？": what is left, which a quota or a total does not say.
  if (REMAINING_ASKED.test(question)) return "remaining";
  // "How much was collected last year?": last year's, which an undated text does not say.
  if (LAST_YEAR_ASKED.test(q)) return "lastyear";
  // "Has the quota changed since then?", "配額有冇調整過？": a change, which a standing figure does not say.
  if (CHANGE_ASKED.test(q) && !WH_ASKED.test(q)) return "change";
  if (ORIGIN_ASKED.test(q)) return "origin";
  // "What time does the next townhall start?": a time of day, which "quarterly" does not give.
  if (HOUR_ASKED.test(q)) return "hour";
  if (APPLY_ASKED.test(q)) return "procedure";
  if (
    /\b(exact|precise|specific) (date|day)s?\b|\bwhich day\b|\bwhat day\b|\b(what|which) (are|were|is|was) (the|its|their) (exact |precise |specific )?dates\b|\bdeadlines?\b|\b(?:closing|end|finish) date\b|截止|限期|死線|\b(on )?(what|which) dates?\b|\bexact(ly)? when\b|\bwhen exactly\b|幾號|几号|哪一天|哪一日|哪日|何日|邊一日|邊日|確實日期|具體日期|哪天|哪幾天|哪几天|邊幾日|邊幾天/.test(
      q,
    ) ||
    /\bnext\b.{0,40}\b(when|date)\b|\b(when|date)\b.{0,40}\bnext\b(?!\s+(?:year|month|week|quarter)s?\b)|(下一次|下次|下一屆|下屆|下個|下一個|下一場|下場|下一期|下期|下一輪).{0,20}(幾時|何時|什麼時候|甚麼時候|日期)|(幾時|何時).{0,10}(下一次|下次|下個|下一場|下場)/.test(
      q,
    ) ||
    // "When will that process wrap up?", "咨询啥时候结束？": an end, which only a date says.
    /\bwhen\b.{0,50}\b(end|ends|finish|finishes|close|closes|wrap(?:s)? up|conclude|concludes|be over|be done|be completed|be finali[sz]ed)\b|(幾時|几时|何時|何时|甚麼時候|什麼時候|什么时候|啥時候|啥时候|幾耐先|多久才).{0,4}(結束|结束|完結|完结|完成|截止|完|收尾|有結果|有结果)/.test(
      q,
    )
  )
    return "day";
  const frequency =
    /(幾耐|多久|多長時間).{0,6}(一次|次)|how often|how frequent(ly)?|how regular(ly)?|how many times (a|per|each) (year|month|quarter)|幾多次|多少次|頻率|幾密/.test(
      q,
    );
  // "Is the townhall a one-off thing or does it happen regularly?": how often, too.
  const recurring =
    /\bone[- ]?(off|time)\b.{0,40}\b(regular(ly)?|recurring|again)\b|\b(regular(ly)?|recurring)\b.{0,40}\bone[- ]?(off|time)\b|\b(happen|happens|held|run|take place|takes place|meet|meets|occur|occurs) (regularly|periodically|on a regular basis)\b|一次性.{0,10}(定期|恆常|经常|經常)|定期(舉行|举行|舉辦|举办|開|开)/.test(
      q,
    );
  // "係咪每個月都有?", "are they monthly?": whether it is that often, which how often it is answers.
  const checked = (FREQUENCY_CHECKED.test(q) || FREQUENCY_CHECKED_ZH.test(question)) && !COUNT_ASKED.test(q);
  if (frequency || recurring || checked) return "frequency";
  // "How long has it been around?" asks since when: a year answers it.
  if (
    /\bhow long (has|have) (?:(?:the|this|that) )?[\w'-]+(?: [\w'-]+)? (been (around|in place|running|going|operating|in existence)|existed)\b/.test(
      q,
    )
  )
    return "date";
  // "How old is the QMAS scheme?" asks since when, of a thing: not anyone's age.
  if (
    /\bhow old is (?:(?:the|this|that|its|their) )?(?:[\w'-]+ )?(?:scheme|programmes?|programs?|polic(?:y|ies)|association|organi[sz]ation|list|declaration|platform|group|bahk|qmas|it)\b/.test(
      q,
    )
  )
    return "date";
  if (
    /\bhow long\b(?!\s+ago)|\bprocessing time\b|\btime ?frame\b|\btimescale\b|\bover (?:what|which) (?:period|span)\b|處理時間|处理时间|審批時間|审批时间|\bhow many (years|months|weeks|days)\b|需時|幾耐|多久|多長時間|多長|幾長|(幾多|多少|几多)\s*(年|個月|个月|日|天|星期|週)|(?:要|需要|需|做|用|花)[幾几](?:年|個月|个月)/.test(
      q,
    )
  )
    return "duration";
  if (
    /\b(what|which) year\b|\byear (was|did|were)\b|^\s*(?:and|so|but|what about|how about)?[,\s]*(?:the |in what |in which )?year\s*[?？]|哪一年|邊一年|哪年|邊年|幾多年成立|何年|^\s*(?:咁|那|那麼|那么)?\s*年份(?:呢)?\s*[?？]/.test(
      q,
    )
  )
    return "year";
  if (
    /\b(name of|what is it called|what's it called|what is the name|what's the name|called what)\b|^\s*(?:(?:and|so|but|what about|how about)[,\s]+)?(?:its |the |their )?(?:full )?name\s*[?？]+\s*$|^\s*(?:咁|那|那麼|那么)?\s*(?:個|佢個|佢嘅|它的|其)?(?:全名|名字|名稱|名称|名)(?:呢|咧|啊|呀)?\s*[?？]+\s*$|\bwhat(?:'s| is| was) (?:the |this |that |its |their )?[\w\s'’-]{2,80}? (?:actually |officially |really )?called\b|\bwhat(?:'?s)?\b.{0,80}\b(?:be|get|gets|being) (?:actually |officially )?(?:called|named)\b|\bwhat (?:does|do|did) [\w\s.-]{1,40} stand for\b|(?<!\b(?:his|her|their)\s)\bfull (?:name|form)\b|叫咩名|叫甚麼名|叫什麼名|叫乜名|名稱|名字|全名|英文名/.test(
      q,
    )
  )
    return "name";
  // "What was discussed at the last townhall?": one past meeting, of which only a record speaks.
  if (PAST_OCCASION.test(question) && HAPPENED.test(question)) return "occasion";
  // "Which one is ahead right now?": a ranking, which only a text that ranks gives.
  if (RANKING_ASKED.test(q) || RANKING_ASKED_ZH.test(question)) return "ranking";
  // "How likely is it to overtake Singapore?": a forecast, which only a text that forecasts makes.
  if (LIKELIHOOD_ASKED.test(question)) return "likelihood";
  // "What are the consultations for?" asks a purpose, not for a list of them. ("What age range is it
  // for?" asks an age.)
  if (
    /\bwhat(?!\s+age\b)(?:'s|s| is| are| r| were)? (?:(?!for\b)[\w'-]+ ){1,5}for(?: exactly| then| anyway| tho| though)?\s*[?？]?\s*$/.test(
      q,
    )
  )
    return "none";
  // "What are the townhalls about?" asks what they are, not for a list of them.
  if (
    /\bwhat(?:'s|s| is| are| r| were)? (?:(?!about\b)[\w'-]+ ){1,5}(?:all )?about(?: exactly| then| anyway| tho| though| really)?\s*[?？]?\s*$/.test(
      q,
    )
  )
    return "none";
  // "What are those meetings meant to achieve?" asks a purpose, not for a list.
  if (
    /\b(?:meant|supposed|trying|hoping|hope|hopes|want|wants|aim|aims|aiming|intended) to (?:achieve|produce|deliver|accomplish|bring about|yield)\b/.test(
      q,
    )
  )
    return "none";
  // "Which gives crypto firms more incentives, HK or Singapore?": a choice between the names it gives,
  // not a question for the names of firms.
  if (CHOICE_BETWEEN_NAMES.test(question) || CHOICE_BETWEEN_NAMES_ZH.test(question)) return "none";
  // "具體是指哪些東西？" asks for the items of a list, not for names.
  if (NAMES_ASKED.test(q) || NAMES_ASKED_ZH.test(question)) return GENERIC_ITEMS_ZH.test(question) ? "list" : "names";
  if (LIST_ASKED.test(q) || LIST_ASKED_ZH.test(question)) return "list";
  if (
    /\b(age limits?|age requirements?|age ranges?|age groups?|age brackets?|ages? \d+\s*(?:-|–|to)\s*\d+|how old(?!-)|minimum age|maximum age|age caps?|upper age|too old(?!-)|too young)\b|年齡|年龄|幾多歲|几多岁|多少歲|多少岁|幾歲|几岁|歲數|岁数|年紀|年纪|超齡|超龄|太老|太後生|幾年級|几年级|哪個年級|哪个年级|邊個年級|边个年级/.test(
      q,
    )
  )
    return "age";
  // "my kid is 15, can she join?": an age told, then whether one of that age may take part.
  if (
    /\b(?:is|am|i'?m|she'?s|he'?s|turns?|turning)\s+(?:only\s+|just\s+)?(?:1[0-9]|[5-9])(?:\s*(?:years?|yrs?)(?:\s*old)?)?\s*[,.;:—–-]*\s*(?:so\s+)?(?:can|could|is|would|does|may)\s+(?:she|he|i|they|my|her|his)\b/.test(
      q,
    )
  )
    return "age";
  if (/\blicen[cs]e[sd]?\b|\blicensing\b|牌照|發牌|发牌|許可證|许可证/.test(q)) return "licence";
  // "Who can attend?", "谁可以参加？": who may come, which only a text saying who is eligible answers.
  if (
    /\bwho (?:can|may|is allowed to|gets to) (?:attend|join|participate|take part|come|go|apply)\b|\bwho (?:is|are) eligible\b|\beligibility (?:criteria|requirements?|rules)\b|申請資格|申请资格|參加資格|参加资格|(?:資格|资格)(?:是|係|系)(?:甚麼|什麼|什么|咩|乜)|\b(?:members only|only (?:for )?members|open to (?:everyone|anyone|the public|non-?members))\b|(?:淨係|只有|只限|只係|仅限|僅限)(?:會員|会员)|(?:誰|谁|邊個|边个|咩人|什麼人|甚麼人|什么人|哪些人|邊啲人)(?:可以|可|能|才可以|先可以)(?:參加|参加|出席|參與|参与|加入|入去)/.test(
      q,
    )
  )
    return "eligibility";
  // "通过率咋样？", "what's the success rate?": a rate, which only a number says.
  if (RATE.test(q) || PROPORTION.test(question)) return "quantity";
  // "What's the minimum education level?", "最低學歷要求係咩？": the least that is required, said in words
  // (a bachelor's degree): a text saying who is eligible, not a number.
  if (MINIMUM_REQUIRED.test(q)) return "eligibility";
  if (
    /\bhow (many|much)\b|\bnumber of\b|\b(minimum|maximum|max|min|pass mark|passing score|passing mark|pass score|cut-?off)\b|\b(?:what|which) (?:score|mark|grade)s?\b|多少|幾多|(?:人數|人数|數目|数目|數量|数量)若干|若干[？?]|幾何[？?]*$|几何[？?]*$|(?<![邊哪])幾個|幾位|最低|最高|合格分|及格分|(?:多|加|拿|攞|得)[幾几]分(?!鐘|钟)/.test(
      q,
    )
  )
    return "quantity";
  // "Who was quoted when HK announced the list?": a "when" after another question word opens a clause.
  const whenClause =
    /^\s*(?:(?:and|so|but|ok|okay|hey|hi|um)[,\s]+)*(?:who|whom|whose|why|how|which|what|where)\b(?!\s+(?:year|date|time|day|month)\b)/.test(
      q,
    );
  // ("Who wrote them and when were they adopted?" asks both.)
  const q2 = whenClause ? q.replace(/(?<!\band\s+|\bor\s+|[,;&]\s*)\bwhen\b/g, "as") : q;
  // "When was it founded?", "幾時開始？" ask for a date; "When are townhalls held?" may be answered by "quarterly".
  if (
    /\bwhen (was|were|did|had)\b|\b(what|which) year\b|\bor (?:in )?(?:a |some )?(?:different|another|other) (?:month|year|date|day)\b|\bsince when\b|\bhow long ago\b|哪一年|邊一年|哪年|幾時成立|何時成立|成立於|(幾時|何時|甚麼時候|什麼時候)(開始|推出|成立|創立|出現)|由幾時|\b(?:launch|start|release|founding|opening|rollout|roll-out|go-live|kick-?off)\s+(?:date|month|year|day)s?\b|^[^?？]{1,40}\bdate\s*[?？]+\s*$|\b(?:any|a|an|the|exact)\s+(?:date|timeline|eta)\s+(?:yet\s+)?(?:for|on|of)\b|\bis there (?:a|an|any) (?:date|timeline|eta)\b|有(?:冇|沒有|没有)(?:確實|确实|具體|具体)?(?:日期|時間表|时间表)|(?:推出|開始|开始|啟動|启动|成立|上線|上线|發布|发布|公佈|公布)(?:日期|月份|年份)/.test(
      q2,
    )
  )
    return "date";
  if (
    /\bwhen\b(?!\s+\w+ing\b)|\b(?:what|which) (year|date|time|month)\b|\bwhich year\b|\bsince when\b|幾時|何時|哪一年|邊一年|哪年|甚麼時候|什麼時候/.test(
      q2,
    )
  )
    // "When is FinTech Week this year?", "今年幾時搞？": one occasion's date, which "annual" does not give.
    return THIS_YEAR.test(q2) || PLANNED.test(q2) ? "date" : "time";
  // "Where do I vote?", "where do members get to air their views?" ask how to do something, not for a place.
  const howTo =
    /\bwhere (do|can|should|would|could) (i|we|members|people|students|newcomers|volunteers|firms|companies|one)\b(?! (?:drop|deliver|bring|ship|leave)\b)|我.{0,12}(喺邊度|在哪裡|在哪)|(喺邊度|在哪裡|在哪|去邊度).{0,6}(揀|投票|登記|報名|申請|提交|捐)/.test(
      q,
    );
  // "Where does it get them from?" asks for a source, "where do the clothes end up?" for whom they reach:
  // not places, unless an address is asked for ("捐贈的衣物要送到哪個地址？").
  const fromWhere = SOURCE_ASKED.test(q);
  const source =
    (fromWhere || DESTINATION_ASKED.test(q)) &&
    !/\baddress\b|地址/.test(q) &&
    // "要送去邊度？", "我應該送到哪裡？": where to take them, a place (not where they end up).
    !/(?:要|應該|应该|可以|我|我哋|我們|我们)(?:拎|攞|帶|带|寄)?(?:送|交)(?:去|到)(?:邊|边|哪)/u.test(q);
  // "成敗關鍵在哪？", "分別喺邊？" ask where a key or a difference lies: not a place.
  const abstract =
    /(關鍵|关键|問題|问题|分別|分别|區別|区别|原因|重點|重点|好處|好处|難點|难点|挑戰|挑战|不同|差異|差异|優勢|优势|意義|意义|價值|价值)(?:究竟|到底)?(?:在哪|喺邊|係邊|何在)/.test(
      q,
    );
  // "Where do things stand for retail investors?": how matters are now, not a place.
  const standing = /\bwhere (do|does|did) (things|it|that|this|matters|we|they)( all| now| currently)? stands?\b/.test(
    q,
  );
  // "The townhalls take place in Central?", "are they held at Cyberport?": a named place checked.
  if (PLACE_CHECKED.test(question)) return "place";
  // "Where does it all end up?", "捐咗嘅衫去咗邊？": whom the goods reach.
  if (source && !fromWhere) return "recipient";
  if (
    !howTo &&
    !source &&
    !abstract &&
    !standing &&
    /\bwhere (is|are|was|were|do|does|did|will|would|can|could)\b|\bwhere('s|'re)\b|^\s*(?:(?:and|so|but|ok|okay)[,\s]+)?where(?: exactly| at| though| then)?\s*[?？]|^\s*(?:(?:and|so)[,\s]+)?(?:the )?(?:venue|location)\s*[?？]|\b(know|ask(?:ed|s)?|tell me|wonder(?:ing)?) where\b|\bwhere (?:the|its|their|his|her) [\w-]+(?: [\w-]+)? (?:is|are|was|were|will|gets?|got)\b|\baddress\b|\blocated\b|\b(at|in) (what|which) (event|conference|venue)\b|\b(?:what|which) (?:\w+ (?:or|and) )?(?:venue|building|location|premises|room|hall|floor|district|venues|locations)\b|\b(?:drop-?off|collection|pick-?up) (?:points?|locations?|address(?:es)?|cent(?:re|er)s?|sites?|spots?)\b|收集點|收集点|收集地點|收集地点|回收點|回收点|地址|會址|会址|(?:辦公室|办公室|總部|总部|辦事處|办事处)(?:位於|位于|設於|设于)?何(?:在|處|处)|地點|地点|會場|会场|喺邊度|喺邊(?![個位間啲方])|邊度|在哪裡|在哪(?!方面|個方面|些方面|一方面|種|种|類|类|一種|一种|個測|个测)|(?:位於|位于|設於|设于|設在|设在)(?:哪|邊|何處|何处)|(?:喺|在|於|于)(甚麼|什麼|什么|咩|邊個|哪個|哪个)(活動|活动|場合|场合|會議|会议)|(甚麼|什麼|什么|咩|邊個|哪個|哪个)(活動|活动|場合|场合|會議|会议)上/.test(
      q,
    )
  )
    return "place";
  if (
    /\b(what|which)('s| is| was| are)? (his|her|their|the) (role|title|position|job|post)\b|\b(what|which) (roles?|titles?|positions?|posts?|jobs?|offices?) (did|does|do|has|had|have) (he|she|they)\b|(佢|他|她|其)(當時|当时|嗰陣|那時|那时|現在|现在|而家|目前)?(嘅|的)?(職位|职位|身份|職銜|职衔|官職|官职|職務|职务|頭銜|头衔|銜頭|衔头|職稱|职称)|(佢|他|她)(當時|当时|嗰陣|那時|那时)?(係|是|做|做緊|擔任|担任)(咩|甚麼|什麼|什么|乜|邊個|哪個|哪个)(職位|职位|身份|職銜|职衔|官職|官职|官|職務|职务|頭銜|头衔)|(做|擔任|担任)(緊)?(咩|什麼|甚麼|什么)(職位|职位|官職|官职|職務|职务)/.test(
      q,
    )
  )
    return "role";
  if (
    /\bwho\b|\bwhom\b|邊個|邊位|哪位|哪一位|邊一位|誰|谁|何人|哪些人|邊啲人|有邊個|成員/.test(q) &&
    ROLE_WORDS.test(q)
  )
    return "role";
  // "Who spoke when it was announced?", "who was quoted?", 是誰發表講話: the words of a person, whom the
  // answer must name.
  if (
    /\bwho (?:said|spoke|speaks|talked|gave (?:a |the )?(?:speech|talk|remarks|keynote(?: speech| address)?)|(?:was|is|got|gets|were) (?:being )?quoted)\b|(?:誰|谁|邊個|边个|哪位|邊位|何人)(?:人)?(?:發表|发表|出來|出来|出嚟|有)?(?:講話|讲话|發言|发言|致辭|致辞|演講|演讲)|(?:誰|谁|何人)[^？?。，,]{0,16}?(?:發表|发表)(?:了|咗)?(?:講話|讲话|發言|发言|致辭|致辞|演講|演讲)/.test(
      q,
    )
  )
    return "role";
  // "Which official presented it?" asks for a person in a role, not the body they belong to.
  if (/\b(which|what) (government )?(officials?|ministers?|officers?|spokes(?:person|man|woman))\b/.test(q))
    return "role";
  // "Who in the government fronted the talent list?": a person in a role.
  if (/\bwho in (?:the )?(?:hong kong |hk )?(?:government|administration|bureau|hkma|association|cabinet)\b/.test(q))
    return "role";
  // "Who wrote them?", "邊個寫㗎？": an author, whom the answer must name; so is who sets or decides
  // something of what was said ("who sets it?" after the core mission, which names no one; not "who sets
  // the agenda?", which members do).
  if (
    /\bwho (?:wrote|writes|authored|drafted|penned|came up with)\b|\bwho (?:sets?|decides?|decided|determines?|determined|chooses|chose|picks|picked|defines?|defined) (?:it|them|that|this|those|these)\b|(?:邊個|边个|誰|谁|由誰|由谁)(?:寫|写|撰寫|撰写|起草|草擬|草拟)/.test(
      q,
    )
  )
    return "role";
  // "Who's running it?", "who leads the association?", "who's responsible for that?": a person in charge.
  if (
    /\bwho(?:'s|s| is| are| will be| would be)? (?:actually |really |exactly |currently |now )?(?:running|runs|leads|leading|heads|heading|in charge|manages|managing|responsible|accountable|oversees|overseeing)\b|(?:邊個|边个|誰|谁|由誰|由谁)(?:負責|负责|話事|话事|管理|帶領|带领|領導|领导|掌管|主管|主理)/.test(
      q,
    )
  )
    return "role";
  // "Interns must be under 25, correct?", "the townhalls have 50 seats, right?": a figure checked, which
  // a text without one neither confirms nor corrects.
  // (Not when a question word asks something else of the figure: "QMAS 嘅 extra 30 points 係俾邊啲人?".)
  if (
    (FIGURE_CHECKED.test(q) || FIGURE_COUNTED.test(q)) &&
    /[?？]/.test(q) &&
    !WH_ASKED.test(q) &&
    !WH_ASKED_ZH.test(q)
  )
    return "figure";
  // "做區塊鏈嘅可以加50分，係咪？": a figure claimed and checked, in Chinese.
  if (FIGURE_COUNTED_ZH.test(q) && CONFIRMING_ZH.test(q) && !/幾|几|多少/u.test(q)) return "figure";
  // "bahk founded year", "talent list release date?": a search-box query for a date, with no question word.
  if (KEYWORD_DATE.test(q) && !WH_ASKED.test(q)) return "date";
  return "none";
}

/** A count of a unit claimed in Chinese ("加50分", "2000個名額", "十間銀行"). */
const FIGURE_COUNTED_ZH =
  /(?:\d[\d,]*|[一二兩三四五六七八九十百千萬]+)\s*(?:分|個人|個名額|名額|個|名|人|間|家|個月|星期|項|年)/u;
/** A claim put, then to be confirmed after a comma: "…，係咪？", "…，對嗎？", "…，啱唔啱？". */
const CONFIRMING_ZH =
  /[，,]\s*(?:係咪|系咪|是不是|對嗎|对吗|對不對|对不对|啱唔啱|啱嗎|冇錯吧|沒錯吧|没错吧)[？?]?\s*$/u;
/** A few words ending in when something began or came out: "founded year", "release date". */
const KEYWORD_DATE =
  /^[^?？.!]{0,60}\b(?:founded|founding|established|launched|launch|started|start|began|released|release|published|announced|set up|created|introduced)\s+(?:year|date)\s*[?？]?\s*$/;

/** A figure claimed of something: a bound ("under 25") or a count of a unit ("50 seats"). */
const FIGURE_CHECKED =
  /\b(?:under|over|below|above|at least|at most|more than|less than|fewer than|up to|no more than|exactly)\s+(?:us\$|hk\$|\$)?\d/;
/** A count of a unit claimed ("50 seats", "3 months", "six months", "a 3-month placement"), the unit captured; not a rate ("every 3 months", "4 times a year"). */
const FIGURE_COUNTED =
  /(?<!\bevery\s+)\b(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|fifty|hundred)(?:\s*|-)(?:extra |bonus |additional )?(points?|people|persons|seats|places|spots|slots|months?|weeks?|days?|hours?|members|banks|professions|fields|interns?|students|companies|firms|events|meetings|times|goals)\b(?!\s+(?:a|per|each|every)\s+(?:year|month|week|day|quarter)\b)/;
/** A figure given: digits, or a number in words. */
const FIGURE_GIVEN =
  /\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|dozen)\b/i;

/** The association named ("BAHK", "the association", 協會). */
export const ASSOCIATION = /\bassociation\b|\bbahk\b|協會/i;

const NAMED_KIND =
  /\b(charit(?:y|ies)|ngos?|organi[sz]ations?|banks?|compan(?:y|ies)|firms?|institutions?|initiatives?|measures?|milestones?|tax breaks?|incentives?|etfs?|courses?|partners?|sponsors?)\b|(慈善|機構|組織|公司|企業|企业|銀行|措施|舉措|举措|里程碑|優惠|課程|夥伴|ETF|基金|大學|學校|團體)/i;

/** "Which universities…", "what specific regulatory gaps…": the things a question asks which of. */
const WHICH_THINGS =
  /\b(?:which|what (?:specific|exact|particular))\s+((?:[a-z][\w-]* ){0,2}?[a-z][\w-]*?s)\b(?<!\b(?:ones|is|was|does|has))/i;
/** 哪些證明文件, 邊啲機構: the things a Chinese question asks which of (up to a verb or particle). */
const WHICH_THINGS_ZH =
  /(?:哪些|哪幾|邊啲|邊幾)(?:個|间|間|種|种|類|类)?([\u4e00-\u9fff]{2,6}?)(?=可以|可|會|会|需要|要|係|是|有|的|嘅|呢|[？?，。]|$)/u;

/**
 * Words before the kind a question asks which of: "which other types of professionals", "which non-tech
 * professions", "which areas of technology".
 */
const KIND_WORDS = /\b(?:other|else|(?:types?|kinds?|sorts?|categories|areas|fields|domains) of|non-[a-z]+)\s+/gi;

/** A question whether something happens at some rate ("is it every month?", "are they held weekly?"). */
const FREQUENCY_CHECKED =
  /\b(?:is|are|do|does|will|would|was|were)\b[^?.!]{0,60}\b(?:every (?:single )?(?:day|week|month|year|quarter)|monthly|weekly|yearly|annually|daily|fortnightly|once a (?:week|month|year)|twice a (?:month|year))\b|^\s*(?:every (?:day|week|month|year|quarter)|monthly|weekly|yearly|annually)\s*[?？]/i;
const FREQUENCY_CHECKED_ZH =
  /(?:係咪|系咪|是不是|是否|會唔會|会不会|會否|会否|定係|還是|还是)\s*每(?:個|个|一)?(?:月|星期|週|周|年|季|日|天)|每(?:個|个)?(?:月|星期|週|周|日|天)都(?:有|會|会|舉行|举行|開|开|搞)/u;
/** A question for a count, which a rate in it ("how many each year?") only qualifies. */
const COUNT_ASKED = /\bhow (?:many|much)\b|幾多|几多|多少/;

/** The kind of thing a question for names or items asks about ("which charities" → charities), if it says. */
export function namedKind(question: string): string | undefined {
  // "Which universities does it partner with?" asks for universities, not partners; "which other types
  // of professionals" for professionals.
  const which = WHICH_THINGS.exec(question.replace(KIND_WORDS, ""));
  if (which?.[1]) return which[1];
  const m = NAMED_KIND.exec(question);
  return m?.[1] ?? m?.[2] ?? WHICH_THINGS_ZH.exec(question)?.[1];
}

/**
 * Whether something has happened by now: "Has the SFC approved any crypto ETFs yet?", "did they end up
 * approving any?", "现在香港已经批了哪些ETF？". The documents are dated: a text that speaks of it only
 * as to come ("potential ETF approvals", "consultations are underway", 可能批准) does not say whether it
 * has happened since.
 */
const DONE_PARTICIPLE =
  "approved|launched|passed|implemented|enacted|introduced|released|adopted|finali[sz]ed|granted|issued|listed|submitted|completed|concluded|allowed|green-?lit|green-?lighted|signed off";
const DONE_BASE =
  "approv(?:e|ing)|launch(?:ing)?|pass(?:ing)?|implement(?:ing)?|enact(?:ing)?|introduc(?:e|ing)|releas(?:e|ing)|adopt(?:ing)?|finali[sz](?:e|ing)|grant(?:ing)?|issu(?:e|ing)|list(?:ing)?|submit(?:ting)?|complet(?:e|ing)|conclud(?:e|ing)|allow(?:ing)?";
const DONE_ASKED = new RegExp(
  `\\b(?:has|have|had)\\b(?!\\s+to\\b)(?:\\s+[\\w'-]+){0,6}?\\s+(?:been\\s+|actually\\s+|already\\s+|finally\\s+)*(?:${DONE_PARTICIPLE})\\b|\\b(?:did|does|do)\\b(?:\\s+[\\w'-]+){0,6}?\\s+(?:end up|actually|already|finally|ever)\\s+(?:${DONE_BASE}|${DONE_PARTICIPLE})\\b|\\b(?:${DONE_PARTICIPLE})\\b(?:\\s+[\\w'-]+){0,4}?\\s+(?:yet|already|by now|so far|to date)\\b`,
  "i",
);
const DONE_ASKED_ZH =
  /(?:已經|已经|經已|经已|到底|究竟|而家|現在|现在|目前|至今)[^？?。]{0,12}(?:批准|批出|批咗|批了|批下|通過|通过|落實|落实|實施|实施|上市|推出)|批(?:下來|下来|咗未|了没|准咗未|准了没)|(?:批准|通過|通过|推出|落實|落实)(?:咗|了)(?:未|沒有|没有|嗎|吗|(?:哪|邊|边)(?:些|啲|幾|几))/u;
/** A text that speaks of a thing only as to come. */
const PROSPECTIVE =
  /\b(?:potential|possible|possibly|may|might|plans?|planned|planning|proposed|underway|under way|under consideration|being considered|expected|consultations?|sets? (?:out )?to|(?:is|are|was|were) due to|scheduled to|slated to)\b|可能|將會|将会|擬|拟|計劃|计划|諮詢|咨询|谘询|研究|預計|预计|考慮|考虑|正進行|正进行/iu;
/** A text saying that something was done. */
const DONE_SAID = new RegExp(
  `\\b(?:was|were|has been|have been|had been|is now|are now)\\s+(?:[\\w-]+\\s+)?(?:${DONE_PARTICIPLE})\\b|\\b(?:approved|launched|enacted|introduced|released|adopted|granted|issued|unveiled|announced|promulgated|published)\\s+(?:(?:on|in|at|by|during|its|their|the|a|an)\\b|\\d)|已(?:經|经)?(?:批准|推出|實施|实施|通過|通过|發布|发布|公佈|公布|落實|落实|上市)|(?:於|于)[^，,。]{0,16}(?:推出|公佈|公布|發表|发表|批准|通過|通过)`,
  "iu",
);

/** A claim the member was told and asks to have checked: "a friend told me…", "is that accurate?", 聽講…. */
const CLAIM_CHECKED =
  /\b(?:is|was|isn'?t|wasn'?t) (?:that|this|it) (?:really |actually )?(?:true|accurate|right|correct|the case)\b|\b(?:told|tells|telling) me\b|\bi(?:'ve| have)? (?:heard|read|was told)\b|聽講|听讲|聽說|听说|係咪真|是真的嗎|是真的吗|是否屬實|是否属实|啱唔啱|對不對|对不对/iu;

/**
 * A change to a number asked about as to come: "will they increase the quota?", "is the quota going up next
 * year?", "會唔會加quota？". The documents give the number as it is, which says nothing of a change.
 */
const CHANGE_VERB =
  "increase|increased|raise|raised|expand|expanded|cut|reduce|reduced|lower|lowered|change|changed|double|doubled|adjust|adjusted|go up|going up|go down|going down|grow|rise|rising";
const NUMBER_THING = "quota|cap|limit|number|places|spots|slots|points|bonus|threshold|fees?";
const FUTURE_CHANGE_ASKED = new RegExp(
  `\\b(?:will|would|going to|gonna|plans? to|planning to|any plans? to|likely to|expected to)\\b.{0,40}\\b(?:${CHANGE_VERB})\\b|\\b(?:${NUMBER_THING})\\b.{0,30}\\b(?:going up|go up|going down|go down|rising|increas(?:e|ing)|chang(?:e|ing)|be (?:raised|increased|cut|reduced|changed|expanded|lowered|doubled))\\b`,
  "i",
);
const FUTURE_CHANGE_THING = new RegExp(`\\b(?:${NUMBER_THING})\\b`, "i");
const FUTURE_CHANGE_ASKED_ZH =
  /(?:會唔會|会不会|會不會|將會|将会|有冇計劃|有没有计划|有沒有計劃|打算|會否|会否)(?:再)?(?:加|增加|提高|擴大|扩大|放寬|放宽|減|减|減少|减少|削減|削减|收緊|收紧|調整|调整|改)(?:[\u4e00-\u9fff]{0,4})?(?:名額|名额|配額|配额|quota|上限|限額|限额)|(?:名額|名额|配額|配额|quota|上限|限額|限额)(?:會唔會|会不会|會不會|將會|将会|會否|会否)(?:再)?(?:加|增加|提高|擴大|扩大|減|减|減少|减少|調整|调整|改)/iu;

/** A text that speaks of what is to come ("potential ETF approvals", "is poised to"), not of "the next one". */
const CHANGE_TO_COME_SAID =
  /\b(?:will|plans?|planned|expected|potential|consultations?|underway|poised to)\b|將會|将会|預計|预计|可能|諮詢|咨询|谘询/iu;
/** Whether a question asks of a number's change to come, and a text only gives the number as it is. */
export function onlyPresent(answer: string, question: string): boolean {
  const asked =
    (FUTURE_CHANGE_ASKED.test(question) && FUTURE_CHANGE_THING.test(question)) || FUTURE_CHANGE_ASKED_ZH.test(question);
  return asked && !CHANGE_TO_COME_SAID.test(answer);
}

/** Which ones were done: "which ones?", 邊隻, 哪几只. */
const WHICH_ONES =
  /\bwhich(?: ones?)?\b|\bwhat (?:are|were) (?:they|their names)\b|哪些|哪(?:幾|几)?(?:只|隻|個|个|家|間|间)|邊(?:幾)?(?:隻|个|個|間|啲)|边(?:几)?(?:只|个|间|啲)/iu;

/**
 * Whether a question asks if something has happened by now, and a text speaks of it only as to come.
 * In a conversation, "ETF 呢？批咗未？" after the rules for retail investors is answered by the text
 * that says approvals may come (not yet, as far as the documents go); which ones were approved is not.
 */
export function onlyProspective(answer: string, question: string, followUp = false): boolean {
  return (
    (DONE_ASKED.test(question) || DONE_ASKED_ZH.test(question)) &&
    // ("A friend told me retail trading is already fully approved. Is that accurate?": a claim to check,
    // which a text saying approvals are still to come corrects.)
    !CLAIM_CHECKED.test(question) &&
    (!followUp || WHICH_ONES.test(question)) &&
    PROSPECTIVE.test(answer) &&
    !DONE_SAID.test(answer)
  );
}

/** A question ending in a choice between two names: "…, HK or Singapore?". */
const CHOICE_BETWEEN_NAMES =
  /[,:]\s*(?:the\s+)?[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3}\s+or\s+(?:the\s+)?[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3}\s*[?？]?\s*$/u;
/**
 * "香港同新加坡，邊度對加密貨幣公司好啲？": which of the two it names is better, not where something is.
 */
const CHOICE_BETWEEN_NAMES_ZH =
  /^[^，,？?。]{1,12}(?:同|和|與|与|跟|定|還是|还是|或者|或)[^，,？?。]{1,12}[，,]?\s*(?:邊度|边度|哪裡|哪里|哪兒|哪儿|邊個|边个|哪個|哪个|邊一個|哪一個)(?:地方)?[^？?。]{0,20}(?:好啲|好些|好點|較好|较好|更好|強啲|更強|更强|友好|吸引|優勝|优胜|著數|着数|好(?=\s*[？?]?\s*$))/u;
/** A question for particular named things ("which charities", "what specific tax breaks", "另外嗰五間係邊間"). */
const NAMES_ASKED =
  /\b(?:name|list) (?:any|some|all|a few|one|two|three) of (?:them|those|these)\b|\bwhat are their names\b|\b(which|what) (specific |exact |particular |other )?(charities|charity|ngos?|organi[sz]ations|banks|companies|firms|institutions|universities|schools|initiatives|measures|milestones|tax breaks|incentives|etfs?|courses|partners|sponsors|associations|agencies|regulators|departments)\b|\bwhich ([a-z][\w-]* ){1,2}(charities|charity|ngos?|organi[sz]ations|banks|companies|firms|institutions|universities|schools|initiatives|measures|milestones|tax breaks|incentives|etfs?|courses|partners|sponsors|associations)\b|\b(?:any|some) (?:specific|particular|named) (charities|charity|ngos?|organi[sz]ations|banks|companies|firms|institutions|universities|schools|initiatives|measures|incentives|etfs?|courses|partners|sponsors|associations)\b|\bwhat specific\b(?! (?:know-?how|knowledge|skills?|experience|expertise|qualifications?|requirements?|criteria|degrees?|education|background)\b)|\bwhich (?:specific|exact|particular)\b|\bwhich other\b|\b(initiatives|milestones|measures) (listed|named|mentioned)\b|\bwhat (are|were) (the|its|their) (key |main |major |specific |exact )?(initiatives|measures|milestones|incentives)\b/;
const NAMES_ASKED_ZH =
  /(具體|具体).{0,12}(哪些|哪|邊啲|邊間|邊個|(甚麼|什麼|咩)(機構|公司|銀行|措施|優惠|稅|税)|優惠)|哪些.{0,6}(慈善|機構|組織|公司|企業|企业|銀行|措施|里程碑|優惠|課程|夥伴|ETF|基金|成員|成员|委員|委员|大學|大学|學校|学校|院校)|邊啲.{0,6}(慈善|機構|組織|公司|企業|企业|銀行|措施|里程碑|ETF|基金|成員|成员|委員|委员|大學|大学|學校|学校|院校)|(里程碑|措施|舉措|举措|優惠)(?:有|包括)(?:邊啲|哪些|哪幾|甚麼|什麼|什么)|另外.{0,4}[間家個].{0,6}(邊|哪)|(邊間|哪間|哪家|哪一間|邊一間|(?:哪|邊|边)(?:幾|几)(?:間|间|家|個|个))(慈善|機構|組織|公司|銀行|大學|學校|團體)|(?:哪個|哪个|邊個|边个|哪一個)(慈善|公司|銀行|大學|學校|團體)/;

/** 哪些東西, 邊啲嘢, 甚麼物品: things in general, whose answer is a list, not names. */
const GENERIC_ITEMS_ZH = /(?:哪些|邊啲|边啲|甚麼|什麼|什么|咩)(?:東西|东西|嘢|野|物品|物资|物資)/u;

/** A question for the items of something ("what are the gaps?", "what are the criteria?", "有邊啲…"). */
const LIST_ASKED =
  /\bwhich ([a-z][\w-]* ){0,2}(sectors|industries|areas|fields|professions|technologies|cities|countries|documents|requirements|criteria|conditions|steps|tests|skills)\b|\b(what|which) (exactly |specifically )?(are|were) (exactly |specifically )?(the|its|their|his|her|these|those) (\w+ ){0,2}?(\w{3,}s|criteria)\b(?! (of|for) (the )?(association|bahk)\b)|\b(list|name) (the|its|their|all)\b|\bwhat (?:exactly |specific |particular )?(?!(?:does|was|has|this|its)\b)[a-z]{2,}s (?:still )?(?:remain|remains|exist|persist|are there|(?:does|do) (?:it|they|he|she|hk|hong kong|the [a-z]+) have)\b/;
const LIST_ASKED_ZH =
  /(有|係|是|提交|交|準備|需要|要)(哪些|邊啲|邊幾)|包括(哪些|甚麼|什麼|咩)|都(有|係|是|包括)(甚麼|什麼|什么|啲咩|咩|乜嘢|邊啲|哪些)/;

/**
 * Whether a text enumerates: items joined by "and"/"or", several commas, 、 or a numbered list.
 * "Gaps persist versus global counterparts" names no gaps; quotes ("same risk, same rules") are one item.
 */
function enumerates(text: string): boolean {
  const bare = text.replace(/"[^"]*"|“[^”]*”|「[^」]*」/g, "X");
  return bare.split(/(?<=[.!?。！？])\s*/u).some((s) => {
    const commas = (s.match(/,/g) ?? []).length;
    return (
      commas >= 2 ||
      /\b(and|or|including|such as|include|includes)\b|\b[1-9]\)|:/i.test(s) ||
      /、|及|和|與|与|或|以及|包括|例如|：/.test(s) ||
      (s.match(/，/g) ?? []).length >= 2
    );
  });
}

/** A Chinese question for several names ("哪些措施", "邊啲機構"); "which banks?" may be answered by one. */
const PLURAL_ASKED = /哪些|邊啲|邊幾/u;

/** Words too common in the knowledge to count as a named answer. */
const EVERYWHERE = new Set([
  "hong",
  "kong",
  "hong kong",
  "hk",
  "bahk",
  "blockchain",
  "association",
  "ngo",
  "ngos",
  "i",
]);

/** A question for organisations: firms, banks, charities, schools. */
const ORGANISATIONS_ASKED =
  /\b(?:firms?|compan(?:y|ies)|banks?|charit(?:y|ies)|ngos?|organi[sz]ations?|institutions?|universit(?:y|ies)|schools?|sponsors?|partners?|employers?)\b/i;
/** Places a text names: cities, countries, regions. */
const PLACE =
  /^(?:Singapore|Seoul|Tokyo|Shanghai|Beijing|Shenzhen|London|New York|Dubai|China|Mainland China|Korea|South Korea|Japan|Asia|Europe|America|United States|Macau|Taiwan)$/;

/**
 * The names an answer gives that the question did not (capitalised names and acronyms; in Chinese
 * text, the English names in brackets after a Chinese term the question did not use). A name whose
 * words or initials the question already has ("Hong Kong Monetary Authority" for "HKMA") is not new.
 */
function newNames(answer: string, question: string): string[] {
  const q = question.toLowerCase();
  const qWords = new Set(q.split(/[^\p{L}\p{N}]+/u).filter(Boolean));
  const out: string[] = [];
  // In a Chinese answer, the English in brackets after a Chinese name is that name (read below).
  const latinText = /[\u4e00-\u9fff]/.test(answer) ? answer.replace(/（[^）]*）/g, " ") : answer;
  for (const m of latinText.matchAll(
    /(?<=[a-z,;:(]\s?|\s)([A-Z][\w&'-]*(?:\s+(?:of|the|for|on)?\s*[A-Z][\w&'-]*)*)/g,
  )) {
    const name = m[1] ?? "";
    const words = name
      .toLowerCase()
      .split(/\s+/)
      .filter((w) => !["of", "the", "and", "for", "on"].includes(w));
    if (words.length === 0 || name.length < 2 || EVERYWHERE.has(name.toLowerCase()) || MONTH.test(name)) continue;
    // A sentence's first word is capitalised anyway ("To offer items, use /donate."): a name there
    // must be an acronym or of several capitalised words.
    const opening = /(^|[.!?]\s*)$/.test(latinText.slice(0, m.index ?? 0).trimEnd() || "");
    if (opening && words.length === 1 && !/^[A-Z0-9&]{2,}$/.test(name)) continue;
    // "ETF" is the question's "ETFs": a name counts whether the question has it in the singular or plural.
    const inQuestion = (w: string) => {
      const bare = w.replace(/'s$/, "");
      return qWords.has(bare) || qWords.has(`${bare}s`) || qWords.has(bare.replace(/s$/, ""));
    };
    if (words.some((w) => inQuestion(w) || EVERYWHERE.has(w))) continue;
    const initials = words.map((w) => w[0]).join("");
    if (initials.length >= 2 && qWords.has(initials)) continue;
    out.push(name);
  }
  for (const m of answer.matchAll(/([\u4e00-\u9fff]{2,8})[（(]([A-Za-z][^）)]*)[）)]/g)) {
    const zh = m[1] ?? "";
    const tail = zh.slice(-2);
    const latin = m[2] ?? "";
    if (/^[A-Z]/.test(latin) && !question.includes(tail) && !EVERYWHERE.has(latin.toLowerCase())) out.push(latin);
  }
  return out;
}

/** Whom something favours or prefers ("tends to favour highly skilled people", "傾向吸納"). */
const FAVOUR = /\b(?:favou?r\w*|prefer\w*)\b|傾向|倾向|偏向|偏好/iu;

/** A question for the name of a document ("the doc they put out", "that paper", "the publication"). */
const DOCUMENT_ASKED = /\b(?:docs?|documents?|papers?|publications?)\b/i;
/** The kinds of document a title is headed by. */
const DOCUMENT_KINDS: ReadonlySet<string> = new Set([
  "declaration",
  "statement",
  "report",
  "paper",
  "policy",
  "plan",
  "blueprint",
  "roadmap",
  "strategy",
  "list",
  "ordinance",
  "bill",
  "act",
  "guidelines",
  "framework",
  "circular",
]);

/**
 * Whether an answer spells out the name of the kind of thing asked for: "what's the name of the
 * immigration scheme?" is answered by "the Quality Migrant Admission Scheme", a name ending in the
 * question's own "scheme" with words the question lacks; "the name of the platform" is not answered by
 * the names of the banks behind it.
 */
function headedName(answer: string, question: string): boolean {
  const qWords = new Set(
    question
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean),
  );
  // "the name of the doc the FSTB put out" is answered by a document's title, headed by its kind
  // ("the Policy Declaration on…").
  const kinds: ReadonlySet<string> = DOCUMENT_ASKED.test(question) ? DOCUMENT_KINDS : new Set();
  for (const m of answer.matchAll(/\b([A-Z][a-z]+(?:[\s-]+(?:of|the|and|for)?\s*[A-Z][a-z]+)+)/g)) {
    const words = (m[1] ?? "")
      .toLowerCase()
      .split(/[\s-]+/)
      .filter((w) => !["of", "the", "and", "for"].includes(w));
    const head = words.at(-1) ?? "";
    if (words.length >= 2 && (qWords.has(head) || kinds.has(head)) && words.slice(0, -1).some((w) => !qWords.has(w)))
      return true;
  }
  return false;
}

/** A question for what something is called in words: a saying, slogan, motto, principle or phrase. */
const SAYING_ASKED =
  /\b(?:sayings?|slogans?|mottos?|mottoes|principles?|phrases?|catchphrases?|mantras?|taglines?|quips?|expressions?)\b/i;

/**
 * Whether an answer gives a name in quotes ("「綜合計分制」") of the kind the question asks about: a
 * name sharing two Chinese characters in a row with the question (計分), and not merely repeating it.
 */
function quotedName(answer: string, question: string): boolean {
  for (const m of answer.matchAll(/[「《“"]([^」》”"]{2,40})[」》”"]/gu)) {
    const name = m[1] ?? "";
    if (question.includes(name)) continue;
    // A phrase quoted in English ("same risk, same rules") answers a question for a saying, slogan or
    // principle by name.
    if (/^[a-z]+(?:[\s,-]+[a-z]+)+$/i.test(name) && SAYING_ASKED.test(question)) return true;
    for (let i = 0; i + 2 <= name.length; i++) {
      const pair = name.slice(i, i + 2);
      if (/^[\u4e00-\u9fff]{2}$/u.test(pair) && question.includes(pair)) return true;
    }
  }
  return false;
}

/** A time given as an event ("during Hong Kong FinTech Week", "於金融科技周期間"): the event's name. */
const DURING_EVENT =
  /\b(?:during|at)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?((?:[A-Z][\w-]*\s+)?(?:Week|Summit|Forum|Conference|Festival|Expo))\b|([\u4e00-\u9fff]{2,6}(?:周|週|峰會|论坛|論壇|博覽會))(?:期間|期间|上|舉行期間)/gu;

/** A question asking for the day itself ("on what date", "which day", 幾號). */
const DAY_ASKED = /\b(?:dates?|days?)\b|日期|幾號|几号|哪天|哪一天|邊日|边日|哪日/iu;

/**
 * Whether an answer gives a time as an event the question does not itself name: "during Hong Kong
 * FinTech Week" answers "when was the declaration issued?", not "when is FinTech Week?".
 */
function duringUnnamedEvent(answer: string, question: string): boolean {
  const asked = question.toLowerCase();
  return [...answer.matchAll(DURING_EVENT)].some((m) => !asked.includes((m[1] ?? m[2] ?? "").toLowerCase()));
}

/** A place named where something happens, to be checked ("…take place in Central?", "held at Cyberport?"). */
const PLACE_CHECKED =
  /\b(?:held|hosted|take place|takes place|took place|taking place|happen|happens|happening|located)\s+(?:in|at)\s+(?:the\s+)?[A-Z][\w'-]*/;

/** Words of a place or an event where something happens (an address, a building, a conference). */
const PLACE_WORDS =
  /\b(?:road|street|floor|building|tower|centre|center|plaza|district|located at|address|week|conference|summit|forum|expo|festival|website)\b|路|街|樓|大廈|中心|地址|周|週|峰會|論壇|博覽|網站|网站/gi;

/** The kinds of answer a text gives when one pattern says so, whatever the question. */
const SAID_BY_PATTERN = {
  event: EVENT_GIVEN,
  ranking: RANKING_SAID,
  likelihood: LIKELIHOOD_SAID,
  effect: EFFECT_SAID,
  difference: DIFFERENCE_SAID,
  remaining: REMAINING_SAID,
  occasion: PAST_SPOKEN,
  hour: HOUR_GIVEN,
} as const satisfies Partial<Record<Expectation, RegExp>>;

/** Whether an answer text has what the question expects (`question` narrows names and roles to its subject). */
export function satisfies(expect: Expectation, answer: string, question = ""): boolean {
  switch (expect) {
    case "event":
    case "ranking":
    case "likelihood":
    case "effect":
    case "difference":
    case "remaining":
    case "occasion":
    case "hour":
      return SAID_BY_PATTERN[expect].test(answer);
    case "none":
      return true;
    case "advice":
      return false;
    case "year":
      return /\b(1[89]\d\d|20\d\d)\b/.test(answer) || /[〇零一二三四五六七八九]{4}年/.test(answer);
    case "day":
      // "清單下次何時檢討？": the next time, which a day something happened does not say.
      if (NEXT_ASKED.test(question) && !FUTURE_SAID.test(answer)) return false;
      return (
        new RegExp(`${MONTH.source}\\s+\\d{1,2}\\b|\\b\\d{1,2}(st|nd|rd|th)?\\s+${MONTH.source}`, "i").test(answer) ||
        /\d{1,2}\s*月\s*\d{1,2}\s*日/.test(answer)
      );
    case "duration":
      return (
        /\b(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|a few)\s*(days?|weeks?|months?|years?|working days)\b/i.test(
          answer,
        ) ||
        /((?<![\d月])\d{1,3}|(?<![〇零一二三四五六七八九月])[一二三四五六七八九十兩幾]{1,3})\s*(日|天|星期|週|個月|年)/.test(
          answer,
        )
      );
    case "frequency":
      return (
        /\b(quarterly|annual(ly)?|yearly|monthly|weekly|daily|every|each|once|twice|times a|per (year|month|quarter))\b/i.test(
          answer,
        ) || /每|一次|一度|兩次|两次|季度|季|年度|定期/.test(answer)
      );
    case "money":
      return /(HK\$|US\$|\$|HKD|USD|RMB|港元|港幣|美元|元|蚊)\s*\d|\d\s*(HKD|USD|港元|元|蚊|dollars?)/i.test(answer);
    case "contact":
      return /@|\+?\d[\d\s-]{7,}\d|https?:\/\/|www\./.test(answer);
    case "change":
      return CHANGE_SAID.test(answer);
    case "origin":
      return REASON.test(answer);
    case "lastyear":
      return LAST_YEAR_SAID.test(answer);
    case "figure": {
      // "…50 seats, right?" is checked by a number of seats, not by "four a year".
      const unit = FIGURE_COUNTED.exec(question.toLowerCase())?.[1]?.replace(/s$/, "");
      if (!unit) return FIGURE_GIVEN.test(answer);
      return new RegExp(`(?:${FIGURE_GIVEN.source})[\\d,.]*\\s+(?:[a-z-]+\\s+)?${unit}`, "i").test(answer);
    }
    case "age":
      return /\b(age|aged|years old|under \d+|over \d+)\b|歲|年齡|年紀/i.test(answer);
    case "licence":
      return /\blicen[cs]\w*\b|牌照|發牌|許可/i.test(answer);
    case "procedure":
      return APPLY_SAID.test(answer);
    case "eligibility":
      return (
        /\b(?:eligib\w*|open to|anyone|everyone|members only|only members|non-?members|must (?:have|be))\b|合資格|合资格|資格|资格|任何人|所有人|開放給|开放给|只限|必須|必须/i.test(
          answer,
        ) ||
        // "…or does it favour a particular kind of person?": whom it favours, when that is asked.
        (FAVOUR.test(question) && FAVOUR.test(answer))
      );
    case "names": {
      // Several names asked for ("哪些措施", "which banks") are given as a list, not one name in passing.
      // Firms, banks or charities asked for are not named by a city ("which firms were they placed
      // with?" is not answered by "…whereas Singapore adopts more aggressive incentives for crypto firms").
      // (Nor by a city's own word: "mainland China's FinTech influence" names no firm, "Singapore's DBS
      // Bank" does.)
      const placeOnly = (n: string) => {
        const [, place = n, own] = /^(.*?)['’]s\s+(.*)$/u.exec(n) ?? [];
        return PLACE.test(place) && (own === undefined || (!/\s/.test(own) && !/^[A-Z0-9&]{2,}$/.test(own)));
      };
      const names = newNames(answer, question).filter((n) => !(ORGANISATIONS_ASKED.test(question) && placeOnly(n)));
      return names.length > 0 && (!PLURAL_ASKED.test(question) || enumerates(answer));
    }
    case "list":
      return enumerates(answer);
    case "name": {
      // A full name in brackets answers "what is QMAS's full name?"; any other name must be introduced as one.
      // A full name spelt out next to its acronym ("Quality Migrant Admission Scheme, QMAS").
      const fullName = /full name|stand for|英文全名|全名|英文名|全稱/i.test(question);
      // ("Financial Services and the Treasury Bureau (FSTB)": connectives, one or several, are no initials.)
      const spelt = [...answer.matchAll(/([A-Z][a-z]+(?:(?:\s+(?:of|the|and|for))*\s+[A-Z][a-z]+)+)/g)].some((m) => {
        // ("The Quality Migrant Admission Scheme (QMAS)": the article is no part of the name.)
        const initials = (m[1] ?? "")
          .replace(/^The\s+/, "")
          .split(/\s+/)
          .filter((w) => /^[A-Z]/.test(w))
          .map((w) => w[0])
          .join("");
        return initials.length >= 3 && answer.includes(initials) && !question.includes(m[1] ?? "");
      });
      // "distributed ledger technologies (DLT)": a name in lower case, its initials in brackets after it.
      const spaced =
        spelt ||
        [...answer.matchAll(/\b((?:[a-z]+\s+){1,5}[a-z]+)\s*[（(]\s*([A-Z]{2,6})\b/g)].some(
          ([, words = "", acronym = ""]) =>
            words
              .split(/\s+/)
              .slice(-acronym.length)
              .map((w) => w[0])
              .join("") === acronym.toLowerCase(),
        );
      // "What is BAHK's full name?" in English: only a name spelt out with its initials answers it (not
      // the full name of a person quoted), and the initials asked of, where the question gives them.
      // (A person's full name, "what was his full name again?", is no name of initials.)
      if (
        /\bfull (?:name|form)\b/i.test(question) &&
        !/\b(?:his|her|he|she|mr|mrs|ms|dr|who)\b/i.test(question) &&
        !/[\u4e00-\u9fff]/u.test(question)
      ) {
        const initials = question.match(/\b[A-Z]{2,6}\b/g) ?? [];
        return spaced && (initials.length === 0 || initials.some((i) => answer.includes(i)));
      }
      return (
        (fullName && spaced) ||
        /\b(called|named|known as|dubbed)\b|名為|叫做|稱為/.test(answer) ||
        headedName(answer, question) ||
        quotedName(answer, question)
      );
    }
    case "quantity": {
      // "十分" is "very", not ten; a year ("first launched in 2006") or a date counts nothing.
      const counts = answer
        .replace(/\b(?:1[89]|20)\d\d\b|(?:1[89]|20)\d\d\s*年/g, " ")
        .replace(/\d{1,2}\s*月\s*\d{1,2}\s*日/g, " ")
        .replace(new RegExp(`${MONTH.source}\\s+\\d{1,2}\\b`, "gi"), " ")
        .replace(/十分/g, "");
      // A pass mark ("the minimum score to pass", "合格分數") is not a bonus of 30 points.
      if (PASS_MARK.test(question) && !PASS_MARK_TEXT.test(answer)) return false;
      if (COUNTED_UNITS.some((u) => u.asked.test(question) && !u.given.test(answer))) return false;
      return /\d/.test(counts) || EN_NUMBER.test(counts) || ZH_NUMBER.test(counts);
    }
    case "date":
      return (
        /\b(1[89]\d\d|20\d\d)\b/.test(answer) ||
        MONTH_NAMED.test(answer) ||
        // A year by its number (2006年, 二〇〇六年), a month or a day: not 一年一度 (once a year).
        /\d\s*年|[〇○零][〇○零一二三四五六七八九]*年|(\d|[一二三四五六七八九十])\s*(月|日)/.test(answer) ||
        // ("When was the declaration issued?" asks when, not for the day: "which date?" is not answered so.)
        (!DAY_ASKED.test(question) && duringUnnamedEvent(answer, question))
      );
    case "time":
      return (
        /\b(1[89]\d\d|20\d\d)\b/.test(answer) ||
        MONTH_NAMED.test(answer) ||
        /\b(quarterly|annual(ly)?|monthly|weekly|daily|every (year|quarter|month|week)|each (year|quarter))\b/i.test(
          answer,
        ) ||
        /(\d|[一二三四五六七八九十])\s*(年|月|日)|每季|每年|每月|季度/.test(answer) ||
        duringUnnamedEvent(answer, question)
      );
    case "place": {
      // "Where is FinTech Week held?" is not answered by a text naming FinTech Week: a place word counts
      // only outside the words the question itself has (金融科技周 for 今年金融科技周喺邊度舉行).
      const lower = question.toLowerCase();
      for (const m of answer.matchAll(PLACE_WORDS)) {
        const at = m.index ?? 0;
        const word = m[0].toLowerCase();
        const own = /[a-z]/.test(word)
          ? new RegExp(`\\b${word}\\b`).test(lower)
          : lower.includes(answer.slice(Math.max(0, at - 2), at + word.length));
        if (!own) return true;
      }
      return false;
    }
    case "recipient":
      return RECIPIENTS.test(answer);
    case "role": {
      // "Who chairs the association?" is not answered by the chairman of a government commission,
      // nor by its goal of nurturing young "leaders": a role named in the question is named in the answer.
      const named = ROLE_FAMILIES.filter(([asked]) => asked.test(question));
      return (
        ROLE_WORDS.test(answer) &&
        (!(ASSOCIATION.test(question) || ASSOCIATION_POST.test(question)) || ASSOCIATION.test(answer)) &&
        named.every(([, said]) => said.test(answer))
      );
    }
  }
}
