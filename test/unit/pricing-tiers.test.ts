/**
 * Duration tiers: one splitting function, checked just below, at and just above every
 * boundary of both architectures (us-east-1 prices, the AWS Lambda pricing page), and accumulation of
 * tier pools across functions. Expected figures are worked by hand in the comments.
 */
import { describe, expect, it } from "vitest";
import { dec, sum } from "../../src/core/money/index.js";
import {
  type Architecture,
  architecturePrices,
  type FunctionUsage,
  priceLambda,
  splitIntoTiers,
} from "../../src/core/pricing/index.js";
import { loadLambdaPriceTable } from "../../src/prices/lambda-prices.js";

const table = loadLambdaPriceTable();
const x86 = architecturePrices(table, "us-east-1", "x86_64").durationTiers;
const arm = architecturePrices(table, "us-east-1", "arm64").durationTiers;

function shape(quantity: string, tiers = x86, alreadyUsed?: string) {
  const slices = splitIntoTiers(dec(quantity), tiers, alreadyUsed ? dec(alreadyUsed) : undefined);
  return {
    slices: slices.map((s) => [s.tierIndex, s.quantity.toFixed()]),
    cost: sum(slices.map((s) => s.cost)).toFixed(),
  };
}

describe("splitIntoTiers, x86_64 boundaries 6e9 and 15e9 GB-s", () => {
  it.each([
    // 6e9 × 0.0000166667 = 100000.2; minus one GB-s at 0.0000166667
    ["5999999999", [[0, "5999999999"]], "100000.1999833333"],
    ["6000000000", [[0, "6000000000"]], "100000.2"],
    // + one GB-s at tier 2 (0.000015)
    [
      "6000000001",
      [
        [0, "6000000000"],
        [1, "1"],
      ],
      "100000.200015",
    ],
    // 100000.2 + (9e9 − 1) × 0.000015 = 100000.2 + 134999.999985
    [
      "14999999999",
      [
        [0, "6000000000"],
        [1, "8999999999"],
      ],
      "235000.199985",
    ],
    [
      "15000000000",
      [
        [0, "6000000000"],
        [1, "9000000000"],
      ],
      "235000.2",
    ],
    // + one GB-s at tier 3 (0.0000133334)
    [
      "15000000001",
      [
        [0, "6000000000"],
        [1, "9000000000"],
        [2, "1"],
      ],
      "235000.2000133334",
    ],
  ])("%s GB-s", (quantity, slices, cost) => {
    expect(shape(quantity)).toEqual({ slices, cost });
  });
});

describe("splitIntoTiers, arm64 boundaries 7.5e9 and 18.75e9 GB-s", () => {
  it.each([
    // 7.5e9 × 0.0000133334 = 100000.5
    ["7499999999", [[0, "7499999999"]], "100000.4999866666"],
    ["7500000000", [[0, "7500000000"]], "100000.5"],
    [
      "7500000001",
      [
        [0, "7500000000"],
        [1, "1"],
      ],
      "100000.5000120001",
    ],
    // 100000.5 + 11.25e9 × 0.0000120001 (= 135001.125) = 235001.625
    [
      "18749999999",
      [
        [0, "7500000000"],
        [1, "11249999999"],
      ],
      "235001.6249879999",
    ],
    [
      "18750000000",
      [
        [0, "7500000000"],
        [1, "11250000000"],
      ],
      "235001.625",
    ],
    [
      "18750000001",
      [
        [0, "7500000000"],
        [1, "11250000000"],
        [2, "1"],
      ],
      "235001.6250106667",
    ],
  ])("%s GB-s", (quantity, slices, cost) => {
    expect(shape(quantity, arm)).toEqual({ slices, cost });
  });
});

describe("splitIntoTiers with GB-s already used this month", () => {
  it("starts where the pool is: 2e9 after 5e9 is 1e9 in tier 1 and 1e9 in tier 2", () => {
    // 1e9 × 0.0000166667 + 1e9 × 0.000015 = 16666.7 + 15000
    expect(shape("2000000000", x86, "5000000000")).toEqual({
      slices: [
        [0, "1000000000"],
        [1, "1000000000"],
      ],
      cost: "31666.7",
    });
  });
  it("starting exactly on a boundary uses only the next tier", () => {
    expect(shape("10", x86, "6000000000").slices).toEqual([[1, "10"]]);
  });
  it("gives no slices for zero GB-s", () => {
    expect(splitIntoTiers(dec(0), x86)).toEqual([]);
  });
  it("refuses negative quantities", () => {
    expect(() => splitIntoTiers(dec(-1), x86)).toThrow(RangeError);
  });
});

/** n GB-s of on-demand duration: n invocations × 1000 ms × 1024 MB. */
function gbSecondsUsage(region: string, architecture: Architecture, n: number): FunctionUsage {
  return { region, architecture, memoryMb: 1024, monthlyRequests: n, averageDurationMs: 1000 };
}

function durationCost(usages: FunctionUsage[]): string {
  const estimate = priceLambda(usages, table, { freeTier: false });
  return sum(
    estimate.lines.filter((l) => l.name.startsWith("Duration")).map((l) => l.cost),
  ).toFixed();
}

describe("tier pools across a scenario", () => {
  it("two x86 functions in one region share a pool: 4e9 + 4e9 reach tier 2", () => {
    // 6e9 × 0.0000166667 + 2e9 × 0.000015 = 100000.2 + 30000
    const usages = [
      gbSecondsUsage("us-east-1", "x86_64", 4e9),
      gbSecondsUsage("us-east-1", "x86_64", 4e9),
    ];
    expect(durationCost(usages)).toBe("130000.2");
    const second = priceLambda(usages, table, { freeTier: false }).lines.filter(
      (l) => l.name.startsWith("Duration") && l.cost.gt(0),
    );
    expect(second.map((l) => [l.name, l.quantity.toFixed()])).toEqual([
      ["Duration (tier 1)", "4000000000"],
      ["Duration (tier 1)", "2000000000"],
      ["Duration (tier 2)", "2000000000"],
    ]);
  });
  it("regions do not share a pool: 4e9 in us-east-1 and 4e9 in us-west-2 both stay in tier 1", () => {
    // 2 × 4e9 × 0.0000166667 = 2 × 66666.8
    const usages = [
      gbSecondsUsage("us-east-1", "x86_64", 4e9),
      gbSecondsUsage("us-west-2", "x86_64", 4e9),
    ];
    expect(durationCost(usages)).toBe("133333.6");
  });
  it("architectures do not share a pool: 4e9 x86 and 4e9 arm64 both stay in tier 1", () => {
    // 4e9 × 0.0000166667 + 4e9 × 0.0000133334 = 66666.8 + 53333.6
    const usages = [
      gbSecondsUsage("us-east-1", "x86_64", 4e9),
      gbSecondsUsage("us-east-1", "arm64", 4e9),
    ];
    expect(durationCost(usages)).toBe("120000.4");
  });
});

describe("priceLambda at each boundary (one function, no free tier, 1 GB-s per invocation)", () => {
  it.each([
    // Same hand figures as the splitIntoTiers tables above, reached through invocations.
    ["x86_64", 5_999_999_999, "100000.1999833333", 1],
    ["x86_64", 6_000_000_000, "100000.2", 1],
    ["x86_64", 6_000_000_001, "100000.200015", 2],
    ["x86_64", 15_000_000_001, "235000.2000133334", 3],
    ["arm64", 7_499_999_999, "100000.4999866666", 1],
    ["arm64", 7_500_000_000, "100000.5", 1],
    ["arm64", 7_500_000_001, "100000.5000120001", 2],
    ["arm64", 18_750_000_001, "235001.6250106667", 3],
  ] as const)("%s, %d GB-s", (architecture, n, cost, lines) => {
    const estimate = priceLambda([gbSecondsUsage("us-east-1", architecture, n)], table, {
      freeTier: false,
    });
    const duration = estimate.lines.filter((l) => l.name.startsWith("Duration"));
    expect(duration).toHaveLength(lines);
    expect(sum(duration.map((l) => l.cost)).toFixed()).toBe(cost);
    expect(estimate.caveats).toEqual([]); // us-east-1 tiers are read from AWS, not derived
  });
});
