// Child process of bench/advise.ts: the emulator with N functions (default 2,000) of varied
// shapes and a November 2026 of history each (logs, PC on every 100th, out-of-memory on every
// 250th), so advise's own memory is measured without the emulator's. IPC as report-emulator.ts.
import { startEmulator } from "../src/emulator/http-server.js";
import { serveToParent } from "./emulator-child.js";

const count = Number(process.argv[2] ?? 2_000);
const functions = Array.from({ length: count }, (_, i) => ({
  name: `fn-${String(i).padStart(5, "0")}`,
  memorySize: 128 * (1 + (i % 16)),
  architecture: i % 3 === 0 ? ("arm64" as const) : ("x86_64" as const),
  runtime: i % 7 === 0 ? "provided.al2023" : "nodejs22.x",
  ...(i % 4 === 0 ? {} : { logRetentionDays: 30 }),
  model: { memoryUsedMb: 60 + (i % 400) },
  ...(i % 100 === 0 ? { provisionedConcurrency: [{ qualifier: "live", amount: 4 }] } : {}),
  history: [
    {
      month: "2026-11",
      invocationsPerDay: i % 50 === 1 ? 0 : 1000 + i,
      avgDurationMs: 20 + (i % 100),
      logBytesPerInvocation: 300 + (i % 5) * 500,
      ...(i % 250 === 0 ? { oomCount: 3 } : {}),
      ...(i % 100 === 0
        ? {
            provisionedShare: 0.5,
            provisionedUtilization: 0.2 + (i % 7) / 10,
            spilloverShare: 0.02,
          }
        : {}),
    },
  ],
}));
const emulator = await startEmulator({
  config: { seed: 1, accountId: "123456789012", functions },
  now: () => Date.parse("2026-12-02T00:00:00Z"),
});
serveToParent(emulator);
