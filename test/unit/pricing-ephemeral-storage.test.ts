/**
 * The one ephemeral-storage rule (src/core/pricing/ephemeral-storage.ts) and the three places
 * that bill it: estimate (priceLambda), tune (pricePerInvocation) and report (functionQuantities).
 * Figures worked by hand: GB = 1024 MB, the first 512 MB free.
 */
import { describe, expect, it } from "vitest";
import { dec } from "../../src/core/money/index.js";
import {
  billedEphemeralStorageMb,
  ephemeralStorageGbSeconds,
} from "../../src/core/pricing/ephemeral-storage.js";
import { pricePerInvocation } from "../../src/core/pricing/per-invocation.js";
import { functionQuantities } from "../../src/core/report/usage.js";
import { loadLambdaPriceTable } from "../../src/prices/lambda-prices.js";

const table = loadLambdaPriceTable();

describe("ephemeral storage above 512 MB", () => {
  it("bills only the part above the included 512 MB", () => {
    expect(billedEphemeralStorageMb(undefined)).toBe(0);
    expect(billedEphemeralStorageMb(512)).toBe(0);
    expect(billedEphemeralStorageMb(10_240)).toBe(9728);
    // (2048 − 512) / 1024 = 1.5 GB × 100 s = 150 GB-s
    expect(ephemeralStorageGbSeconds(2048, dec(100)).toFixed()).toBe("150");
    expect(ephemeralStorageGbSeconds(512, dec(100)).toFixed()).toBe("0");
  });

  it("tune's price of one invocation adds it: 1024 MB /tmp, 1024 MB memory, 1,000 ms billed", () => {
    const base = { region: "us-east-1", architecture: "x86_64", memoryMb: 1024 } as const;
    const plain = pricePerInvocation(table, { ...base, billedDurationMs: 1000 });
    const withStorage = pricePerInvocation(table, {
      ...base,
      billedDurationMs: 1000,
      ephemeralStorageMb: 1024,
    });
    // 0.5 GB × 1 s = 0.5 GB-s × $0.0000000309 (us-east-1 x86_64) = $0.00000001545
    const x86 = table.regions["us-east-1"]?.architectures.x86_64;
    expect(x86?.ephemeralStoragePerGbSecond?.toFixed()).toBe("0.0000000309");
    expect(withStorage.minus(plain).toFixed()).toBe("0.00000001545");
  });

  it("report's month uses it on the estimated billed seconds", () => {
    const q = functionQuantities(
      {
        region: "us-east-1",
        functionName: "f",
        architecture: "x86_64",
        memoryMb: 1024,
        ephemeralStorageMb: 1536,
        // 1,000 invocations, Sum(Duration) 99,500 ms → billed 99,500 + 500 = 100,000 ms = 100 s
        invocations: dec(1000),
        durationMsSum: dec(99_500),
        provisionedInvocations: dec(0),
        provisionedConcurrency: 0,
      },
      720,
    );
    // (1536 − 512) / 1024 = 1 GB × 100 s = 100 GB-s
    expect(q.ephemeralStorageGbSeconds.toFixed()).toBe("100");
  });
});
