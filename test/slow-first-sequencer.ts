/**
 * The order test files start in: the longest first, so that no long file starts last and runs
 * alone while the other workers sit idle (on 2 cores the run ends when the last file does).
 *
 * Vitest's own order uses its results cache (node_modules/.vite/vitest/…/results.json), which a
 * fresh clone (CI) does not have; it then starts the largest files first, and the docs pages and
 * the signal tests, small files that run for seconds, started last. Files the cache knows are
 * ordered by their last duration, as vitest does; the others by KNOWN_SLOW_SECONDS, then by size.
 */
import { statSync } from "node:fs";
import { relative } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Seconds per file in a whole run (test-results.json, which the json reporter writes), measured
 * on the 2-core machine on 2026-12-02, the mean of two whole runs once tune-signals ran its tests
 * at once. Only the order matters: a stale figure costs speed, never a test. Files not listed
 * here (or in the cache) follow, largest first.
 */
const KNOWN_SLOW_SECONDS: Readonly<Record<string, number>> = {
  "test/integration/tune-models.test.ts": 16.1,
  "test/browser/html-pages.test.ts": 11.8,
  "test/docs/page-tune.test.ts": 11.2,
  "test/cli/compile-cache.test.ts": 8.1,
  "test/cli/tune-signals.test.ts": 6.1,
  "test/cli/packed-install.test.ts": 5.3,
  "test/cli/tune-out-fallback.test.ts": 4.8,
  "test/cli/advise.test.ts": 4.1,
  "test/cli/tune-terminal.test.ts": 4,
  "test/cli/report-run.test.ts": 3.2,
  "test/docs/page-advise.test.ts": 2.6,
  "test/integration/tune-concurrency.test.ts": 2.5,
  "test/cli/pricing-update.test.ts": 2.5,
  "test/integration/emulator-cli.test.ts": 2.2,
  "test/cli/aws-profile.test.ts": 2.2,
  "test/integration/tune-safety.test.ts": 2.2,
  "test/cli/tune-arch-kill.test.ts": 2.1,
  "test/integration/tune-edges.test.ts": 2,
};

export class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const expected = (spec: TestSpecification) => {
      const path = relative(root, spec.moduleId);
      const cached = this.ctx.cache.getFileTestResults(`${spec.project.name}:${path}`);
      return {
        failed: cached?.failed === true,
        durationMs: cached ? cached.duration : (KNOWN_SLOW_SECONDS[path] ?? 0) * 1000,
        sizeBytes: statSync(spec.moduleId).size,
      };
    };
    const keyed = files.map((spec) => ({ spec, ...expected(spec) }));
    // Failed last time first (the quickest answer to "is it fixed?"), then longest, then largest.
    keyed.sort(
      (a, b) =>
        Number(b.failed) - Number(a.failed) ||
        b.durationMs - a.durationMs ||
        b.sizeBytes - a.sizeBytes,
    );
    return keyed.map(({ spec }) => spec);
  }
}
