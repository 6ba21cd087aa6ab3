/**
 * The report as CSV: one row per function, the header the issue fixes, dollars to 6 decimals.
 * The same model always gives the same bytes (no dates, no locale), so a rerun for the same
 * month is identical.
 */

import type { Decimal } from "../core/money/index.js";
import { roundTo } from "../core/money/index.js";
import type { MonthlyReport, ReportRow } from "../core/report/types.js";
import { toCsv } from "./csv.js";

export const REPORT_CSV_HEADER = [
  "month",
  "account_id",
  "region",
  "function_name",
  "architecture",
  "memory_mb",
  "ephemeral_storage_mb",
  "invocations",
  "duration_ms_sum",
  "avg_duration_ms",
  "gb_seconds",
  "request_cost_usd",
  "duration_cost_usd",
  "ephemeral_storage_cost_usd",
  "provisioned_concurrency_cost_usd",
  "free_tier_credit_usd",
  "total_cost_usd",
  "notes",
] as const;

/** Fixed places, half up: `fixed(dec("0.0115875"), 6)` is "0.011588". */
export function fixed(value: Decimal, places: number): string {
  return roundTo(value, places).toFixed(places);
}

function csvRow(row: ReportRow): string[] {
  return [
    row.month,
    row.accountId,
    row.region,
    row.functionName,
    row.architecture,
    String(row.memoryMb),
    String(row.ephemeralStorageMb),
    row.invocations.toFixed(0),
    // The metric is summed exactly; three places are below its own resolution.
    fixed(row.durationMsSum, 3),
    row.avgDurationMs === null ? "" : fixed(row.avgDurationMs, 3),
    fixed(row.gbSeconds, 6),
    fixed(row.requestCost, 6),
    fixed(row.durationCost, 6),
    fixed(row.ephemeralStorageCost, 6),
    fixed(row.provisionedConcurrencyCost, 6),
    fixed(row.freeTierCredit, 6),
    fixed(row.totalCost, 6),
    row.notes.join("; "),
  ];
}

/** The whole file, header included, "\n" line endings. */
export function renderReportCsv(report: MonthlyReport): string {
  return toCsv([[...REPORT_CSV_HEADER], ...report.rows.map(csvRow)], {
    record_delimiter: "\n",
  });
}

/** The header line alone, then renderReportCsvRows per account: the organisation CSV. */
export function renderReportCsvHeader(): string {
  return toCsv([[...REPORT_CSV_HEADER]], { record_delimiter: "\n" });
}

/** The rows without the header, for appending an account to the organisation CSV. */
export function renderReportCsvRows(report: MonthlyReport): string {
  return report.rows.length === 0 ? "" : toCsv(report.rows.map(csvRow), { record_delimiter: "\n" });
}

/** `lambda-cost-2026-10-org-111122223333.csv`: every function of every account. */
export function organizationReportFileName(month: string, managementAccountId: string): string {
  return `lambda-cost-${month}-org-${managementAccountId}.csv`;
}

/** `lambda-cost-2026-10-123456789012.csv` */
export function reportFileName(month: string, accountId: string): string {
  return `lambda-cost-${month}-${accountId}.csv`;
}
