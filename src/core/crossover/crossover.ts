/**
 * crossover(): at a given volume, what Lambda, the cheapest Lambda Managed Instances fleet, a
 * Fargate service and the cheapest EC2 fleet cost for the same work; from which volume each
 * option is no dearer than Lambda; and a sweep from 1M to 10B requests a month. Pure: price
 * tables come in as arguments.
 */
import { describeAssumptions, discountCaveats } from "./assumptions.js";
import { overallEc2 } from "./break-even-report.js";
import { breakEvenSearch } from "./break-even-search.js";
import { resolveEc2Fleets } from "./ec2-candidates.js";
import { parseFargateTaskSize } from "./fargate-task-sizes.js";
import { fargateFleet, fleetCostAt, unitsAt } from "./fleet.js";
import { type LambdaCurve, lambdaCurve } from "./lambda-curve.js";
import { buildLmiModel } from "./lmi.js";
import { lmiCaveats } from "./lmi-assumptions.js";
import { requireSpotArchitecture, resolveFargatePrices } from "./resolve-fargate.js";
import type {
  CrossoverInput,
  CrossoverResult,
  CrossoverTables,
  Ec2Candidate,
} from "./result-types.js";
import { chartVolumes, tableVolumes } from "./sweep.js";
import { sweepRow } from "./sweep-row.js";
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

  const lmi = buildLmiModel(input, tables.ec2, plan, sizing, lambda);

  const search = breakEvenSearch(lambda.costAt, lambda.kinks);
  const breakEvenOf = (fleet: FleetModel, instanceType?: string) =>
    search(fleet, sizing, instanceType);

  const candidates: Ec2Candidate[] = ec2.fleets.map(({ type, fleet }) => ({
    instanceType: type.name,
    capacityVcpus: fleet.capacityVcpus,
    unitMonthlyCost: fleet.unitMonthlyCost,
    instances: unitsAt(fleet, input.monthlyRequests, sizing),
    monthlyCost: fleetCostAt(fleet, input.monthlyRequests, sizing),
    breakEven: breakEvenOf(fleet, type.name),
  }));

  const row = sweepRow({
    lambda,
    fargate,
    ec2Fleets: ec2.fleets.map((f) => f.fleet),
    lmi,
    sizing,
  });
  const now = row(input.monthlyRequests);
  const estimate = lambda.estimateAt(input.monthlyRequests);
  const managedInstances = lmi.summary(input.monthlyRequests);

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
    managedInstances,
    cheapest: now.cheapest,
    sweep: tableVolumes().map(row),
    chart: chartVolumes(12).map(row),
    assumptions: describeAssumptions({
      input,
      task,
      sizing,
      tables,
      fargatePrices,
      plan,
      ec2,
      lmi,
    }),
    caveats: [
      ...estimate.caveats,
      ...discountCaveats(tables, input, plan),
      ...lmiCaveats(managedInstances, tables.ec2.regions[input.region]),
    ],
  };
}
