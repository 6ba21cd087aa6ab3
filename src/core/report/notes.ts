/**
 * The words that travel with the numbers: the pricing rules (also in the README), what the
 * metrics cannot show, and per-function remarks. Kept in one place so the CSV, the JSON and the
 * summary say the same thing.
 */
import type { Decimal } from "../money/index.js";
import {
  billedEphemeralStorageMb,
  INCLUDED_EPHEMERAL_STORAGE_MB,
} from "../pricing/ephemeral-storage.js";
import type { FunctionMonthInput, RegionFailure } from "./types.js";

/** The pricing rules, one sentence each, as the report applies them to one account. */
export const PRICING_RULES: readonly string[] = [
  "Billed ms are estimated as Sum(Duration) + 0.5 × Invocations (billing rounds each invocation up to a whole ms; the metric does not); the true figure is within ±0.5 ms per invocation.",
  "GB-s = billed ms / 1000 × memory MB / 1024, with each function's current memory and architecture.",
  "Ephemeral storage above 512 MB is priced on the same estimated billed seconds.",
  "Invocations served by provisioned concurrency (ProvisionedConcurrencyInvocations) bill their share of the duration at the PC-duration price; provisioned_concurrency_cost_usd also holds the allocation, priced for the currently configured concurrency over every hour of the month.",
  "Duration tiers are applied per region and architecture across the account; each function pays its pool's blended rate.",
  "The free tier (1M requests, 400,000 GB-s a month) is spent once across the account, shared among functions in proportion to their requests (on-demand and PC-served alike: both are the Request usage type) and their on-demand GB-s, valued at each function's request price and blended rate, and shown in free_tier_credit_usd; total_cost_usd is after the credit.",
];

/**
 * Under consolidated billing tiers and the free tier are the organisation's (AWS Lambda pricing
 * page: tiers count usage "per account"; with consolidated billing the payer account's
 * aggregate): the two account-wide rules say so instead.
 */
const ORGANIZATION_RULES: readonly string[] = [
  "Duration tiers are applied per region and architecture across the organisation (consolidated billing adds every account's usage); each function pays its organisation pool's blended rate.",
  "The free tier (1M requests, 400,000 GB-s a month) is one allowance for the whole organisation, shared among every account's functions in proportion to their requests (on-demand and PC-served alike: both are the Request usage type) and their on-demand GB-s, valued at each function's request price and blended rate, and shown in free_tier_credit_usd; total_cost_usd is after the credit.",
];

/** The rules as applied: to one account, or to each account of an organisation. */
export function pricingRules(scope: "account" | "organization"): readonly string[] {
  if (scope === "account") return PRICING_RULES;
  return [...PRICING_RULES.slice(0, 4), ...ORGANIZATION_RULES];
}

/** What the CloudWatch metrics cannot show. */
export const METRIC_LIMITS: readonly string[] = [
  "INIT time is not in the Duration metric but has been billed since 2025-08-01, so cold-start-heavy functions are undercounted.",
  "Memory, architecture or ephemeral-storage changes during the month are not visible: the current configuration is used for the whole month.",
  "Provisioned concurrency is priced from the current configuration as if enabled all month; configurations added or removed during the month are not visible.",
];

/** The short caveat every CSV row carries, so a row read alone is not mistaken for the bill. */
export const ROW_CAVEAT =
  "estimate from CloudWatch: INIT not in Duration; current configuration assumed";

export function failureNotes(failures: readonly RegionFailure[]): string[] {
  return failures.map(
    (failure) =>
      `region ${failure.region} failed and is not in this report (${failure.message}); tiers and the free tier were computed without it.`,
  );
}

export function rowNotes(
  input: FunctionMonthInput,
  provisionedShare: Decimal,
  hoursInMonth: number,
  failures: readonly RegionFailure[],
): string[] {
  const notes: string[] = [];
  if (input.invocations.isZero()) notes.push("no invocations");
  if (input.provisionedConcurrency > 0) {
    notes.push(
      `provisioned concurrency ${input.provisionedConcurrency} (current configuration) × ${hoursInMonth} h`,
    );
  }
  if (!input.provisionedInvocations.isZero()) {
    const percent = provisionedShare.times(100).toDecimalPlaces(1).toFixed();
    notes.push(`${percent}% of invocations served by provisioned concurrency`);
    if (input.provisionedConcurrency === 0) {
      notes.push("PC invocations but no PC configured now: allocation not priced");
    }
  }
  if (input.ephemeralStorageMb > INCLUDED_EPHEMERAL_STORAGE_MB) {
    notes.push(
      `ephemeral storage ${input.ephemeralStorageMb} MB (${billedEphemeralStorageMb(input.ephemeralStorageMb)} MB billed)`,
    );
  }
  if (failures.length > 0) {
    notes.push(`incomplete account: ${failures.map((f) => f.region).join(", ")} failed`);
  }
  notes.push(ROW_CAVEAT);
  return notes;
}
