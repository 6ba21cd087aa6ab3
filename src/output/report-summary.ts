/**
 * The few lines a person reads after a monthly run: the total and what it is made of, the
 * most expensive functions, what changed since last month's report, and any failed region.
 */
import { type Decimal, formatCount, formatUsd, sum, ZERO } from "../core/money/index.js";
import type { MonthlyReport } from "../core/report/types.js";
import type { RenderOptions } from "./format.js";
import { wrapProse } from "./text-table.js";

export interface PreviousReport {
  month: string;
  file: string;
  rows: Array<{ region: string; functionName: string; totalCost: Decimal }>;
}

const TOP_COUNT = 5;

function signedUsd(value: Decimal): string {
  return value.isNegative() ? formatUsd(value) : `+${formatUsd(value)}`;
}

function changeLines(report: MonthlyReport, previous: PreviousReport): string[] {
  const before = sum(previous.rows.map((r) => r.totalCost));
  const now = report.totals.totalCost;
  const delta = now.minus(before);
  const percent = before.isZero()
    ? ""
    : `, ${delta.isNegative() ? "" : "+"}${delta.div(before).times(100).toDecimalPlaces(1).toFixed(1)}%`;
  const lines = [
    `Against ${previous.month}: ${formatUsd(before)} → ${formatUsd(now)} (${signedUsd(delta)}${percent})`,
  ];
  const key = (region: string, name: string) => `${region}/${name}`;
  const old = new Map(previous.rows.map((r) => [key(r.region, r.functionName), r.totalCost]));
  const changes = report.rows.map((r) => {
    const k = key(r.region, r.functionName);
    const was = old.get(k);
    old.delete(k);
    return { k, delta: r.totalCost.minus(was ?? ZERO), isNew: was === undefined };
  });
  const gone = [...old.entries()].map(([k, was]) => ({ k, delta: was.neg(), isNew: false }));
  const biggest = [...changes, ...gone]
    .filter((c) => !c.delta.toDecimalPlaces(2).isZero())
    .sort((a, b) => b.delta.abs().comparedTo(a.delta.abs()) || (a.k < b.k ? -1 : 1))
    .slice(0, TOP_COUNT);
  for (const c of biggest) {
    const tag = c.isNew ? " (new)" : gone.includes(c) ? " (gone)" : "";
    lines.push(`  ${c.k}${tag} ${signedUsd(c.delta)}`);
  }
  return lines;
}

/** The summary text; `writtenTo` is the CSV path when one was written. */
export function renderReportSummary(
  report: MonthlyReport,
  previous?: PreviousReport,
  writtenTo?: string,
  options: RenderOptions = {},
): string {
  const t = report.totals;
  const lines = [
    `Lambda cost report ${report.month} · account ${report.accountId} · ${formatCount(report.rows.length)} functions in ${report.regions.join(", ")}`,
    `Total ${formatUsd(t.totalCost)}: requests ${formatUsd(t.requestCost)}, duration ${formatUsd(t.durationCost)}, ephemeral storage ${formatUsd(t.ephemeralStorageCost)}, provisioned concurrency ${formatUsd(t.provisionedConcurrencyCost)}, free tier ${formatUsd(t.freeTierCredit.negated())}`,
  ];
  const top = [...report.rows]
    .sort((a, b) => b.totalCost.comparedTo(a.totalCost))
    .slice(0, TOP_COUNT)
    .filter((r) => r.totalCost.gt(0));
  if (top.length > 0) {
    lines.push("Top functions by cost:");
    top.forEach((r, i) => {
      lines.push(`  ${i + 1}. ${r.region}/${r.functionName} ${formatUsd(r.totalCost)}`);
    });
  }
  if (previous) lines.push(...changeLines(report, previous));
  for (const failure of report.failedRegions) {
    lines.push(`FAILED: region ${failure.region} is not in this report: ${failure.message}`);
  }
  lines.push("Estimate from CloudWatch metrics; see the notes for what they cannot show.");
  if (writtenTo) lines.push(`Written: ${writtenTo}`);
  return `${wrapProse(lines.join("\n"), options.maxWidth ?? Number.POSITIVE_INFINITY)}\n`;
}
