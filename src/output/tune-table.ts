/**
 * `tune --format table`: one row per size, then the recommendation and how sure it is, the
 * monthly projection, what the run cost, and the charts. Dollars per invocation to 9 places
 * (they are millionths of a dollar), per 1M invocations and per month to 4 and 2.
 */
import Table from "cli-table3";
import { formatUsd } from "../core/money/index.js";
import type { SizeSummary, TuneResult } from "../core/tuning/types.js";
import { renderTuneCharts } from "./tune-chart.js";

const HEAD = [
  "MB",
  "inv",
  "err",
  "cold",
  "mean ms",
  "p50",
  "p90",
  "p99",
  "billed ms (95% CI)",
  "$ / invocation",
  "$ / 1M",
  "max mem",
  "feasible",
];

export function renderTuneTable(result: TuneResult): string {
  const table = new Table({ head: HEAD, style: { head: [], border: [] } });
  for (const s of result.sizes) table.push(row(s, result.recommendation?.memoryMb));
  const lines = [
    `${result.function} (${result.region}, ${result.architecture}), memory before the run: ${result.originalMemoryMb} MB`,
    table.toString(),
    ...result.sizes
      .filter((s) => !s.feasible)
      .map((s) => `Infeasible: ${s.memoryMb} MB — ${s.reason ?? "no successful invocation"}.`),
    ...recommendationLines(result),
    ...projectionLines(result),
    `Tuning run: ${result.totalInvocations ?? result.sizes.reduce((n, s) => n + s.invocations, 0)} invocations cost ${formatUsd(result.tuningCost, 6)}${result.stopReason ? `; sampling stopped: ${result.stopReason}` : ""}${result.throttles ? `; ${result.throttles} throttled calls retried` : ""}.`,
    result.restored
      ? "The function is back exactly as found."
      : "WARNING: the function is NOT back as found; run `lambda-cost tune --recover`.",
  ];
  if (result.trim !== undefined) {
    lines.push(
      `Trimmed means (${result.trim * 100}% from each end, Power Tuning's method, for comparison only — costs use the full mean): ${result.sizes
        .map((s) => `${s.memoryMb} MB ${fmt(s.billedDurationMs.trimmedMean)} ms`)
        .join(", ")}`,
    );
  }
  return `${lines.join("\n")}\n\n${renderTuneCharts(result)}`;
}

function row(s: SizeSummary, recommended: number | undefined): string[] {
  const [lo, hi] = s.billedDurationMs.ci95;
  const ci = Number.isFinite(hi)
    ? `${fmt(s.billedDurationMs.mean)} (${fmt(lo)}–${fmt(hi)})`
    : `${fmt(s.billedDurationMs.mean)} (n < 2)`;
  const headroom = Number.isFinite(s.memoryHeadroom)
    ? ` (${Math.round(s.memoryHeadroom * 100)}% free)`
    : "";
  const cold =
    s.coldStarts > 0 && s.meanInitDurationMs !== null
      ? `${s.coldStarts} (init ${fmt(s.meanInitDurationMs)})`
      : String(s.coldStarts);
  return [
    s.memoryMb === recommended ? `${s.memoryMb} *` : String(s.memoryMb),
    String(s.invocations),
    String(s.errors),
    cold,
    fmt(s.durationMs.mean),
    fmt(s.durationMs.p50),
    fmt(s.durationMs.p90),
    fmt(s.durationMs.p99),
    ci,
    s.costPerInvocation.isFinite() ? formatUsd(s.costPerInvocation, 9) : "–",
    s.costPerMillion.isFinite() ? formatUsd(s.costPerMillion, 4) : "–",
    `${s.maxMemoryUsedMb} MB${headroom}`,
    s.feasible ? "yes" : "no",
  ];
}

function recommendationLines(result: TuneResult): string[] {
  const r = result.recommendation;
  const strategy =
    result.strategy === "balanced"
      ? `balanced, weight ${result.balancedWeight ?? 0.5} on cost`
      : result.strategy;
  if (!r) return [`No recommendation (${strategy}): no size is feasible.`];
  return [
    `Recommendation (${strategy}): ${r.memoryMb} MB (*) — ${r.reason}`,
    r.equivalentMemoryMb
      ? `Equivalence: ${r.advice}.`
      : r.distinguishable
        ? "Confidence: the best two sizes differ (the 95% interval of their difference excludes 0)."
        : `Confidence: ${r.advice ?? "not distinguishable at this sample size"}`,
  ];
}

function projectionLines(result: TuneResult): string[] {
  const p = result.monthlyProjection;
  if (!p) return [];
  const volume = `${p.monthlyInvocations.toLocaleString("en-US")} invocations a month (${p.source === "flag" ? "--monthly-invocations" : "CloudWatch, last 30 days"})`;
  const bySize = p.bySize.map((r) => `${r.memoryMb} MB ${formatUsd(r.monthlyCost)}`).join(", ");
  const saving =
    p.monthlySaving === null || p.currentMonthlyCost === null
      ? `current size ${p.currentMemoryMb} MB was not measured, so no saving is computed`
      : p.monthlySaving.isNegative()
        ? `the recommendation costs ${formatUsd(p.monthlySaving.negated())} more a month than the current ${p.currentMemoryMb} MB (${formatUsd(p.currentMonthlyCost)})`
        : `saving ${formatUsd(p.monthlySaving)} a month against the current ${p.currentMemoryMb} MB (${formatUsd(p.currentMonthlyCost)})`;
  return [
    `Monthly projection at ${volume}: ${bySize}; recommended ${formatUsd(p.recommendedMonthlyCost)}, ${saving}.`,
  ];
}

function fmt(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  return value.toFixed(value < 100 ? 2 : 1);
}
