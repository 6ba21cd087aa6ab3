/**
 * Container fleets sized for the same work as Lambda: how many tasks or instances a volume
 * needs, and what they cost a month. A fleet's cost is a step function of volume: it stays
 * flat until the peak needs one more unit.
 */
import { type Decimal, dec } from "../money/index.js";
import type { Architecture } from "../pricing/types.js";
import { HOURS_PER_MONTH } from "./constants.js";
import type {
  Discount,
  Ec2InstanceType,
  FargateArchitecturePrices,
  FargateTaskSize,
  FleetModel,
} from "./types.js";
import { type SizingInput, vcpusNeeded } from "./work.js";

/**
 * Units (tasks or instances) at a volume: max(minUnits, ceil(vCPUs needed / capacity per unit)).
 *
 * @example
 * // 7.6104 vCPUs needed, 1-vCPU tasks, at least 2: ceil(7.6104) = 8
 * unitsAt(fleet, 50_000_000, sizing); // 8
 */
export function unitsAt(fleet: FleetModel, monthlyRequests: number, sizing: SizingInput): number {
  const needed = vcpusNeeded(monthlyRequests, sizing).div(fleet.capacityVcpus).ceil();
  return Math.max(fleet.minUnits, needed.toNumber());
}

/** Monthly cost at a volume: units × the cost of one unit for 730 hours. */
export function fleetCostAt(
  fleet: FleetModel,
  monthlyRequests: number,
  sizing: SizingInput,
): Decimal {
  return fleet.unitMonthlyCost.times(unitsAt(fleet, monthlyRequests, sizing));
}

/** 1 − discount, or 1 when there is none. */
function keep(discount: Discount | null): Decimal {
  return discount ? dec(1).minus(discount.fraction) : dec(1);
}

/**
 * A Fargate service of identical tasks. Spot and Savings Plans do not combine (Savings Plans
 * never cover Spot), so the caller passes at most one discount.
 *
 * @example
 * // 1 vCPU / 2 GB x86 in us-east-1: 730 × (1 × 0.04048 + 2 × 0.004445) = 730 × 0.04937 = $36.0401
 * fargateFleet(size, prices, "x86_64", 2, null).unitMonthlyCost.toFixed(); // "36.0401"
 */
export function fargateFleet(
  task: FargateTaskSize,
  prices: FargateArchitecturePrices,
  architecture: Architecture,
  minUnits: number,
  discount: Discount | null,
): FleetModel {
  const hourly = task.vcpus.times(prices.perVcpuHour).plus(task.memoryGb.times(prices.perGbHour));
  return {
    label: `Fargate ${task.label} ${architecture}`,
    capacityVcpus: task.vcpus,
    minUnits,
    unitMonthlyCost: hourly.times(HOURS_PER_MONTH).times(keep(discount)),
  };
}

/**
 * EC2 instances of one type. A burstable type counts only its baseline share of each vCPU
 * (running above it for a month would spend credits it does not earn, or bill surplus credits).
 *
 * @example
 * // m7g.large: 2 vCPUs at $0.0816/h → 730 × 0.0816 = $59.568 a month
 * // t4g.large: 2 vCPUs × 30% baseline = 0.6 usable vCPU at $0.0672/h → $49.056 a month
 */
export function ec2Fleet(
  type: Ec2InstanceType,
  hourlyPrice: Decimal,
  minUnits: number,
  discount: Discount | null,
): FleetModel {
  const share = type.burstable && type.baselineCpuShare ? type.baselineCpuShare : dec(1);
  return {
    label: `EC2 ${type.name}`,
    capacityVcpus: type.vcpus.times(share),
    minUnits,
    unitMonthlyCost: hourlyPrice.times(HOURS_PER_MONTH).times(keep(discount)),
  };
}
