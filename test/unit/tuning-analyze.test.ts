import { describe, expect, it } from "vitest";
import { dec } from "../../src/core/money/index.js";
import { analyzeTuning, sizesAuto } from "../../src/core/tuning/analyze.js";
import { costModel, run } from "./output-fixtures.js";

describe("analyzeTuning", () => {
  // 128 MB: OOM ×2 at 40 ms. 512 MB: 400 ms ×4 → 0.2 GB-s. 1024 MB: 180 ms ×4 → 0.18 GB-s.
  const samplesBySize = new Map([
    [1024, run(1024, [180, 180, 180, 180])],
    [128, run(128, [40, 40], { errorType: "Runtime.OutOfMemory" })],
    [512, run(512, [400, 400, 400, 400])],
  ]);
  const analysis = analyzeTuning({
    samplesBySize,
    costModel,
    strategyOptions: { strategy: "cost", balancedWeight: 0.5 },
    originalMemoryMb: 512,
    monthly: { invocations: 10_000_000, source: "flag" },
  });

  it("summarizes each size in ascending order and recommends the cheapest feasible", () => {
    expect(analysis.sizes.map((s) => [s.memoryMb, s.feasible])).toEqual([
      [128, false],
      [512, true],
      [1024, true],
    ]);
    expect(analysis.recommendation?.memoryMb).toBe(1024);
    expect(analysis.totalInvocations).toBe(10);
  });

  it("prices the tuning run itself, failures included", () => {
    // 128 MB: 2 × (0.0000002 + 0.125·0.04·0.0000166667 = 0.0000000833335) = 0.000000566667
    // 512 MB: 4 × (0.0000002 + 0.5·0.4·0.0000166667 = 0.00000333334)     = 0.00001413336
    // 1024 MB: 4 × (0.0000002 + 1·0.18·0.0000166667 = 0.000003000006)    = 0.000012800024
    // total 0.000027500051
    expect(analysis.tuningCost.toFixed()).toBe("0.000027500051");
  });

  it("projects the month onto the current and the recommended size", () => {
    // 10M × 0.00000353334 = $35.3334 at 512 MB; 10M × 0.000003200006 = $32.00006 at 1024 MB
    const projection = analysis.monthlyProjection!;
    expect(projection.bySize.map((r) => [r.memoryMb, r.monthlyCost.toFixed()])).toEqual([
      [512, "35.3334"],
      [1024, "32.00006"],
    ]);
    expect(projection.currentMonthlyCost?.toFixed()).toBe("35.3334");
    expect(projection.recommendedMonthlyCost.toFixed()).toBe("32.00006");
    expect(projection.monthlySaving?.toFixed()).toBe("3.33334");
    expect(projection.source).toBe("flag");
  });

  it("has no saving when the current size was not measured, and uses an injected monthly price", () => {
    const other = analyzeTuning({
      samplesBySize,
      costModel,
      strategyOptions: { strategy: "cost", balancedWeight: 0.5 },
      originalMemoryMb: 2048,
      monthly: { invocations: 1000, source: "cloudwatch" },
      monthlyCost: (memoryMb, meanBilledMs) => dec(memoryMb).plus(meanBilledMs),
    });
    expect(other.monthlyProjection?.currentMonthlyCost).toBeNull();
    expect(other.monthlyProjection?.monthlySaving).toBeNull();
    expect(other.monthlyProjection?.recommendedMonthlyCost.toFixed()).toBe("1204"); // 1024 + 180
  });

  it("recommends nothing and projects nothing when no size is feasible", () => {
    const none = analyzeTuning({
      samplesBySize: new Map([[128, run(128, [40], { errorType: "Sandbox.Timedout" })]]),
      costModel,
      strategyOptions: { strategy: "speed", balancedWeight: 0.5 },
      originalMemoryMb: 128,
      monthly: { invocations: 1000, source: "flag" },
    });
    expect(none.recommendation).toBeNull();
    expect(none.monthlyProjection).toBeUndefined();
  });
});

describe("sizesAuto", () => {
  it.each<[number | undefined, number[]]>([
    [undefined, [128, 256, 512, 1024, 1769, 3008]],
    [1536, [128, 256, 512, 1024, 1536, 1769, 3008]],
    [1024, [128, 256, 512, 1024, 1769, 3008]],
    [10240, [128, 256, 512, 1024, 1769, 3008, 10240]],
  ])("current %s → %j", (current, expected) => {
    expect(sizesAuto(current)).toEqual(expected);
  });
});
