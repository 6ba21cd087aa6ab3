/**
 * Reads last month's report CSV back (the columns report-csv.ts writes) for the summary's "what
 * changed". Only the columns the comparison needs are kept. A file that is not such a report
 * just means there is nothing to compare with. The CLI reads the file; this reads its text.
 */
import { parse } from "csv-parse/sync";
import { dec } from "../core/money/index.js";
import { formatMonth, parseMonth, previousMonthOf } from "../core/report/month.js";
import { restoreCell } from "./csv.js";
import { reportFileName } from "./report-csv.js";
import type { PreviousReport } from "./report-summary.js";

/** The month before `month` ("YYYY-MM") and the file name its report has. */
export function previousReportName(
  month: string,
  accountId: string,
): { month: string; fileName: string } {
  const previous = formatMonth(previousMonthOf(parseMonth(month)));
  return { month: previous, fileName: reportFileName(previous, accountId) };
}

/** Last month's report from its CSV text (read from `file`), or undefined when it is not one. */
export function parsePreviousReport(
  text: string,
  previous: string,
  file: string,
): PreviousReport | undefined {
  let rows: string[][];
  try {
    // RFC 4180: quoted fields may hold commas, quotes ("") and newlines. A hand-edited file may
    // have short or empty lines; a file that is not CSV at all gives no comparison.
    rows = parse(text, { relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch {
    return undefined;
  }
  const [header, ...records] = rows;
  const column = (name: string) => header?.indexOf(name) ?? -1;
  const [region, name, total] = [
    column("region"),
    column("function_name"),
    column("total_cost_usd"),
  ];
  if (region < 0 || name < 0 || total < 0) return undefined;
  try {
    return {
      month: previous,
      file,
      rows: records
        .filter((r) => r.length > total)
        .map((r) => ({
          region: r[region] ?? "",
          functionName: restoreCell(r[name] ?? ""),
          totalCost: dec(r[total] ?? "0"),
        })),
    };
  } catch {
    // A hand-edited file with a non-number total: no comparison rather than a failed report.
    return undefined;
  }
}
