/**
 * One break-even search against one Lambda cost curve, for any step-shaped fleet: the first
 * volume where the fleet is no dearer, and the volume from which it stays so up to 10B.
 */
import type { Decimal } from "../money/index.js";
import { firstBreakEven } from "./break-even.js";
import { toBreakEven } from "./break-even-report.js";
import { SEARCH_LIMIT_REQUESTS, SWEEP_MAX_REQUESTS } from "./constants.js";
import { linearPieces } from "./linear-pieces.js";
import { stepCurve } from "./step-curve.js";
import { sustainedBreakEven } from "./sustained.js";
import type { BreakEven, FleetModel } from "./types.js";
import type { SizingInput } from "./work.js";

export type BreakEvenSearch = (
  fleet: FleetModel,
  sizing: SizingInput,
  instanceType?: string,
) => BreakEven;

/**
 * `costAt` is what the fleet's steps are compared with: Lambda's monthly cost, or Lambda's cost
 * minus a per-request charge the fleet also pays (LMI), which moves the same charge to the other
 * side of the inequality. The search assumes `costAt` never falls where a fleet could win; see
 * managedInstancesModel for why Lambda minus LMI's request charge satisfies that.
 *
 * @example
 * const search = breakEvenSearch(lambda.costAt, lambda.kinks);
 * search(fargate, sizing).requestsPerMonth; // the smallest volume where Fargate is no dearer
 */
export function breakEvenSearch(costAt: (n: number) => Decimal, kinks: number[]): BreakEvenSearch {
  const pieces = linearPieces(costAt, 1, SEARCH_LIMIT_REQUESTS, kinks);
  return (fleet, sizing, instanceType) => {
    const steps = stepCurve(fleet, sizing);
    const first = firstBreakEven(costAt, pieces, steps, 1, SEARCH_LIMIT_REQUESTS);
    const steady =
      first === null || first > SWEEP_MAX_REQUESTS
        ? null
        : sustainedBreakEven(costAt, pieces, steps, 1, SWEEP_MAX_REQUESTS);
    return toBreakEven(first, steady, instanceType);
  };
}
