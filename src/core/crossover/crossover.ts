/**
 * crossover(): at a given volume, what Lambda, a Fargate service and the cheapest EC2 fleet
 * cost for the same work; from which volume each container option is no dearer than Lambda;
 * and a sweep from 1M to 10B requests a month. Pure: price tables come in as arguments.
 */
import type { Decimal } from "../money/index.js";
import { describeAssumptions, discountCaveats } from "./assumptions.js";
import { firstBreakEven } from "./break-even.js";
import { overallEc2, toBreakEven } from "./break-even-report.js";
import { SEARCH_LIMIT_REQUESTS, SWEEP_MAX_REQUESTS } from "./constants.js";
import { resolveEc2Fleets } from "./ec2-candidates.js";
import { parseFargateTaskSize } from "./fargate-task-sizes.js";
import { fargateFleet, fleetCostAt, unitsAt } from "./fleet.js";
import { type LambdaCurve, lambdaCurve } from "./lambda-curve.js";
import { linearPieces } from "./linear-pieces.js";
import { requireSpotArchitecture, resolveFargatePrices } from "./resolve-fargate.js";
import type {
  CheapestOption,
  CrossoverInput,
  CrossoverResult,
  CrossoverTables,
  Ec2Candidate,
  SweepRow,
} from "./result-types.js";
import { stepCurve } from "./step-curve.js";
import { sustainedBreakEven } from "./sustained.js";
import { chartVolumes, tableVolumes } from "./sweep.js";
import type { FleetModel } from "./types.js";
import { validateCrossoverInput } from "./validate-input.js";
import { averageRps, cpuSecondsPerRequest, type SizingInput, vcpusNeeded } from "./work.js";

export type {
  CheapestOption,
  CrossoverInput,
  CrossoverResult,
  CrossoverTables,
  Ec2Candidate,
  SweepRow,
} from "./result-types.js";

export const DEFAULT_EC2_TYPES: readonly string[] = ["m7g.large", "c7g.large", "m7i.large"];

function cheapestOf(lambda: Decimal, fargate: Decimal, ec2: Decimal | null): CheapestOption {
  let best: CheapestOption = "lambda";
  let cost = lambda;
  // Ties go to the container: break-even means "no dearer than Lambda".
  if (fargate.lte(cost)) [best, cost] = ["fargate", fargate];
  if (ec2?.lte(cost)) best = "ec2";
  return best;
}

/**
 * Answers a crossover question.
 *
 * @example
 * const result = crossover(
 *   { region: "us-east-1", architecture: "x86_64", memoryMb: 512, durationMs: 120,
 *     monthlyRequests: 50_000_000, cpuBoundFraction: 1, peakToAverage: 2, targetUtilization: 0.6,
 *     minInstances: 2, fargateTask: "1vcpu-2gb", fargateArchitecture: "x86_64", fargateSpot: false,
 *     includeBurstable: false, savingsPlan: "none", freeTier: true },
 *   { lambda, fargate, ec2 },
 * );
 * result.fargate.breakEven.requestsPerMonth; // the smallest volume where Fargate is no dearer
 */
export function crossover(input: CrossoverInput, tables: CrossoverTables): CrossoverResult {
  validateCrossoverInput(input);
  const task =
    typeof input.fargateTask === "string"
      ? parseFargateTaskSize(input.fargateTask)
      : input.fargateTask;
  const sizing: SizingInput = {
    cpuSecondsPerRequest: cpuSecondsPerRequest(input),
    peakToAverage: input.peakToAverage,
    targetUtilization: input.targetUtilization,
  };
  const plan = input.savingsPlan === "none" ? null : input.savingsPlan;
  const lambda: LambdaCurve = lambdaCurve(
    tables.lambda,
    { ...input, freeTier: input.freeTier },
    plan ? tables.ec2.savingsPlans.lambda[plan] : null,
  );
  const fargatePrices = resolveFargatePrices(
    tables.fargate,
    input.region,
    input.fargateArchitecture,
  );
  if (input.fargateSpot) requireSpotArchitecture(tables.fargate, input.fargateArchitecture);
  const fargateDiscount = input.fargateSpot
    ? tables.fargate.spot
    : plan
      ? tables.fargate.savingsPlans[plan]
      : null;
  const fargate = fargateFleet(
    task,
    fargatePrices,
    input.fargateArchitecture,
    input.minInstances,
    fargateDiscount,
  );
  const ec2 = resolveEc2Fleets(tables.ec2, input, DEFAULT_EC2_TYPES, plan);

  const pieces = linearPieces(lambda.costAt, 1, SEARCH_LIMIT_REQUESTS, lambda.kinks);
  const breakEvenOf = (fleet: FleetModel, instanceType?: string) => {
    const steps = stepCurve(fleet, sizing);
    const first = firstBreakEven(lambda.costAt, pieces, steps, 1, SEARCH_LIMIT_REQUESTS);
    const steady =
      first === null || first > SWEEP_MAX_REQUESTS
        ? null
        : sustainedBreakEven(lambda.costAt, pieces, steps, 1, SWEEP_MAX_REQUESTS);
    return toBreakEven(first, steady, instanceType);
  };

  const candidates: Ec2Candidate[] = ec2.fleets.map(({ type, fleet }) => ({
    instanceType: type.name,
    capacityVcpus: fleet.capacityVcpus,
    unitMonthlyCost: fleet.unitMonthlyCost,
    instances: unitsAt(fleet, input.monthlyRequests, sizing),
    monthlyCost: fleetCostAt(fleet, input.monthlyRequests, sizing),
    breakEven: breakEvenOf(fleet, type.name),
  }));

  const row = (n: number): SweepRow => {
    const best = bestEc2(
      ec2.fleets.map((f) => f.fleet),
      n,
      sizing,
    );
    const lambdaCost = lambda.costAt(n);
    const fargateCost = fleetCostAt(fargate, n, sizing);
    return {
      monthlyRequests: n,
      averageRps: averageRps(n),
      lambda: lambdaCost,
      fargate: fargateCost,
      fargateTasks: unitsAt(fargate, n, sizing),
      ec2: best?.cost ?? null,
      ec2InstanceType: best ? best.fleet.label.replace(/^EC2 /, "") : null,
      ec2Instances: best ? unitsAt(best.fleet, n, sizing) : null,
      cheapest: cheapestOf(lambdaCost, fargateCost, best?.cost ?? null),
    };
  };
  const now = row(input.monthlyRequests);
  const estimate = lambda.estimateAt(input.monthlyRequests);

  return {
    input: { ...input, fargateTask: task.label },
    averageRps: averageRps(input.monthlyRequests),
    cpuSecondsPerRequest: sizing.cpuSecondsPerRequest,
    vcpusNeeded: vcpusNeeded(input.monthlyRequests, sizing),
    lambda: { monthlyCost: now.lambda },
    fargate: {
      task: task.label,
      architecture: input.fargateArchitecture,
      spot: input.fargateSpot,
      tasks: now.fargateTasks,
      unitMonthlyCost: fargate.unitMonthlyCost,
      monthlyCost: now.fargate,
      breakEven: breakEvenOf(fargate),
    },
    ec2: {
      instanceType: now.ec2InstanceType,
      instances: now.ec2Instances,
      monthlyCost: now.ec2,
      candidates,
      breakEven: overallEc2(candidates),
      unavailable: ec2.unavailable,
    },
    cheapest: now.cheapest,
    sweep: tableVolumes().map(row),
    chart: chartVolumes(12).map(row),
    assumptions: describeAssumptions({ input, task, sizing, tables, fargatePrices, plan, ec2 }),
    caveats: [...estimate.caveats, ...discountCaveats(tables, input, plan)],
  };
}

function bestEc2(fleets: FleetModel[], n: number, sizing: SizingInput) {
  let best: { fleet: FleetModel; cost: Decimal } | null = null;
  for (const fleet of fleets) {
    const cost = fleetCostAt(fleet, n, sizing);
    if (!best || cost.lt(best.cost)) best = { fleet, cost };
  }
  return best;
}
