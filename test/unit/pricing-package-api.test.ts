/** The library API: `import { estimateLambdaCost } from "lambda-cost"` (src/index.ts). */
import { describe, expect, it } from "vitest";
import { loadEc2PriceTable } from "../../src/api/crossover.js";
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

  it("estimateLambdaCost passes the account usage and the EC2 prices through", () => {
    // AWS's Managed Instances example: 2,000 × $0.0457 + 2,000 × $0.1632 × 0.15 + 100M × $0.20/M
    // = 91.40 + 48.96 + 20 = $160.36; plus 800 Kafka EPU-hours × $0.185 = $148.
    const lmi = estimateLambdaCost(
      [
        {
          region: "us-east-1",
          architecture: "arm64",
          memoryMb: 2048,
          monthlyRequests: 100_000_000,
          averageDurationMs: 200,
          managedInstances: { instanceType: "m7g.xlarge", instanceHours: 2000, hourlyUsd: 0.0457 },
        },
      ],
      {
        ec2: loadEc2PriceTable(),
        account: { eventPollers: [{ region: "us-east-1", source: "kafka", epuHours: 800 }] },
      },
    );
    expect(lmi.total.toFixed()).toBe("308.36");
  });

  it("exports the engine pieces", () => {
    expect(typeof priceLambda).toBe("function");
    expect(typeof pricePerInvocation).toBe("function");
    expect(typeof splitIntoTiers).toBe("function");
    expect(Object.keys(loadLambdaPriceTable().regions)).toContain("eu-west-1");
  });
});
