/**
 * The diff `lambda-cost pricing update` prints before it writes: one line per changed, added or
 * confirmed price (`~`, `+`, `=`), one per region for what the offer files do not give (`!`,
 * kept as it was), then a summary.
 */
import type { PriceChange } from "../core/pricing/price-list/merge-table.js";

export interface PriceListDiffModel {
  changes: PriceChange[];
  unmappedUsageTypes: string[];
  regionsInOffers: number;
  regionsInTable: number;
}

const MARK = {
  changed: "~",
  added: "+",
  confirmed: "=",
  refreshed: "=",
  "new-region": "+",
} as const;

function describe(change: PriceChange): [mark: string, line: string, detail: string] {
  switch (change.kind) {
    case "changed":
    case "added":
      return [MARK[change.kind], change.line, `${change.before} → ${change.after}`];
    case "confirmed":
      return ["=", change.line, `${change.after} (was derived; now read from the offer)`];
    case "refreshed":
      return ["=", "same prices", `as of ${change.before} → ${change.after}`];
    case "new-region":
      return ["+", "new region", change.after ? `(${change.after})` : ""];
    default:
      return ["!", "", ""];
  }
}

/**
 * @example
 * renderPriceListDiff({ changes: [{ region: "us-east-1", kind: "changed", line: "requests",
 *   before: "0.0000002", after: "0.00000021" }], unmappedUsageTypes: [], regionsInOffers: 1, regionsInTable: 1 });
 * // "~ us-east-1  requests  0.0000002 → 0.00000021\n1 price changed; …"
 */
export function renderPriceListDiff(model: PriceListDiffModel): string {
  const rows: [string, string, string, string][] = [];
  const missingByRegion = new Map<string, string[]>();
  for (const change of model.changes) {
    if (change.kind === "missing") {
      const lines = missingByRegion.get(change.region) ?? [];
      missingByRegion.set(change.region, [...lines, change.line]);
    } else if (change.kind === "missing-region") {
      rows.push(["!", change.region, "not in the offer files", "kept as it is"]);
    } else {
      const [mark, line, detail] = describe(change);
      rows.push([mark, change.region, line, detail]);
    }
  }
  for (const [region, lines] of missingByRegion) {
    rows.push(["!", region, "not in the offer files", `kept: ${lines.join(", ")}`]);
  }
  const width = (i: number) => Math.max(0, ...rows.map((row) => row[i]?.length ?? 0));
  const text = rows.map((row) =>
    `${row[0]} ${row[1].padEnd(width(1))}  ${row[2].padEnd(width(2))}  ${row[3]}`.trimEnd(),
  );
  if (model.unmappedUsageTypes.length > 0) {
    text.push(
      `Usage types in the offer files with no line in the table (ignored): ${model.unmappedUsageTypes.join(", ")}`,
    );
  }
  text.push(summary(model, missingByRegion));
  return `${text.join("\n")}\n`;
}

function summary(model: PriceListDiffModel, missingByRegion: Map<string, string[]>): string {
  const count = (kind: PriceChange["kind"]) => model.changes.filter((c) => c.kind === kind).length;
  const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const missingLines = [...missingByRegion.values()].reduce((n, lines) => n + lines.length, 0);
  const parts = [
    `${plural(count("changed"), "price")} changed`,
    `${count("added")} added`,
    `${count("confirmed")} confirmed`,
    plural(count("new-region"), "new region"),
    `${plural(count("missing-region"), "region")} and ${plural(missingLines, "line")} not in the offer files (kept)`,
  ];
  return `Offer files for ${plural(model.regionsInOffers, "region")}, table with ${model.regionsInTable}: ${parts.join(", ")}.`;
}
