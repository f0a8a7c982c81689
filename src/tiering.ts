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

/**
 * V8's garbage collector on each thread's own isolate only (`--single-threaded-gc`), given on the
 * command line by `npm start` (package.json): set here at run time, V8 aborts at its next full GC.
 * By default each collection also runs on V8's helper threads (parallel scavenges, concurrent
 * marking and sweeping). On a machine of two cores, where the event loop and the knowledge's thread
 * already take both, a full collection of either then kept every thread of the process off the CPU
 * for up to 8 ms at once: replies to several members in a row waited 10-30 ms. Each thread
 * collecting its own heap alone costs it no more CPU per message (measurements in the README).
 */
export const GC_FLAGS = ["--single-threaded-gc"] as const;

/** V8's flags for the running bot (Node 20's defaults: `--interrupt-budget=67584`, `--no-always-sparkplug`). */
export const TIERING_FLAGS = ["--interrupt-budget=8192", "--always-sparkplug"] as const;

for (const flag of TIERING_FLAGS) setFlagsFromString(flag);
