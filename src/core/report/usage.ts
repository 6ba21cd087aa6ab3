/**
 * From a function's metric sums to the billable quantities of the month. The rules, and why:
 * - billing rounds each invocation up to a whole millisecond and the Duration metric does not,
 *   so billed ms ≈ Sum(Duration) + 0.5 × Invocations (true value within ±0.5 ms per call);
 * - GB-s = billed ms / 1000 × memory MB / 1024 (GB is 1024 MB, as in AWS's examples);
 * - invocations served by provisioned concurrency bill their share of the duration at the
 *   PC-duration price; the rest is on-demand and goes into the tiered pool;
 * - ephemeral storage above 512 MB is billed on the same estimated seconds;
 * - the PC allocation is billed for every hour of the month at the configured amount.
 */
import { Decimal, ZERO } from "../money/index.js";
import { ephemeralStorageGbSeconds } from "../pricing/ephemeral-storage.js";
import type { FunctionMonthInput } from "./types.js";

export interface FunctionQuantities {
  billedMsEstimate: Decimal;
  gbSeconds: Decimal;
  onDemandGbSeconds: Decimal;
  provisionedGbSeconds: Decimal;
  /** GB-s of configured storage above 512 MB. */
  ephemeralStorageGbSeconds: Decimal;
  /** Configured concurrency × GB × seconds in the month. */
  provisionedAllocationGbSeconds: Decimal;
  /** PC-served share of invocations, 0–1. */
  provisionedShare: Decimal;
}

/** 1/1024 exactly: GB is 1024 MB in AWS's examples. */
const MB_TO_GB = new Decimal("0.0009765625");
const MS_TO_S = new Decimal("0.001");

/**
 * Billable quantities for one function.
 * Example: 1,000,000 invocations, Sum(Duration) 99,500,000 ms, 1024 MB → billed ms
 * 99,500,000 + 500,000 = 100,000,000 → 100,000 s × 1 GB = 100,000 GB-s.
 */
export function functionQuantities(
  input: FunctionMonthInput,
  hoursInMonth: number,
): FunctionQuantities {
  // × 1/1024 and × 1/1000 are exact products; division is the slow operation in decimal.js.
  const gb = new Decimal(input.memoryMb).times(MB_TO_GB);
  const billedMsEstimate = input.durationMsSum.plus(input.invocations.times("0.5"));
  const billedSeconds = billedMsEstimate.times(MS_TO_S);
  const gbSeconds = billedSeconds.times(gb);
  // More PC invocations than invocations can only be metric skew; cap the share at 1.
  const provisionedShare = input.invocations.isZero()
    ? ZERO
    : Decimal.min(1, input.provisionedInvocations.div(input.invocations));
  const provisionedGbSeconds = gbSeconds.times(provisionedShare);
  return {
    billedMsEstimate,
    gbSeconds,
    onDemandGbSeconds: gbSeconds.minus(provisionedGbSeconds),
    provisionedGbSeconds,
    ephemeralStorageGbSeconds: ephemeralStorageGbSeconds(input.ephemeralStorageMb, billedSeconds),
    provisionedAllocationGbSeconds: new Decimal(input.provisionedConcurrency)
      .times(gb)
      .times(hoursInMonth)
      .times(3600),
    provisionedShare,
  };
}
