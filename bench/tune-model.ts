/**
 * Sampling strategies against the emulator's duration model, many seeds per shape, in process
 * (no HTTP): the emulator's own simulateInvocation and seeded Rng draw every invocation, so the
 * numbers are those the emulator would produce, thousands of times faster.
 */

import type { Architecture } from "../src/core/pricing/types.js";
import { analyzeTuning } from "../src/core/tuning/analyze.js";
import { combineArchitectures } from "../src/core/tuning/architectures.js";
import { createSamplingPlanner } from "../src/core/tuning/sampling.js";
import { trimmedMean } from "../src/core/tuning/stats.js";
import type { InvocationSample, SamplingPlanner } from "../src/core/tuning/types.js";
import { round2, simulateInvocation } from "../src/emulator/duration-model.js";
import { Rng } from "../src/emulator/rng.js";
import { costModel, type Shape } from "./tune-shapes.js";

/** Environments per version: the first CONCURRENCY invocations of each size are cold. */
export const CONCURRENCY = 4;
export const GRID_PER_SIZE = 50;

export interface Outcome {
  pick: number | null;
  invocations: number;
  tuningCost: number;
  /** Why sampling stopped, and each size's invocations (for BENCH_DEBUG). */
  reason?: string | undefined;
  perSize?: string | undefined;
}

/** Draws invocations of one shape from one seed, remembering how many each size has had. */
export function sampler(shape: Shape, seed: number, architecture: Architecture = "x86_64") {
  const rng = new Rng(seed);
  return (memoryMb: number, index: number): InvocationSample => {
    const cold = index < CONCURRENCY;
    const out = simulateInvocation(
      { model: shape.model, memoryMb, architecture, timeoutSec: shape.timeoutSec, cold },
      {
        durationNoise: rng.logNormalFactor(shape.model.noiseCv),
        initNoise: rng.logNormalFactor(shape.model.noiseCv),
        errorDraw: rng.next(),
      },
    );
    return {
      memoryMb,
      durationMs: round2(out.durationMs),
      billedDurationMs: out.billedMs,
      maxMemoryUsedMb: out.maxMemoryUsedMb,
      initDurationMs: out.initMs === undefined ? undefined : round2(out.initMs),
      coldStart: cold,
      errorType: out.errorType,
    };
  };
}

let lastReason: string | undefined;
export function drive(planner: SamplingPlanner, draw: ReturnType<typeof sampler>) {
  const samples = new Map<number, InvocationSample[]>();
  for (;;) {
    const batch = planner.next(samples);
    lastReason = batch.reason;
    if (batch.done) return samples;
    for (const { memoryMb, invocations } of batch.items) {
      const list = samples.get(memoryMb) ?? [];
      for (let i = 0; i < invocations; i++) list.push(draw(memoryMb, list.length));
      samples.set(memoryMb, list);
    }
  }
}

function count(samples: Map<number, InvocationSample[]>): number {
  return [...samples.values()].reduce((n, list) => n + list.length, 0);
}

/** lambda-cost's `--invocations auto` (budget capped at the grid's size). */
export function adaptive(shape: Shape, seed: number): Outcome {
  const planner = createSamplingPlanner({
    finalistInvocations: process.env.BENCH_FINALIST
      ? Number(process.env.BENCH_FINALIST)
      : undefined,
    settleInvocations: process.env.BENCH_SETTLE ? Number(process.env.BENCH_SETTLE) : undefined,
    settleInvocationsWithModel: process.env.BENCH_SETTLE_MODEL
      ? Number(process.env.BENCH_SETTLE_MODEL)
      : undefined,
    settleInvocationsPressurePair: process.env.BENCH_SETTLE_PRESSURE_PAIR
      ? Number(process.env.BENCH_SETTLE_PRESSURE_PAIR)
      : undefined,
    neighbourInvocations: process.env.BENCH_NEIGHBOUR
      ? Number(process.env.BENCH_NEIGHBOUR)
      : undefined,
    initialInvocations: process.env.BENCH_INITIAL ? Number(process.env.BENCH_INITIAL) : undefined,
    stopAtLoss: process.env.BENCH_STOP_AT_LOSS ? Number(process.env.BENCH_STOP_AT_LOSS) : undefined,
    sizes: shape.sizes,
    mode: { kind: "auto", maxInvocations: GRID_PER_SIZE * shape.sizes.length },
    strategyOptions: shape.strategy,
    costModel,
  });
  return analyzed(shape, drive(planner, sampler(shape, seed)));
}

/** lambda-cost on a fixed grid of 50 per size (untrimmed means, interval-aware ranking). */
export function grid(shape: Shape, seed: number): Outcome {
  const planner = createSamplingPlanner({
    sizes: shape.sizes,
    mode: { kind: "fixed", invocationsPerSize: GRID_PER_SIZE },
    strategyOptions: shape.strategy,
    costModel,
  });
  return analyzed(shape, drive(planner, sampler(shape, seed)));
}

function analyzed(shape: Shape, samples: Map<number, InvocationSample[]>): Outcome {
  const analysis = analyzeTuning({
    samplesBySize: samples,
    costModel,
    strategyOptions: shape.strategy,
    originalMemoryMb: shape.sizes[0]!,
  });
  // The pick the command prints: run-tune.ts passes every run through combineArchitectures.
  const { recommendation } = combineArchitectures(
    [{ architecture: "x86_64", analysis }],
    shape.strategy,
    { architecture: "x86_64", memoryMb: shape.sizes[0]! },
  );
  return {
    pick: recommendation?.memoryMb ?? null,
    invocations: count(samples),
    tuningCost: analysis.tuningCost.toNumber(),
    reason: lastReason,
    perSize: analysis.sizes
      .map((s) => `${s.memoryMb}:${s.invocations}${s.feasible ? "" : "✗"}`)
      .join(" "),
  };
}

/**
 * AWS Lambda Power Tuning's method: 50 per size, drop 20% from each end, price
 * ⌈trimmed mean billed ms⌉ at the size's GB-ms rate, pick the lowest by strategy. Generous to
 * it: a size with an out-of-memory or a timeout is skipped (Power Tuning itself aborts the whole
 * run), and other errors are tolerated as its `allowedExceptions` option would.
 */
export function powerTuning(shape: Shape, seed: number): Outcome {
  const draw = sampler(shape, seed);
  const rows = shape.sizes.map((memoryMb) => {
    const samples = Array.from({ length: GRID_PER_SIZE }, (_, i) => draw(memoryMb, i));
    const ok = samples.every(
      (s) => s.errorType === undefined || s.errorType === "Runtime.Unhandled",
    );
    const billed = Math.ceil(
      trimmedMean(
        samples.map((s) => s.billedDurationMs),
        0.2,
      ),
    );
    const cost = (memoryMb / 1024) * (billed / 1000) * 0.0000166667;
    const duration = trimmedMean(
      samples.map((s) => s.durationMs),
      0.2,
    );
    return { memoryMb, samples, ok, cost, duration };
  });
  const feasible = rows.filter((r) => r.ok);
  const maxCost = Math.max(...feasible.map((r) => r.cost));
  const maxDuration = Math.max(...feasible.map((r) => r.duration));
  const w = shape.strategy.balancedWeight;
  const score = (r: (typeof rows)[number]) =>
    shape.strategy.strategy === "cost"
      ? r.cost
      : shape.strategy.strategy === "speed"
        ? r.duration
        : (w * r.cost) / maxCost + ((1 - w) * r.duration) / maxDuration;
  const best = feasible.reduce<(typeof rows)[number] | undefined>(
    (a, r) => (a === undefined || score(r) < score(a) ? r : a),
    undefined,
  );
  const all = rows.flatMap((r) => r.samples);
  return {
    pick: best?.memoryMb ?? null,
    invocations: all.length,
    tuningCost: all.reduce((t, s) => t + costModel(s.memoryMb, s.billedDurationMs).toNumber(), 0),
  };
}
