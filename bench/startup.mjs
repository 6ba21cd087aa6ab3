// npm run bench:startup — start-up cost of `lambda-cost estimate` against bare `node -e 0`.
// Runs both alternately (so load on the machine hits both alike), N times after a warm-up,
// and prints each median wall time and their ratio. Goal (issue 2): ratio ≤ 1.5.
// Usage: node bench/startup.mjs [runs=30]   (needs `npm run build` first)
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../dist/bin/lambda-cost.js", import.meta.url));
if (!existsSync(BIN)) {
  console.error(`${BIN} is missing: run \`npm run build\` first`);
  process.exit(2);
}
const runs = Number(process.argv[2] ?? 30);
const estimateArgs = [BIN, "estimate", "--memory", "1536", "--duration", "120ms", "--requests", "3M"];

function timeMs(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"] });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  return elapsed;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

for (let i = 0; i < 3; i++) {
  timeMs(["-e", "0"]);
  timeMs(estimateArgs);
}
const bare = [];
const estimate = [];
for (let i = 0; i < runs; i++) {
  bare.push(timeMs(["-e", "0"]));
  estimate.push(timeMs(estimateArgs));
}
const bareMs = median(bare);
const estimateMs = median(estimate);
console.log(`node -e 0                 median ${bareMs.toFixed(1)} ms (${runs} runs)`);
console.log(`lambda-cost estimate …    median ${estimateMs.toFixed(1)} ms (${runs} runs)`);
console.log(`ratio ${(estimateMs / bareMs).toFixed(2)}× (goal ≤ 1.50×)`);
