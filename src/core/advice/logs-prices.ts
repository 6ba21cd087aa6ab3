/**
 * CloudWatch Logs prices for advice, all from the price table's logs block (one place for
 * CloudWatch Logs prices): ingestion and storage (standard class, first ingestion tier:
 * core/pricing logRates) and the Logs Insights scan price (`logs.insightsPerGbScanned`).
 */
import { PricingDataError } from "../errors.js";
import type { Decimal } from "../money/index.js";
import { logRates } from "../pricing/log-rates.js";
import type { LambdaPriceTable } from "../pricing/types.js";
import type { LogsRates } from "./rates.js";

/**
 * The Logs Insights price of a region, USD per GB scanned, or undefined where the table has
 * no CloudWatch Logs prices for the region (or no such region): advise then counts that
 * region's scan as unpriced and says so, it never guesses.
 *
 * @example
 * // Amazon CloudWatch pricing, Logs Insights, US East (N. Virginia): $0.005 per GB scanned.
 * insightsPerGbScanned(table, "us-east-1")?.toFixed(); // "0.005"
 * insightsPerGbScanned(table, "eu-west-1"); // undefined: the table has no logs block there
 */
export function insightsPerGbScanned(table: LambdaPriceTable, region: string): Decimal | undefined {
  const prices = Object.hasOwn(table.regions, region) ? table.regions[region] : undefined;
  return prices?.logs?.insightsPerGbScanned ?? undefined;
}

/**
 * A region's rates for the log rules, or undefined where the price table has no CloudWatch
 * Logs prices (the log rules are then skipped there, with a note).
 */
export function adviceLogsRates(table: LambdaPriceTable, region: string): LogsRates | undefined {
  try {
    const rates = logRates(table, region, "standard");
    return {
      ingestionPerGb: rates.firstTierIngestionPerGb,
      storagePerGbMonth: rates.storagePerGbMonth,
      insightsPerGbScanned: insightsPerGbScanned(table, region),
    };
  } catch (error) {
    if (error instanceof PricingDataError) return undefined;
    throw error;
  }
}
