/**
 * Poll results per platform and combined, as the dashboard charts them: in the key-value store
 * and in the SQL records (SQLite, and PostgreSQL when it answers).
 */
import { afterAll, describe, expect, it } from "vitest";
import type { Services } from "../../src/core/feature.ts";
import { serviceRepos } from "../../src/dashboard/repos.ts";
import { sqlRecords } from "../../src/storage/sql/index.ts";
import { agendaDriver, ExactEmbedder } from "../agenda/driver.ts";
import { member } from "../helpers/services.ts";
import { dialects } from "../storage/sql/dialects.ts";

type Driver = ReturnType<typeof agendaDriver>;

async function vote(d: Driver) {
  await d.openTownhall();
  await d.proposeTopic(member("t1", "telegram"), "Stablecoin licensing");
  await d.proposeTopic(member("d1", "discord"), "Tokenised deposits");
  await d.say(d.org, "/townhall poll");
  await d.say(member("t1", "telegram"), "/pollvote 1");
  await d.say(member("t2", "telegram"), "/pollvote 1 2");
  await d.say(member("d1", "discord"), "/pollvote 2");
  const repos = serviceRepos(d.services as Services);
  const th = await repos.agenda.openOne();
  const poll = th ? await repos.polls.openPoll(th.id) : undefined;
  if (!poll) throw new Error("no poll");
  return { combined: await repos.polls.tally(poll), per: await repos.polls.tallyByPlatform?.(poll) };
}

const expected = {
  combined: { counts: [2, 2], voters: 3 },
  per: { telegram: { counts: [2, 1], voters: 2 }, discord: { counts: [0, 1], voters: 1 } },
};

describe("poll results per platform", () => {
  it("in the key-value store", async () => {
    expect(await vote(agendaDriver({ embedder: new ExactEmbedder() }))).toEqual(expected);
  });
});

for (const dialect of await dialects()) {
  describe(`poll results per platform: ${dialect.name}`, () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const c of cleanups) await c();
    });
    it("in the SQL records", async () => {
      const f = await dialect.fresh();
      cleanups.push(async () => {
        await f.records.close();
        await f.remove();
      });
      const d = agendaDriver({ embedder: new ExactEmbedder(), records: (deps) => sqlRecords(f.records, deps) });
      expect(await vote(d)).toEqual(expected);
    });
  });
}
