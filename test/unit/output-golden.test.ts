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
import { allLinesReport, estimateReport, monthlyReport, tuneResult } from "./output-fixtures.js";

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
    ["estimate-all-lines-table", renderEstimateTable(allLinesReport(), { maxWidth })],
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
    ["estimate-all-lines.csv", () => renderEstimateCsv(allLinesReport())],
    ["estimate-all-lines.json", () => renderEstimateJson(allLinesReport())],
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

  it("estimate, every issue-#11 line: each figure worked out by hand (see allLinesReport)", () => {
    const text = renderEstimateTable(allLinesReport());
    const figures = [
      // ssr: 2,250,000 GB-s − 400,000 free = 1,850,000 × 0.0000166667 = 30.833…; 3M − 1M free
      // requests = $0.40; cache 1.5 GB × 744 h × 3,600 = 4,017,600 GB-s × 0.0000015046 = 6.0449…;
      // restores 30,000 × 1.5 GB = 45,000 GB × 0.0001397998 = 6.29099; streaming 976.5625 GB −
      // 100 free = 876.5625 × 0.008 = 7.0125; logs 100 GB × 0.50 = 50, 50 GB-month × 0.03 = 1.50.
      "$30.83",
      "$0.40",
      "4,017,600",
      "$6.04",
      "$6.29",
      "876.5625 (+100 free)",
      "$7.01",
      "$50.00",
      "$1.50",
      // edge: 10M × 0.0000006 = $6.00; 12,500 GB-s × 0.00005001 = 0.625125.
      "$6.00",
      "$0.63",
      // saas (free tier spent by ssr): 10M × 0.0000002 = $2.00; 20M GB-s × 0.0000166667 =
      // 333.334; 200,000 GB × 0.000166667 = 33.3334.
      "$2.00",
      "$333.33",
      "$33.33",
      // claims (arm64 pool): 2M requests = $0.40; 32M GB-s × 0.0000133334 = 426.6688;
      // 4M operations × 0.000008 = $32; 104 GB × 0.25 = $26; 72.8 GB-month × 0.15 = $10.92.
      "$426.67",
      "$32.00",
      "$26.00",
      "$10.92",
      // api-lmi: 2,000 × 0.0457 = $91.40; 2,000 × 0.1632 × 0.15 = $48.96; 100M × 0.0000002 = $20.
      "$91.40",
      "$48.96",
      "$20.00",
      // event pollers: 8,000 EPU-hours × 0.00925 = $74, an account line.
      "account (us-east-1)",
      "$74.00",
    ];
    for (const figure of figures) expect(text).toContain(figure);
    // 30.8333950 + 0.4 + 6.04492896 + 6.29099100 + 7.0125 + 50 + 1.5 + 6 + 0.625125 + 2
    // + 333.334 + 33.3334 + 0.4 + 426.6688 + 32 + 26 + 10.92 + 91.4 + 48.96 + 20 + 74
    expect(text).toContain("$1,207.72");
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
