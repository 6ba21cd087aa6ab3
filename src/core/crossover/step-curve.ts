/**
 * A fleet as a step curve for the break-even search: where each step ends, in whole requests.
 */
import { dec } from "../money/index.js";
import type { StepCurve } from "./break-even.js";
import { SECONDS_PER_MONTH } from "./constants.js";
import { unitsAt } from "./fleet.js";
import type { FleetModel } from "./types.js";
import type { SizingInput } from "./work.js";

/**
 * @example
 * // 1-vCPU tasks, 60% target, peak 2×, 0.12 vCPU-s a request:
 * // R = 1 × 0.6 × 2,628,000 / (2 × 0.12) = 6,570,000 requests a month per task;
 * // with at least 2 tasks the first step ends at 13,140,000 requests.
 * stepCurve(fleet, sizing).stepTop(2); // 13140000
 */
export function stepCurve(fleet: FleetModel, sizing: SizingInput): StepCurve {
  const units = (n: number) => unitsAt(fleet, n, sizing);
  const perUnit = sizing.cpuSecondsPerRequest.isZero()
    ? null
    : fleet.capacityVcpus
        .times(sizing.targetUtilization)
        .times(SECONDS_PER_MONTH)
        .div(dec(sizing.peakToAverage).times(sizing.cpuSecondsPerRequest));
  const stepTop = (k: number): number => {
    if (perUnit === null) return Number.MAX_SAFE_INTEGER;
    const exact = perUnit.times(k).floor();
    // At 2^53 a float can no longer count whole requests (top + 1 === top) and the nudge below
    // would never end; such a step ends far past the search limit (1e12) anyway.
    if (!exact.lt(Number.MAX_SAFE_INTEGER - 1)) return Number.MAX_SAFE_INTEGER - 1;
    let top = exact.toNumber();
    // The division above is exact to 60 digits; nudge in case it lands a hair off a boundary.
    while (units(top + 1) <= k) top += 1;
    while (top > 0 && units(top) > k) top -= 1;
    return top;
  };
  return {
    minUnits: fleet.minUnits,
    unitCost: fleet.unitMonthlyCost,
    unitsAt: units,
    stepTop,
    requestsPerUnit: perUnit === null ? Number.POSITIVE_INFINITY : perUnit.toNumber(),
  };
}
