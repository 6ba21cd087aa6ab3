/**
 * A function on Lambda Managed Instances, priced by the one LMI rule (./managed-instances.ts):
 * its instance-hours at the rate the account pays, the 15% management fee on the ON-DEMAND
 * price, and $0.20 per 1M requests; no duration or GB-s charge, and no free tier.
 */
import { PricingDataError } from "../errors.js";
import { dec } from "../money/index.js";
import type { ManagedInstancesFunctionUsage } from "./extra-usage.js";
import { priceManagedInstances } from "./managed-instances.js";
import type { Architecture, CostLine, PricingOptions } from "./types.js";

/**
 * The three LMI lines of one function.
 *
 * @example
 * // AWS's high-throughput API example: m7g.xlarge ($0.1632 on-demand), 2,000 instance-hours at
 * // a 3-year Compute Savings Plan rate of $0.0457, 100M requests.
 * managedInstancesLines({ region: "us-east-1", architecture: "arm64", monthlyRequests: 100_000_000,
 *   managedInstances: { instanceType: "m7g.xlarge", instanceHours: 2000, hourlyUsd: 0.0457 } }, ec2);
 * // instances 2,000 × $0.0457 = $91.40; fee 2,000 × $0.1632 × 0.15 = $48.96; requests $20 → $160.36
 */
export function managedInstancesLines(
  usage: {
    region: string;
    architecture: Architecture;
    monthlyRequests: number;
    managedInstances: ManagedInstancesFunctionUsage;
  },
  ec2: PricingOptions["ec2"],
): CostLine[] {
  const { instanceType, instanceHours, hourlyUsd } = usage.managedInstances;
  const onDemandHourly = ec2?.regions[usage.region]?.hourlyPrices[instanceType];
  if (onDemandHourly === undefined) {
    const known = Object.keys(ec2?.regions[usage.region]?.hourlyPrices ?? {});
    throw new PricingDataError(
      `the EC2 price table has no on-demand price for ${instanceType} in ${usage.region}, and the Lambda Managed Instances fee is 15% of it${known.length > 0 ? ` (priced there: ${known.join(", ")})` : ""}`,
    );
  }
  return priceManagedInstances({
    region: usage.region,
    architecture: usage.architecture,
    instanceType,
    instances: 1,
    hoursPerInstance: instanceHours,
    onDemandHourly,
    instanceDiscount: dec(0),
    ...(hourlyUsd === undefined ? {} : { paidHourly: dec(hourlyUsd) }),
    monthlyRequests: usage.monthlyRequests,
  }).lines;
}
