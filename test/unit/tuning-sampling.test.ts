import { describe, expect, it } from "vitest";
import { type Decimal, dec } from "../../src/core/money/index.js";
import { recommend } from "../../src/core/tuning/recommend.js";
import { autoInvocationCap, createSamplingPlanner } from "../../src/core/tuning/sampling.js";
import { coarseSizes, refineAround } from "../../src/core/tuning/size-search.js";
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

/** A seeded stream (mulberry32), injected so that every run of a test draws the same noise. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Runs a planner to the end on a function whose mean duration at each size is `meanAt(m)`
 * (null: out of memory), with uniform noise of standard deviation `cv` × mean from `seed`.
 */
function race(
  planner: SamplingPlanner,
  meanAt: (memoryMb: number) => number | null,
  cv: number,
  seed = 1,
) {
  const next = seeded(seed);
  const samples = new Map<number, InvocationSample[]>();
  const rounds: Array<Array<{ memoryMb: number; invocations: number }>> = [];
  for (let guard = 0; guard < 500; guard++) {
    const batch = planner.next(samples);
    if (batch.done) return { samples, rounds, reason: batch.reason ?? "" };
    rounds.push(batch.items);
    for (const { memoryMb, invocations } of batch.items) {
      const list = samples.get(memoryMb) ?? [];
      for (let i = 0; i < invocations; i++) {
        const mean = meanAt(memoryMb);
        const noise = 1 + cv * Math.sqrt(3) * (2 * next() - 1);
        list.push(sample(memoryMb, mean === null ? -1 : mean / (1 + cv * PATTERN[0]!), 0, 0));
        const last = list[list.length - 1]!;
        if (mean !== null) {
          last.durationMs = mean * noise;
          last.billedDurationMs = Math.ceil(last.durationMs);
        }
      }
      samples.set(memoryMb, list);
    }
  }
  throw new Error("planner never finished");
}

const speed: StrategyOptions = { strategy: "speed", balancedWeight: 0.5 };
const auto = (
  sizes: number[],
  strategyOptions: StrategyOptions,
  maxInvocations = 100_000,
  stopAtLoss?: number,
) =>
  createSamplingPlanner({
    sizes,
    mode: { kind: "auto", maxInvocations },
    strategyOptions,
    costModel,
    stopAtLoss,
  });
const recommendFrom = (run: ReturnType<typeof race>, options: StrategyOptions) =>
  recommend(
    [...run.samples].map(([m, list]) => summarizeSize(m, list, { costModel })),
    options,
  );

describe("auto planner: elimination", () => {
  // GB-s per invocation: 128 MB × 800 ms = 0.1, 256 × 380 = 0.095, 512 × 200 = 0.1,
  // 1024 × 150 = 0.15, 2048 × 140 = 0.28 → 256 MB is the cheapest by 5%.
  const means: Record<number, number> = { 128: 800, 256: 380, 512: 200, 1024: 150, 2048: 140 };
  const sizes = [128, 256, 512, 1024, 2048];

  it("stops sampling the sizes that are clearly out after their first batch", () => {
    const run = race(auto(sizes, cost), (m) => means[m]!, 0.05);
    expect(run.rounds[0]).toEqual(sizes.map((memoryMb) => ({ memoryMb, invocations: 8 })));
    // 1024 and 2048 cost 50% and 180% more: their first 8 invocations are enough to drop them.
    expect(run.samples.get(1024)).toHaveLength(8);
    expect(run.samples.get(2048)).toHaveLength(8);
    expect(run.reason).toBe(
      "256 MB is separated from every other size (auto: at least 8 invocations per measured size and 20 behind the recommendation, at most 250)",
    );
    expect(recommendFrom(run, cost)).toMatchObject({ memoryMb: 256, distinguishable: true });
  });

  it("gives the pick at least 20 invocations behind its mean before it stops", () => {
    const run = race(auto(sizes, cost), (m) => means[m]!, 0.05);
    expect(run.samples.get(256)!.length).toBeGreaterThanOrEqual(20);
  });

  it("drops an infeasible size after its first batch and names the only one left", () => {
    const run = race(auto([128, 256], cost), (m) => (m === 128 ? null : 100), 0.05);
    expect(run.samples.get(128)).toHaveLength(8);
    expect(run.reason).toMatch(/^256 MB is the only eligible size \(auto: /);
    const none = race(auto([128], cost), () => null, 0);
    expect(none.reason).toMatch(/^no size is feasible \(auto: /);
  });

  it("confirms a size that fails too often on its first batch before dropping it", () => {
    // 512 MB: 3 unhandled errors in its first 8 — Wilson's lower bound 13.7% > the 10% allowed,
    // so it is infeasible — and none after. It gets the finalist floor (12 more, 20 in all):
    // 3 in 20 has a lower bound of 5.2%, and it is back in the race.
    const planner = auto([256, 512], cost);
    const samples = new Map<number, InvocationSample[]>();
    const at = (m: number, i: number): InvocationSample => ({
      ...sample(m, m === 256 ? 380 : 200, 0.05, i),
      ...(m === 512 && i < 3 ? { errorType: "Runtime.Unhandled" } : {}),
    });
    const feed = (items: Array<{ memoryMb: number; invocations: number }>) => {
      for (const { memoryMb, invocations } of items) {
        const list = samples.get(memoryMb) ?? [];
        for (let i = 0; i < invocations; i++) list.push(at(memoryMb, list.length));
        samples.set(memoryMb, list);
      }
    };
    feed(planner.next(samples).items);
    const after = summarizeSize(512, samples.get(512)!, { costModel });
    expect(after).toMatchObject({ feasible: false, failsTooOften: true });
    const next = planner.next(samples);
    expect(next.items).toContainEqual({ memoryMb: 512, invocations: 12 });
    feed(next.items);
    expect(summarizeSize(512, samples.get(512)!, { costModel }).feasible).toBe(true);
    // An out-of-memory size is not confirmed: that failure does not come and go.
    const oom = race(auto([128, 256], cost), (m) => (m === 128 ? null : 100), 0.05);
    expect(oom.samples.get(128)).toHaveLength(8);
  });
});

describe("auto planner: practical equivalence", () => {
  it("stops on a true cost tie once the difference is shown to be within ±1%", () => {
    // 128 × 800 = 512 × 200 = 0.1 GB-s: never separable, but provably equivalent.
    const run = race(auto([128, 512], cost), (m) => (m === 128 ? 800 : 200), 0.005);
    // Which of the two measures cheaper is noise; the planner and recommend() agree on it.
    const pick = recommendFrom(run, cost);
    expect(run.reason).toBe(
      `128 MB, 512 MB are equivalent within ±1% (95% interval of the difference); recommending the cheapest, ${pick?.memoryMb} MB (auto: at least 8 invocations per measured size and 20 behind the recommendation, at most 100)`,
    );
    expect(count(run.samples)).toBeLessThan(100);
    expect(pick?.equivalentMemoryMb).toEqual([128, 512]);
    expect(pick?.equivalenceMargin).toBe(0.01);
  });

  it("under speed, recommends the cheaper of two equally fast sizes (±2% of duration)", () => {
    // Single-threaded work gets no faster above 1769 MB (one vCPU): 1769 and 3008 tie.
    const run = race(auto([1024, 1769, 3008], speed), (m) => (m === 1024 ? 173 : 100), 0.01);
    expect(run.reason).toMatch(/^1769 MB, 3008 MB are/);
    expect(run.reason).toMatch(/equivalent within ±2% .*recommending the cheapest, 1769 MB \(auto/);
    const pick = recommendFrom(run, speed);
    expect(pick).toMatchObject({ memoryMb: 1769, equivalentMemoryMb: [1769, 3008] });
    expect(pick?.advice).toMatch(/practically equivalent.*±2\.0% of its duration.*1769 MB$/);
  });

  it("under speed, stops a race it cannot settle at 20 each and recommends the larger", () => {
    // 1769 and 3008 MB truly equally fast, noise 20%: ±2% equivalence is out of reach (it would
    // take 2·(1.96·0.2/0.02)² ≈ 770 invocations each). Whatever more invocations showed, 3008 MB
    // is at least as fast (duration never grows with memory), so the race stops as soon as both
    // have the finalist floor of 20 (instead of 40) and recommends 3008 MB.
    const run = race(auto([1024, 1769, 3008], speed), (m) => (m === 1024 ? 173 : 100), 0.2, 3);
    expect(run.reason).toMatch(
      /^1769 MB, 3008 MB have 20 invocations each and are still not told apart \(.*\); recommending the largest, 3008 MB: duration never grows with memory \(auto/,
    );
    expect(run.samples.get(1769)!.length).toBeLessThan(40);
    expect(run.samples.get(3008)!.length).toBeLessThan(40);
    expect(recommendFrom(run, speed)).toMatchObject({ memoryMb: 3008, runnerUpMemoryMb: 1769 });
  });

  /**
   * Warm invocations under speed: 3008 MB the fastest (99.5 ms), 1769 MB 0.5% slower and tight
   * (±0.1 ms: equivalent within ±2%, and cheaper), 1024 MB at 104 ms ± 20 ms (open against the
   * fastest).
   */
  const nearlyEqualAt = (m: number, i: number): InvocationSample => {
    const swing = i % 2 === 0 ? 1 : -1;
    const durationMs = m === 1024 ? 104 - 20 * swing : (m === 1769 ? 100 : 99.5) + 0.1 * swing;
    return {
      memoryMb: m,
      durationMs,
      billedDurationMs: Math.ceil(durationMs),
      maxMemoryUsedMb: 100,
      coldStart: false,
    };
  };

  it("under speed, names a pick equivalent to the fastest as such when the race stops at 20", () => {
    // 20 warm invocations each (nearlyEqualAt). The pick is 1769 MB as the cheapest of the
    // equally fast, not "the largest".
    const samples = new Map(
      [1024, 1769, 3008].map((m) => [m, Array.from({ length: 20 }, (_, i) => nearlyEqualAt(m, i))]),
    );
    const next = auto([1024, 1769, 3008], speed).next(samples);
    expect(next.done).toBe(true);
    expect(next.reason).toMatch(
      /^3008 MB, 1024 MB have 20 invocations each and are still not told apart \(the CPU-scaling model does not fit the sizes measured\); recommending the cheapest of the sizes equivalent to the fastest within ±2%, 1769 MB \(auto/,
    );
    const summaries = [...samples].map(([m, list]) => summarizeSize(m, list, { costModel }));
    expect(recommend(summaries, speed)).toMatchObject({ memoryMb: 1769 });
  });

  it("tops an equivalent pick up to 20 before it stops at the settle point", () => {
    // As above, but 1,769 MB — the pick, equivalent to the fastest — has only its first batch
    // of 8. The sizes racing (3008 and 1024 MB) are at their settle point; the stop line
    // promises 20 behind the recommendation, so the race first gives 1,769 MB 12 more.
    const samples = new Map(
      [1024, 1769, 3008].map((m) => [
        m,
        Array.from({ length: m === 1769 ? 8 : 20 }, (_, i) => nearlyEqualAt(m, i)),
      ]),
    );
    const planner = auto([1024, 1769, 3008], speed);
    expect(planner.next(samples)).toEqual({
      items: [{ memoryMb: 1769, invocations: 12 }],
      done: false,
    });
    samples.set(
      1769,
      Array.from({ length: 20 }, (_, i) => nearlyEqualAt(1769, i)),
    );
    expect(planner.next(samples).reason).toMatch(/recommending the cheapest .*, 1769 MB \(auto/);
  });

  it("prints the margin as written: ±3.5%, not ±3.5000000000000004%", () => {
    const options = { ...cost, equivalenceMargin: 0.035 };
    const run = race(auto([128, 512], options), (m) => (m === 128 ? 800 : 200), 0.005);
    expect(run.reason).toMatch(/^128 MB, 512 MB are equivalent within ±3\.5% \(95% interval/);
  });

  it("takes the margin from the options: with 0 nothing is ever equivalent", () => {
    // Without the expected-loss stop the race runs to its settle point; with it, a true tie
    // measured to ±0.5% ends on the expected loss (below), never as "equivalent".
    const options = { ...cost, equivalenceMargin: 0 };
    const planner = auto([128, 512], options, 100_000, -1);
    const run = race(planner, (m) => (m === 128 ? 800 : 200), 0.005);
    expect(run.reason).toMatch(/have 40 invocations each and are still not told apart/);
    expect(recommendFrom(run, options)?.equivalentMemoryMb).toBeUndefined();
    const withLoss = race(auto([128, 512], options), (m) => (m === 128 ? 800 : 200), 0.005);
    expect(withLoss.reason).toMatch(/expected loss of picking it is 0\.\d\d% of its cost/);
    expect(recommendFrom(withLoss, options)?.equivalentMemoryMb).toBeUndefined();
  });
});

describe("auto planner: settle points at high stakes (cost)", () => {
  // Two sizes of equal cost (GB-s 0.125 × 800 = 0.1 and 0.5 × 200 = 0.1), 40 invocations each,
  // the expected-loss stop off, so only the settle point can end the race. The ±spread pattern's
  // values have a sample standard deviation of √(3.75·4/39) = 0.6202, so the spread is
  // 0.6202·spread of the mean at both sizes; d ≈ 0 and the loss at stake is s·φ(0) = 0.3989·s
  // with s = cv·√(2/40):
  //   spread 0.9: cv 0.558, s = 0.125, loss 4.98% > 4% → the settle point rises to 50;
  //   spread 0.5: cv 0.310, s = 0.069, loss 2.77% → the race stops at 40.
  const at40 = (spread: number) =>
    new Map(
      [128, 512].map((m) => [
        m,
        Array.from({ length: 40 }, (_, i) => sample(m, m === 128 ? 800 : 200, spread, i)),
      ]),
    );

  it("goes on to 50 each while the loss at stake is over 4% of the cost", () => {
    const noisy = auto([128, 512], cost, 100_000, -1).next(at40(0.9));
    expect(noisy.done).toBe(false);
    expect([...noisy.items].sort((a, b) => a.memoryMb - b.memoryMb)).toEqual([
      { memoryMb: 128, invocations: 10 },
      { memoryMb: 512, invocations: 10 },
    ]);
    const quiet = auto([128, 512], cost, 100_000, -1).next(at40(0.5));
    expect(quiet.done).toBe(true);
    expect(quiet.reason).toMatch(
      /^(128|512) MB, (128|512) MB have 40 invocations each and are still not told apart/,
    );
  });
});

describe("auto planner: the expected-loss stop (cost)", () => {
  // 1024 MB costs 4% more than 512 MB (GB-s: 0.5 × 200 = 0.1 and 1 × 104 = 0.104), noise 10%:
  // after the first rounds 1024 MB is ahead or behind by about 1.5–2 standard errors, not yet
  // surely (the 95% test needs about 2), but picking 512 MB is then expected to lose well under
  // 0.5% of its cost: the loss is s·φ(d/s) − d·Φ(−d/s) with s ≈ 0.1·√(2/n) ≈ 2.2% at n = 40.
  const meanAt = (m: number) => (m === 512 ? 200 : 104);

  it("stops when picking the leader is expected to lose under 0.5% of its cost", () => {
    const run = race(auto([512, 1024], cost), meanAt, 0.1);
    expect(run.reason).toMatch(
      /^512 MB leads 1024 MB, which is not told apart from it; the expected loss of picking it is 0\.\d\d% of its cost, under 0\.50% \(auto: at least 8 invocations per measured size and 20 behind the recommendation, at most 100\)$/,
    );
    expect(recommendFrom(run, cost)?.memoryMb).toBe(512);
    // The minimum still holds: the pick has 20 behind its mean, each size a round beyond 8.
    expect(run.samples.get(512)!.length).toBeGreaterThanOrEqual(20);
    expect(run.samples.get(1024)!.length).toBeGreaterThanOrEqual(13);
  });

  it("spends no more than the race without it on the same draws, and less in all", () => {
    let spentWith = 0;
    let spentWithout = 0;
    for (const seed of [1, 2, 3, 4, 5]) {
      const withLoss = count(race(auto([512, 1024], cost), meanAt, 0.1, seed).samples);
      const without = count(race(auto([512, 1024], cost, 100_000, -1), meanAt, 0.1, seed).samples);
      expect(withLoss).toBeLessThanOrEqual(without);
      spentWith += withLoss;
      spentWithout += without;
    }
    expect(spentWith).toBeLessThan(spentWithout);
  });

  it("is the cost strategy's only: speed never stops on it", () => {
    const run = race(auto([512, 1024], speed), meanAt, 0.1);
    expect(run.reason).not.toMatch(/expected loss/);
  });
});

describe("auto planner: the cap", () => {
  it("never spends more than the grid it replaces (50 per size)", () => {
    for (const seed of [1, 2, 3]) {
      const run = race(auto([128, 512], cost), (m) => (m === 128 ? 800 : 201), 0.3, seed);
      expect(count(run.samples)).toBeLessThanOrEqual(100);
    }
  });

  it("nor more than --max-invocations when that is lower", () => {
    const run = race(auto([128, 512], cost, 37), (m) => (m === 128 ? 800 : 200), 0.3);
    expect(count(run.samples)).toBe(37);
    expect(run.reason).toMatch(/^reached the cap of 37 invocations \(auto: .*, at most 37\)$/);
  });

  it("autoInvocationCap is the lower of 50 per size and --max-invocations", () => {
    expect(autoInvocationCap(6, 400)).toBe(300);
    expect(autoInvocationCap(10, 400)).toBe(400);
  });
});

describe("auto planner: coarse-then-fine over a range", () => {
  // A U-shaped cost (GC pressure at small sizes, paying for idle memory at large ones) with its
  // valley at 1408 MB: GB-s = 1 + ((m − 1408) / 1000)², so duration = GB-s / m × 1024 s.
  const valley = (m: number) => ((1 + ((m - 1408) / 1000) ** 2) / m) * 1024 * 1000;
  const range = Array.from({ length: 46 }, (_, i) => 128 + 64 * i);

  it("finds the valley while measuring a fraction of the 46 sizes", () => {
    const run = race(auto(range, cost), valley, 0.01);
    expect(coarseSizes(range)).toEqual([128, 256, 512, 1024, 1792, 2048, 3008]);
    expect(recommendFrom(run, cost)?.memoryMb).toBe(1408);
    expect(run.samples.size).toBeLessThanOrEqual(16);
    expect(count(run.samples)).toBeLessThan(0.2 * 50 * range.length);
  });

  it("refineAround bisects the gaps on both sides of the pick", () => {
    expect(refineAround([128, 192, 256, 320, 384], [128, 384], 128)).toEqual([256]);
    expect(refineAround([128, 192, 256, 320, 384], [128, 256, 384], 256)).toEqual([192, 320]);
    expect(refineAround([128, 192, 256], [128, 192, 256], 192)).toEqual([]);
  });
});
