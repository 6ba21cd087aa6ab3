/**
 * The result model of `estimate`: what every renderer prints, and (as JSON) the stable
 * contract. Money stays Decimal here; each renderer decides how to print it.
 */
import type { Decimal } from "../core/money/index.js";
import type { Architecture, FunctionUsage, LambdaEstimate } from "../core/pricing/types.js";

export interface EstimateReportLine {
  function?: string | undefined;
  region: string;
  /** Absent on account lines no architecture owns (event pollers). */
  architecture?: Architecture | undefined;
  name: string;
  quantity: Decimal;
  unit: string;
  unitPrice: Decimal;
  cost: Decimal;
  freeTierQuantity?: Decimal | undefined;
}

export interface EstimateReport {
  currency: "USD";
  /** The region, or "multiple" when the functions span several (see `regions`). */
  region: string;
  regions: string[];
  total: Decimal;
  lines: EstimateReportLine[];
  priceTableAsOf: string;
  assumptions: {
    freeTier: boolean;
    freeTierUsed: { requests: Decimal; gbSeconds: Decimal };
    caveats: string[];
    functions: FunctionUsage[];
  };
}

export function buildEstimateReport(
  estimate: LambdaEstimate,
  usages: FunctionUsage[],
): EstimateReport {
  const regions = [...new Set(usages.map((u) => u.region))];
  const named = usages.length > 1;
  return {
    currency: estimate.currency,
    region: regions.length === 1 ? (regions[0] as string) : "multiple",
    regions,
    total: estimate.total,
    lines: estimate.lines.map((line) => ({
      ...(named ? { function: line.functionName } : {}),
      region: line.region,
      ...(line.architecture === undefined ? {} : { architecture: line.architecture }),
      name: line.name,
      quantity: line.quantity,
      unit: line.unit,
      unitPrice: line.unitPrice,
      cost: line.cost,
      ...(line.freeTierQuantity ? { freeTierQuantity: line.freeTierQuantity } : {}),
    })),
    priceTableAsOf: estimate.priceTableAsOf,
    assumptions: {
      freeTier: estimate.freeTierApplied,
      freeTierUsed: estimate.freeTierUsed,
      caveats: estimate.caveats,
      functions: usages,
    },
  };
}

/**
 * Who a line belongs to, as every renderer names it: "api (us-east-1, x86_64)", or
 * "account (us-east-1)" for the account lines no function owns (event pollers).
 */
export function lineOwner(line: EstimateReportLine): string {
  const where = [line.region, line.architecture].filter(Boolean).join(", ");
  return `${line.function ?? "account"} (${where})`;
}

/** The architecture a single-function report is about (account lines carry none). */
export function reportArchitecture(report: EstimateReport): string {
  return report.lines.find((l) => l.architecture)?.architecture ?? "";
}
