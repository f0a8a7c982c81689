/**
 * The agenda's size without counting it: each townhall carries how many of
 * its topics are on the agenda (`approved_topics`), which `/agenda` shows and
 * pages by. Counting them read every topic of the townhall (100,000 topics:
 * 12-68 ms on PostgreSQL, most of a page's time). The database keeps it:
 * triggers on `topics` follow every insert, delete and change of `approved`
 * or `townhall_id`, whichever code path makes them (decisions, merges,
 * erasure, imports). Existing rows are counted once here, and imports, which
 * restore rows as they were, count again after.
 */
import type { Kysely, Migration } from "kysely";
import type { SqlKind } from "../kind.ts";
import { sql } from "../kysely.ts";

/** Recounts every townhall's topics on the agenda from the rows (after imports, which restore rows as they were). */
export async function recountAgendaSizes(db: Kysely<unknown>): Promise<void> {
  await sql`update townhalls set approved_topics =
      (select count(*) from topics t where t.townhall_id = townhalls.id and t.approved = 1)`.execute(db);
}

/** Builds the migration for one SQL dialect. */
export function agendaSizes0008(kind: SqlKind): Migration {
  return {
    async up(db) {
      await db.schema
        .alterTable("townhalls")
        .addColumn("approved_topics", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
      await recountAgendaSizes(db);
      if (kind === "postgres") {
        // Inserts and deletes once per statement, from its transition table: an import or a
        // townhall's deletion moves the count once, not once per topic (each an update of the
        // townhall's row, which PostgreSQL would keep as a dead version until vacuumed).
        for (const [name, rows, sign] of [
          ["topics_agenda_added", "added", "+"],
          ["topics_agenda_removed", "removed", "-"],
        ] as const) {
          await sql`create function ${sql.raw(name)}() returns trigger language plpgsql as $$
            begin
              update townhalls h set approved_topics = h.approved_topics ${sql.raw(sign)} c.n
              from (select townhall_id, count(*) as n from ${sql.raw(rows)} where approved = 1 group by townhall_id) c
              where h.id = c.townhall_id;
              return null;
            end $$`.execute(db);
        }
        await sql`create trigger topics_agenda_insert after insert on topics
          referencing new table as added for each statement execute function topics_agenda_added()`.execute(db);
        await sql`create trigger topics_agenda_delete after delete on topics
          referencing old table as removed for each statement execute function topics_agenda_removed()`.execute(db);
        // A change of a topic's place on the agenda (a decision), row by row, only where it changed.
        await sql`create function topics_agenda_changed() returns trigger language plpgsql as $$
          begin
            update townhalls set approved_topics = approved_topics - old.approved where id = old.townhall_id;
            update townhalls set approved_topics = approved_topics + new.approved where id = new.townhall_id;
            return null;
          end $$`.execute(db);
        await sql`create trigger topics_agenda_update after update of approved, townhall_id on topics for each row
          when (old.approved is distinct from new.approved or old.townhall_id is distinct from new.townhall_id)
          execute function topics_agenda_changed()`.execute(db);
        return;
      }
      await sql`create trigger topics_agenda_size_insert after insert on topics when new.approved = 1
        begin update townhalls set approved_topics = approved_topics + 1 where id = new.townhall_id; end`.execute(db);
      await sql`create trigger topics_agenda_size_delete after delete on topics when old.approved = 1
        begin update townhalls set approved_topics = approved_topics - 1 where id = old.townhall_id; end`.execute(db);
      await sql`create trigger topics_agenda_size_update after update of approved, townhall_id on topics
        when old.approved <> new.approved or old.townhall_id <> new.townhall_id
        begin
          update townhalls set approved_topics = approved_topics - old.approved where id = old.townhall_id;
          update townhalls set approved_topics = approved_topics + new.approved where id = new.townhall_id;
        end`.execute(db);
    },
    async down(db) {
      if (kind === "postgres") {
        for (const t of ["insert", "delete", "update"])
          await sql`drop trigger if exists ${sql.raw(`topics_agenda_${t}`)} on topics`.execute(db);
        for (const f of ["added", "removed", "changed"])
          await sql`drop function if exists ${sql.raw(`topics_agenda_${f}`)}()`.execute(db);
      } else {
        for (const t of ["insert", "delete", "update"])
          await sql`drop trigger if exists ${sql.raw(`topics_agenda_size_${t}`)}`.execute(db);
      }
      await db.schema.alterTable("townhalls").dropColumn("approved_topics").execute();
    },
  };
}
