/**
 * The LMI side of crossover(): candidate fleets, their cost at any volume (through the shared
 * pricing function), which limit sized the fleet, and break-even against Lambda.
 */
import { type Decimal, dec } from "../money/index.js";
import { LMI_REQUEST_PRICE, priceManagedInstances } from "../pricing/managed-instances.js";
import { overallEc2, toBreakEven } from "./break-even-report.js";
import { breakEvenSearch } from "./break-even-search.js";
import { HOURS_PER_MONTH } from "./constants.js";
import { unitsAt } from "./fleet.js";
import type { LambdaCurve } from "./lambda-curve.js";
import { type LmiCandidateFleet, type LmiFleets, resolveLmiFleets } from "./lmi-candidates.js";
import {
  LMI_DEFAULT_MIN_INSTANCES,
  LMI_RUNTIMES,
  type LmiRuntime,
  type LmiSizing,
  lmiSizing,
} from "./lmi-fleet.js";
import type { CrossoverInput, LmiCandidate, ManagedInstancesResult } from "./result-types.js";
import type { Ec2PriceTable, SavingsPlanTerm } from "./types.js";
import { type SizingInput, vcpusNeeded } from "./work.js";

/** LMI requests are charged from the first one (see the assumptions for AWS's wording). */
export const LMI_FREE_REQUESTS = 0;

export interface LmiContext {
  fleets: LmiFleets;
  work: SizingInput;
  durationMs: number;
  runtime: LmiRuntime;
  fixedInstances?: number | undefined;
  region: string;
  table: Ec2PriceTable;
  plan: SavingsPlanTerm | null;
  lambda: LambdaCurve;
}

export interface LmiModel {
  fleets: LmiFleets;
  sizing: LmiSizing;
  /** The cheapest candidate at a volume, or null when LMI is left out. */
  bestAt(
    monthlyRequests: number,
  ): { candidate: LmiCandidateFleet; instances: number; cost: Decimal } | null;
  summary(monthlyRequests: number): ManagedInstancesResult;
}

/**
 * Break-even compares Lambda(n) − n × $0.20/1M with the instance steps (the request charge is
 * on both bills but only LMI's starts at the first request). That difference falls only where
 * Lambda's own requests are free and its duration costs less than $0.20 per 1M requests, i.e.
 * below 1M requests and so below $0.20 in all — less than any fleet's month — so the search,
 * which needs a curve that does not fall where a fleet could win, is not misled.
 */
export function managedInstancesModel(ctx: LmiContext): LmiModel {
  const sizing = lmiSizing(ctx.work, ctx.durationMs, ctx.runtime);
  // A given fleet does not grow with the work: zero work per request keeps it at its size.
  const stepSizing: SizingInput =
    ctx.fixedInstances === undefined
      ? sizing.sizing
      : { ...sizing.sizing, cpuSecondsPerRequest: dec(0) };
  const discount = ctx.plan ? ctx.table.savingsPlans.ec2[ctx.plan].fraction : dec(0);
  const requestCost = (n: number) =>
    dec(Math.max(0, n - LMI_FREE_REQUESTS)).times(LMI_REQUEST_PRICE);
  const search = breakEvenSearch(
    (n) => ctx.lambda.costAt(n).minus(requestCost(n)),
    ctx.lambda.kinks,
  );

  const priceAt = (c: LmiCandidateFleet, n: number) => {
    const instances = unitsAt(c.fleet, n, stepSizing);
    const cost = priceManagedInstances({
      region: ctx.region,
      architecture: c.type.architecture,
      instanceType: c.type.name,
      instances,
      hoursPerInstance: HOURS_PER_MONTH,
      onDemandHourly: c.onDemandHourly,
      instanceDiscount: discount,
      monthlyRequests: n,
      freeRequests: LMI_FREE_REQUESTS,
    });
    return { instances, cost };
  };

  const bestAt = (n: number) => {
    let best: { candidate: LmiCandidateFleet; instances: number; cost: Decimal } | null = null;
    for (const candidate of ctx.fleets.fleets) {
      const { instances, cost } = priceAt(candidate, n);
      if (!best || cost.monthlyCost.lt(best.cost))
        best = { candidate, instances, cost: cost.monthlyCost };
    }
    return best;
  };

  const summary = (n: number): ManagedInstancesResult => {
    const candidates: LmiCandidate[] = ctx.fleets.fleets.map((c) => {
      const { instances, cost } = priceAt(c, n);
      return {
        instanceType: c.type.name,
        environments: c.environments,
        memoryPerVcpuGib: c.memoryPerVcpuGib,
        instanceMonthlyCost: c.fleet.unitMonthlyCost,
        instances,
        instanceCost: cost.instanceCost,
        managementFee: cost.managementFee,
        requestCost: cost.requestCost,
        monthlyCost: cost.monthlyCost,
        breakEven: search(c.fleet, stepSizing, c.type.name),
      };
    });
    const best = bestAt(n);
    const chosen = candidates.find((c) => c.instanceType === best?.candidate.type.name) ?? null;
    const needed = vcpusNeeded(n, sizing.sizing);
    const sizedBy = !chosen
      ? null
      : ctx.fixedInstances !== undefined
        ? "given"
        : needed.div(chosen.environments).ceil().lt(chosen.instances)
          ? "minimum"
          : sizing.bound;
    return {
      runtime: ctx.runtime,
      maxConcurrencyPerVcpu: LMI_RUNTIMES[ctx.runtime],
      vcpusNeeded: needed,
      sizedBy,
      fixedInstances: ctx.fixedInstances ?? null,
      instanceType: chosen?.instanceType ?? null,
      instances: chosen?.instances ?? null,
      instanceCost: chosen?.instanceCost ?? null,
      managementFee: chosen?.managementFee ?? null,
      requestCost: chosen?.requestCost ?? null,
      monthlyCost: chosen?.monthlyCost ?? null,
      candidates,
      breakEven: candidates.length > 0 ? overallEc2(candidates) : toBreakEven(null, null),
      unavailable: ctx.fleets.unavailable,
    };
  };
  return { fleets: ctx.fleets, sizing, bestAt, summary };
}

/** The LMI model for a crossover question: candidates from the input, defaults applied. */
export function buildLmiModel(
  input: CrossoverInput,
  table: Ec2PriceTable,
  plan: SavingsPlanTerm | null,
  work: SizingInput,
  lambda: LambdaCurve,
): LmiModel {
  const fleets = resolveLmiFleets(
    table,
    {
      region: input.region,
      architecture: input.lmiArchitecture ?? "arm64",
      minInstances: input.lmiMinInstances ?? LMI_DEFAULT_MIN_INSTANCES,
      fixedInstances: input.lmiInstances,
      types: input.lmiTypes,
      memoryPerVcpuGib: input.lmiMemoryPerVcpuGib,
    },
    plan,
  );
  return managedInstancesModel({
    fleets,
    work,
    durationMs: input.durationMs,
    runtime: input.runtime ?? "nodejs",
    fixedInstances: input.lmiInstances,
    region: input.region,
    table,
    plan,
    lambda,
  });
}
