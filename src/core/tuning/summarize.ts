/**
 * One memory size's measurements → one SizeSummary row: statistics, feasibility and price.
 */
import { Decimal } from "../money/index.js";
import { estimateBlendedMean, estimateMean, percentile, trimmedMean } from "./stats.js";
import type { InvocationCostModel, InvocationSample, SizeSummary } from "./types.js";

export interface SummarizeOptions {
  costModel: InvocationCostModel;
  /** A size whose warm p90 exceeds this is infeasible (`--max-duration`). */
  maxDurationMs?: number | undefined;
  /** 0–0.5: also report Power Tuning's trimmed means (never used for cost). */
  trim?: number | undefined;
  /**
   * Share of invocations that may fail with errors other than out-of-memory, timeout or a
   * crash before the size counts as infeasible. Default 0.1: a function that fails now and
   * then whatever its memory still needs a size; one that fails often at this size does not.
   * "Fails more often" must be shown, not guessed from a few invocations: the size is
   * infeasible when the lower end of the 95% Wilson interval of its error share exceeds this
   * (1 error in 8 is not evidence of a 10% error rate; 3 in 10 is). Judging the raw share
   * made adaptive sampling, which sees 8 invocations of a size before dropping it, discard the
   * best size of a function with a 4% error rate in a third of the bench's runs.
   */
  maxErrorShare?: number | undefined;
  /**
   * Share of production invocations that are cold starts, used to weigh the billed INIT of the
   * run's cold starts into the cost (default 0: the steady-state cost of a warm invocation).
   * Not the run's own share: publishing fresh versions and invoking them concurrently makes,
   * say, 4 of a first batch of 10 cold, where steady traffic sees well under 1%; pricing at
   * the run's share would make sizes with slow INIT look dearer than they are.
   */
  coldStartShare?: number | undefined;
}

/** Errors that say the size itself is wrong: any one of them makes it infeasible. */
const OUT_OF_MEMORY = /OutOfMemory/i;
const FATAL_ERRORS: Array<[RegExp, string]> = [
  [OUT_OF_MEMORY, "out of memory"],
  [/Timedout|timeout/i, "timed out"],
  [/ExitError/i, "runtime crashed (often killed for memory)"],
];

/**
 * Summarizes the samples of one memory size.
 *
 * - Cold starts (INIT ran) are counted and their mean init reported, but kept out of the
 *   duration statistics, which describe warm invocations (all successful ones when there is no
 *   warm one).
 * - The billed mean — and so the cost — is that of a warm successful invocation, plus cold
 *   starts weighed at `coldStartShare` (default 0). Cold starts are billed (Billed Duration
 *   includes INIT since 2025-08-01) and the run's own cost (tuningCost) counts every one, but
 *   a tuning run has far more of them than real traffic, and counting them at the run's rate
 *   made the bench pick wrong sizes for I/O-bound functions (INIT at 128 MB is 14× INIT at
 *   1769 MB). The cold-start count, mean init and mean cold billed duration are reported.
 * - cost per invocation = costModel(memoryMb, mean billed ms); its interval prices the billed
 *   interval's ends (the model is linear in billed ms, so that is exact).
 *
 * @example
 * summarizeSize(1024, samples, { costModel }).costPerMillion // Decimal, e.g. 1.87
 */
export function summarizeSize(
  memoryMb: number,
  samples: readonly InvocationSample[],
  options: SummarizeOptions,
): SizeSummary {
  const failed = samples.filter((s) => s.errorType !== undefined);
  const successful = samples.filter((s) => s.errorType === undefined);
  const warmOnly = successful.filter((s) => !s.coldStart);
  const warm = warmOnly.length > 0 ? warmOnly : successful;
  const errorsByType: Record<string, number> = {};
  for (const sample of failed) {
    const type = sample.errorType ?? "Unknown";
    errorsByType[type] = (errorsByType[type] ?? 0) + 1;
  }
  const inits = samples.flatMap((s) =>
    s.coldStart && s.initDurationMs !== undefined ? [s.initDurationMs] : [],
  );
  const durations = warm.map((s) => s.durationMs);
  const durationEstimate = estimateMean(durations);
  // With no success at all, the billed mean is what the failures cost (for display only).
  const basis = successful.length > 0 ? successful : samples;
  const billedWarm = basis.filter((s) => !s.coldStart).map((s) => s.billedDurationMs);
  const billedCold = basis.filter((s) => s.coldStart).map((s) => s.billedDurationMs);
  const billedEstimate = estimateBlendedMean(billedWarm, billedCold, options.coldStartShare ?? 0);
  const billed = billedWarm.length > 0 ? billedWarm : billedCold;
  const maxMemoryUsedMb = samples.reduce((max, s) => Math.max(max, s.maxMemoryUsedMb), 0);
  const p90 = percentile(durations, 0.9);

  const cost = (ms: number) =>
    Number.isFinite(ms) ? options.costModel(memoryMb, ms) : new Decimal(Number.POSITIVE_INFINITY);
  const costPerInvocation = samples.length > 0 ? cost(billedEstimate.mean) : new Decimal(0);
  const summary: SizeSummary = {
    memoryMb,
    invocations: samples.length,
    errors: failed.length,
    errorsByType,
    coldStarts: samples.filter((s) => s.coldStart).length,
    meanInitDurationMs: inits.length > 0 ? inits.reduce((a, b) => a + b, 0) / inits.length : null,
    feasible: true,
    durationMs: {
      mean: durationEstimate.mean,
      p50: percentile(durations, 0.5),
      p90,
      p99: percentile(durations, 0.99),
      ci95: durationEstimate.ci95,
      stdDev: durationEstimate.stdDev,
    },
    billedDurationMs: {
      mean: billedEstimate.mean,
      ci95: billedEstimate.ci95,
      stdDev: billedEstimate.stdDev,
      n: billedEstimate.n,
      coldMean: billedCold.length > 0 ? estimateMean(billedCold).mean : null,
    },
    costPerInvocation,
    costPerMillion: costPerInvocation.times(1_000_000),
    costPerInvocationCi95:
      samples.length > 0
        ? [cost(billedEstimate.ci95[0]), cost(billedEstimate.ci95[1])]
        : [new Decimal(0), new Decimal(0)],
    maxMemoryUsedMb,
    memoryHeadroom: (memoryMb - maxMemoryUsedMb) / memoryMb,
    successfulInvocations: successful.length,
    warmInvocations: warmOnly.length,
  };
  if (options.trim !== undefined && options.trim > 0) {
    summary.durationMs.trimmedMean = trimmedMean(durations, options.trim);
    summary.billedDurationMs.trimmedMean = trimmedMean(billed, options.trim);
  }
  const reason = infeasibility(summary, options);
  if (reason !== undefined) {
    summary.feasible = false;
    summary.reason = reason;
    if (failsTooOften(summary, options)) summary.failsTooOften = true;
  }
  return summary;
}

/**
 * True when the share of failed invocations alone is over the limit: no out-of-memory, timeout
 * or crash, and not every invocation failed — more invocations could still show it within.
 */
function failsTooOften(summary: SizeSummary, options: SummarizeOptions): boolean {
  const { errors, invocations, errorsByType } = summary;
  const fatal = FATAL_ERRORS.some(([pattern]) =>
    Object.keys(errorsByType).some((type) => pattern.test(type)),
  );
  return (
    !fatal &&
    errors < invocations &&
    wilsonLowerBound(errors, invocations) > (options.maxErrorShare ?? 0.1)
  );
}

/** True when any invocation of the size ran out of memory (the function needs more). */
export function ranOutOfMemory(summary: SizeSummary): boolean {
  return Object.keys(summary.errorsByType).some((type) => OUT_OF_MEMORY.test(type));
}

function infeasibility(summary: SizeSummary, options: SummarizeOptions): string | undefined {
  const { invocations, errors, errorsByType } = summary;
  if (invocations === 0) return "not measured";
  for (const [pattern, label] of FATAL_ERRORS) {
    const types = Object.keys(errorsByType).filter((type) => pattern.test(type));
    const count = types.reduce((total, type) => total + (errorsByType[type] ?? 0), 0);
    if (count > 0) return `${label}: ${types.join(", ")} in ${count} of ${invocations} invocations`;
  }
  const described = Object.entries(errorsByType)
    .map(([type, count]) => `${type} ×${count}`)
    .join(", ");
  if (errors === invocations) return `every invocation failed (${described})`;
  const maxErrorShare = options.maxErrorShare ?? 0.1;
  if (wilsonLowerBound(errors, invocations) > maxErrorShare) {
    const percent = Math.round((errors / invocations) * 100);
    return `${percent}% of invocations failed (${described}), more than ${Math.round(maxErrorShare * 100)}% allowed`;
  }
  const { maxDurationMs } = options;
  if (maxDurationMs !== undefined && summary.durationMs.p90 > maxDurationMs) {
    return `p90 duration ${summary.durationMs.p90.toFixed(1)} ms exceeds --max-duration ${maxDurationMs} ms`;
  }
  return undefined;
}

/**
 * Lower end of the 95% Wilson score interval of a proportion k/n (Wilson 1927):
 * (p + z²/2n − z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n). `wilsonLowerBound(3, 10)` ≈ 0.1078.
 */
export function wilsonLowerBound(k: number, n: number): number {
  if (n === 0) return 0;
  const z = 1.959963984540054;
  const p = k / n;
  const z2n = (z * z) / n;
  const spread = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return Math.max(0, (p + z2n / 2 - spread) / (1 + z2n));
}
