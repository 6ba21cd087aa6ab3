/**
 * Cost Explorer's GetCostAndUsage over JSON 1.1 (`x-amz-target:
 * AWSInsightsIndexService.GetCostAndUsage`), as the Cost Explorer API reference shapes it
 * (https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_GetCostAndUsage.html):
 * one ResultsByTime entry per calendar month of the period, groups by up to two dimensions
 * (LINKED_ACCOUNT, USAGE_TYPE, SERVICE), amounts as decimal strings, `NextPageToken` after
 * 500 groups. The management account sees every account; a member account only its own.
 * MONTHLY granularity only (what reports need); the billed figures come from billed-month.ts.
 */
import { type Decimal, ZERO } from "../core/money/index.js";
import type { CalendarMonth } from "../core/report/month.js";
import { type BilledItem, billedMonth } from "./billed-month.js";
import { ApiError } from "./http.js";
import type { EmulatorOrganization } from "./organization.js";

export const COST_EXPLORER_TARGET = "AWSInsightsIndexService.";
const PAGE_GROUPS = 500;
const DIMENSIONS = new Set(["LINKED_ACCOUNT", "USAGE_TYPE", "SERVICE"]);
const METRICS: Record<string, string> = {
  UnblendedCost: "USD",
  NetUnblendedCost: "USD",
  BlendedCost: "USD",
  UsageQuantity: "N/A",
};
const LAMBDA = "AWS Lambda";

export function costExplorerError(code: string, message: string): ApiError {
  return new ApiError(400, code, message);
}

const invalid = (message: string) => costExplorerError("ValidationException", message);

interface Group {
  month: CalendarMonth;
  keys: string[];
  cost: Decimal;
  quantity: Decimal;
}

export function serveCostExplorer(
  org: EmulatorOrganization,
  callerAccountId: string,
  op: string,
  input: Record<string, unknown>,
): unknown {
  if (op !== "GetCostAndUsage") {
    throw costExplorerError("UnknownOperationException", `Unknown operation ${op}`);
  }
  const months = monthsOf(input.TimePeriod);
  if (input.Granularity !== "MONTHLY") {
    throw invalid("The emulator serves Granularity MONTHLY only.");
  }
  const metrics = input.Metrics;
  if (!Array.isArray(metrics) || metrics.length === 0 || metrics.some((m) => !(m in METRICS))) {
    throw invalid(`Metrics must be among ${Object.keys(METRICS).join(", ")}.`);
  }
  const groupBy = groupKeys(input.GroupBy);
  const filter = filterOf(input.Filter);
  const table = org.priceTable;
  if (!table) {
    throw costExplorerError(
      "DataUnavailableException",
      "The emulator was started without a price table, so it has no billing data.",
    );
  }
  const groups: Group[] = [];
  for (const month of months) {
    const items = billedMonth(org, month, table).filter(
      (item) =>
        (callerAccountId === org.managementAccountId || item.accountId === callerAccountId) &&
        filter(item),
    );
    groups.push(...grouped(month, items, groupBy));
  }
  const start = pageStart(input.NextPageToken, groups.length);
  const page = groups.slice(start, start + PAGE_GROUPS);
  const amounts = (cost: Decimal, quantity: Decimal) =>
    Object.fromEntries(
      (metrics as string[]).map((m) => [
        m,
        {
          Amount: (m === "UsageQuantity" ? quantity : cost).toDecimalPlaces(10).toFixed(),
          Unit: METRICS[m],
        },
      ]),
    );
  const resultsByTime = months
    .filter((month) => groupBy.length === 0 || page.some((g) => g.month === month))
    .map((month) => {
      const mine = page.filter((g) => g.month === month);
      const period = { Start: day(month, 0), End: day(month, 1) };
      if (groupBy.length === 0) {
        const only = mine[0];
        return {
          TimePeriod: period,
          Total: amounts(only?.cost ?? ZERO, only?.quantity ?? ZERO),
          Groups: [],
          Estimated: false,
        };
      }
      return {
        TimePeriod: period,
        Total: {},
        Groups: mine.map((g) => ({ Keys: g.keys, Metrics: amounts(g.cost, g.quantity) })),
        Estimated: false,
      };
    });
  const accounts = groupBy.includes("LINKED_ACCOUNT")
    ? [...new Set(page.map((g) => g.keys[groupBy.indexOf("LINKED_ACCOUNT")]!))].map((id) => ({
        Value: id,
        Attributes: {
          description:
            org.member(id)?.name ??
            (id === org.managementAccountId ? "management" : `account-${id}`),
        },
      }))
    : [];
  const next = start + PAGE_GROUPS < groups.length ? tokenOf(start + PAGE_GROUPS) : undefined;
  return {
    GroupDefinitions: groupBy.map((Key) => ({ Type: "DIMENSION", Key })),
    ResultsByTime: resultsByTime,
    DimensionValueAttributes: accounts,
    ...(next ? { NextPageToken: next } : {}),
  };
}

function grouped(month: CalendarMonth, items: BilledItem[], groupBy: string[]): Group[] {
  const byKey = new Map<string, Group>();
  for (const item of items) {
    const keys = groupBy.map((dim) =>
      dim === "LINKED_ACCOUNT" ? item.accountId : dim === "USAGE_TYPE" ? item.usageType : LAMBDA,
    );
    const key = keys.join("\u0000");
    const seen = byKey.get(key);
    byKey.set(key, {
      month,
      keys,
      cost: (seen?.cost ?? ZERO).plus(item.cost),
      quantity: (seen?.quantity ?? ZERO).plus(item.quantity),
    });
  }
  return [...byKey.values()];
}

/** Whole calendar months [Start, End): `2026-10-01`..`2026-11-01` is October. */
function monthsOf(period: unknown): CalendarMonth[] {
  const p = (period ?? {}) as { Start?: unknown; End?: unknown };
  const parse = (value: unknown, name: string) => {
    const match = typeof value === "string" ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
    if (!match) throw invalid(`TimePeriod.${name} must be a date YYYY-MM-DD.`);
    return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  };
  const start = parse(p.Start, "Start");
  const end = parse(p.End, "End");
  if (`${p.Start}` >= `${p.End}`)
    throw invalid("Start date (and hour) should be before end date (and hour)");
  if (start.day !== 1 || end.day !== 1) {
    throw invalid("The emulator serves whole calendar months: Start and End on the 1st.");
  }
  const months: CalendarMonth[] = [];
  let at = { year: start.year, month: start.month };
  while (at.year < end.year || (at.year === end.year && at.month < end.month)) {
    months.push(at);
    at = at.month === 12 ? { year: at.year + 1, month: 1 } : { year: at.year, month: at.month + 1 };
  }
  return months;
}

function groupKeys(groupBy: unknown): string[] {
  if (groupBy === undefined) return [];
  if (!Array.isArray(groupBy) || groupBy.length > 2) {
    throw invalid("GroupBy takes at most two groups.");
  }
  return groupBy.map((g) => {
    const { Type, Key } = (g ?? {}) as { Type?: unknown; Key?: unknown };
    if (Type !== "DIMENSION" || typeof Key !== "string" || !DIMENSIONS.has(Key)) {
      throw invalid(
        `Group Definition dimension is invalid. Valid values are ${[...DIMENSIONS].join(", ")}.`,
      );
    }
    return Key;
  });
}

/** `{ Dimensions: { Key: "SERVICE" | "LINKED_ACCOUNT", Values: [...] } }`, or none. */
function filterOf(filter: unknown): (item: BilledItem) => boolean {
  if (filter === undefined) return () => true;
  const dims = (filter as { Dimensions?: { Key?: unknown; Values?: unknown } }).Dimensions;
  const values = dims?.Values;
  if (
    !dims ||
    !Array.isArray(values) ||
    (dims.Key !== "SERVICE" && dims.Key !== "LINKED_ACCOUNT")
  ) {
    throw invalid("The emulator filters on Dimensions SERVICE or LINKED_ACCOUNT only.");
  }
  return dims.Key === "SERVICE"
    ? () => values.includes(LAMBDA)
    : (item) => values.includes(item.accountId);
}

function day(month: CalendarMonth, plusMonths: number): string {
  const date = new Date(Date.UTC(month.year, month.month - 1 + plusMonths, 1));
  return date.toISOString().slice(0, 10);
}

function tokenOf(offset: number): string {
  return Buffer.from(`groups:${offset}`).toString("base64");
}

function pageStart(token: unknown, length: number): number {
  if (token === undefined) return 0;
  const match =
    typeof token === "string"
      ? /^groups:(\d+)$/.exec(Buffer.from(token, "base64").toString())
      : null;
  const offset = Number(match?.[1] ?? Number.NaN);
  if (!match || offset > length) {
    throw costExplorerError("InvalidNextTokenException", "The pagination token is invalid.");
  }
  return offset;
}
