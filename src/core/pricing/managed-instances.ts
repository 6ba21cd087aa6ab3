/**
 * Lambda Managed Instances (LMI): what a fleet of EC2 instances run by Lambda, and the requests
 * it serves, cost a month. One pure function, shared by `crossover` (and the `estimate` line
 * that prices an LMI function), so the rule lives in one place. AWS bills LMI as (AWS Lambda
 * pricing, "Lambda Managed Instances", https://aws.amazon.com/lambda/pricing/, read 2026-12-01):
 * - the EC2 instance-hours at the rate the account pays for them (on-demand, or after a
 *   Savings Plan or Reserved Instance discount);
 * - a compute management fee of 15% of the instance's ON-DEMAND price, whatever discount the
 *   instance-hours get;
 * - $0.20 per 1M requests; no duration charge.
 */
import { type Decimal, dec, sum } from "../money/index.js";
import type { Architecture, CostLine } from "./types.js";

/** The management fee as a share of the on-demand instance price. */
export const LMI_MANAGEMENT_FEE_FRACTION: Decimal = dec("0.15");
/** Dollars per request ($0.20 per 1M). */
export const LMI_REQUEST_PRICE: Decimal = dec("0.20").div(1_000_000);

export interface ManagedInstancesUsage {
  region: string;
  architecture: Architecture;
  instanceType: string;
  /** Instances running all month (whole). */
  instances: number;
  /** Hours each instance runs in the month (730 for a whole month). */
  hoursPerInstance: number;
  onDemandHourly: Decimal;
  /** Share taken off the instance-hours by a Savings Plan or RI (0 on-demand); never the fee. */
  instanceDiscount: Decimal;
  /**
   * The hourly rate the account pays, when known as a price rather than a share off (a
   * Savings Plan rate such as $0.0457); replaces on-demand × (1 − instanceDiscount).
   */
  paidHourly?: Decimal | undefined;
  monthlyRequests: number;
  /** Requests not charged (a free tier the caller has decided applies); 0 otherwise. */
  freeRequests?: number | undefined;
}

export interface ManagedInstancesCost {
  instanceCost: Decimal;
  managementFee: Decimal;
  requestCost: Decimal;
  monthlyCost: Decimal;
  /** The same three amounts as cost lines, for renderers that list lines. */
  lines: CostLine[];
}

/**
 * Prices an LMI fleet for a month.
 *
 * @example
 * // AWS's sample LMI calculator: 14 × c7g.xlarge ($0.145/h) on-demand, 730 h, 1M requests:
 * // instances 14 × 730 × 0.145 = $1,481.90; fee 0.15 × 1,481.90 = $222.285;
 * // requests 1 × $0.20 = $0.20; total $1,704.385
 * priceManagedInstances({ region: "us-east-1", architecture: "arm64", instanceType: "c7g.xlarge",
 *   instances: 14, hoursPerInstance: 730, onDemandHourly: dec("0.145"), instanceDiscount: dec(0),
 *   monthlyRequests: 1_000_000 }).monthlyCost.toFixed(); // "1704.385"
 */
export function priceManagedInstances(usage: ManagedInstancesUsage): ManagedInstancesCost {
  const instanceHours = dec(usage.instances).times(usage.hoursPerInstance);
  const paidHourly =
    usage.paidHourly ?? usage.onDemandHourly.times(dec(1).minus(usage.instanceDiscount));
  const feeHourly = usage.onDemandHourly.times(LMI_MANAGEMENT_FEE_FRACTION);
  const free = Math.min(usage.monthlyRequests, usage.freeRequests ?? 0);
  const billedRequests = dec(usage.monthlyRequests).minus(free);
  const where = { region: usage.region, architecture: usage.architecture };
  const lines: CostLine[] = [
    {
      name: `LMI instances (${usage.instanceType})`,
      quantity: instanceHours,
      unit: "instance-hours",
      unitPrice: paidHourly,
      cost: instanceHours.times(paidHourly),
      ...where,
    },
    {
      name: "LMI management fee (15% of on-demand)",
      quantity: instanceHours,
      unit: "instance-hours",
      unitPrice: feeHourly,
      cost: instanceHours.times(feeHourly),
      ...where,
    },
    {
      name: "LMI requests",
      quantity: billedRequests,
      unit: "requests",
      unitPrice: LMI_REQUEST_PRICE,
      cost: billedRequests.times(LMI_REQUEST_PRICE),
      ...where,
      ...(free > 0 ? { freeTierQuantity: dec(free) } : {}),
    },
  ];
  const [instanceLine, feeLine, requestLine] = lines as [CostLine, CostLine, CostLine];
  return {
    instanceCost: instanceLine.cost,
    managementFee: feeLine.cost,
    requestCost: requestLine.cost,
    monthlyCost: sum(lines.map((line) => line.cost)),
    lines,
  };
}
