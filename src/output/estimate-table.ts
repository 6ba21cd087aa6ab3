/**
 * `estimate --format table` (the default): cost lines for people, costs rounded to cents,
 * quantities with thousands separators, fitted to the terminal's width (text-table.ts).
 */
import { formatCount, formatUsd } from "../core/money/index.js";
import { type EstimateReport, lineOwner, reportArchitecture } from "./estimate-model.js";
import type { RenderOptions } from "./format.js";
import { type Column, renderTable, wrapProse } from "./text-table.js";

export function renderEstimateTable(report: EstimateReport, options: RenderOptions = {}): string {
  const multi = report.lines.some((l) => l.function !== undefined);
  const columns: Column[] = [
    // One cell for function, region and arch: it wraps on a narrow terminal, and it keeps
    // naming the row when the table is split.
    ...(multi ? [{ head: "Function (region, arch)" }] : []),
    { head: "Line" },
    { head: "Quantity", align: "right" },
    { head: "Unit" },
    { head: "Unit price", align: "right" },
    { head: "Cost", align: "right" },
  ];
  const rows = report.lines.map((line) => {
    const free = line.freeTierQuantity ? ` (+${formatCount(line.freeTierQuantity)} free)` : "";
    return [
      ...(multi ? [lineOwner(line)] : []),
      line.name,
      `${formatCount(line.quantity)}${free}`,
      line.unit,
      `$${line.unitPrice.toFixed()}`,
      formatUsd(line.cost),
    ];
  });
  rows.push(["Total (per month)", ...columns.slice(2).map(() => ""), formatUsd(report.total)]);

  const { assumptions: a } = report;
  const where = multi
    ? report.regions.join(", ")
    : `${report.region}, ${reportArchitecture(report)}`;
  const out = [
    `Lambda estimate: ${where}; prices as of ${report.priceTableAsOf} (USD)`,
    renderTable(columns, rows, { maxWidth: options.maxWidth, totalRow: true }),
  ];
  const { requests, gbSeconds } = a.freeTierUsed;
  out.push(
    !a.freeTier
      ? "Free tier not applied (--no-free-tier)."
      : requests.isZero() && gbSeconds.isZero()
        ? "Free tier on, but nothing here is covered by it (it never covers Lambda@Edge, Managed Instances or the other lines)."
        : `Free tier applied once for the account: ${formatCount(requests)} requests and ${formatCount(gbSeconds)} GB-s taken off (--no-free-tier if your account already uses it).`,
  );
  for (const caveat of a.caveats) out.push(`Caveat: ${caveat}`);
  return `${wrapProse(out.join("\n"), options.maxWidth ?? Number.POSITIVE_INFINITY)}\n`;
}
