import { describe, expect, it } from "vitest";
import { Decimal, dec } from "../../src/core/money/index.js";
import { summarizeSize, wilsonLowerBound } from "../../src/core/tuning/summarize.js";
import type { InvocationSample } from "../../src/core/tuning/types.js";

/**
 * us-east-1 x86_64 (AWS pricing page): $0.20 per 1M requests, $0.0000166667 per GB-s.
 * An independent hand-written model, not the pricing engine.
 */
const costModel = (memoryMb: number, billedMs: number): Decimal =>
  dec("0.0000002").plus(
    dec(memoryMb).div(1024).times(dec(billedMs).div(1000)).times("0.0000166667"),
  );

const warm = (memoryMb: number, durationMs: number, extra: Partial<InvocationSample> = {}) => ({
  memoryMb,
  durationMs,
  billedDurationMs: Math.ceil(durationMs),
  maxMemoryUsedMb: 90,
  coldStart: false,
  ...extra,
});

describe("summarizeSize", () => {
  const samples: InvocationSample[] = [
    warm(1024, 190, {
      coldStart: true,
      initDurationMs: 505,
      billedDurationMs: 700,
      maxMemoryUsedMb: 120,
    }),
    warm(1024, 99.5),
    warm(1024, 109.5),
    warm(1024, 119.5),
    warm(1024, 129.5),
  ];
  const summary = summarizeSize(1024, samples, { costModel, trim: 0.2 });

  it("keeps the cold start out of the duration statistics but counts it", () => {
    expect(summary.coldStarts).toBe(1);
    expect(summary.meanInitDurationMs).toBe(505);
    expect(summary.warmInvocations).toBe(4);
    // warm durations 99.5, 109.5, 119.5, 129.5: mean 114.5; p90 rank 3·0.9 = 2.7 → 119.5 + 7
    expect(summary.durationMs.mean).toBe(114.5);
    expect(summary.durationMs.p50).toBe(114.5);
    expect(summary.durationMs.p90).toBeCloseTo(126.5, 10);
  });

  it("prices the mean billed duration of a warm invocation by default", () => {
    // warm billed 100, 110, 120, 130 → mean 115 ms.
    // 0.0000002 + (1024/1024)·0.115 s·0.0000166667 = 0.0000002 + 0.0000019166705 = 0.0000021166705
    expect(summary.billedDurationMs.mean).toBe(115);
    expect(summary.billedDurationMs.coldMean).toBe(700);
    expect(summary.costPerInvocation.toFixed()).toBe("0.0000021166705");
    expect(summary.costPerMillion.toFixed()).toBe("2.1166705");
  });

  it("gives the billed t-interval and prices its ends", () => {
    // warm billed 100..130: s = √(500/3) = 12.90994, se = s/2 = 6.45497, t(3) = 3.1824
    // → ±20.5423 → [94.4577, 135.5423]
    const [lo, hi] = summary.billedDurationMs.ci95;
    expect(lo).toBeCloseTo(94.4577, 3);
    expect(hi).toBeCloseTo(135.5423, 3);
    expect(summary.costPerInvocationCi95[1].toNumber()).toBeCloseTo(
      2e-7 + 0.1355423 * 0.0000166667,
      10,
    );
  });

  it("weighs cold starts in at a given production share", () => {
    // 0.99·115 + 0.01·700 = 113.85 + 7 = 120.85 ms
    const weighed = summarizeSize(1024, samples, { costModel, coldStartShare: 0.01 });
    expect(weighed.billedDurationMs.mean).toBeCloseTo(120.85, 10);
    // Var = 0.99²·(500/3)/4 + 0.01²·0/1 = 40.8375 → ±3.1824·6.39042 = ±20.3369
    expect(weighed.billedDurationMs.ci95[1]).toBeCloseTo(120.85 + 20.3369, 3);
  });

  it("reports max memory, headroom and the trimmed means for comparison only", () => {
    expect(summary.maxMemoryUsedMb).toBe(120);
    expect(summary.memoryHeadroom).toBeCloseTo((1024 - 120) / 1024, 12);
    // warm billed 100, 110, 120, 130; ⌊4·0.2⌋ = 0 trimmed → 115
    expect(summary.billedDurationMs.trimmedMean).toBe(115);
    expect(summary.feasible).toBe(true);
  });
});

describe("summarizeSize feasibility", () => {
  const ok = (n: number, ms = 100) => Array.from({ length: n }, () => warm(256, ms));
  it.each<[string, InvocationSample[], number | undefined, RegExp | undefined]>([
    ["all fine", ok(10), undefined, undefined],
    [
      "one out-of-memory",
      [...ok(9), warm(256, 40, { errorType: "Runtime.OutOfMemory" })],
      undefined,
      /^out of memory: Runtime.OutOfMemory in 1 of 10 invocations$/,
    ],
    [
      "a timeout",
      [...ok(9), warm(256, 3000, { errorType: "Sandbox.Timedout" })],
      undefined,
      /^timed out: Sandbox.Timedout in 1 of 10/,
    ],
    [
      "a runtime crash",
      [...ok(9), warm(256, 5, { errorType: "Runtime.ExitError" })],
      undefined,
      /crashed/,
    ],
    [
      "one Unhandled in 10 (within 10%)",
      [...ok(9), warm(256, 5, { errorType: "Unhandled" })],
      undefined,
      undefined,
    ],
    [
      // 20% measured, but the 95% Wilson interval [5.7%, 51%] does not rule out 10%.
      "two Unhandled in 10 (not shown to exceed 10%)",
      [...ok(8), ...ok(2).map((s) => ({ ...s, errorType: "Unhandled" }))],
      undefined,
      undefined,
    ],
    [
      "three Unhandled in 10",
      [...ok(7), ...ok(3).map((s) => ({ ...s, errorType: "Unhandled" }))],
      undefined,
      /^30% of invocations failed \(Unhandled ×3\), more than 10% allowed$/,
    ],
    [
      "every invocation failed",
      ok(2).map((s) => ({ ...s, errorType: "Unhandled" })),
      undefined,
      /^every invocation failed/,
    ],
    [
      "p90 over --max-duration",
      ok(10, 150),
      120,
      /^p90 duration 150.0 ms exceeds --max-duration 120 ms$/,
    ],
    ["p90 within --max-duration", ok(10, 150), 200, undefined],
    ["nothing measured", [], undefined, /^not measured$/],
  ])("%s", (_name, samples, maxDurationMs, reason) => {
    const summary = summarizeSize(256, samples, { costModel, maxDurationMs });
    expect(summary.feasible).toBe(reason === undefined);
    if (reason) expect(summary.reason).toMatch(reason);
    else expect(summary.reason).toBeUndefined();
  });

  it("counts errors by type and keeps failures out of the billed mean", () => {
    const summary = summarizeSize(
      256,
      [...ok(8, 100), warm(256, 5, { errorType: "Unhandled", billedDurationMs: 5 })],
      { costModel },
    );
    expect(summary.errors).toBe(1);
    expect(summary.errorsByType).toEqual({ Unhandled: 1 });
    expect(summary.billedDurationMs.mean).toBe(100);
    expect(summary.billedDurationMs.ci95).toEqual([100, 100]);
  });

  it("reports an unbounded interval after one invocation", () => {
    const summary = summarizeSize(256, ok(1), { costModel });
    expect(summary.billedDurationMs.ci95).toEqual([0, Number.POSITIVE_INFINITY]);
    expect(summary.costPerInvocationCi95[1].isFinite()).toBe(false);
    expect(summary.costPerInvocationCi95[1]).toBeInstanceOf(Decimal);
  });
});

describe("wilsonLowerBound", () => {
  it("matches hand computations (z = 1.96)", () => {
    // 3/10: (0.3 + 0.19207 − 1.96·√(0.021 + 0.0096040)) / 1.38415 = 0.10779
    expect(wilsonLowerBound(3, 10)).toBeCloseTo(0.10779, 4);
    // 6/50: (0.12 + 0.038415 − 1.96·√(0.002112 + 0.00038415)) / 1.076832 = 0.05618
    expect(wilsonLowerBound(6, 50)).toBeCloseTo(0.05618, 4);
    expect(wilsonLowerBound(0, 10)).toBe(0);
    expect(wilsonLowerBound(0, 0)).toBe(0);
  });
});
