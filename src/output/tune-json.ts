/**
 * `tune --format json`: the stable contract (issue 4, Output). One object:
 * `{ function, region, architecture, strategy, balancedWeight, maxDurationMs, originalMemoryMb,
 *    sizes: [{ memoryMb, invocations, errors, errorsByType, coldStarts, meanInitDurationMs,
 *      feasible, reason?, durationMs: { mean, p50, p90, p99, ci95 }, billedDurationMs: { mean,
 *      ci95: [lo, hi], coldMean }, costPerInvocation, costPerInvocationCi95: [lo, hi],
 *      costPerMillion, maxMemoryUsedMb, memoryHeadroom }],
 *    recommendation: { memoryMb, reason, distinguishable, advice?, runnerUpMemoryMb?,
 *      equivalentMemoryMb?, equivalenceMargin? } | null,
 *    monthlyProjection?, tuningCost, restored, totalInvocations?, stopReason?, throttles?,
 *    trim? }`.
 *
 * Dollars are JSON numbers written from the exact decimal text (`0.0000040666744`), never
 * through a float and never rounded — the same convention as `estimate --format json`; read
 * them with a decimal-aware parser if you need every digit. Durations are ms, rounded to
 * 0.01 ms as REPORT lines print them. A bound that does not exist (an interval from a single
 * invocation, statistics of a size with no successful invocation) is null.
 */
import type { Decimal } from "../core/money/index.js";
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
    sizes: result.sizes.map(sizeJson),
    recommendation: result.recommendation ? omitUndefined({ ...result.recommendation }) : null,
    monthlyProjection: projection
      ? {
          monthlyInvocations: projection.monthlyInvocations,
          source: projection.source,
          currentMemoryMb: projection.currentMemoryMb,
          currentMonthlyCost: projection.currentMonthlyCost,
          recommendedMonthlyCost: projection.recommendedMonthlyCost,
          monthlySaving: projection.monthlySaving,
          bySize: projection.bySize,
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

function sizeJson(s: SizeSummary): Record<string, unknown> {
  return omitUndefined({
    memoryMb: s.memoryMb,
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
    costPerInvocation: money(s.costPerInvocation),
    costPerInvocationCi95: s.costPerInvocationCi95.map(money),
    costPerMillion: money(s.costPerMillion),
    maxMemoryUsedMb: s.maxMemoryUsedMb,
    memoryHeadroom: Number.isFinite(s.memoryHeadroom)
      ? Math.round(s.memoryHeadroom * 1e4) / 1e4
      : null,
  });
}

function ms(value: number | null): number | null {
  return value === null || !Number.isFinite(value) ? null : Math.round(value * 100) / 100;
}

function money(value: Decimal): Decimal | null {
  return value.isFinite() ? value : null;
}

function omitUndefined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

/** The JSON text, two-space indented, with a final newline. */
export function renderTuneJson(result: TuneResult): string {
  return `${stringifyExact(toTuneJson(result))}
`;
}
