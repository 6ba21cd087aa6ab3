/**
 * The organisation report (issue 15): every account read through its own UsageSource (an
 * assumed role), at most `accountConcurrency` at a time; then the organisation's pools and one
 * free tier; then each account priced against them and handed to the sink one at a time, so
 * only the month's sums (a few numbers per function) are ever held for every account, never
 * their metrics or priced rows. With `reconcile`, the estimate is compared with Cost Explorer.
 */
import pLimit from "p-limit";
import { AwsError } from "../core/errors.js";
import type { LambdaPriceTable } from "../core/pricing/types.js";
import { buildMonthlyReport } from "../core/report/build-report.js";
import { type CalendarMonth, formatMonth } from "../core/report/month.js";
import {
  type AccountSummary,
  failedAccount,
  type OrganizationReport,
  reportedAccount,
  summarizeOrganization,
} from "../core/report/organization.js";
import type {
  AccountAccess,
  AccountUsageStore,
  BillingSource,
  OrganizationAccount,
  OrganizationSink,
} from "../core/report/organization-ports.js";
import {
  accountClaims,
  mergeClaims,
  pricingBasis,
  type UsageClaims,
} from "../core/report/pricing-basis.js";
import {
  billedLines,
  estimatedLines,
  type LineAmount,
  type ReconcileRow,
  reconcile,
} from "../core/report/reconcile.js";
import {
  type AccountUsage,
  describe,
  readAccountUsage,
  skippedRegionNotes,
} from "./account-usage.js";

export interface OrganizationReportOptions {
  month: CalendarMonth;
  /** Sorted, de-duplicated, known regions. */
  regions: readonly string[];
  freeTier: boolean;
  /** Regions read at once per account (and PC calls per region). */
  concurrency: number;
  /** Accounts read at once. */
  accountConcurrency: number;
  skipDisabledRegions?: boolean | undefined;
  priceTable: LambdaPriceTable;
  /** Who pays the consolidated bill: names the organisation CSV. */
  managementAccountId: string;
  accounts: readonly OrganizationAccount[];
  /** Compare with Cost Explorer (needs `billing`). */
  reconcile?: boolean | undefined;
  /** Organisation-wide notes (accounts left out as not ACTIVE, …). */
  notes?: readonly string[] | undefined;
}

export interface OrganizationReportDeps {
  access: AccountAccess;
  sink: OrganizationSink;
  billing?: BillingSource | undefined;
  /** Where read accounts wait for pricing (default: memory). */
  store?: AccountUsageStore<AccountUsage> | undefined;
}

/** Keeps every account's month in memory until it is priced. */
export function memoryUsageStore(): AccountUsageStore<AccountUsage> {
  const held = new Map<string, AccountUsage>();
  return {
    async put(accountId, usage) {
      held.set(accountId, usage);
    },
    async take(accountId) {
      const usage = held.get(accountId);
      held.delete(accountId);
      if (!usage) throw new Error(`no usage stored for account ${accountId}`);
      return usage;
    },
  };
}

export interface OrganizationRun {
  summary: OrganizationReport;
  accountFiles: string[];
  organizationFile: string;
  reconciliation?: { rows: ReconcileRow[]; requests: number } | undefined;
}

export async function reportOrganization(
  options: OrganizationReportOptions,
  deps: OrganizationReportDeps,
): Promise<OrganizationRun> {
  const { month, priceTable: table } = options;
  const limit = pLimit(options.accountConcurrency);
  const store = deps.store ?? memoryUsageStore();
  // Only each account's claims stay in memory while the others are read.
  const read = new Map<string, { account: OrganizationAccount; claims: UsageClaims }>();
  const failed: AccountSummary[] = [];
  await Promise.all(
    options.accounts.map((account) =>
      limit(async () => {
        let opened: Awaited<ReturnType<AccountAccess["open"]>> | undefined;
        try {
          opened = await deps.access.open(account.accountId);
          const usage = await readAccountUsage(
            { ...options, regions: opened.regions ?? options.regions },
            opened.source,
          );
          await store.put(account.accountId, usage);
          read.set(account.accountId, { account, claims: accountClaims(usage.inputs, month) });
        } catch (error) {
          failed.push(failedAccount(account.accountId, describe(error), account.name));
        } finally {
          opened?.close();
        }
      }),
    ),
  );
  if (read.size === 0) {
    throw new AwsError(
      `no account could be read: ${failed.map((f) => `${f.accountId}: ${f.message}`).join("; ")}`,
    );
  }
  const basis = pricingBasis(mergeClaims([...read.values()].map((r) => r.claims)), table, {
    freeTier: options.freeTier,
    scope: "organization",
  });
  const organization = {
    managementAccountId: options.managementAccountId,
    accountCount: options.accounts.length,
  };
  const reported: AccountSummary[] = [];
  const accountFiles: string[] = [];
  const estimated = new Map<string, Map<string, LineAmount>>();
  let organizationFile: string;
  try {
    for (const accountId of [...read.keys()].sort()) {
      const { account } = read.get(accountId)!;
      // Priced and handed on, then dropped: one account's rows at a time.
      const usage = await store.take(accountId);
      const report = buildMonthlyReport(usage.inputs, table, {
        month,
        accountId,
        freeTier: options.freeTier,
        regions: usage.regions,
        failedRegions: usage.failures,
        extraNotes: skippedRegionNotes(usage.skipped),
        basis,
        organization,
      });
      accountFiles.push(await deps.sink.account(report));
      await deps.sink.appendToOrganization(report);
      reported.push(reportedAccount(report, account.name));
      if (options.reconcile) estimated.set(accountId, estimatedLines(report, basis, table));
    }
    organizationFile = await deps.sink.commitOrganization(options.managementAccountId);
  } catch (error) {
    await deps.sink.abortOrganization();
    throw error;
  }
  const summary = summarizeOrganization([...reported, ...failed], basis, {
    month: formatMonth(month),
    managementAccountId: options.managementAccountId,
    priceTableAsOf: table.asOf,
    notes: [...(options.notes ?? [])],
  });
  let reconciliation: OrganizationRun["reconciliation"];
  if (options.reconcile && deps.billing) {
    const usage = await deps.billing.lambdaUsage(month, {
      accountId: options.managementAccountId,
      byLinkedAccount: true,
    });
    reconciliation = {
      rows: reconcile(estimated, billedLines(usage)),
      requests: deps.billing.requestCount(),
    };
  }
  return { summary, accountFiles, organizationFile, reconciliation };
}
