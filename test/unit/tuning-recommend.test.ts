import { describe, expect, it } from "vitest";
import { type Decimal, dec } from "../../src/core/money/index.js";
import { recommend } from "../../src/core/tuning/recommend.js";
import { summarizeSize } from "../../src/core/tuning/summarize.js";
import type { InvocationSample, Strategy } from "../../src/core/tuning/types.js";

// us-east-1 x86_64: $0.20 per 1M requests, $0.0000166667 per GB-s (hand model, not the engine).
const costModel = (memoryMb: number, billedMs: number): Decimal =>
  dec("0.0000002").plus(
    dec(memoryMb).div(1024).times(dec(billedMs).div(1000)).times("0.0000166667"),
  );

const samplesOf = (memoryMb: number, durations: number[]): InvocationSample[] =>
  durations.map((durationMs) => ({
    memoryMb,
    durationMs,
    billedDurationMs: Math.ceil(durationMs),
    maxMemoryUsedMb: 100,
    coldStart: false,
  }));

/**
 * A noiseless CPU-bound function: fixedMs 30, cpuMs 800, vcpu = min(memory/1769, 6), so
 * duration = 30 + 800/min(1, memory/1769):
 *   128 → 11086.25 ms (billed 11087, 1.385875 GB-s), 256 → 5558.125 (5559, 1.38975),
 *   512 → 2794.0625 (2795, 1.3975), 1024 → 1412.03 (1413, 1.413), 2048 → 830 (830, 1.66),
 *   3008 → 830 (830, 2.438125 GB-s).
 * cost = $0.0000002 + GB-s × $0.0000166667 → 128 is cheapest ($0.0000232980).
 * speed: 2048 and 3008 tie at 830 ms; the tie goes to the cheaper, 2048.
 * balanced (w 0.5): 0.5·cost/cost(3008) + 0.5·duration/11086.25 →
 *   128 0.785, 256 0.537, 512 0.414, 1024 0.354, 2048 0.379, 3008 0.537 → 1024.
 * balanced (w 0.9): 128: 0.9·0.57053 + 0.1·1 = 0.6135;
 *   256: 0.9·0.57212 + 0.1·0.50136 = 0.5650; 512: 0.9·0.57527 + 0.1·0.25203 = 0.5430;
 *   1024: 0.9·0.58160 + 0.1·0.12737 = 0.5362; 2048: 0.9·0.68241 + 0.1·0.07487 = 0.6217 → 1024.
 * balanced (w 0.99): 128 0.99·0.57053 + 0.01 = 0.5748; 256 0.5714; 512 0.5720; 1024 0.5771:
 *   256 scores best, but 128 (+0.6%) and 512 (+0.1%) are within the ±1% equivalence margin
 *   (noiseless, so their difference intervals have zero width) and 128 is the cheapest → 128.
 */
const SIZES = [128, 256, 512, 1024, 2048, 3008];
const cpuBound = (memoryMb: number) => 30 + 800 / Math.min(1, memoryMb / 1769);
const noiseless = SIZES.map((m) =>
  summarizeSize(m, samplesOf(m, Array(5).fill(cpuBound(m))), { costModel }),
);

describe("recommend on a noiseless CPU-bound function", () => {
  it.each<[Strategy, number, number, boolean]>([
    ["cost", 0.5, 128, true],
    ["speed", 0.5, 2048, false],
    ["balanced", 0.5, 1024, true],
    ["balanced", 0.9, 1024, true],
    ["balanced", 0.99, 128, true],
  ])("%s (w %d) picks %d MB", (strategy, balancedWeight, memoryMb, distinguishable) => {
    const result = recommend(noiseless, { strategy, balancedWeight });
    expect(result?.memoryMb).toBe(memoryMb);
    expect(result?.distinguishable).toBe(distinguishable);
  });

  it("calls the two fastest equivalent and recommends the cheaper", () => {
    const result = recommend(noiseless, { strategy: "speed", balancedWeight: 0.5 });
    expect(result).toMatchObject({
      memoryMb: 2048,
      runnerUpMemoryMb: 3008,
      equivalentMemoryMb: [2048, 3008],
      equivalenceMargin: 0.02,
    });
    expect(result?.advice).toBe(
      "2048 MB, 3008 MB are practically equivalent: the 95% interval of each one's difference from the best lies within ±2.0% of its duration; recommending the cheapest, 2048 MB",
    );
  });

  it("recommends the cheaper of the equally fast even when it is a hair slower", () => {
    // 1769 MB at 101 ms, 3008 MB at 100 ms (noiseless): 1% slower, inside ±2% → 1769 MB.
    const fast = [
      summarizeSize(1769, samplesOf(1769, Array(5).fill(101)), { costModel }),
      summarizeSize(3008, samplesOf(3008, Array(5).fill(100)), { costModel }),
    ];
    const result = recommend(fast, { strategy: "speed", balancedWeight: 0.5 });
    expect(result).toMatchObject({ memoryMb: 1769, runnerUpMemoryMb: 3008 });
    expect(result?.reason).toMatch(/^the cheapest of the sizes equivalent to the best/);
    // With a margin of 0.5% the 1% gap matters: the faster size wins.
    const strict = recommend(fast, {
      strategy: "speed",
      balancedWeight: 0.5,
      equivalenceMargin: 0.005,
    });
    expect(strict).toMatchObject({ memoryMb: 3008, runnerUpMemoryMb: 1769 });
    expect(strict?.equivalentMemoryMb).toBeUndefined();
  });

  it("excludes sizes whose p90 exceeds --max-duration and says why", () => {
    const result = recommend(noiseless, {
      strategy: "cost",
      balancedWeight: 0.5,
      maxDurationMs: 3000,
    });
    expect(result?.memoryMb).toBe(512); // 128 and 256 take 11 s and 5.6 s
    expect(result?.reason).toMatch(
      /not eligible: 128 MB \(p90 11086.3 ms over --max-duration 3000 ms\)/,
    );
  });

  it("states the cost in the reason", () => {
    // per 1M: 0.2 + 1.385875 GB-s × 16.6667 = 0.2 + 23.0979627 = $23.2979627 → $23.2980
    // 256 MB: 0.2 + 1.38975 × 16.6667 = 0.2 + 23.1625463 = $23.3625463 → $23.3625
    expect(recommend(noiseless, { strategy: "cost", balancedWeight: 0.5 })?.reason).toMatch(
      /^lowest mean cost: \$23.2980 per 1M invocations; runner-up 256 MB: \$23.3625 per 1M invocations \(\+0.3%\)/,
    );
  });
});

describe("recommend with noise", () => {
  // A: 98, 102 ×5 → mean 100, s = √(40/9) = 2.10819; B: 99.5, 103.5 ×5 → mean 101.5, same s.
  // Difference 1.5 ± t(18)·√(2·s²/10) = 1.5 ± 2.1009·0.94281 = 1.5 ± 1.9807 → includes 0;
  // and [−0.48, 3.48] is not inside ±2% of 100, so not equivalent either.
  // n to separate = ⌈(1.96·(2·2.10819)/1.5)²⌉ = ⌈30.35⌉ = 31 → 21 more per size.
  const a = summarizeSize(1024, samplesOf(1024, Array(5).fill([98, 102]).flat()), { costModel });
  const b = summarizeSize(2048, samplesOf(2048, Array(5).fill([99.5, 103.5]).flat()), {
    costModel,
  });

  it("says the pick is not distinguishable and what would settle it; under speed the larger", () => {
    // 2048 MB measured 1.5% slower but not told apart from 1024 MB: duration never grows with
    // memory, so the larger is recommended and the faster-measured one is the runner-up.
    const result = recommend([b, a], { strategy: "speed", balancedWeight: 0.5 });
    expect(result).toMatchObject({
      memoryMb: 2048,
      runnerUpMemoryMb: 1024,
      distinguishable: false,
    });
    expect(result?.reason).toBe(
      "the largest of the sizes not told apart from the fastest measured: 101.5 ms mean warm duration (+1.5%); runner-up 1024 MB: 100.0 ms mean warm duration (+0.0%)",
    );
    expect(result?.advice).toBe(
      "2048 MB and 1024 MB are not distinguishable at this sample size (the 95% interval of their difference includes 0); about 21 more invocations per size (≈31 each) would likely separate them, if the 1.5% gap holds; recommending the larger, 2048 MB: Lambda gives CPU in proportion to memory, so a function's duration never grows with memory and the larger size is at least as fast",
    );
  });

  it("under speed, a smaller size not told apart from the fastest is not picked", () => {
    // Same samples, sizes swapped: 1024 MB is the slower-measured one → the leader 2048 MB stays.
    const small = summarizeSize(1024, samplesOf(1024, Array(5).fill([99.5, 103.5]).flat()), {
      costModel,
    });
    const big = summarizeSize(2048, samplesOf(2048, Array(5).fill([98, 102]).flat()), {
      costModel,
    });
    const result = recommend([small, big], { strategy: "speed", balancedWeight: 0.5 });
    expect(result).toMatchObject({
      memoryMb: 2048,
      runnerUpMemoryMb: 1024,
      distinguishable: false,
    });
    expect(result?.advice).not.toMatch(/recommending the larger/);
  });

  it("under speed, a larger size on the other architecture is not 'at least as fast'", () => {
    // --arch x86_64,arm64: the same samples as above, but 2048 MB ran on arm64 and 1024 MB on
    // x86_64. Different CPUs: the memory rule says nothing across them, so the faster-measured
    // 1024 MB x86_64 stays the pick, not told apart from the runner-up.
    const x86 = { ...a, architecture: "x86_64" as const };
    const arm = { ...b, architecture: "arm64" as const };
    const result = recommend([arm, x86], { strategy: "speed", balancedWeight: 0.5 });
    expect(result).toMatchObject({
      memoryMb: 1024,
      architecture: "x86_64",
      runnerUpMemoryMb: 2048,
      distinguishable: false,
    });
    expect(result?.advice).not.toMatch(/recommending the larger/);
  });

  it("under cost, sizes not told apart keep the best measured", () => {
    // The rule is for speed only: cost grows with memory. Same durations under cost: 2048 MB
    // costs twice as much per ms and is surely out, so 1024 MB.
    expect(recommend([b, a], { strategy: "cost", balancedWeight: 0.5 })?.memoryMb).toBe(1024);
  });

  it("is distinguishable once the intervals part", () => {
    const c = summarizeSize(2048, samplesOf(2048, Array(5).fill([104, 108]).flat()), { costModel });
    const result = recommend([a, c], { strategy: "speed", balancedWeight: 0.5 });
    expect(result).toMatchObject({ memoryMb: 1024, distinguishable: true });
    expect(result?.advice).toBeUndefined();
  });
});

describe("recommend edge cases", () => {
  it("returns null when no size is feasible", () => {
    const oom = summarizeSize(
      128,
      [{ ...samplesOf(128, [5])[0]!, errorType: "Runtime.OutOfMemory" }],
      {
        costModel,
      },
    );
    expect(recommend([oom], { strategy: "cost", balancedWeight: 0.5 })).toBeNull();
  });

  it("names the only feasible size and the infeasible ones", () => {
    const oom = summarizeSize(
      128,
      [{ ...samplesOf(128, [5])[0]!, errorType: "Runtime.OutOfMemory" }],
      {
        costModel,
      },
    );
    const ok = summarizeSize(256, samplesOf(256, [100, 100]), { costModel });
    const result = recommend([oom, ok], { strategy: "cost", balancedWeight: 0.5 });
    expect(result?.memoryMb).toBe(256);
    expect(result?.distinguishable).toBe(true);
    expect(result?.reason).toMatch(
      /^the only eligible size .*not eligible: 128 MB \(out of memory/,
    );
  });

  it("breaks an exact cost tie toward the faster size", () => {
    // 200 ms at 1024 MB and 100 ms at 2048 MB both bill 0.2 GB-s: equal cost, 2048 is faster.
    const slow = summarizeSize(1024, samplesOf(1024, [200, 200]), { costModel });
    const fast = summarizeSize(2048, samplesOf(2048, [100, 100]), { costModel });
    expect(recommend([slow, fast], { strategy: "cost", balancedWeight: 0.5 })?.memoryMb).toBe(2048);
  });
});

describe("recommend when the CPU-scaling model decides", () => {
  // A CPU-bound function, 50 ms of waiting and 300 ms of CPU at one vCPU, measured 20 times per
  // size with a ±20% pattern that averages out: mean = 50 + 300·1769/m ms below 1,769 MB.
  //   128 MB: 4196.09 ms · 0.125 GB = 0.524512 GB-s → $0.2 + 0.524512·$16.6667 = $8.9419 per 1M
  //   256 MB: 2123.05 ms · 0.25 GB = 0.530762 GB-s → $9.0460 per 1M
  // One size measured low by chance: the model, fitted across all six, keeps 128 MB cheapest.
  const PATTERN = [-1, 1, -0.5, 0.5, 0, -0.25, 0.25, 0.75, -0.75, 0];
  const SIX = [128, 256, 512, 1024, 1769, 3008];
  /** F ms of waiting + 300 ms of CPU at one vCPU, `count` per size, one size off by `factor`. */
  const measuredAt = (at: number, factor: number, fixedMs = 50, count = 20) =>
    SIX.map((m) => {
      const mean = (fixedMs + 300 / Math.min(1, m / 1769)) * (m === at ? factor : 1);
      const durations = Array.from(
        { length: count },
        (_, i) => mean * (1 + 0.2 * PATTERN[i % 10]!),
      );
      return summarizeSize(
        m,
        durations.map((d) => ({
          memoryMb: m,
          durationMs: d,
          billedDurationMs: d,
          maxMemoryUsedMb: 100,
          coldStart: false,
        })),
        { costModel },
      );
    });
  const cost = { strategy: "cost" as Strategy, balancedWeight: 0.5 };
  const speed = { strategy: "speed" as Strategy, balancedWeight: 0.5 };

  it("names the model's next size as the runner-up, never the pick itself", () => {
    // 512 MB measured 4% low: (50 + 1036.52)·0.96 = 1043.06 ms · 0.5 GB → $8.8922, the lowest
    // measured; the old rule took the second measured size as runner-up, which was the pick.
    const result = recommend(measuredAt(512, 0.96), cost, costModel)!;
    expect(result.memoryMb).toBe(128);
    expect(result.runnerUpMemoryMb).toBe(256);
    expect(result.reason).toBe(
      "lowest cost by the CPU-scaling model fitted across the sizes measured ($8.9419 per 1M invocations measured); runner-up 256 MB: $9.0460 per 1M invocations (+1.2%)",
    );
  });

  it("under speed, a larger size picked as not told apart is not said to lead by the model", () => {
    // 1 ms of waiting and 300 ms of CPU: every size from 1769 MB up takes 301 ms; 3008 MB is
    // measured 1% slow. The model leads with 1769 MB; the pick is the larger, 3008 MB, because the
    // two are not told apart — percentages are against the fastest measured, 1769 MB.
    const result = recommend(measuredAt(3008, 1.01, 1), speed, costModel)!;
    expect(result.memoryMb).toBe(3008);
    expect(result.reason).toMatch(
      /: 304\.0 ms mean warm duration \(\+1\.0%\); runner-up 1769 MB: 301\.0 ms mean warm duration \(\+0\.0%\)/,
    );
    expect(result.advice).not.toMatch(/puts 3008 MB ahead/);
    expect(result.advice).toMatch(/recommending the larger, 3008 MB/);
  });

  it("under speed, says when the larger size is measured surely slower but not beyond the margin", () => {
    // 1 ms + 300 ms of CPU, 50 per size, 1769 MB measured 5% fast: 285.95 ms against 301.0 ms at
    // 3008 MB, 15.05/285.95 = 5.3% slower. The pattern's spread is √(3.75·5/49) = 0.6186 of 20%:
    // s = 37.2 ms and 35.4 ms, se = √((37.2² + 35.4²)/50) = 7.26 ms, hw = t(98)·7.26 = 14.4 ms.
    // The difference surely exceeds 0 (15.05 > 14.4), but not ±2% of 285.95 ms (5.72 ms):
    // 15.05 − 14.4 = 0.65 ms. The larger size is recommended — and not said "not told apart".
    const result = recommend(measuredAt(1769, 0.95, 1, 50), speed, costModel)!;
    expect(result).toMatchObject({ memoryMb: 3008, runnerUpMemoryMb: 1769, distinguishable: true });
    expect(result.reason).toMatch(
      /^the largest of the sizes not shown slower than the fastest measured beyond ±2\.0%: 301\.0 ms/,
    );
    expect(result.advice).toMatch(
      /^3008 MB is measured 5\.3% slower than 1769 MB \(the 95% interval of their difference excludes 0 but not ±2\.0%\); recommending the larger, 3008 MB: /,
    );
  });

  it("prints a difference that rounds to zero as +0.0%, and no sentence about who leads", () => {
    // 256 MB measured 0.001% below 128 MB's cost ($0.2 + 8.8460·0.98822 = $8.9418 per 1M): "(−0.0%)"
    // would be a sign with no digits.
    const result = recommend(measuredAt(256, 0.98822), cost, costModel)!;
    expect(result.memoryMb).toBe(128);
    expect(result.reason).toMatch(/runner-up 256 MB: \$[0-9.]+ per 1M invocations \(\+0\.0%\)$/);
    expect(result.advice ?? "").not.toMatch(/ahead/);
  });

  it("says when the two sizes' own samples point the other way, within noise", () => {
    // 256 MB measured 2% low: 2123.05·0.98 = 2080.59 ms · 0.25 GB → $8.8691, 0.8% below 128 MB.
    const result = recommend(measuredAt(256, 0.98), cost, costModel)!;
    expect(result.memoryMb).toBe(128);
    expect(result.runnerUpMemoryMb).toBe(256);
    expect(result.reason).toMatch(/runner-up 256 MB: \$8\.8691 per 1M invocations \(−0\.8%\)$/);
    expect(result.advice).toBe(
      "128 MB and 256 MB are not distinguishable at this sample size (the 95% interval of their difference includes 0); their own samples put 256 MB 0.8% ahead, within noise, and the CPU-scaling model fitted across every size measured puts 128 MB ahead",
    );
  });
});
