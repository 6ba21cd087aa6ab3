/**
 * The monthly report's vocabulary: what is measured per function (inputs), and the priced
 * model every renderer (CSV, JSON, table, summary) reads. All money and quantities are Decimal.
 */
import type { Decimal } from "../money/index.js";
import type { Architecture } from "../pricing/types.js";

/** One function's configuration now and its metric sums for the month. */
export interface FunctionMonthInput {
  region: string;
  functionName: string;
  /** Current architecture and memory: the metrics carry neither, so changes are invisible. */
  architecture: Architecture;
  memoryMb: number;
  ephemeralStorageMb: number;
  /** Sum of the Invocations metric over the month. */
  invocations: Decimal;
  /** Sum of the Duration metric over the month, in ms (INIT not included). */
  durationMsSum: Decimal;
  /** Sum of ProvisionedConcurrencyInvocations over the month. */
  provisionedInvocations: Decimal;
  /** Provisioned concurrency configured now, over all aliases and versions. */
  provisionedConcurrency: number;
}

/** A region that could not be read; the report covers the others. */
export interface RegionFailure {
  region: string;
  message: string;
}

/** One region+architecture duration pool: tiers are counted over the account's whole pool. */
export interface TierPool {
  region: string;
  architecture: Architecture;
  /** On-demand GB-s of every function in the pool. */
  gbSeconds: Decimal;
  cost: Decimal;
  /** cost / gbSeconds: what each GB-s of the pool costs (the tier-1 price when empty). */
  blendedRatePerGbSecond: Decimal;
  tiers: Array<{ tierIndex: number; gbSeconds: Decimal; pricePerGbSecond: Decimal; cost: Decimal }>;
}

export interface ReportRow {
  month: string;
  accountId: string;
  region: string;
  functionName: string;
  architecture: Architecture;
  memoryMb: number;
  ephemeralStorageMb: number;
  invocations: Decimal;
  provisionedInvocations: Decimal;
  /** Provisioned concurrency configured now (what the allocation is priced on). */
  provisionedConcurrency: number;
  durationMsSum: Decimal;
  /** Sum(Duration) / Invocations; null when there were no invocations. */
  avgDurationMs: Decimal | null;
  /** Sum(Duration) + 0.5 × Invocations (billing rounds each invocation up to 1 ms). */
  billedMsEstimate: Decimal;
  /** Estimated billed GB-s, on-demand and PC-served together. */
  gbSeconds: Decimal;
  onDemandGbSeconds: Decimal;
  provisionedGbSeconds: Decimal;
  blendedRatePerGbSecond: Decimal;
  requestCost: Decimal;
  /** On-demand duration at the pool's blended rate. */
  durationCost: Decimal;
  ephemeralStorageCost: Decimal;
  /** PC allocation for the whole month + duration of PC-served invocations. */
  provisionedConcurrencyCost: Decimal;
  /** Positive amount subtracted from the total (0 with --no-free-tier). */
  freeTierCredit: Decimal;
  /** request + duration + storage + PC − free-tier credit. */
  totalCost: Decimal;
  notes: string[];
}

export interface ReportTotals {
  invocations: Decimal;
  gbSeconds: Decimal;
  requestCost: Decimal;
  durationCost: Decimal;
  ephemeralStorageCost: Decimal;
  provisionedConcurrencyCost: Decimal;
  freeTierCredit: Decimal;
  totalCost: Decimal;
}

export interface FreeTierUse {
  applied: boolean;
  /** Free requests and GB-s actually used (at most 1M and 400,000). */
  requests: Decimal;
  gbSeconds: Decimal;
  credit: Decimal;
}

export interface MonthlyReport {
  /** "YYYY-MM" */
  month: string;
  accountId: string;
  currency: "USD";
  /** Regions read successfully, sorted. */
  regions: string[];
  failedRegions: RegionFailure[];
  hoursInMonth: number;
  freeTier: FreeTierUse;
  /** The pools the rows were priced with: the account's, or its organisation's (then larger). */
  pools: TierPool[];
  /** Present when priced as part of an organisation (consolidated billing). */
  organization?: { managementAccountId: string; accountCount: number } | undefined;
  /** Sorted by region, then function name. */
  rows: ReportRow[];
  totals: ReportTotals;
  /** Report-wide notes: the pricing rules, what the metrics cannot show, failures. */
  notes: string[];
  priceTableAsOf: string;
}
