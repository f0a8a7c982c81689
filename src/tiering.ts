/**
 * How soon V8 compiles the running bot's code to optimised machine code. The bot's entry point
 * imports this module first, so the flags are set before the bot's own modules run; the knowledge's
 * worker thread starts later and has them too (they are the process's).
 *
 * By default V8 optimises a function once it has run about 66 KB of its bytecode (the interrupt
 * budget): code that runs once per message (the adapter's, the core's, the knowledge's) was still
 * being optimised a few thousand messages after a start, and each message cost the bot nearly twice
 * the CPU time it did later. With an eighth of the budget that code is optimised within the first
 * few hundred messages; `--always-sparkplug` compiles each function to baseline machine code on its
 * first call instead of interpreting it until then. Both change only when code is compiled, never
 * what it does (measurements in the README).
 */
import { setFlagsFromString } from "node:v8";

/** V8's flags for the running bot (Node 20's defaults: `--interrupt-budget=67584`, `--no-always-sparkplug`). */
export const TIERING_FLAGS = ["--interrupt-budget=8192", "--always-sparkplug"] as const;

for (const flag of TIERING_FLAGS) setFlagsFromString(flag);
