/** The library API: `import { estimateLambdaCost } from "lambda-cost"` (src/index.ts). */
import { describe, expect, it } from "vitest";
import {
  estimateLambdaCost,
  formatUsd,
  loadLambdaPriceTable,
  priceLambda,
  pricePerInvocation,
  splitIntoTiers,
} from "../../src/index.js";

describe("lambda-cost's exports", () => {
  it("estimateLambdaCost prices with the shipped table, free tier on by default", () => {
    // AWS's mobile-backend example: $2.73 with the free tier, 0.6 + 9.000018 = $9.60 without.
    const usage = {
      region: "us-east-1",
      architecture: "x86_64" as const,
      memoryMb: 1536,
      monthlyRequests: 3_000_000,
      averageDurationMs: 120,
    };
    expect(formatUsd(estimateLambdaCost([usage]).total)).toBe("$2.73");
    expect(estimateLambdaCost([usage], { freeTier: false }).total.toFixed()).toBe("9.600018");
  });

  it("exports the engine pieces", () => {
    expect(typeof priceLambda).toBe("function");
    expect(typeof pricePerInvocation).toBe("function");
    expect(typeof splitIntoTiers).toBe("function");
    expect(Object.keys(loadLambdaPriceTable().regions)).toContain("eu-west-1");
  });
});
