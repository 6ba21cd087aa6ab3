/**
 * AWS's own worked examples (the AWS Lambda pricing page, https://aws.amazon.com/lambda/pricing/, "Pricing examples"), priced
 * with the shipped pricing/lambda.json. Every expected figure is AWS's published one; AWS
 * rounds each line to cents, so line costs are compared rounded to cents and the engine's
 * full-precision total must round to the published total.
 */
import { describe, expect, it } from "vitest";
import { formatUsd, sum } from "../../src/core/money/index.js";
import { type FunctionUsage, priceLambda } from "../../src/core/pricing/index.js";
import { loadLambdaPriceTable } from "../../src/prices/lambda-prices.js";

const table = loadLambdaPriceTable();

function usEast1(usage: Partial<FunctionUsage>): FunctionUsage {
  return {
    region: "us-east-1",
    architecture: "x86_64",
    memoryMb: 1024,
    monthlyRequests: 0,
    averageDurationMs: 0,
    ...usage,
  };
}

/** Line costs by name, rounded to cents as AWS prints them. */
function lineCents(estimate: ReturnType<typeof priceLambda>): Record<string, string> {
  return Object.fromEntries(estimate.lines.map((l) => [l.name, formatUsd(l.cost)]));
}

describe("AWS worked examples (us-east-1, x86_64)", () => {
  it("1. mobile backend: 3M × 120 ms × 1536 MB, free tier → $2.73", () => {
    const estimate = priceLambda(
      [usEast1({ memoryMb: 1536, monthlyRequests: 3_000_000, averageDurationMs: 120 })],
      table,
      { freeTier: true },
    );
    // AWS: compute 540,000 − 400,000 = 140,000 GB-s → $2.33; requests 3M − 1M → $0.40.
    expect(lineCents(estimate)).toEqual({ Requests: "$0.40", "Duration (tier 1)": "$2.33" });
    expect(estimate.lines.find((l) => l.name === "Duration (tier 1)")?.quantity.toFixed()).toBe(
      "140000",
    );
    expect(estimate.lines.find((l) => l.name === "Requests")?.quantity.toFixed()).toBe("2000000");
    expect(formatUsd(estimate.total)).toBe("$2.73");
  });

  it("2. streaming telemetry: 7.44M × 2 s × 1024 MB, no free tier → $249.49", () => {
    const estimate = priceLambda(
      [usEast1({ monthlyRequests: 7_440_000, averageDurationMs: 2000 })],
      table,
      { freeTier: false },
    );
    // AWS: requests $1.49; compute 14,880,000 GB-s → $248.00.
    expect(lineCents(estimate)).toEqual({ Requests: "$1.49", "Duration (tier 1)": "$248.00" });
    expect(estimate.lines[1]?.quantity.toFixed()).toBe("14880000");
    expect(formatUsd(estimate.total)).toBe("$249.49");
  });

  it("3. BERT with 2048 MB ephemeral storage: 6M × 280 ms × 4096 MB, free tier → $106.41", () => {
    const estimate = priceLambda(
      [
        usEast1({
          memoryMb: 4096,
          monthlyRequests: 6_000_000,
          averageDurationMs: 280,
          ephemeralStorageMb: 2048,
        }),
      ],
      table,
      { freeTier: true },
    );
    // AWS: compute 6,720,000 − 400,000 GB-s → $105.33; requests 5M → $1.00;
    // storage 1.5 GB × 1,680,000 s = 2,520,000 GB-s → $0.08.
    expect(lineCents(estimate)).toEqual({
      Requests: "$1.00",
      "Duration (tier 1)": "$105.33",
      "Ephemeral storage": "$0.08",
    });
    expect(estimate.lines[2]?.quantity.toFixed()).toBe("2520000");
    expect(formatUsd(estimate.total)).toBe("$106.41");
  });

  it("4. 1 ms billing: 60M × 28 ms × 1024 MB, no free tier → requests $12.00 + duration $28.00", () => {
    const estimate = priceLambda(
      [usEast1({ monthlyRequests: 60_000_000, averageDurationMs: 28 })],
      table,
      { freeTier: false },
    );
    expect(lineCents(estimate)).toEqual({ Requests: "$12.00", "Duration (tier 1)": "$28.00" });
    expect(formatUsd(estimate.total)).toBe("$40.00");
    // The same calls rounded up to 100 ms cost $100 of duration (AWS News Blog, 2020-12-01).
    const old = priceLambda(
      [usEast1({ monthlyRequests: 60_000_000, averageDurationMs: 100 })],
      table,
      { freeTier: false },
    );
    expect(formatUsd(old.lines[1]!.cost)).toBe("$100.00");
  });

  it.each([
    // AWS: x86 20e9 GB-s → $301,667.20; arm64 20e9 GB-s → $248,335.00.
    ["x86_64", "$301,667.20", 3],
    ["arm64", "$248,335.00", 3],
  ] as const)("5. tiers: 20e9 GB-s of %s, no free tier → %s", (architecture, published, tiers) => {
    // 20e9 GB-s = 40e6 invocations × 500 s × 1 GB (an invocation stops at 900 s; no request
    // charge counted by AWS here, so the duration lines alone are compared).
    const estimate = priceLambda(
      [usEast1({ architecture, monthlyRequests: 40_000_000, averageDurationMs: 500_000 })],
      table,
      { freeTier: false },
    );
    const duration = estimate.lines.filter((l) => l.name.startsWith("Duration"));
    expect(duration).toHaveLength(tiers);
    expect(formatUsd(sum(duration.map((l) => l.cost)))).toBe(published);
  });
});
