/**
 * The report model as JSON, the stable contract: every Decimal is a JSON number written with its
 * decimal digits (the convention of every command's JSON, see exact-json.ts). CloudWatch sums
 * arrive as doubles whose last digits are float noise (a Duration sum of 5108999999.99999997 ms),
 * so figures derived from them are rounded half up to a documented precision (docs/cli.md):
 * milliseconds to 3 places, GB-seconds to 6, dollars and rates to 12.
 */
import type { MonthlyReport } from "../core/report/types.js";
import { stringifyExact } from "./exact-json.js";

export const REPORT_JSON_PLACES = { ms: 3, gbSeconds: 6, other: 12 } as const;

/** The places a report field is rounded to, by its key. */
export function reportPlaces(key: string): number {
  if (/Ms(Sum|Estimate)?$/.test(key)) return REPORT_JSON_PLACES.ms;
  if (/^(\w+G|g)bSeconds$/.test(key)) return REPORT_JSON_PLACES.gbSeconds;
  return REPORT_JSON_PLACES.other;
}

/** Two-space indented, with a final newline. */
export function renderReportJson(report: MonthlyReport): string {
  return `${stringifyExact(report, { places: reportPlaces })}\n`;
}
