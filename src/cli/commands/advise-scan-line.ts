/**
 * The line `advise` prints on stderr before its Logs Insights queries run: what they would
 * scan and cost, at the price table's Logs Insights price of each region (`logs.insightsPerGbScanned`).
 */

import type { ScanEstimate } from "../../advise/run-advise.js";
import { formatUsd } from "../../core/money/index.js";

/**
 * @example
 * scanEstimateLine({ bytes: 1024 ** 3, groups: 2, cost: dec("0.005"), unpricedRegions: [],
 *   insightsRates: [{ region: "us-east-1", perGbScanned: dec("0.005") }] });
 * // "Logs Insights: about 1.000 GB to scan in 2 log groups, about $0.0050 at $0.005 per GB scanned (us-east-1).\n"
 */
export function scanEstimateLine(estimate: ScanEstimate): string {
  const gb = estimate.bytes / 1024 ** 3;
  const unpriced =
    estimate.unpricedRegions.length > 0
      ? ` (no Logs Insights price known for ${estimate.unpricedRegions.join(", ")})`
      : "";
  return `Logs Insights: about ${gb.toFixed(3)} GB to scan in ${estimate.groups} log group${estimate.groups === 1 ? "" : "s"}, about ${formatUsd(estimate.cost, 4)}${ratesText(estimate.insightsRates)}${unpriced}.\n`;
}

/** " at $0.005 per GB scanned (us-east-1)", one rate per group of regions; "" when none. */
function ratesText(rates: ScanEstimate["insightsRates"]): string {
  const regionsByRate = new Map<string, string[]>();
  for (const { region, perGbScanned } of rates) {
    const key = perGbScanned.toFixed();
    regionsByRate.set(key, [...(regionsByRate.get(key) ?? []), region]);
  }
  const groups = [...regionsByRate].map(([rate, regions]) => ({ rate, where: regions.join(", ") }));
  const [only] = groups;
  if (only === undefined) return "";
  if (groups.length === 1) return ` at $${only.rate} per GB scanned (${only.where})`;
  return ` at ${groups.map((g) => `$${g.rate} (${g.where})`).join(", ")} per GB scanned`;
}
