/** Finding Fargate prices for a region and architecture, with errors a user can act on. */
import { PricingDataError, UsageError } from "../errors.js";
import type { Architecture } from "../pricing/types.js";
import type { FargateArchitecturePrices, FargatePriceTable } from "./types.js";

/** "us-east-1 (x86_64, arm64), eu-central-1 (x86_64)": what the table can price. */
export function describeFargateCoverage(table: FargatePriceTable): string {
  return Object.entries(table.regions)
    .map(([region, archs]) => {
      const priced = Object.entries(archs)
        .filter(([, prices]) => prices !== null)
        .map(([arch]) => arch);
      return `${region} (${priced.join(", ")})`;
    })
    .join(", ");
}

/**
 * @example
 * resolveFargatePrices(table, "eu-central-1", "arm64");
 * // throws PricingDataError: pricing/fargate.json has no Fargate arm64 price for eu-central-1; …
 */
export function resolveFargatePrices(
  table: FargatePriceTable,
  region: string,
  architecture: Architecture,
): FargateArchitecturePrices {
  const archs = Object.hasOwn(table.regions, region) ? table.regions[region] : undefined;
  if (!archs) {
    throw new UsageError(
      `pricing/fargate.json has no Fargate prices for ${region}; priced: ${describeFargateCoverage(table)}`,
    );
  }
  const prices = archs[architecture];
  if (!prices) {
    throw new PricingDataError(
      `pricing/fargate.json has no Fargate ${architecture} price for ${region} (the sources give none); priced: ${describeFargateCoverage(table)}`,
    );
  }
  return prices;
}

/**
 * Fargate Spot runs only some architectures (AWS: no ARM64 tasks on Fargate Spot).
 *
 * @example
 * requireSpotArchitecture(table, "arm64");
 * // throws UsageError: Fargate Spot does not run arm64 tasks (…); drop --fargate-spot or use --fargate-arch x86_64
 */
export function requireSpotArchitecture(
  table: FargatePriceTable,
  architecture: Architecture,
): void {
  if (!table.spot.architectures.includes(architecture)) {
    throw new UsageError(
      `Fargate Spot does not run ${architecture} tasks (${table.spot.architecturesSource}); drop --fargate-spot or use --fargate-arch ${table.spot.architectures.join(" or ")}`,
    );
  }
}
