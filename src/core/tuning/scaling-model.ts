/**
 * Lambda's CPU-scaling model, fitted across sizes, so that every size's measurements inform the
 * comparison of any two (issue 19).
 *
 * Lambda gives a function CPU in proportion to its memory: one vCPU at 1,769 MB, up to six at
 * 10,240 MB (AWS Lambda developer guide, "Memory and computing power"). A function that spends
 * F ms waiting (I/O, sleeps), C ms of single-threaded CPU work and P ms of work that spreads over
 * every vCPU it is given therefore takes, at memory m with v = min(m / 1769, 6) vCPUs,
 *
 *   d(m) = F + (C + P) · 1/min(1, v) + P · min(0, 1/v − 1)
 *
 * which is linear in (F, C + P, P). The mean duration (or billed duration) of each measured size
 * is fitted by weighted least squares; the noise is pooled across sizes as one coefficient of
 * variation (Lambda's run-to-run noise is multiplicative: a slower size is slower in proportion,
 * so the relative spread is what sizes share). The fit is used only when it passes a
 * lack-of-fit test: a function whose memory itself changes its work (garbage collection under
 * memory pressure, caches sized by memory) does not follow the model, and the test sends the
 * decision back to the per-size comparison.
 *
 * Memory pressure has a known shape, though: a garbage collector that must keep `used` MB live in
 * a heap of m MB does work in proportion to used/(m − used) for each unit of allocation (Appel,
 * "Garbage collection can be faster than stack allocation", 1987), and allocation goes with the
 * CPU work. So
 * {@link fitWithPressure} may add a fourth feature, the CPU feature × u/(1 − u) with u = Max
 * Memory Used / m at each size, and keeps it only when it lowers the weighted residual sum of
 * squares by more than the 80th percentile of χ²(1) with a positive coefficient (an
 * extra-sum-of-squares test, as strict as the lack-of-fit test below).
 */
import { LAMBDA_CPU } from "../lambda-limits.js";
import { tQuantile975 } from "./stats.js";

const { mbPerVcpu: MB_PER_VCPU, maxVcpus: MAX_VCPU } = LAMBDA_CPU;

/** One size's measured mean with its spread. */
export interface ScalingPoint {
  memoryMb: number;
  mean: number;
  stdDev: number;
  n: number;
  /** Max Memory Used at this size, MB; the memory-pressure feature needs it (0: unknown). */
  usedMb?: number | undefined;
}

export interface ScalingFit {
  /** Model parameters, one per used feature. */
  beta: number[];
  /** Covariance of beta. */
  covariance: number[][];
  /** Which of the three features are used (a list with no size above 1,769 MB cannot see P). */
  used: boolean[];
  /** Pooled coefficient of variation of one invocation, and its degrees of freedom. */
  cv: number;
  df: number;
  /** Lack-of-fit statistic: Σ residual²/variance over (points − parameters). */
  lackOfFit: number;
  /** True when the lack-of-fit statistic is within what noise alone would give. */
  fits: boolean;
  /** True when the fit has the memory-pressure feature ({@link fitWithPressure}). */
  pressure: boolean;
}

/**
 * The model's features at a memory size: [1, 1/min(1, v), min(0, 1/v − 1)], and with
 * `pressureUsedMb` (the memory the function used there) a fourth, 1/min(1, v) · u/(1 − u) with
 * u = used/m held below 0.95 (a size that ran out of memory is infeasible, never fitted).
 */
export function scalingFeatures(memoryMb: number, pressureUsedMb?: number): number[] {
  const v = Math.min(memoryMb / MB_PER_VCPU, MAX_VCPU);
  const features = [1, 1 / Math.min(1, v), Math.min(0, 1 / v - 1)];
  if (pressureUsedMb === undefined) return features;
  const u = Math.min(pressureUsedMb / memoryMb, MAX_PRESSURE_SHARE);
  return [...features, features[1]! * (u / (1 - u))];
}

const MAX_PRESSURE_SHARE = 0.95;
/** 80th percentile of χ²(1): the extra-sum-of-squares test of the memory-pressure feature. */
const PRESSURE_CRITICAL = 1.6424;

/**
 * The fit with the memory-pressure feature, when the points need it: it lowers the weighted
 * residual sum of squares of the free fit by more than {@link PRESSURE_CRITICAL} with a positive
 * coefficient (more pressure, more time). Null when it does not, when no point says how much
 * memory was used, or when there are too few points for four parameters and a test.
 */
export function fitWithPressure(
  points: readonly ScalingPoint[],
  criticalRatio = lackOfFitCritical,
): ScalingFit | null {
  // Every point fitted must say how much memory it used: with u = 0 at one size the feature
  // would be a free offset for the others, a dummy that fits anything.
  const fitted = points.filter((p) => p.n >= 2 && p.mean > 0 && Number.isFinite(p.stdDev));
  if (!fitted.every((p) => (p.usedMb ?? 0) > 0)) return null;
  const plain = fitPoints(points, criticalRatio, false);
  const withPressure = fitPoints(points, criticalRatio, true);
  if (!plain || !withPressure?.fit.used[3]) return null;
  const coefficient = withPressure.freeBeta.at(-1)!;
  if (!(coefficient > 0) || plain.freeChi - withPressure.freeChi <= PRESSURE_CRITICAL) return null;
  return withPressure.fit;
}

/**
 * Fits the model to per-size means; null with fewer sizes than parameters + 1 (no test of fit
 * is possible) or with no spread to pool.
 *
 * @param criticalRatio the lack-of-fit statistic above which the fit is refused.
 */
export function fitScalingModel(
  points: readonly ScalingPoint[],
  criticalRatio = lackOfFitCritical,
): ScalingFit | null {
  return fitPoints(points, criticalRatio, false)?.fit ?? null;
}

function fitPoints(
  points: readonly ScalingPoint[],
  criticalRatio: typeof lackOfFitCritical,
  pressure: boolean,
): { fit: ScalingFit; freeBeta: number[]; freeChi: number } | null {
  const usable = points.filter((p) => p.n >= 2 && p.mean > 0 && Number.isFinite(p.stdDev));
  const rows = usable.map((p) =>
    scalingFeatures(p.memoryMb, pressure ? (p.usedMb ?? 0) : undefined),
  );
  const used = (rows[0] ?? []).map(
    (_, k) => k === 0 || new Set(rows.map((r) => r[k]!.toFixed(12))).size > 1,
  );
  const width = used.filter(Boolean).length;
  if (usable.length < width + 1) return null;
  let squares = 0;
  let df = 0;
  for (const p of usable) {
    squares += (p.n - 1) * (p.stdDev / p.mean) ** 2;
    df += p.n - 1;
  }
  const cv = Math.sqrt(squares / df);
  if (!(cv > 0)) return null;
  const x = rows.map((r) => r.filter((_, k) => used[k]));
  const y = usable.map((p) => p.mean);
  const weight = usable.map((p) => p.n / (cv * p.mean) ** 2);
  const free = solveWeighted(x, y, weight, Array(width).fill(true));
  if (!free) return null;
  // The point estimate respects the physics: no time is negative (F, C + P, P ≥ 0). Noise alone
  // often gives a slightly negative fixed time, which would make more memory look cheaper than
  // it is; the best fit with every parameter ≥ 0 is found among the fits with some parameters
  // held at 0 (at most 2³ of them). The spread of the differences stays that of the free fit.
  let beta = free.beta;
  let estimated = width;
  if (beta.some((b) => b < 0)) {
    let best: { beta: number[]; chi: number; estimated: number } | null = null;
    for (let mask = 0; mask < 2 ** width - 1; mask++) {
      const keep = Array.from({ length: width }, (_, k) => (mask & (1 << k)) !== 0);
      const sub = solveWeighted(x, y, weight, keep);
      if (!sub || sub.beta.some((b) => b < 0)) continue;
      const chi = chiSquare(x, y, weight, sub.beta);
      if (!best || chi < best.chi)
        best = { beta: sub.beta, chi, estimated: keep.filter(Boolean).length };
    }
    if (!best) return null;
    beta = best.beta;
    estimated = best.estimated;
  }
  // A parameter held at 0 is not estimated from the points, so it takes no degree of freedom
  // from the lack-of-fit test: dividing by points − width there would inflate the statistic (on
  // exact single-threaded model data, whose P is 0 and comes out negative half the time, the
  // test refused 26% of fits, not the 20% it is set to).
  const lackDf = usable.length - estimated;
  const lackOfFit = chiSquare(x, y, weight, beta) / lackDf;
  const fit: ScalingFit = {
    beta,
    covariance: free.covariance,
    used,
    cv,
    df,
    lackOfFit,
    fits: lackOfFit <= criticalRatio(lackDf, df),
    pressure,
  };
  return { fit, freeBeta: free.beta, freeChi: chiSquare(x, y, weight, free.beta) };
}

/** Weighted least squares with the parameters not in `keep` held at 0. */
function solveWeighted(
  x: readonly number[][],
  y: readonly number[],
  weight: readonly number[],
  keep: readonly boolean[],
): { beta: number[]; covariance: number[][] } | null {
  const index = keep.flatMap((k, i) => (k ? [i] : []));
  const normal = index.map((a) =>
    index.map((b) => x.reduce((s, r, i) => s + weight[i]! * r[a]! * r[b]!, 0)),
  );
  const inverse = invert(normal);
  if (!inverse) return null;
  const xty = index.map((a) => x.reduce((s, r, i) => s + weight[i]! * r[a]! * y[i]!, 0));
  const sub = inverse.map((row) => row.reduce((s, c, b) => s + c * xty[b]!, 0));
  const beta = keep.map(() => 0);
  const covariance = keep.map(() => keep.map(() => 0));
  for (const [a, i] of index.entries()) {
    beta[i] = sub[a]!;
    for (const [b, j] of index.entries()) covariance[i]![j] = inverse[a]![b]!;
  }
  return { beta, covariance };
}

function chiSquare(
  x: readonly number[][],
  y: readonly number[],
  weight: readonly number[],
  beta: readonly number[],
): number {
  let chi = 0;
  for (const [i, row] of x.entries()) {
    const fitted = row.reduce((s, v, k) => s + v * beta[k]!, 0);
    chi += weight[i]! * (y[i]! - fitted) ** 2;
  }
  return chi;
}

/**
 * The model's features at a size, restricted to the fit's used ones; `usedMb` (Max Memory Used
 * there) matters only to a fit with the memory-pressure feature.
 */
export function fitFeatures(fit: ScalingFit, memoryMb: number, usedMb = 0): number[] {
  return scalingFeatures(memoryMb, fit.pressure ? usedMb : undefined).filter((_, k) => fit.used[k]);
}

/** Fitted mean at a size. */
export function predictMean(fit: ScalingFit, memoryMb: number, usedMb = 0): number {
  return fitFeatures(fit, memoryMb, usedMb).reduce((s, v, k) => s + v * fit.beta[k]!, 0);
}

/** g'·C·g: the variance of Σ g·beta under a covariance C of beta. */
export function quadraticForm(covariance: readonly number[][], g: readonly number[]): number {
  let variance = 0;
  for (let a = 0; a < g.length; a++) {
    for (let b = 0; b < g.length; b++) variance += g[a]! * covariance[a]![b]! * g[b]!;
  }
  return Math.max(0, variance);
}

/**
 * 95% interval of a linear combination Σ g·beta (e.g. the difference of two sizes' prices): its
 * value's spread from the fit's covariance, with t on the pooled degrees of freedom.
 */
export function combinationHalfWidth(fit: ScalingFit, g: readonly number[]): number {
  return tQuantile975(fit.df) * Math.sqrt(quadraticForm(fit.covariance, g));
}

/**
 * The lack-of-fit statistic's critical value: the 80th percentile of χ²(k)/k (Wilson–Hilferty),
 * deliberately strict — refusing a good fit costs invocations, trusting a bad one costs a wrong
 * pick. The pooled spread's own uncertainty (df2) is ignored: df2 is large once sizes have their
 * first batches.
 */
export function lackOfFitCritical(k: number, _df2: number): number {
  const z = 0.8416; // 80th percentile of the standard normal
  const c = 2 / (9 * k);
  return (1 - c + z * Math.sqrt(c)) ** 3;
}

/** Gauss–Jordan inverse of a small symmetric positive-definite matrix; null when singular. */
export function invert(matrix: readonly number[][]): number[][] | null {
  const n = matrix.length;
  const a = matrix.map((row, i) => [...row, ...row.map((_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[pivot]![c]!)) pivot = r;
    const scale = Math.max(...a.map((row) => Math.abs(row[c]!)));
    if (Math.abs(a[pivot]![c]!) <= 1e-12 * (scale || 1)) return null;
    [a[c], a[pivot]] = [a[pivot]!, a[c]!];
    const p = a[c]![c]!;
    for (let j = 0; j < 2 * n; j++) a[c]![j]! /= p;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = a[r]![c]!;
      if (f === 0) continue;
      for (let j = 0; j < 2 * n; j++) a[r]![j]! -= f * a[c]![j]!;
    }
  }
  return a.map((row) => row.slice(n));
}
