/**
 * The cost race's rounds while the CPU-scaling model decides (model-decision.ts): where the
 * next invocations go, and the expected loss of stopping now, both from the fit instead of from
 * each size's own samples (issue 19).
 *
 * The comparisons that matter are each open size j against the leader L. The fit estimates
 * their difference as (g_j − g_L)·beta, with variance (g_j − g_L)'·C·(g_j − g_L), where
 * C = (Σ_i w_i·x_i·x_i')⁻¹ and w_i = n_i/(cv·mean_i)² (scaling-model.ts). Every measured size's
 * invocations shrink C, not only L's and j's. So each round hands out blocks of invocations one
 * at a time (one block per open size and one for the leader), each to the size still racing
 * (L or an open size) whose extra invocations most lower Σ_j of those variances: the greedy step
 * towards an A-optimal design for the differences (Atkinson, Donev & Tobias, "Optimum
 * Experimental Designs", 2007, ch. 10), restricted to the contenders. Letting any measured size
 * take the blocks was tried: they went to the two ends of the fitted line and left the contenders
 * in its middle at their first batch, and where memory pressure bends the line (the lack-of-fit
 * test passes under heavy noise) that picked sizes 17–27% dearer than the best; the mean regret
 * on 2,000 shapes of bench:tune was 0.36% against 0.355% restricted.
 */
import { expectedLoss } from "./expected-loss.js";
import { type ModelDecision, scalingPoint } from "./model-decision.js";
import type { RankedSize } from "./rank.js";
import { fitFeatures, invert, quadraticForm } from "./scaling-model.js";
import type { StrategyOptions } from "./types.js";

/** g_j − g_L: the difference of j's fitted score from the leader's, as a combination of beta. */
function contrast(decision: ModelDecision, j: RankedSize): number[] {
  const lead = decision.terms.get(decision.leader)!.g;
  return decision.terms.get(j)!.g.map((v, k) => v - lead[k]!);
}

/**
 * Σ over the open sizes of loss(d_j, s_j) (expected-loss.ts) as a share of the leader's fitted
 * score, with d_j the fitted difference and s_j its standard error from the fit.
 *
 * @example
 * // leader fitted at 100, one open size at 102 with standard error 2: loss(0.02, 0.02)
 * // = 0.02·φ(1) − 0.02·Φ(−1) = 0.02·0.083315 = 0.1666% of the leader's cost
 */
export function modelExpectedLoss(decision: ModelDecision): number {
  const lead = decision.terms.get(decision.leader)!.score;
  if (!(lead > 0)) return Number.POSITIVE_INFINITY;
  let loss = 0;
  for (const j of decision.open) {
    const s = Math.sqrt(quadraticForm(decision.fit.covariance, contrast(decision, j)));
    loss += expectedLoss((decision.terms.get(j)!.score - lead) / lead, s / lead);
  }
  return loss;
}

/**
 * The next round: `blocks` blocks of `blockSize` invocations (default one per open size and one
 * for the leader), each to the leader or an open size, whichever's extra invocations most lower
 * the summed variance of the open sizes' differences from the leader; every ranked size's
 * invocations count in that variance.
 */
export function modelRound(
  decision: ModelDecision,
  ranked: readonly RankedSize[],
  strategy: StrategyOptions,
  blockSize: number,
  blocks = decision.open.length + 1,
): Array<{ memoryMb: number; invocations: number }> {
  const { fit } = decision;
  const contrasts = decision.open.map((j) => contrast(decision, j));
  const racing = new Set([decision.leader, ...decision.open].map((r) => r.summary.memoryMb));
  const rows = ranked.map((r) => {
    const point = scalingPoint(r.summary, strategy);
    return {
      memoryMb: r.summary.memoryMb,
      x: fitFeatures(fit, r.summary.memoryMb, r.summary.maxMemoryUsedMb),
      perInvocation: 1 / (fit.cv * point.mean) ** 2,
      n: point.n,
      added: 0,
    };
  });
  const spread = () => {
    const width = fit.beta.length;
    const information = Array.from({ length: width }, (_, a) =>
      Array.from({ length: width }, (_, b) =>
        rows.reduce((s, q) => s + (q.n + q.added) * q.perInvocation * q.x[a]! * q.x[b]!, 0),
      ),
    );
    const covariance = invert(information);
    if (!covariance) return Number.POSITIVE_INFINITY;
    return contrasts.reduce((s, g) => s + quadraticForm(covariance, g), 0);
  };
  for (let block = 0; block < blocks; block++) {
    let best: (typeof rows)[number] | undefined;
    let lowest = Number.POSITIVE_INFINITY;
    for (const row of rows) {
      if (!racing.has(row.memoryMb)) continue;
      row.added += blockSize;
      const value = spread();
      row.added -= blockSize;
      if (value < lowest) {
        lowest = value;
        best = row;
      }
    }
    if (!best) break;
    best.added += blockSize;
  }
  return rows
    .filter((row) => row.added > 0)
    .map((row) => ({ memoryMb: row.memoryMb, invocations: row.added }));
}
