import { readdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { defineConfig } from "vitest/config";
import { SlowFirstSequencer } from "./test/slow-first-sequencer.js";

/**
 * Test files that replace modules, timers or globals: they need a module graph of their own
 * (a `vi.mock` cannot reach a module another file already imported into a shared graph).
 */
const needsOwnModules = readdirSync("test", { recursive: true, encoding: "utf8" })
  .filter((file) => file.endsWith(".test.ts"))
  .map((file) => join("test", file))
  .filter((file) =>
    /\bvi\.(mock|doMock|useFakeTimers|stubGlobal)\(/.test(readFileSync(file, "utf8")),
  );

/** The HTML pages opened in Chromium (test/browser/chromium.ts says how it is found). */
const BROWSER_TESTS = ["test/browser/**/*.test.ts"];

export default defineConfig({
  test: {
    // CLI tests spawn the built bin and integration tests start real HTTP servers.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Measured on 2 cores (whole suite): the defaults (forks, one worker per core minus one,
    // every file in a fresh module graph) took 152 s; threads on every core, 86 s; threads
    // sharing each worker's module graph between files, 50 s — most of the rest was re-importing
    // the AWS SDK per file. Sharing is safe for files that mock nothing (env stubs and spies are
    // restored in `finally`); files that do mock get their own graph (`needsOwnModules`).
    // Isolation is a property of the pool, not of a project: the shared files run in threads
    // that keep their modules, the others in forks that start fresh for every file.
    poolOptions: { threads: { isolate: false }, forks: { isolate: true } },
    maxWorkers: availableParallelism(),
    // Longest files first, also in a fresh clone without vitest's results cache (CI).
    sequence: { sequencer: SlowFirstSequencer },
    minWorkers: 1,
    projects: [
      {
        extends: true,
        test: {
          name: "shared",
          include: ["test/**/*.test.ts"],
          exclude: [...needsOwnModules, ...BROWSER_TESTS],
          pool: "threads",
        },
      },
      { extends: true, test: { name: "isolated", include: needsOwnModules, pool: "forks" } },
      // Chromium tests (test/browser): one browser per file, its own process, a longer timeout
      // for the browser's start on a loaded machine.
      {
        extends: true,
        test: { name: "browser", include: BROWSER_TESTS, pool: "forks", testTimeout: 60_000 },
      },
    ],
    reporters: ["default", "json"],
    outputFile: { json: "test-results.json" },
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
  },
});
