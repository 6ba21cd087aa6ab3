// npm run bench:emulator — how the emulator scales: 10,000 functions with a month of history
// each, GetMetricData with 500 queries (Invocations + Duration Sum for 250 functions, daily
// periods over October 2026) through the real SDK, ListFunctions over all 10,000, and Invoke.
// Prints medians in ms. Usage: npm run bench:emulator [-- functions=10000 rounds=20]
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import {
  CloudWatchClient,
  GetMetricDataCommand,
  type MetricDataQuery,
} from "@aws-sdk/client-cloudwatch";
import { InvokeCommand, LambdaClient, paginateListFunctions } from "@aws-sdk/client-lambda";
import { startEmulator } from "../src/emulator/http-server.js";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
const count = Number(process.argv[2] ?? 10_000);
const rounds = Number(process.argv[3] ?? 20);
const credentials = { accessKeyId: "x", secretAccessKey: "y" };
const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1]!;
const time = async (fn: () => Promise<unknown>) => {
  const start = performance.now();
  await fn();
  return performance.now() - start;
};

const t0 = performance.now();
const emulator = await startEmulator({
  config: { functions: [{ name: "warm", memorySize: 1769, model: { fixedMs: 20 } }] },
  now: () => Date.parse("2026-11-26T09:00:00Z"),
});
emulator.addFunctions(
  Array.from({ length: count }, (_, i) => ({
    name: `fn-${String(i).padStart(5, "0")}`,
    region: "us-east-1",
    memorySize: 128 * (1 + (i % 16)),
    timeout: 3,
    architecture: "x86_64" as const,
    ephemeralStorage: 512,
    logFormat: "Text" as const,
    runtime: "nodejs20.x",
    model: {
      fixedMs: 10,
      cpuMs: 0,
      parallelCpuMs: 0,
      threads: 1,
      initMs: 0,
      memoryUsedMb: 64,
      gcPressure: 0,
      noiseCv: 0,
      errorRate: 0,
      arm64CpuFactor: 1,
    },
    history: [{ month: "2026-10", invocationsPerDay: 1000 + i, avgDurationMs: 20 + (i % 100) }],
  })),
);
const setupMs = performance.now() - t0;

const cw = new CloudWatchClient({ region: "us-east-1", endpoint: emulator.endpoint, credentials });
const lambda = new LambdaClient({ region: "us-east-1", endpoint: emulator.endpoint, credentials });
const batch = (first: number): MetricDataQuery[] =>
  Array.from({ length: 250 }, (_, k) => {
    const name = `fn-${String((first + k) % count).padStart(5, "0")}`;
    return ["Invocations", "Duration"].map((metric, m) => ({
      Id: `q${k}_${m}`,
      MetricStat: {
        Metric: {
          Namespace: "AWS/Lambda",
          MetricName: metric,
          Dimensions: [{ Name: "FunctionName", Value: name }],
        },
        Period: 86_400,
        Stat: "Sum",
      },
    }));
  }).flat();
const getMetricData = (first: number) =>
  cw.send(
    new GetMetricDataCommand({
      StartTime: new Date("2026-10-01T00:00:00Z"),
      EndTime: new Date("2026-11-01T00:00:00Z"),
      MetricDataQueries: batch(first),
    }),
  );

// First touch of each function generates its month (cold); repeating a batch hits the cache.
const cold: number[] = [];
for (let r = 0; r < rounds; r += 1) cold.push(await time(() => getMetricData(r * 250)));
const warm: number[] = [];
for (let r = 0; r < rounds; r += 1) warm.push(await time(() => getMetricData(0)));
const allFunctionsMs = await time(async () => {
  for (let first = 0; first < count; first += 250) await getMetricData(first);
});
// The same call as raw HTTP (no SDK serialisation or parsing): the emulator's own cost.
const rawBody = JSON.stringify({
  StartTime: Date.parse("2026-10-01T00:00:00Z") / 1000,
  EndTime: Date.parse("2026-11-01T00:00:00Z") / 1000,
  MetricDataQueries: batch(0),
});
const raw: number[] = [];
const rawCpu = process.cpuUsage();
for (let r = 0; r < rounds; r += 1) {
  raw.push(
    await time(async () => {
      const response = await fetch(`${emulator.endpoint}/`, {
        method: "POST",
        headers: {
          "content-type": "application/x-amz-json-1.0",
          "x-amz-target": "GraniteServiceVersion20100801.GetMetricData",
        },
        body: rawBody,
      });
      await response.arrayBuffer();
    }),
  );
}
const rawCpuMs = (() => {
  const used = process.cpuUsage(rawCpu);
  return (used.user + used.system) / 1000 / rounds;
})();
let listed = 0;
const listMs = await time(async () => {
  for await (const page of paginateListFunctions({ client: lambda, pageSize: 50 }, {}))
    listed += page.Functions!.length;
});
const invokes: number[] = [];
for (let i = 0; i < 200; i += 1)
  invokes.push(
    await time(() => lambda.send(new InvokeCommand({ FunctionName: "warm", LogType: "Tail" }))),
  );

console.log(
  `functions: ${count} with one month of history each; setup (start + addFunctions) ${setupMs.toFixed(0)} ms`,
);
console.log(
  `GetMetricData, 500 queries × 31 daily points, first touch: median ${median(cold).toFixed(1)} ms (${rounds} calls)`,
);
console.log(
  `GetMetricData, 500 queries × 31 daily points, cached:      median ${median(warm).toFixed(1)} ms (${rounds} calls)`,
);
console.log(
  `GetMetricData, same 500 queries as raw HTTP (no SDK):      median ${median(raw).toFixed(1)} ms, CPU ${rawCpuMs.toFixed(1)} ms a call (${rounds} calls)`,
);
console.log(
  `GetMetricData over all ${count} functions (${Math.ceil(count / 250)} calls of 500 queries): ${allFunctionsMs.toFixed(0)} ms`,
);
console.log(
  `ListFunctions, ${listed} functions in ${Math.ceil(listed / 50)} pages: ${listMs.toFixed(0)} ms`,
);
console.log(`Invoke with LogType Tail: median ${median(invokes).toFixed(2)} ms (200 calls)`);
console.log(`(machine load average ${loadavg()[0]!.toFixed(1)}: wall times stretch under load)`);
console.log(`RSS after all: ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
cw.destroy();
lambda.destroy();
await emulator.close();
