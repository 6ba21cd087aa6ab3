/**
 * Prices a month of per-function metrics into the report model: quantities per function
 * (usage.ts), tiers per pool and the free tier across the account (allocation.ts), prices from
 * the shipped table, notes (notes.ts). Pure: everything comes in as arguments.
 */
import { PricingDataError } from "../errors.js";
import { type Decimal, sum, ZERO } from "../money/index.js";
import { architecturePrices, regionPrices } from "../pricing/lookup.js";
import type { LambdaPriceTable } from "../pricing/types.js";
import { poolKey } from "./allocation.js";
import { type CalendarMonth, formatMonth, hoursInMonth } from "./month.js";
import { failureNotes, METRIC_LIMITS, pricingRules, rowNotes } from "./notes.js";
import { addClaims, emptyClaims, type PricingBasis, pricingBasis } from "./pricing-basis.js";
import type {
  FunctionMonthInput,
  MonthlyReport,
  RegionFailure,
  ReportRow,
  ReportTotals,
} from "./types.js";
import { functionQuantities } from "./usage.js";

export interface BuildReportOptions {
  month: CalendarMonth;
  accountId: string;
  /** Apply the monthly free tier once across the account (default in the CLI). */
  freeTier: boolean;
  /** Regions read successfully (even those with no functions). */
  regions: readonly string[];
  failedRegions?: readonly RegionFailure[] | undefined;
  /** Further report-wide notes (e.g. regions skipped as not enabled). */
  extraNotes?: readonly string[] | undefined;
  /**
   * Tiers and free tier computed elsewhere (pricing-basis.ts): an organisation's, so this
   * account pays the organisation's blended rates and gets its share of the one free tier.
   * Default: computed from `inputs` alone (the account is the whole bill).
   */
  basis?: PricingBasis | undefined;
  /** With an organisation basis: who pays the consolidated bill, and how many accounts it covers. */
  organization?: { managementAccountId: string; accountCount: number } | undefined;
}

const compareRows = (a: FunctionMonthInput, b: FunctionMonthInput) =>
  a.region === b.region
    ? a.functionName < b.functionName
      ? -1
      : a.functionName > b.functionName
        ? 1
        : 0
    : a.region < b.region
      ? -1
      : 1;

/**
 * Builds the month's report. Example (us-east-1, x86_64, 1024 MB, free tier off): 1,000,000
 * invocations with Sum(Duration) 99,500,000 ms → 100,000 GB-s → duration
 * 100,000 × 0.0000166667 = $1.66667, requests 1,000,000 × 0.0000002 = $0.20, total $1.86667.
 */
export function buildMonthlyReport(
  inputs: readonly FunctionMonthInput[],
  table: LambdaPriceTable,
  options: BuildReportOptions,
): MonthlyReport {
  const hours = hoursInMonth(options.month);
  const failures = [...(options.failedRegions ?? [])];
  const sorted = [...inputs].sort(compareRows);
  const quantities = sorted.map((input) => functionQuantities(input, hours));
  const freeTierOn = options.freeTier;
  const basis =
    options.basis ??
    pricingBasis(addClaims(emptyClaims(), sorted, quantities), table, {
      freeTier: freeTierOn,
      scope: "account",
    });
  const pools = basis.pools;
  // Free requests cover PC-served requests too: both are the Request usage type
  // (pricing/lambda.json freeTier.appliesTo); free GB-s cover on-demand duration only.
  const freeRequestShares = sorted.map((input) => basis.freeRequests.shareOf(input.invocations));
  const freeGbSecondShares = quantities.map((q) =>
    basis.freeGbSeconds.shareOf(q.onDemandGbSeconds),
  );
  const month = formatMonth(options.month);
  const rows: ReportRow[] = sorted.map((input, i) => {
    const q = quantities[i]!;
    const region = regionPrices(table, input.region);
    const prices = architecturePrices(table, input.region, input.architecture);
    const pool = pools.get(poolKey(input.region, input.architecture))!;
    const requestCost = input.invocations.times(region.requestPrice);
    const durationCost = q.onDemandGbSeconds.times(pool.blendedRatePerGbSecond);
    const ephemeralStorageCost = priced(
      q.ephemeralStorageGbSeconds,
      prices.ephemeralStoragePerGbSecond,
      `ephemeral storage in ${input.region}`,
    );
    const provisionedConcurrencyCost = priced(
      q.provisionedAllocationGbSeconds,
      prices.provisionedConcurrencyPerGbSecond,
      `provisioned concurrency (${input.architecture}) in ${input.region}`,
    ).plus(
      priced(
        q.provisionedGbSeconds,
        prices.provisionedDurationPerGbSecond,
        `provisioned-concurrency duration (${input.architecture}) in ${input.region}`,
      ),
    );
    const freeTierCredit = (freeRequestShares[i] ?? ZERO)
      .times(region.requestPrice)
      .plus((freeGbSecondShares[i] ?? ZERO).times(pool.blendedRatePerGbSecond));
    const totalCost = sum([
      requestCost,
      durationCost,
      ephemeralStorageCost,
      provisionedConcurrencyCost,
    ]).minus(freeTierCredit);
    return {
      month,
      accountId: options.accountId,
      region: input.region,
      functionName: input.functionName,
      architecture: input.architecture,
      memoryMb: input.memoryMb,
      ephemeralStorageMb: input.ephemeralStorageMb,
      invocations: input.invocations,
      provisionedInvocations: input.provisionedInvocations,
      provisionedConcurrency: input.provisionedConcurrency,
      durationMsSum: input.durationMsSum,
      avgDurationMs: input.invocations.isZero() ? null : input.durationMsSum.div(input.invocations),
      billedMsEstimate: q.billedMsEstimate,
      gbSeconds: q.gbSeconds,
      onDemandGbSeconds: q.onDemandGbSeconds,
      provisionedGbSeconds: q.provisionedGbSeconds,
      blendedRatePerGbSecond: pool.blendedRatePerGbSecond,
      requestCost,
      durationCost,
      ephemeralStorageCost,
      provisionedConcurrencyCost,
      freeTierCredit,
      totalCost,
      notes: rowNotes(input, q.provisionedShare, hours, failures),
    };
  });
  const totals = totalsOf(rows);
  // An account priced with its organisation uses a share of the one free tier: its own shares.
  const ownShare = basis.scope === "organization";
  const caveats = [...new Set(options.regions.flatMap((r) => table.regions[r]?.caveats ?? []))];
  return {
    month,
    accountId: options.accountId,
    currency: "USD",
    regions: [...options.regions].sort(),
    failedRegions: failures,
    hoursInMonth: hours,
    freeTier: {
      applied: freeTierOn,
      requests: ownShare ? sum(freeRequestShares) : basis.freeRequests.used,
      gbSeconds: ownShare ? sum(freeGbSecondShares) : basis.freeGbSeconds.used,
      credit: totals.freeTierCredit,
    },
    pools: [...pools.values()],
    ...(options.organization ? { organization: options.organization } : {}),
    rows,
    totals,
    notes: [
      ...failureNotes(failures),
      ...(options.extraNotes ?? []),
      ...pricingRules(basis.scope),
      ...(freeTierOn ? [] : ["The free tier was not applied (--no-free-tier)."]),
      ...METRIC_LIMITS,
      ...caveats,
    ],
    priceTableAsOf: table.asOf,
  };
}

/** quantity × price; a missing price is an error only when there is something to price. */
function priced(quantity: Decimal, price: Decimal | null, what: string): Decimal {
  if (quantity.isZero()) return ZERO;
  if (price === null) {
    throw new PricingDataError(`the price table has no price for ${what}.`);
  }
  return quantity.times(price);
}

function totalsOf(rows: readonly ReportRow[]): ReportTotals {
  const total = (pick: (row: ReportRow) => Decimal) => sum(rows.map(pick));
  return {
    invocations: total((r) => r.invocations),
    gbSeconds: total((r) => r.gbSeconds),
    requestCost: total((r) => r.requestCost),
    durationCost: total((r) => r.durationCost),
    ephemeralStorageCost: total((r) => r.ephemeralStorageCost),
    provisionedConcurrencyCost: total((r) => r.provisionedConcurrencyCost),
    freeTierCredit: total((r) => r.freeTierCredit),
    totalCost: total((r) => r.totalCost),
  };
}
