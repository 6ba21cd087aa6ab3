/**
 * CloudWatch Logs rates for the logs Lambda writes (vended logs, since 2025-05-01): one small
 * lookup other features (e.g. `advise`) use to price a change of log volume or log class.
 */
import type { Decimal } from "../money/index.js";
import { linePrices } from "./lookup.js";
import type { LambdaPriceTable, LogClass } from "./types.js";

export interface LogRates {
  /** Ingestion per GB in the first monthly tier (what a small account's next GB costs). */
  firstTierIngestionPerGb: Decimal;
  storagePerGbMonth: Decimal;
  sources: string[];
  asOf: string;
}

/**
 * The first-tier ingestion price and the storage price of one log class in one region.
 * Throws PricingDataError where the table has no CloudWatch Logs prices for the region.
 *
 * @example
 * // Amazon CloudWatch pricing, Lambda logs, US East (N. Virginia): Standard $0.50/GB for the
 * // first 10 TB a month; Infrequent Access $0.25/GB; storage $0.03 per GB-month for both.
 * const standard = logRates(table, "us-east-1", "standard");
 * standard.firstTierIngestionPerGb.toFixed(); // "0.5"
 * standard.storagePerGbMonth.toFixed(); // "0.03"
 * logRates(table, "us-east-1", "infrequentAccess").firstTierIngestionPerGb.toFixed(); // "0.25"
 */
export function logRates(table: LambdaPriceTable, region: string, logClass: LogClass): LogRates {
  const logs = linePrices(table, region, "logs");
  const prices = logs.classes[logClass];
  // The schema guarantees at least one tier; the first starts at 0 GB.
  const first = prices.ingestionTiers[0] as { pricePerGb: Decimal };
  return {
    firstTierIngestionPerGb: first.pricePerGb,
    storagePerGbMonth: prices.storagePerGbMonth,
    sources: logs.sources,
    asOf: logs.asOf,
  };
}
