/**
 * The prices advice uses and how a window becomes a month. Savings are priced at tier-1 rates
 * (the first duration tier of the function's region and architecture): a saving comes off the
 * top of the bill, and an account that is in a lower tier saves less than this says.
 */
import { Decimal, dec, formatUsd, ZERO } from "../money/index.js";
import { architecturePrices, requirePrice } from "../pricing/lookup.js";
import type { Architecture, LambdaPriceTable } from "../pricing/types.js";
import type { AdviceWindow } from "./types.js";

/** A month for savings: 730 hours, as AWS's pricing examples use. */
export const HOURS_PER_MONTH = 730;
/** GB for logs and Lambda memory alike: 1,024 MB, 1,024³ bytes. */
export const BYTES_PER_GB = 1024 ** 3;
const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;

/** CloudWatch Logs prices for one region (standard log class). */
export interface LogsRates {
  /** First ingestion tier, USD per GB. */
  ingestionPerGb: Decimal;
  storagePerGbMonth: Decimal;
  /** Logs Insights, USD per GB scanned; undefined where no price is known. */
  insightsPerGbScanned: Decimal | undefined;
}

/** What a window's quantity is a month: × 730 / (days × 24). */
export function monthlyFactor(window: AdviceWindow): Decimal {
  return dec(HOURS_PER_MONTH).div(window.days * 24);
}

/** GB-s of `durationMsSum` ms at `memoryMb`. */
export function gbSeconds(durationMsSum: Decimal, memoryMb: number): Decimal {
  return durationMsSum.div(1000).times(memoryMb).div(1024);
}

/** Tier-1 on-demand duration price, USD per GB-s. */
export function durationRate(
  table: LambdaPriceTable,
  region: string,
  architecture: Architecture,
): Decimal {
  const tier = architecturePrices(table, region, architecture).durationTiers[0];
  return tier?.pricePerGbSecond ?? ZERO;
}

/** What `amount` provisioned environments of `memoryMb` cost a month (730 h enabled). */
export function provisionedMonthlyCost(
  table: LambdaPriceTable,
  region: string,
  architecture: Architecture,
  memoryMb: number,
  amount: number,
): Decimal {
  const prices = architecturePrices(table, region, architecture);
  const rate = requirePrice(
    prices.provisionedConcurrencyPerGbSecond,
    "provisioned concurrency",
    region,
    architecture,
  );
  return dec(amount).times(memoryMb).div(1024).times(SECONDS_PER_MONTH).times(rate);
}

/**
 * The account's monthly on-demand GB-s and the free tier it has (0 with --no-free-tier). A
 * reduction of R GB-s saves only what was billed: min(R, max(0, account − free)), so an account
 * inside the free tier saves nothing on duration.
 */
export interface FreeTierPosition {
  accountMonthlyGbSeconds: Decimal;
  freeGbSeconds: Decimal;
}

export function billableReduction(
  reductionGbSeconds: Decimal,
  position: FreeTierPosition,
): Decimal {
  const billed = Decimal.max(ZERO, position.accountMonthlyGbSeconds.minus(position.freeGbSeconds));
  return Decimal.min(reductionGbSeconds, billed);
}

/** USD for printing inside evidence: cents, half up ("$1,234.57"). */
export function usd(value: Decimal): string {
  return formatUsd(value);
}

/** Bytes as GB with up to 3 decimals, for evidence. */
export function gbText(bytes: number): string {
  return `${dec(bytes).div(BYTES_PER_GB).toDecimalPlaces(3).toString()} GB`;
}
