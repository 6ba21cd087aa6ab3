/**
 * Picks a memory size under a strategy and says how sure the pick is.
 */
import { formatUsd } from "../money/index.js";
import { decide, differenceInterval } from "./equivalence.js";
import { decideByModel, type ModelDecision, modelName } from "./model-decision.js";
import { invocationsToSeparate, type RankedSize, rankSizes } from "./rank.js";
import type { InvocationCostModel, Recommendation, SizeSummary, StrategyOptions } from "./types.js";

const AT_LEAST_AS_FAST =
  "Lambda gives CPU in proportion to memory, so a function's duration never grows with memory and the larger size is at least as fast";

/** Relative gap under which two sizes are called practically equivalent. */
const EQUIVALENT_GAP = 0.01;
/** Past this many invocations per size, "what would settle it" is not a useful answer. */
const IMPRACTICAL_INVOCATIONS = 100_000;

/**
 * Recommends one size, or null when no size is feasible.
 *
 * `distinguishable` is false when the 95% interval of the difference between the winner and the
 * runner-up contains 0; the advice then says how many more invocations per size would likely separate them (from
 * {@link invocationsToSeparate}) or that they are within 1% and either will do.
 *
 * @example
 * recommend(summaries, { strategy: "cost", balancedWeight: 0.5 })
 * // → { memoryMb: 512, reason: "lowest mean cost per invocation: …", distinguishable: true,
 * //     runnerUpMemoryMb: 1024 }
 */
export function recommend(
  summaries: readonly SizeSummary[],
  options: StrategyOptions,
  costModel?: InvocationCostModel,
  /** Only these may be picked (e.g. each architecture's own pick); the rest are still listed. */
  candidates?: readonly SizeSummary[],
): Recommendation | null {
  // Sizes of several architectures are named with theirs ("1024 MB arm64").
  const label = summaries.some((s) => s.architecture !== summaries[0]?.architecture)
    ? (s: SizeSummary) => `${s.memoryMb} MB ${s.architecture ?? ""}`.trim()
    : (s: SizeSummary) => `${s.memoryMb} MB`;
  const eligible = rankSizes(summaries, options);
  const ranked = candidates ? rankSizes(candidates, options) : eligible;
  const direct = decide(ranked, options);
  const decision =
    (costModel && direct ? decideByModel(ranked, options, costModel, direct) : null) ?? direct;
  if (!decision) return null;
  const winner = decision.pick;
  // When the CPU-scaling model decides, its order can differ from the measured one: the
  // runner-up is then the model's next size, and scores are compared with the winner's.
  const byModel = "terms" in decision ? (decision as ModelDecision) : null;
  const order = byModel
    ? [...ranked].sort((a, b) => byModel.terms.get(a)!.score - byModel.terms.get(b)!.score)
    : ranked;
  const runnerUp = winner === decision.leader ? order.find((r) => r !== winner) : decision.leader;
  const excluded = summaries.filter((s) => !eligible.some((r) => r.summary === s));
  const notes =
    excluded.length > 0 ? `; not eligible: ${describeExcluded(excluded, options, label)}` : "";
  if (!runnerUp) {
    return {
      memoryMb: winner.summary.memoryMb,
      architecture: winner.summary.architecture,
      reason: `the only eligible size (${describeScore(winner, options)})${notes}`,
      distinguishable: true,
    };
  }
  // The Welch interval of the difference, as the sampling planner uses: two sizes whose own
  // intervals touch can still differ surely (the test on the difference is the sharper one).
  const gap = differenceInterval(winner, runnerUp);
  const distinguishable = Math.abs(gap.diff) > gap.halfWidth;
  // Percentages are against the model's pick when the model's leader is recommended, else
  // against the best measured.
  const modelLeads = byModel !== null && winner === decision.leader;
  const best = modelLeads ? winner : ranked[0]!;
  const head =
    winner === decision.leader
      ? byModel
        ? `${options.strategy === "speed" ? "fastest" : "lowest cost"} by ${modelName(byModel.fit)} fitted across the sizes measured (${measured(winner, options)} measured)`
        : describeScore(winner, options)
      : decision.largerNotToldApart
        ? `the largest of the sizes ${distinguishable ? `not shown slower than the fastest measured beyond ±${percent(decision.margin)}` : "not told apart from the fastest measured"}: ${describeScore(winner, options, best)}`
        : `the cheapest of the sizes equivalent to the best, ${formatUsd(winner.summary.costPerMillion, 4)} per 1M invocations: ${describeScore(winner, options, best)}`;
  const recommendation: Recommendation = {
    memoryMb: winner.summary.memoryMb,
    architecture: winner.summary.architecture,
    reason: `${head}; runner-up ${label(runnerUp.summary)}: ${describeScore(runnerUp, options, best)}${notes}`,
    distinguishable,
    runnerUpMemoryMb: runnerUp.summary.memoryMb,
    runnerUpArchitecture: runnerUp.summary.architecture,
  };
  if (decision.equivalent.length > 0) {
    const group = [decision.leader, ...decision.equivalent].map((r) => r.summary.memoryMb);
    recommendation.equivalentMemoryMb = group.sort((a, b) => a - b);
    recommendation.equivalenceMargin = decision.margin;
    const names = [decision.leader, ...decision.equivalent]
      .map((r) => r.summary)
      .sort((a, b) => a.memoryMb - b.memoryMb)
      .map(label);
    recommendation.advice = `${names.join(", ")} are practically equivalent: the 95% interval of each one's difference from the best lies within ±${percent(decision.margin)} of its ${options.strategy === "speed" ? "duration" : options.strategy === "cost" ? "cost" : "score"}; recommending the cheapest, ${label(winner.summary)}`;
  } else if (!distinguishable) {
    recommendation.advice = advise(
      winner,
      runnerUp,
      label,
      modelLeads && byModel ? modelName(byModel.fit) : null,
    );
    if (decision.largerNotToldApart) {
      recommendation.advice += `; recommending the larger, ${label(winner.summary)}: ${AT_LEAST_AS_FAST}`;
    }
  } else if (decision.largerNotToldApart) {
    // Measured slower, surely, but not surely by more than the margin: the physics decides.
    recommendation.advice = `${label(winner.summary)} is measured ${percent(Math.abs(gap.diff) / Math.abs(runnerUp.score || 1))} slower than ${label(runnerUp.summary)} (the 95% interval of their difference excludes 0 but not ±${percent(decision.margin)}); recommending the larger, ${label(winner.summary)}: ${AT_LEAST_AS_FAST}`;
  }
  return recommendation;
}

function advise(
  winner: RankedSize,
  runnerUp: RankedSize,
  label: (s: SizeSummary) => string,
  /** The model that decided ("the CPU-scaling model"), if one did. */
  model: string | null,
): string {
  const a = label(winner.summary);
  const b = label(runnerUp.summary);
  const gap = Math.abs(runnerUp.score - winner.score) / Math.abs(winner.score || 1);
  const head = `${a} and ${b} are not distinguishable at this sample size (the 95% interval of their difference includes 0)`;
  // The model ranks by every size's invocations; the two sizes' own samples may point the other
  // way within noise. More invocations of the two would not overturn the model's order unless
  // the gap held, so say which evidence the pick rests on instead of how to separate them.
  if (model && runnerUp.score < winner.score && percent(gap) !== percent(0)) {
    return `${head}; their own samples put ${b} ${percent(gap)} ahead, within noise, and ${model} fitted across every size measured puts ${a} ahead`;
  }
  const needed = invocationsToSeparate(winner, runnerUp);
  if (gap < EQUIVALENT_GAP || needed > IMPRACTICAL_INVOCATIONS) {
    return `${head}; they differ by ${percent(gap)}, which is within noise: treat them as equivalent (${a} wins ties on cost)`;
  }
  const have = Math.min(winner.n, runnerUp.n);
  const more = Math.max(needed - have, 1);
  return `${head}; about ${more} more invocations per size (≈${Math.max(needed, have + 1)} each) would likely separate them, if the ${percent(gap)} gap holds`;
}

/** The measured cost (cost) or mean warm duration (speed) of a size, for a model's pick. */
function measured(ranked: RankedSize, options: StrategyOptions): string {
  const s = ranked.summary;
  return options.strategy === "speed"
    ? `${s.durationMs.mean.toFixed(1)} ms mean warm duration`
    : `${formatUsd(s.costPerMillion, 4)} per 1M invocations`;
}

function describeScore(ranked: RankedSize, options: StrategyOptions, best?: RankedSize): string {
  const s = ranked.summary;
  const change = best ? (ranked.score - best.score) / Math.abs(best.score || 1) : 0;
  // The sign goes with the printed digits: a change that rounds to zero is "+0.0%".
  const vs = best
    ? ` (${percent(Math.abs(change)) !== percent(0) && change < 0 ? "−" : "+"}${percent(Math.abs(change))})`
    : "";
  const cost = `${formatUsd(s.costPerMillion, 4)} per 1M invocations`;
  const speed = `${s.durationMs.mean.toFixed(1)} ms mean warm duration`;
  switch (options.strategy) {
    case "cost":
      return `${best ? "" : "lowest mean cost: "}${cost}${vs}`;
    case "speed":
      return `${best ? "" : "fastest: "}${speed}${vs}`;
    case "balanced":
      return `${best ? "" : `best balance (weight ${options.balancedWeight} on cost): `}score ${ranked.score.toFixed(3)}${vs}, ${cost}, ${speed}`;
  }
}

function describeExcluded(
  excluded: readonly SizeSummary[],
  options: StrategyOptions,
  label: (s: SizeSummary) => string,
): string {
  return excluded
    .map((s) => {
      const why =
        s.reason ??
        (options.maxDurationMs !== undefined && s.durationMs.p90 > options.maxDurationMs
          ? `p90 ${s.durationMs.p90.toFixed(1)} ms over --max-duration ${options.maxDurationMs} ms`
          : "not measured");
      return `${label(s)} (${why})`;
    })
    .join(", ");
}

function percent(fraction: number): string {
  const value = fraction * 100;
  return `${value < 10 ? value.toFixed(1) : value.toFixed(0)}%`;
}
