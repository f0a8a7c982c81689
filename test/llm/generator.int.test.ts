/**
 * The language-model generator through the real `openai` client against the
 * fake OpenAI-compatible server: what the prompt holds, citations mapped to
 * sources, tool calls turned into intents, and every failure falling back to
 * the embedded answer within the timeout plus one second.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { GenerationRequest } from "../../src/core/faq/generator.ts";
import type { Answer } from "../../src/core/ports.ts";
import { ChatModel } from "../../src/knowledge/llm/chat.ts";
import { LlmGenerator, MAX_ANSWER_CHARS, type PassageSource } from "../../src/knowledge/llm/generator.ts";
import { loadPrompts } from "../../src/knowledge/llm/prompts.ts";
import { FakeOpenAIApi, textOf } from "../fakes/openai-api.ts";
import { MemoryLogger } from "../helpers/services.ts";

const EMBEDDED: Answer = {
  answered: true,
  text: "QMAS sets an annual quota of 1,000 people.",
  sources: [{ title: "Talent article", path: "knowledge/talent.md", section: "Quota" }],
  confidence: 0.9,
  ref: "faq:qmas-quota",
};
const passages: PassageSource = {
  async find() {
    return {
      passages: [
        { n: 1, title: "Talent article", section: "Quota", text: EMBEDDED.text },
        {
          n: 2,
          title: "Talent article",
          section: "Who may apply",
          text: "Applicants need a degree and 2 years of work.",
        },
      ],
      sources: [
        EMBEDDED.sources[0] ?? { title: "", path: "" },
        { title: "Talent article", path: "knowledge/talent.md", section: "Who may apply" },
      ],
    };
  },
};
const TIMEOUT_MS = 1500;

describe("LlmGenerator against the fake model", () => {
  const api = new FakeOpenAIApi();
  let logger: MemoryLogger;
  let gen: LlmGenerator;
  beforeAll(async () => {
    const baseURL = await api.start();
    logger = new MemoryLogger();
    gen = new LlmGenerator({
      model: new ChatModel({ apiKey: "sk-test", baseURL, model: "tiny-chat" }),
      prompts: loadPrompts("prompts"),
      passages,
      commands: () => ["propose", "agenda", "donate", "help"],
      timeoutMs: TIMEOUT_MS,
      logger,
    });
  });
  afterAll(() => api.stop());
  beforeEach(() => {
    api.queue.length = 0;
  });

  const ask = (extra: Partial<GenerationRequest> = {}) =>
    gen.generate({
      question: "how many people can QMAS admit?",
      lang: "en",
      platform: "console",
      answer: EMBEDDED,
      ...extra,
    });

  it("sends the rules as system, and passages, conversation and question inside the data section", async () => {
    api.queue.push({ content: "Up to 1,000 people a year [1]." });
    const out = await ask({ previous: "what is QMAS?", earlier: ["tell me about the talent list"] });
    expect(out).toEqual({ kind: "answer", text: "Up to 1,000 people a year.", sources: [EMBEDDED.sources[0]] });
    const req = api.last;
    expect(req?.model).toBe("tiny-chat");
    expect(req?.auth).toBe("Bearer sk-test");
    expect(req?.stream).toBe(true);
    expect(textOf(req ?? { model: "", messages: [] }, "system")).toMatch(/Answer ONLY from the numbered passages/);
    const user = textOf(req ?? { model: "", messages: [] }, "user");
    const data = /<<<BEGIN DATA (\w+)>>>([\s\S]*)<<<END DATA \1>>>/.exec(user)?.[2] ?? "";
    expect(data).toContain("[1] Talent article › Quota\nQMAS sets an annual quota of 1,000 people.");
    expect(data).toContain("[2] Talent article › Who may apply");
    // The recent turns of the conversation, oldest first.
    expect(data.indexOf("tell me about the talent list")).toBeGreaterThan(-1);
    expect(data.indexOf("tell me about the talent list")).toBeLessThan(data.indexOf("what is QMAS?"));
    expect(data).toContain("how many people can QMAS admit?");
    expect(req?.tools?.map((t) => t.function.name)).toContain("start_donation_offer");
  });

  it("maps several citations to their sources, in order", async () => {
    api.queue.push({ content: "Applicants need a degree [2]; the quota is 1,000 [1]." });
    const out = await ask();
    expect(out.kind === "answer" && out.sources.map((s) => s.section)).toEqual(["Who may apply", "Quota"]);
  });

  it("turns a tool call into the intent it stands for, with the member's own words", async () => {
    api.queue.push({ toolCalls: [{ name: "start_donation_offer", arguments: '{"goods":"300 spare notebooks"}' }] });
    const out = await ask({ question: "we have 300 spare notebooks" });
    expect(out).toEqual({
      kind: "intent",
      intent: { name: "donate", command: "donate", args: true, score: 1 },
      words: "300 spare notebooks",
    });
  });

  it.each([
    ["timeout", { fault: "timeout" as const }],
    ["500", { fault: "500" as const }],
    ["malformed stream", { fault: "malformed" as const, content: "QMAS admits 1,000 people a year [1]." }],
    ["cut stream", { fault: "cut" as const, content: "QMAS admits 1,000 people a year [1]." }],
    ["refusal", { fault: "refusal" as const }],
    ["invalid tool call", { fault: "invalid-tool" as const }],
    [
      "tool words not the member's",
      { toolCalls: [{ name: "propose_topic", arguments: '{"title":"Free crypto at evil.xyz"}' }] },
    ],
    ["tool for another member", { toolCalls: [{ name: "show_my_data", arguments: '{"member":"telegram:42"}' }] }],
    ["not covered", { content: "NOT_COVERED" }],
    ["no citation", { content: "QMAS admits 1,000 people a year." }],
    ["unknown citation", { content: "QMAS admits 1,000 people a year [9]." }],
    ["invented phone", { content: "Call +852 9123 4567 to apply [1]." }],
    ["slow model", { content: "Up to 1,000 [1].", delayMs: TIMEOUT_MS + 2000 }],
  ])("falls back on %s, within the timeout plus one second, and logs why", async (_name, reply) => {
    api.queue.push(reply);
    const before = logger.lines.length;
    const t0 = performance.now();
    const out = await ask();
    expect(performance.now() - t0).toBeLessThan(TIMEOUT_MS + 1000);
    expect(out.kind).toBe("fallback");
    expect(logger.lines.slice(before).some((l) => l.level === "warn")).toBe(true);
  });

  it("bounds the answer's length per platform", async () => {
    const long = `${"QMAS sets an annual quota for talent admitted to Hong Kong. ".repeat(40)}[1]`;
    for (const platform of ["discord", "telegram", "console"] as const) {
      api.queue.push({ content: long, chunkChars: 200 });
      const out = await ask({ platform });
      expect(out.kind).toBe("answer");
      const text = out.kind === "answer" ? out.text : "";
      expect(text.length).toBeLessThanOrEqual(MAX_ANSWER_CHARS[platform]);
      expect(text.length).toBeGreaterThan(MAX_ANSWER_CHARS[platform] - 100);
      // What was streamed is the beginning of what is finally shown.
      api.queue.push({ content: long, chunkChars: 200 });
      let last = "";
      const streamed = await ask({
        platform,
        onPartial: (p) => {
          last = p;
        },
      });
      expect(last.length).toBeGreaterThan(0);
      expect(streamed.kind === "answer" && streamed.text.startsWith(last)).toBe(true);
    }
  });

  it("falls back at once when the model server cannot be reached", async () => {
    const down = new FakeOpenAIApi();
    const url = await down.start();
    await down.stop();
    const offline = new LlmGenerator({
      model: new ChatModel({ apiKey: "sk-test", baseURL: url, model: "tiny-chat" }),
      prompts: loadPrompts("prompts"),
      passages,
      commands: () => [],
      timeoutMs: TIMEOUT_MS,
      logger,
    });
    const t0 = performance.now();
    const out = await offline.generate({ question: "q", lang: "en", platform: "console", answer: EMBEDDED });
    expect(out.kind).toBe("fallback");
    expect(performance.now() - t0).toBeLessThan(TIMEOUT_MS);
  });

  it("asks a topical decline only for tools: a text answer keeps the decline", async () => {
    api.queue.push({ content: "I think it is 1,000 [1]." });
    const out = await ask({
      answer: { answered: false, text: "declined", sources: [], confidence: 0.2, topical: true },
    });
    expect(out.kind).toBe("fallback");
  });

  it("streams checked sentences as they arrive and stops at one that fails", async () => {
    const seen: string[] = [];
    api.queue.push({
      content: "QMAS admits up to 1,000 people a year [1]. Applicants need a degree [2]. Done [1].",
      chunkChars: 5,
    });
    const out = await ask({ onPartial: (s) => seen.push(s) });
    expect(seen[0]).toBe("QMAS admits up to 1,000 people a year.");
    expect(seen.at(-1)).toBe("QMAS admits up to 1,000 people a year. Applicants need a degree.");
    expect(out.kind).toBe("answer");
    const bad: string[] = [];
    api.queue.push({ content: "QMAS admits 1,000 people [1]. Pay at evil.xyz now [1]. More text [1].", chunkChars: 5 });
    expect((await ask({ onPartial: (s) => bad.push(s) })).kind).toBe("fallback");
    expect(bad.join("\n")).not.toContain("evil.xyz");
  });
});
