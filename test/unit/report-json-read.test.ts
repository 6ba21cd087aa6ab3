/**
 * Reading a report JSON back for `report --merge`: a file that is not one of ours is refused
 * with one line naming the field (the words of src/core/validation/zod-issues.ts).
 */
import { describe, expect, it } from "vitest";
import { parseReportJson } from "../../src/output/report-json-read.js";

const row = {
  region: "us-east-1",
  functionName: "api",
  architecture: "x86_64",
  memoryMb: 1024,
  ephemeralStorageMb: 512,
  invocations: 3,
  durationMsSum: 360,
  provisionedInvocations: 0,
};
const report = { month: "2026-10", accountId: "111122223333", regions: ["us-east-1"], rows: [row] };
const HINT = "; give a report written by report --format json";

describe("parseReportJson", () => {
  it("reads a report's rows back as the core's inputs", () => {
    const read = parseReportJson(JSON.stringify(report), "r.json");
    expect(read).toMatchObject({ month: "2026-10", accountId: "111122223333", failedRegions: [] });
    expect(read.inputs[0]?.durationMsSum.toString()).toBe("360");
    expect(read.inputs[0]?.provisionedConcurrency).toBe(0);
  });

  it.each([
    [{ ...report, month: "2026-13" }, 'month must be YYYY-MM (got "2026-13")'],
    [{ ...report, accountId: 42 }, "accountId must be a string (got 42)"],
    [{ ...report, accountId: "42" }, 'accountId must be 12 digits (got "42")'],
    [
      { ...report, rows: [row, { ...row, memoryMb: 64 }] },
      "rows[1].memoryMb must be at least 128 (got 64)",
    ],
    [
      { ...report, rows: [{ ...row, architecture: "arm" }] },
      'rows[0].architecture must be one of "x86_64", "arm64" (got "arm"); did you mean "arm64"?',
    ],
    [
      { ...report, rows: [{ ...row, region: "US-EAST-1" }] },
      'rows[0].region must be a region code such as us-east-1 (got "US-EAST-1")',
    ],
    [
      { ...report, rows: [{ ...row, invocations: -1 }] },
      "rows[0].invocations must be at least 0 (got -1)",
    ],
    [
      { ...report, regions: ["\u001b[2J"] },
      'regions[0] must be a region code such as us-east-1 (got "\\u001b[2J")',
    ],
    [
      { ...report, failedRegions: [{ region: "mars-1x", message: "x" }] },
      'failedRegions[0].region must be a region code such as us-east-1 (got "mars-1x")',
    ],
    [{ ...report, rows: undefined }, "rows must be an array (missing)"],
    [[], "(top level) must be an object (got [])"],
  ])("%j", (value, line) => {
    expect(() => parseReportJson(JSON.stringify(value), "r.json")).toThrow(
      `r.json: ${line}${HINT}`,
    );
  });

  it("escapes control characters of a failure's message, which the merge's summary prints", () => {
    const failedRegions = [{ region: "eu-west-1", message: "\u001b[2Jboom\nnext \u202e" }];
    const read = parseReportJson(JSON.stringify({ ...report, failedRegions }), "r.json");
    expect(read.failedRegions).toEqual([
      { region: "eu-west-1", message: "\\u001b[2Jboom\\u000anext \\u202e" },
    ]);
  });

  it("says when the file is not JSON", () => {
    expect(() => parseReportJson("{", "r.json")).toThrow(
      /^r\.json: is not JSON \(.*\); give a report/,
    );
  });
});
