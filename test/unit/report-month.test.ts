import { describe, expect, it } from "vitest";
import {
  daysInMonth,
  formatMonth,
  hoursInMonth,
  lastCompleteMonth,
  parseMonth,
  resolveReportMonth,
} from "../../src/core/report/month.js";

describe("report months (UTC)", () => {
  it.each([
    ["2026-10", 31, 744],
    ["2026-11", 30, 720],
    ["2026-02", 28, 672],
    ["2028-02", 29, 696],
    ["2026-12", 31, 744],
  ])("%s has %i days and %i hours", (text, days, hours) => {
    expect(daysInMonth(parseMonth(text))).toBe(days);
    expect(hoursInMonth(parseMonth(text))).toBe(hours);
  });

  it.each([
    // At the first instant of a month, the month before it is complete.
    ["2026-11-01T00:00:00.000Z", "2026-10"],
    ["2026-10-31T23:59:59.999Z", "2026-09"],
    ["2027-01-01T00:00:00.000Z", "2026-12"],
    ["2026-12-31T23:59:59.999Z", "2026-11"],
    ["2026-01-15T12:00:00.000Z", "2025-12"],
  ])("previous at %s is %s", (now, expected) => {
    expect(formatMonth(lastCompleteMonth(new Date(now)))).toBe(expected);
    expect(formatMonth(resolveReportMonth("previous", new Date(now)))).toBe(expected);
    expect(formatMonth(resolveReportMonth(undefined, new Date(now)))).toBe(expected);
  });

  it.each(["2026-13", "2026-00", "26-10", "2026-1", "october", "2013-05", ""])(
    "refuses %j with a one-line message",
    (text) => {
      expect(() => parseMonth(text)).toThrow(/is not a month; use YYYY-MM/);
    },
  );

  it("refuses the running month and future months", () => {
    const now = new Date("2026-11-26T08:00:00Z");
    expect(() => resolveReportMonth("2026-11", now)).toThrow(/has not ended yet.*up to 2026-10/);
    expect(() => resolveReportMonth("2027-01", now)).toThrow(/has not ended yet/);
    expect(formatMonth(resolveReportMonth("2026-10", now))).toBe("2026-10");
  });

  it("refuses a month whose metrics CloudWatch has dropped (older than 455 days)", () => {
    const now = new Date("2026-11-26T08:00:00Z");
    // 455 days before is 2025-08-28: August 2025 started before it, September 2025 after.
    expect(() => resolveReportMonth("2025-08", now)).toThrow(/older than CloudWatch's 455-day/);
    expect(formatMonth(resolveReportMonth("2025-09", now))).toBe("2025-09");
  });
});
