/**
 * Response streaming (AWS Lambda pricing, "Lambda HTTP Response Stream Pricing",
 * https://aws.amazon.com/lambda/pricing/, read 2026-12-01): the bytes a function writes to a
 * response stream beyond the first 6 MB of each response, per GB; 100 GB a month are free per
 * account. AWS's example counts 1 GB = 1,024 MB (and 1 MB = 1,024 KB), so GB here is GiB.
 */
import { type Decimal, dec, sum } from "../money/index.js";
import type { StreamingUsage } from "./extra-usage.js";

/** The first 6 MB (6 × 1,024 KB) of each streamed response are free. */
export const STREAMING_FREE_KB_PER_RESPONSE = 6 * 1024;

/**
 * GB (GiB) streamed beyond the free 6 MB of each response, summed over the groups.
 *
 * @example
 * // AWS's server-side-rendering example: 2M responses of 100 KB (all under 6 MB: free) and
 * // 1M of 7 MB → 1M × (7 − 6) MB = 1,000,000 MB / 1,024 = 976.5625 GB
 * billableStreamingGb({ responseGroups: [
 *   { responses: 2_000_000, averageResponseKb: 100 },
 *   { responses: 1_000_000, averageResponseKb: 7 * 1024 },
 * ] }).toFixed(); // "976.5625" — × $0.008 = $7.8125 ("$7.81")
 */
export function billableStreamingGb(streaming: StreamingUsage): Decimal {
  return sum(
    streaming.responseGroups.map((group) => {
      const beyondKb = dec(group.averageResponseKb).minus(STREAMING_FREE_KB_PER_RESPONSE);
      return beyondKb.lte(0) ? dec(0) : beyondKb.times(group.responses).div(1024 * 1024);
    }),
  );
}
