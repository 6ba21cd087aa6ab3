/**
 * "For good from": the smallest volume from which a fleet stays no dearer than Lambda all the
 * way to the search limit. The first break-even can be followed by windows where Lambda is
 * cheaper again (each time the fleet steps up a unit), so this is found separately: the largest
 * volume where the fleet is still dearer, searched from the top down, step by step, skipping
 * runs of steps analytically as firstBreakEven does.
 */
import type { Decimal } from "../money/index.js";
import { type StepCurve, smallestAtLeast } from "./break-even.js";
import { type LinearPiece, onLine } from "./linear-pieces.js";

/** The largest losing volume in one piece, or null if the fleet never loses on it. */
function lastLossInPiece(
  lambda: (n: number) => Decimal,
  p: LinearPiece,
  steps: StepCurve,
  searchFrom: number,
): number | null {
  const kFirst = steps.unitsAt(p.from);
  const slope = p.slope.toNumber();
  const perUnit = steps.requestsPerUnit;
  const unitCost = steps.unitCost.toNumber();
  // Lower bound of Lambda − fleet at the bottom of step k: L((k−1)·R) − k·u, linear in k.
  const interceptLow = p.costFrom.toNumber() - slope * p.from - slope * perUnit;
  const slopePerStep = slope * perUnit - unitCost;
  let k = steps.unitsAt(p.to);
  // More units than a float counts (k − 1 === k below): the fleet is dearer at the piece's top.
  if (!Number.isSafeInteger(k)) return p.to;
  while (k >= kFirst) {
    const stepBottom = k === steps.minUnits ? searchFrom : steps.stepTop(k - 1) + 1;
    const bottom = Math.max(stepBottom, p.from, searchFrom);
    const top = Math.min(steps.stepTop(k), p.to);
    const target = steps.unitCost.times(k);
    if (bottom <= top && onLine(p, bottom).lt(target) && lambda(bottom).lt(target)) {
      if (lambda(top).lt(target)) return top;
      return smallestAtLeast(lambda, target, bottom, top) - 1;
    }
    if (!Number.isFinite(perUnit)) return null;
    // The bound assumes step k starts at (k − 1)·R; the minimum fleet's step starts at the
    // search floor instead, so that step is always checked on its own before giving up.
    const lastChance = steps.minUnits === kFirst && k > kFirst ? kFirst : null;
    const margin = 1e-9 * Math.max(1, k * unitCost);
    if (slopePerStep > 0) {
      // The bound falls as k falls: jump down to the last step where it is below zero.
      const jump = Math.floor(-interceptLow / slopePerStep) + 1;
      k = Math.min(k - 1, Number.isFinite(jump) ? jump : k - 1);
      if (k < kFirst && lastChance !== null) k = lastChance;
    } else if (interceptLow + (k - 1) * slopePerStep > margin) {
      // The bound rises as k falls: once it is above zero no lower step of this piece loses.
      if (lastChance === null) return null;
      k = lastChance;
    } else {
      k -= 1;
    }
  }
  return null;
}

/**
 * The smallest volume in [from, to] from which `steps` costs no more than Lambda at every
 * volume up to `to`; null when the fleet is still dearer at `to`.
 *
 * @example
 * // A fleet that wins at 226M, loses again at 230M–240M, …, and wins at every volume from 1.1B:
 * sustainedBreakEven(lambda, pieces, steps, 1, 1e12); // ≈ 1.1e9
 */
export function sustainedBreakEven(
  lambda: (n: number) => Decimal,
  pieces: readonly LinearPiece[],
  steps: StepCurve,
  from: number,
  to: number,
): number | null {
  for (let i = pieces.length - 1; i >= 0; i--) {
    const p = pieces[i] as LinearPiece;
    if (p.to < from || p.from > to) continue;
    const loss = lastLossInPiece(lambda, p, steps, from);
    if (loss !== null) return loss >= to ? null : loss + 1;
  }
  return from;
}
