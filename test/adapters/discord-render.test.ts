/** Core replies -> discord.js payloads: Discord's limits, escaping, and never a mention. */
import { describe, expect, it } from "vitest";
import {
  type DcOut,
  DISCORD_TEXT_LIMIT,
  embed,
  modalOf,
  renderReply,
  rows,
  split,
} from "../../src/adapters/discord/render.ts";
import { button, type FormReply, text } from "../../src/core/replies.ts";

const message = (o: DcOut | undefined) => {
  if (o?.kind !== "message") throw new Error(`expected a message, got ${o?.kind}`);
  return o;
};

describe("Discord render", () => {
  it("escapes member markup and forbids every mention", () => {
    const [out] = renderReply(text("**bold** `code` [x](http://evil) @everyone <@&123>\n# Title\n> quote"));
    const m = message(out);
    expect(m.payload.content).toBe(
      "\\*\\*bold\\*\\* \\`code\\` \\[x](http://evil) @everyone <@&123>\n\\# Title\n\\> quote",
    );
    expect(m.payload.allowedMentions).toEqual({ parse: [] });
    expect(m.private).toBe(false);
  });

  it("splits long text on line breaks into messages of at most 2,000 characters, buttons on the last", () => {
    const line = `${"word ".repeat(30).trim()}\n`;
    const outs = renderReply(text(line.repeat(100), { buttons: [button("x:y", "Go")] }));
    expect(outs.length).toBeGreaterThan(1);
    for (const o of outs) expect(message(o).payload.content?.length ?? 0).toBeLessThanOrEqual(DISCORD_TEXT_LIMIT);
    expect(outs.map((o) => message(o).payload.components?.length ?? 0)).toEqual([
      ...new Array(outs.length - 1).fill(0),
      1,
    ]);
    expect(outs.map((o) => message(o).payload.content).join("\n")).toBe(line.repeat(100));
  });

  it("never cuts an escape in two, even in one long line", () => {
    const parts = split(`${"a".repeat(1999)}\\*${"b".repeat(10)}`);
    expect(parts[0]).toBe("a".repeat(1999));
    expect(parts[1]?.startsWith("\\*")).toBe(true);
  });

  it("lays out up to 25 buttons in rows of 5, drops repeated and over-long ids", () => {
    const many = Array.from({ length: 23 }, (_, n) => button(`b:${n}`, `B${n}`));
    const r = rows([...many, button("b:0", "dup"), button("x".repeat(101), "long")]);
    expect(r.map((row) => row.components.length)).toEqual([5, 5, 5, 5, 3]);
    expect(r[0]?.components[0]).toMatchObject({ type: 2, custom_id: "b:0", label: "B0", style: 2 });
  });

  it("shows more than five choices (the 18 districts) as a select menu of options whose values are action ids", () => {
    const choices = Array.from({ length: 18 }, (_, n) => button(`don:f:district:${n}`, `District ${n}`));
    const [out] = renderReply({ type: "choice", prompt: "Which district?", choices, private: true });
    const m = message(out);
    const menu = m.payload.components?.[0]?.components[0];
    expect(menu?.type).toBe(3);
    expect(menu && "options" in menu ? menu.options.map((o) => o.value) : []).toEqual(choices.map((c) => c.id));
    expect(m.private).toBe(true);
    const few = renderReply({ type: "choice", prompt: "Yes?", choices: [button("a:y", "Yes"), button("a:n", "No")] });
    expect(message(few[0]).payload.components?.[0]?.components[0]?.type).toBe(2);
  });

  it("renders cards as embeds within Discord's limits, sources in the footer", () => {
    const e = embed({
      type: "card",
      title: "T".repeat(300),
      body: "B".repeat(5000),
      fields: Array.from({ length: 30 }, (_, n) => ({ label: `L${n}`, value: "V".repeat(2000) })),
      sources: [{ title: "Constitution", path: "c.md", section: "Art. 3" }],
    });
    expect(e.title?.length).toBe(256);
    expect(e.fields?.[0]?.value.length).toBe(1024);
    expect(e.description?.length).toBeGreaterThan(1000);
    expect(e.footer?.text).toBe("Constitution › Art. 3");
    const total =
      (e.title?.length ?? 0) +
      (e.description?.length ?? 0) +
      (e.footer?.text.length ?? 0) +
      (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
    expect(total).toBeLessThanOrEqual(6000);
    const small = embed({
      type: "card",
      title: "T",
      fields: Array.from({ length: 30 }, (_, n) => ({ label: `L${n}`, value: "v" })),
    });
    expect(small.fields).toHaveLength(25);
  });

  it("renders polls natively within Discord's limits", () => {
    const [out] = renderReply({
      type: "poll",
      pollId: "ag:P1",
      question: "Q".repeat(400),
      options: Array.from({ length: 12 }, (_, n) => `${n}`.repeat(60)),
      allowMultiple: false,
      durationHours: 2000,
      fallbackText: "",
    });
    if (out?.kind !== "poll") throw new Error("expected a poll");
    const p = out.payload.poll;
    expect(p?.question.text).toHaveLength(300);
    expect(p?.answers).toHaveLength(10);
    expect(p?.answers[0]?.text).toHaveLength(55);
    expect(p?.duration).toBe(768);
    expect(p?.allowMultiselect).toBe(false);
    expect(out.pollId).toBe("ag:P1");
  });

  it("attaches files from their text content", () => {
    const [out] = renderReply({
      type: "file",
      filename: "a.csv",
      mimeType: "text/csv",
      content: "x,y\n",
      private: true,
    });
    const m = message(out);
    expect(m.payload.files?.[0]?.name).toBe("a.csv");
    expect(m.payload.files?.[0]?.attachment).toEqual(Buffer.from("x,y\n"));
    expect(m.private).toBe(true);
  });

  it("turns a form of up to five fields into a modal, with choices as a select, and falls back otherwise", () => {
    const form: FormReply = {
      type: "form",
      formId: "don:form",
      title: "A very long title for a donation offer form, really",
      fields: [
        { name: "organisation", label: "Organisation", kind: "text", required: false, maxLength: 120 },
        { name: "description", label: "What", kind: "longtext", required: true },
        {
          name: "district",
          label: "District",
          kind: "choice",
          required: true,
          choices: [
            { value: "wch", label: "Wan Chai" },
            { value: "kc", label: "Kowloon City" },
          ],
        },
      ],
      fallbackText: "One question at a time",
      private: true,
    };
    const modal = modalOf(form);
    expect(modal?.custom_id).toBe("don:form");
    expect(modal?.title.length).toBeLessThanOrEqual(45);
    expect(modal?.components.map((c) => ("component" in c ? [c.label, c.component.type] : []))).toEqual([
      ["Organisation", 4],
      ["What", 4],
      ["District", 3],
    ]);
    const six = { ...form, fields: [...form.fields, ...form.fields].map((f, n) => ({ ...f, name: `f${n}` })) };
    expect(modalOf(six)).toBeUndefined();
    const [out] = renderReply(six);
    if (out?.kind !== "form") throw new Error("expected a form");
    expect(out.modal).toBeUndefined();
    expect(message(out.fallback[0]).payload.content).toBe("One question at a time");
  });
});
