/**
 * Provisioned concurrency, INIT, ephemeral storage, multi-region scenarios, caveats and the
 * per-invocation price. Expected figures are worked by hand from the AWS Lambda pricing page's prices.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PricingDataError, UsageError } from "../../src/core/errors.js";
import { formatUsd } from "../../src/core/money/index.js";
import {
  type FunctionUsage,
  parseLambdaPriceTable,
  priceLambda,
  pricePerInvocation,
} from "../../src/core/pricing/index.js";
import { loadLambdaPriceTable } from "../../src/prices/lambda-prices.js";

const table = loadLambdaPriceTable();
const off = { freeTier: false };

function fn(extra: Partial<FunctionUsage>): FunctionUsage {
  return {
    region: "us-east-1",
    architecture: "x86_64",
    memoryMb: 1024,
    monthlyRequests: 0,
    averageDurationMs: 0,
    ...extra,
  };
}

function costs(usages: FunctionUsage[]) {
  const estimate = priceLambda(usages, table, off);
  return {
    lines: estimate.lines.map((l) => [l.name, l.quantity.toFixed(), l.cost.toFixed()]),
    total: estimate.total.toFixed(),
  };
}

describe("provisioned concurrency", () => {
  it("bills the allocation and the PC-served invocations; their requests count as requests", () => {
    const result = costs([
      fn({
        memoryMb: 1536,
        provisioned: {
          concurrency: 10,
          hoursPerMonth: 730,
          requests: 5_000_000,
          averageDurationMs: 100,
        },
      }),
    ]);
    // allocation: 10 × 1.5 GB × 730 h × 3600 s = 39,420,000 GB-s × 0.0000041667 = 164.251314
    // PC duration: 5M × 0.1 s × 1.5 GB = 750,000 GB-s × 0.0000097222 = 7.29165
    // requests: 5M × 0.0000002 = 1; total 172.542964
    expect(result.lines).toEqual([
      ["Requests", "5000000", "1"],
      ["Duration (tier 1)", "0", "0"],
      ["Provisioned concurrency", "39420000", "164.251314"],
      ["Provisioned duration", "750000", "7.29165"],
    ]);
    expect(result.total).toBe("172.542964");
  });

  it("rounds enabled time up to 5-minute increments", () => {
    // 1.01 h = 3636 s → 13 × 300 s = 3900 s; 1 × 1 GB × 3900 = 3900 GB-s × 0.0000041667 = 0.01625013
    const result = costs([
      fn({
        provisioned: { concurrency: 1, hoursPerMonth: 1.01, requests: 0, averageDurationMs: 0 },
      }),
    ]);
    expect(result.lines[2]).toEqual(["Provisioned concurrency", "3900", "0.01625013"]);
  });

  it("uses the arm64 PC prices", () => {
    // 2 × 2 GB × 100 h × 3600 s = 1,440,000 GB-s × 0.0000033334 = 4.800096
    const result = costs([
      fn({
        architecture: "arm64",
        memoryMb: 2048,
        provisioned: { concurrency: 2, hoursPerMonth: 100, requests: 0, averageDurationMs: 0 },
      }),
    ]);
    expect(result.lines[2]).toEqual(["Provisioned concurrency", "1440000", "4.800096"]);
  });

  it("is a PricingDataError where the table has no PC price", () => {
    const usage = fn({
      region: "il-central-1",
      provisioned: { concurrency: 1, hoursPerMonth: 1, requests: 0, averageDurationMs: 0 },
    });
    expect(() => priceLambda([usage], table, off)).toThrow(PricingDataError);
    expect(() => priceLambda([usage], table, off)).toThrow(
      /no provisioned-concurrency price for x86_64 in il-central-1/,
    );
  });
});

describe("INIT of cold starts", () => {
  it("bills cold-start rate × requests × init duration as extra on-demand GB-s", () => {
    const result = costs([
      fn({
        monthlyRequests: 1_000_000,
        averageDurationMs: 100,
        coldStartRate: 0.02,
        initDurationMs: 400,
      }),
    ]);
    // duration 1M × 0.1 s = 100,000 GB-s × 0.0000166667 = 1.66667
    // INIT 1M × 0.02 × 0.4 s = 8,000 GB-s × 0.0000166667 = 0.1333336; requests 0.2
    expect(result.lines).toEqual([
      ["Requests", "1000000", "0.2"],
      ["Duration (tier 1)", "100000", "1.66667"],
      ["INIT duration (tier 1)", "8000", "0.1333336"],
    ]);
    expect(result.total).toBe("2.0000036");
  });
});

describe("ephemeral storage", () => {
  it("bills (MB − 512)/1024 GB over the seconds of every invocation, on-demand, INIT and PC-served", () => {
    const result = costs([
      fn({
        monthlyRequests: 1_000_000,
        averageDurationMs: 100,
        coldStartRate: 0.1,
        initDurationMs: 500,
        ephemeralStorageMb: 1536,
        provisioned: {
          concurrency: 1,
          hoursPerMonth: 0,
          requests: 1_000_000,
          averageDurationMs: 200,
        },
      }),
    ]);
    // seconds: 100,000 + 50,000 (INIT) + 200,000 (PC) = 350,000 × 1 GB × 0.0000000309 = 0.010815
    expect(result.lines.at(-1)).toEqual(["Ephemeral storage", "350000", "0.010815"]);
  });
  it("bills nothing at the included 512 MB", () => {
    const result = costs([
      fn({ monthlyRequests: 10, averageDurationMs: 10, ephemeralStorageMb: 512 }),
    ]);
    expect(result.lines.map((l) => l[0])).toEqual(["Requests", "Duration (tier 1)"]);
  });
});

describe("a multi-region, two-architecture scenario", () => {
  it("prices each function with its region's prices and sums one bill", () => {
    const estimate = priceLambda(
      [
        fn({ name: "api", monthlyRequests: 2_000_000, averageDurationMs: 50 }),
        fn({
          name: "hk",
          region: "ap-east-1",
          architecture: "arm64",
          memoryMb: 2048,
          monthlyRequests: 1_000_000,
          averageDurationMs: 250,
        }),
        fn({
          name: "eu",
          region: "eu-west-1",
          provisioned: { concurrency: 1, hoursPerMonth: 10, requests: 0, averageDurationMs: 0 },
        }),
      ],
      table,
      off,
    );
    // api: 2M × 0.0000002 = 0.4; 100,000 GB-s × 0.0000166667 = 1.66667
    // hk: 1M × 0.00000028 = 0.28; 1M × 0.25 s × 2 GB = 500,000 GB-s × 0.0000183 = 9.15
    // eu: PC 1 GB × 36,000 s × 0.000004646 = 0.167256
    // total 0.4 + 1.66667 + 0.28 + 9.15 + 0.167256 = 11.663926
    expect(estimate.total.toFixed()).toBe("11.663926");
    expect(formatUsd(estimate.total)).toBe("$11.66");
    expect(new Set(estimate.lines.map((l) => l.functionName))).toEqual(
      new Set(["api", "hk", "eu"]),
    );
    expect(estimate.caveats).toEqual([]);
  });
});

describe("caveats", () => {
  it("names a derived tier price only when it is used", () => {
    const tier1Only = priceLambda(
      [fn({ region: "eu-west-1", monthlyRequests: 1000, averageDurationMs: 1000 })],
      table,
      off,
    );
    expect(tier1Only.caveats).toEqual([]);
    const tier2 = priceLambda(
      [fn({ region: "eu-west-1", monthlyRequests: 7e9, averageDurationMs: 1000 })],
      table,
      off,
    );
    expect(tier2.caveats).toEqual([
      "eu-west-1 x86_64 duration tier 2 price (0.000015/GB-s) is derived from tier 1, not read from an AWS source",
    ]);
  });
  it("carries a partial region's note", () => {
    const estimate = priceLambda(
      [fn({ region: "ca-west-1", monthlyRequests: 1, averageDurationMs: 1 })],
      table,
      off,
    );
    expect(estimate.caveats).toHaveLength(1);
    expect(estimate.caveats[0]).toMatch(/^Partial price data for ca-west-1/);
  });
  it("refuses an architecture the region has no prices for", () => {
    // No shipped region lacks arm64 any more (four are derived); a table where one does.
    const raw = JSON.parse(
      readFileSync(new URL("../../pricing/lambda.json", import.meta.url), "utf8"),
    );
    raw.regions["ca-west-1"].architectures.arm64.durationTiers = null;
    const usage = fn({ region: "ca-west-1", architecture: "arm64" });
    expect(() => priceLambda([usage], parseLambdaPriceTable(raw), off)).toThrow(
      /no arm64 prices for ca-west-1/,
    );
  });
});

describe("usage validation", () => {
  it.each([
    [{ memoryMb: 127 }, /memoryMb must be a whole number from 128 to 10240; got 127/],
    [{ memoryMb: 1536.5 }, /memoryMb must be a whole number/],
    [{ ephemeralStorageMb: 10241 }, /ephemeralStorageMb must be a whole number from 512 to 10240/],
    [
      { monthlyRequests: -1 },
      /monthlyRequests must be a whole number from 0 to 3000000000000000; got -1/,
    ],
    [{ monthlyRequests: 0.5 }, /monthlyRequests must be a whole number/],
    [{ monthlyRequests: 1e300 }, /monthlyRequests must be a whole number from 0 to/],
    [
      { averageDurationMs: Number.NaN },
      /averageDurationMs must be a number of ms from 0 to 900000/,
    ],
    [
      { monthlyRequests: 1, averageDurationMs: 0 },
      /averageDurationMs must be a number of ms from 1 to 900000; got 0/,
    ],
    [{ averageDurationMs: 900_001 }, /averageDurationMs must be a number of ms from 0 to 900000/],
    [{ coldStartRate: 1.5, initDurationMs: 1 }, /coldStartRate must be a number from 0 to 1/],
    [{ coldStartRate: 0.1 }, /initDurationMs must be given with coldStartRate/],
    [
      { coldStartRate: 0.1, initDurationMs: 10_001 },
      /initDurationMs must be a number of ms from 0 to 10000; got 10001/,
    ],
    [
      { region: "mars-1" },
      /"mars-1" is not a region in the price table; use one of the 30 priced region codes/,
    ],
    [{ architecture: "sparc" as never }, /architecture must be one of x86_64, arm64/],
  ])("%o", (extra, message) => {
    expect(() => priceLambda([fn(extra)], table, off)).toThrow(UsageError);
    expect(() => priceLambda([fn(extra)], table, off)).toThrow(message);
  });
});

describe("pricePerInvocation", () => {
  it.each([
    // 0.0000002 + 0.1 s × 1 GB × 0.0000166667 = 0.00000186667
    [{ memoryMb: 1024, billedDurationMs: 100 }, "0.00000186667"],
    // arm64: 0.0000002 + 0.25 s × 2 GB × 0.0000133334 (0.0000066667)
    //   + storage 0.5 GB × 0.25 s × 0.0000000309 (0.0000000038625) = 0.0000068705625
    [
      {
        architecture: "arm64" as const,
        memoryMb: 2048,
        billedDurationMs: 250,
        ephemeralStorageMb: 1024,
      },
      "0.0000068705625",
    ],
    // af-south-1: 0.00000027 + 1 s × 0.125 GB × 0.0000221 = 0.0000030325
    [{ region: "af-south-1", memoryMb: 128, billedDurationMs: 1000 }, "0.0000030325"],
  ])("%o → %s", (input, expected) => {
    const price = pricePerInvocation(table, {
      region: "us-east-1",
      architecture: "x86_64",
      ...input,
    });
    expect(price.toFixed()).toBe(expected);
  });
  it("rejects a negative billed duration", () => {
    expect(() =>
      pricePerInvocation(table, {
        region: "us-east-1",
        architecture: "x86_64",
        memoryMb: 128,
        billedDurationMs: -1,
      }),
    ).toThrow(UsageError);
  });
});
