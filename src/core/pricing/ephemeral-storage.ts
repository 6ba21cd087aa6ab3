/**
 * The ephemeral storage (/tmp) rule, in one place for estimate, tune and report: the first
 * 512 MB of every function are included in its price; the configured size above that is billed
 * per GB-s of the function's billed duration (GB = 1024 MB, as in AWS's examples).
 * Source: https://aws.amazon.com/lambda/pricing/ ("Ephemeral storage pricing", read 2026-11).
 */
import { LAMBDA_LIMITS } from "../lambda-limits.js";
import { type Decimal, dec } from "../money/index.js";

/** Included with every function: the smallest /tmp Lambda configures. */
export const INCLUDED_EPHEMERAL_STORAGE_MB = LAMBDA_LIMITS.ephemeralStorageMb.min;

/** 1/1024 exactly; a product is cheaper than a division in decimal.js (report prices many). */
const MB_TO_GB = dec("0.0009765625");

/**
 * The billed part of a configured size; unset means the default 512 MB.
 * `billedEphemeralStorageMb(10_240)` is 9728; `billedEphemeralStorageMb(undefined)` is 0.
 */
export function billedEphemeralStorageMb(configuredMb: number | undefined): number {
  const configured = configuredMb ?? INCLUDED_EPHEMERAL_STORAGE_MB;
  return Math.max(0, configured - INCLUDED_EPHEMERAL_STORAGE_MB);
}

/**
 * Billed storage GB-s over `billedSeconds` of duration.
 * `ephemeralStorageGbSeconds(1024, dec(100))` is 50: (1024 − 512) / 1024 GB × 100 s.
 */
export function ephemeralStorageGbSeconds(
  configuredMb: number | undefined,
  billedSeconds: Decimal,
): Decimal {
  return dec(billedEphemeralStorageMb(configuredMb)).times(MB_TO_GB).times(billedSeconds);
}
