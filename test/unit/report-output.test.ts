import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { dec } from "../../src/core/money/index.js";
import { parsePreviousReport, previousReportName } from "../../src/output/previous-report-csv.js";
import { fixed, renderReportCsv, reportFileName } from "../../src/output/report-csv.js";
import { renderReportJson } from "../../src/output/report-json.js";
import { renderReportSummary } from "../../src/output/report-summary.js";
import { monthlyReport } from "./output-fixtures.js";

const report = monthlyReport();

describe("last month's report read back", () => {
  it("is named after the month before", () => {
    expect(previousReportName("2026-01", "123456789012")).toEqual({
      month: "2025-12",
      fileName: "lambda-cost-2025-12-123456789012.csv",
    });
  });

  it("keeps region, function and total from the CSV the report writes, quoted fields too", () => {
    const back = parsePreviousReport(renderReportCsv(report), "2026-10", "f.csv");
    expect(back?.rows.map((r) => [r.region, r.functionName, r.totalCost.toFixed(6)])).toEqual(
      report.rows.map((r) => [r.region, r.functionName, r.totalCost.toFixed(6)]),
    );
    const text = 'region,function_name,total_cost_usd\nus-east-1,"a,b ""c""\nd",1.5\n\n';
    expect(parsePreviousReport(text, "2026-10", "f.csv")?.rows).toEqual([
      { region: "us-east-1", functionName: 'a,b "c"\nd', totalCost: dec("1.5") },
    ]);
  });

  it("gives no comparison for a file that is not such a report", () => {
    expect(parsePreviousReport('region,"unclosed\n', "2026-10", "f.csv")).toBeUndefined();
    expect(parsePreviousReport("a,b\n1,2\n", "2026-10", "f.csv")).toBeUndefined();
    expect(
      parsePreviousReport("region,function_name,total_cost_usd\nx,y,zz\n", "2026-10", "f.csv"),
    ).toBeUndefined();
  });
});

describe("report renderers", () => {
  it.each([
    ["0.0115875", 6, "0.011588"],
    ["0.0000005", 6, "0.000001"],
    ["0.00000049", 6, "0.000000"],
    ["12", 3, "12.000"],
  ])("fixed(%s, %i) is %s (half up)", (value, places, expected) => {
    expect(fixed(dec(value), places)).toBe(expected);
  });

  it("names the file lambda-cost-<YYYY-MM>-<account>.csv", () => {
    expect(reportFileName("2026-10", "123456789012")).toBe("lambda-cost-2026-10-123456789012.csv");
  });

  it("quotes notes with commas and quotes, and reads back the same fields", () => {
    const csv = renderReportCsv(report);
    const rows = parse(csv) as string[][];
    expect(rows).toHaveLength(3);
    expect(rows[1]?.[3]).toBe("a");
    expect(rows[1]?.[16]).toBe("1.866670");
    expect(rows[2]?.[16]).toBe("0.018667");
    expect(rows[1]?.[17]).toBe(
      "incomplete account: eu-west-1 failed; estimate from CloudWatch: INIT not in Duration; current configuration assumed",
    );
    expect(csv.endsWith("\n")).toBe(true);
    expect(csv).not.toContain("\r");
  });

  it("JSON carries decimals as exact numbers, rounded to 12 places", () => {
    const text = renderReportJson(report);
    const json = JSON.parse(text);
    expect(json.totals.totalCost).toBe(1.8853367);
    expect(text).toContain('"totalCost": 1.8853367');
    expect(json.rows[0].gbSeconds).toBe(100000);
    expect(json.failedRegions[0].message).toBe('boom, "quoted"');
  });

  it("summarises total, top functions, changes and failures", () => {
    const text = renderReportSummary(
      report,
      {
        month: "2026-09",
        file: "x.csv",
        rows: [
          { region: "us-east-1", functionName: "a", totalCost: dec("1.5") },
          { region: "us-east-1", functionName: "gone", totalCost: dec("0.5") },
        ],
      },
      "reports/x.csv",
    );
    // Before 2.00, now 1.8853367: −0.1146633 = −5.7 %.
    // Requests 1,010,000 × 0.0000002 = 0.202; duration 1.66667 + 0.0166667 = 1.6833367.
    expect(text).toContain("Total $1.89: requests $0.20, duration $1.68");
    expect(text).toContain("1. us-east-1/a $1.87\n  2. us-east-1/b $0.02");
    expect(text).toContain("Against 2026-09: $2.00 → $1.89 (-$0.11, -5.7%)");
    expect(text).toContain("us-east-1/gone (gone) -$0.50");
    expect(text).toContain("us-east-1/a +$0.37");
    expect(text).toContain("us-east-1/b (new) +$0.02");
    expect(text).toContain('FAILED: region eu-west-1 is not in this report: boom, "quoted"');
    expect(text).toContain("Written: reports/x.csv");
  });
});
