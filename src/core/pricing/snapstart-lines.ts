/**
 * SnapStart (AWS Lambda pricing, "SnapStart Pricing", https://aws.amazon.com/lambda/pricing/,
 * read 2026-12-01): each published version with SnapStart caches a snapshot, billed per GB-s of
 * the function's memory for as long as the version is active (at least 3 hours), and every
 * restore of a snapshot (a new execution environment) is billed per GB of memory. "SnapStart
 * pricing does not apply to supported Java managed runtimes": for java* the lines cost $0.
 */
import { dec, ZERO } from "../money/index.js";
import type { SnapStartUsage } from "./extra-usage.js";
import type { LineFields } from "./line-fields.js";
import type { SnapStartPrices } from "./types.js";

/** The cache of each version is billed for at least 3 hours. */
export const SNAPSTART_MIN_ACTIVE_HOURS = 3;

/**
 * True for the runtimes SnapStart is free on (java11, java17, java21 …).
 *
 * @example
 * snapStartIsFree("java21"); // true
 * snapStartIsFree("python3.12"); // false — billed, as is a function with no runtime given
 */
export function snapStartIsFree(runtime: string | undefined): boolean {
  return runtime?.startsWith("java") === true;
}

/**
 * The SnapStart cache and restore lines of one function.
 *
 * @example
 * // AWS's telemetry example: 1 GB, one version active all of a 31-day month, 1% of 7.44M
 * // invocations restore a snapshot.
 * snapStartLines({ memoryMb: 1024, monthlyRequests: 7_440_000, runtime: "python3.12",
 *   snapStart: { versions: 1, activeHours: 744, restoreRate: 0.01 } }, prices);
 * // cache 1 GB × 2,678,400 s = 2,678,400 GB-s × $0.0000015046 = $4.0299 ("$4.03")
 * // restore 74,400 × 1 GB = 74,400 GB × $0.0001397998 = $10.4011 ("$10.4")
 */
export function snapStartLines(
  usage: {
    memoryMb: number;
    monthlyRequests: number;
    runtime?: string | undefined;
    snapStart: SnapStartUsage;
  },
  prices: SnapStartPrices,
): LineFields[] {
  const { snapStart } = usage;
  const memoryGb = dec(usage.memoryMb).div(1024);
  const hours = Math.max(snapStart.activeHours, SNAPSTART_MIN_ACTIVE_HOURS);
  const cacheGbSeconds = memoryGb.times(snapStart.versions).times(hours).times(3600);
  const restores =
    snapStart.restores !== undefined
      ? dec(snapStart.restores)
      : dec(usage.monthlyRequests).times(snapStart.restoreRate ?? 0);
  const restoredGb = restores.times(memoryGb);
  const free = snapStartIsFree(usage.runtime);
  const note = free ? ` (free for ${usage.runtime})` : "";
  const cachePrice = free ? ZERO : prices.cachePerGbSecond;
  const restorePrice = free ? ZERO : prices.restorePerGb;
  return [
    {
      name: `SnapStart cache${note}`,
      quantity: cacheGbSeconds,
      unit: "GB-s",
      unitPrice: cachePrice,
      cost: cacheGbSeconds.times(cachePrice),
    },
    {
      name: `SnapStart restore${note}`,
      quantity: restoredGb,
      unit: "GB",
      unitPrice: restorePrice,
      cost: restoredGb.times(restorePrice),
    },
  ];
}
