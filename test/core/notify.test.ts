import { describe, expect, it } from "vitest";
import { NotifierHub } from "../../src/core/notify.ts";
import { organiserPolicy } from "../../src/core/policy.ts";
import { text } from "../../src/core/replies.ts";
import { MemoryLogger, member } from "../helpers/services.ts";

describe("NotifierHub", () => {
  it("routes to the member's platform, broadcasts to organisers, and survives a failing delivery", async () => {
    const logger = new MemoryLogger();
    const hub = new NotifierHub(logger);
    const got: string[] = [];
    hub.register("telegram", {
      toMember: async (id, r) => void got.push(`tg:${id}:${r.length}`),
      toOrganisers: async () => got.push("tg:orgs") > 0,
    });
    hub.register("discord", {
      toMember: async () => {
        throw new Error("403 cannot DM");
      },
      toOrganisers: async () => got.push("dc:orgs") > 0,
    });
    await hub.toMember("telegram:42", [text("hi")]);
    await hub.toMember("discord:7", [text("hi")]);
    await hub.toMember("console:local", [text("hi")]);
    await hub.toOrganisers([text("new offer")]);
    expect(got.sort()).toEqual(["dc:orgs", "tg:42:1", "tg:orgs"]);
    expect(logger.lines.map((l) => l.msg)).toEqual(["notification failed", "no delivery for member's platform"]);
  });
});

describe("organiserPolicy", () => {
  it("recognises organisers by platform id, Discord role and the console switch", () => {
    const p = organiserPolicy({
      consoleOrganiser: false,
      telegramIds: ["1"],
      discordIds: ["2"],
      discordRoleIds: ["r"],
    });
    expect(p.isOrganiser(member("1", "telegram"))).toBe(true);
    expect(p.isOrganiser(member("2", "telegram"))).toBe(false);
    expect(p.isOrganiser(member("2", "discord"))).toBe(true);
    expect(p.isOrganiser(member("3", "discord", { roles: ["x", "r"] }))).toBe(true);
    expect(p.isOrganiser(member("3", "discord", { roles: ["x"] }))).toBe(false);
    expect(p.isOrganiser(member("local"))).toBe(false);
  });
});

describe("a notice with nowhere to go", () => {
  it("reports that it reached no organiser, and the member is told so honestly", async () => {
    const logger = new MemoryLogger();
    const hub = new NotifierHub(logger);
    hub.register("telegram", { toMember: async () => {}, toOrganisers: async () => false });
    expect(await hub.toOrganisers([])).toBe(false);
    expect(logger.lines.some((l) => l.level === "error")).toBe(true);
    hub.register("discord", { toMember: async () => {}, toOrganisers: async () => true });
    expect(await hub.toOrganisers([])).toBe(true);
  });
});
