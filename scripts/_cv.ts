import { openAsker } from "../src/cli/asker.ts";
import { loadConfig } from "../src/config/index.ts";
import { createLogger } from "../src/logging.ts";
const asker = await openAsker(loadConfig(), createLogger("error"));
const convs = process.argv.slice(2).join(" ").split(" ### ");
let k = 0;
for (const c of convs) {
  const m = `m${k++}`;
  for (const t of c.split(" || ")) {
    const r = await asker.ask(t.trim(), m);
    console.log(`> ${t.trim()}\n  [${r.answered ? "ANS" : "DECL"} ${r.confidence.toFixed(2)}${r.intent ? " " + r.intent : ""}] ${r.text.replace(/\n/g, " ⏎ ").slice(0, 400)}`);
  }
  console.log("---");
}
await asker.close();
