/**
 * Which AWSLambda usage type is which line of pricing/lambda.json. Usage types carry a region
 * prefix (`USE2-Lambda-GB-Second`, legacy `EU-` in eu-west-1, none in us-east-1); the free tier
 * is `Global-Request` and `Global-Lambda-GB-Second`, priced 0 up to the allowance.
 * Names: the AWSLambda offer files (e.g. us-east-1 SKU GU2ZS9HVP6QTQ7KE is `Request`).
 */
import type { Architecture } from "../types.js";

/** A line of one architecture in the table (requests are one region-wide price). */
export type PriceListLine =
  | "requests"
  | "durationTiers"
  | "provisionedConcurrencyPerGbSecond"
  | "provisionedDurationPerGbSecond"
  | "ephemeralStoragePerGbSecond";

export interface UsageTypeLine {
  line: PriceListLine;
  architecture: Architecture;
}

const BY_NAME: Record<string, UsageTypeLine> = {};
for (const [name, line] of [
  ["Request", "requests"],
  ["Lambda-GB-Second", "durationTiers"],
  ["Lambda-Provisioned-Concurrency", "provisionedConcurrencyPerGbSecond"],
  ["Lambda-Provisioned-GB-Second", "provisionedDurationPerGbSecond"],
  ["Lambda-Storage-GB-Second", "ephemeralStoragePerGbSecond"],
] as const) {
  BY_NAME[name] = { line, architecture: "x86_64" };
  BY_NAME[`${name}-ARM`] = { line, architecture: "arm64" };
}

export const FREE_TIER_USAGE_TYPES = {
  requestsPerMonth: "Global-Request",
  gbSecondsPerMonth: "Global-Lambda-GB-Second",
} as const;

/**
 * The usage type without its region prefix (upper-case letters and digits, then `-`).
 *
 * @example
 * usageTypeName("USE2-Lambda-GB-Second-ARM"); // "Lambda-GB-Second-ARM"
 * usageTypeName("Request"); // "Request"
 * usageTypeName("Global-Request"); // "Global-Request" (not a region prefix)
 */
export function usageTypeName(usageType: string): string {
  return usageType.replace(/^[A-Z]+[0-9]*-(?=.)/, "");
}

/** The table line a usage type prices, or undefined when the table has no such line. */
export function lineOfUsageType(usageType: string): UsageTypeLine | undefined {
  return BY_NAME[usageTypeName(usageType)];
}
