/**
 * The ports the organisation report reads and writes through (issue 15). The AWS adapters
 * implement them over STS, Organizations and Cost Explorer (src/aws); the CLI implements the
 * sink over the CSV renderer and the atomic writer; tests may hand in fakes.
 */
import type { CalendarMonth } from "./month.js";
import type { UsageSource } from "./ports.js";
import type { BilledUsage } from "./reconcile.js";
import type { MonthlyReport } from "./types.js";

export interface OrganizationAccount {
  accountId: string;
  /** The account's name in Organizations, when listed from there. */
  name?: string | undefined;
}

/** Reading inside each account: a UsageSource acting in it (an assumed role's credentials). */
export interface AccountAccess {
  /** Fails (AwsError naming the account and role) when the role cannot be assumed. */
  open(accountId: string): Promise<{
    source: UsageSource;
    /** The regions this account is read in, when it has its own (a merged report's). */
    regions?: string[] | undefined;
    close(): void;
  }>;
}

export interface BillingSource {
  /** The month's Lambda usage types; per linked account for an organisation. */
  lambdaUsage(
    month: CalendarMonth,
    options: { accountId: string; byLinkedAccount: boolean },
  ): Promise<BilledUsage[]>;
  /** Requests made so far (Cost Explorer charges for each). */
  requestCount(): number;
}

/**
 * Where each account's month waits between reading and pricing (the organisation's pools need
 * every account read first). A file-backed store keeps memory flat whatever the number of
 * accounts; the in-memory one suits tests and small runs.
 */
export interface AccountUsageStore<T> {
  put(accountId: string, usage: T): Promise<void>;
  /** Returns and forgets what was put. */
  take(accountId: string): Promise<T>;
}

/** Where the priced accounts go, one at a time (never every row of every account at once). */
export interface OrganizationSink {
  /** Writes the account's own CSV (atomically); returns its path. */
  account(report: MonthlyReport): Promise<string>;
  /** Appends the account's rows to the organisation CSV (kept aside until commit). */
  appendToOrganization(report: MonthlyReport): Promise<void>;
  /** Publishes the organisation CSV atomically; returns its path. */
  commitOrganization(managementAccountId: string): Promise<string>;
  /** Drops the half-written organisation CSV (a failed run leaves the previous one). */
  abortOrganization(): Promise<void>;
}
