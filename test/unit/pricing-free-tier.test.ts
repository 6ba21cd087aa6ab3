/**
 * The free tier: 1M requests and 400,000 GB-s a month, one pool for the whole account (all
 * regions, both architectures), never PC, PC duration or storage (the AWS Lambda pricing page).
 * Expected figures are worked by hand in the comments.
 */
import { describe, expect, it } from "vitest";
import { formatUsd } from "../../src/core/money/index.js";
import { type FunctionUsage, priceLambda } from "../../src/core/pricing/index.js";
import { loadLambdaPriceTable } from "../../src/prices/lambda-prices.js";

const table = loadLambdaPriceTable();

/** us-east-1 x86_64 at 1024 MB: GB-s = requests × duration s. */
function fn(
  monthlyRequests: number,
  averageDurationMs: number,
  extra: Partial<FunctionUsage> = {},
) {
  return {
    region: "us-east-1",
    architecture: "x86_64",
    memoryMb: 1024,
    monthlyRequests,
    averageDurationMs,
    ...extra,
  } satisfies FunctionUsage;
}

describe("free tier edges (us-east-1 x86_64, 1024 MB)", () => {
  it.each([
    // 1M × 0.4 s = exactly 400,000 GB-s and 1M requests: all free.
    ["exactly the free tier", 1_000_000, 400, "0"],
    // 999,999 requests × 0.4 s = 399,999.6 GB-s: all free.
    ["just under", 999_999, 400, "0"],
    // 1 billable request (0.0000002) + 0.4 GB-s × 0.0000166667 (0.00000666668)
    ["just over", 1_000_001, 400, "0.00000686668"],
    // requests within 1M, but 1M × 0.5 s = 500,000 GB-s: 100,000 × 0.0000166667
    ["duration over, requests at", 1_000_000, 500, "1.66667"],
  ])("%s", (_label, requests, durationMs, total) => {
    const estimate = priceLambda([fn(requests, durationMs)], table, { freeTier: true });
    expect(estimate.total.toFixed()).toBe(total);
  });

  it("off: the same 1M × 400 ms costs 0.2 + 400,000 × 0.0000166667 = 6.86668", () => {
    const estimate = priceLambda([fn(1_000_000, 400)], table, { freeTier: false });
    expect(estimate.total.toFixed()).toBe("6.86668");
    expect(estimate.freeTierApplied).toBe(false);
    expect(estimate.freeTierUsed.requests.toFixed()).toBe("0");
    expect(estimate.lines.every((l) => l.freeTierQuantity === undefined)).toBe(true);
  });

  it("records what it took on the line it reduced", () => {
    const estimate = priceLambda([fn(3_000_000, 120, { memoryMb: 1536 })], table, {
      freeTier: true,
    });
    expect(estimate.lines.map((l) => [l.name, l.freeTierQuantity?.toFixed()])).toEqual([
      ["Requests", "1000000"],
      ["Duration (tier 1)", "400000"],
    ]);
    expect(estimate.freeTierUsed.gbSeconds.toFixed()).toBe("400000");
  });
});

describe("free tier shared once across an account", () => {
  it("spans regions and architectures, in the order the functions are listed", () => {
    const estimate = priceLambda(
      [
        // 600k requests, 600k × 0.2 s × 1 GB = 120,000 GB-s: all free.
        fn(600_000, 200),
        // 600k requests, 600k × 0.5 s × 2 GB = 600,000 GB-s; 400k requests and 280,000 GB-s free.
        fn(600_000, 500, { region: "eu-west-1", architecture: "arm64", memoryMb: 2048 }),
      ],
      table,
      { freeTier: true },
    );
    // 200,000 × 0.0000002 = 0.04; 320,000 × 0.0000133334 (eu-west-1 arm64 tier 1) = 4.266688
    expect(estimate.total.toFixed()).toBe("4.306688");
    expect(formatUsd(estimate.total)).toBe("$4.31");
    expect(
      estimate.lines.map((l) => [l.name, l.quantity.toFixed(), l.freeTierQuantity?.toFixed()]),
    ).toEqual([
      ["Requests", "0", "600000"],
      ["Duration (tier 1)", "0", "120000"],
      ["Requests", "200000", "400000"],
      ["Duration (tier 1)", "320000", "280000"],
    ]);
  });

  it("covers INIT GB-s as on-demand duration", () => {
    // 100k × 1 s = 100,000 GB-s + INIT 100k × 0.5 × 2 s = 100,000 GB-s: 200,000 ≤ 400,000, all free.
    const estimate = priceLambda(
      [fn(100_000, 1000, { coldStartRate: 0.5, initDurationMs: 2000 })],
      table,
      { freeTier: true },
    );
    expect(estimate.total.toFixed()).toBe("0");
    expect(estimate.freeTierUsed.gbSeconds.toFixed()).toBe("200000");
  });

  it("never covers provisioned concurrency, provisioned duration or storage", () => {
    const estimate = priceLambda(
      [
        fn(0, 0, {
          ephemeralStorageMb: 1536,
          provisioned: {
            concurrency: 1,
            hoursPerMonth: 1,
            requests: 1000,
            averageDurationMs: 1000,
          },
        }),
      ],
      table,
      { freeTier: true },
    );
    const cost = Object.fromEntries(estimate.lines.map((l) => [l.name, l.cost.toFixed()]));
    // PC: 1 × 1 GB × 3600 s × 0.0000041667 = 0.01500012
    // PC duration: 1000 × 1 s × 1 GB = 1000 GB-s × 0.0000097222 = 0.0097222
    // storage: 1 GB extra × 1000 s = 1000 GB-s × 0.0000000309 = 0.0000309
    // requests: 1000 PC-served requests, all within the free 1M.
    expect(cost).toEqual({
      Requests: "0",
      "Duration (tier 1)": "0",
      "Provisioned concurrency": "0.01500012",
      "Provisioned duration": "0.0097222",
      "Ephemeral storage": "0.0000309",
    });
    expect(estimate.freeTierUsed.requests.toFixed()).toBe("1000");
    expect(estimate.freeTierUsed.gbSeconds.toFixed()).toBe("0");
  });
});
