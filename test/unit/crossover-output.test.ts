/** The crossover renderers: colour only when asked, the chart's rows line up, CSV is parseable. */
import { describe, expect, it } from "vitest";
import { crossoverWithShippedPrices } from "../../src/data/fargate-ec2-crossover.js";
import { renderCrossoverChart } from "../../src/output/crossover-chart.js";
import { renderCrossoverCsv } from "../../src/output/crossover-csv.js";
import { compactCount, describeBreakEven } from "../../src/output/crossover-format.js";
import { renderCrossoverTable } from "../../src/output/crossover-table.js";
import { ISSUE_EXAMPLE } from "./crossover-fixtures.js";

const result = crossoverWithShippedPrices(ISSUE_EXAMPLE);

describe("crossover chart", () => {
  it("uses colour only when asked", () => {
    expect(renderCrossoverChart(result, true)).toContain("\u001b[");
    expect(renderCrossoverChart(result, false)).not.toContain("\u001b[");
  });

  it("puts one cheapest-letter under each of the 49 points, starting at the first data column", () => {
    const lines = renderCrossoverChart(result, false).split("\n");
    const cheapest = lines.find((l) => l.includes("cheapest "))!;
    const letters = /cheapest ([LFE]+)/.exec(cheapest)![1]!;
    expect(letters).toHaveLength(49);
    // 1M–20M Lambda (free tier, then cents); EC2 at 10B
    expect(letters.startsWith("LLLLLLLLLLLLLLLL")).toBe(true);
    expect(letters.endsWith("E")).toBe(true);
    const ticks = lines.find((l) => /^\s+\|/.test(l))!;
    expect(ticks.indexOf("|")).toBe(cheapest.indexOf(letters));
    // decades are 12 points apart
    expect([...ticks.matchAll(/\|/g)].map((m) => m.index! - ticks.indexOf("|"))).toEqual([
      0, 12, 24, 36, 48,
    ]);
  });
});

describe("formatters", () => {
  it.each([
    [999, "999"],
    [1_500_000, "1.5M"],
    [226_242_690, "226M"],
    [1e10, "10B"],
  ])("compactCount(%d) = %s", (n, text) => {
    expect(compactCount(n)).toBe(text);
  });

  it("describes never, always and from", () => {
    expect(describeBreakEven(result.fargate.breakEven)).toBe("never below 1e12 requests a month");
    expect(describeBreakEven(result.ec2.breakEven)).toBe(
      "226,242,690 requests a month (86.09 rps average) with c7g.large; at every volume from 1,725,781,858 to 10B",
    );
  });
});

describe("table and CSV", () => {
  it("the table marks the cheapest option and lists every assumption", () => {
    const text = renderCrossoverTable({ result, color: false });
    expect(text).toContain("Lambda *");
    for (const a of result.assumptions) expect(text).toContain(`- ${a}`);
  });

  it("CSV rows all have the header's 11 columns", () => {
    const lines = renderCrossoverCsv({ result, color: false }).trim().split("\n");
    // no quoted commas in the volume/sweep rows
    for (const line of lines.filter((l) => /^(volume|sweep),/.test(l))) {
      expect(line.split(",")).toHaveLength(11);
    }
  });
});
