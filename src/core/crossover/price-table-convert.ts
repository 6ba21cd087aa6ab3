/**
 * Turns a Fargate or EC2 price table that passed the checks of price-tables.ts into Decimals.
 * Kept apart from those checks (and their compiled schema validators) so that the shipped
 * tables, checked once at build time (scripts/bundle-cli.mjs) and by a unit test, are not
 * checked again on every run, as with the Lambda table (src/prices/shipped-lambda-table.ts).
 */
import { type Decimal, dec } from "../money/index.js";
import type { Architecture } from "../pricing/types.js";
import type {
  Discount,
  DiscountKind,
  Ec2InstanceType,
  Ec2PriceTable,
  FargateArchitecturePrices,
  FargatePriceTable,
  SavingsPlanTerm,
} from "./types.js";

/** What pricing/fargate.schema.json and pricing/ec2.schema.json guarantee. */
export interface RawDiscount {
  discountFraction: string;
  kind: DiscountKind;
  source: string;
  asOf: string;
  assumption?: string;
}
export type RawPlans = Record<SavingsPlanTerm, RawDiscount>;
interface RawFargateArchitecture {
  perVcpuHour: string;
  perGbHour: string;
  source: string;
  asOf: string;
}
export interface RawFargateTable {
  asOf: string;
  regions: Record<string, Record<Architecture, RawFargateArchitecture | null>>;
  spot: RawDiscount & { architectures: Architecture[]; architecturesSource: string };
  savingsPlans: RawPlans;
}
export interface RawEc2InstanceType {
  vcpus: string;
  memoryGib: string;
  architecture: Architecture;
  burstable: boolean;
  baselineCpuShare: string | null;
}
export interface RawEc2Region {
  source: string;
  asOf: string;
  hourlyPrices: Record<string, string>;
  priceChecks?: Record<string, string>;
}
export interface RawEc2Table {
  asOf: string;
  instanceTypes: Record<string, RawEc2InstanceType>;
  instanceTypesSource: { specs: string; baselineCpuShare: string; asOf: string };
  regions: Record<string, RawEc2Region>;
  savingsPlans: { ec2: RawPlans; lambda: RawPlans };
}

function toDiscount(raw: RawDiscount): Discount {
  return {
    fraction: dec(raw.discountFraction),
    kind: raw.kind,
    source: raw.source,
    asOf: raw.asOf,
    assumption: raw.assumption,
  };
}

function toPlans(raw: RawPlans): Record<SavingsPlanTerm, Discount> {
  return {
    "compute-1yr": toDiscount(raw["compute-1yr"]),
    "compute-3yr": toDiscount(raw["compute-3yr"]),
  };
}

function toFargateArchitecture(
  raw: RawFargateArchitecture | null,
): FargateArchitecturePrices | null {
  if (raw === null) return null;
  return {
    perVcpuHour: dec(raw.perVcpuHour),
    perGbHour: dec(raw.perGbHour),
    source: raw.source,
    asOf: raw.asOf,
  };
}

/** A Fargate table that passed checkFargatePriceTable (or the shipped one), in Decimals. */
export function convertCheckedFargatePriceTable(json: unknown): FargatePriceTable {
  const raw = json as RawFargateTable;
  const regions: FargatePriceTable["regions"] = {};
  for (const [region, prices] of Object.entries(raw.regions)) {
    regions[region] = {
      x86_64: toFargateArchitecture(prices.x86_64),
      arm64: toFargateArchitecture(prices.arm64),
    };
  }
  return {
    currency: "USD",
    asOf: raw.asOf,
    regions,
    spot: {
      ...toDiscount(raw.spot),
      architectures: raw.spot.architectures,
      architecturesSource: raw.spot.architecturesSource,
    },
    savingsPlans: toPlans(raw.savingsPlans),
  };
}

/** An EC2 table that passed checkEc2PriceTable (or the shipped one), in Decimals. */
export function convertCheckedEc2PriceTable(json: unknown): Ec2PriceTable {
  const raw = json as RawEc2Table;
  const instanceTypes: Record<string, Ec2InstanceType> = {};
  for (const [name, spec] of Object.entries(raw.instanceTypes)) {
    instanceTypes[name] = {
      name,
      vcpus: dec(spec.vcpus),
      memoryGib: dec(spec.memoryGib),
      architecture: spec.architecture,
      burstable: spec.burstable,
      baselineCpuShare: spec.baselineCpuShare === null ? null : dec(spec.baselineCpuShare),
    };
  }
  const regions: Ec2PriceTable["regions"] = {};
  for (const [region, prices] of Object.entries(raw.regions)) {
    const hourlyPrices: Record<string, Decimal> = {};
    for (const [name, price] of Object.entries(prices.hourlyPrices)) {
      hourlyPrices[name] = dec(price);
    }
    regions[region] = {
      source: prices.source,
      asOf: prices.asOf,
      hourlyPrices,
      priceChecks: prices.priceChecks ?? {},
    };
  }
  return {
    currency: "USD",
    asOf: raw.asOf,
    instanceTypes,
    specsSource: raw.instanceTypesSource.specs,
    baselineSource: raw.instanceTypesSource.baselineCpuShare,
    regions,
    savingsPlans: {
      ec2: toPlans(raw.savingsPlans.ec2),
      lambda: toPlans(raw.savingsPlans.lambda),
    },
  };
}
