/**
 * The report service: reads each region through a UsageSource (functions, PC configurations,
 * a month of metrics) in parallel (account-usage.ts), then prices the whole account at once
 * with the pure core. A region that fails is named in the result, not fatal, unless every
 * region failed.
 */
import { UsageError } from "../core/errors.js";
import { regionPrices } from "../core/pricing/lookup.js";
import type { LambdaPriceTable } from "../core/pricing/types.js";
import { buildMonthlyReport } from "../core/report/build-report.js";
import {
  type CalendarMonth,
  formatMonth,
  MonthError,
  resolveReportMonth,
} from "../core/report/month.js";
import type { UsageSource } from "../core/report/ports.js";
import type { MonthlyReport } from "../core/report/types.js";
import { readAccountUsage, skippedRegionNotes } from "./account-usage.js";

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
  const usage = await readAccountUsage(
    {
      regions,
      month,
      concurrency: options.concurrency ?? 4,
      skipDisabledRegions: options.skipDisabledRegions,
    },
    source,
  );
  return buildMonthlyReport(usage.inputs, table, {
    month,
    accountId: usage.accountId ?? "unknown",
    freeTier: options.freeTier ?? true,
    regions: usage.regions,
    failedRegions: usage.failures,
    extraNotes: skippedRegionNotes(usage.skipped),
  });
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
