/**
 * `--regions` as report and advise take it, once the price table is loaded: "all" is every
 * region the table prices, a list is checked against them (exit 2 naming the nearest region),
 * and no flag is the region the AWS settings give.
 */
import { UsageError } from "../core/errors.js";
import { knownRegions } from "../core/pricing/lookup.js";
import type { LambdaPriceTable } from "../core/pricing/types.js";
import { unknownRegion } from "../core/unknown-region.js";

/** `resolveRegionsFlag("us-east-1,eu-west-1", "us-east-1", table)` is both regions. */
export function resolveRegionsFlag(
  flag: string | undefined,
  settledRegion: string,
  table: LambdaPriceTable,
): string[] {
  const known = knownRegions(table);
  const regions = flag === "all" ? known : (flag?.split(",") ?? [settledRegion]);
  const unknown = regions.filter((r) => !known.includes(r));
  if (unknown.length > 0) {
    throw new UsageError(`--regions ${unknownRegion(unknown[0] ?? "", known)}, or all`);
  }
  return regions;
}
