/** The crossover renderers: colour only when asked, the chart's rows line up, CSV is parseable. */
import { describe, expect, it } from "vitest";
import { crossoverWithShippedPrices } from "../../src/api/crossover.js";
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
    const letters = /cheapest ([LFEM]+)/.exec(cheapest)![1]!;
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

  it("CSV rows all have the header's 14 columns (the 3 LMI columns after note)", () => {
    const lines = renderCrossoverCsv({ result, color: false }).trim().split("\n");
    expect(lines[0]!.split(",").slice(10)).toEqual([
      "note",
      "managedInstances",
      "managedInstancesType",
      "managedInstancesCount",
    ]);
    // no quoted commas in the volume/sweep/break-even rows
    for (const line of lines.filter((l) => /^(volume|sweep|break-even-\w+),/.test(l))) {
      expect(line.split(",")).toHaveLength(14);
    }
  });

  it("the table shows LMI in the summary, its three bill lines, and a sweep column", () => {
    const text = renderCrossoverTable({ result, color: false });
    const m = result.managedInstances;
    expect(text).toMatch(/│ LMI\s+│ c7g\.large, cheapest of 12, nodejs/);
    // ceil(2.2027 vCPUs / 1 environment) = 3 c7g.large: CPU sets it
    expect(m.instances).toBe(3);
    expect(text).toContain("3 instances (CPU)");
    // 3 × c7g.large: 3 × 730 × 0.0725 = 158.775; fee 23.81625; 50M × $0.20/1M = 10
    expect(text).toContain(
      "LMI c7g.large: instances $158.78 + management fee $23.82 + requests $10.00",
    );
    expect(text).toContain("LMI (instances)");
  });
});
