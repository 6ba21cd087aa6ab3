/**
 * `tune --arch x86_64,arm64` on the randomised suite (issue 19's shapes, cost strategy): each
 * random shape also runs on arm64, where its CPU work takes 0.75–1.35 times as long (drawn per
 * shape), at arm64's price. Both architectures are measured by their own planner — auto, or the
 * 50-per-size grid — and combined as the command does (combineArchitectures); the pick, a size on
 * one architecture, is scored against the true optimum over every (size, architecture) from the
 * model without noise.
 */
import type { Decimal } from "decimal.js";
import { dec } from "../src/core/money/index.js";
import type { Architecture } from "../src/core/pricing/types.js";
import { analyzeTuning } from "../src/core/tuning/analyze.js";
import { combineArchitectures } from "../src/core/tuning/architectures.js";
import { createSamplingPlanner } from "../src/core/tuning/sampling.js";
import { expectedDurationMs } from "../src/emulator/duration-model.js";
import { Rng } from "../src/emulator/rng.js";
import { drive, GRID_PER_SIZE, sampler } from "./tune-model.js";
import { randomShape } from "./tune-random.js";
import type { Shape } from "./tune-shapes.js";

/**
 * us-east-1 duration prices per GB-s (AWS Lambda pricing page, checked 2026-12-01): x86_64
 * $0.0000166667, arm64 $0.0000133334; $0.20 per 1M requests on both.
 */
const PER_GB_SECOND: Record<Architecture, string> = {
  x86_64: "0.0000166667",
  arm64: "0.0000133334",
};
const priceOf =
  (architecture: Architecture) =>
  (memoryMb: number, billedMs: number): Decimal =>
    dec("0.0000002").plus(
      dec(memoryMb).div(1024).times(dec(billedMs).div(1000)).times(PER_GB_SECOND[architecture]),
    );

export interface ArchStats {
  method: string;
  runs: number;
  invocations: number;
  within1: number;
  regretSum: number;
}

function tuneBoth(shape: Shape, seed: number, method: "auto" | "grid 50") {
  const runs = (["x86_64", "arm64"] as const).map((architecture, k) => {
    const costModel = priceOf(architecture);
    const planner = createSamplingPlanner({
      sizes: shape.sizes,
      mode:
        method === "auto"
          ? { kind: "auto", maxInvocations: GRID_PER_SIZE * shape.sizes.length }
          : { kind: "fixed", invocationsPerSize: GRID_PER_SIZE },
      strategyOptions: shape.strategy,
      costModel,
    });
    const samples = drive(planner, sampler(shape, seed + 1_000_003 * k, architecture));
    const analysis = analyzeTuning({
      samplesBySize: samples,
      costModel,
      strategyOptions: shape.strategy,
      originalMemoryMb: shape.sizes[0]!,
    });
    return { architecture, analysis };
  });
  const combined = combineArchitectures(runs, shape.strategy, {
    architecture: "x86_64",
    memoryMb: shape.sizes[0]!,
  });
  return { pick: combined.recommendation, invocations: combined.totalInvocations };
}

/** `count` cost shapes of the suite's draw `seed`, each on both architectures. */
export function runArchSuite(count: number, seed = 19): ArchStats[] {
  const stats = ["auto", "grid 50"].map((method) => ({
    method,
    runs: 0,
    invocations: 0,
    within1: 0,
    regretSum: 0,
  }));
  const rng = new Rng(seed * 1000 + 1);
  const factors = new Rng(seed * 1000 + 3);
  for (let i = 0; i < count; i++) {
    const base = randomShape(rng, i, "cost");
    const shape = {
      ...base,
      model: { ...base.model, arm64CpuFactor: 0.75 + 0.6 * factors.next() },
    };
    const truth = (memoryMb: number, architecture: Architecture) =>
      memoryMb < shape.model.memoryUsedMb
        ? Number.POSITIVE_INFINITY
        : priceOf(architecture)(
            memoryMb,
            expectedDurationMs({ model: shape.model, memoryMb, architecture }) + 0.5,
          ).toNumber();
    const best = Math.min(...shape.sizes.flatMap((m) => [truth(m, "x86_64"), truth(m, "arm64")]));
    for (const row of stats) {
      const { pick, invocations } = tuneBoth(
        shape,
        7919 * (i + 1),
        row.method as "auto" | "grid 50",
      );
      const regret = pick ? (truth(pick.memoryMb, pick.architecture ?? "x86_64") - best) / best : 1;
      row.runs += 1;
      row.invocations += invocations;
      row.regretSum += regret;
      if (regret <= 0.01) row.within1 += 1;
    }
  }
  return stats;
}

export function formatArchSuite(stats: readonly ArchStats[], count: number): string {
  const lines = stats.map(
    (s) =>
      `  ${s.method.padEnd(8)} invocations ${(s.invocations / s.runs).toFixed(1).padStart(6)}  ≤1% regret ${((s.within1 / s.runs) * 100).toFixed(1).padStart(5)}%  mean regret ${((s.regretSum / s.runs) * 100).toFixed(2)}%`,
  );
  return [
    `bench:tune --arch x86_64,arm64 — ${count} random cost shapes, arm64 CPU work 0.75–1.35× as long; regret against the true optimum over both architectures`,
    ...lines,
  ].join("\n");
}
