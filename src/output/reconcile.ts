/**
 * Reconciliation output: the CSV (one row per account and line, then the account's total) and
 * the summary lines, including how many Cost Explorer requests were made and what they cost
 * ($0.01 each, https://aws.amazon.com/aws-cost-management/aws-cost-explorer/pricing/, read 2026-11).
 */
import { Decimal, formatUsd } from "../core/money/index.js";
import type { ReconcileRow } from "../core/report/reconcile.js";
import { toCsv } from "./csv.js";
import { fixed } from "./report-csv.js";

export const COST_EXPLORER_REQUEST_USD = new Decimal("0.01");

export const RECONCILE_CSV_HEADER = [
  "month",
  "account_id",
  "line",
  "usage_types",
  "estimated_usd",
  "billed_usd",
  "difference_usd",
  "difference_percent",
  "estimated_quantity",
  "billed_quantity",
  "likely_causes",
] as const;

export function renderReconcileCsv(month: string, rows: readonly ReconcileRow[]): string {
  return toCsv(
    [
      [...RECONCILE_CSV_HEADER],
      ...rows.map((r) => [
        month,
        r.accountId,
        r.line,
        r.usageTypes.join(" "),
        fixed(r.estimatedCost, 6),
        fixed(r.billedCost, 6),
        fixed(r.difference, 6),
        r.differencePercent === null ? "" : fixed(r.differencePercent, 2),
        r.estimatedQuantity === null ? "" : fixed(r.estimatedQuantity, 6),
        r.billedQuantity === null ? "" : fixed(r.billedQuantity, 6),
        r.likelyCauses.join("; "),
      ]),
    ],
    { record_delimiter: "\n" },
  );
}

/** `lambda-cost-2026-10-reconcile-111122223333.csv` */
export function reconcileFileName(month: string, accountId: string): string {
  return `lambda-cost-${month}-reconcile-${accountId}.csv`;
}

/** The lines worth reading: every account total, and each line off by a cent or more. */
export function renderReconcileSummary(
  rows: readonly ReconcileRow[],
  requests: number,
  writtenTo: string | undefined,
): string {
  const lines = ["Reconciliation with Cost Explorer (billed − estimated):"];
  const describe = (r: ReconcileRow, head: string) => {
    const percent =
      r.differencePercent === null
        ? ""
        : ` (${signed(r.differencePercent.toDecimalPlaces(2).toFixed(2))}%)`;
    const causes = r.likelyCauses.length > 0 ? ` — likely: ${r.likelyCauses.join("; ")}` : "";
    return `${head}: estimated ${formatUsd(r.estimatedCost)}, billed ${formatUsd(r.billedCost)}, difference ${signed(formatUsd(r.difference))}${percent}${causes}`;
  };
  // Each account's total, then its lines that are off by a cent or more.
  for (const total of rows.filter((r) => r.line === "total")) {
    lines.push(describe(total, `  ${total.accountId} total`));
    for (const r of rows) {
      if (r.accountId !== total.accountId || r.line === "total") continue;
      if (r.difference.abs().gte("0.01")) lines.push(describe(r, `    ${r.line}`));
    }
  }
  lines.push(
    `Cost Explorer: ${requests} GetCostAndUsage request${requests === 1 ? "" : "s"}, ${formatUsd(COST_EXPLORER_REQUEST_USD.times(requests))} at $0.01 each.`,
  );
  if (writtenTo) lines.push(`Written: ${writtenTo}`);
  return `${lines.join("\n")}\n`;
}

function signed(text: string): string {
  return text.startsWith("-") ? text : `+${text}`;
}
