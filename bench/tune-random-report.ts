/**
 * The table of the randomised suite (tune-random.ts) and the check against issue 19's goal:
 * median auto/grid invocation ratio ≤ 30%, 90th percentile ≤ 50%, maximum ≤ 100%; mean regret
 * no worse than the grid's and within-1% share no lower, for both strategies.
 */
import type { MethodStats } from "./tune-random.js";

function quantile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (sorted.length - 1) * p;
  const low = Math.floor(rank);
  const upper = sorted[Math.min(low + 1, sorted.length - 1)]!;
  return sorted[low]! + (rank - low) * (upper - sorted[low]!);
}

/** Issue 19's five goals for one strategy: each one's text and whether auto meets it. */
export function goalChecks(
  stats: readonly MethodStats[],
  strategy: string,
): Array<readonly [string, boolean]> {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const pct2 = (x: number) => `${(x * 100).toFixed(2)}%`;
  const auto = stats.find((s) => s.method === "auto" && s.strategy === strategy)!;
  const gridRow = stats.find((s) => s.method === "grid 50" && s.strategy === strategy)!;
  return [
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
  ];
}

/** Per strategy, how many of the draws meet each goal (median, p90, max, regret, within 1%). */
export function formatGoalsPerDraw(draws: readonly MethodStats[][]): string {
  const names = ["median", "p90", "max", "mean regret", "≤1% share"];
  return ["cost", "speed"]
    .map((strategy) => {
      const met = names.map(
        (_, k) => draws.filter((draw) => goalChecks(draw, strategy)[k]![1]).length,
      );
      return `goal met per draw (${strategy}): ${names.map((name, k) => `${name} ${met[k]}/${draws.length}`).join(", ")}`;
    })
    .join("\n");
}

/** The suite's table, and whether auto meets issue 19's goal for each strategy. */
export function formatRandomSuite(stats: MethodStats[], count: number, title = ""): string {
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
    `bench:tune randomised suite${title} — ${count} random shapes × cost and speed, one seed each; regret against the true optimum from the model\n`,
    line(header),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...body.map(line),
    "",
  ];
  for (const strategy of ["cost", "speed"]) {
    const auto = stats.find((s) => s.method === "auto" && s.strategy === strategy)!;
    const gridRow = stats.find((s) => s.method === "grid 50" && s.strategy === strategy)!;
    const checks = goalChecks(stats, strategy);
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
