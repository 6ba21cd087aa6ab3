// Child process of bench/report-org.ts: one emulator holding an organisation of N accounts × M
// functions (half in us-east-1, half in eu-west-1), each with a month of history, so the
// report's own memory is measured without the emulator's. IPC as bench/report-emulator.ts.
import { startEmulator } from "../src/emulator/http-server.js";
import { loadLambdaPriceTable } from "../src/prices/lambda-prices.js";
import { serveToParent } from "./emulator-child.js";

const accountCount = Number(process.argv[2] ?? 50);
const perAccount = Number(process.argv[3] ?? 2000);
const MANAGEMENT = "100000000000";
const functionsOf = (a: number) =>
  Array.from({ length: perAccount }, (_, i) => ({
    name: `fn-${String(i).padStart(5, "0")}`,
    region: i % 2 === 0 ? "us-east-1" : "eu-west-1",
    memorySize: 128 * (1 + ((i + a) % 16)),
    architecture: i % 3 === 0 ? ("arm64" as const) : ("x86_64" as const),
    history: [{ month: "2026-10", invocationsPerDay: 1000 + i + a, avgDurationMs: 20 + (i % 100) }],
  }));
const accounts = Array.from({ length: accountCount }, (_, a) => ({
  accountId: String(200_000_000_000 + a),
  functions: functionsOf(a),
}));
const emulator = await startEmulator({
  config: { seed: 1, accountId: MANAGEMENT, accounts },
  priceTable: loadLambdaPriceTable(),
  now: () => Date.parse("2026-11-15T00:00:00Z"),
});
serveToParent(emulator);
