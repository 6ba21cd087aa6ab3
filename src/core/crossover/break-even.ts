/**
 * Break-even on the real curves: the smallest whole monthly request count at which a container
 * fleet costs no more than Lambda.
 *
 * Shapes: Lambda's cost is piecewise linear and never decreasing in volume (free tier, then
 * duration tiers); a fleet's cost is a step function (k units cost k × unit cost until the peak
 * needs unit k + 1). Containers can win inside a step and lose again after the next step up, so
 * the first win is found step by step — but not by visiting every step: on each linear piece of
 * Lambda's curve the best volume of step k is the step's top, where Lambda costs at most
 * L(k·R) (R = requests one unit carries); whole runs of steps where even that bound is below
 * k × unit cost are skipped analytically, and the candidate step is then confirmed, and the
 * exact volume found, by bisection on the real Lambda prices.
 */
import type { Decimal } from "../money/index.js";
import { type LinearPiece, onLine } from "./linear-pieces.js";

/** A step-shaped cost: units(n) is non-decreasing, cost = units × unitCost. */
export interface StepCurve {
  minUnits: number;
  unitCost: Decimal;
  unitsAt(monthlyRequests: number): number;
  /** The largest volume at which `units` units suffice (≥ the search limit if it never ends). */
  stepTop(units: number): number;
  /** Requests per month one unit carries (R); Infinity when requests need no CPU. */
  requestsPerUnit: number;
}

/** Smallest n in [low, high] with f(n) ≥ target, given f non-decreasing and f(high) ≥ target. */
export function smallestAtLeast(
  f: (n: number) => Decimal,
  target: Decimal,
  low: number,
  high: number,
) {
  let lo = low;
  let hi = high;
  while (lo < hi) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (f(mid).gte(target)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The first winning volume within one linear piece of Lambda's curve, or null. */
function firstWinInPiece(
  lambda: (n: number) => Decimal,
  p: LinearPiece,
  steps: StepCurve,
  searchFrom: number,
): number | null {
  const kLast = steps.unitsAt(p.to);
  // Floats only steer the skipping; every decision that counts is re-checked in Decimal.
  const slopePerStep = p.slope.toNumber() * steps.requestsPerUnit - steps.unitCost.toNumber();
  const intercept = p.costFrom.toNumber() - p.slope.toNumber() * p.from;
  const upperGap = (k: number) =>
    intercept + p.slope.toNumber() * k * steps.requestsPerUnit - k * steps.unitCost.toNumber();
  let k = steps.unitsAt(p.from);
  // More units than a float counts (a near-zero --target-utilization): k + 1 === k below, and a
  // fleet that size never costs less than Lambda.
  if (!Number.isSafeInteger(k)) return null;
  while (k <= kLast) {
    const top = Math.min(steps.stepTop(k), p.to);
    const target = steps.unitCost.times(k);
    if (onLine(p, top).gte(target) && lambda(top).gte(target)) {
      const stepBottom = k === steps.minUnits ? searchFrom : steps.stepTop(k - 1) + 1;
      return smallestAtLeast(lambda, target, Math.max(stepBottom, p.from, searchFrom), top);
    }
    if (!Number.isFinite(steps.requestsPerUnit)) return null; // one step only
    const margin = 1e-9 * Math.max(1, (k + 1) * steps.unitCost.toNumber());
    if (slopePerStep > 0) {
      // The bound rises with k: jump to the first step where it reaches zero (one early, for safety).
      const jump = Math.ceil(-intercept / slopePerStep) - 1;
      k = Math.max(k + 1, Number.isFinite(jump) ? jump : k + 1);
    } else {
      // The bound falls with k: once it is below zero no later step of this piece can win.
      if (upperGap(k + 1) < -margin) return null;
      k += 1;
    }
  }
  return null;
}

/**
 * The smallest whole volume in [from, to] at which `steps` costs no more than Lambda, or null.
 *
 * @example
 * // Lambda $0.000002 a request (no free tier), a fleet of $36.04 units, 2 minimum, one unit per
 * // 10M requests: 2 units ($72.08) win from 36,040,000 requests ($72.08 of Lambda).
 * firstBreakEven((n) => dec(n).times("0.000002"), pieces, steps, 1, 1e12); // 36040000
 */
export function firstBreakEven(
  lambda: (n: number) => Decimal,
  pieces: readonly LinearPiece[],
  steps: StepCurve,
  from: number,
  to: number,
): number | null {
  for (const p of pieces) {
    if (p.to < from || p.from > to) continue;
    const found = firstWinInPiece(lambda, p, steps, from);
    if (found !== null && found <= to) return found;
  }
  return null;
}
