/**
 * Golden files for every renderer of estimate, tune, crossover and report (table at its natural
 * width and at 120 and 80 columns, chart, CSV, JSON), fed from fixed result models. A change in
 * output shows as a diff of test/unit/__golden__/; regenerate on purpose with `npx vitest -u`.
 * Beside each golden file: the widths it promises, and the dollar figures worked out by hand.
 */
import { describe, expect, it } from "vitest";
import { crossoverWithShippedPrices } from "../../src/api/crossover.js";
import { renderCrossoverChart } from "../../src/output/crossover-chart.js";
import { renderCrossoverCsv } from "../../src/output/crossover-csv.js";
import { renderCrossoverJson } from "../../src/output/crossover-json.js";
import { renderCrossoverTable } from "../../src/output/crossover-table.js";
import { renderEstimateCsv } from "../../src/output/estimate-csv.js";
import { renderEstimateJson } from "../../src/output/estimate-json.js";
import { renderEstimateTable } from "../../src/output/estimate-table.js";
import { renderReportCsv } from "../../src/output/report-csv.js";
import { renderReportJson } from "../../src/output/report-json.js";
import { renderReportSummary } from "../../src/output/report-summary.js";
import { renderReportTable } from "../../src/output/report-table.js";
import { renderTuneCharts } from "../../src/output/tune-chart.js";
import { renderTuneCsv } from "../../src/output/tune-csv.js";
import { renderTuneJson } from "../../src/output/tune-json.js";
import { renderTuneTable } from "../../src/output/tune-table.js";
import { ISSUE_EXAMPLE } from "./crossover-fixtures.js";
import { estimateReport, monthlyReport, tuneResult } from "./output-fixtures.js";

const golden = (name: string) => `./__golden__/${name}`;
const widest = (text: string) => Math.max(...text.split("\n").map((l) => [...l].length));
const WIDTHS = [Number.POSITIVE_INFINITY, 120, 80] as const;
const suffix = (w: number) => (Number.isFinite(w) ? `-${w}` : "");

const scenario = estimateReport([
  {
    name: "api",
    region: "us-east-1",
    architecture: "x86_64",
    memoryMb: 1536,
    monthlyRequests: 3_000_000,
    averageDurationMs: 120,
  },
  {
    name: "thumbs",
    region: "eu-west-1",
    architecture: "arm64",
    memoryMb: 512,
    monthlyRequests: 2_000_000,
    averageDurationMs: 300,
    ephemeralStorageMb: 1024,
  },
]);
const crossover = { result: crossoverWithShippedPrices(ISSUE_EXAMPLE), color: false };
// Every region of the price table: the header that was one 460-character line.
const allRegions = monthlyReport(
  Array.from({ length: 30 }, (_, i) => `xx-region-${i + 1}`),
  [],
);

describe.each(WIDTHS)("tables at %s columns", (maxWidth) => {
  const cases: Array<[string, string]> = [
    ["estimate-table", renderEstimateTable(estimateReport(), { maxWidth })],
    ["estimate-scenario-table", renderEstimateTable(scenario, { maxWidth })],
    ["tune-table", renderTuneTable(tuneResult(), { maxWidth })],
    ["crossover-table", renderCrossoverTable(crossover, { maxWidth })],
    ["report-table", renderReportTable(monthlyReport(), { maxWidth })],
    ["report-summary", renderReportSummary(allRegions, undefined, undefined, { maxWidth })],
  ];
  it.each(cases)("%s", async (name, text) => {
    if (Number.isFinite(maxWidth)) expect(widest(text)).toBeLessThanOrEqual(maxWidth);
    await expect(text).toMatchFileSnapshot(golden(`${name}${suffix(maxWidth)}.txt`));
  });
});

describe("charts, CSV and JSON", () => {
  it.each<[string, () => string]>([
    ["tune-chart.txt", () => renderTuneCharts(tuneResult())],
    ["crossover-chart.txt", () => renderCrossoverChart(crossover.result, false)],
    ["estimate.csv", () => renderEstimateCsv(estimateReport())],
    ["estimate.json", () => renderEstimateJson(estimateReport())],
    ["tune.csv", () => renderTuneCsv(tuneResult())],
    ["tune.json", () => renderTuneJson(tuneResult())],
    ["crossover.csv", () => renderCrossoverCsv(crossover)],
    ["crossover.json", () => renderCrossoverJson(crossover)],
    ["report.csv", () => renderReportCsv(monthlyReport())],
    ["report.json", () => renderReportJson(monthlyReport())],
  ])("%s", async (name, render) => {
    await expect(render()).toMatchFileSnapshot(golden(name));
  });
});

describe("the figures in the golden files, by hand", () => {
  it("estimate: $0.40 + $2.33 = $2.73 at every width (README example, see output-fixtures)", () => {
    for (const maxWidth of WIDTHS) {
      const text = renderEstimateTable(estimateReport(), { maxWidth });
      for (const figure of ["$0.40", "$2.33", "$2.73", "2,000,000", "140,000"]) {
        expect(text).toContain(figure);
      }
    }
  });

  it("tune: $3.5333 and $3.2000 per 1M, $35.33 and $32.00 a month, saving $3.33", () => {
    // 512 MB: 0.2 GB-s → $0.0000002 + 0.2 × $0.0000166667 = $0.00000353334 (per 1M $3.53334);
    // 1024 MB: 0.18 GB-s → $0.000003200006 (per 1M $3.200006); × 10M a month.
    const text = renderTuneTable(tuneResult(), { maxWidth: 80 });
    for (const figure of ["$3.5333", "$3.2000", "$35.33", "$32.00", "saving $3.33"]) {
      expect(text).toContain(figure);
    }
    const json = renderTuneJson(tuneResult());
    expect(json).toContain('"costPerMillion": 3.53334,');
    expect(json).toContain('"costPerInvocation": 0.000003200006,');
  });

  it("report: a $1.87, b $0.02, total $1.89, counts with separators, no Unicode minus", () => {
    // a: 0.2 + 100,000 GB-s × 0.0000166667 = 1.86667; b: 0.002 + 0.0166667 = 0.0186667.
    const table = renderReportTable(monthlyReport(), { maxWidth: 80 });
    expect(table).toMatch(/│ us-east-1 │ a +│.*1,000,000 │ +100,000\.0 │/);
    expect(table).toContain("$1.87");
    expect(table).toContain("$0.02");
    expect(renderReportSummary(monthlyReport())).toContain("Total $1.89");
    expect(renderReportSummary(monthlyReport())).not.toContain("−");
  });
});
