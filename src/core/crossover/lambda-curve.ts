/**
 * Lambda's side of the comparison: the monthly cost of N requests of one function, priced by
 * the pricing engine, with a Compute Savings Plan discount on duration if asked (Savings Plans
 * cover Lambda duration and provisioned concurrency, never requests: AWS Lambda pricing), and
 * the volumes where the curve bends (free-tier ends, tier boundaries).
 */
import { type Decimal, dec, sum } from "../money/index.js";
import { architecturePrices } from "../pricing/lookup.js";
import { priceLambda } from "../pricing/price-lambda.js";
import type { Architecture, CostLine, LambdaEstimate, LambdaPriceTable } from "../pricing/types.js";
import type { Discount } from "./types.js";

export interface LambdaWorkload {
  region: string;
  architecture: Architecture;
  memoryMb: number;
  durationMs: number;
  freeTier: boolean;
}

export interface LambdaCurve {
  costAt(monthlyRequests: number): Decimal;
  /** Fractional volumes where the slope may change. */
  kinks: number[];
  /** The full estimate at one volume (lines, caveats) for display. */
  estimateAt(monthlyRequests: number): LambdaEstimate;
}

/** Lines a Compute Savings Plan discounts: duration (incl. INIT) and provisioned concurrency. */
function discounted(line: CostLine): boolean {
  return /^(Duration|INIT duration|Provisioned)/.test(line.name);
}

/**
 * Builds the curve. `price` is the engine (injectable for tests).
 *
 * @example
 * // 512 MB × 120 ms, us-east-1 x86_64, no free tier, at 50M requests:
 * // requests 50 × $0.20 = $10; GB-s 50e6 × 0.12 × 0.5 = 3e6 × $0.0000166667 = $50.0001 → $60.0001
 * lambdaCurve(table, workload, null).costAt(50_000_000);
 */
export function lambdaCurve(
  table: LambdaPriceTable,
  workload: LambdaWorkload,
  savingsPlan: Discount | null,
  price: typeof priceLambda = priceLambda,
): LambdaCurve {
  const keep = savingsPlan ? dec(1).minus(savingsPlan.fraction) : dec(1);
  const estimateAt = (monthlyRequests: number) =>
    price(
      [
        {
          region: workload.region,
          architecture: workload.architecture,
          memoryMb: workload.memoryMb,
          monthlyRequests,
          averageDurationMs: workload.durationMs,
        },
      ],
      table,
      { freeTier: workload.freeTier },
    );
  const costAt = (monthlyRequests: number) =>
    sum(
      estimateAt(monthlyRequests).lines.map((line) =>
        discounted(line) ? line.cost.times(keep) : line.cost,
      ),
    );
  return { costAt, estimateAt, kinks: lambdaKinks(table, workload) };
}

/** Volumes where the free tier runs out or a duration tier starts, before or after free GB-s. */
function lambdaKinks(table: LambdaPriceTable, workload: LambdaWorkload): number[] {
  const gbSecondsPerRequest = dec(workload.durationMs)
    .div(1000)
    .times(dec(workload.memoryMb).div(1024));
  const kinks: number[] = [];
  const freeGbSeconds = workload.freeTier ? table.freeTier.gbSecondsPerMonth : dec(0);
  if (workload.freeTier) kinks.push(table.freeTier.requestsPerMonth.toNumber());
  if (gbSecondsPerRequest.isZero()) return kinks;
  const atGbSeconds = (gbs: Decimal) => gbs.div(gbSecondsPerRequest).toNumber();
  if (workload.freeTier) kinks.push(atGbSeconds(freeGbSeconds));
  const tiers = architecturePrices(table, workload.region, workload.architecture).durationTiers;
  for (const tier of tiers) {
    if (tier.fromGbSeconds.isZero()) continue;
    kinks.push(
      atGbSeconds(tier.fromGbSeconds),
      atGbSeconds(tier.fromGbSeconds.plus(freeGbSeconds)),
    );
  }
  return kinks;
}
