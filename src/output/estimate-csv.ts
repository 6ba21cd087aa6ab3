/** `estimate --format csv`: a header and one row per cost line, exact decimals (not rounded). */
import { stringify } from "csv-stringify/sync";
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
    line.architecture,
    line.name,
    line.quantity.toFixed(),
    line.unit,
    line.unitPrice.toFixed(),
    line.cost.toFixed(),
    line.freeTierQuantity?.toFixed() ?? "",
  ]);
  return stringify([[...ESTIMATE_CSV_COLUMNS], ...rows]);
}
