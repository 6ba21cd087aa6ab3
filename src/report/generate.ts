/**
 * The report service: reads each region through a UsageSource (functions, PC configurations,
 * a month of metrics) in parallel, then prices the whole account at once with the pure core. A region that fails is named in the result, not fatal, unless
 * every region failed.
 */
import pLimit from "p-limit";
import { AwsError, LambdaCostError, UsageError } from "../core/errors.js";
import { regionPrices } from "../core/pricing/lookup.js";
import type { LambdaPriceTable } from "../core/pricing/types.js";
import { buildMonthlyReport } from "../core/report/build-report.js";
import {
  type CalendarMonth,
  formatMonth,
  MonthError,
  resolveReportMonth,
} from "../core/report/month.js";
import type { RegionMonthUsage, UsageSource } from "../core/report/ports.js";
import type { MonthlyReport, RegionFailure } from "../core/report/types.js";

export interface ReportMonthOptions {
  /** Regions to read, e.g. ["us-east-1", "eu-west-1"]. */
  regions: readonly string[];
  /** "YYYY-MM", "previous" (default) or a parsed month; must be complete at `now`. */
  month?: string | CalendarMonth | undefined;
  /** The instant "previous" is relative to (default: the current time). */
  now?: Date | undefined;
  /** Apply the free tier once across the account (default true). */
  freeTier?: boolean | undefined;
  /** Regions read at once, and PC-configuration calls in flight per region (default 4). */
  concurrency?: number | undefined;
  /**
   * Skip, with a note, regions that reject the credentials as unknown (an opt-in region the
   * account has not enabled answers UnrecognizedClientException). Used for `--regions all`.
   */
  skipDisabledRegions?: boolean | undefined;
  /** The price table the month is priced against. */
  priceTable: LambdaPriceTable;
}

/** Reads and prices one calendar month of Lambda usage for an account. */
export async function reportMonth(
  options: ReportMonthOptions,
  source: UsageSource,
): Promise<MonthlyReport> {
  const now = options.now ?? new Date();
  const month = checkedMonth(options.month, now);
  const table = options.priceTable;
  const regions = [...new Set(options.regions)].sort();
  // An unknown region is the caller's mistake: refuse it before any AWS call (UsageError).
  for (const region of regions) regionPrices(table, region);
  if (regions.length === 0) throw new UsageError("no regions to report on; name at least one.");
  const concurrency = options.concurrency ?? 4;
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
  const accountId = read.find((r) => r.accountId)?.accountId ?? "unknown";
  return buildMonthlyReport(
    read.flatMap((r) => r.inputs),
    table,
    {
      month,
      accountId,
      freeTier: options.freeTier ?? true,
      regions: read.map((r) => r.region),
      failedRegions: failures,
      extraNotes: skipped.map(
        (region) =>
          `region ${region} skipped: not enabled for this account (it does not recognise the credentials).`,
      ),
    },
  );
}

/** The month, refused (UsageError) if it has not ended at `now` or its metrics have expired. */
function checkedMonth(month: ReportMonthOptions["month"], now: Date): CalendarMonth {
  try {
    return resolveReportMonth(typeof month === "object" ? formatMonth(month) : month, now);
  } catch (error) {
    if (error instanceof MonthError) throw new UsageError(`month: ${error.message}`);
    throw error;
  }
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

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
