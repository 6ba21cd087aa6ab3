/**
 * `crossover --format json`: the stable contract. Money is a JSON number written with its exact
 * decimal digits (never through a float; the convention of every command's JSON, see
 * exact-json.ts); request rates are rounded to 6 decimals (they are not money); null means
 * "none". crossoverJson() keeps Decimals for library users.
 */
import type { CrossoverResult, SweepRow } from "../core/crossover/crossover.js";
import type { BreakEven } from "../core/crossover/types.js";
import type { Decimal } from "../core/money/index.js";
import type { CrossoverReport } from "./crossover-report.js";
import { stringifyExact } from "./exact-json.js";

const money = (d: Decimal | null) => d;
const rate = (d: Decimal | null) => (d === null ? null : d.toDecimalPlaces(6));

function breakEvenJson(b: BreakEven) {
  return {
    status: b.status,
    requestsPerMonth: b.requestsPerMonth,
    averageRps: rate(b.averageRps),
    steadyFromRequestsPerMonth: b.steadyFromRequestsPerMonth,
    ...(b.instanceType ? { instanceType: b.instanceType } : {}),
    ...(b.steadyInstanceType ? { steadyInstanceType: b.steadyInstanceType } : {}),
  };
}

function sweepJson(row: SweepRow) {
  return {
    monthlyRequests: row.monthlyRequests,
    averageRps: rate(row.averageRps),
    lambda: money(row.lambda),
    fargate: money(row.fargate),
    fargateTasks: row.fargateTasks,
    ec2: money(row.ec2),
    ec2InstanceType: row.ec2InstanceType,
    ec2Instances: row.ec2Instances,
    managedInstances: money(row.managedInstances),
    managedInstancesType: row.managedInstancesType,
    managedInstancesCount: row.managedInstancesCount,
    cheapest: row.cheapest,
  };
}

/** LMI, shaped like `ec2` plus the three bill lines of the chosen fleet. */
function managedInstancesJson(r: CrossoverResult) {
  const m = r.managedInstances;
  return {
    instanceType: m.instanceType,
    instances: m.instances,
    monthlyCost: money(m.monthlyCost),
    instanceCost: money(m.instanceCost),
    managementFee: money(m.managementFee),
    requestCost: money(m.requestCost),
    runtime: m.runtime,
    maxConcurrencyPerVcpu: m.maxConcurrencyPerVcpu,
    vcpusNeeded: m.vcpusNeeded.toDecimalPlaces(6),
    sizedBy: m.sizedBy,
    fixedInstances: m.fixedInstances,
    unavailable: m.unavailable,
    candidates: m.candidates.map((c) => ({
      instanceType: c.instanceType,
      environmentsPerInstance: c.environments,
      memoryPerVcpuGib: c.memoryPerVcpuGib,
      instanceMonthlyCost: money(c.instanceMonthlyCost),
      instances: c.instances,
      instanceCost: money(c.instanceCost),
      managementFee: money(c.managementFee),
      requestCost: money(c.requestCost),
      monthlyCost: money(c.monthlyCost),
      breakEven: breakEvenJson(c.breakEven),
    })),
    breakEven: breakEvenJson(m.breakEven),
  };
}

/** The JSON object (also what the library's users can build on). */
export function crossoverJson(r: CrossoverResult) {
  return {
    currency: "USD",
    input: r.input,
    monthlyRequests: r.input.monthlyRequests,
    averageRps: rate(r.averageRps),
    cpuSecondsPerRequest: r.cpuSecondsPerRequest.toDecimalPlaces(10),
    vcpusNeeded: r.vcpusNeeded.toDecimalPlaces(6),
    lambda: { monthlyCost: money(r.lambda.monthlyCost) },
    fargate: {
      task: r.fargate.task,
      architecture: r.fargate.architecture,
      spot: r.fargate.spot,
      tasks: r.fargate.tasks,
      taskMonthlyCost: money(r.fargate.unitMonthlyCost),
      monthlyCost: money(r.fargate.monthlyCost),
      breakEven: breakEvenJson(r.fargate.breakEven),
    },
    ec2: {
      instanceType: r.ec2.instanceType,
      instances: r.ec2.instances,
      monthlyCost: money(r.ec2.monthlyCost),
      unavailable: r.ec2.unavailable,
      candidates: r.ec2.candidates.map((c) => ({
        instanceType: c.instanceType,
        usableVcpus: c.capacityVcpus,
        instanceMonthlyCost: money(c.unitMonthlyCost),
        instances: c.instances,
        monthlyCost: money(c.monthlyCost),
        breakEven: breakEvenJson(c.breakEven),
      })),
      breakEven: breakEvenJson(r.ec2.breakEven),
    },
    managedInstances: managedInstancesJson(r),
    breakEven: {
      fargateRequestsPerMonth: r.fargate.breakEven.requestsPerMonth,
      fargateAverageRps: rate(r.fargate.breakEven.averageRps),
      fargateStatus: r.fargate.breakEven.status,
      fargateSteadyFromRequestsPerMonth: r.fargate.breakEven.steadyFromRequestsPerMonth,
      ec2RequestsPerMonth: r.ec2.breakEven.requestsPerMonth,
      ec2AverageRps: rate(r.ec2.breakEven.averageRps),
      ec2InstanceType: r.ec2.breakEven.instanceType ?? null,
      ec2Status: r.ec2.unavailable ? "unavailable" : r.ec2.breakEven.status,
      ec2SteadyFromRequestsPerMonth: r.ec2.breakEven.steadyFromRequestsPerMonth,
      managedInstancesRequestsPerMonth: r.managedInstances.breakEven.requestsPerMonth,
      managedInstancesAverageRps: rate(r.managedInstances.breakEven.averageRps),
      managedInstancesInstanceType: r.managedInstances.breakEven.instanceType ?? null,
      managedInstancesStatus: r.managedInstances.unavailable
        ? "unavailable"
        : r.managedInstances.breakEven.status,
      managedInstancesSteadyFromRequestsPerMonth:
        r.managedInstances.breakEven.steadyFromRequestsPerMonth,
    },
    cheapest: r.cheapest,
    assumptions: r.assumptions,
    caveats: r.caveats,
    sweep: r.sweep.map(sweepJson),
  };
}

export function renderCrossoverJson(report: CrossoverReport): string {
  return `${stringifyExact(crossoverJson(report.result))}\n`;
}
