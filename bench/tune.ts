/**
 * `npm run bench:tune`: adaptive sampling (`--invocations auto`) against a fixed grid of 50 per
 * size with 20% trimming (AWS Lambda Power Tuning's method), over synthetic function shapes.
 *
 * For each shape and seed: invocations used, what they cost, whether the pick is the true
 * optimum (computed from the model without noise, see tune-shapes.ts), and the regret (how much
 * worse the pick's true score is than the optimum's). Goal (issue 4): the same or better
 * accuracy with at most 40% of the invocations.
 *
 * Env: BENCH_SEEDS (default 200) seeds per shape.
 */
import { adaptive, grid, type Outcome, powerTuning } from "./tune-model.js";
import { SHAPES, type Shape, trueOptimum, trueScores } from "./tune-shapes.js";

const SEEDS = Number(process.env.BENCH_SEEDS ?? 200);
const METHODS: Array<[string, (shape: Shape, seed: number) => Outcome]> = [
  ["auto (lambda-cost)", adaptive],
  ["grid 50, trim 20% (Power Tuning)", powerTuning],
  ["grid 50 (lambda-cost)", grid],
];

interface Row {
  shape: string;
  method: string;
  invocations: number;
  tuningCost: number;
  exact: number;
  within1: number;
  meanRegret: number;
}

const rows: Row[] = [];
const started = performance.now();
for (const shape of SHAPES) {
  const optimum = trueOptimum(shape);
  const scores = trueScores(shape);
  const best = scores.get(optimum)!;
  for (const [method, run] of METHODS) {
    let invocations = 0;
    let tuningCost = 0;
    let exact = 0;
    let within1 = 0;
    let regret = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const outcome = run(shape, seed * 7919 + shape.name.length);
      invocations += outcome.invocations;
      tuningCost += outcome.tuningCost;
      const score = outcome.pick === null ? null : (scores.get(outcome.pick) ?? null);
      const r = score === null ? 1 : (score - best) / best;
      if (outcome.pick === optimum) exact++;
      if (r <= 0.01) within1++;
      regret += r;
    }
    rows.push({
      shape: `${shape.name} → ${optimum} MB (${shape.strategy.strategy})`,
      method,
      invocations: invocations / SEEDS,
      tuningCost: tuningCost / SEEDS,
      exact: exact / SEEDS,
      within1: within1 / SEEDS,
      meanRegret: regret / SEEDS,
    });
  }
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const header = [
  "shape → true optimum",
  "method",
  "invocations",
  "tuning cost",
  "exact",
  "≤1% regret",
  "mean regret",
];
const table = rows.map((r) => [
  r.shape,
  r.method,
  r.invocations.toFixed(1),
  `$${r.tuningCost.toFixed(6)}`,
  pct(r.exact),
  pct(r.within1),
  pct(r.meanRegret),
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
console.log(
  `bench:tune — ${SEEDS} seeds per shape, ${SHAPES.length} shapes, cold starts: first 4 per size\n`,
);
console.log(line(header));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const row of table) console.log(line(row));

const total = (method: string, key: keyof Row) =>
  rows.filter((r) => r.method === method).reduce((t, r) => t + (r[key] as number), 0) /
  SHAPES.length;
const [auto, pt] = [METHODS[0]![0], METHODS[1]![0]];
console.log("\nAverage over shapes:");
for (const [method] of METHODS) {
  console.log(
    `  ${method.padEnd(34)} invocations ${total(method, "invocations").toFixed(1).padStart(6)}  exact ${pct(total(method, "exact")).padStart(6)}  ≤1% regret ${pct(total(method, "within1")).padStart(6)}  mean regret ${pct(total(method, "meanRegret"))}`,
  );
}
const ratio = total(auto, "invocations") / total(pt, "invocations");
console.log(
  `\nauto uses ${pct(ratio)} of the grid's invocations (goal ≤ 40%); exact ${pct(total(auto, "exact"))} vs ${pct(total(pt, "exact"))}, ≤1% regret ${pct(total(auto, "within1"))} vs ${pct(total(pt, "within1"))}. ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
