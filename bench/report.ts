// `npm run bench:report` (bundled by esbuild into .tmp/bench-report/, emulator child beside it): a monthly report over 10,000 functions in one region (issue 6).
// The emulator runs in a child process; this process runs generateMonthlyReport, renders the
// CSV and writes it, as `lambda-cost report` does. Prints the number of GetMetricData calls
// (the floor is ceil(10,000 × 3 / 500) = 60), the Lambda calls, wall time and peak RSS of this
// process. Goal: exactly 60 calls, under 10 s, under 300 MB.
// Every 500th function has PC on alias "live", so published version 1 (report-emulator.ts):
// ListFunctions (FunctionVersion=ALL) pages through 10,000 + 20 entries, 50 a page = 201 calls,
// and ListProvisionedConcurrencyConfigs is called for those 20 functions only.
// Env: BENCH_FUNCTIONS (default 10000), BENCH_CONCURRENCY (default 4, as the CLI's default).
import { mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateMonthlyReport } from "../src/api/report.js";
import { renderReportCsv, reportFileName } from "../src/output/report-csv.js";
import { writeFileAtomic } from "../src/report/write-report.js";
import { forkEmulatorChild } from "./emulator-child.js";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
const count = Number(process.env.BENCH_FUNCTIONS ?? 10_000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 4);

const { endpoint, child, next } = await forkEmulatorChild(
  fileURLToPath(new URL("./report-emulator.js", import.meta.url)),
  [String(count)],
);
const outDir = await mkdtemp(join(tmpdir(), "bench-report-"));
const started = performance.now();
const cpuStart = process.cpuUsage();
const report = await generateMonthlyReport({
  regions: ["us-east-1"],
  month: "2026-10",
  now: new Date("2026-11-15T00:00:00Z"),
  concurrency,
  connection: {
    endpointUrl: endpoint,
    credentials: { accessKeyId: "bench", secretAccessKey: "bench" },
  },
});
const csv = renderReportCsv(report);
await writeFileAtomic(outDir, reportFileName(report.month, report.accountId), csv);
const wallMs = performance.now() - started;
const cpu = process.cpuUsage(cpuStart);
const reportCpuMs = (cpu.user + cpu.system) / 1000;
const peakRssMb = process.resourceUsage().maxRSS / 1024;

child.send("stats");
const { byAction, cpuMs: emulatorCpuMs } = await next();
child.send("close");
await rm(outDir, { recursive: true, force: true });

const floor = Math.ceil((count * 3) / 500);
const calls = byAction["cloudwatch:GetMetricData"] ?? 0;
const versioned = Math.ceil(count / 500);
const expectedPages = Math.ceil((count + versioned) / 50);
const listCalls = byAction["lambda:ListFunctions"] ?? 0;
const pcCalls = byAction["lambda:ListProvisionedConcurrencyConfigs"] ?? 0;
const check = (ok: boolean) => (ok ? "ok" : "UNEXPECTED");
console.log(`lambda-cost report benchmark: ${count} functions in us-east-1, October 2026`);
console.log(`  rows                     ${report.rows.length}`);
console.log(`  total                    $${report.totals.totalCost.toFixed(2)}`);
console.log(
  `  GetMetricData calls      ${calls} (floor ${floor}) ${calls === floor ? "ok" : "MISSED"}`,
);
console.log(
  `  ListFunctions calls      ${listCalls} (expected ceil((${count} functions + ${versioned} versions) / 50) = ${expectedPages}) ${check(listCalls === expectedPages)}`,
);
console.log(
  `  ListProvisionedConcurrencyConfigs calls ${pcCalls} (expected ${versioned}: only functions with a published version) ${check(pcCalls === versioned)}`,
);
console.log(
  `  wall time                ${(wallMs / 1000).toFixed(2)} s (goal < 10 s) ${wallMs < 10_000 ? "ok" : "MISSED"}`,
);
console.log(
  `  CPU time                 report ${(reportCpuMs / 1000).toFixed(2)} s, emulator ${(emulatorCpuMs / 1000).toFixed(2)} s (load average ${(loadavg()[0] ?? 0).toFixed(1)} on ${availableParallelism()} CPUs)`,
);
console.log(
  `  peak RSS (this process)  ${peakRssMb.toFixed(0)} MB (goal < 300 MB) ${peakRssMb < 300 ? "ok" : "MISSED"}`,
);
console.log(`  CSV                      ${(csv.length / 1024).toFixed(0)} KiB`);
