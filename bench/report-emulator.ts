// Child process of bench/report.mjs: the emulator seeded with N functions with a month of
// history each, so the report's own memory is measured without the emulator's.
// Talks to the parent over IPC: sends { endpoint } once listening, answers "stats" with counts.
import { startEmulator } from "../src/emulator/http-server.js";
import { serveToParent } from "./emulator-child.js";

const count = Number(process.argv[2] ?? 10_000);
const functions = Array.from({ length: count }, (_, i) => ({
  name: `fn-${String(i).padStart(5, "0")}`,
  memorySize: 128 * (1 + (i % 16)),
  architecture: i % 3 === 0 ? ("arm64" as const) : ("x86_64" as const),
  ...(i % 500 === 0 ? { provisionedConcurrency: [{ qualifier: "live", amount: 2 }] } : {}),
  history: [
    {
      month: "2026-10",
      invocationsPerDay: 1000 + i,
      avgDurationMs: 20 + (i % 100),
      ...(i % 500 === 0 ? { provisionedShare: 0.3 } : {}),
    },
  ],
}));
const emulator = await startEmulator({
  config: { seed: 1, accountId: "123456789012", functions },
  now: () => Date.parse("2026-11-15T00:00:00Z"),
});
serveToParent(emulator);
