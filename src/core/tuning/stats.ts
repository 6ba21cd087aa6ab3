/**
 * The few statistics `tune` needs, in plain numbers (durations are measurements, not money).
 *
 * Choices, and why:
 * - Percentiles: linear interpolation between closest ranks (Hyndman & Fan type 7, the
 *   default of R, NumPy and Excel's PERCENTILE.INC), so p50 of [1,2,3,4] is 2.5.
 * - The 95% interval of a mean is Student's t-interval, mean ± t(0.975, n−1)·s/√n. It is
 *   closed-form (no resampling, so the same samples always give the same interval without
 *   threading a random generator through the analysis), checkable by hand, and the means of
 *   billed durations are close to normal by n ≈ 10 even when single durations are skewed.
 *   A seeded bootstrap would cover skewed small samples slightly better but is 1,000× the work
 *   inside every round of adaptive sampling.
 * - Trimming exists only to compare with AWS Lambda Power Tuning (`discardTopBottom: 0.2`
 *   drops ⌊0.2·n⌋ from each end). Cost must use the untrimmed mean: billing sums every
 *   invocation, so dropping the slow tail would understate what a size costs.
 */

/** Arithmetic mean; NaN for an empty list. `mean([1, 2, 6])` is 3. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let total = 0;
  for (const value of values) total += value;
  return total / values.length;
}

/** Sample standard deviation (n − 1 denominator); 0 for fewer than two values. */
export function sampleStdDev(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  let squares = 0;
  for (const value of values) squares += (value - m) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}

/**
 * The p-th percentile (0 ≤ p ≤ 1), linear between closest ranks (type 7).
 * `percentile([1, 2, 3, 4], 0.5)` is 2.5; `percentile([10, 20, 30], 0.9)` is 28.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (sorted.length - 1) * Math.min(1, Math.max(0, p));
  const low = Math.floor(rank);
  const lower = sorted[low]!;
  const upper = sorted[Math.min(low + 1, sorted.length - 1)]!;
  return lower + (rank - low) * (upper - lower);
}

/**
 * Mean after dropping ⌊trim·n⌋ values from each end (Power Tuning's `discardTopBottom`).
 * `trimmedMean([1, 2, 3, 4, 100], 0.2)` drops 1 and 100 and gives 3.
 */
export function trimmedMean(values: readonly number[], trim: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const cut = Math.floor(sorted.length * trim);
  const kept = sorted.slice(cut, sorted.length - cut);
  return mean(kept.length > 0 ? kept : sorted);
}

/** Two-sided 95% quantiles of Student's t for 1–30 degrees of freedom (standard tables). */
const T975 = [
  12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.306, 2.2622, 2.2281, 2.201, 2.1788,
  2.1604, 2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.093, 2.086, 2.0796, 2.0739, 2.0687, 2.0639,
  2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423,
];
const Z975 = 1.959963984540054;

/**
 * t(0.975, df): the table up to 30, then the Cornish–Fisher expansion in 1/df (Abramowitz &
 * Stegun 26.7.5), which matches the table to 4 decimals at 30 and tends to z = 1.96.
 * `tQuantile975(4)` is 2.7764; `tQuantile975(120)` is 1.9799.
 */
export function tQuantile975(df: number): number {
  if (!(df >= 1)) return Number.POSITIVE_INFINITY;
  const whole = Math.floor(df);
  if (whole <= 30) return T975[whole - 1]!;
  const z = Z975;
  const g1 = (z ** 3 + z) / 4;
  const g2 = (5 * z ** 5 + 16 * z ** 3 + 3 * z) / 96;
  const g3 = (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / 384;
  const g4 = (79 * z ** 9 + 776 * z ** 7 + 1482 * z ** 5 - 1920 * z ** 3 - 945 * z) / 92160;
  return z + g1 / whole + g2 / whole ** 2 + g3 / whole ** 3 + g4 / whole ** 4;
}

/** A sample mean with its 95% t-interval. */
export interface MeanEstimate {
  n: number;
  mean: number;
  /** Sample standard deviation of the values. */
  stdDev: number;
  /** t(0.975, n−1)·s/√n; Infinity when n < 2 (one value says nothing about spread). */
  halfWidth: number;
  ci95: [number, number];
}

/**
 * Mean and 95% t-interval. For [10, 12, 14, 16, 18]: mean 14, s = √10, se = √2,
 * t(4) = 2.7764, so 14 ± 3.9264 = [10.0736, 17.9264]. The lower bound is clamped at 0
 * (durations are never negative); with n < 2 the interval is [0, Infinity].
 */
export function estimateMean(values: readonly number[]): MeanEstimate {
  const n = values.length;
  const m = mean(values);
  const stdDev = sampleStdDev(values);
  const halfWidth =
    n < 2 ? Number.POSITIVE_INFINITY : (tQuantile975(n - 1) * stdDev) / Math.sqrt(n);
  return { n, mean: m, stdDev, halfWidth, ci95: [Math.max(0, m - halfWidth), m + halfWidth] };
}

/**
 * The mean of a mixture: warm invocations with weight 1 − coldShare and cold ones with weight
 * coldShare, e.g. to price a size at production's cold-start rate rather than the tuning run's.
 * Var = (1−c)²·s_w²/n_w + c²·s_c²/n_c; the interval uses t with n_w − 1 degrees of freedom.
 * With no cold value or coldShare 0 it is estimateMean(warm); with no warm value,
 * estimateMean(cold). `stdDev` is the per-invocation equivalent √(Var·n).
 * Example: warm [100, 100], cold [500, 500], coldShare 0.01 → mean 0.99·100 + 0.01·500 = 104.
 */
export function estimateBlendedMean(
  warm: readonly number[],
  cold: readonly number[],
  coldShare: number,
): MeanEstimate {
  if (cold.length === 0 || coldShare <= 0) return estimateMean(warm.length > 0 ? warm : cold);
  if (warm.length === 0) return estimateMean(cold);
  const c = Math.min(1, coldShare);
  const w = estimateMean(warm);
  const k = estimateMean(cold);
  const variance = ((1 - c) * w.stdDev) ** 2 / w.n + (c * k.stdDev) ** 2 / k.n;
  const n = w.n + k.n;
  const m = (1 - c) * w.mean + c * k.mean;
  const halfWidth =
    w.n < 2 ? Number.POSITIVE_INFINITY : tQuantile975(w.n - 1) * Math.sqrt(variance);
  return {
    n,
    mean: m,
    stdDev: Math.sqrt(variance * n),
    halfWidth,
    ci95: [Math.max(0, m - halfWidth), m + halfWidth],
  };
}
