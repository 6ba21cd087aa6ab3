/**
 * Durable functions (AWS Lambda pricing, "Lambda Durable Functions Pricing",
 * https://aws.amazon.com/lambda/pricing/, read 2026-12-01): durable operations (start, steps,
 * waits, callbacks …), the data they write (GB) and that data's retention while the execution
 * runs and for the retention period after it completes (GB-month, prorated). Compute and
 * requests (sub-invocations included) are billed as for any function.
 *
 * Units follow AWS's worked example: 1 GB = 1,000,000 KB (1M × 104 KB = 104 GB) and a month
 * of 30 days (7 days retained = 7/30 GB-month per GB).
 */
import { dec } from "../money/index.js";
import type { DurableUsage } from "./extra-usage.js";
import type { LineFields } from "./line-fields.js";
import type { DurablePrices } from "./types.js";

/** Decimal KB per GB, as AWS's example counts them. */
export const DURABLE_KB_PER_GB = 1_000_000;
/** Days per month for prorating retention, as AWS's example counts them. */
export const DURABLE_DAYS_PER_MONTH = 30;

/**
 * The operations, data-written and data-retained lines of a durable function.
 *
 * @example
 * // AWS's insurance-claims example: 1M executions, 4 operations and 104 KB written each,
 * // a 7-day wait, then 14 days of retention.
 * durableLines({ executions: 1_000_000, operationsPerExecution: 4, dataWrittenKbPerExecution: 104,
 *   runningDays: 7, retentionDays: 14 }, prices);
 * // operations 4,000,000 × $0.000008 = $32.00
 * // written 104 GB × $0.25 = $26.00
 * // retained 104 GB × (7 + 14) / 30 = 72.8 GB-month × $0.15 = $10.92
 */
export function durableLines(durable: DurableUsage, prices: DurablePrices): LineFields[] {
  const operations = dec(durable.executions).times(durable.operationsPerExecution);
  const writtenGb = dec(durable.executions)
    .times(durable.dataWrittenKbPerExecution)
    .div(DURABLE_KB_PER_GB);
  const retainedGbMonths = writtenGb
    .times(dec(durable.runningDays).plus(durable.retentionDays))
    .div(DURABLE_DAYS_PER_MONTH);
  return [
    {
      name: "Durable operations",
      quantity: operations,
      unit: "operations",
      unitPrice: prices.perOperation,
      cost: operations.times(prices.perOperation),
    },
    {
      name: "Durable data written",
      quantity: writtenGb,
      unit: "GB",
      unitPrice: prices.writtenPerGb,
      cost: writtenGb.times(prices.writtenPerGb),
    },
    {
      name: "Durable data retained",
      quantity: retainedGbMonths,
      unit: "GB-month",
      unitPrice: prices.retainedPerGbMonth,
      cost: retainedGbMonths.times(prices.retainedPerGbMonth),
    },
  ];
}
