/**
 * The curated answers' file, `knowledge/curated.json`: read at start, written
 * whole on every change (to a temporary file, then renamed, so a crash never
 * leaves half a file). The knowledge folder stays the source of truth and is
 * what backups and exports of the knowledge take.
 */
import { readFile, rename, stat, writeFile } from "node:fs/promises";
import { z } from "zod";
import type { CuratedEntry, CuratedFile } from "../core/faq/curated.ts";

const entrySchema = z.object({
  id: z.string().min(1),
  questions: z.array(z.string()),
  answer: z.object({ en: z.string(), "zh-HK": z.string() }),
  source: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  withdrawn: z.boolean().optional(),
});
const fileSchema = z.object({ $comment: z.string().optional(), entries: z.array(entrySchema) });

const COMMENT =
  "Answers written by the organisers in the dashboard (Knowledge gaps) to questions the documents did not cover. Edit or withdraw them there.";

/** A {@link CuratedFile} on disk; a missing file is no entries. */
export class CuratedJsonFile implements CuratedFile {
  constructor(private readonly path: string) {}

  async load(): Promise<CuratedEntry[]> {
    let raw: string;
    try {
      raw = await readFile(this.path, "utf8");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw e;
    }
    return fileSchema.parse(JSON.parse(raw)).entries.map(({ withdrawn, ...e }) => ({
      ...e,
      ...(withdrawn === undefined ? {} : { withdrawn }),
    }));
  }

  async stamp(): Promise<string> {
    try {
      const s = await stat(this.path);
      return `${s.mtimeMs}:${s.size}`;
    } catch {
      return "absent";
    }
  }

  async save(entries: readonly CuratedEntry[]): Promise<void> {
    const tmp = `${this.path}.${process.pid}.tmp`;
    await writeFile(tmp, `${JSON.stringify({ $comment: COMMENT, entries }, null, 2)}\n`, "utf8");
    await rename(tmp, this.path);
  }
}
