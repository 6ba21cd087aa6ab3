import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // CLI tests spawn the built bin and integration tests start real HTTP servers.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Measured on 2 cores (whole suite): the defaults (forks, one worker per core minus one,
    // every file in a fresh module graph) took 152 s; threads on every core, 86 s; threads
    // sharing each worker's module graph between files, 50 s — most of the rest was re-importing
    // the AWS SDK per file. Sharing is safe here because no test mocks modules, fakes timers or
    // stubs globals, and env stubs and spies are restored in `finally`; keep it that way.
    pool: "threads",
    isolate: false,
    maxWorkers: availableParallelism(),
    minWorkers: 1,
    reporters: ["default", "json"],
    outputFile: { json: "test-results.json" },
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
  },
});
