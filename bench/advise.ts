// `npm run bench:advise` (bundled by esbuild into .tmp/bench-advise/, emulator child beside
// it): advise over 2,000 emulated functions in one region, November 2026 (issue 13). This
// process runs the advise service with the AWS source and renders the table, as the command
// does (Logs Insights polls without waiting: the emulator completes a query in 2 polls).
// Prints wall time, API calls by kind (as the emulator served them, retries included), the
// floors they should meet, recommendations by kind, and peak RSS of this process.
// Env: BENCH_FUNCTIONS (default 2000).
import { fileURLToPath } from "node:url";
import { runAdvise } from "../src/advise/run-advise.js";
import { createAwsAdviceSource } from "../src/aws/advice-source.js";
import { renderAdviseTable } from "../src/output/advise-table.js";
import { loadLambdaPriceTable } from "../src/prices/lambda-prices.js";
import { forkEmulatorChild } from "./emulator-child.js";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
const count = Number(process.env.BENCH_FUNCTIONS ?? 2_000);
const { endpoint, child, next } = await forkEmulatorChild(
  fileURLToPath(new URL("./advise-emulator.js", import.meta.url)),
  [String(count)],
);

const started = performance.now();
const source = createAwsAdviceSource({
  connection: { endpointUrl: endpoint, credentials: { accessKeyId: "b", secretAccessKey: "b" } },
  insights: { sleep: async () => {} },
});
const result = await runAdvise({
  source,
  regions: ["us-east-1"],
  window: {
    start: new Date("2026-11-01T00:00:00Z"),
    end: new Date("2026-12-01T00:00:00Z"),
    days: 30,
  },
  table: loadLambdaPriceTable(),
  minInvocations: 50,
  freeTier: true,
});
const table = renderAdviseTable(result);
const wallMs = performance.now() - started;
source.close();
const peakRssMb = process.resourceUsage().maxRSS / 1024;
child.send("stats");
const { byAction, cpuMs } = await next();
child.send("close");

const pcFunctions = Math.ceil(count / 100);
const queriesPerFunction = 8;
const metricQueries = count * queriesPerFunction + pcFunctions;
console.log(`lambda-cost advise benchmark: ${count} functions in us-east-1, November 2026`);
console.log(`  wall time                ${(wallMs / 1000).toFixed(2)} s`);
console.log(`  peak RSS (advise)        ${peakRssMb.toFixed(0)} MB`);
console.log(`  emulator CPU             ${(cpuMs / 1000).toFixed(2)} s`);
console.log("  API calls by kind (served, retries included):");
for (const [action, n] of Object.entries(byAction).sort()) {
  console.log(`    ${action.padEnd(44)} ${n}`);
}
console.log(
  `  floors: GetMetricData ceil(${metricQueries} queries / 500) = ${Math.ceil(metricQueries / 500)}; DescribeLogGroups ceil(${count} / 50) = ${Math.ceil(count / 50)}; StartQuery ceil(groups / 50)`,
);
console.log(`  recommendations          ${result.recommendations.length}`);
for (const [kind, n] of Object.entries(result.summary.recommendationsByKind)) {
  if (n > 0) console.log(`    ${kind.padEnd(44)} ${n}`);
}
console.log(
  `  Logs Insights scanned    ${(result.summary.scan.bytesScanned / 1024 ** 3).toFixed(3)} GB in ${result.summary.scan.queries} queries`,
);
console.log(`  failures                 ${result.failures.length}`);
console.log(`  table                    ${table.split("\n").length} lines`);
