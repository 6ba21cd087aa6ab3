/** The price of one measured invocation, for comparing memory sizes (used by `tune`). */
import { UsageError } from "../errors.js";
import { type Decimal, dec } from "../money/index.js";
import { billedEphemeralStorageMb, ephemeralStorageGbSeconds } from "./ephemeral-storage.js";
import { architecturePrices, regionPrices, requirePrice } from "./lookup.js";
import { gbSeconds } from "./tiers.js";
import type { InvocationPriceInput, LambdaPriceTable } from "./types.js";
import { validateUsage } from "./usage-validation.js";

/**
 * Request price + billed GB-s at the tier-1 duration price (+ ephemeral storage above 512 MB).
 * No free tier and no tier discounts: the marginal price of one more invocation for an account
 * in tier 1, which is what a memory comparison needs.
 *
 * @example
 * // us-east-1 x86_64, 1024 MB, billed 100 ms:
 * // 0.0000002 + 0.1 s × 1 GB × 0.0000166667 = 0.00000186667
 * pricePerInvocation(table, { region: "us-east-1", architecture: "x86_64", memoryMb: 1024, billedDurationMs: 100 });
 */
export function pricePerInvocation(table: LambdaPriceTable, input: InvocationPriceInput): Decimal {
  const { region, architecture, memoryMb, billedDurationMs } = input;
  if (!Number.isFinite(billedDurationMs) || billedDurationMs < 0) {
    throw new UsageError(
      `billedDurationMs must be a number ≥ 0; got ${JSON.stringify(billedDurationMs)}`,
    );
  }
  // Checks memory, architecture and storage; the billed duration was checked above (a measured
  // one may pass 900 s by the INIT it includes, so the invocation limit does not apply).
  validateUsage({
    region,
    architecture,
    memoryMb,
    monthlyRequests: 0,
    averageDurationMs: 0,
    ephemeralStorageMb: input.ephemeralStorageMb,
  });
  const requestPrice = regionPrices(table, region).requestPrice;
  const prices = architecturePrices(table, region, architecture);
  const tier1 = prices.durationTiers[0]!.pricePerGbSecond;
  let price = requestPrice.plus(gbSeconds(memoryMb, billedDurationMs).times(tier1));
  if (billedEphemeralStorageMb(input.ephemeralStorageMb) > 0) {
    const storagePrice = requirePrice(
      prices.ephemeralStoragePerGbSecond,
      "ephemeral-storage",
      region,
      architecture,
    );
    const seconds = dec(billedDurationMs).div(1000);
    const storageGbSeconds = ephemeralStorageGbSeconds(input.ephemeralStorageMb, seconds);
    price = price.plus(storageGbSeconds.times(storagePrice));
  }
  return price;
}
