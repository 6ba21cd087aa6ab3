/**
 * `tune --format table`: one row per size, then the recommendation and how sure it is, the
 * monthly projection, what the run cost, and the charts. Dollars per invocation to 9 places
 * (they are millionths of a dollar), per 1M invocations and per month to 4 and 2. Memory sizes
 * are written as AWS writes them (1769 MB); counts and durations with thousands separators.
 */
import { formatCount, formatUsd, groupDigits } from "../core/money/index.js";
import { describeComparison } from "../core/tuning/architectures.js";
import type { SizeSummary, TuneResult } from "../core/tuning/types.js";
import type { RenderOptions } from "./format.js";
import { type Column, renderTable, wrapProse } from "./text-table.js";
import { renderTuneCharts } from "./tune-chart.js";

const COLUMNS: Column[] = [
  { head: "MB", align: "right" },
  { head: "inv", align: "right" },
  { head: "err", align: "right" },
  { head: "cold", align: "right" },
  { head: "mean ms", align: "right" },
  { head: "p50", align: "right" },
  { head: "p90", align: "right" },
  { head: "p99", align: "right" },
  { head: "billed ms (95% CI)", align: "right" },
  { head: "$ / invocation", align: "right" },
  { head: "$ / 1M", align: "right" },
  { head: "max mem", align: "right" },
  { head: "feasible" },
];

/** True when sizes of more than one architecture were measured (`tune --arch x86_64,arm64`). */
export function severalArchitectures(result: TuneResult): boolean {
  return new Set(result.sizes.map((s) => s.architecture ?? result.architecture)).size > 1;
}

export function renderTuneTable(result: TuneResult, options: RenderOptions = {}): string {
  const maxWidth = options.maxWidth ?? Number.POSITIVE_INFINITY;
  const several = severalArchitectures(result);
  const rec = result.recommendation;
  const isPick = (s: SizeSummary) =>
    rec !== null &&
    s.memoryMb === rec.memoryMb &&
    (!several ||
      (s.architecture ?? result.architecture) === (rec.architecture ?? result.architecture));
  const rows = result.sizes.map((s) => {
    const cells = row(s, isPick(s));
    return several ? [cells[0]!, s.architecture ?? result.architecture, ...cells.slice(1)] : cells;
  });
  const columns = several ? [COLUMNS[0]!, { head: "arch" }, ...COLUMNS.slice(1)] : COLUMNS;
  const prose = (lines: string[]) => wrapProse(lines.join("\n"), maxWidth);
  const lines = [
    prose([
      `${result.function} (${result.region}, ${result.architecture}), memory before the run: ${result.originalMemoryMb} MB`,
    ]),
    renderTable(columns, rows, { maxWidth }),
    prose([
      ...result.sizes
        .filter((s) => !s.feasible)
        .map(
          (s) =>
            `Infeasible: ${s.memoryMb} MB${several ? ` ${s.architecture}` : ""} — ${s.reason ?? "no successful invocation"}.`,
        ),
      ...(result.skippedArchitectures ?? []).map(
        (s) => `Not measured: ${s.architecture} — ${s.reason}.`,
      ),
      ...recommendationLines(result, several),
      ...(result.architectureComparison
        ? [`Architectures: ${describeComparison(result.architectureComparison)}.`]
        : []),
      ...projectionLines(result),
      `Tuning run: ${formatCount(result.totalInvocations ?? result.sizes.reduce((n, s) => n + s.invocations, 0))} invocations cost ${formatUsd(result.tuningCost, 6)}${result.stopReason ? `; sampling stopped: ${result.stopReason}` : ""}${result.throttles ? `; ${formatCount(result.throttles)} throttled calls retried` : ""}.`,
      result.restored
        ? "The function is back exactly as found."
        : `${result.function} is NOT exactly as found: it was changed during the run; which field is whose (and what to run, if anything) is said on stderr.`,
      ...trimLines(result),
    ]),
  ];
  return `${lines.filter((l) => l !== "").join("\n")}\n\n${wrapProse(renderTuneCharts(result), maxWidth)}`;
}

function trimLines(result: TuneResult): string[] {
  if (result.trim === undefined) return [];
  return [
    `Trimmed means (${result.trim * 100}% from each end, Power Tuning's method, for comparison only — costs use the full mean): ${result.sizes
      .map((s) => `${s.memoryMb} MB ${fmt(s.billedDurationMs.trimmedMean)} ms`)
      .join(", ")}`,
  ];
}

function row(s: SizeSummary, recommended: boolean): string[] {
  const [lo, hi] = s.billedDurationMs.ci95;
  const ci = Number.isFinite(hi)
    ? `${fmt(s.billedDurationMs.mean)} (${fmt(lo)}–${fmt(hi)})`
    : `${fmt(s.billedDurationMs.mean)} (n < 2)`;
  const headroom = Number.isFinite(s.memoryHeadroom)
    ? ` (${Math.round(s.memoryHeadroom * 100)}% free)`
    : "";
  const cold =
    s.coldStarts > 0 && s.meanInitDurationMs !== null
      ? `${formatCount(s.coldStarts)} (init ${fmt(s.meanInitDurationMs)})`
      : formatCount(s.coldStarts);
  return [
    recommended ? `${s.memoryMb} *` : `${s.memoryMb}  `,
    formatCount(s.invocations),
    formatCount(s.errors),
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

function recommendationLines(result: TuneResult, several: boolean): string[] {
  const r = result.recommendation;
  const strategy =
    result.strategy === "balanced"
      ? `balanced, weight ${result.balancedWeight ?? 0.5} on cost`
      : result.strategy;
  if (!r) return [`No recommendation (${strategy}): no size is feasible.`];
  return [
    `Recommendation (${strategy}): ${r.memoryMb} MB${several ? ` on ${r.architecture ?? result.architecture}` : ""} (*) — ${r.reason}`,
    r.equivalentMemoryMb
      ? `Equivalence: ${r.advice}.`
      : r.advice
        ? `Confidence: ${r.advice}`
        : r.distinguishable
          ? "Confidence: the best two sizes differ (the 95% interval of their difference excludes 0)."
          : "Confidence: not distinguishable at this sample size",
  ];
}

function projectionLines(result: TuneResult): string[] {
  const p = result.monthlyProjection;
  if (!p) return [];
  const volume = `${formatCount(p.monthlyInvocations)} invocations a month (${p.source === "flag" ? "--monthly-invocations" : "CloudWatch, last 30 days"})`;
  const several = severalArchitectures(result);
  const bySize = p.bySize
    .map(
      (r) =>
        `${r.memoryMb} MB${several && r.architecture ? ` ${r.architecture}` : ""} ${formatUsd(r.monthlyCost)}`,
    )
    .join(", ");
  const current = `${p.currentMemoryMb} MB${several ? ` ${result.architecture}` : ""}`;
  const saving =
    p.monthlySaving === null || p.currentMonthlyCost === null
      ? `current size ${current} was not measured, so no saving is computed`
      : p.monthlySaving.isNegative()
        ? `the recommendation costs ${formatUsd(p.monthlySaving.negated())} more a month than the current ${current} (${formatUsd(p.currentMonthlyCost)})`
        : `saving ${formatUsd(p.monthlySaving)} a month against the current ${current} (${formatUsd(p.currentMonthlyCost)})`;
  return [
    `Monthly projection at ${volume}: ${bySize}; recommended ${formatUsd(p.recommendedMonthlyCost)}, ${saving}.`,
  ];
}

/** Milliseconds: 2 decimals below 100 ms, 1 above, thousands separated ("7,047.4"). */
function fmt(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  return groupDigits(value.toFixed(value < 100 ? 2 : 1));
}
