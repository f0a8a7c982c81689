/**
 * The whole bot as `npm start` builds it (store, records and their migrations, knowledge,
 * features) over a data directory that already holds them, until it has answered one question.
 * Its own file, so that what it loads is the bot's and not the benchmark's.
 *
 * Usage: node --import tsx scripts/bench/ready-probe.ts <knowledgeDir> <dataDir>
 */
import { loadConfig } from "../../src/config/index.ts";
import { startApp } from "../../src/start.ts";

const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const [knowledgeDir = "knowledge", dataDir = "data"] = process.argv.slice(2);
const config = loadConfig({ ...process.env, DATA_DIR: dataDir, KNOWLEDGE_DIR: knowledgeDir });
const app = await startApp(config, quiet);
await app.bot.handle({
  kind: "text",
  member: { id: "console:probe", platform: "console", platformUserId: "probe", displayName: "Probe" },
  chat: { id: "console:dm:probe", type: "private" },
  text: "What is QMAS?",
});
process.stdout.write(`ready ${process.resourceUsage().maxRSS}\n`);
await app.close();
