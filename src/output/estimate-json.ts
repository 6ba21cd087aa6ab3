/**
 * `estimate --format json`. Money and quantities are JSON numbers written from the exact
 * decimal text (`0.0000166667`, `2.733338`), never through a float, and never rounded.
 */
import type { EstimateReport } from "./estimate-model.js";
import { stringifyExact } from "./exact-json.js";

export function renderEstimateJson(report: EstimateReport): string {
  return `${stringifyExact(report)}\n`;
}
