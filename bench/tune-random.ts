/**
 * The randomised suite of `npm run bench:tune` (issue 19): function shapes drawn from wide
 * ranges of the emulator's model, each tuned under the cost and the speed strategy by
 * `--invocations auto`, the 50-per-size grid and Power Tuning's trimmed grid. Picks are scored
 * against the TRUE optimum, computed from the model without noise (tune-shapes.ts), never
 * against a grid run.
 *
 * Ranges (uniform unless said): fixed time 1–1,000 ms (log-uniform); single-threaded CPU work
 * 5–3,000 ms at one vCPU (log-uniform); in 30% of shapes parallel work 50–5,000 ms on 2–6
 * threads; memory need 40–1,500 MB (log-uniform; sizes below it run out of memory); in 40% GC
 * pressure 0–1; noise (coefficient of variation) 2–40%; in 30% an error rate up to 5%; INIT
 * 100–1,500 ms. Sizes: one of four lists (sizes auto, Power Tuning's default, a wide list up to
 * 10,240 MB, and a mid-range list).
 */
import { Rng } from "../src/emulator/rng.js";
import type { FunctionModel } from "../src/emulator/types.js";
import { adaptive, grid, type Outcome, powerTuning } from "./tune-model.js";
import { type Shape, trueOptimum, trueScores } from "./tune-shapes.js";

const SIZE_LISTS = [
  [128, 256, 512, 1024, 1769, 3008],
  [128, 256, 512, 1024, 1536, 3008],
  [128, 256, 512, 1024, 1769, 3008, 5307, 10240],
  [256, 512, 768, 1024, 1536, 2048, 3008],
];

const logUniform = (rng: Rng, low: number, high: number) =>
  Math.exp(Math.log(low) + rng.next() * (Math.log(high) - Math.log(low)));

/** One random function model; every shape keeps at least two sizes that do not run out of memory. */
export function randomShape(
  rng: Rng,
  index: number,
  strategy: "cost" | "speed",
  sizesOverride?: number[],
): Shape {
  const sizes = sizesOverride ?? SIZE_LISTS[Math.floor(rng.next() * SIZE_LISTS.length)]!;
  const parallel = rng.next() < 0.3;
  const gc = rng.next() < 0.4;
  const errors = rng.next() < 0.3;
  const secondLargest = sizes[sizes.length - 2]!;
  const model: FunctionModel = {
    fixedMs: logUniform(rng, 1, 1000),
    cpuMs: logUniform(rng, 5, 3000),
    parallelCpuMs: parallel ? logUniform(rng, 50, 5000) : 0,
    threads: parallel ? 2 + Math.floor(rng.next() * 5) : 1,
    initMs: 100 + rng.next() * 1400,
    memoryUsedMb: Math.min(logUniform(rng, 40, 1500), secondLargest * 0.9),
    gcPressure: gc ? rng.next() : 0,
    noiseCv: 0.02 + rng.next() * 0.38,
    errorRate: errors ? rng.next() * 0.05 : 0,
    arm64CpuFactor: 1,
  };
  return {
    name: `random-${index}`,
    model,
    sizes,
    strategy: { strategy, balancedWeight: 0.5 },
    timeoutSec: 900,
  };
}

export interface MethodStats {
  method: string;
  strategy: string;
  runs: number;
  invocations: number[];
  ratios: number[];
  exact: number;
  within1: number;
  regretSum: number;
  worstRegret: number;
  /** Regret of each run, in shape order (paired with the other methods' runs). */
  regrets: number[];
}

/** Far above the largest seed within a draw (7919 × 201), so run seeds never share a stream. */
const RUN_SEED_STRIDE = 104_729_000;

/** The runs of several draws as one: same methods and strategies, runs appended in order. */
export function poolStats(draws: readonly MethodStats[][]): MethodStats[] {
  const pooled = new Map<string, MethodStats>();
  for (const draw of draws) {
    for (const row of draw) {
      const key = `${row.method}|${row.strategy}`;
      const into = pooled.get(key);
      if (!into) {
        pooled.set(key, {
          ...row,
          invocations: [...row.invocations],
          ratios: [...row.ratios],
          regrets: [...row.regrets],
        });
        continue;
      }
      into.runs += row.runs;
      into.invocations.push(...row.invocations);
      into.ratios.push(...row.ratios);
      into.regrets.push(...row.regrets);
      into.exact += row.exact;
      into.within1 += row.within1;
      into.regretSum += row.regretSum;
      into.worstRegret = Math.max(into.worstRegret, row.worstRegret);
    }
  }
  return [...pooled.values()];
}

const METHODS: Array<[string, (shape: Shape, seed: number) => Outcome]> = [
  ["auto", adaptive],
  ["grid 50", grid],
  ["grid 50, trim 20%", powerTuning],
];

/**
 * Runs `count` random shapes per strategy (on `sizes`, else a random list); one seed each.
 * `runSeed` draws other invocations for the same shapes (0: the suite's own draws).
 */
export function runRandomSuite(
  count: number,
  seed = 19,
  sizes?: number[],
  runSeed = 0,
): MethodStats[] {
  const stats = new Map<string, MethodStats>();
  for (const strategy of ["cost", "speed"] as const) {
    const rng = new Rng(seed * 1000 + (strategy === "cost" ? 1 : 2));
    for (let i = 0; i < count; i++) {
      const shape = randomShape(rng, i, strategy, sizes);
      const scores = trueScores(shape);
      const best = scores.get(trueOptimum(shape))!;
      const gridTotal = 50 * shape.sizes.length;
      for (const [method, run] of METHODS) {
        const key = `${method}|${strategy}`;
        const row = stats.get(key) ?? {
          method,
          strategy,
          runs: 0,
          invocations: [],
          ratios: [],
          exact: 0,
          within1: 0,
          regretSum: 0,
          worstRegret: 0,
          regrets: [],
        };
        const outcome = run(
          shape,
          7919 * (i + 1) + (strategy === "cost" ? 0 : 1) + RUN_SEED_STRIDE * runSeed,
        );
        const score = outcome.pick === null ? null : (scores.get(outcome.pick) ?? null);
        const regret = score === null ? 1 : (score - best) / best;
        row.runs += 1;
        row.invocations.push(outcome.invocations);
        row.ratios.push(outcome.invocations / gridTotal);
        if (outcome.pick === trueOptimum(shape)) row.exact += 1;
        if (regret <= 0.01) row.within1 += 1;
        row.regretSum += regret;
        row.regrets.push(regret);
        row.worstRegret = Math.max(row.worstRegret, regret);
        if (process.env.BENCH_REASONS && method === "auto") {
          // One line per auto run (share of the grid, why it stopped) to tally stop reasons.
          console.log(`REASON ${strategy} ${row.ratios.at(-1)?.toFixed(2)} ${outcome.reason}`);
        }
        stats.set(key, row);
      }
    }
  }
  return [...stats.values()];
}
