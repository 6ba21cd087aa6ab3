/**
 * Lambda@Edge (AWS Lambda pricing, "Lambda@Edge Pricing", https://aws.amazon.com/lambda/pricing/,
 * read 2026-12-01): its own request price and GB-s price, metered per 1 ms; the free tier never
 * covers it, duration is not tiered, and Lambda@Edge has no provisioned concurrency.
 */
import { dec } from "../money/index.js";
import type { LineFields } from "./line-fields.js";
import { gbSeconds } from "./tiers.js";
import type { EdgePrices } from "./types.js";

/**
 * The request and duration lines of a Lambda@Edge function.
 *
 * @example
 * // AWS's example: 10M requests × 10 ms at 128 MB.
 * edgeLines({ memoryMb: 128, monthlyRequests: 10_000_000, averageDurationMs: 10 }, prices);
 * // requests 10,000,000 × $0.0000006 = $6.00
 * // duration 100,000 s × 0.125 GB = 12,500 GB-s × $0.00005001 = $0.625125 ("$0.63";
 * //   AWS: 100,000 × $0.00000625125 per 128 MB-s) — total $6.63
 */
export function edgeLines(
  usage: { memoryMb: number; monthlyRequests: number; averageDurationMs: number },
  prices: EdgePrices,
): LineFields[] {
  const requests = dec(usage.monthlyRequests);
  const quantity = gbSeconds(usage.memoryMb, requests.times(usage.averageDurationMs));
  return [
    {
      name: "Lambda@Edge requests",
      quantity: requests,
      unit: "requests",
      unitPrice: prices.requestPrice,
      cost: requests.times(prices.requestPrice),
    },
    {
      name: "Lambda@Edge duration",
      quantity,
      unit: "GB-s",
      unitPrice: prices.pricePerGbSecond,
      cost: quantity.times(prices.pricePerGbSecond),
    },
  ];
}
