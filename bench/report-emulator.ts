// Child process of bench/report.mjs: the emulator seeded with N functions with a month of
// history each, so the report's own memory is measured without the emulator's.
// Talks to the parent over IPC: sends { endpoint } once listening, answers "stats" with counts.
import { startEmulator } from "../src/emulator/http-server.js";

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
let cpuAtMark = process.cpuUsage();
const emulator = await startEmulator({
  config: { seed: 1, accountId: "123456789012", functions },
  now: () => Date.parse("2026-11-15T00:00:00Z"),
});
process.on("message", async (message) => {
  if (message === "mark") {
    cpuAtMark = process.cpuUsage();
    process.send?.({ marked: true });
  } else if (message === "stats") {
    const byAction: Record<string, number> = {};
    for (const r of emulator.requests()) byAction[r.action] = (byAction[r.action] ?? 0) + 1;
    const cpu = process.cpuUsage(cpuAtMark);
    process.send?.({ byAction, cpuMs: (cpu.user + cpu.system) / 1000 });
  } else if (message === "close") {
    await emulator.close();
    process.exit(0);
  }
});
// If the benchmark dies, do not linger as an orphan.
process.on("disconnect", () => process.exit(0));
process.send?.({ endpoint: emulator.endpoint });
