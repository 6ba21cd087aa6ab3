/**
 * Lambda's monthly duration tiers: GB-s are counted per account, per region, per architecture,
 * per month, and each GB-s is priced by the tier the running total is in when it is used
 * (AWS Compute Blog, "Introducing tiered pricing for AWS Lambda", 2020; Price List SKUs with
 * beginRange/endRange "0"/"6000000000"/"15000000000"/"Inf").
 */
import { Decimal, dec, ZERO } from "../money/index.js";
import type { DurationTier, TierSlice } from "./types.js";

/**
 * Splits `quantity` GB-s into the tiers it falls in, given that `alreadyUsed` GB-s of the same
 * pool (region + architecture, this month) were consumed before it. Slices with no GB-s are
 * left out, so a zero quantity gives `[]`. Costs are exact (no rounding).
 *
 * Callers accumulate: price function A with `alreadyUsed = 0`, then function B with
 * `alreadyUsed = A's GB-s`, and so on — that is how an account moves up the tiers.
 *
 * @example
 * // x86_64 us-east-1 tiers: [0, 6e9) at 0.0000166667, [6e9, 15e9) at 0.000015, [15e9, ∞) at 0.0000133334
 * splitIntoTiers(dec(540_000), tiers);
 * // → [{ tierIndex: 0, quantity: 540000, pricePerGbSecond: 0.0000166667, cost: 9.000018 }]
 *
 * splitIntoTiers(dec(20e9), tiers);
 * // → tier 1: 6e9 GB-s → 100000.2; tier 2: 9e9 → 135000; tier 3: 5e9 → 66667
 * //   (total 301667.2, AWS's own figure for 20 B GB-s of x86_64)
 *
 * splitIntoTiers(dec(2e9), tiers, dec(5e9));
 * // → tier 1: 1e9 GB-s (5e9 → 6e9), tier 2: 1e9 GB-s (6e9 → 7e9)
 */
export function splitIntoTiers(
  quantity: Decimal,
  tiers: DurationTier[],
  alreadyUsed: Decimal = ZERO,
): TierSlice[] {
  if (quantity.isNegative() || alreadyUsed.isNegative()) {
    throw new RangeError("splitIntoTiers: quantity and alreadyUsed must not be negative");
  }
  const start = alreadyUsed;
  const end = alreadyUsed.plus(quantity);
  const slices: TierSlice[] = [];
  tiers.forEach((tier, tierIndex) => {
    // Overlap of [start, end) with the tier's [from, to).
    const low = Decimal.max(start, tier.fromGbSeconds);
    const high = tier.toGbSeconds === null ? end : Decimal.min(end, tier.toGbSeconds);
    if (high.lte(low)) return;
    const sliceQuantity = high.minus(low);
    slices.push({
      tierIndex,
      quantity: sliceQuantity,
      pricePerGbSecond: tier.pricePerGbSecond,
      cost: sliceQuantity.times(tier.pricePerGbSecond),
    });
  });
  return slices;
}

/** GB-s of `durationMs` at `memoryMb` (GB = 1024 MB): `gbSeconds(1536, 120)` is 0.18. */
export function gbSeconds(memoryMb: number, durationMs: Decimal | number): Decimal {
  return dec(durationMs).div(1000).times(dec(memoryMb).div(1024));
}
