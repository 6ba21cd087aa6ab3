/** `estimate --format csv`: a header and one row per cost line, exact decimals (not rounded). */
import { toCsv } from "./csv.js";
import type { EstimateReport } from "./estimate-model.js";

export const ESTIMATE_CSV_COLUMNS = [
  "function",
  "region",
  "architecture",
  "name",
  "quantity",
  "unit",
  "unitPrice",
  "cost",
  "freeTierQuantity",
] as const;

export function renderEstimateCsv(report: EstimateReport): string {
  const rows = report.lines.map((line) => [
    line.function ?? "",
    line.region,
    line.architecture ?? "",
    line.name,
    line.quantity.toFixed(),
    line.unit,
    line.unitPrice.toFixed(),
    line.cost.toFixed(),
    line.freeTierQuantity?.toFixed() ?? "",
  ]);
  return toCsv([[...ESTIMATE_CSV_COLUMNS], ...rows]);
}
