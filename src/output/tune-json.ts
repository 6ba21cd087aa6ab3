/**
 * `tune --format json`: the stable contract (issue 4, Output). One object:
 * `{ function, region, architecture, strategy, balancedWeight, maxDurationMs, originalMemoryMb,
 *    sizes: [{ memoryMb, architecture, invocations, errors, errorsByType, coldStarts, meanInitDurationMs,
 *      feasible, reason?, durationMs: { mean, p50, p90, p99, ci95 }, billedDurationMs: { mean,
 *      ci95: [lo, hi], coldMean }, costPerInvocation, costPerInvocationCi95: [lo, hi],
 *      costPerMillion, maxMemoryUsedMb, memoryHeadroom }],
 *    recommendation: { memoryMb, architecture, reason, distinguishable, advice?,
 *      runnerUpMemoryMb?, runnerUpArchitecture?, equivalentMemoryMb?, equivalenceMargin? } | null,
 *    skippedArchitectures: [{ architecture, reason }], architectureComparison? (with --arch
 *      x86_64,arm64: { memoryMb, x86CostPerMillion, arm64CostPerMillion,
 *      arm64RelativeDifference, distinguishable, x86DurationMs, arm64DurationMs }),
 *    monthlyProjection?, tuningCost, restored, totalInvocations?, stopReason?, throttles?,
 *    trim? }`.
 *
 * Dollars are JSON numbers written from the decimal text (`0.0000040666744`), never through a
 * float — the convention of `estimate --format json`; read them with a decimal-aware parser if
 * you need every digit. `tuningCost` is exact (whole billed milliseconds × prices). Figures
 * priced from a MEAN duration (a float that need not end) are rounded half up: per invocation
 * to 15 places, per 1M invocations and per month to 9 (the same figure, so the two agree), as
 * docs/cli.md says. Durations are ms, rounded to 0.01 ms as REPORT lines print them. A bound that does not exist (an interval from a single
 * invocation, statistics of a size with no successful invocation) is null.
 */
import { type Decimal, roundTo } from "../core/money/index.js";
import type { SizeSummary, TuneResult } from "../core/tuning/types.js";
import { stringifyExact } from "./exact-json.js";

/** The JSON model as a plain object (Decimals kept; renderTuneJson writes them as numbers). */
export function toTuneJson(result: TuneResult): Record<string, unknown> {
  const projection = result.monthlyProjection;
  return omitUndefined({
    function: result.function,
    region: result.region,
    architecture: result.architecture,
    strategy: result.strategy,
    balancedWeight: result.balancedWeight,
    maxDurationMs: result.maxDurationMs,
    originalMemoryMb: result.originalMemoryMb,
    sizes: result.sizes.map((s) => sizeJson(s, result)),
    recommendation: result.recommendation
      ? omitUndefined({
          ...result.recommendation,
          architecture: result.recommendation.architecture ?? result.architecture,
        })
      : null,
    skippedArchitectures: result.skippedArchitectures ?? [],
    architectureComparison: result.architectureComparison
      ? {
          ...result.architectureComparison,
          x86CostPerMillion: money(
            result.architectureComparison.x86CostPerMillion,
            PER_MILLION_PLACES,
          ),
          arm64CostPerMillion: money(
            result.architectureComparison.arm64CostPerMillion,
            PER_MILLION_PLACES,
          ),
          arm64RelativeDifference:
            Math.round(result.architectureComparison.arm64RelativeDifference * 1e6) / 1e6,
          x86DurationMs: ms(result.architectureComparison.x86DurationMs),
          arm64DurationMs: ms(result.architectureComparison.arm64DurationMs),
        }
      : undefined,
    monthlyProjection: projection
      ? {
          monthlyInvocations: projection.monthlyInvocations,
          source: projection.source,
          currentMemoryMb: projection.currentMemoryMb,
          currentMonthlyCost: nullableMoney(projection.currentMonthlyCost, PER_MILLION_PLACES),
          recommendedMonthlyCost: money(projection.recommendedMonthlyCost, PER_MILLION_PLACES),
          monthlySaving: nullableMoney(projection.monthlySaving, PER_MILLION_PLACES),
          bySize: projection.bySize.map((r) => ({
            ...r,
            monthlyCost: money(r.monthlyCost, PER_MILLION_PLACES),
          })),
        }
      : undefined,
    tuningCost: result.tuningCost,
    restored: result.restored,
    totalInvocations: result.totalInvocations,
    stopReason: result.stopReason,
    throttles: result.throttles,
    trim: result.trim,
  });
}

function sizeJson(s: SizeSummary, result: TuneResult): Record<string, unknown> {
  return omitUndefined({
    memoryMb: s.memoryMb,
    architecture: s.architecture ?? result.architecture,
    invocations: s.invocations,
    errors: s.errors,
    errorsByType: s.errorsByType,
    coldStarts: s.coldStarts,
    meanInitDurationMs: ms(s.meanInitDurationMs),
    feasible: s.feasible,
    reason: s.reason,
    durationMs: omitUndefined({
      mean: ms(s.durationMs.mean),
      p50: ms(s.durationMs.p50),
      p90: ms(s.durationMs.p90),
      p99: ms(s.durationMs.p99),
      ci95: s.durationMs.ci95?.map(ms),
      trimmedMean:
        s.durationMs.trimmedMean === undefined ? undefined : ms(s.durationMs.trimmedMean),
    }),
    billedDurationMs: omitUndefined({
      mean: ms(s.billedDurationMs.mean),
      ci95: s.billedDurationMs.ci95.map(ms),
      coldMean:
        s.billedDurationMs.coldMean === undefined ? undefined : ms(s.billedDurationMs.coldMean),
      trimmedMean:
        s.billedDurationMs.trimmedMean === undefined
          ? undefined
          : ms(s.billedDurationMs.trimmedMean),
    }),
    costPerInvocation: money(s.costPerInvocation, PER_INVOCATION_PLACES),
    costPerInvocationCi95: s.costPerInvocationCi95.map((v) => money(v, PER_INVOCATION_PLACES)),
    costPerMillion: money(s.costPerMillion, PER_MILLION_PLACES),
    maxMemoryUsedMb: s.maxMemoryUsedMb,
    memoryHeadroom: Number.isFinite(s.memoryHeadroom)
      ? Math.round(s.memoryHeadroom * 1e4) / 1e4
      : null,
  });
}

function ms(value: number | null): number | null {
  return value === null || !Number.isFinite(value) ? null : Math.round(value * 100) / 100;
}

/** Places for dollars priced from a mean duration: one invocation, and 1M or a month of them. */
export const PER_INVOCATION_PLACES = 15;
export const PER_MILLION_PLACES = 9;

/** Rounded half up to `places`; null when the figure does not exist (an infinite bound). */
export function money(value: Decimal, places: number): Decimal | null {
  return value.isFinite() ? roundTo(value, places) : null;
}

function nullableMoney(value: Decimal | null, places: number): Decimal | null {
  return value === null ? null : money(value, places);
}

function omitUndefined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

/** The JSON text, two-space indented, with a final newline. */
export function renderTuneJson(result: TuneResult): string {
  return `${stringifyExact(toTuneJson(result))}
`;
}
