/**
 * Reconciliation with the bill: the report's estimate per account and line against what Cost
 * Explorer billed (UnblendedCost by LINKED_ACCOUNT and USAGE_TYPE), with the difference and the
 * likely causes. Lines are net of the free tier on both sides: the bill nets free usage into the
 * same usage types, so the estimate's free-tier credit is split back onto requests and duration.
 */
import { type Decimal, sum, ZERO } from "../money/index.js";
import { regionPrices } from "../pricing/lookup.js";
import type { LambdaPriceTable } from "../pricing/types.js";
import type { PricingBasis } from "./pricing-basis.js";
import type { MonthlyReport } from "./types.js";
import { type BillLine, lineKey, lineOfUsageType } from "./usage-types.js";

/** One side of a line: dollars, and the quantity where both sides count the same unit. */
export interface LineAmount {
  line: BillLine;
  cost: Decimal;
  /** Requests or GB-s (requests and duration lines); null where units are mixed. */
  quantity: Decimal | null;
  /** Usage types seen on the bill for this line. */
  usageTypes: string[];
}

export interface BilledUsage {
  accountId: string;
  usageType: string;
  cost: Decimal;
  quantity: Decimal;
}

export interface ReconcileRow {
  accountId: string;
  /** `us-east-1 x86_64 duration`, `other`, or `total`. */
  line: string;
  usageTypes: string[];
  estimatedCost: Decimal;
  billedCost: Decimal;
  /** billed − estimated. */
  difference: Decimal;
  /** difference / estimated × 100; null when nothing was estimated. */
  differencePercent: Decimal | null;
  estimatedQuantity: Decimal | null;
  billedQuantity: Decimal | null;
  likelyCauses: string[];
}

/** Differences below a cent are rounding, not a finding. */
const CENT = "0.01";

function add(map: Map<string, LineAmount>, amount: LineAmount): void {
  const key = lineKey(amount.line);
  const seen = map.get(key);
  if (!seen) {
    map.set(key, { ...amount, usageTypes: [...amount.usageTypes] });
    return;
  }
  seen.cost = seen.cost.plus(amount.cost);
  seen.quantity =
    seen.quantity === null || amount.quantity === null ? null : seen.quantity.plus(amount.quantity);
  for (const type of amount.usageTypes) {
    if (!seen.usageTypes.includes(type)) seen.usageTypes.push(type);
  }
}

/**
 * An account's estimated lines from its report and the basis it was priced with.
 * Example: a function with $0.60 of requests of which 750,000 are free at $0.0000002 has a
 * requests line of 0.6 − 0.15 = $0.45.
 */
export function estimatedLines(
  report: MonthlyReport,
  basis: PricingBasis,
  table: LambdaPriceTable,
): Map<string, LineAmount> {
  const lines = new Map<string, LineAmount>();
  for (const row of report.rows) {
    const region = row.region;
    const architecture = row.architecture;
    const requestCredit = basis.freeRequests
      .shareOf(row.invocations)
      .times(regionPrices(table, region).requestPrice);
    const durationCredit = row.freeTierCredit.minus(requestCredit);
    const at = (kind: BillLine["kind"]): BillLine => ({ kind, region, architecture });
    add(lines, {
      line: at("requests"),
      cost: row.requestCost.minus(requestCredit),
      quantity: row.invocations,
      usageTypes: [],
    });
    add(lines, {
      line: at("duration"),
      cost: row.durationCost.minus(durationCredit),
      quantity: row.onDemandGbSeconds,
      usageTypes: [],
    });
    if (!row.provisionedConcurrencyCost.isZero()) {
      add(lines, {
        line: at("provisioned-concurrency"),
        cost: row.provisionedConcurrencyCost,
        quantity: null,
        usageTypes: [],
      });
    }
    if (!row.ephemeralStorageCost.isZero()) {
      add(lines, {
        line: at("ephemeral-storage"),
        cost: row.ephemeralStorageCost,
        quantity: null,
        usageTypes: [],
      });
    }
  }
  return lines;
}

/** Billed usage types grouped into the same lines, per account. */
export function billedLines(usage: readonly BilledUsage[]): Map<string, Map<string, LineAmount>> {
  const byAccount = new Map<string, Map<string, LineAmount>>();
  for (const item of usage) {
    const line = lineOfUsageType(item.usageType);
    let lines = byAccount.get(item.accountId);
    if (!lines) {
      lines = new Map();
      byAccount.set(item.accountId, lines);
    }
    const counted = line.kind === "requests" || line.kind === "duration";
    add(lines, {
      line,
      cost: item.cost,
      quantity: counted ? item.quantity : null,
      usageTypes: [item.usageType],
    });
  }
  return byAccount;
}

/**
 * Compares estimate and bill for every account and line either side has, plus a total per
 * account. Example: estimated duration $65,000.10, billed $65,003.30 → difference $3.20,
 * +0.0049%, likely INIT (not in the Duration metric).
 */
export function reconcile(
  estimated: ReadonlyMap<string, ReadonlyMap<string, LineAmount>>,
  billed: ReadonlyMap<string, ReadonlyMap<string, LineAmount>>,
  options: { scope?: "account" | "organization" } = {},
): ReconcileRow[] {
  const accounts = [...new Set([...estimated.keys(), ...billed.keys()])].sort();
  const rows: ReconcileRow[] = [];
  for (const accountId of accounts) {
    const mine = estimated.get(accountId) ?? new Map<string, LineAmount>();
    const bill = billed.get(accountId) ?? new Map<string, LineAmount>();
    const keys = [...new Set([...mine.keys(), ...bill.keys()])].sort(compareLines);
    const lineRows = keys.map((key) =>
      compare(accountId, key, mine.get(key), bill.get(key), {
        accountEstimated: estimated.has(accountId),
        accountBilled: billed.has(accountId),
        accountScope: options.scope === "account",
      }),
    );
    rows.push(...lineRows);
    const estimatedTotal = sum(lineRows.map((r) => r.estimatedCost));
    const billedTotal = sum(lineRows.map((r) => r.billedCost));
    const difference = billedTotal.minus(estimatedTotal);
    rows.push({
      accountId,
      line: "total",
      usageTypes: [],
      estimatedCost: estimatedTotal,
      billedCost: billedTotal,
      difference,
      differencePercent: percent(difference, estimatedTotal),
      estimatedQuantity: null,
      billedQuantity: null,
      likelyCauses: [],
    });
  }
  return rows;
}

/** `other` after the named lines. */
function compareLines(a: string, b: string): number {
  if (a === b) return 0;
  if (a === "other") return 1;
  if (b === "other") return -1;
  return a < b ? -1 : 1;
}

function percent(difference: Decimal, estimated: Decimal): Decimal | null {
  return estimated.isZero() ? null : difference.div(estimated).times(100);
}

function compare(
  accountId: string,
  key: string,
  mine: LineAmount | undefined,
  bill: LineAmount | undefined,
  seen: { accountEstimated: boolean; accountBilled: boolean; accountScope: boolean },
): ReconcileRow {
  const estimatedCost = mine?.cost ?? ZERO;
  const billedCost = bill?.cost ?? ZERO;
  const difference = billedCost.minus(estimatedCost);
  const line = (mine ?? bill)!.line;
  return {
    accountId,
    line: key,
    usageTypes: bill?.usageTypes ?? [],
    estimatedCost,
    billedCost,
    difference,
    differencePercent: percent(difference, estimatedCost),
    estimatedQuantity: mine?.quantity ?? null,
    billedQuantity: bill?.quantity ?? null,
    likelyCauses: difference.abs().lt(CENT)
      ? []
      : likelyCauses(line, difference, mine?.quantity ?? null, bill?.quantity ?? null, seen),
  };
}

/** The usual reasons a line differs, most likely first; what the metrics cannot see. */
export function likelyCauses(
  line: BillLine,
  difference: Decimal,
  estimatedQuantity: Decimal | null,
  billedQuantity: Decimal | null,
  seen: { accountEstimated: boolean; accountBilled: boolean; accountScope?: boolean },
): string[] {
  if (!seen.accountBilled) {
    return [
      "the bill has no Lambda usage for this account (not linked to this payer, or billed elsewhere)",
    ];
  }
  if (!seen.accountEstimated) return ["this account was not read (failed or not listed)"];
  const more = difference.isPositive();
  const quantityDiffers =
    estimatedQuantity !== null &&
    billedQuantity !== null &&
    !estimatedQuantity.isZero() &&
    billedQuantity.minus(estimatedQuantity).abs().div(estimatedQuantity).gt("0.001");
  const causes: string[] = [];
  // One account priced alone, billed as part of an organisation: other tiers, a shared free tier.
  if (seen.accountScope && (line.kind === "duration" || line.kind === "requests")) {
    causes.push(
      "consolidated billing: tiers and the free tier count the whole organisation's usage (report --org prices it that way)",
    );
  }
  switch (line.kind) {
    case "duration":
      if (more) {
        causes.push("INIT time is billed (since 2025-08-01) but not in the Duration metric");
        if (quantityDiffers)
          causes.push("memory raised during the month (the report uses the current memory)");
        causes.push("functions deleted during the month are billed but not listed");
      } else {
        if (quantityDiffers)
          causes.push("memory lowered during the month (the report uses the current memory)");
        causes.push("Compute Savings Plans cover duration", "credits");
      }
      break;
    case "requests":
      causes.push(
        more
          ? "functions deleted during the month are billed but not listed"
          : "credits, or invocations counted in the metric that the bill does not charge",
      );
      break;
    case "provisioned-concurrency":
      causes.push(
        "provisioned concurrency changed during the month (the report prices the current configuration for every hour)",
      );
      if (!more) causes.push("Compute Savings Plans cover provisioned concurrency");
      break;
    case "ephemeral-storage":
      causes.push("ephemeral storage changed during the month (the report uses the current size)");
      break;
    case "other":
      causes.push(
        more
          ? "usage the report does not estimate (SnapStart, response streaming, Lambda@Edge, durable functions, provisioned event pollers)"
          : "credits, refunds or Savings Plans negation",
      );
      break;
  }
  return causes;
}
