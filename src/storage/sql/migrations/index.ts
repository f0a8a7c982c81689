/**
 * The versioned migrations of the records database, in order. Names sort in
 * the order they run; a released migration is never edited, only followed.
 */
import type { Migration, MigrationProvider } from "kysely";
import type { SqlKind } from "../kind.ts";
import { records0001 } from "./0001_records.ts";
import { counting0002 } from "./0002_counting_indexes.ts";
import { topicCounts0003 } from "./0003_topic_counts.ts";
import { questions0004 } from "./0004_questions.ts";
import { tallies0005 } from "./0005_tallies.ts";
import { questionDays0006 } from "./0006_question_days.ts";
import { pollChat0007 } from "./0007_poll_chat_notices.ts";
import { agendaSizes0008 } from "./0008_agenda_sizes.ts";

/** Kysely's static migration provider for one dialect. */
export function migrations(kind: SqlKind): MigrationProvider {
  const all: Record<string, Migration> = {
    "0001_records": records0001(kind),
    "0002_counting_indexes": counting0002,
    "0003_topic_counts": topicCounts0003,
    "0004_questions": questions0004(kind),
    "0005_tallies": tallies0005,
    "0006_question_days": questionDays0006,
    "0007_poll_chat_notices": pollChat0007(kind),
    "0008_agenda_sizes": agendaSizes0008(kind),
  };
  return { getMigrations: async () => all };
}
