/**
 * Ends a test run with the plain line `N passed, N failed, N skipped`, which
 * CI reads to know that tests ran (vitest's own summary is not in that form).
 */
import type { Reporter, TestModule } from "vitest/node";

/** Prints the plain closing line. */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const m of modules) {
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === "passed") passed++;
        else if (state === "failed") failed++;
        else skipped++;
      }
      if (m.state() === "failed" && [...m.children.allTests()].length === 0) failed++;
    }
    failed += errors.length;
    const line = `${passed} passed, ${failed} failed, ${skipped} skipped`;
    // After vitest's own summary, so that it is the closing line of the run.
    process.once("exit", () => process.stdout.write(`\n${line}\n`));
  }
}
