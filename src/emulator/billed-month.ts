/**
 * The "bill" Cost Explorer answers with: each account's month derived from the same metric
 * history CloudWatch serves (the functions' current configuration, their PC configurations),
 * priced as consolidated billing does — tiers and one free tier over the whole organisation —
 * and broken into usage types net of the free tier, as the bill nets free usage. Then the
 * config's `billedAdjustments` are added, so reconciliation has real differences to find (INIT,
 * a memory change, a credit …) exactly where a test put them.
 */
import { Decimal, ZERO } from "../core/money/index.js";
import { architecturePrices, regionPrices } from "../core/pricing/lookup.js";
import type { LambdaPriceTable } from "../core/pricing/types.js";
import { buildMonthlyReport } from "../core/report/build-report.js";
import { type CalendarMonth, formatMonth, hoursInMonth, monthRange } from "../core/report/month.js";
import { accountClaims, mergeClaims, pricingBasis } from "../core/report/pricing-basis.js";
import type { FunctionMonthInput } from "../core/report/types.js";
import { usageTypeOf } from "../core/report/usage-types.js";
import type { LambdaMetric } from "./metric-bucket.js";
import type { EmulatorOrganization } from "./organization.js";
import type { EmulatorState } from "./state.js";

export interface BilledItem {
  accountId: string;
  usageType: string;
  cost: Decimal;
  quantity: Decimal;
}

const DAY_MS = 86_400_000;

/** Every account's billed Lambda usage types for `month` (accounts without usage have none). */
export function billedMonth(
  org: EmulatorOrganization,
  month: CalendarMonth,
  table: LambdaPriceTable,
): BilledItem[] {
  const accounts = org.accountIds().map((accountId) => {
    const state = org.state(accountId)!;
    return { accountId, state, inputs: monthInputs(state, month, table) };
  });
  const basis = pricingBasis(
    mergeClaims(accounts.map((a) => accountClaims(a.inputs, month))),
    table,
    { freeTier: true, scope: "organization" },
  );
  const hours = hoursInMonth(month);
  const items = new Map<string, BilledItem>();
  const add = (
    accountId: string,
    usageType: string | undefined,
    cost: Decimal,
    quantity: Decimal,
  ) => {
    if (usageType === undefined || (cost.isZero() && quantity.isZero())) return;
    const key = `${accountId}|${usageType}`;
    const seen = items.get(key);
    items.set(key, {
      accountId,
      usageType,
      cost: (seen?.cost ?? ZERO).plus(cost),
      quantity: (seen?.quantity ?? ZERO).plus(quantity),
    });
  };
  for (const { accountId, inputs } of accounts) {
    const report = buildMonthlyReport(inputs, table, {
      month,
      accountId,
      freeTier: true,
      regions: [...new Set(inputs.map((i) => i.region))],
      basis,
    });
    for (const row of report.rows) {
      const input = inputs.find(
        (f) => f.region === row.region && f.functionName === row.functionName,
      )!;
      const { region, architecture } = row;
      const requestCredit = basis.freeRequests
        .shareOf(row.invocations)
        .times(regionPrices(table, region).requestPrice);
      add(
        accountId,
        usageTypeOf("requests", region, architecture),
        row.requestCost.minus(requestCredit),
        row.invocations,
      );
      add(
        accountId,
        usageTypeOf("duration", region, architecture),
        row.durationCost.minus(row.freeTierCredit.minus(requestCredit)),
        row.onDemandGbSeconds,
      );
      const allocationGbSeconds = new Decimal(input.provisionedConcurrency)
        .times(input.memoryMb)
        .div(1024)
        .times(hours * 3600);
      const allocationCost = allocationGbSeconds.times(
        architecturePrices(table, region, architecture).provisionedConcurrencyPerGbSecond ?? ZERO,
      );
      add(
        accountId,
        usageTypeOf("provisioned-concurrency", region, architecture),
        allocationCost,
        allocationGbSeconds,
      );
      add(
        accountId,
        usageTypeOf("provisioned-duration", region, architecture),
        row.provisionedConcurrencyCost.minus(allocationCost),
        row.provisionedGbSeconds,
      );
      add(
        accountId,
        usageTypeOf("ephemeral-storage", region, architecture),
        row.ephemeralStorageCost,
        ZERO,
      );
    }
  }
  const name = formatMonth(month);
  for (const adjustment of org.config.billedAdjustments ?? []) {
    if (adjustment.month !== name) continue;
    add(
      adjustment.accountId,
      adjustment.usageType,
      new Decimal(adjustment.amountUsd),
      new Decimal(adjustment.usageQuantity),
    );
  }
  return [...items.values()].sort((a, b) =>
    a.accountId === b.accountId
      ? a.usageType < b.usageType
        ? -1
        : 1
      : a.accountId < b.accountId
        ? -1
        : 1,
  );
}

/** What CloudWatch holds for each function of the account in `month`, summed per day. */
function monthInputs(
  state: EmulatorState,
  month: CalendarMonth,
  table: LambdaPriceTable,
): FunctionMonthInput[] {
  const { start, end } = monthRange(month);
  const sumOf = (region: string, name: string, metric: LambdaMetric) => {
    const buckets = state.metrics.buckets(
      region,
      metric,
      name,
      undefined,
      start.getTime(),
      end.getTime(),
      DAY_MS,
    );
    let total = ZERO;
    for (const bucket of buckets.values()) total = total.plus(bucket.sum);
    return total;
  };
  return state
    .allFunctions()
    .filter((fn) => table.regions[fn.region] !== undefined)
    .map((fn) => ({
      region: fn.region,
      functionName: fn.name,
      architecture: fn.latest.architecture,
      memoryMb: fn.latest.memorySize,
      ephemeralStorageMb: fn.latest.ephemeralStorage,
      invocations: sumOf(fn.region, fn.name, "Invocations"),
      durationMsSum: sumOf(fn.region, fn.name, "Duration"),
      provisionedInvocations: sumOf(fn.region, fn.name, "ProvisionedConcurrencyInvocations"),
      provisionedConcurrency: [...fn.provisioned.values()].reduce((a, c) => a + c.amount, 0),
    }));
}
