/**
 * The report as a terminal table: one line per function, dollars to cents, counts with
 * thousands separators, credits as negative dollars; fitted to the terminal (text-table.ts),
 * region and function repeated when the table has to be split.
 */
import { formatCount, formatUsd, groupDigits, roundTo } from "../core/money/index.js";
import type { MonthlyReport } from "../core/report/types.js";
import type { RenderOptions } from "./format.js";
import { type Column, renderTable } from "./text-table.js";

const COLUMNS: Column[] = [
  { head: "region" },
  { head: "function" },
  { head: "arch" },
  { head: "MB", align: "right" },
  { head: "invocations", align: "right" },
  { head: "GB-s", align: "right" },
  { head: "requests", align: "right" },
  { head: "duration", align: "right" },
  { head: "storage", align: "right" },
  { head: "PC", align: "right" },
  { head: "free tier", align: "right" },
  { head: "total", align: "right" },
];

export function renderReportTable(report: MonthlyReport, options: RenderOptions = {}): string {
  const rows = report.rows.map((r) => [
    r.region,
    r.functionName,
    r.architecture,
    String(r.memoryMb),
    formatCount(r.invocations, 0),
    groupDigits(roundTo(r.gbSeconds, 1).toFixed(1)),
    formatUsd(r.requestCost),
    formatUsd(r.durationCost),
    formatUsd(r.ephemeralStorageCost),
    formatUsd(r.provisionedConcurrencyCost),
    r.freeTierCredit.isZero() ? "" : formatUsd(r.freeTierCredit.negated()),
    formatUsd(r.totalCost),
  ]);
  return `${renderTable(COLUMNS, rows, { maxWidth: options.maxWidth, keyColumns: 2 })}\n`;
}
