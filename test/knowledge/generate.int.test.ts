/**
 * The whole bot with a language model: the real composition root pointed at
 * the fake OpenAI-compatible server (embeddings stay embedded). The model
 * answers from the retrieved passages with the member's previous question,
 * its citations become the card's sources, a question out of scope never
 * reaches it, a tool call starts the feature as the member's own command, and
 * every failure shows the embedded answer.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type App, buildApp } from "../../src/app.ts";
import { loadConfig } from "../../src/config/index.ts";
import type { Outcome } from "../../src/core/faq/index.ts";
import type { Reply } from "../../src/core/replies.ts";
import { MemoryStore } from "../../src/storage/memory.ts";
import { FakeOpenAIApi, textOf } from "../fakes/openai-api.ts";
import { dm, member, replyText } from "../helpers/services.ts";
import { quietLogger } from "./helpers.ts";

describe("answers from a language model, through the whole bot", () => {
  const api = new FakeOpenAIApi();
  const dataDir = mkdtempSync(join(tmpdir(), "bahk-llm-"));
  const outcomes: Outcome[] = [];
  let app: App;
  beforeAll(async () => {
    const baseURL = await api.start();
    const config = loadConfig({
      ...process.env,
      DATA_DIR: dataDir,
      OPENAI_API_KEY: "sk-test",
      OPENAI_BASE_URL: baseURL,
      OPENAI_EMBEDDING_MODEL: "",
      OPENAI_CHAT_MODEL: "tiny-chat",
      OPENAI_CHAT_TIMEOUT_MS: "1000",
    });
    app = await buildApp(config, quietLogger, { store: new MemoryStore(), onOutcome: (_c, o) => outcomes.push(o) });
  });
  afterAll(async () => {
    await app.close();
    await api.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  beforeEach(() => {
    api.queue.length = 0;
  });

  const say = (id: string, text: string) => {
    const m = member(id);
    return app.bot.handle({ kind: "text", member: m, chat: dm(m), text });
  };
  const card = (rs: readonly Reply[]) => rs.find((r) => r.type === "card");

  it("answers from the passages, cites them, and reads a follow-up with the previous question", async () => {
    api.queue.push({ content: "QMAS admits up to 1,000 people a year [1]." });
    const first = card(await say("m1", "What is QMAS?"));
    expect(first?.type === "card" && first.body).toBe("QMAS admits up to 1,000 people a year.");
    expect(first?.type === "card" && first.sources?.length).toBe(1);
    const data = textOf(api.last ?? { model: "", messages: [] }, "user");
    expect(data).toContain("[1] ");
    expect(data).toMatch(/Quality Migrant Admission Scheme/);
    expect(data).toContain("What is QMAS?");
    api.queue.push({ content: "Applicants need a bachelor's degree [1]." });
    await say("m1", "and who can apply?");
    const follow = textOf(api.last ?? { model: "", messages: [] }, "user");
    expect(follow).toMatch(/Earlier in this conversation[^\n]*What is QMAS\?/);
    expect(follow).toMatch(/Question:\nand who can apply\?/);
  });

  it("answers a Chinese question in Chinese, with full-width citations, and in Simplified for Simplified", async () => {
    api.queue.push({ content: "優才計劃每年名額為1,000人【1】。" });
    const zh = card(await say("zh1", "優才計劃是甚麼？"));
    expect(zh?.type === "card" && zh.body).toBe("優才計劃每年名額為1,000人。");
    api.queue.push({ content: "優才計劃每年名額為1,000人【1】。" });
    const hans = card(await say("zh2", "优才计划是什么？"));
    expect(hans?.type === "card" && hans.body).toBe("优才计划每年名额为1,000人。");
  });

  it("never asks the model about a question the documents clearly don't cover", async () => {
    const n = api.requests.length;
    const text = replyText(await say("m2", "What is the price of Bitcoin right now?"));
    expect(api.requests.length).toBe(n);
    expect(text).toMatch(/outside what I can help with/);
  });

  it("starts the donation form pre-filled when the model calls the tool with the member's words", async () => {
    api.queue.push({ toolCalls: [{ name: "start_donation_offer", arguments: '{"goods":"300 notebooks"}' }] });
    const n = api.requests.length;
    // Neither retrieval nor the intents settle this one: it reaches the model, offered only the tools.
    const replies = await say("m3", "who gets the collected stationery? 300 notebooks");
    expect(api.requests.length).toBe(n + 1);
    expect(replyText(replies)).toMatch(/300 notebooks, Stationery/);
    expect(outcomes.at(-1)).toMatchObject({ kind: "intent", intent: "donate" });
  });

  it.each([
    ["show_agenda", "{}", "/agenda"],
    ["erase_my_data", "{}", "/forgetme"],
    ["show_my_data", "{}", "/mydata"],
    ["propose_topic", '{"title":"collected stationery"}', "/propose collected stationery"],
  ])("runs the tool %s (%s) exactly as the member's own %s", async (tool, args, command) => {
    api.queue.push({ toolCalls: [{ name: tool, arguments: args }] });
    const n = api.requests.length;
    const viaModel = replyText(await say(`tool-${tool}`, "who gets the collected stationery? 300 notebooks"));
    expect(api.requests.length).toBe(n + 1);
    const typed = replyText(await say(`tool-${tool}`, command));
    expect(viaModel.replace(/\d+/g, "#")).toBe(typed.replace(/\d+/g, "#"));
  });

  it("hands the question to the organisers when the model calls hand_off_to_organisers", async () => {
    api.queue.push({ toolCalls: [{ name: "hand_off_to_organisers", arguments: "{}" }] });
    await say("m5", "who gets the collected stationery? 300 notebooks");
    expect(outcomes.at(-1)).toMatchObject({ kind: "intent", intent: "handoff", handoff: true });
    const questions = await app.services.store.list<{ text: string; forwarded?: boolean }>("faq.questions");
    expect(questions.some((q) => q.value.forwarded && q.value.text.includes("300 notebooks"))).toBe(true);
  });

  it.each([
    ["a 500", { fault: "500" as const }],
    ["a timeout", { fault: "timeout" as const }],
    ["a broken stream", { fault: "malformed" as const, content: "QMAS admits 1,000 a year [1]." }],
    [
      "a fabricated phishing citation",
      { content: "Verify your QMAS status at https://bahk-verify.xyz or call +852 9123 4567 [1]." },
    ],
  ])("shows the embedded answer after %s", async (_n, reply) => {
    api.queue.push(reply);
    const t0 = performance.now();
    const text = replyText(await say("m4", "What is QMAS?"));
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(text).toMatch(/Quality Migrant Admission Scheme[\s\S]*1,000/);
    expect(text).not.toMatch(/bahk-verify|9123/);
  });
});
