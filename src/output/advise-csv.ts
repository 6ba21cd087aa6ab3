/** The advice as CSV: one row per recommendation, ranked as the table, dollars to 6 places. */
import type { AdviceResult } from "../core/advice/types.js";
import { roundTo } from "../core/money/index.js";
import { toCsv } from "./csv.js";

export const ADVISE_CSV_HEADER = [
  "rank",
  "kind",
  "region",
  "function_name",
  "monthly_saving_lower_usd",
  "monthly_saving_upper_usd",
  "evidence",
  "next_step",
] as const;

export function renderAdviseCsv(result: AdviceResult): string {
  return toCsv([
    [...ADVISE_CSV_HEADER],
    ...result.recommendations.map((r, i) => [
      String(i + 1),
      r.kind,
      r.region,
      r.functionName,
      roundTo(r.monthlySaving.lower, 6).toFixed(6),
      roundTo(r.monthlySaving.upper, 6).toFixed(6),
      r.evidence,
      r.nextStep,
    ]),
  ]);
}
