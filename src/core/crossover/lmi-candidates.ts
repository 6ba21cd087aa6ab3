/**
 * Which instance types an LMI fleet may run on, and as what fleets. Default: every
 * non-burstable type in pricing/ec2.json with at least 2 vCPUs, of the LMI architecture, priced
 * in the region, with room for at least one environment. Named types (--lmi-types) must meet
 * the same rules, or the run stops with a message naming what is allowed.
 */
import { UsageError } from "../errors.js";
import type { Decimal } from "../money/index.js";
import type { Architecture } from "../pricing/types.js";
import {
  environmentsPerInstance,
  familyMemoryPerVcpu,
  type LmiFleetChoice,
  type LmiMemoryPerVcpu,
  lmiFleet,
} from "./lmi-fleet.js";
import type { Ec2InstanceType, Ec2PriceTable, FleetModel, SavingsPlanTerm } from "./types.js";

export interface LmiCandidateFleet {
  type: Ec2InstanceType;
  environments: number;
  memoryPerVcpuGib: number;
  onDemandHourly: Decimal;
  fleet: FleetModel;
}

export interface LmiFleets {
  fleets: LmiCandidateFleet[];
  /** Set when LMI is left out (no prices for the region, no type asked for). */
  unavailable: string | null;
}

export interface LmiChoice extends LmiFleetChoice {
  types?: readonly string[] | undefined;
  memoryPerVcpuGib?: LmiMemoryPerVcpu | undefined;
}

function eligible(type: Ec2InstanceType, architecture: Architecture): boolean {
  return !type.burstable && type.vcpus.gte(2) && type.architecture === architecture;
}

/**
 * @example
 * resolveLmiFleets(table, { region: "us-east-1", architecture: "arm64", minInstances: 3,
 *   types: ["c7i.xlarge"] }, null);
 * // throws UsageError: --lmi-types c7i.xlarge is x86_64, not arm64; arm64 types: c7g.large, …
 */
export function resolveLmiFleets(
  table: Ec2PriceTable,
  choice: LmiChoice,
  plan: SavingsPlanTerm | null,
): LmiFleets {
  const arch = choice.architecture;
  const allowed = Object.values(table.instanceTypes)
    .filter((t) => eligible(t, arch))
    .map((t) => t.name);
  const region = Object.hasOwn(table.regions, choice.region)
    ? table.regions[choice.region]
    : undefined;
  const ratioOf = (type: Ec2InstanceType) =>
    choice.memoryPerVcpuGib ?? familyMemoryPerVcpu(type.name);
  if (!region) {
    if (choice.types !== undefined) {
      throw new UsageError(
        `pricing/ec2.json has no EC2 prices for ${choice.region}, so LMI cannot be priced there; priced regions: ${Object.keys(table.regions).join(", ")}`,
      );
    }
    return {
      fleets: [],
      unavailable: `pricing/ec2.json has no EC2 prices for ${choice.region}; LMI is left out`,
    };
  }
  if (choice.types !== undefined) {
    for (const name of choice.types) {
      const type = Object.hasOwn(table.instanceTypes, name) ? table.instanceTypes[name] : undefined;
      const why = !type
        ? "is not in pricing/ec2.json"
        : type.architecture !== arch
          ? `is ${type.architecture}, not ${arch} (--lmi-arch)`
          : !eligible(type, arch)
            ? "is burstable or has fewer than 2 vCPUs"
            : !region.hourlyPrices[name]
              ? `has no ${choice.region} price in pricing/ec2.json`
              : ratioOf(type) === null
                ? "is not a c, m or r type, so --lmi-memory-per-vcpu 2, 4 or 8 must be given"
                : environmentsPerInstance(type, ratioOf(type) ?? 2) < 1
                  ? `has no room for one ${ratioOf(type)} GiB-per-vCPU environment after the 1 vCPU and 1 GiB kept for the OS`
                  : null;
      if (why) {
        throw new UsageError(
          `--lmi-types ${name} ${why}; LMI can use the ${arch} types with at least 2 vCPUs: ${allowed.join(", ")}`,
        );
      }
    }
  }
  const names = choice.types ?? allowed.filter((name) => region.hourlyPrices[name]);
  const discount = plan ? table.savingsPlans.ec2[plan] : null;
  const fleets: LmiCandidateFleet[] = [];
  for (const name of new Set(names)) {
    const type = table.instanceTypes[name] as Ec2InstanceType;
    const ratio = ratioOf(type);
    const price = region.hourlyPrices[name];
    if (ratio === null || !price) continue;
    const environments = environmentsPerInstance(type, ratio);
    if (environments < 1) continue;
    fleets.push({
      type,
      environments,
      memoryPerVcpuGib: ratio,
      onDemandHourly: price,
      fleet: lmiFleet(type, environments, price, discount, choice),
    });
  }
  if (fleets.length === 0) {
    throw new UsageError(
      `no ${arch} instance type in pricing/ec2.json can hold an LMI environment of ${choice.memoryPerVcpuGib} GiB per vCPU in ${choice.region}; use --lmi-memory-per-vcpu 2 or 4, or --lmi-types`,
    );
  }
  return { fleets, unavailable: null };
}
