import { describe, expect, it } from "vitest";
import { type Decimal, dec } from "../../src/core/money/index.js";
import { decide } from "../../src/core/tuning/equivalence.js";
import { decideByModel, scalingFit, scalingPoint } from "../../src/core/tuning/model-decision.js";
import { rankSizes } from "../../src/core/tuning/rank.js";
import { recommend } from "../../src/core/tuning/recommend.js";
import { createSamplingPlanner } from "../../src/core/tuning/sampling.js";
import {
  fitScalingModel,
  fitWithPressure,
  lackOfFitCritical,
  predictMean,
  type ScalingPoint,
  scalingFeatures,
} from "../../src/core/tuning/scaling-model.js";
import { summarizeSize } from "../../src/core/tuning/summarize.js";
import type { InvocationSample, StrategyOptions } from "../../src/core/tuning/types.js";
import { Rng } from "../../src/emulator/rng.js";

const costModel = (memoryMb: number, billedMs: number): Decimal =>
  dec("0.0000002").plus(
    dec(memoryMb).div(1024).times(dec(billedMs).div(1000)).times("0.0000166667"),
  );
const cost: StrategyOptions = { strategy: "cost", balancedWeight: 0.5 };
const SIX = [128, 256, 512, 1024, 1769, 3008];

/** F ms of waiting, C ms of single-threaded CPU at one vCPU (1,769 MB), P ms spread over vCPUs. */
function modelMs(m: number, F: number, C: number, P: number): number {
  const v = m / 1769;
  return F + C / Math.min(1, v) + P / v;
}
const points = (durations: (m: number) => number, sizes = SIX, cv = 0.05, n = 20) =>
  sizes.map((memoryMb): ScalingPoint => {
    const mean = durations(memoryMb);
    return { memoryMb, mean, stdDev: cv * mean, n };
  });

describe("scalingFeatures", () => {
  it("is [1, 1/min(1, v), min(0, 1/v − 1)] with v = memory/1769 MB", () => {
    expect(scalingFeatures(884.5)).toEqual([1, 2, 0]); // half a vCPU: CPU work takes twice as long
    expect(scalingFeatures(1769)).toEqual([1, 1, 0]);
    expect(scalingFeatures(3538)).toEqual([1, 1, -0.5]); // two vCPUs: parallel work takes half
  });
});

describe("fitScalingModel", () => {
  it("recovers F, C + P and P from means that follow the model", () => {
    // F = 20, C = 300, P = 600: the features' coefficients are F, C + P = 900, P = 600.
    const fit = fitScalingModel(points((m) => modelMs(m, 20, 300, 600)))!;
    expect(fit.fits).toBe(true);
    expect(fit.beta[0]).toBeCloseTo(20, 6);
    expect(fit.beta[1]).toBeCloseTo(900, 6);
    expect(fit.beta[2]).toBeCloseTo(600, 6);
    expect(fit.cv).toBeCloseTo(0.05, 10);
    expect(predictMean(fit, 2048)).toBeCloseTo(modelMs(2048, 20, 300, 600), 6);
  });

  it("drops a feature the sizes cannot see: no size above 1,769 MB, no parallel term", () => {
    const fit = fitScalingModel(points((m) => modelMs(m, 10, 500, 0), [128, 256, 512, 1024]))!;
    expect(fit.used).toEqual([true, true, false]);
    expect(fit.beta[1]).toBeCloseTo(500, 6);
  });

  it("never estimates a negative time: the best fit with every parameter ≥ 0", () => {
    // Means 5 ms below a pure CPU curve: the free fit's fixed time would be −5 ms, which would
    // make every size above 128 MB look cheaper than it can be.
    const fit = fitScalingModel(points((m) => modelMs(m, 0, 300, 0) - 5))!;
    expect(fit.beta.every((b) => b >= 0)).toBe(true);
    expect(fit.beta[0]).toBe(0);
  });

  it("refuses a function whose work changes with memory (garbage collection near the limit)", () => {
    const gc = (m: number) => 20 + modelMs(m, 0, 300, 0) * (1 + (0.8 * 100) / (m - 100));
    const fit = fitScalingModel(points(gc))!;
    expect(fit.fits).toBe(false);
    expect(fit.lackOfFit).toBeGreaterThan(lackOfFitCritical(3, 114));
  });

  it("needs one size more than it has parameters, and a spread to pool", () => {
    expect(fitScalingModel(points((m) => modelMs(m, 20, 300, 0), [128, 256]))).toBeNull();
    expect(fitScalingModel(points((m) => modelMs(m, 20, 300, 0), SIX, 0))).toBeNull();
  });

  it("a parameter held at 0 takes no degree of freedom from the lack-of-fit test", () => {
    // Single-threaded (P = 0) with 3008 MB measured 2% slow: the free fit wants P < 0 (more
    // vCPUs making it slower), so P is held at 0 and F, C are fitted — 2 parameters estimated
    // from 6 points, so the statistic is χ²/(6 − 2), not χ²/(6 − 3).
    const fit = fitScalingModel(points((m) => modelMs(m, 20, 300, 0) * (m === 3008 ? 1.02 : 1)))!;
    expect(fit.beta[2]).toBe(0);
    // χ² recomputed from the fit: weight n/(cv·mean)² with the pooled cv 0.05 and n = 20.
    const chi = SIX.reduce((sum, m) => {
      const mean = modelMs(m, 20, 300, 0) * (m === 3008 ? 1.02 : 1);
      return sum + (20 / (0.05 * mean) ** 2) * (mean - predictMean(fit, m)) ** 2;
    }, 0);
    expect(fit.lackOfFit).toBeCloseTo(chi / 4, 9);
  });

  it("refuses about 20% of exact-model data, as its 80th-percentile critical value says", () => {
    // 2,000 seeded draws of 46 invocations per size with 20% log-normal noise around
    // F + C/min(1, v) (P = 0). Dividing by points − 3 whenever P was held at 0 refused 26%.
    const rng = new Rng(7);
    let refused = 0;
    for (let draw = 0; draw < 2000; draw++) {
      const data = SIX.map((memoryMb): ScalingPoint => {
        const mu = modelMs(memoryMb, 50, 500, 0);
        const xs = Array.from({ length: 46 }, () => mu * rng.logNormalFactor(0.2));
        const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
        const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1);
        return { memoryMb, mean, stdDev: Math.sqrt(variance), n: xs.length };
      });
      if (!fitScalingModel(data)!.fits) refused += 1;
    }
    expect(refused / 2000).toBeGreaterThan(0.17);
    expect(refused / 2000).toBeLessThan(0.23);
  });

  it("lackOfFitCritical is the 80th percentile of χ²(k)/k (tables: χ²₀.₈(4) = 5.989)", () => {
    expect(lackOfFitCritical(4, 100)).toBeCloseTo(5.989 / 4, 1);
    expect(lackOfFitCritical(1, 100)).toBeCloseTo(1.642, 1);
  });
});

describe("fitWithPressure", () => {
  // Garbage collection under memory pressure (Appel 1987): 300 ms of CPU at one vCPU, with
  // 100 MB live, takes 300·(1769/m)·(1 + 0.8·100/(m − 100)) ms below 1,769 MB — at 128 MB the
  // collector adds 0.8·100/28 = 2.86 times the work. 20 ms of waiting besides.
  const USED = 100;
  const appel = (m: number) => 20 + modelMs(m, 0, 300, 0) * (1 + (0.8 * USED) / (m - USED));
  const withUsed = (data: ScalingPoint[], usedMb = USED) => data.map((p) => ({ ...p, usedMb }));

  it("adds the pressure feature when the sizes need it, and then fits them exactly", () => {
    expect(fitScalingModel(withUsed(points(appel)))!.fits).toBe(false);
    const fit = fitWithPressure(withUsed(points(appel)))!;
    expect(fit.pressure).toBe(true);
    expect(fit.fits).toBe(true);
    // Features [1, 1769/m, –, 1769/m · u/(1 − u)]: F = 20, C = 300, and C·0.8 = 240 for the last.
    expect(fit.beta[0]).toBeCloseTo(20, 6);
    expect(fit.beta[1]).toBeCloseTo(300, 6);
    expect(fit.beta.at(-1)).toBeCloseTo(240, 6);
    // 256 MB by hand: 20 + 300·(1769/256)·(1 + 0.8·100/156) = 20 + 2073.05·1.51282 = 3156.14 ms.
    expect(predictMean(fit, 256, USED)).toBeCloseTo(3156.14, 1);
  });

  it("is not added to sizes that follow the plain model, nor without Max Memory Used", () => {
    expect(fitWithPressure(withUsed(points((m) => modelMs(m, 20, 300, 0))))).toBeNull();
    expect(fitWithPressure(points(appel))).toBeNull();
    // More memory pressure making a function faster is not garbage collection: a negative
    // coefficient is refused (128 MB measured 30% faster than the plain model).
    const faster = (m: number) => modelMs(m, 20, 300, 0) * (m === 128 ? 0.7 : 1);
    expect(fitWithPressure(withUsed(points(faster)))).toBeNull();
  });

  it("needs Max Memory Used at every size: one size alone would make the feature a dummy", () => {
    // Plain-model data with 128 MB 10% slow: the plain fit is refused. Were 128 MB the only size
    // with a Max Memory Used, the fourth feature would be non-zero there alone and fit it exactly.
    const data = points((m) => modelMs(m, 20, 300, 0) * (m === 128 ? 1.1 : 1)).map((p) => ({
      ...p,
      usedMb: p.memoryMb === 128 ? 100 : 0,
    }));
    expect(fitScalingModel(data)!.fits).toBe(false);
    expect(fitWithPressure(data)).toBeNull();
  });

  it("uses each size's own Max Memory Used", () => {
    // Live memory that grows with the heap, as many runtimes' does: u differs at each size.
    const used: Record<number, number> = {
      128: 90,
      256: 120,
      512: 150,
      1024: 200,
      1769: 250,
      3008: 300,
    };
    const exact = (m: number) =>
      20 + modelMs(m, 0, 300, 0) * (1 + (0.8 * used[m]!) / (m - used[m]!));
    const fit = fitWithPressure(points(exact).map((p) => ({ ...p, usedMb: used[p.memoryMb] })))!;
    expect(fit.fits).toBe(true);
    for (const m of SIX) expect(predictMean(fit, m, used[m])).toBeCloseTo(exact(m), 6);
    // The decision prices each size from its own: 512 MB by hand, 20 + 1036.52·(1 + 120/362)
    // = 1400.12 ms → $0.0000002 + 0.5 GB·1.40012 s·$0.0000166667 = $0.000011868.
    const summaries = SIX.map((m) =>
      summarizeSize(
        m,
        samplesAt(m, exact(m), 0.2, 20).map((x) => ({ ...x, maxMemoryUsedMb: used[m]! })),
        { costModel },
      ),
    );
    const ranked = rankSizes(summaries, cost);
    const decision = decideByModel(ranked, cost, costModel, decide(ranked, cost)!)!;
    const at512 = ranked.find((r) => r.summary.memoryMb === 512)!;
    expect(decision.fit.pressure).toBe(true);
    expect(decision.terms.get(at512)!.score).toBeCloseTo(0.000011868, 9);
  });

  it("is not used under speed", () => {
    const data = points(appel).map((p) => ({ ...p, usedMb: USED }));
    expect(fitWithPressure(data)?.pressure).toBe(true);
    const speed: StrategyOptions = { strategy: "speed", balancedWeight: 0.5 };
    const summaries = SIX.map((m) =>
      summarizeSize(m, samplesAt(m, appel(m), 0.02, 20), { costModel }),
    );
    expect(scalingFit(rankSizes(summaries, speed), speed)?.pressure).toBe(false);
    expect(scalingFit(rankSizes(summaries, cost), cost)?.pressure).toBe(true);
  });

  it("is added to about 10% of exact-model data: the 80th percentile of χ²(1), one-sided", () => {
    // Under the plain model the extra sum of squares is χ²(1) and the coefficient's sign is a
    // coin toss: P(χ²(1) > 1.6424 and positive) = 0.2/2 = 0.1.
    const rng = new Rng(11);
    let added = 0;
    const draws = 1000;
    for (let draw = 0; draw < draws; draw++) {
      const data = SIX.map((memoryMb): ScalingPoint => {
        const mu = modelMs(memoryMb, 50, 500, 0);
        const xs = Array.from({ length: 30 }, () => mu * rng.logNormalFactor(0.2));
        const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
        const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1);
        return { memoryMb, mean, stdDev: Math.sqrt(variance), n: xs.length, usedMb: 90 };
      });
      if (fitWithPressure(data)) added += 1;
    }
    expect(added / draws).toBeGreaterThan(0.07);
    expect(added / draws).toBeLessThan(0.13);
  });
});

/** Samples with a repeating ±spread pattern around each size's mean billed duration. */
const PATTERN = [-1, 0.5, -0.5, 1, 0, -0.25, 0.25, 0.75, -0.75, 0];
function samplesAt(memoryMb: number, meanMs: number, spread: number, n: number) {
  return Array.from(
    { length: n },
    (_, i): InvocationSample => ({
      memoryMb,
      durationMs: meanMs * (1 + spread * PATTERN[i % PATTERN.length]!),
      billedDurationMs: meanMs * (1 + spread * PATTERN[i % PATTERN.length]!),
      maxMemoryUsedMb: 100,
      coldStart: false,
    }),
  );
}

describe("decideByModel", () => {
  // A CPU-bound function: 1 ms of waiting, 300 ms of CPU at one vCPU. Below 1,769 MB its cost is
  // flat: price·(m·1 ms + 1769 MB·300 ms) grows by 128·1/(1769·300) ≈ 0.02% from 128 to 256 MB.
  // A spread of ±20% (sd ≈ 13%) over 20 invocations: each size's own interval is ±6%.
  const summaries = SIX.map((m) =>
    summarizeSize(m, samplesAt(m, modelMs(m, 1, 300, 0), 0.2, 20), { costModel }),
  );
  const ranked = rankSizes(summaries, cost);

  it("shows near-equal sizes equivalent that their own samples cannot tell apart", () => {
    const direct = decide(ranked, cost)!;
    expect(direct.equivalent).toEqual([]);
    expect(direct.open.length).toBeGreaterThan(0);
    const byModel = decideByModel(ranked, cost, costModel, direct)!;
    expect(byModel.fit.fits).toBe(true);
    expect(byModel.leader.summary.memoryMb).toBe(128);
    expect(byModel.equivalent.map((r) => r.summary.memoryMb)).toContain(256);
    // 3008 MB is past one vCPU: 1.7× the price of the flat part, out by any account.
    expect(byModel.out.map((r) => r.summary.memoryMb)).toContain(3008);
    // The pick is the cheapest of the leader and the sizes equivalent to it.
    const group = [byModel.leader, ...byModel.equivalent];
    for (const r of group) {
      expect(
        byModel.pick.summary.costPerInvocation.lessThanOrEqualTo(r.summary.costPerInvocation),
      ).toBe(true);
    }
  });

  it("is what recommend() states when given the price model (analyzeTuning passes it)", () => {
    expect(recommend(summaries, cost)?.equivalentMemoryMb).toBeUndefined();
    const withModel = recommend(summaries, cost, costModel)!;
    expect(withModel.equivalentMemoryMb).toContain(256);
    expect(withModel.advice).toMatch(/practically equivalent/);
  });

  it("has no say under the balanced strategy, nor when the model does not fit", () => {
    const balanced: StrategyOptions = { strategy: "balanced", balancedWeight: 0.5 };
    expect(decideByModel(ranked, balanced, costModel, decide(ranked, balanced)!)).toBeNull();
    const gc = [256, 512, 1024, 1769, 3008].map((m) =>
      summarizeSize(
        m,
        samplesAt(m, modelMs(m, 0, 300, 0) * (1 + (0.8 * 200) / (m - 200)), 0.02, 20),
        { costModel },
      ),
    );
    const gcRanked = rankSizes(gc, cost);
    expect(decideByModel(gcRanked, cost, costModel, decide(gcRanked, cost)!)).toBeNull();
  });
});

describe("recommend() and the auto planner under memory pressure", () => {
  // 20 ms of waiting and 300 ms of CPU at one vCPU, slowed by a collector keeping 100 MB live
  // (×(1 + 0.8·100/(m − 100)), see fitWithPressure above), measured with a ±20% spread.
  const durationMs = (m: number) => 20 + modelMs(m, 0, 300, 0) * (1 + (0.8 * 100) / (m - 100));
  // Its true cost per invocation at each size, by hand from the price model (no fit involved),
  // $0.0000002 + m/1024 GB · d/1000 s · $0.0000166667:
  //   128 MB: d = 20 + 4146.09·3.85714 = 16012.1 ms → $0.000033559
  //   256 MB: d = 20 + 2073.05·1.51282 =  3156.2 ms → $0.000013351
  //   512 MB: d = 20 + 1036.52·1.19417 =  1257.8 ms → $0.000010682
  //  1024 MB: d = 20 +  518.26·1.08658 =   583.1 ms → $0.0000099189
  //  1769 MB: d = 20 +  300.00·1.04793 =   334.4 ms → $0.0000098276
  //  3008 MB: d = 20 +  300.00·1.02751 =   328.3 ms → $0.000016271
  // The cheapest is 1769 MB, with 1024 MB 0.93% dearer: a near-tie the race must settle.
  const trueCost = (m: number) => costModel(m, durationMs(m)).toNumber();
  const cheapest = SIX.reduce((a, b) => (trueCost(b) < trueCost(a) ? b : a));

  it("the hand computation agrees on the cheapest size", () => {
    expect(cheapest).toBe(1769);
    expect(trueCost(1024) / trueCost(1769)).toBeCloseTo(1.0093, 4);
    expect(trueCost(512) / trueCost(1769)).toBeCloseTo(1.0869, 4);
  });

  it("recommend() picks it with the memory-pressure fit, where the plain one would not fit", () => {
    const summaries = SIX.map((m) =>
      summarizeSize(m, samplesAt(m, durationMs(m), 0.2, 40), { costModel }),
    );
    const ranked = rankSizes(summaries, cost);
    const points = ranked.map((r) => scalingPoint(r.summary, cost));
    expect(fitScalingModel(points)!.fits).toBe(false);
    const byModel = decideByModel(ranked, cost, costModel, decide(ranked, cost)!)!;
    expect(byModel.fit.pressure).toBe(true);
    expect(byModel.pick.summary.memoryMb).toBe(cheapest);
    expect(recommend(summaries, cost, costModel)!.memoryMb).toBe(cheapest);
  });

  /** Races the six sizes to the end on the ±20% pattern; the planner's options may be changed. */
  function racePressure(options: Partial<Parameters<typeof createSamplingPlanner>[0]> = {}) {
    const planner = createSamplingPlanner({
      sizes: SIX,
      mode: { kind: "auto", maxInvocations: 300 },
      strategyOptions: cost,
      costModel,
      ...options,
    });
    const samples = new Map<number, InvocationSample[]>();
    const reasons: string[] = [];
    for (let guard = 0; guard < 50 && reasons.length === 0; guard++) {
      const batch = planner.next(samples);
      if (batch.done) reasons.push(batch.reason ?? "");
      for (const { memoryMb, invocations } of batch.items) {
        const have = samples.get(memoryMb)?.length ?? 0;
        samples.set(memoryMb, samplesAt(memoryMb, durationMs(memoryMb), 0.2, have + invocations));
      }
    }
    return { samples, reasons };
  }

  it("the race decides with that fit too, and says so", () => {
    const { samples, reasons } = racePressure();
    // The plain model does not fit these sizes; with the pressure term the race's rounds pin the
    // fitted differences. Down to two sizes under that term the race would settle at 50 on
    // average (racing.ts, pressurePair); here it ends before, on the expected loss from the fit.
    expect(reasons[0]).toMatch(
      /^1769 MB leads 1024 MB, which is not told apart from it; the expected loss of picking it is 0\.\d\d% of its cost, under 0\.50% \(from the CPU-scaling model with its memory-pressure term fitted across the sizes measured\)/,
    );
    // 108: 53 at 1,769 MB, 18 at 1,024 MB, 13 at 512 MB, 8 at the others (3,008 MB, next to the
    // pick, is 65% dearer by its own samples: it gets no more).
    const total = [...samples.values()].reduce((n, list) => n + list.length, 0);
    expect(total).toBe(108); // the grid would spend 300
    const summaries = SIX.map((m) => summarizeSize(m, samples.get(m) ?? [], { costModel }));
    expect(recommend(summaries, cost, costModel)!.memoryMb).toBe(cheapest);
  });

  it("settles a race down to two sizes under that fit at the grid's 50 on average, not 16", () => {
    // Without the expected-loss stop the race runs to its settle point.
    const usual = racePressure({ stopAtLoss: -1, settleInvocationsPressurePair: 0 });
    expect(usual.reasons[0]).toMatch(
      /^(1769 MB, 1024 MB|1024 MB, 1769 MB) are still not told apart with 16 or more invocations each on average, .* with its memory-pressure term/,
    );
    const pair = racePressure({ stopAtLoss: -1 });
    expect(pair.reasons[0]).toMatch(
      /^(1769 MB, 1024 MB|1024 MB, 1769 MB) are still not told apart with 50 or more invocations each on average, .* with its memory-pressure term/,
    );
    const atPair = (1 / 2) * (pair.samples.get(1024)!.length + pair.samples.get(1769)!.length);
    expect(atPair).toBeGreaterThanOrEqual(50);
    const atUsual = (1 / 2) * (usual.samples.get(1024)!.length + usual.samples.get(1769)!.length);
    expect(atUsual).toBeLessThan(50);
  });
});

describe("auto planner with the CPU-scaling model", () => {
  it("stops a flat-cost race early and says the model settled it", () => {
    const planner = createSamplingPlanner({
      sizes: [128, 256, 512, 1024],
      mode: { kind: "auto", maxInvocations: 1000 },
      strategyOptions: cost,
      costModel,
    });
    const samples = new Map<number, InvocationSample[]>();
    let reason: string | undefined;
    for (let guard = 0; guard < 50 && reason === undefined; guard++) {
      const batch = planner.next(samples);
      if (batch.done) reason = batch.reason;
      for (const { memoryMb, invocations } of batch.items) {
        const have = samples.get(memoryMb)?.length ?? 0;
        const all = samplesAt(memoryMb, modelMs(memoryMb, 1, 300, 0), 0.2, have + invocations);
        samples.set(memoryMb, all);
      }
    }
    const total = [...samples.values()].reduce((n, l) => n + l.length, 0);
    expect(reason).toMatch(/CPU-scaling model/);
    expect(reason).toMatch(/at least 8 invocations per measured size and 20 behind/);
    // The grid would spend 200; the per-size race ran to its settle point (40 each, 160).
    expect(total).toBeLessThan(120);
  });
});
