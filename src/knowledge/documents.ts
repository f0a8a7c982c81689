/**
 * Loading of the knowledge folder: Markdown documents with front matter,
 * split into passages by section, and the curated FAQ (faq.json).
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { Lang } from "../core/types.ts";
import type { ThesaurusGroup } from "./text.ts";

/** A passage: one section of one document, the unit of retrieval and citation. */
export interface Passage {
  /** `<path>#<n>`. */
  readonly id: string;
  readonly title: string;
  /** Path of the document relative to the knowledge folder. */
  readonly path: string;
  readonly section: string;
  readonly text: string;
  /** The language the passage is written in. */
  readonly lang: Lang;
  /** Ordinal of the section in its document: a translation's section n is the original's section n. */
  readonly sectionIndex: number;
}

/** A parsed Markdown document. */
export interface KnowledgeDoc {
  readonly path: string;
  readonly title: string;
  readonly source: string;
  readonly lang: Lang;
  /** For a translation (front matter `translation_of`), the path of the original it follows section by section. */
  readonly translationOf?: string;
  readonly passages: readonly Passage[];
}

const bilingual = z.object({ en: z.string().min(1), "zh-HK": z.string().min(1) });
const entrySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,32}$/),
  doc: z.string().min(1),
  section: z.string().min(1),
  q: z.object({ en: z.array(z.string().min(3)).min(1), "zh-HK": z.array(z.string().min(2)).min(1) }),
  a: bilingual,
});
const faqSchema = z.object({ entries: z.array(entrySchema).min(1) });

/** A curated FAQ entry. `doc` is a document path, or `bot` for entries about the bot itself. */
export type FaqEntry = z.infer<typeof entrySchema>;

/** Reads `title:` and `source:` from a `---` front matter block. */
function frontMatter(raw: string): { meta: Record<string, string>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n?/.exec(raw);
  if (!m) return { meta: {}, body: raw };
  const meta: Record<string, string> = {};
  for (const line of (m[1] ?? "").split("\n")) {
    const kv = /^([A-Za-z_]+):\s*(.*)$/.exec(line);
    if (kv?.[1]) meta[kv[1]] = (kv[2] ?? "").replace(/^"(.*)"$/, "$1").replace(/\\"/g, '"');
  }
  return { meta, body: raw.slice(m[0].length) };
}

/** Splits a Markdown document into passages at `##` headings (long sections at paragraph boundaries). */
export function parseMarkdown(path: string, raw: string, maxChars = 1200): KnowledgeDoc {
  const { meta, body } = frontMatter(raw.replace(/\r\n?/g, "\n"));
  const h1 = /^#\s+(.+)$/m.exec(body)?.[1]?.trim();
  const title = meta.title ?? h1 ?? path;
  const lang: Lang = meta.lang === "zh-HK" ? "zh-HK" : "en";
  const passages: Passage[] = [];
  let section = title;
  let sectionIndex = 0;
  let paras: string[] = [];
  const flush = () => {
    let chunk: string[] = [];
    const emit = () => {
      if (chunk.length === 0) return;
      passages.push({
        id: `${path}#${passages.length}`,
        title,
        path,
        section,
        text: chunk.join("\n\n"),
        lang,
        sectionIndex,
      });
      chunk = [];
    };
    for (const p of paras) {
      if (chunk.length > 0 && [...chunk, p].join("\n\n").length > maxChars) emit();
      chunk.push(p);
    }
    emit();
    paras = [];
  };
  for (const block of body.split(/\n\s*\n/)) {
    const b = block.trim();
    if (!b) continue;
    const heading = /^(#{1,6})\s+(.+)$/.exec(b.split("\n")[0] ?? "");
    if (heading) {
      flush();
      if ((heading[1] ?? "").length === 2) sectionIndex++;
      section = (heading[2] ?? "").trim();
      const rest = b.split("\n").slice(1).join(" ").trim();
      if (rest) paras.push(rest);
      continue;
    }
    paras.push(b.replace(/\s*\n\s*/g, " "));
  }
  flush();
  return {
    path,
    title,
    source: meta.source ?? "",
    lang,
    ...(meta.translation_of ? { translationOf: meta.translation_of } : {}),
    passages,
  };
}

/** Parses and validates faq.json. */
export function parseFaq(raw: string): FaqEntry[] {
  const parsed = faqSchema.parse(JSON.parse(raw));
  const ids = new Set<string>();
  for (const e of parsed.entries) {
    if (ids.has(e.id)) throw new Error(`duplicate FAQ id ${e.id}`);
    ids.add(e.id);
  }
  return parsed.entries;
}

const thesaurusSchema = z.object({
  groups: z.array(
    z.object({
      canonical: z.string().regex(/^[a-z][a-z0-9]*$/),
      terms: z.array(z.string().min(1)),
      /** A name (a city, a bank, an authority): a question naming it is answered only by a text that does. */
      entity: z.boolean().optional(),
    }),
  ),
});

/** Everything in the knowledge folder, plus a content hash of it. */
export interface KnowledgeFiles {
  readonly docs: readonly KnowledgeDoc[];
  readonly faq: readonly FaqEntry[];
  /** Terms that mean the same (thesaurus.json), read as one word everywhere. */
  readonly thesaurus: readonly ThesaurusGroup[];
  readonly hash: string;
}

/** Reads the knowledge folder: every `*.md` document and `faq.json` (optional). */
export function loadKnowledgeFiles(dir: string): KnowledgeFiles {
  const names = readdirSync(dir)
    .filter((n) => n.endsWith(".md") || n === "faq.json" || n === "thesaurus.json")
    .sort();
  const h = createHash("sha256");
  const docs: KnowledgeDoc[] = [];
  let faq: FaqEntry[] = [];
  let thesaurus: ThesaurusGroup[] = [];
  for (const name of names) {
    const raw = readFileSync(join(dir, name), "utf8");
    h.update(name).update("\0").update(raw).update("\0");
    if (name === "faq.json") faq = parseFaq(raw);
    else if (name === "thesaurus.json")
      thesaurus = thesaurusSchema
        .parse(JSON.parse(raw))
        .groups.map(({ entity, ...g }) => (entity ? { ...g, entity } : g));
    else if (name.toLowerCase() !== "readme.md") docs.push(parseMarkdown(name, raw));
  }
  const paths = new Set(docs.map((d) => d.path));
  for (const d of docs) {
    if (d.translationOf && !paths.has(d.translationOf))
      throw new Error(`${d.path} translates unknown document ${d.translationOf}`);
  }
  for (const e of faq) {
    if (e.doc !== "bot" && !paths.has(e.doc)) throw new Error(`FAQ entry ${e.id} cites unknown document ${e.doc}`);
  }
  return { docs, faq, thesaurus, hash: h.digest("hex") };
}
