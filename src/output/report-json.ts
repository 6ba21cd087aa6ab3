/**
 * The report model as JSON, the stable contract: every Decimal becomes a plain decimal string
 * (money and quantities to 12 places, trailing zeros dropped), so no float ever carries a dollar.
 */
import { Decimal } from "../core/money/index.js";
import type { MonthlyReport } from "../core/report/types.js";

function plain(value: Decimal): string {
  return value.toDecimalPlaces(12, Decimal.ROUND_HALF_UP).toFixed();
}

/** JSON.stringify with Decimals as strings; two-space indented. */
export function renderReportJson(report: MonthlyReport): string {
  return `${JSON.stringify(
    report,
    function (this: Record<string, unknown>, key, value) {
      const raw = this[key];
      return raw instanceof Decimal ? plain(raw) : value;
    },
    2,
  )}\n`;
}
