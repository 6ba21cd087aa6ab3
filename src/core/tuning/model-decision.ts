/**
 * The race's classification (equivalence.ts) computed from the CPU-scaling model fitted across
 * every measured size (scaling-model.ts) instead of from two sizes' own samples: when the model
 * fits, the difference between two sizes is estimated from all the invocations, which settles
 * near-ties far sooner. When it does not fit, or under the balanced strategy (whose score is not
 * linear in one duration), or when it would recommend a size the per-size comparison has ruled
 * out, there is no model decision and the per-size one stands.
 */
import type { Decision } from "./equivalence.js";
import { classify, equivalenceMarginOf, fastestNotToldApart } from "./equivalence.js";
import type { RankedSize } from "./rank.js";
import {
  combinationHalfWidth,
  fitFeatures,
  fitScalingModel,
  fitWithPressure,
  type ScalingFit,
  type ScalingPoint,
} from "./scaling-model.js";
import type { InvocationCostModel, SizeSummary, StrategyOptions } from "./types.js";

export interface ModelDecision extends Decision {
  fit: ScalingFit;
  /**
   * Each ranked size's score from the fit, and the gradient g of that score in the fit's
   * parameters (score = base + g·beta): the difference of two sizes is (g_j − g_L)·beta.
   */
  terms: Map<RankedSize, { score: number; g: number[] }>;
}

/** The measured mean the strategy's score is linear in: billed ms (cost), warm ms (speed). */
export function scalingPoint(summary: SizeSummary, strategy: StrategyOptions): ScalingPoint {
  if (strategy.strategy === "speed") {
    return {
      memoryMb: summary.memoryMb,
      mean: summary.durationMs.mean,
      stdDev: summary.durationMs.stdDev ?? Number.NaN,
      n: summary.warmInvocations ?? 0,
    };
  }
  return {
    memoryMb: summary.memoryMb,
    mean: summary.billedDurationMs.mean,
    stdDev: summary.billedDurationMs.stdDev ?? Number.NaN,
    n: summary.billedDurationMs.n ?? 0,
    usedMb: summary.maxMemoryUsedMb,
  };
}

/**
 * The fit a decision rests on: the CPU-scaling model, or under cost the model with its
 * memory-pressure feature when the sizes need it (scaling-model.ts, fitWithPressure). Not under
 * speed: there the pick is the largest size not told apart from the fastest, and on bench:tune's
 * randomised suite (30 draws) the feature picked the fastest size a little less often (the grid
 * 70.1% → 68.3%, auto 68.8% → 67.7%) at the same mean regret. Null with too few sizes to fit.
 */
export function scalingFit(
  ranked: readonly RankedSize[],
  options: StrategyOptions,
): ScalingFit | null {
  const points = ranked.map((r) => scalingPoint(r.summary, options));
  const plain = fitScalingModel(points);
  if (options.strategy !== "cost" || plain === null) return plain;
  return fitWithPressure(points) ?? plain;
}

/** How output names a fit: "the CPU-scaling model", with its memory-pressure term if it has it. */
export function modelName(fit: ScalingFit): string {
  return fit.pressure
    ? "the CPU-scaling model with its memory-pressure term"
    : "the CPU-scaling model";
}

/** Decision from the fitted model; null when it does not apply or does not fit. */
export function decideByModel(
  ranked: readonly RankedSize[],
  options: StrategyOptions,
  costModel: InvocationCostModel,
  direct: Decision,
  fit = options.strategy === "balanced" ? null : scalingFit(ranked, options),
): ModelDecision | null {
  if (options.strategy === "balanced" || ranked.length < 2) return null;
  if (!fit?.fits) return null;
  // score(m) = base(m) + rate(m) · d(m), d(m) = features(m)·beta: a linear combination of beta.
  const terms = ranked.map((r) => {
    const m = r.summary.memoryMb;
    const base = options.strategy === "speed" ? 0 : costModel(m, 0).toNumber();
    const rate = options.strategy === "speed" ? 1 : costModel(m, 1).toNumber() - base;
    const g = fitFeatures(fit, m, r.summary.maxMemoryUsedMb).map((v) => rate * v);
    const score = base + g.reduce((s, v, k) => s + v * fit.beta[k]!, 0);
    return { r, base, g, score };
  });
  if (terms.some((t) => !(t.score > 0))) return null;
  const lead = terms.reduce((a, b) => (b.score < a.score ? b : a));
  const margin = equivalenceMarginOf(options);
  const decision: ModelDecision = {
    leader: lead.r,
    pick: lead.r,
    equivalent: [],
    out: [],
    open: [],
    margin,
    fit,
    terms: new Map(terms.map((t) => [t.r, { score: t.score, g: t.g }])),
  };
  const zone = margin * lead.score;
  for (const t of terms) {
    if (t === lead) continue;
    const diff = t.score - lead.score;
    const halfWidth = combinationHalfWidth(
      fit,
      t.g.map((v, k) => v - lead.g[k]!),
    );
    decision[classify(diff, halfWidth, zone, t.r, lead.r, options.strategy === "speed")].push(t.r);
  }
  for (const j of decision.equivalent) {
    if (j.summary.costPerInvocation.lessThan(decision.pick.summary.costPerInvocation)) {
      decision.pick = j;
    }
  }
  // A second test of fit, aimed at the decision: the model may not recommend a size that the
  // sizes' own samples show to be out. Below 1,769 MB the model's cost can only grow with memory,
  // so a function slowed by memory pressure that slips through the lack-of-fit test would
  // otherwise be sent to its smallest size.
  fastestNotToldApart(decision, options);
  if (direct.out.includes(decision.leader) || direct.out.includes(decision.pick)) return null;
  return decision;
}
