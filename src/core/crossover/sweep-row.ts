/** One volume's costs for every option, and which is cheapest: the rows of sweeps and charts. */
import type { Decimal } from "../money/index.js";
import { fleetCostAt, unitsAt } from "./fleet.js";
import type { LambdaCurve } from "./lambda-curve.js";
import type { LmiModel } from "./lmi.js";
import type { CheapestOption, SweepRow } from "./result-types.js";
import type { FleetModel } from "./types.js";
import { averageRps, type SizingInput } from "./work.js";

export interface RowOptions {
  lambda: LambdaCurve;
  fargate: FleetModel;
  ec2Fleets: FleetModel[];
  lmi: LmiModel;
  sizing: SizingInput;
}

/** In order Lambda, LMI, Fargate, EC2; ties go to the later: break-even means "no dearer". */
export function cheapestOf(costs: Array<[CheapestOption, Decimal | null]>): CheapestOption {
  let best: CheapestOption = "lambda";
  let cost: Decimal | null = null;
  for (const [option, c] of costs) {
    if (c !== null && (cost === null || c.lte(cost))) [best, cost] = [option, c];
  }
  return best;
}

function bestEc2(fleets: FleetModel[], n: number, sizing: SizingInput) {
  let best: { fleet: FleetModel; cost: Decimal } | null = null;
  for (const fleet of fleets) {
    const cost = fleetCostAt(fleet, n, sizing);
    if (!best || cost.lt(best.cost)) best = { fleet, cost };
  }
  return best;
}

/**
 * @example
 * const row = sweepRow(options);
 * row(50_000_000).cheapest; // "lambda", "managedInstances", "fargate" or "ec2"
 */
export function sweepRow({ lambda, fargate, ec2Fleets, lmi, sizing }: RowOptions) {
  return (n: number): SweepRow => {
    const best = bestEc2(ec2Fleets, n, sizing);
    const lambdaCost = lambda.costAt(n);
    const fargateCost = fleetCostAt(fargate, n, sizing);
    const bestLmi = lmi.bestAt(n);
    return {
      monthlyRequests: n,
      averageRps: averageRps(n),
      lambda: lambdaCost,
      fargate: fargateCost,
      fargateTasks: unitsAt(fargate, n, sizing),
      ec2: best?.cost ?? null,
      ec2InstanceType: best ? best.fleet.label.replace(/^EC2 /, "") : null,
      ec2Instances: best ? unitsAt(best.fleet, n, sizing) : null,
      managedInstances: bestLmi?.cost ?? null,
      managedInstancesType: bestLmi?.candidate.type.name ?? null,
      managedInstancesCount: bestLmi?.instances ?? null,
      cheapest: cheapestOf([
        ["lambda", lambdaCost],
        ["managedInstances", bestLmi?.cost ?? null],
        ["fargate", fargateCost],
        ["ec2", best?.cost ?? null],
      ]),
    };
  };
}
