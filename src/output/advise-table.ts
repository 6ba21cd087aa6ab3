/**
 * The advice for people: a heading, the recommendations ranked by their upper saving (a table
 * fitted to the terminal), each one's evidence and next step below it, then the totals, what
 * the scan cost, the notes and any failures.
 */
import {
  type AdviceResult,
  RECOMMENDATION_KINDS,
  type Recommendation,
} from "../core/advice/types.js";
import { formatUsd } from "../core/money/index.js";
import type { RenderOptions } from "./format.js";
import { type Column, renderTable, wrapProse } from "./text-table.js";

const COLUMNS: Column[] = [
  { head: "#", align: "right" },
  { head: "saving a month", align: "right" },
  { head: "kind" },
  { head: "function" },
  { head: "region" },
];

export function savingText(r: Recommendation): string {
  const { lower, upper } = r.monthlySaving;
  if (lower.eq(upper)) return formatUsd(upper);
  return `${formatUsd(lower)}–${formatUsd(upper)}`;
}

export function renderAdviseTable(result: AdviceResult, options: RenderOptions = {}): string {
  const maxWidth = options.maxWidth ?? Number.POSITIVE_INFINITY;
  const prose = (text: string) => (Number.isFinite(maxWidth) ? wrapProse(text, maxWidth) : text);
  const { summary } = result;
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const last = new Date(result.window.end.getTime() - 86_400_000);
  const lines = [
    prose(
      `Advice: ${summary.functionsScanned} function${summary.functionsScanned === 1 ? "" : "s"} in ${result.regions.join(", ")}, ${result.window.days} days ${day(result.window.start)} to ${day(last)} (UTC); prices as of ${result.priceTableAsOf} (USD)`,
    ),
  ];
  if (result.recommendations.length === 0) {
    lines.push("No recommendations: nothing in the window shows waste or risk.");
  } else {
    const rows = result.recommendations.map((r, i) => [
      String(i + 1),
      savingText(r),
      r.kind,
      r.functionName,
      r.region,
    ]);
    lines.push(renderTable(COLUMNS, rows, { maxWidth, keyColumns: 1 }));
    result.recommendations.forEach((r, i) => {
      lines.push(prose(`${i + 1}. ${r.functionName}: ${r.evidence}.`));
      lines.push(prose(`   next: ${r.nextStep}`));
    });
  }
  const counts = RECOMMENDATION_KINDS.filter((k) => summary.recommendationsByKind[k] > 0)
    .map((k) => `${k} ${summary.recommendationsByKind[k]}`)
    .join(", ");
  const total = summary.totalMonthlySaving;
  lines.push(
    prose(
      `Total: ${total.lower.eq(total.upper) ? formatUsd(total.upper) : `${formatUsd(total.lower)}–${formatUsd(total.upper)}`} a month from ${result.recommendations.length} recommendation${result.recommendations.length === 1 ? "" : "s"}${counts ? ` (${counts})` : ""}.`,
    ),
  );
  const gb = (summary.scan.bytesScanned / 1024 ** 3).toFixed(3);
  lines.push(
    prose(
      `Logs Insights scanned ${gb} GB in ${summary.scan.queries} quer${summary.scan.queries === 1 ? "y" : "ies"}: ${formatUsd(summary.scan.cost, 4)}.`,
    ),
  );
  for (const note of result.notes) lines.push(prose(`Note: ${note}`));
  for (const f of result.failures) {
    lines.push(prose(`FAILED (${f.region}, ${f.what}): ${f.message}`));
  }
  return `${lines.join("\n")}\n`;
}
