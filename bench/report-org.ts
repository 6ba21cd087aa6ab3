// `npm run bench:report-org` (bundled by esbuild into .tmp/bench-report-org/): `report --org`
// over an emulated organisation, run in process through the CLI's own entry, the emulator in a
// child process. Prints, per scale point, wall time, API calls by kind and this process's peak
// RSS (goal at 100,000 functions: under 400 MB). Each point runs in a fresh process so its peak
// RSS is its own. Env: BENCH_POINTS (default "5,25,50" accounts), BENCH_FUNCTIONS (per account,
// default 2000, half in us-east-1 and half in eu-west-1), BENCH_ACCOUNT_CONCURRENCY (default 4).
import { fork } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { forkEmulatorChild } from "./emulator-child.js";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
const perAccount = Number(process.env.BENCH_FUNCTIONS ?? 2000);
const here = fileURLToPath(import.meta.url);

if (process.argv[2] === undefined) {
  // The driver: one child per point, one line of results each.
  const points = (process.env.BENCH_POINTS ?? "5,25,50").split(",").map(Number);
  console.log(
    `lambda-cost report --org benchmark: ${perAccount} functions per account in us-east-1 + eu-west-1, October 2026 (${availableParallelism()} cores, load ${loadavg()[0]?.toFixed(1)})`,
  );
  for (const accounts of points) {
    await new Promise<void>((resolve, reject) => {
      const child = fork(here, [String(accounts)], { stdio: "inherit" });
      child.on("exit", (code) =>
        code === 0 ? resolve() : reject(new Error(`point ${accounts} exited ${code}`)),
      );
    });
  }
  process.exit(0);
}

const accounts = Number(process.argv[2]);
const { runCli } = await import("../src/cli/program.js");
const setupStarted = performance.now();
const {
  endpoint,
  child: emulatorChild,
  next,
} = await forkEmulatorChild(join(here, "..", "report-org-emulator.js"), [
  String(accounts),
  String(perAccount),
]);
const setupMs = performance.now() - setupStarted;
const outDir = await mkdtemp(join(tmpdir(), "bench-report-org-"));
const env = { AWS_ACCESS_KEY_ID: "bench", AWS_SECRET_ACCESS_KEY: "bench", AWS_REGION: "us-east-1" };
Object.assign(process.env, env);
let printed = "";
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = ((chunk: string) => {
  printed += chunk;
  return true;
}) as typeof process.stdout.write;
const started = performance.now();
const cpuStart = process.cpuUsage();
const code = await runCli(
  [
    "report",
    "--org",
    "--month",
    "2026-10",
    "--regions",
    "us-east-1,eu-west-1",
    "--endpoint-url",
    endpoint,
    "--out-dir",
    outDir,
    "--account-concurrency",
    process.env.BENCH_ACCOUNT_CONCURRENCY ?? "4",
  ],
  {
    stdout: (t) => {
      printed += t;
    },
    stderr: (t) => {
      printed += t;
    },
    env: { ...process.env, ...env },
  },
);
const wallMs = performance.now() - started;
const cpu = process.cpuUsage(cpuStart);
const reportCpuMs = (cpu.user + cpu.system) / 1000;
process.stdout.write = write;
const peakRssMb = process.resourceUsage().maxRSS / 1024;
emulatorChild.send("stats");
const { byAction, cpuMs: emulatorCpuMs } = await next();
emulatorChild.send("close");
await rm(outDir, { recursive: true, force: true });
const functions = accounts * perAccount;
const calls = Object.entries(byAction as Record<string, number>)
  .sort(([a], [b]) => (a < b ? -1 : 1))
  .map(([action, n]) => `${action} ${n}`)
  .join(", ");
console.log(
  `  ${String(accounts).padStart(2)} accounts × ${perAccount} = ${functions.toLocaleString("en-US")} functions: exit ${code}, wall ${(wallMs / 1000).toFixed(1)} s (${((wallMs / functions) * 1000).toFixed(0)} µs/function), peak RSS ${peakRssMb.toFixed(0)} MB${functions >= 100_000 ? (peakRssMb < 400 ? " (goal < 400 MB: ok)" : " (goal < 400 MB: MISSED)") : ""}; report CPU ${(reportCpuMs / 1000).toFixed(1)} s, emulator CPU ${(emulatorCpuMs / 1000).toFixed(1)} s, set-up ${(setupMs / 1000).toFixed(1)} s`,
);
console.log(`     calls: ${calls}`);
console.log(`     ${printed.split("\n").slice(0, 2).join("\n     ")}`);
process.exit(code === 0 ? 0 : 1);
