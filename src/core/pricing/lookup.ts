/** Finding a region's and an architecture's prices in a table, with errors a user can act on. */
import { PricingDataError, UsageError } from "../errors.js";
import type { Decimal } from "../money/index.js";
import { unknownRegion } from "../unknown-region.js";
import type { Architecture, ArchitecturePrices, LambdaPriceTable, RegionPrices } from "./types.js";

/** Region codes in the table, sorted, for messages and `--help`. */
export function knownRegions(table: LambdaPriceTable): string[] {
  return Object.keys(table.regions).sort();
}

/**
 * The prices of one region.
 *
 * @example
 * regionPrices(table, "eu-west-1").requestPrice.toFixed(); // "0.0000002"
 * regionPrices(table, "EU-WEST-1"); // throws UsageError: "EU-WEST-1" is not a region in the price table; did you mean eu-west-1?
 */
export function regionPrices(table: LambdaPriceTable, region: string): RegionPrices {
  const prices = Object.hasOwn(table.regions, region) ? table.regions[region] : undefined;
  if (!prices) {
    throw new UsageError(unknownRegion(region, knownRegions(table)));
  }
  return prices;
}

/**
 * The prices of one architecture in one region. A region the table lacks is a UsageError (the
 * user typed it); an architecture the table has no prices for there is a PricingDataError.
 *
 * @example
 * architecturePrices(table, "us-east-1", "arm64").durationTiers[0]?.pricePerGbSecond.toFixed();
 * // "0.0000133334"
 */
export function architecturePrices(
  table: LambdaPriceTable,
  region: string,
  architecture: Architecture,
): ArchitecturePrices {
  const prices = regionPrices(table, region).architectures[architecture];
  if (!prices) {
    throw new PricingDataError(
      `the price table (${table.asOf}) has no ${architecture} prices for ${region}; try the other architecture or another region`,
    );
  }
  return prices;
}

/** A price that may be missing (null) in the table; missing → PricingDataError naming it. */
export function requirePrice(
  price: Decimal | null,
  what: string,
  region: string,
  architecture: Architecture,
): Decimal {
  if (price === null) {
    throw new PricingDataError(
      `the price table has no ${what} price for ${architecture} in ${region} (the sources do not give one), so this usage cannot be priced there`,
    );
  }
  return price;
}

/** The region blocks of the lines beyond requests and duration, by field name. */
type ExtraLine =
  | "snapStart"
  | "responseStreaming"
  | "edge"
  | "eventPollers"
  | "tenantIsolation"
  | "durable"
  | "logs";

const EXTRA_LINE_LABELS: Record<ExtraLine, string> = {
  snapStart: "SnapStart",
  responseStreaming: "response streaming",
  edge: "Lambda@Edge",
  eventPollers: "event poller (provisioned event source mapping)",
  tenantIsolation: "tenant isolation",
  durable: "durable functions",
  logs: "CloudWatch Logs",
};

/**
 * The prices of one extra line in one region; a region the table lacks is a UsageError, a
 * region without that block a PricingDataError naming the regions that have it.
 *
 * @example
 * linePrices(table, "us-east-1", "snapStart").restorePerGb.toFixed(); // "0.0001397998"
 * linePrices(table, "eu-west-1", "snapStart");
 * // throws PricingDataError: the price table (2026-09-28) has no SnapStart prices for eu-west-1 (it has them for us-east-1); …
 */
export function linePrices<K extends ExtraLine>(
  table: LambdaPriceTable,
  region: string,
  line: K,
): NonNullable<RegionPrices[K]> {
  const prices = regionPrices(table, region)[line];
  if (prices == null) {
    const priced = knownRegions(table).filter((code) => table.regions[code]?.[line] != null);
    throw new PricingDataError(
      `the price table (${table.asOf}) has no ${EXTRA_LINE_LABELS[line]} prices for ${region}${priced.length > 0 ? ` (it has them for ${priced.join(", ")})` : ""}; price this line in one of those regions or leave it out`,
    );
  }
  return prices as NonNullable<RegionPrices[K]>;
}
