/** Log data of Discord failures: refusals by the API are told apart from failures to reach it. */
import { DiscordAPIError, HTTPError } from "discord.js";
import { describe, expect, it } from "vitest";
import { describeFailure } from "../../src/adapters/discord/discord.ts";

describe("Discord failure description", () => {
  it("reports a refusal with Discord's status and code", () => {
    const e = new DiscordAPIError(
      { message: "Cannot send messages to this user", code: 50007 },
      50007,
      403,
      "POST",
      "/channels/1/messages",
      {},
    );
    expect(describeFailure(e)).toMatchObject({ failure: "refused", status: 403, code: 50007, method: "POST" });
  });

  it("reports an HTTP failure without a Discord error body", () => {
    const e = new HTTPError(502, "Bad Gateway", "GET", "/gateway/bot", {});
    expect(describeFailure(e)).toMatchObject({ failure: "http", status: 502 });
  });

  it("reports network failures as such, and anything else as internal", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" });
    expect(describeFailure(new TypeError("fetch failed", { cause: refused }))).toMatchObject({
      failure: "network",
      code: "ECONNREFUSED",
    });
    expect(describeFailure(new Error("cannot send to Discord channel 5"))).toMatchObject({ failure: "internal" });
  });
});
