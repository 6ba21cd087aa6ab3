/** The report as a terminal table: one line per function, dollars to cents. */
import Table from "cli-table3";
import { formatUsd } from "../core/money/index.js";
import type { MonthlyReport } from "../core/report/types.js";
import { fixed } from "./report-csv.js";

export function renderReportTable(report: MonthlyReport): string {
  const table = new Table({
    head: [
      "region",
      "function",
      "arch",
      "MB",
      "invocations",
      "GB-s",
      "requests",
      "duration",
      "storage",
      "PC",
      "free tier",
      "total",
    ],
    style: { head: [], border: [] },
  });
  for (const r of report.rows) {
    table.push([
      r.region,
      r.functionName,
      r.architecture,
      String(r.memoryMb),
      r.invocations.toFixed(0),
      fixed(r.gbSeconds, 1),
      formatUsd(r.requestCost),
      formatUsd(r.durationCost),
      formatUsd(r.ephemeralStorageCost),
      formatUsd(r.provisionedConcurrencyCost),
      r.freeTierCredit.isZero() ? "" : `−${formatUsd(r.freeTierCredit)}`,
      formatUsd(r.totalCost),
    ]);
  }
  return `${table.toString()}\n`;
}
