/**
 * The real pipeline: runTune (src/tune) with the real @aws-sdk/client-lambda against an
 * in-process emulator (src/emulator) at timeScale 0 — publishing, invoking by qualifier, log
 * tails, parsing, analysis, clean-up — for each shape, in fixed-50 and auto mode. Fewer seeds
 * than the model bench (each run is real HTTP), plus the tool's overhead per invocation.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLambdaTuningTarget } from "../src/aws/lambda-tuning-target.js";
import { createTuningEngine } from "../src/core/tuning/engine.js";
import type { SizeSummary } from "../src/core/tuning/types.js";
import { startEmulator } from "../src/emulator/http-server.js";
import type { EmulatedFunctionConfig } from "../src/emulator/types.js";
import { loadLambdaPriceTable } from "../src/prices/lambda-prices.js";
import { runTune } from "../src/tune/run-tune.js";
import type { TuneOptions } from "../src/tune/run-types.js";
import { SHAPES, type Shape, trueOptimum } from "./tune-shapes.js";

const REGION = "us-east-1";

export interface PipelineRow {
  shape: string;
  mode: "auto" | "grid 50" | "grid 50, trim 20%";
  runs: number;
  invocations: number;
  tuningCost: number;
  exact: number;
  wallMs: number;
}

function functionFor(shape: Shape, index: number): EmulatedFunctionConfig {
  return {
    name: `shape-${index}`,
    region: REGION,
    memorySize: 1024,
    timeout: shape.timeoutSec,
    architecture: "x86_64",
    ephemeralStorage: 512,
    logFormat: index % 2 === 0 ? "Text" : "JSON",
    runtime: "nodejs22.x",
    model: shape.model,
  };
}

/** Power Tuning's pick from the same 50-per-size run: ⌈trimmed mean billed⌉ × memory. */
function powerTuningPick(shape: Shape, sizes: SizeSummary[]): number | null {
  const ok = sizes.filter((s) => s.feasible);
  const score = (s: SizeSummary) =>
    shape.strategy.strategy === "speed"
      ? (s.durationMs.trimmedMean ?? s.durationMs.mean)
      : s.memoryMb * Math.ceil(s.billedDurationMs.trimmedMean ?? s.billedDurationMs.mean);
  if (shape.strategy.strategy === "balanced") return null; // not compared for balanced
  return (
    ok.reduce<SizeSummary | undefined>((a, s) => (!a || score(s) < score(a) ? s : a), undefined)
      ?.memoryMb ?? null
  );
}

export async function runPipelineBench(
  seeds: number,
): Promise<{ rows: PipelineRow[]; overhead: string }> {
  const table = loadLambdaPriceTable(new URL("../pricing/lambda.json", import.meta.url));
  const core = createTuningEngine(table);
  const journalDir = mkdtempSync(join(tmpdir(), "lc-bench-tune-"));
  const rows = new Map<string, PipelineRow>();
  const add = (
    shape: Shape,
    mode: PipelineRow["mode"],
    invocations: number,
    cost: number,
    hit: boolean,
    wallMs: number,
  ) => {
    const key = `${shape.name}|${mode}`;
    const row = rows.get(key) ?? {
      shape: shape.name,
      mode,
      runs: 0,
      invocations: 0,
      tuningCost: 0,
      exact: 0,
      wallMs: 0,
    };
    row.runs += 1;
    row.invocations += invocations;
    row.tuningCost += cost;
    row.exact += hit ? 1 : 0;
    row.wallMs += wallMs;
    rows.set(key, row);
  };
  let overhead = "";
  try {
    for (let seed = 1; seed <= seeds; seed++) {
      const emulator = await startEmulator({
        config: {
          seed,
          accountId: "123456789012",
          timeScale: 0,
          faults: {
            throttleRate: 0,
            serviceErrorRate: 0,
            updateLatencyMs: 0,
            cloudwatchThrottleRate: 0,
          },
          functions: SHAPES.map(functionFor),
        },
      });
      try {
        for (const [index, shape] of SHAPES.entries()) {
          const optimum = trueOptimum(shape);
          for (const invocations of [50, "auto"] as const) {
            const target = createLambdaTuningTarget({
              connection: {
                region: REGION,
                endpointUrl: emulator.endpoint,
                credentials: { accessKeyId: "x", secretAccessKey: "y" },
              },
              functionName: `shape-${index}`,
              waiter: { minDelaySeconds: 0.01, maxDelaySeconds: 0.05, maxWaitSeconds: 20 },
            });
            const options: TuneOptions = {
              sizesMb: shape.sizes,
              invocations,
              maxInvocations: 50 * shape.sizes.length,
              concurrency: 4,
              payloads: [{ payload: "{}", weight: 1 }],
              strategy: shape.strategy,
              trim: invocations === 50 ? 0.2 : undefined,
              apply: false,
              dryRun: false,
              recover: false,
            };
            const started = performance.now();
            const outcome = await runTune(options, {
              target,
              engine: core,
              journalDir,
              notify: () => {},
              confirm: async () => false,
            });
            const wallMs = performance.now() - started;
            if (outcome.kind !== "result") throw new Error(`unexpected outcome ${outcome.kind}`);
            const { analysis } = outcome.result;
            const cost = analysis.tuningCost.toNumber();
            const pick = analysis.recommendation?.memoryMb ?? null;
            if (invocations === "auto") {
              add(shape, "auto", analysis.totalInvocations, cost, pick === optimum, wallMs);
            } else {
              add(shape, "grid 50", analysis.totalInvocations, cost, pick === optimum, wallMs);
              const pt = powerTuningPick(shape, analysis.sizes);
              if (pt !== null)
                add(
                  shape,
                  "grid 50, trim 20%",
                  analysis.totalInvocations,
                  cost,
                  pt === optimum,
                  wallMs,
                );
            }
          }
        }
        if (seed === 1) overhead = await overheadRun(emulator.endpoint, core, journalDir);
      } finally {
        await emulator.close();
      }
    }
  } finally {
    rmSync(journalDir, { recursive: true, force: true });
  }
  return { rows: [...rows.values()], overhead };
}

/** Wall time of a 5-size × 50 fixed run at timeScale 0: all of it is the tool's own overhead. */
async function overheadRun(
  endpoint: string,
  core: ReturnType<typeof createTuningEngine>,
  journalDir: string,
): Promise<string> {
  const io = SHAPES.findIndex((s) => s.name.startsWith("io-bound"));
  const target = createLambdaTuningTarget({
    connection: {
      region: REGION,
      endpointUrl: endpoint,
      credentials: { accessKeyId: "x", secretAccessKey: "y" },
    },
    functionName: `shape-${io}`,
    waiter: { minDelaySeconds: 0.01, maxDelaySeconds: 0.05, maxWaitSeconds: 20 },
  });
  const started = performance.now();
  const outcome = await runTune(
    {
      sizesMb: [128, 256, 512, 1024, 2048],
      invocations: 50,
      maxInvocations: 250,
      concurrency: 4,
      payloads: [{ payload: "{}", weight: 1 }],
      strategy: { strategy: "cost", balancedWeight: 0.5 },
      apply: false,
      dryRun: false,
      recover: false,
    },
    { target, engine: core, journalDir, notify: () => {}, confirm: async () => false },
  );
  const wallMs = performance.now() - started;
  const n = outcome.kind === "result" ? outcome.result.analysis.totalInvocations : 0;
  return `5 sizes × 50 at timeScale 0 (concurrency 4, real SDK over loopback HTTP, publish + clean-up included): ${n} invocations in ${(wallMs / 1000).toFixed(2)} s wall, ${(wallMs / n).toFixed(2)} ms per invocation`;
}
