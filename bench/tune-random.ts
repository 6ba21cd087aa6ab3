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

const METHODS: Array<[string, (shape: Shape, seed: number) => Outcome]> = [
  ["auto", adaptive],
  ["grid 50", grid],
  ["grid 50, trim 20%", powerTuning],
];

/** Runs `count` random shapes per strategy; one emulator seed per shape. */
export function runRandomSuite(count: number, seed = 19): MethodStats[] {
  const stats = new Map<string, MethodStats>();
  for (const strategy of ["cost", "speed"] as const) {
    const rng = new Rng(seed * 1000 + (strategy === "cost" ? 1 : 2));
    for (let i = 0; i < count; i++) {
      const shape = randomShape(rng, i, strategy);
      const scores = trueScores(shape);
      const best = scores.get(trueOptimum(shape))!;
      const gridTotal = 50 * shape.sizes.length;
      let autoRegret = 0;
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
        const outcome = run(shape, 7919 * (i + 1) + (strategy === "cost" ? 0 : 1));
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
        if (method === "auto") autoRegret = regret;
        if (process.env.BENCH_REASONS && method === "auto") {
          const kind = (outcome.reason ?? "").replace(/\d+ MB/g, "X").replace(/ \(auto:.*$/, "").replace(/\d+/g, "N").replace(/(X, )+X/g, "Xs");
          console.log(`REASON ${strategy} ${(outcome.invocations / gridTotal).toFixed(2)} ${kind}`);
        }
        if (process.env.BENCH_DEBUG && method === "grid 50" && Math.abs(autoRegret - regret) > 0.005) {
          const m = shape.model;
          console.log(
            `${strategy} #${i} regret auto ${(autoRegret * 100).toFixed(2)}% grid ${(regret * 100).toFixed(2)}% grid pick ${outcome.pick} optimum ${trueOptimum(shape)} | fixed ${m.fixedMs.toFixed(0)} cpu ${m.cpuMs.toFixed(0)} par ${m.parallelCpuMs.toFixed(0)}×${m.threads} used ${m.memoryUsedMb.toFixed(0)} gc ${m.gcPressure.toFixed(2)} cv ${m.noiseCv.toFixed(2)} err ${m.errorRate.toFixed(3)} | ${outcome.perSize} | ${outcome.reason}`,
          );
        }
        stats.set(key, row);
      }
    }
  }
  return [...stats.values()];
}

function quantile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (sorted.length - 1) * p;
  const low = Math.floor(rank);
  const upper = sorted[Math.min(low + 1, sorted.length - 1)]!;
  return sorted[low]! + (rank - low) * (upper - sorted[low]!);
}

/** The suite's table, and whether auto meets issue 19's goal for each strategy. */
export function formatRandomSuite(stats: MethodStats[], count: number): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const pct2 = (x: number) => `${(x * 100).toFixed(2)}%`;
  const header = [
    "strategy",
    "method",
    "invocations (mean)",
    "of grid: median",
    "p90",
    "max",
    "exact",
    "≤1% regret",
    "mean regret",
    "worst regret",
  ];
  const body = stats.map((s) => [
    s.strategy,
    s.method,
    (s.invocations.reduce((a, b) => a + b, 0) / s.runs).toFixed(1),
    pct(quantile(s.ratios, 0.5)),
    pct(quantile(s.ratios, 0.9)),
    pct(Math.max(...s.ratios)),
    pct(s.exact / s.runs),
    pct(s.within1 / s.runs),
    pct2(s.regretSum / s.runs),
    pct2(s.worstRegret),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
  const out = [
    `bench:tune randomised suite — ${count} random shapes × cost and speed, one seed each; regret against the true optimum from the model\n`,
    line(header),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...body.map(line),
    "",
  ];
  for (const strategy of ["cost", "speed"]) {
    const auto = stats.find((s) => s.method === "auto" && s.strategy === strategy)!;
    const gridRow = stats.find((s) => s.method === "grid 50" && s.strategy === strategy)!;
    const checks = [
      [`median ratio ${pct(quantile(auto.ratios, 0.5))} ≤ 30%`, quantile(auto.ratios, 0.5) <= 0.3],
      [`p90 ${pct(quantile(auto.ratios, 0.9))} ≤ 50%`, quantile(auto.ratios, 0.9) <= 0.5],
      [`max ${pct(Math.max(...auto.ratios))} ≤ 100%`, Math.max(...auto.ratios) <= 1],
      [
        `mean regret ${pct2(auto.regretSum / auto.runs)} ≤ grid's ${pct2(gridRow.regretSum / gridRow.runs)}`,
        auto.regretSum / auto.runs <= gridRow.regretSum / gridRow.runs,
      ],
      [
        `≤1% share ${pct(auto.within1 / auto.runs)} ≥ grid's ${pct(gridRow.within1 / gridRow.runs)}`,
        auto.within1 >= gridRow.within1,
      ],
    ] as const;
    const diffs = auto.regrets.map((r, i) => r - gridRow.regrets[i]!);
    const meanDiff = diffs.reduce((a, b) => a + b, 0) / diffs.length;
    const sd = Math.sqrt(diffs.reduce((a, d) => a + (d - meanDiff) ** 2, 0) / (diffs.length - 1));
    const hw = (1.96 * sd) / Math.sqrt(diffs.length);
    out.push(
      `paired regret difference auto − grid (${strategy}): ${pct2(meanDiff)} ± ${pct2(hw)} (95%, same shapes)`,
    );
    out.push(
      `goal (${strategy}): ${checks.map(([text, ok]) => `${ok ? "✓" : "✗"} ${text}`).join("; ")}`,
    );
  }
  return out.join("\n");
}
