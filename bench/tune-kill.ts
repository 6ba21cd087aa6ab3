/**
 * `npm run bench:tune-kill`: kill-anywhere trials for tune's promise (issue 18). Each trial
 * starts the built bin against an in-process emulator, SIGKILLs it at a random moment of the run
 * (uniform over the length of a clean run, measured first), then runs `tune --recover` and
 * compares the function with how it was found: $LATEST field by field, versions, aliases (the
 * lock included), and the journal directory.
 *
 * Env: BENCH_KILLS (default 24) trials; BENCH_SEED (default 1) for the kill times.
 * Needs `npm run build` first (it runs dist/bin/lambda-cost.js, as a user would).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator } from "../src/emulator/http-server.js";
import type { EmulatorHandle } from "../src/emulator/types.js";

const BIN = join(process.cwd(), "dist", "bin", "lambda-cost.js");
const KILLS = Number(process.env.BENCH_KILLS ?? 24);
let seed = Number(process.env.BENCH_SEED ?? 1);
/** Park–Miller: the same kill times for the same BENCH_SEED. */
function random(): number {
  seed = (seed * 48_271) % 2_147_483_647;
  return seed / 2_147_483_647;
}

interface Spawned {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function bin(args: string[], stateDir: string, killAfterMs?: number): Promise<Spawned> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: {
      ...process.env,
      AWS_ACCESS_KEY_ID: "test",
      AWS_SECRET_ACCESS_KEY: "test",
      AWS_REGION: "us-east-1",
      XDG_STATE_HOME: stateDir,
      NO_COLOR: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c));
  child.stderr.on("data", (c: Buffer) => (stderr += c));
  const timer =
    killAfterMs === undefined ? undefined : setTimeout(() => child.kill("SIGKILL"), killAfterMs);
  return new Promise((resolve) =>
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    }),
  );
}

function state(emulator: EmulatorHandle) {
  const view = emulator.inspect("us-east-1", "kfn");
  if (!view) return "missing";
  const { RevisionId: _r, LastModified: _l, LastUpdateStatus: _s, ...latest } = view.latest;
  return JSON.stringify({ ...view, latest });
}

async function emulator(): Promise<EmulatorHandle> {
  return startEmulator({
    config: {
      seed: 7,
      // 150 ms of modelled time at 0.2 → 30 ms per invocation: the invoking phase is long
      // enough to be hit, and so are the publish and cleanup phases around it.
      timeScale: 0.2,
      faults: { updateLatencyMs: 0 },
      functions: [
        {
          name: "kfn",
          region: "us-east-1",
          memorySize: 1024,
          timeout: 60,
          model: { fixedMs: 150, cpuMs: 20, memoryUsedMb: 60 },
        },
      ],
    },
  });
}

const tuneArgs = (endpoint: string) => [
  "tune",
  "kfn",
  "--endpoint-url",
  endpoint,
  "--sizes",
  "256,512,2048",
  "--invocations",
  "8",
  "--concurrency",
  "2",
  "--monthly-invocations",
  "1M",
  "--format",
  "json",
];

async function main() {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npm run build\` first`);
  // A clean run gives the window to kill in.
  const clean = await emulator();
  const started = Date.now();
  const cleanRun = await bin(tuneArgs(clean.endpoint), mkdtempSync(join(tmpdir(), "lc-kill-")));
  const windowMs = Date.now() - started;
  await clean.close();
  if (cleanRun.code !== 0) throw new Error(`the clean run failed: ${cleanRun.stderr}`);
  console.log(`clean run: ${windowMs} ms; ${KILLS} trials, SIGKILL at a uniform random time in it`);

  let killed = 0;
  let asFound = 0;
  let recoverExit0 = 0;
  const failures: string[] = [];
  for (let trial = 1; trial <= KILLS; trial++) {
    const emu = await emulator();
    try {
      const before = state(emu);
      const stateDir = mkdtempSync(join(tmpdir(), "lc-kill-"));
      const killAtMs = Math.round(random() * windowMs);
      const run = await bin(tuneArgs(emu.endpoint), stateDir, killAtMs);
      if (run.signal === "SIGKILL") killed += 1;
      const recover = await bin(
        ["tune", "kfn", "--endpoint-url", emu.endpoint, "--recover"],
        stateDir,
      );
      if (recover.code === 0) recoverExit0 += 1;
      const journals = existsSync(join(stateDir, "lambda-cost"))
        ? readdirSync(join(stateDir, "lambda-cost"))
        : [];
      const same = state(emu) === before && journals.length === 0;
      if (same) asFound += 1;
      else {
        failures.push(
          `trial ${trial} (kill at ${killAtMs} ms): ${state(emu)} journals=${journals.join(",")} recover: ${recover.stdout}${recover.stderr}`,
        );
      }
    } finally {
      await emu.close();
    }
  }
  console.log(
    `trials ${KILLS} · killed mid-run ${killed} · --recover exit 0 ${recoverExit0} · function exactly as found (and no journal left) ${asFound}/${KILLS}`,
  );
  for (const failure of failures) console.log(`NOT as found: ${failure}`);
  if (asFound !== KILLS) process.exitCode = 1;
}

await main();
