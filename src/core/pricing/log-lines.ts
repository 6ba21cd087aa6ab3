/**
 * CloudWatch Logs for the logs Lambda writes (Amazon CloudWatch pricing, Logs, vended logs
 * from AWS Lambda, https://aws.amazon.com/cloudwatch/pricing/, read 2026-12-01; tiered since
 * 2025-05-01): ingestion is priced in monthly volume tiers per log class (Standard: the first
 * 10 TB, the next 20 TB, the next 20 TB, above 50 TB), counted across the account's functions in
 * a region; storage per GB-month. The tiers reuse the duration tiers' splitter: one way to split.
 */
import { type Decimal, dec } from "../money/index.js";
import type { LogsUsage } from "./extra-usage.js";
import type { LineFields } from "./line-fields.js";
import { splitIntoTiers } from "./tiers.js";
import type { DurationTier, LogClassPrices } from "./types.js";

const CLASS_LABELS = { standard: "Standard", infrequentAccess: "Infrequent Access" } as const;

/**
 * The ingestion lines (one per tier touched) and the storage line of one function's logs,
 * given the GB of the same class already ingested in the region this month.
 *
 * @example
 * // Standard, us-east-1: 10,240 GB at $0.50, then $0.25 — 10,250 GB from an empty account:
 * logLines({ ingestedGb: 10_250, logClass: "standard", storedGb: 0 }, standard, dec(0));
 * // → Logs ingestion (Standard, tier 1): 10,240 GB × $0.50 = $5,120
 * //   Logs ingestion (Standard, tier 2): 10 GB × $0.25 = $2.50
 * //   Logs storage (Standard): 0 GB-month × $0.03 = $0
 */
export function logLines(
  logs: LogsUsage,
  prices: LogClassPrices,
  alreadyIngestedGb: Decimal,
): LineFields[] {
  const label = CLASS_LABELS[logs.logClass];
  // The GB tiers in the shape of the duration tiers, so one splitter serves both.
  const tiers: DurationTier[] = prices.ingestionTiers.map((tier) => ({
    fromGbSeconds: tier.fromGb,
    toGbSeconds: tier.toGb,
    pricePerGbSecond: tier.pricePerGb,
    derived: false,
  }));
  const ingested = dec(logs.ingestedGb);
  const slices = splitIntoTiers(ingested, tiers, alreadyIngestedGb);
  const lines: LineFields[] = slices.map((slice) => ({
    name: `Logs ingestion (${label}, tier ${slice.tierIndex + 1})`,
    quantity: slice.quantity,
    unit: "GB",
    unitPrice: slice.pricePerGbSecond,
    cost: slice.cost,
  }));
  const stored = dec(logs.storedGb);
  lines.push({
    name: `Logs storage (${label})`,
    quantity: stored,
    unit: "GB-month",
    unitPrice: prices.storagePerGbMonth,
    cost: stored.times(prices.storagePerGbMonth),
  });
  return lines;
}
