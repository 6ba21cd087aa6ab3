// npm run bench:import — what `import … from "lambda-cost/<sub-path>"` costs a program: each
// sub-path imported by a fresh node against bare `node -e 0`, run alternately N times after a
// warm-up (so load on the machine hits all alike); prints each median wall time, the CPU mean
// (Linux) and the ratios. Goal (issue #10): the root `lambda-cost` within 1.3× of bare node.
// The package imports itself by name (its "exports" map) from dist/, as an installed copy does.
// Usage: node bench/import.mjs [runs=20]   (needs `npm run build` first)
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
if (!existsSync(`${ROOT}dist/index.js`)) {
  console.error("dist/ is missing: run `npm run build` first");
  process.exit(2);
}
const runs = Number(process.argv[2] ?? 20);
const SUB_PATHS = [
  "lambda-cost",
  "lambda-cost/crossover",
  "lambda-cost/report",
  "lambda-cost/tune",
  "lambda-cost/emulator",
];
const commands = {
  "node -e 0": ["-e", "0"],
  ...Object.fromEntries(
    SUB_PATHS.map((spec) => [
      spec,
      ["--input-type=module", "-e", `await import(${JSON.stringify(spec)});`],
    ]),
  ),
};

/** CPU milliseconds used by waited-for children so far (Linux), or null elsewhere. */
function childrenCpuMs() {
  try {
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100; // cutime + cstime, USER_HZ 100
  } catch {
    return null;
  }
}

function run(args) {
  const cpuBefore = childrenCpuMs();
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "pipe"],
  });
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

for (let i = 0; i < 2; i++) for (const args of Object.values(commands)) run(args);
const samples = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
for (let i = 0; i < runs; i++) {
  for (const [name, args] of Object.entries(commands)) samples[name].push(run(args));
}
const bare = samples["node -e 0"];
const bareWall = median(bare.map((s) => s.wallMs));
const bareCpu = bare[0].cpuMs === null ? null : mean(bare.map((s) => s.cpuMs));
console.log(
  `node -e 0: wall median ${bareWall.toFixed(1)} ms${bareCpu === null ? "" : `, CPU mean ${bareCpu.toFixed(1)} ms`} (${runs} runs)`,
);
for (const spec of SUB_PATHS) {
  const wall = median(samples[spec].map((s) => s.wallMs));
  const cpu = bareCpu === null ? null : mean(samples[spec].map((s) => s.cpuMs));
  const goal = spec === "lambda-cost" ? " (goal ≤ 1.30×)" : "";
  const cpuPart =
    cpu === null ? "" : `; CPU mean ${cpu.toFixed(1)} ms = ${(cpu / bareCpu).toFixed(2)}×`;
  console.log(
    `import "${spec}": wall median ${wall.toFixed(1)} ms = ${(wall / bareWall).toFixed(2)}×${goal}${cpuPart}`,
  );
}
