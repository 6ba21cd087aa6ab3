/**
 * The synthetic functions of `npm run bench:tune`, in the emulator's model (issue 3), with the
 * optimum each strategy should find, computed from the model with no noise.
 */
import { type Decimal, dec } from "../src/core/money/index.js";
import type { InvocationCostModel, StrategyOptions } from "../src/core/tuning/types.js";
import { expectedDurationMs } from "../src/emulator/duration-model.js";
import type { FunctionModel } from "../src/emulator/types.js";

export interface Shape {
  name: string;
  model: FunctionModel;
  sizes: number[];
  strategy: StrategyOptions;
  timeoutSec: number;
}

const base: FunctionModel = {
  fixedMs: 0,
  cpuMs: 0,
  parallelCpuMs: 0,
  threads: 1,
  initMs: 250,
  memoryUsedMb: 100,
  gcPressure: 0,
  noiseCv: 0.05,
  errorRate: 0,
  arm64CpuFactor: 1,
};
const cost: StrategyOptions = { strategy: "cost", balancedWeight: 0.5 };
const speed: StrategyOptions = { strategy: "speed", balancedWeight: 0.5 };
const balanced: StrategyOptions = { strategy: "balanced", balancedWeight: 0.5 };
const SIX = [128, 256, 512, 1024, 1769, 3008];

export const SHAPES: Shape[] = [
  {
    name: "cpu-bound, quiet (cv 2%)",
    model: { ...base, fixedMs: 30, cpuMs: 800, memoryUsedMb: 150, noiseCv: 0.02 },
    sizes: SIX,
    strategy: cost,
    timeoutSec: 60,
  },
  {
    name: "cpu-bound, balanced",
    model: { ...base, fixedMs: 30, cpuMs: 800, memoryUsedMb: 150, noiseCv: 0.05 },
    sizes: SIX,
    strategy: balanced,
    timeoutSec: 60,
  },
  {
    name: "io-bound (cv 10%)",
    model: { ...base, fixedMs: 200, cpuMs: 20, memoryUsedMb: 80, noiseCv: 0.1 },
    sizes: SIX,
    strategy: cost,
    timeoutSec: 30,
  },
  {
    name: "io-bound, noisy (cv 30%)",
    model: { ...base, fixedMs: 120, cpuMs: 15, memoryUsedMb: 80, noiseCv: 0.3 },
    sizes: SIX,
    strategy: cost,
    timeoutSec: 30,
  },
  {
    name: "multi-threaded, speed",
    model: {
      ...base,
      fixedMs: 10,
      cpuMs: 50,
      parallelCpuMs: 2000,
      threads: 4,
      memoryUsedMb: 300,
      noiseCv: 0.08,
    },
    sizes: [512, 1024, 1769, 3008, 5307, 7076],
    strategy: speed,
    timeoutSec: 60,
  },
  {
    name: "U-shaped (GC pressure)",
    model: { ...base, fixedMs: 20, cpuMs: 300, memoryUsedMb: 400, gcPressure: 0.5, noiseCv: 0.07 },
    sizes: [512, 1024, 1536, 1769, 2048, 3008],
    strategy: cost,
    timeoutSec: 60,
  },
  {
    name: "U-shaped, errors 2% (cv 15%)",
    model: {
      ...base,
      fixedMs: 40,
      cpuMs: 500,
      memoryUsedMb: 600,
      gcPressure: 0.8,
      noiseCv: 0.15,
      errorRate: 0.02,
    },
    sizes: [1024, 1536, 2048, 3008, 4096],
    strategy: cost,
    timeoutSec: 60,
  },
];

/** us-east-1 x86_64 list prices: $0.20 per 1M requests, $0.0000166667 per GB-s. */
export const costModel: InvocationCostModel = (memoryMb, billedMs): Decimal =>
  dec("0.0000002").plus(
    dec(memoryMb).div(1024).times(dec(billedMs).div(1000)).times("0.0000166667"),
  );

/** The model's expected warm invocation at one size: duration, and billed ≈ duration + ½ ms. */
export function truthAt(
  shape: Shape,
  memoryMb: number,
): { durationMs: number; cost: number } | null {
  if (memoryMb < shape.model.memoryUsedMb) return null; // out of memory
  const durationMs = expectedDurationMs({ model: shape.model, memoryMb, architecture: "x86_64" });
  if (durationMs * 1.5 > shape.timeoutSec * 1000) return null; // times out now and then
  return { durationMs, cost: costModel(memoryMb, durationMs + 0.5).toNumber() };
}

/** Each size's true score under the shape's strategy (lower is better), null when infeasible. */
export function trueScores(shape: Shape): Map<number, number | null> {
  const truths = shape.sizes.map((m) => [m, truthAt(shape, m)] as const);
  const feasible = truths.flatMap(([, t]) => (t ? [t] : []));
  const maxCost = Math.max(...feasible.map((t) => t.cost));
  const maxDuration = Math.max(...feasible.map((t) => t.durationMs));
  const w = shape.strategy.balancedWeight;
  return new Map(
    truths.map(([m, t]) => {
      if (!t) return [m, null];
      if (shape.strategy.strategy === "cost") return [m, t.cost];
      if (shape.strategy.strategy === "speed") return [m, t.durationMs];
      return [m, (w * t.cost) / maxCost + ((1 - w) * t.durationMs) / maxDuration];
    }),
  );
}

/** The true optimum: lowest score; exact ties go to the cheaper size. */
export function trueOptimum(shape: Shape): number {
  const scores = trueScores(shape);
  let best: number | undefined;
  for (const [m, score] of scores) {
    if (score === null) continue;
    const bestScore = best === undefined ? undefined : scores.get(best)!;
    if (bestScore === undefined || bestScore === null || score < bestScore - 1e-9 * bestScore)
      best = m;
  }
  return best!;
}
