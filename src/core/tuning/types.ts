/**
 * The vocabulary of `tune`, shared by the pure core (log parsing, statistics, sampling plans,
 * recommendation) and the runner that drives a real function (src/tune). Pure data only.
 *
 * The runner's path through the core:
 * log tail → parseInvocationLog() → InvocationReport → InvocationSample (billed via
 * billedMsOf()); createSamplingPlanner() decides each batch; analyzeTuning() turns the samples
 * into a TuningAnalysis (summarizeSize() per size, recommend(), monthly projection, tuningCost);
 * the runner composes a TuneResult and src/output/tune.ts renders it. sizesAuto() is
 * `--sizes auto`.
 */
import type { Decimal } from "../money/index.js";
import type { Architecture } from "../pricing/types.js";

/** What one REPORT line (text) or platform.report record (JSON) says about an invocation. */
export interface InvocationReport {
  durationMs: number;
  /** Already includes INIT for on-demand invocations since 2025-08-01; never add init again. */
  billedDurationMs: number;
  memorySizeMb: number;
  maxMemoryUsedMb: number;
  initDurationMs?: number;
  restoreDurationMs?: number;
  billedRestoreDurationMs?: number;
  /** "success" when the line has no Status field; else timeout | error | failure. */
  status?: string;
  errorType?: string;
}

/** One measured invocation of one memory size, as the runner hands it to the core. */
export interface InvocationSample {
  memoryMb: number;
  durationMs: number;
  /**
   * What AWS bills for this invocation, in ms: billedMsOf(report) = Billed Duration (+ Billed
   * Restore Duration under SnapStart). INIT is already inside Billed Duration; never add it.
   */
  billedDurationMs: number;
  maxMemoryUsedMb: number;
  initDurationMs?: number | undefined;
  /** The first invocation of a new execution environment (INIT ran). */
  coldStart: boolean;
  /** Set when the invocation failed: "Runtime.OutOfMemory", "Sandbox.Timedout", "Unhandled", … */
  errorType?: string | undefined;
}

export const STRATEGIES = ["cost", "speed", "balanced"] as const;
export type Strategy = (typeof STRATEGIES)[number];

export interface StrategyOptions {
  strategy: Strategy;
  /** w in w·cost/maxCost + (1−w)·duration/maxDuration; 0–1. */
  balancedWeight: number;
  /** Sizes whose p90 duration exceeds this are excluded. */
  maxDurationMs?: number | undefined;
  /**
   * Relative difference of the strategy's score that does not matter (`--equivalence-margin`):
   * sizes shown to be within it of the best are equivalent and the cheapest of them is
   * recommended. Default 0.01 (±1% of cost) for cost and balanced, 0.02 (±2% of duration)
   * for speed.
   */
  equivalenceMargin?: number | undefined;
}

/**
 * Prices one invocation at a memory size: request + billed GB-s at the function's region and
 * architecture (built from the pricing engine by the caller).
 */
export type InvocationCostModel = (memoryMb: number, billedDurationMs: number) => Decimal;

export type SamplingMode =
  | { kind: "fixed"; invocationsPerSize: number }
  | { kind: "auto"; maxInvocations: number };

/** What to invoke next: a number of invocations per memory size. Empty means done. */
export interface SamplingBatch {
  items: Array<{ memoryMb: number; invocations: number }>;
  done: boolean;
  /** Why sampling stopped (when done), for the output. */
  reason?: string;
}

/** Decides, from the samples so far, what to invoke next (fixed grid or adaptive). */
export interface SamplingPlanner {
  next(samplesBySize: ReadonlyMap<number, readonly InvocationSample[]>): SamplingBatch;
}

export interface DurationStats {
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  /** 95% t-interval of the mean (used by the speed strategy). */
  ci95: [number, number];
  /** Sample standard deviation, ms. */
  stdDev: number;
  /** When `trim` is given: the mean after Power Tuning's trimming. */
  trimmedMean?: number | undefined;
}

/** One row of the result: everything measured and priced at one memory size. */
export interface SizeSummary {
  memoryMb: number;
  /** The architecture this size ran on (set by the runner; priced at that architecture). */
  architecture?: Architecture | undefined;
  invocations: number;
  errors: number;
  errorsByType: Record<string, number>;
  coldStarts: number;
  meanInitDurationMs: number | null;
  feasible: boolean;
  /** Why a size is infeasible (out of memory, timeout, errors, over --max-duration). */
  reason?: string | undefined;
  /**
   * True when the size is infeasible by its share of failed invocations alone (no out-of-memory,
   * timeout or crash): more invocations could still show the share within the limit.
   */
  failsTooOften?: boolean | undefined;
  /** Warm invocations only. */
  durationMs: DurationStats;
  /**
   * Of a warm successful invocation, plus cold starts weighed at the caller's production
   * cold-start share (default 0; see SummarizeOptions.coldStartShare). `ci95` is the 95%
   * t-interval of the mean; [0, Infinity] with fewer than two invocations (JSON renders a
   * non-finite bound as null).
   */
  billedDurationMs: {
    mean: number;
    ci95: [number, number];
    /** Sample standard deviation, ms. */
    stdDev: number;
    /** When `trim` is given (comparison with Power Tuning only). */
    trimmedMean?: number | undefined;
    /** Invocations behind the mean (warm ones, plus cold if weighed). */
    n: number;
    /** Mean billed ms of a cold invocation (INIT included); null if none. */
    coldMean: number | null;
  };
  costPerInvocation: Decimal;
  costPerMillion: Decimal;
  /** 95% interval of the cost per invocation, from the billed-duration interval. */
  costPerInvocationCi95: [Decimal, Decimal];
  maxMemoryUsedMb: number;
  /** (memoryMb − maxMemoryUsedMb) / memoryMb. */
  memoryHeadroom: number;
  /** Invocations without an error (the basis of the billed mean). */
  successfulInvocations: number;
  /** Successful warm invocations (the basis of durationMs). */
  warmInvocations: number;
}

export interface Recommendation {
  memoryMb: number;
  /** The architecture recommended (the function's own unless another was measured and won). */
  architecture?: Architecture | undefined;
  reason: string;
  /** False when the 95% interval of the winner's difference from the runner-up includes 0. */
  distinguishable: boolean;
  /** What would settle it, when not distinguishable. */
  advice?: string | undefined;
  runnerUpMemoryMb?: number | undefined;
  runnerUpArchitecture?: Architecture | undefined;
  /**
   * Sizes shown to be practically equivalent to the best (their difference's 95% interval lies
   * within ±equivalenceMargin); the recommendation is the cheapest of them and the best.
   */
  equivalentMemoryMb?: number[] | undefined;
  /** The relative margin used for equivalence (e.g. 0.01 = ±1% of cost). */
  equivalenceMargin?: number | undefined;
}

export interface MonthlyProjection {
  monthlyInvocations: number;
  /** Where the volume came from: the flag or CloudWatch. */
  source: "flag" | "cloudwatch";
  bySize: Array<{
    memoryMb: number;
    architecture?: Architecture | undefined;
    monthlyCost: Decimal;
  }>;
  currentMemoryMb: number;
  currentMonthlyCost: Decimal | null;
  recommendedMonthlyCost: Decimal;
  /** current − recommended; null when the current size was not measured. */
  monthlySaving: Decimal | null;
}

/** The pure analysis of a finished sampling run. */
export interface TuningAnalysis {
  sizes: SizeSummary[];
  /** null when no size is feasible. */
  recommendation: Recommendation | null;
  monthlyProjection?: MonthlyProjection | undefined;
  /** With more than one architecture measured: arm64 against x86_64 at the recommended size. */
  architectureComparison?: ArchitectureComparison | undefined;
  /** What the measured invocations themselves cost. */
  tuningCost: Decimal;
  totalInvocations: number;
}

/**
 * arm64 against x86_64 at one memory size (the recommended one): each one's mean cost per
 * invocation at its own architecture's prices, the relative difference, and whether the 95%
 * Welch interval of the difference excludes 0.
 */
export interface ArchitectureComparison {
  memoryMb: number;
  x86CostPerMillion: Decimal;
  arm64CostPerMillion: Decimal;
  /** (arm64 − x86_64) / x86_64: negative when arm64 is cheaper. */
  arm64RelativeDifference: number;
  distinguishable: boolean;
  /** x86_64 and arm64 mean warm duration, ms. */
  x86DurationMs: number;
  arm64DurationMs: number;
}

/** An architecture that was asked for but not measured, and why. */
export interface SkippedArchitecture {
  architecture: Architecture;
  reason: string;
}

/**
 * What one `tune` run produced: the model every renderer (table, chart, JSON, CSV) prints.
 * The runner composes it from its snapshot and the TuningAnalysis; the JSON renderer
 * (src/output/tune-json.ts) turns it into the stable contract of issue 4's Output section.
 */
export interface TuneResult {
  /** The function name (or ARN) as resolved by the runner. */
  function: string;
  region: string;
  architecture: Architecture;
  strategy: Strategy;
  /** w of the balanced strategy (printed for every strategy; used only by balanced). */
  balancedWeight?: number | undefined;
  maxDurationMs?: number | undefined;
  originalMemoryMb: number;
  /** One summary per measured size, ascending by memory (each architecture in turn). */
  sizes: SizeSummary[];
  /** Architectures asked for with --arch but not measured, with the reason. */
  skippedArchitectures?: SkippedArchitecture[] | undefined;
  architectureComparison?: ArchitectureComparison | undefined;
  /** null when no size is feasible (the command then exits 1). */
  recommendation: Recommendation | null;
  monthlyProjection?: MonthlyProjection | undefined;
  /** What the run's own invocations cost (sum of each sample's price). */
  tuningCost: Decimal;
  /** True once the function is back exactly as found. */
  restored: boolean;
  /** Optional run facts the runner may add: invocations made, why sampling stopped, throttles. */
  totalInvocations?: number | undefined;
  stopReason?: string | undefined;
  throttles?: number | undefined;
  /** Set when --trim was given: trimmed means are shown beside (never instead of) the means. */
  trim?: number | undefined;
}
