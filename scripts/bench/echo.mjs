/**
 * The minimal echo bot the adapters' benchmark measures the bot against, run in a process of its
 * own as the bot is: `node scripts/bench/echo.mjs telegram|discord <api root>`. Each text message
 * is answered with its own text, through the same client library the bot uses. SIGTERM stops it.
 */
import { Client, Events, GatewayIntentBits, Partials } from "discord.js";
import { Telegraf } from "telegraf";

const [platform, api] = process.argv.slice(2);
if (platform === "telegram") {
  const echo = new Telegraf("1:BENCH", { telegram: { apiRoot: api } });
  echo.on("message", (ctx) => ctx.reply("text" in ctx.message ? ctx.message.text : "?"));
  void echo.launch();
  process.once("SIGTERM", () => {
    echo.stop();
    process.exit(0);
  });
} else if (platform === "discord") {
  const echo = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    rest: { api },
  });
  echo.on(Events.MessageCreate, async (m) => {
    const ch = await echo.channels.fetch(m.channelId);
    if (ch?.isSendable()) await ch.send(m.content || "?");
  });
  await echo.login("BENCH.TOKEN.X");
  process.once("SIGTERM", () => void echo.destroy().finally(() => process.exit(0)));
} else {
  process.stderr.write("usage: echo.mjs telegram|discord <api root>\n");
  process.exit(2);
}
