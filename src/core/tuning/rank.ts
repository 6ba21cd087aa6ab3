/**
 * Scores each feasible size under a strategy, with an interval for the score, and ranks them.
 * Shared by recommend() and the adaptive sampling planner so that sampling stops exactly when
 * the recommendation it feeds would be distinguishable.
 */
import { tQuantile975 } from "./stats.js";
import type { SizeSummary, StrategyOptions } from "./types.js";

/** One candidate size with its score (lower is better) and the score's 95% interval. */
export interface RankedSize {
  summary: SizeSummary;
  score: number;
  low: number;
  high: number;
  /** Invocations behind the score (successful for cost, warm for speed). */
  n: number;
  /** Per-invocation standard deviation in score units (to project the sample size needed). */
  stdDev: number;
}

/** Feasible sizes whose p90 is within `maxDurationMs`: the only ones a strategy may pick. */
export function candidateSizes(
  summaries: readonly SizeSummary[],
  options: StrategyOptions,
): SizeSummary[] {
  return summaries.filter(
    (s) =>
      s.feasible &&
      s.invocations > 0 &&
      (options.maxDurationMs === undefined || s.durationMs.p90 <= options.maxDurationMs),
  );
}

/**
 * Ranks the candidates, best first. Scores: cost → mean cost per invocation; speed → mean warm
 * duration; balanced → w·cost/maxCost + (1−w)·duration/maxDuration over the candidates (Power
 * Tuning's formula), whose interval combines the ends of the two intervals. Ties (equal scores)
 * go to the cheaper, then the faster, then the smaller size.
 */
export function rankSizes(
  summaries: readonly SizeSummary[],
  options: StrategyOptions,
): RankedSize[] {
  const candidates = candidateSizes(summaries, options);
  const maxCost = Math.max(...candidates.map((s) => s.costPerInvocation.toNumber()));
  const maxDuration = Math.max(...candidates.map((s) => s.durationMs.mean));
  const w = options.balancedWeight;
  const ranked = candidates.map((summary): RankedSize => {
    const cost = costInterval(summary);
    const speed = durationInterval(summary);
    if (options.strategy === "cost") return { summary, ...cost };
    if (options.strategy === "speed") return { summary, ...speed };
    const c = w / (maxCost || 1);
    const d = (1 - w) / (maxDuration || 1);
    return {
      summary,
      score: c * cost.score + d * speed.score,
      low: c * cost.low + d * speed.low,
      high: c * cost.high + d * speed.high,
      n: Math.min(cost.n, speed.n),
      stdDev: c * cost.stdDev + d * speed.stdDev,
    };
  });
  return ranked.sort(compareRanked);
}

function compareRanked(a: RankedSize, b: RankedSize): number {
  const scale = Math.max(Math.abs(a.score), Math.abs(b.score), Number.MIN_VALUE);
  if (Math.abs(a.score - b.score) > 1e-12 * scale) return a.score - b.score;
  const byCost = a.summary.costPerInvocation.comparedTo(b.summary.costPerInvocation);
  if (byCost !== 0) return byCost;
  if (a.summary.durationMs.mean !== b.summary.durationMs.mean) {
    return a.summary.durationMs.mean - b.summary.durationMs.mean;
  }
  return a.summary.memoryMb - b.summary.memoryMb;
}

type Interval = Omit<RankedSize, "summary">;

function costInterval(s: SizeSummary): Interval {
  const score = s.costPerInvocation.toNumber();
  const low = s.costPerInvocationCi95[0].toNumber();
  const high = s.costPerInvocationCi95[1].toNumber();
  const n = s.billedDurationMs.n ?? s.successfulInvocations ?? s.invocations - s.errors;
  return { score, low, high, n, stdDev: impliedStdDev(score - low, high - score, n) };
}

function durationInterval(s: SizeSummary): Interval {
  const [low, high] = s.durationMs.ci95 ?? [s.durationMs.mean, s.durationMs.mean];
  const n = s.warmInvocations ?? s.invocations - s.errors - s.coldStarts;
  return {
    score: s.durationMs.mean,
    low,
    high,
    n,
    stdDev:
      s.durationMs.stdDev ?? impliedStdDev(s.durationMs.mean - low, high - s.durationMs.mean, n),
  };
}

/** σ from a t half-width: hw = t·σ/√n. The upper side is used (the lower may be clamped). */
function impliedStdDev(lowSide: number, highSide: number, n: number): number {
  if (n < 2) return Number.POSITIVE_INFINITY;
  const halfWidth = Math.max(lowSide, highSide);
  return (halfWidth * Math.sqrt(n)) / tQuantile975(n - 1);
}

/** True when two score intervals share any point (the sizes are not told apart). */
export function overlaps(a: RankedSize, b: RankedSize): boolean {
  return a.low <= b.high && b.low <= a.high;
}

/**
 * Invocations per size that two sizes would need for their 95% intervals to separate, if their
 * means and spreads stay as measured: z·(σa + σb)/√n < |Δ| ⇒ n > (z·(σa + σb)/Δ)², z = 1.96.
 * Infinity when the means are equal.
 */
export function invocationsToSeparate(a: RankedSize, b: RankedSize): number {
  const gap = Math.abs(a.score - b.score);
  if (gap === 0 || !Number.isFinite(a.stdDev + b.stdDev)) return Number.POSITIVE_INFINITY;
  return Math.ceil(((1.96 * (a.stdDev + b.stdDev)) / gap) ** 2);
}
