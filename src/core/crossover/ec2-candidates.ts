/**
 * Which EC2 instance types compete, and as what fleets. Burstable types (t3, t4g) take part
 * only with --include-burstable, and then only at their baseline CPU share.
 */
import { UsageError } from "../errors.js";
import { ec2Fleet } from "./fleet.js";
import type { Ec2InstanceType, Ec2PriceTable, FleetModel, SavingsPlanTerm } from "./types.js";

export interface Ec2Fleets {
  fleets: { type: Ec2InstanceType; fleet: FleetModel }[];
  /** Set when EC2 is left out because the region has no prices and no type was asked for. */
  unavailable: string | null;
}

interface Ec2Choice {
  region: string;
  ec2Types?: readonly string[] | undefined;
  includeBurstable: boolean;
  minInstances: number;
}

/**
 * @example
 * resolveEc2Fleets(table, { region: "us-east-1", includeBurstable: false, minInstances: 2 },
 *   ["m7g.large", "c7g.large", "m7i.large"], null).fleets.length; // 3
 * resolveEc2Fleets(table, { region: "us-east-1", ec2Types: ["t4g.large"], … }, …);
 * // throws UsageError: t4g.large is burstable …; add --include-burstable …
 */
export function resolveEc2Fleets(
  table: Ec2PriceTable,
  choice: Ec2Choice,
  defaults: readonly string[],
  plan: SavingsPlanTerm | null,
): Ec2Fleets {
  const explicit = choice.ec2Types !== undefined;
  const asked = [...new Set(choice.ec2Types ?? defaults)];
  for (const name of asked) {
    const type = Object.hasOwn(table.instanceTypes, name) ? table.instanceTypes[name] : undefined;
    if (!type) {
      throw new UsageError(
        `unknown EC2 instance type "${name}"; pricing/ec2.json knows: ${Object.keys(table.instanceTypes).join(", ")}`,
      );
    }
    if (type.burstable && !choice.includeBurstable) {
      throw new UsageError(
        `${name} is a burstable type that sustains only ${type.baselineCpuShare?.times(100).toFixed()}% of each vCPU; add --include-burstable to compare it at that baseline`,
      );
    }
  }
  const region = Object.hasOwn(table.regions, choice.region)
    ? table.regions[choice.region]
    : undefined;
  const pricedRegions = Object.keys(table.regions).join(", ");
  if (!region) {
    if (explicit) {
      throw new UsageError(
        `pricing/ec2.json has no EC2 prices for ${choice.region}, so ${asked.join(", ")} cannot be priced there; priced regions: ${pricedRegions}`,
      );
    }
    return {
      fleets: [],
      unavailable: `pricing/ec2.json has no EC2 prices for ${choice.region} (priced regions: ${pricedRegions}); EC2 is left out`,
    };
  }
  if (choice.includeBurstable) {
    for (const type of Object.values(table.instanceTypes)) {
      if (type.burstable && region.hourlyPrices[type.name] && !asked.includes(type.name)) {
        asked.push(type.name);
      }
    }
  }
  const discount = plan ? table.savingsPlans.ec2[plan] : null;
  const fleets = asked.map((name) => {
    const type = table.instanceTypes[name] as Ec2InstanceType;
    const price = region.hourlyPrices[name];
    if (!price) {
      throw new UsageError(
        `pricing/ec2.json has no ${choice.region} price for ${name}; priced there: ${Object.keys(region.hourlyPrices).join(", ")}`,
      );
    }
    return { type, fleet: ec2Fleet(type, price, choice.minInstances, discount) };
  });
  return { fleets, unavailable: null };
}
