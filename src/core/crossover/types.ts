/**
 * The crossover model's vocabulary: container price tables (Fargate, EC2), the question asked
 * (one workload, fleet-sizing knobs) and the answer (costs, fleets, break-even, sweep).
 * All money is Decimal; counts of requests are whole numbers.
 */
import type { Decimal } from "../money/index.js";
import type { Architecture } from "../pricing/types.js";

export const SAVINGS_PLANS = ["none", "compute-1yr", "compute-3yr"] as const;
export type SavingsPlan = (typeof SAVINGS_PLANS)[number];
export type SavingsPlanTerm = Exclude<SavingsPlan, "none">;

/** How sure a discount is: AWS's exact figure, its "up to" maximum, a third-party figure, or ours. */
export type DiscountKind = "published" | "headline-maximum" | "approximate" | "derived";

export interface Discount {
  /** 0.70 means 70% off. */
  fraction: Decimal;
  kind: DiscountKind;
  source: string;
  asOf: string;
  /** How lambda-cost uses a number AWS gives only as a range. */
  assumption?: string | undefined;
}

export interface FargateArchitecturePrices {
  perVcpuHour: Decimal;
  perGbHour: Decimal;
  source: string;
  asOf: string;
}

export interface FargatePriceTable {
  currency: "USD";
  asOf: string;
  /** null where the sources give no price for that architecture in that region. */
  regions: Record<string, Record<Architecture, FargateArchitecturePrices | null>>;
  spot: Discount & {
    /** Fargate Spot runs only these architectures (x86_64 today). */
    architectures: Architecture[];
    architecturesSource: string;
  };
  savingsPlans: Record<SavingsPlanTerm, Discount>;
}

export interface Ec2InstanceType {
  name: string;
  vcpus: Decimal;
  memoryGib: Decimal;
  architecture: Architecture;
  burstable: boolean;
  /** Share of each vCPU a burstable type sustains without credits (t3.large: 0.30); else null. */
  baselineCpuShare: Decimal | null;
}

export interface Ec2RegionPrices {
  source: string;
  asOf: string;
  hourlyPrices: Record<string, Decimal>;
  /** How single prices were checked, by instance type; "UNVERIFIED…" marks a derived one. */
  priceChecks: Record<string, string>;
}

export interface Ec2PriceTable {
  currency: "USD";
  asOf: string;
  instanceTypes: Record<string, Ec2InstanceType>;
  specsSource: string;
  baselineSource: string;
  regions: Record<string, Ec2RegionPrices>;
  savingsPlans: {
    ec2: Record<SavingsPlanTerm, Discount>;
    lambda: Record<SavingsPlanTerm, Discount>;
  };
}

/** A valid Fargate CPU/memory combination, e.g. 1 vCPU with 2 GB ("1vcpu-2gb"). */
export interface FargateTaskSize {
  vcpus: Decimal;
  memoryGb: Decimal;
  label: string;
}

/**
 * A fleet whose size steps with load: units(N) = max(minUnits, ceil(vCPUs needed at N / capacity
 * per unit)); monthly cost = units × unitMonthlyCost.
 */
export interface FleetModel {
  /** "Fargate 1vcpu-2gb x86_64" or "EC2 m7g.large". */
  label: string;
  /** vCPUs of work one unit absorbs (an EC2 burstable counts only its baseline share). */
  capacityVcpus: Decimal;
  minUnits: number;
  /** Monthly cost of one unit (730 h), after Spot or Savings Plans discounts. */
  unitMonthlyCost: Decimal;
}

/** The monthly cost of Lambda at a whole number of requests per month. */
export type LambdaCostCurve = (monthlyRequests: number) => Decimal;

export interface BreakEven {
  /**
   * "from": containers are no dearer from `requestsPerMonth` on (the smallest such volume);
   * "always": already at 1 request a month; "never": not below the search limit (1e12).
   */
  status: "from" | "always" | "never";
  requestsPerMonth: number | null;
  /** Average requests per second at that volume (requests / 2,628,000 s). */
  averageRps: Decimal | null;
  /** For EC2: the instance type that reaches break-even first. */
  instanceType?: string | undefined;
  /**
   * The smallest volume from which the option is no dearer than Lambda at every volume up to
   * 10B a month (the sweep's top). After the first break-even Lambda can be cheaper again for a
   * while each time the fleet steps up a unit; null when the option is dearer at 10B, or its
   * first break-even is above 10B.
   */
  steadyFromRequestsPerMonth: number | null;
  /** For EC2: the instance type that is steadily no dearer from that volume. */
  steadyInstanceType?: string | undefined;
}
