/**
 * `estimate --format table` (the default): cost lines for people, costs rounded to cents.
 *
 * Drawn here rather than with cli-table3: loading and running cli-table3 (with @colors/colors
 * and string-width) took estimate from 1.38× to 1.63× the start-up of bare node, over the
 * 1.5× budget (npm run bench:startup). Every cell here is plain text, so twenty lines do.
 */
import { type Decimal, formatUsd } from "../core/money/index.js";
import type { EstimateReport } from "./estimate-model.js";

type Align = "left" | "right";

/** 2000000 → "2,000,000"; 0.4 → "0.4"; up to 4 decimals, trailing zeros dropped. */
export function formatQuantity(value: Decimal): string {
  const [whole = "0", fraction = ""] = value.toDecimalPlaces(4).toFixed().split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction ? `${grouped}.${fraction}` : grouped;
}

const width = (text: string) => [...text].length;

/** A box-drawn table in cli-table3's default look, with a rule under the head and above the last row. */
export function boxTable(head: string[], rows: string[][], aligns: Align[]): string {
  const widths = head.map((h, c) => Math.max(width(h), ...rows.map((r) => width(r[c] ?? ""))));
  const rule = (left: string, mid: string, right: string) =>
    `${left}${widths.map((w) => "─".repeat(w + 2)).join(mid)}${right}`;
  const row = (cells: string[]) =>
    `│${cells
      .map((cell, c) => {
        const pad = " ".repeat((widths[c] ?? 0) - width(cell));
        return aligns[c] === "right" ? ` ${pad}${cell} ` : ` ${cell}${pad} `;
      })
      .join("│")}│`;
  const body = rows.map(row);
  const last = body.pop();
  return [
    rule("┌", "┬", "┐"),
    row(head),
    rule("├", "┼", "┤"),
    ...body,
    ...(last === undefined ? [] : [rule("├", "┼", "┤"), last]),
    rule("└", "┴", "┘"),
  ].join("\n");
}

export function renderEstimateTable(report: EstimateReport): string {
  const multi = report.lines.some((l) => l.function !== undefined);
  const head = [
    ...(multi ? ["Function", "Region", "Arch"] : []),
    "Line",
    "Quantity",
    "Unit",
    "Unit price",
    "Cost",
  ];
  const aligns: Align[] = [
    ...(multi ? (["left", "left", "left"] as const) : []),
    ...(["left", "right", "left", "right", "right"] as const),
  ];
  const rows = report.lines.map((line) => {
    const free = line.freeTierQuantity ? ` (+${formatQuantity(line.freeTierQuantity)} free)` : "";
    return [
      ...(multi ? [line.function ?? "", line.region, line.architecture] : []),
      line.name,
      `${formatQuantity(line.quantity)}${free}`,
      line.unit,
      `$${line.unitPrice.toFixed()}`,
      formatUsd(line.cost),
    ];
  });
  rows.push(["Total (per month)", ...head.slice(2).map(() => ""), formatUsd(report.total)]);

  const { assumptions: a } = report;
  const where = multi
    ? report.regions.join(", ")
    : `${report.region}, ${report.lines[0]?.architecture ?? ""}`;
  const out = [
    `Lambda estimate: ${where}; prices as of ${report.priceTableAsOf} (USD)`,
    boxTable(head, rows, aligns),
  ];
  out.push(
    a.freeTier
      ? `Free tier applied once for the account: ${formatQuantity(a.freeTierUsed.requests)} requests and ${formatQuantity(a.freeTierUsed.gbSeconds)} GB-s taken off (--no-free-tier if your account already uses it).`
      : "Free tier not applied (--no-free-tier).",
  );
  for (const caveat of a.caveats) out.push(`Caveat: ${caveat}`);
  return `${out.join("\n")}\n`;
}
