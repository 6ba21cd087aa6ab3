/**
 * CloudWatch Logs prices for advice: ingestion and storage from the price table's logs block
 * (standard class, first ingestion tier: core/pricing logRates), and the Logs Insights scan
 * price, which the price table does not carry yet.
 */
import { PricingDataError } from "../errors.js";
import { type Decimal, dec } from "../money/index.js";
import { logRates } from "../pricing/log-rates.js";
import type { LambdaPriceTable } from "../pricing/types.js";
import type { LogsRates } from "./rates.js";

/**
 * Logs Insights queries, USD per GB of data scanned. Source: Amazon CloudWatch pricing page,
 * https://aws.amazon.com/cloudwatch/pricing/ (Logs, "Analyze (Logs Insights queries)": $0.005
 * per GB of data scanned, US East (N. Virginia)), read 2026-12-01. Other regions: unknown here.
 */
export const INSIGHTS_PER_GB_SCANNED: Readonly<Record<string, string>> = {
  "us-east-1": "0.005",
};
export const INSIGHTS_PRICE_SOURCE =
  "Amazon CloudWatch pricing page, https://aws.amazon.com/cloudwatch/pricing/ (Logs Insights, US East (N. Virginia)), read 2026-12-01";

/** Logs Insights price of a region, or undefined where none is known. */
export function insightsPerGbScanned(region: string): Decimal | undefined {
  const price = Object.hasOwn(INSIGHTS_PER_GB_SCANNED, region)
    ? INSIGHTS_PER_GB_SCANNED[region]
    : undefined;
  return price === undefined ? undefined : dec(price);
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
      insightsPerGbScanned: insightsPerGbScanned(region),
    };
  } catch (error) {
    if (error instanceof PricingDataError) return undefined;
    throw error;
  }
}
