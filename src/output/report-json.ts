/**
 * The report model as JSON, the stable contract: every Decimal is a JSON number written with its
 * exact decimal digits (the convention of every command's JSON, see exact-json.ts), rounded to
 * 12 places: CloudWatch sums arrive as doubles, and digits past that are float noise.
 */
import type { MonthlyReport } from "../core/report/types.js";
import { stringifyExact } from "./exact-json.js";

/** Two-space indented, with a final newline. */
export function renderReportJson(report: MonthlyReport): string {
  return `${stringifyExact(report, { places: 12 })}\n`;
}
