/**
 * Checks that an answer is of the kind the question asks for. Retrieval finds
 * the passage that shares the most with a question, but "When was the
 * association founded?" shares a lot with the association's goals, which say
 * nothing about a date. A question that asks for a time, a number, a place or
 * a person in a role is answered only when the chosen text has one; questions
 * for live prices or investment advice are never answered from documents.
 */

/** What kind of answer a question expects, or why it cannot be answered from documents. */
export type Expectation = "date" | "time" | "quantity" | "place" | "role" | "advice" | "none";

const EN_NUMBER =
  /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|thousand|million|billion)\b/i;
const ZH_NUMBER = /[一二三四五六七八九十百千萬億兩]/;

const ROLE_WORDS =
  /\b(chair(?:man|woman|person)?|founder|founded|co-?founder|president|vice[- ]president|ceo|chief|director|secretary|head|leader|convenor|commissioner|minister|officer)\b|主席|創辦|創立|會長|總裁|司長|局長|秘書|總監|負責人/i;

/** The kind of answer a question asks for. */
export function expectation(question: string): Expectation {
  const q = question.toLowerCase();
  if (
    /\b(price|prices|worth|market cap|exchange rate)\b.*\b(now|today|currently|right now|current)\b|\b(current|today'?s|latest)\b.*\bprice\b|\bprice of (bitcoin|btc|eth|ether|crypto)/.test(
      q,
    ) ||
    /\b(should i|shall i)\b.*\b(buy|sell|invest|hold|trade)\b|\b(best|top|safest|cheapest)\b.*\b(exchange|coin|token|crypto|wallet|broker|investment)s?\b|\b(recommend|suggest)\b.*\b(coin|token|exchange|wallet|investment)s?\b|\bwill\b.*\b(go up|go down|rise|fall|crash|moon)\b/.test(
      q,
    ) ||
    /(現價|價格|幣價|應該買|應唔應該買|推介|推薦).*(幣|交易所|加密|比特)|(比特幣|以太幣).*(價|幾錢)/.test(question)
  ) {
    return "advice";
  }
  if (/\bhow (many|much)\b|\bnumber of\b|多少|幾多|幾個|幾錢|幾位/.test(q)) return "quantity";
  // "When was it founded?" asks for a date; "When are townhalls held?" may be answered by "quarterly".
  if (
    /\bwhen (was|were|did|had)\b|\b(what|which) year\b|\bsince when\b|\bhow long ago\b|哪一年|邊一年|哪年|幾時成立|何時成立|成立於/.test(
      q,
    )
  )
    return "date";
  if (
    /\bwhen\b|\bwhat (year|date|time)\b|\bwhich year\b|\bsince when\b|幾時|何時|哪一年|邊一年|哪年|甚麼時候|什麼時候/.test(
      q,
    )
  )
    return "time";
  if (/\bwhere (is|are|was|were)\b|\baddress\b|\blocated\b|\boffice\b|地址|喺邊度|在哪裡|在哪|辦公室/.test(q))
    return "place";
  if (/\bwho\b|\bwhom\b|邊個|誰/.test(q) && ROLE_WORDS.test(q)) return "role";
  return "none";
}

/** Whether an answer text has what the question expects. */
export function satisfies(expect: Expectation, answer: string): boolean {
  switch (expect) {
    case "none":
      return true;
    case "advice":
      return false;
    case "quantity":
      return /\d/.test(answer) || EN_NUMBER.test(answer) || ZH_NUMBER.test(answer);
    case "date":
      return (
        /\b(1[89]\d\d|20\d\d)\b/.test(answer) ||
        /\b(january|february|march|april|may|june|july|august|september|october|november|december)\b/i.test(answer) ||
        /(\d|[一二三四五六七八九十])\s*(年|月|日)/.test(answer)
      );
    case "time":
      return (
        /\b(1[89]\d\d|20\d\d)\b/.test(answer) ||
        /\b(january|february|march|april|may|june|july|august|september|october|november|december)\b/i.test(answer) ||
        /\b(quarterly|annual(ly)?|monthly|weekly|daily|every (year|quarter|month|week)|each (year|quarter))\b/i.test(
          answer,
        ) ||
        /(\d|[一二三四五六七八九十])\s*(年|月|日)|每季|每年|每月|季度/.test(answer)
      );
    case "place":
      return /\b(road|street|floor|building|tower|centre|center|plaza|district|located at|address)\b|路|街|樓|大廈|中心|地址/i.test(
        answer,
      );
    case "role":
      return ROLE_WORDS.test(answer);
  }
}
