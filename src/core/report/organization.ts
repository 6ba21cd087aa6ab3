/**
 * The organisation's summary: one line per account (reported or failed), the organisation's
 * pools and free tier, and the grand totals. The rows themselves stay in the per-account
 * reports (and the organisation CSV, written account by account), so this model stays small
 * whatever the number of functions.
 */
import { type Decimal, sum } from "../money/index.js";
import type { PricingBasis } from "./pricing-basis.js";
import type { MonthlyReport, RegionFailure, ReportTotals, TierPool } from "./types.js";

export interface AccountSummary {
  accountId: string;
  /** The account's name in Organizations, when listed from there. */
  name?: string | undefined;
  status: "reported" | "failed";
  /** Why the account could not be read (failed accounts only). */
  message?: string | undefined;
  functionCount: number;
  regions: string[];
  failedRegions: RegionFailure[];
  /** Null for a failed account. */
  totals: ReportTotals | null;
}

export interface OrganizationReport {
  month: string;
  managementAccountId: string;
  currency: "USD";
  accounts: AccountSummary[];
  /** Pools over every reported account's usage. */
  pools: TierPool[];
  /** The one free tier: what the organisation used of it (its value is in totals.freeTierCredit). */
  freeTier: { applied: boolean; requests: Decimal; gbSeconds: Decimal };
  totals: ReportTotals;
  notes: string[];
  priceTableAsOf: string;
}

/** An account's line, from its report priced with the organisation's basis. */
export function reportedAccount(report: MonthlyReport, name?: string): AccountSummary {
  return {
    accountId: report.accountId,
    ...(name === undefined ? {} : { name }),
    status: "reported",
    functionCount: report.rows.length,
    regions: report.regions,
    failedRegions: report.failedRegions,
    totals: report.totals,
  };
}

export function failedAccount(accountId: string, message: string, name?: string): AccountSummary {
  return {
    accountId,
    ...(name === undefined ? {} : { name }),
    status: "failed",
    message,
    functionCount: 0,
    regions: [],
    failedRegions: [],
    totals: null,
  };
}

/**
 * Puts the accounts together (sorted by account ID) with the basis they were priced on.
 * The totals add the accounts' totals, so they equal the sum of the organisation CSV's rows.
 */
export function summarizeOrganization(
  accounts: readonly AccountSummary[],
  basis: PricingBasis,
  options: { month: string; managementAccountId: string; priceTableAsOf: string; notes: string[] },
): OrganizationReport {
  const sorted = [...accounts].sort((a, b) => (a.accountId < b.accountId ? -1 : 1));
  const reported = sorted.flatMap((a) => (a.totals ? [a.totals] : []));
  const total = (pick: (t: ReportTotals) => Decimal) => sum(reported.map(pick));
  const failed = sorted.filter((a) => a.status === "failed");
  return {
    month: options.month,
    managementAccountId: options.managementAccountId,
    currency: "USD",
    accounts: sorted,
    pools: [...basis.pools.values()],
    freeTier: {
      applied: basis.freeTier,
      requests: basis.freeRequests.used,
      gbSeconds: basis.freeGbSeconds.used,
    },
    totals: {
      invocations: total((t) => t.invocations),
      gbSeconds: total((t) => t.gbSeconds),
      requestCost: total((t) => t.requestCost),
      durationCost: total((t) => t.durationCost),
      ephemeralStorageCost: total((t) => t.ephemeralStorageCost),
      provisionedConcurrencyCost: total((t) => t.provisionedConcurrencyCost),
      freeTierCredit: total((t) => t.freeTierCredit),
      totalCost: total((t) => t.totalCost),
    },
    notes: [
      ...failed.map(
        (a) =>
          `account ${a.accountId} could not be read and is not in this report (${a.message}); tiers and the free tier were computed without it.`,
      ),
      ...options.notes,
    ],
    priceTableAsOf: options.priceTableAsOf,
  };
}
