// npm run bench:startup — start-up cost of `lambda-cost estimate` against bare `node -e 0`.
// Runs both alternately (so load on the machine hits both alike), N times after a warm-up,
// and prints each median wall time and their ratio. Goal (issue 2): ratio ≤ 1.5.
// On Linux it also prints the CPU time (user + sys) the children used, from /proc/self/stat
// (cutime + cstime): on a busy machine wall time mostly measures waiting for a core, CPU
// time measures the work itself.
// The CLI's runs use its code cache (written by the warm-up); a fourth line measures estimate's
// first run with an empty cache (a fresh TMPDIR each time), as after an install or a build.
// Usage: node bench/startup.mjs [runs=30]   (needs `npm run build` first)
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../dist/bin/lambda-cost.js", import.meta.url));
if (!existsSync(BIN)) {
  console.error(`${BIN} is missing: run \`npm run build\` first`);
  process.exit(2);
}
const runs = Number(process.argv[2] ?? 30);
const ESTIMATE = [BIN, "estimate", "--memory", "1536", "--duration", "120ms", "--requests", "3M"];
const commands = {
  "node -e 0": ["-e", "0"],
  // The CLI's floor: commander and every command's flag definitions, no command run.
  "lambda-cost --version": [BIN, "--version"],
  "lambda-cost estimate --memory 1536 --duration 120ms --requests 3M": ESTIMATE,
};

/** CPU seconds used by waited-for children so far (Linux), or null elsewhere. */
function childrenCpuMs() {
  try {
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
    // After "pid (comm) ": state is field 3; cutime and cstime are fields 16 and 17.
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

function run(args, env = process.env) {
  const cpuBefore = childrenCpuMs();
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"], env });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0)
    throw new Error(`${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  const cpuAfter = childrenCpuMs();
  return { wallMs, cpuMs: cpuBefore === null ? null : cpuAfter - cpuBefore };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;

for (let i = 0; i < 3; i++) for (const args of Object.values(commands)) run(args);
const results = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
// The bin keeps V8's compiled code between runs (src/cli/compile-cache.ts); the warm-up above
// wrote it. A first run after an install or build has none: measured with an empty TMPDIR each.
const FIRST_RUN = "lambda-cost estimate, first run (no code cache yet)";
results[FIRST_RUN] = [];
for (let i = 0; i < runs; i++) {
  for (const [name, args] of Object.entries(commands)) results[name].push(run(args));
  const emptyTmp = mkdtempSync(join(tmpdir(), "lc-bench-startup-"));
  results[FIRST_RUN].push(run(ESTIMATE, { ...process.env, TMPDIR: emptyTmp }));
  rmSync(emptyTmp, { recursive: true, force: true });
}

const summary = Object.entries(results).map(([name, samples]) => ({
  name,
  wallMs: median(samples.map((s) => s.wallMs)),
  cpuMs: samples[0].cpuMs === null ? null : mean(samples.map((s) => s.cpuMs)),
}));
for (const { name, wallMs, cpuMs } of summary) {
  const cpu = cpuMs === null ? "" : `, CPU mean ${cpuMs.toFixed(1)} ms`;
  console.log(`${name}: wall median ${wallMs.toFixed(1)} ms${cpu} (${runs} runs)`);
}
const [bare, floor, estimate, firstRun] = summary;
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
console.log(
  `estimate / node -e 0, wall median: ${ratio(estimate.wallMs, bare.wallMs)} (goal ≤ 1.50×)`,
);
console.log(
  `--version / node -e 0, wall median: ${ratio(floor.wallMs, bare.wallMs)} (the CLI's floor)`,
);
console.log(
  `estimate's first run / node -e 0, wall median: ${ratio(firstRun.wallMs, bare.wallMs)} (compiles and writes the cache)`,
);
if (bare.cpuMs) {
  console.log(`estimate / node -e 0, CPU mean:    ${ratio(estimate.cpuMs, bare.cpuMs)}`);
  console.log(`--version / node -e 0, CPU mean:   ${ratio(floor.cpuMs, bare.cpuMs)}`);
}
// A machine that sets NODE_EXTRA_CA_CERTS makes every node start-up parse that bundle first
// (callgrind on a 144-certificate bundle: ~416M of bare node's ~502M instructions), which slows
// bare node and the CLI alike and so shrinks the ratio. Say so, so a figure taken there is not
// read as the ratio on a plain Node.
if (process.env.NODE_EXTRA_CA_CERTS) {
  console.log(
    `note: NODE_EXTRA_CA_CERTS is set (${process.env.NODE_EXTRA_CA_CERTS}); every start-up above also loaded it, which lowers the ratios. Run \`env -u NODE_EXTRA_CA_CERTS npm run bench:startup\` for a plain Node.`,
  );
}
