/**
 * Reads last month's report CSV back (the columns report-csv.ts writes) for the summary's "what
 * changed". Only the columns the comparison needs are kept. A file that is not such a report
 * just means there is nothing to compare with. The CLI reads the file; this reads its text.
 */
import { dec } from "../core/money/index.js";
import { formatMonth, parseMonth, previousMonthOf } from "../core/report/month.js";
import { restoreCell } from "./csv.js";
import { reportFileName } from "./report-csv.js";
import type { PreviousReport } from "./report-summary.js";

/** RFC 4180 records: quoted fields may hold commas, quotes ("") and newlines. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      record.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i += 1;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || record.length > 0) records.push([...record, field]);
  return records;
}

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
  const [header, ...records] = parseCsv(text);
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
