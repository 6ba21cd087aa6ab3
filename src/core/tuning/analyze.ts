/**
 * The whole pure analysis of a finished sampling run, and the default size spread.
 */
import { LAMBDA_LIMITS } from "../lambda-limits.js";
import { type Decimal, sum } from "../money/index.js";
import { recommend } from "./recommend.js";
import { summarizeSize } from "./summarize.js";
import type {
  InvocationCostModel,
  InvocationSample,
  MonthlyProjection,
  StrategyOptions,
  TuningAnalysis,
} from "./types.js";

export interface AnalyzeTuningInput {
  samplesBySize: ReadonlyMap<number, readonly InvocationSample[]>;
  costModel: InvocationCostModel;
  strategyOptions: StrategyOptions;
  /** Power Tuning's trimming, reported beside the means for comparison only. */
  trim?: number | undefined;
  /** $LATEST's memory before the run: the baseline of the monthly saving. */
  originalMemoryMb: number;
  /** Monthly volume to project onto, from `--monthly-invocations` or CloudWatch. */
  monthly?: { invocations: number; source: "flag" | "cloudwatch" } | undefined;
  /**
   * Prices a month at one size (tiers, free tier: the pricing engine's job). Default:
   * cost per invocation × monthly invocations, i.e. list price with no free tier.
   */
  monthlyCost?: ((memoryMb: number, meanBilledMs: number) => Decimal) | undefined;
  /** See SummarizeOptions.maxErrorShare. */
  maxErrorShare?: number | undefined;
  /** Production cold-start share to weigh INIT into the cost; see SummarizeOptions. Default 0. */
  coldStartShare?: number | undefined;
}

/**
 * Summarizes every size, recommends one, projects the month and prices the run itself
 * (tuningCost = Σ costModel(sample.memoryMb, sample.billedDurationMs) over every invocation,
 * failed ones included: AWS bills those too).
 *
 * @example
 * const analysis = analyzeTuning({ samplesBySize, costModel, originalMemoryMb: 1024,
 *   strategyOptions: { strategy: "cost", balancedWeight: 0.5 } });
 * analysis.recommendation?.memoryMb // e.g. 512
 */
export function analyzeTuning(input: AnalyzeTuningInput): TuningAnalysis {
  const sizesMb = [...input.samplesBySize.keys()].sort((a, b) => a - b);
  const sizes = sizesMb.map((memoryMb) =>
    summarizeSize(memoryMb, input.samplesBySize.get(memoryMb) ?? [], {
      costModel: input.costModel,
      maxDurationMs: input.strategyOptions.maxDurationMs,
      trim: input.trim,
      maxErrorShare: input.maxErrorShare,
      coldStartShare: input.coldStartShare,
    }),
  );
  const recommendation = recommend(sizes, input.strategyOptions, input.costModel);
  const samples = sizesMb.flatMap((memoryMb) => [...(input.samplesBySize.get(memoryMb) ?? [])]);
  const analysis: TuningAnalysis = {
    sizes,
    recommendation,
    tuningCost: sum(samples.map((s) => input.costModel(s.memoryMb, s.billedDurationMs))),
    totalInvocations: samples.length,
  };
  if (input.monthly && recommendation) {
    const { invocations, source } = input.monthly;
    const monthlyCost =
      input.monthlyCost ??
      ((memoryMb: number, meanBilledMs: number) =>
        input.costModel(memoryMb, meanBilledMs).times(invocations));
    const bySize = sizes
      .filter((s) => s.feasible)
      .map((s) => ({
        memoryMb: s.memoryMb,
        monthlyCost: monthlyCost(s.memoryMb, s.billedDurationMs.mean),
      }));
    const find = (memoryMb: number) => bySize.find((row) => row.memoryMb === memoryMb)?.monthlyCost;
    const current = find(input.originalMemoryMb) ?? null;
    const recommended = find(recommendation.memoryMb)!;
    const projection: MonthlyProjection = {
      monthlyInvocations: invocations,
      source,
      bySize,
      currentMemoryMb: input.originalMemoryMb,
      currentMonthlyCost: current,
      recommendedMonthlyCost: recommended,
      monthlySaving: current === null ? null : current.minus(recommended),
    };
    analysis.monthlyProjection = projection;
  }
  return analysis;
}

/**
 * The sizes `--sizes auto` measures: 128, 256, 512, 1024, 1769, 3008, plus the current memory
 * (so the monthly saving has a measured baseline).
 *
 * Why these: powers of two from the minimum cover the region where most functions' cost curve
 * bends (AWS Power Tuning's default list is 128–1536 and 3008); 1769 MB is exactly one vCPU
 * (Lambda developer guide, "Memory and computing power"), where single-threaded CPU-bound code
 * stops getting faster, so it is usually the speed optimum of such code and the knee of its
 * cost curve; 3008 (≈1.7 vCPU) shows whether a multi-threaded function gains from more.
 * Six sizes keep a fixed run of 50 per size at 300 invocations. Sizes between those measured
 * are never interpolated: measure them explicitly with `--sizes`.
 *
 * @example
 * sizesAuto(1536) // → [128, 256, 512, 1024, 1536, 1769, 3008]
 */
export function sizesAuto(currentMemoryMb?: number): number[] {
  const sizes = new Set([128, 256, 512, 1024, 1769, 3008]);
  if (
    currentMemoryMb !== undefined &&
    Number.isInteger(currentMemoryMb) &&
    currentMemoryMb >= LAMBDA_LIMITS.memoryMb.min &&
    currentMemoryMb <= LAMBDA_LIMITS.memoryMb.max
  ) {
    sizes.add(currentMemoryMb);
  }
  return [...sizes].sort((a, b) => a - b);
}
