/**
 * CSV formula injection (OWASP): every CSV we write neutralises text cells that a spreadsheet
 * would run as a formula, keeps numbers as numbers, and reads back what it wrote.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { dec } from "../../src/core/money/index.js";
import { buildMonthlyReport } from "../../src/core/report/build-report.js";
import { parseMonth } from "../../src/core/report/month.js";
import { neutralizeCell, restoreCell, toCsv } from "../../src/output/csv.js";
import { renderReportCsv } from "../../src/output/report-csv.js";
import { TEST_PRICE_TABLE } from "./report-price-table.js";

describe("neutralizeCell", () => {
  it.each([
    ["=1+2", "'=1+2"],
    ["+SUM(A1)", "'+SUM(A1)"],
    ["-api", "'-api"],
    ["@cmd", "'@cmd"],
    ["\tx", "'\tx"],
    ["\rx", "'\rx"],
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
  ])("prefixes %j", (cell, expected) => {
    expect(neutralizeCell(cell)).toBe(expected);
    expect(restoreCell(neutralizeCell(cell))).toBe(cell);
  });

  it.each(["-0.25", "-12", "1e-7", "-1.5E+3", "orders", "a=b", ""])(
    "leaves %j as it is",
    (cell) => {
      expect(neutralizeCell(cell)).toBe(cell);
    },
  );
});

describe("toCsv", () => {
  it("quotes a neutralised cell and keeps numbers and booleans", () => {
    expect(toCsv([["=cmd|' /C calc'!A0", -1.5, "-2.25", true]])).toBe(
      `"'=cmd|' /C calc'!A0",-1.5,-2.25,true\n`,
    );
  });

  it("is the only way src writes CSV (every command's CSV is guarded)", () => {
    const importers: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/from "csv-stringify/.test(readFileSync(path, "utf8"))) importers.push(path);
      }
    };
    walk("src");
    expect(importers).toEqual([join("src", "output", "csv.ts")]);
  });

  it("report: a hostile function name is written neutralised and read back intact", () => {
    const names = ["=HYPERLINK(1)", "-api", "@x", "plain"];
    const report = buildMonthlyReport(
      names.map((functionName) => ({
        region: "us-east-1",
        functionName,
        architecture: "x86_64" as const,
        memoryMb: 1024,
        ephemeralStorageMb: 512,
        invocations: dec(10),
        durationMsSum: dec(1000),
        provisionedInvocations: dec(0),
        provisionedConcurrency: 0,
      })),
      TEST_PRICE_TABLE,
      {
        month: parseMonth("2026-10"),
        accountId: "123456789012",
        freeTier: false,
        regions: ["us-east-1"],
        failedRegions: [],
      },
    );
    const rows = (parse(renderReportCsv(report)) as string[][]).slice(1);
    const written = rows.map((row) => row[3]);
    expect(written.sort()).toEqual(["'-api", "'=HYPERLINK(1)", "'@x", "plain"]);
    expect(written.map((cell) => restoreCell(cell ?? "")).sort()).toEqual([...names].sort());
  });
});
