/**
 * One recommendation across architectures (`tune --arch x86_64,arm64`): each architecture's
 * sizes are measured and priced at that architecture's own prices (arm64 duration is cheaper per
 * GB-s), then ranked together under the strategy, so the pick may be a size on either. The
 * comparison says by how much arm64 is cheaper or dearer at the recommended size, and whether
 * that difference is distinguishable from noise (the same 95% Welch interval as everywhere).
 */
import { formatUsd } from "../money/index.js";
import type { Architecture } from "../pricing/types.js";
import { differenceInterval } from "./equivalence.js";
import { rankSizes } from "./rank.js";
import { recommend } from "./recommend.js";
import type {
  ArchitectureComparison,
  MonthlyProjection,
  SizeSummary,
  StrategyOptions,
  TuningAnalysis,
} from "./types.js";

export interface ArchitectureRun {
  architecture: Architecture;
  analysis: TuningAnalysis;
}

/**
 * Merges per-architecture analyses: every size tagged with its architecture, one recommendation
 * over all of them, the monthly projection per (size, architecture) against the function's
 * current size and architecture, run cost and invocations summed.
 *
 * @example
 * combineArchitectures([{ architecture: "x86_64", analysis: a }, { architecture: "arm64", analysis: b }],
 *   { strategy: "cost", balancedWeight: 0.5 }, { architecture: "x86_64", memoryMb: 1024 })
 *   .recommendation // → { memoryMb: 1024, architecture: "arm64", … }
 */
export function combineArchitectures(
  runs: readonly ArchitectureRun[],
  strategy: StrategyOptions,
  original: { architecture: Architecture; memoryMb: number },
): TuningAnalysis {
  const sizes: SizeSummary[] = runs.flatMap((run) =>
    run.analysis.sizes.map((size) => ({ ...size, architecture: run.architecture })),
  );
  const [first, ...rest] = runs;
  if (!first) throw new Error("combineArchitectures needs at least one architecture");
  // One architecture: its own recommendation, made with its price model, so the CPU-scaling
  // model can decide (recommend.ts). Several: each architecture's own recommendation is its
  // candidate, and the candidates are compared on their own samples — the model describes one
  // CPU. On bench:tune's --arch suite (BENCH_ARCH_SHAPES=200, suite seeds 19–23) this cut auto's
  // mean regret from 0.73% (every size of both compared on its samples) to 0.56%, and a
  // 50-per-size grid's from 0.41% to 0.35% (docs/tune.md).
  const recommendation =
    rest.length === 0
      ? withArchitecture(first.analysis.recommendation, first.architecture)
      : withinArchitecture(recommend(sizes, strategy, undefined, ownPicks(runs, sizes)), runs);
  const combined: TuningAnalysis = {
    sizes,
    recommendation,
    tuningCost: rest.reduce(
      (total, run) => total.plus(run.analysis.tuningCost),
      first.analysis.tuningCost,
    ),
    totalInvocations: runs.reduce((total, run) => total + run.analysis.totalInvocations, 0),
  };
  const monthly = combineMonthly(runs, original, recommendation);
  if (monthly) combined.monthlyProjection = monthly;
  if (recommendation && runs.length > 1) {
    const comparison = compareAt(sizes, recommendation.memoryMb);
    if (comparison) combined.architectureComparison = comparison;
  }
  return combined;
}

/**
 * The pick's own architecture may have had a near-tie of its own (its runner-up not told apart):
 * that advice is kept, named by the architecture, after the comparison across architectures.
 */
function withinArchitecture(
  recommendation: TuningAnalysis["recommendation"],
  runs: readonly ArchitectureRun[],
): TuningAnalysis["recommendation"] {
  if (!recommendation) return null;
  const own = runs.find((run) => run.architecture === recommendation.architecture)?.analysis
    .recommendation;
  if (!own?.advice || own.memoryMb !== recommendation.memoryMb) return recommendation;
  const within = `within ${recommendation.architecture}: ${own.advice}`;
  return {
    ...recommendation,
    advice: recommendation.advice ? `${recommendation.advice}; ${within}` : within,
  };
}

/** Each architecture's own recommended size, as tagged in `sizes`. */
function ownPicks(runs: readonly ArchitectureRun[], sizes: readonly SizeSummary[]): SizeSummary[] {
  return runs.flatMap((run) => {
    const pick = run.analysis.recommendation;
    const size = sizes.find(
      (s) => s.architecture === run.architecture && s.memoryMb === pick?.memoryMb,
    );
    return size ? [size] : [];
  });
}

function withArchitecture(
  recommendation: TuningAnalysis["recommendation"],
  architecture: Architecture,
): TuningAnalysis["recommendation"] {
  if (!recommendation) return null;
  return {
    ...recommendation,
    architecture,
    ...(recommendation.runnerUpMemoryMb !== undefined
      ? { runnerUpArchitecture: architecture }
      : {}),
  };
}

function combineMonthly(
  runs: readonly ArchitectureRun[],
  original: { architecture: Architecture; memoryMb: number },
  recommendation: TuningAnalysis["recommendation"],
): MonthlyProjection | undefined {
  const projections = runs.flatMap((run) =>
    run.analysis.monthlyProjection ? [{ run, projection: run.analysis.monthlyProjection }] : [],
  );
  const head = projections[0]?.projection;
  if (!head || !recommendation) return undefined;
  const bySize = projections.flatMap(({ run, projection }) =>
    projection.bySize.map((row) => ({ ...row, architecture: run.architecture })),
  );
  const find = (memoryMb: number, architecture: Architecture | undefined) =>
    bySize.find((row) => row.memoryMb === memoryMb && row.architecture === architecture)
      ?.monthlyCost;
  const current = find(original.memoryMb, original.architecture) ?? null;
  const recommended = find(recommendation.memoryMb, recommendation.architecture);
  if (!recommended) return undefined;
  return {
    monthlyInvocations: head.monthlyInvocations,
    source: head.source,
    bySize,
    currentMemoryMb: original.memoryMb,
    currentMonthlyCost: current,
    recommendedMonthlyCost: recommended,
    monthlySaving: current === null ? null : current.minus(recommended),
  };
}

/** arm64 against x86_64 at one size, when both were measured there and both worked. */
export function compareAt(
  sizes: readonly SizeSummary[],
  memoryMb: number,
): ArchitectureComparison | undefined {
  const at = (architecture: Architecture) =>
    sizes.find((s) => s.memoryMb === memoryMb && s.architecture === architecture && s.feasible);
  const x86 = at("x86_64");
  const arm = at("arm64");
  if (!x86 || !arm) return undefined;
  const [rx, ra] = [x86, arm].map(
    (s) => rankSizes([s], { strategy: "cost", balancedWeight: 0.5 })[0],
  );
  if (!rx || !ra) return undefined;
  const gap = differenceInterval(rx, ra);
  return {
    memoryMb,
    x86CostPerMillion: x86.costPerMillion,
    arm64CostPerMillion: arm.costPerMillion,
    arm64RelativeDifference: arm.costPerInvocation
      .minus(x86.costPerInvocation)
      .div(x86.costPerInvocation)
      .toNumber(),
    distinguishable: Math.abs(gap.diff) > gap.halfWidth,
    x86DurationMs: x86.durationMs.mean,
    arm64DurationMs: arm.durationMs.mean,
  };
}

/** One sentence: "at 1024 MB arm64 is 23.4% cheaper than x86_64 ($x vs $y per 1M); …". */
export function describeComparison(c: ArchitectureComparison): string {
  const pct = Math.abs(c.arm64RelativeDifference * 100);
  const amount = `${pct < 10 ? pct.toFixed(1) : pct.toFixed(0)}%`;
  const direction = c.arm64RelativeDifference < 0 ? "cheaper" : "dearer";
  const sure = c.distinguishable
    ? "the difference is distinguishable (its 95% interval excludes 0)"
    : "the difference is NOT distinguishable at this sample size (its 95% interval includes 0)";
  return `at ${c.memoryMb} MB arm64 is ${amount} ${direction} than x86_64 (${formatUsd(c.arm64CostPerMillion, 4)} vs ${formatUsd(c.x86CostPerMillion, 4)} per 1M invocations; mean warm ${c.arm64DurationMs.toFixed(1)} ms vs ${c.x86DurationMs.toFixed(1)} ms); ${sure}`;
}
