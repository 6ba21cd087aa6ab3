/**
 * generateMonthlyReport(): the programmatic entry of `lambda-cost report`. Reads each region
 * (functions, PC configurations, a month of metrics) in parallel, then prices the whole account
 * at once with the pure core. A region that fails is named in the result, not fatal, unless
 * every region failed.
 */
import pLimit from "p-limit";
import type { AwsConnection } from "../aws/connection.js";
import { type RegionClients, type RegionData, readRegion } from "../aws/region-month-usage.js";
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
import type { MonthlyReport, RegionFailure } from "../core/report/types.js";
import { loadLambdaPriceTable } from "../prices/lambda-prices.js";

export type { RegionClients } from "../aws/region-month-usage.js";

export interface GenerateMonthlyReportOptions {
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
  /** How to reach AWS (profile, endpoint, credentials); the region is set per region. */
  connection?: Omit<AwsConnection, "region"> | undefined;
  /** Ready SDK clients per region, instead of `connection` (e.g. inside a Lambda handler). */
  clients?: RegionClients | undefined;
  /**
   * Skip, with a note, regions that reject the credentials as unknown (an opt-in region the
   * account has not enabled answers UnrecognizedClientException). Used for `--regions all`.
   */
  skipDisabledRegions?: boolean | undefined;
  /** The price table (default: the shipped pricing/lambda.json). */
  priceTable?: LambdaPriceTable | undefined;
}

/**
 * Reads and prices one calendar month of Lambda usage for an account.
 *
 * @example
 * const report = await generateMonthlyReport({ regions: ["us-east-1"], month: "2026-10" });
 * console.log(report.totals.totalCost.toFixed(2), report.rows.length);
 */
export async function generateMonthlyReport(
  options: GenerateMonthlyReportOptions,
): Promise<MonthlyReport> {
  const now = options.now ?? new Date();
  const month = checkedMonth(options.month, now);
  const table = options.priceTable ?? loadLambdaPriceTable();
  const regions = [...new Set(options.regions)].sort();
  // An unknown region is the caller's mistake: refuse it before any AWS call (UsageError).
  for (const region of regions) regionPrices(table, region);
  if (regions.length === 0) throw new UsageError("no regions to report on; name at least one.");
  const concurrency = options.concurrency ?? 4;
  const limit = pLimit(concurrency);
  const settled = await Promise.allSettled(
    regions.map((region) => limit(() => readRegion(region, month, concurrency, options))),
  );
  const read: RegionData[] = [];
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
function checkedMonth(month: GenerateMonthlyReportOptions["month"], now: Date): CalendarMonth {
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
