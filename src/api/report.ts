/**
 * `lambda-cost/report`: one calendar month of Lambda usage for an account, read from AWS and
 * priced with the shipped price table. generateMonthlyReport() assembles the SDK adapter and the
 * report service as the CLI's `report` command does; reportMonth() takes any UsageSource.
 * See docs/library.md.
 */
import type { AwsConnection } from "../aws/connection.js";
import { type AwsUsageSourceOptions, createAwsUsageSource } from "../aws/region-month-usage.js";
import type { LambdaPriceTable } from "../core/pricing/types.js";
import type { MonthlyReport } from "../core/report/types.js";
import { loadLambdaPriceTable } from "../prices/lambda-prices.js";
import { type ReportMonthOptions, reportMonth } from "../report/generate.js";

export type { RegionClients } from "../aws/region-month-usage.js";

export interface GenerateMonthlyReportOptions extends Omit<ReportMonthOptions, "priceTable"> {
  /** How to reach AWS (profile, endpoint, credentials); the region is set per region. */
  connection?: Omit<AwsConnection, "region"> | undefined;
  /** Ready SDK clients per region, instead of `connection` (e.g. inside a Lambda handler). */
  clients?: AwsUsageSourceOptions["clients"];
  /** The price table (default: the shipped pricing/lambda.json). */
  priceTable?: LambdaPriceTable | undefined;
}

/**
 * Reads and prices one calendar month of Lambda usage for an account.
 *
 * @example
 * const report = await generateMonthlyReport({ regions: ["us-east-1"], month: "2026-10" });
 * console.log(report.totals.totalCost.toFixed(2), report.rows.length);
 */
export function generateMonthlyReport(
  options: GenerateMonthlyReportOptions,
): Promise<MonthlyReport> {
  const { connection, clients, priceTable, ...rest } = options;
  return reportMonth(
    { ...rest, priceTable: priceTable ?? loadLambdaPriceTable() },
    createAwsUsageSource({ connection, clients }),
  );
}

export { buildMonthlyReport } from "../core/report/build-report.js";
export {
  type CalendarMonth,
  formatMonth,
  hoursInMonth,
  lastCompleteMonth,
  parseMonth,
} from "../core/report/month.js";
export type { RegionMonthUsage, UsageSource } from "../core/report/ports.js";
export type {
  FunctionMonthInput,
  MonthlyReport,
  RegionFailure,
  ReportRow,
  ReportTotals,
  TierPool,
} from "../core/report/types.js";
export { REPORT_CSV_HEADER, renderReportCsv, reportFileName } from "../output/report-csv.js";
export { renderReportJson } from "../output/report-json.js";
export { renderReportSummary } from "../output/report-summary.js";
export { type ReportMonthOptions, reportMonth } from "../report/generate.js";
