/**
 * One account's month of usage, read region by region through a UsageSource, in parallel with
 * a bound: what `report` prices for one account and what the organisation report prices for
 * each of its accounts. A region that fails is named, not fatal, unless every region failed.
 */
import pLimit from "p-limit";
import { AwsError, LambdaCostError } from "../core/errors.js";
import type { CalendarMonth } from "../core/report/month.js";
import type { RegionMonthUsage, UsageSource } from "../core/report/ports.js";
import type { FunctionMonthInput, RegionFailure } from "../core/report/types.js";

export interface AccountUsage {
  /** From the function ARNs; undefined when no region had a function. */
  accountId: string | undefined;
  /** Regions read successfully. */
  regions: string[];
  failures: RegionFailure[];
  /** Regions skipped as not enabled for the account (with skipDisabledRegions). */
  skipped: string[];
  inputs: FunctionMonthInput[];
}

export interface AccountUsageOptions {
  /** Sorted, de-duplicated, known regions. */
  regions: readonly string[];
  month: CalendarMonth;
  /** Regions read at once, and PC-configuration calls in flight per region. */
  concurrency: number;
  skipDisabledRegions?: boolean | undefined;
}

export async function readAccountUsage(
  options: AccountUsageOptions,
  source: UsageSource,
): Promise<AccountUsage> {
  const { regions, month, concurrency } = options;
  const limit = pLimit(concurrency);
  const settled = await Promise.allSettled(
    regions.map((region) => limit(() => source.readRegion(region, month, concurrency))),
  );
  const read: RegionMonthUsage[] = [];
  const failures: RegionFailure[] = [];
  const skipped: string[] = [];
  settled.forEach((outcome, i) => {
    const region = regions[i] as string;
    if (outcome.status === "fulfilled") read.push(outcome.value);
    else if (options.skipDisabledRegions && isDisabledRegion(outcome.reason)) skipped.push(region);
    else failures.push({ region, message: describe(outcome.reason) });
  });
  if (read.length === 0) throw everyRegionFailed(settled, failures, regions.length);
  return {
    accountId: read.find((r) => r.accountId)?.accountId,
    regions: read.map((r) => r.region),
    failures,
    skipped,
    inputs: read.flatMap((r) => r.inputs),
  };
}

/** The report-wide note for regions skipped as not enabled. */
export function skippedRegionNotes(skipped: readonly string[]): string[] {
  return skipped.map(
    (region) =>
      `region ${region} skipped: not enabled for this account (it does not recognise the credentials).`,
  );
}

/** What an opt-in region the account has not enabled answers (the SDK error is the cause). */
function isDisabledRegion(error: unknown): boolean {
  const name = (error as { cause?: { name?: string } } | undefined)?.cause?.name;
  return name === "UnrecognizedClientException" || name === "InvalidClientTokenId";
}

/** Nothing to report. One region: its own error. Several: one error, the worst exit code. */
function everyRegionFailed(
  settled: PromiseSettledResult<unknown>[],
  failures: RegionFailure[],
  regionCount: number,
): Error {
  const reasons = settled.flatMap((o) => (o.status === "rejected" ? [o.reason] : []));
  const first = reasons[0];
  if (first instanceof LambdaCostError && regionCount === 1) return first;
  // Missing credentials or a denied action everywhere is the environment's fault (exit 2).
  const exitCode = reasons.every((r) => r instanceof LambdaCostError && r.exitCode === 2) ? 2 : 1;
  return new AwsError(
    failures.length > 0
      ? `every region failed: ${failures.map((f) => `${f.region}: ${f.message}`).join("; ")}`
      : "no region could be read: none is enabled for these credentials.",
    { cause: first, exitCode },
  );
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
