/**
 * Lambda Managed Instances (LMI) fleets sized for the same work as Lambda. The rules (AWS Lambda
 * Developer Guide, "Lambda Managed Instances": runtimes, capacity providers, scaling; read
 * 2026-12-01):
 * - an execution environment serves up to a runtime-specific number of requests at once per
 *   vCPU (Node.js 64, Python 16, Java 32, .NET 32);
 * - each instance keeps 1 vCPU and 1 GiB for its operating system;
 * - environments get 2, 4 or 8 GiB per vCPU (by default the family's ratio: c 2, m 4, r 8)
 *   and at least 2 GiB each; a capacity provider keeps at least 3 instances (one per AZ).
 * lambda-cost models one-vCPU environments, so an instance holds
 * min(vCPUs − 1, floor((memory GiB − 1) / max(2, GiB per vCPU))) of them.
 */
import { type Decimal, dec } from "../money/index.js";
import { priceManagedInstances } from "../pricing/managed-instances.js";
import type { Architecture } from "../pricing/types.js";
import { HOURS_PER_MONTH } from "./constants.js";
import type { Discount, Ec2InstanceType, FleetModel } from "./types.js";
import type { SizingInput } from "./work.js";

export const LMI_RUNTIMES = { nodejs: 64, python: 16, java: 32, dotnet: 32 } as const;
export type LmiRuntime = keyof typeof LMI_RUNTIMES;
export const LMI_MEMORY_PER_VCPU_GIB = [2, 4, 8] as const;
export type LmiMemoryPerVcpu = (typeof LMI_MEMORY_PER_VCPU_GIB)[number];
/** One instance per Availability Zone, three zones: AWS's default minimum. */
export const LMI_DEFAULT_MIN_INSTANCES = 3;
export const LMI_OS_VCPUS = 1;
export const LMI_OS_MEMORY_GIB = 1;
export const LMI_MIN_ENVIRONMENT_GIB = 2;

const FAMILY_MEMORY_PER_VCPU: Record<string, LmiMemoryPerVcpu> = { c: 2, m: 4, r: 8 };

/** The GiB-per-vCPU ratio LMI uses by default for a type's family, or null if it has none. */
export function familyMemoryPerVcpu(instanceType: string): LmiMemoryPerVcpu | null {
  return FAMILY_MEMORY_PER_VCPU[instanceType.charAt(0)] ?? null;
}

/**
 * One-vCPU execution environments that fit on one instance.
 *
 * @example
 * // c7g.xlarge (4 vCPUs, 8 GiB), 2 GiB per vCPU: min(4 − 1, floor((8 − 1) / 2)) = min(3, 3) = 3
 * // c7g.xlarge at 8 GiB per vCPU: min(3, floor(7 / 8)) = 0, nothing fits
 * environmentsPerInstance(c7gXlarge, 2); // 3
 */
export function environmentsPerInstance(type: Ec2InstanceType, memoryPerVcpuGib: number): number {
  const byCpu = type.vcpus.minus(LMI_OS_VCPUS);
  const byMemory = type.memoryGib
    .minus(LMI_OS_MEMORY_GIB)
    .div(Math.max(LMI_MIN_ENVIRONMENT_GIB, memoryPerVcpuGib))
    .floor();
  const fit = byCpu.lt(byMemory) ? byCpu : byMemory;
  return Math.max(0, fit.floor().toNumber());
}

export interface LmiSizing {
  /** Feeds the fleet's step curve: vCPUs = average rps × peak × CPU-s / utilisation. */
  sizing: SizingInput;
  /** Which limit needs more vCPUs: the work at the target utilisation, or the runtime's concurrency. */
  bound: "cpu" | "concurrency";
}

/**
 * vCPUs an LMI fleet needs = max(P × CPU-s per request / target, P × duration / concurrency per
 * vCPU), P the peak rps. Both terms are linear in P, so the larger per-request term is chosen
 * once and expressed as a SizingInput: the concurrency term as duration / limit "vCPU-seconds"
 * per request at 100% (the limit is 16, 32 or 64, so the division is exact in decimal).
 *
 * @example
 * // Python (16 per vCPU), 1 s requests, 60% target: the concurrency term is 1 / 16 = 0.0625
 * // vCPU per request per second. At 0.05 vCPU-s a request the CPU term is 0.05 / 0.6 = 0.0833,
 * // so CPU binds; at 0.02 vCPU-s it is 0.0333 and concurrency binds.
 * lmiSizing({ cpuSecondsPerRequest: dec("0.02"), peakToAverage: 2, targetUtilization: 0.6 },
 *   1000, "python").bound; // "concurrency"
 */
export function lmiSizing(work: SizingInput, durationMs: number, runtime: LmiRuntime): LmiSizing {
  const perVcpu = LMI_RUNTIMES[runtime];
  const durationS = dec(durationMs).div(1000);
  // cps / U < d / limit  ⇔  cps × limit < d × U (no division, so no rounding)
  const concurrencyBinds = work.cpuSecondsPerRequest
    .times(perVcpu)
    .lt(durationS.times(work.targetUtilization));
  if (!concurrencyBinds) return { sizing: work, bound: "cpu" };
  return {
    sizing: {
      cpuSecondsPerRequest: durationS.div(perVcpu),
      peakToAverage: work.peakToAverage,
      targetUtilization: 1,
    },
    bound: "concurrency",
  };
}

export interface LmiFleetChoice {
  region: string;
  architecture: Architecture;
  minInstances: number;
  /** Price this many instances whatever the volume (--lmi-instances), or size the fleet. */
  fixedInstances?: number | undefined;
}

/**
 * One LMI candidate as a step-shaped fleet: capacity = environments per instance (one vCPU
 * each); unit cost = one instance for a month, instance-hours plus the fee, from the shared
 * pricing function (requests are priced apart: they do not step).
 *
 * @example
 * // c7g.xlarge $0.145/h on-demand: 730 × 0.145 + 0.15 × 730 × 0.145 = 105.85 + 15.8775 = $121.7275
 */
export function lmiFleet(
  type: Ec2InstanceType,
  environments: number,
  onDemandHourly: Decimal,
  discount: Discount | null,
  choice: LmiFleetChoice,
): FleetModel {
  const month = priceManagedInstances({
    region: choice.region,
    architecture: choice.architecture,
    instanceType: type.name,
    instances: 1,
    hoursPerInstance: HOURS_PER_MONTH,
    onDemandHourly,
    instanceDiscount: discount ? discount.fraction : dec(0),
    monthlyRequests: 0,
  });
  return {
    label: `LMI ${type.name}`,
    capacityVcpus: dec(environments),
    minUnits: choice.fixedInstances ?? choice.minInstances,
    unitMonthlyCost: month.monthlyCost,
  };
}
