/**
 * `npm run bench:tune-arch`: what `tune --arch x86_64,arm64` costs in calls and time. Runs the
 * built bin (as a user would) against an in-process emulator with the demo account, on
 * resize-image, 4 sizes × 20 invocations: once on the function's own architecture and once on
 * both; prints invocations, every API call by action, and the wall time of each. Prints numbers,
 * asserts nothing. Needs `npm run build` first. BENCH_INVOCATIONS (default 20) per size.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator } from "../src/emulator/http-server.js";

const BIN = join(process.cwd(), "dist", "bin", "lambda-cost.js");
const INVOCATIONS = process.env.BENCH_INVOCATIONS ?? "20";

async function run(arch: string[]): Promise<void> {
  const config = JSON.parse(readFileSync(join(process.cwd(), "examples/emulator.json"), "utf8"));
  const emulator = await startEmulator({ config });
  const args = ["tune", "resize-image", "--sizes", "512,1024,1769,3008"];
  args.push("--invocations", INVOCATIONS, "--endpoint-url", emulator.endpoint, "--format", "json");
  if (arch.length > 0) args.push("--arch", arch.join(","));
  const started = performance.now();
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: {
        ...process.env,
        AWS_ACCESS_KEY_ID: "test",
        AWS_SECRET_ACCESS_KEY: "test",
        AWS_REGION: "us-east-1",
        XDG_STATE_HOME: mkdtempSync(join(tmpdir(), "lc-bench-arch-")),
      },
      stdio: "ignore",
    });
    child.on("close", resolve);
  });
  const wallMs = performance.now() - started;
  const byAction = new Map<string, number>();
  for (const r of emulator.requests()) byAction.set(r.action, (byAction.get(r.action) ?? 0) + 1);
  await emulator.close();
  const label = arch.length > 0 ? `--arch ${arch.join(",")}` : "own architecture (x86_64)";
  console.log(`${label}: exit ${code}, wall ${(wallMs / 1000).toFixed(2)} s`);
  console.log(`  invocations: ${byAction.get("lambda:InvokeFunction") ?? 0}`);
  const calls = [...byAction].filter(([a]) => a !== "lambda:InvokeFunction").sort();
  console.log(`  other calls: ${calls.map(([a, n]) => `${a} ${n}`).join(", ")}`);
}

await run([]);
await run(["x86_64", "arm64"]);
