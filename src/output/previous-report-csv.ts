/**
 * Reads last month's report from the out-dir, if there is one, for the summary's "what
 * changed". Only the columns the comparison needs are kept. A missing or unreadable file just
 * means there is nothing to compare with.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
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

/** The report for the month before `month` in `outDir`, or undefined. */
export async function readPreviousReport(
  outDir: string,
  month: string,
  accountId: string,
): Promise<PreviousReport | undefined> {
  const previous = formatMonth(previousMonthOf(parseMonth(month)));
  const file = join(outDir, reportFileName(previous, accountId));
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return undefined;
  }
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
