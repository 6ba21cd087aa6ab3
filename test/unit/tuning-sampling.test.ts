import { describe, expect, it } from "vitest";
import { type Decimal, dec } from "../../src/core/money/index.js";
import { recommend } from "../../src/core/tuning/recommend.js";
import { createSamplingPlanner } from "../../src/core/tuning/sampling.js";
import { summarizeSize } from "../../src/core/tuning/summarize.js";
import type {
  InvocationSample,
  SamplingPlanner,
  StrategyOptions,
} from "../../src/core/tuning/types.js";

const costModel = (memoryMb: number, billedMs: number): Decimal =>
  dec("0.0000002").plus(
    dec(memoryMb).div(1024).times(dec(billedMs).div(1000)).times("0.0000166667"),
  );
const cost: StrategyOptions = { strategy: "cost", balancedWeight: 0.5 };

/** Deterministic "noise": a repeating ±spread pattern around the mean. */
const PATTERN = [-1, 0.5, -0.5, 1, 0, -0.25, 0.25, 0.75, -0.75, 0];
function sample(memoryMb: number, meanMs: number, spread: number, index: number): InvocationSample {
  const durationMs = meanMs * (1 + spread * PATTERN[index % PATTERN.length]!);
  if (meanMs < 0) {
    return {
      memoryMb,
      durationMs: 5,
      billedDurationMs: 5,
      maxMemoryUsedMb: memoryMb,
      coldStart: false,
      errorType: "Runtime.OutOfMemory",
    };
  }
  return {
    memoryMb,
    durationMs,
    billedDurationMs: Math.ceil(durationMs),
    maxMemoryUsedMb: 100,
    coldStart: false,
  };
}

/** Runs a planner to the end the way the runner does; returns the samples and the stop reason. */
function drive(planner: SamplingPlanner, means: Record<number, number>, spread: number) {
  const samples = new Map<number, InvocationSample[]>();
  const rounds: Array<Array<{ memoryMb: number; invocations: number }>> = [];
  for (let guard = 0; guard < 100; guard++) {
    const batch = planner.next(samples);
    if (batch.done) return { samples, rounds, reason: batch.reason };
    rounds.push(batch.items);
    for (const { memoryMb, invocations } of batch.items) {
      const list = samples.get(memoryMb) ?? [];
      for (let i = 0; i < invocations; i++)
        list.push(sample(memoryMb, means[memoryMb]!, spread, list.length));
      samples.set(memoryMb, list);
    }
  }
  throw new Error("planner never finished");
}
const count = (samples: Map<number, InvocationSample[]>) =>
  [...samples.values()].reduce((n, l) => n + l.length, 0);

describe("fixed planner", () => {
  it("asks for N per size once, then stops", () => {
    const planner = createSamplingPlanner({
      sizes: [512, 128, 512],
      mode: { kind: "fixed", invocationsPerSize: 50 },
      strategyOptions: cost,
      costModel,
    });
    const run = drive(planner, { 128: 800, 512: 200 }, 0.05);
    expect(run.rounds).toEqual([
      [
        { memoryMb: 128, invocations: 50 },
        { memoryMb: 512, invocations: 50 },
      ],
    ]);
    expect(run.reason).toBe("50 invocations per size");
  });
});

describe("auto planner", () => {
  // GB-s per invocation: 128 MB × 800 ms = 0.1, 256 × 380 = 0.095, 512 × 200 = 0.1,
  // 1024 × 150 = 0.15, 2048 × 140 = 0.28 → 256 MB is the cheapest by 5%.
  const means = { 128: 800, 256: 380, 512: 200, 1024: 150, 2048: 140 };
  const sizes = [128, 256, 512, 1024, 2048];

  it("drops sizes that cannot win and stops once the winner is separated", () => {
    const planner = createSamplingPlanner({
      sizes,
      mode: { kind: "auto", maxInvocations: 1000 },
      strategyOptions: cost,
      costModel,
    });
    const run = drive(planner, means, 0.1);
    expect(run.rounds[0]).toEqual(sizes.map((memoryMb) => ({ memoryMb, invocations: 10 })));
    // After the first batch only 128/256/512 are within reach of the leader; 1024 and 2048 stop.
    for (const round of run.rounds.slice(1)) {
      expect(round.map((i) => i.memoryMb).every((m) => m <= 512)).toBe(true);
    }
    expect(run.samples.get(2048)).toHaveLength(10);
    expect(run.reason).toBe("256 MB is separated from every other size");
    const summaries = sizes.map((m) => summarizeSize(m, run.samples.get(m)!, { costModel }));
    expect(recommend(summaries, cost)).toMatchObject({ memoryMb: 256, distinguishable: true });
    // Far fewer than a fixed grid of 50 per size (250): the bench measures this properly.
    expect(count(run.samples)).toBeLessThan(0.5 * 50 * sizes.length);
  });

  it("stops at the ±2% precision when two sizes are equal", () => {
    // 128 × 800 = 512 × 200 = 0.1 GB-s: a true tie, never separable.
    const planner = createSamplingPlanner({
      sizes: [128, 512],
      mode: { kind: "auto", maxInvocations: 10_000 },
      strategyOptions: cost,
      costModel,
    });
    const run = drive(planner, { 128: 800, 512: 200 }, 0.1);
    expect(run.reason).toMatch(
      /^every remaining interval is within ±2% \(128 MB, 512 MB are practically equivalent\)$/,
    );
    expect(count(run.samples)).toBeLessThan(400);
  });

  it("gives the best two 20 invocations each before calling them equivalent", () => {
    // ±1% spread: the first 10 already give intervals within ±2%, but 10 values are too few.
    const planner = createSamplingPlanner({
      sizes: [128, 512],
      mode: { kind: "auto", maxInvocations: 10_000 },
      strategyOptions: cost,
      costModel,
    });
    const run = drive(planner, { 128: 800, 512: 200 }, 0.01);
    expect(run.rounds).toEqual([
      [
        { memoryMb: 128, invocations: 10 },
        { memoryMb: 512, invocations: 10 },
      ],
      [
        { memoryMb: 128, invocations: 10 },
        { memoryMb: 512, invocations: 10 },
      ],
    ]);
    expect(run.reason).toMatch(/practically equivalent/);
  });

  it("never exceeds --max-invocations", () => {
    const planner = createSamplingPlanner({
      sizes: [128, 512],
      mode: { kind: "auto", maxInvocations: 37 },
      strategyOptions: cost,
      costModel,
    });
    const run = drive(planner, { 128: 800, 512: 200 }, 0.3);
    expect(count(run.samples)).toBe(37);
    expect(run.reason).toMatch(/max-invocations/);
  });

  it("drops an infeasible size after its first batch", () => {
    const planner = createSamplingPlanner({
      sizes: [128, 256, 512],
      mode: { kind: "auto", maxInvocations: 1000 },
      strategyOptions: cost,
      costModel,
    });
    const run = drive(planner, { 128: -1, 256: 380, 512: 200 }, 0.1);
    expect(run.samples.get(128)).toHaveLength(10);
  });

  it("stops when nothing is feasible or one size is left", () => {
    const none = createSamplingPlanner({
      sizes: [128],
      mode: { kind: "auto", maxInvocations: 100 },
      strategyOptions: cost,
      costModel,
    });
    expect(drive(none, { 128: -1 }, 0).reason).toBe("no size is feasible");
    const one = createSamplingPlanner({
      sizes: [128, 256],
      mode: { kind: "auto", maxInvocations: 100 },
      strategyOptions: cost,
      costModel,
    });
    expect(drive(one, { 128: -1, 256: 100 }, 0).reason).toBe("256 MB is the only eligible size");
  });
});
