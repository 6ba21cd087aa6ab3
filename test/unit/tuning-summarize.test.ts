import { describe, expect, it } from "vitest";
import { Decimal, dec } from "../../src/core/money/index.js";
import { summarizeSize } from "../../src/core/tuning/summarize.js";
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

  it("prices the mean billed duration of every successful invocation, cold included", () => {
    // billed 700, 100, 110, 120, 130 → mean 232 ms.
    // 0.0000002 + (1024/1024)·0.232 s·0.0000166667 = 0.0000002 + 0.00000386667440 = 0.0000040666744
    expect(summary.billedDurationMs.mean).toBe(232);
    expect(summary.costPerInvocation.toFixed()).toBe("0.0000040666744");
    expect(summary.costPerMillion.toFixed()).toBe("4.0666744");
  });

  it("gives the billed t-interval and prices its ends", () => {
    // deviations 468, −132, −122, −112, −102; squares sum 274280; s² = 68570; s = 261.8587
    // se = s/√5 = 117.10682; t(4) = 2.7764 → ±325.1354; lower end clamped at 0.
    const [lo, hi] = summary.billedDurationMs.ci95;
    expect(lo).toBe(0);
    expect(hi).toBeCloseTo(557.1354, 3);
    expect(summary.costPerInvocationCi95[0].toFixed()).toBe("0.0000002");
    expect(summary.costPerInvocationCi95[1].toNumber()).toBeCloseTo(
      2e-7 + 0.5571354 * 0.0000166667,
      10,
    );
  });

  it("reports max memory, headroom and the trimmed means for comparison only", () => {
    expect(summary.maxMemoryUsedMb).toBe(120);
    expect(summary.memoryHeadroom).toBeCloseTo((1024 - 120) / 1024, 12);
    // billed sorted 100,110,120,130,700; ⌊5·0.2⌋ = 1 from each end → mean(110,120,130) = 120
    expect(summary.billedDurationMs.trimmedMean).toBe(120);
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
