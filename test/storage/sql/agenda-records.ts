/** The agenda feature's driver over fresh SQL records of one dialect, for the records' agenda tests. */
import { sqlRecords } from "../../../src/storage/sql/index.ts";
import { agendaDriver, ExactEmbedder } from "../../agenda/driver.ts";
import type { Dialect } from "./dialects.ts";

/** A driver with review moderation over a fresh database of `dialect`, which `cleanups` closes and removes. */
export async function agendaOnSql(dialect: Dialect, cleanups: (() => Promise<void>)[]) {
  const f = await dialect.fresh();
  cleanups.push(async () => {
    await f.records.close();
    await f.remove();
  });
  const a = agendaDriver({
    embedder: new ExactEmbedder(),
    moderation: "review",
    records: (deps) => sqlRecords(f.records, deps),
  });
  const repo = a.records?.agenda;
  if (!repo) throw new Error("no records");
  return { a, repo, db: f.records.db };
}
