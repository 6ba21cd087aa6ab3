/**
 * `estimate --format json`. Money and quantities are JSON numbers written from the exact
 * decimal text (`0.0000166667`, `2.733338`), never through a float, and never rounded.
 */
import { Decimal } from "../core/money/index.js";
import type { EstimateReport } from "./estimate-model.js";

/** Marks a Decimal in JSON.stringify's output so it can be swapped for a bare number. */
const MARK = "\u0000dec:";

export function renderEstimateJson(report: EstimateReport): string {
  const text = JSON.stringify(
    report,
    function replacer(this: unknown, key: string, value: unknown) {
      // JSON.stringify calls toJSON first; read the original Decimal from the holder.
      const original = (this as Record<string, unknown>)[key];
      return original instanceof Decimal ? `${MARK}${original.toFixed()}` : value;
    },
    2,
  );
  return `${text.replace(/"\\u0000dec:(-?\d+(?:\.\d+)?)"/g, "$1")}\n`;
}
