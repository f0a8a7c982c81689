import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.ts";

describe("loadConfig", () => {
  it("has working defaults with an empty environment", () => {
    const c = loadConfig({});
    expect(c.STORAGE_URL).toBeUndefined();
    expect(c.AGENDA_MODERATION).toBe("review");
    expect(c.CONSOLE_ORGANISER).toBe(false);
    expect(c.dataDir.endsWith("data")).toBe(true);
  });

  it("parses lists and switches, and names every wrong setting", () => {
    const c = loadConfig({ TELEGRAM_ORGANISER_IDS: "1, 2 3", CONSOLE_ORGANISER: "true", STORAGE_URL: " " });
    expect(c.TELEGRAM_ORGANISER_IDS).toEqual(["1", "2", "3"]);
    expect(c.CONSOLE_ORGANISER).toBe(true);
    expect(c.STORAGE_URL).toBeUndefined();
    // A switch that is on by default is off only when said so.
    expect(loadConfig({}).KNOWLEDGE_THREAD).toBe(true);
    expect(loadConfig({ KNOWLEDGE_THREAD: " " }).KNOWLEDGE_THREAD).toBe(true);
    expect(loadConfig({ KNOWLEDGE_THREAD: "off" }).KNOWLEDGE_THREAD).toBe(false);
    expect(loadConfig({ CONSOLE_ORGANISER: "off" }).CONSOLE_ORGANISER).toBe(false);
    expect(() => loadConfig({ AGENDA_MODERATION: "maybe", DONATION_RETENTION_DAYS: "-1" })).toThrow(
      /AGENDA_MODERATION[\s\S]*DONATION_RETENTION_DAYS/,
    );
  });
});
