/**
 * The expected loss of picking the leader now (issue 19): the cost strategy's race stops when it
 * is a negligible share of the leader's cost, instead of waiting until every other size is
 * surely worse or shown equivalent.
 *
 * With the measured difference d = score_j − score_L of size j from the leader L and its
 * standard error s, the true difference is taken as normal around d; the expected amount by
 * which j is in fact cheaper than L — what picking L loses to j, on average — is
 *
 *   loss(d, s) = s·φ(d/s) − d·Φ(−d/s)          (φ, Φ: the standard normal density and CDF)
 *
 * the "expected opportunity cost" of ranking and selection (Chick & Inoue 2001). Summed over the
 * sizes still open it bounds the expected loss of the pick from above (the loss to the best of
 * them is at most the sum of the losses to each).
 *
 * The standard error uses one relative spread pooled over every measured size: Lambda's noise is
 * multiplicative (scaling-model.ts), and a size's own spread from the 4 warm invocations of its
 * first batch is too unreliable to bet a stop on — it is often far too small.
 */
import type { RankedSize } from "./rank.js";

/** Standard normal density. */
export function normalDensity(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}

/**
 * Standard normal CDF, from the complementary error function of Numerical Recipes (erfcc,
 * Chebyshev fit, relative error below 1.2e-7 everywhere). `normalCdf(0)` is 0.5,
 * `normalCdf(1.959964)` ≈ 0.975.
 */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t *
                              (-1.13520398 +
                                t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/**
 * loss(d, s) = s·φ(d/s) − d·Φ(−d/s): the expected shortfall of picking a size that leads by d
 * with standard error s. 0 when s is 0 (the difference is known); s/√(2π) ≈ 0.3989·s at d = 0.
 *
 * @example
 * expectedLoss(0, 1)  // 0.398942 = φ(0)
 * expectedLoss(1, 1)  // 0.083315 = φ(1) − Φ(−1) = 0.241971 − 0.158655
 */
export function expectedLoss(d: number, s: number): number {
  if (!(s > 0)) return Math.max(0, -d);
  if (!Number.isFinite(s)) return Number.POSITIVE_INFINITY;
  const x = d / s;
  return Math.max(0, s * normalDensity(x) - d * normalCdf(-x));
}

/**
 * One invocation's relative spread (standard deviation / mean of the score), pooled over sizes
 * with weights n − 1; Infinity when no size has two values.
 *
 * @example
 * // 11 values with spread 10% of the mean and 31 with 20%: √((10·0.01 + 30·0.04)/40) = 18.03%
 */
export function pooledRelativeSpread(sizes: readonly RankedSize[]): number {
  let squares = 0;
  let df = 0;
  for (const r of sizes) {
    if (r.n < 2 || !Number.isFinite(r.stdDev) || !(r.score > 0)) continue;
    squares += (r.n - 1) * (r.stdDev / r.score) ** 2;
    df += r.n - 1;
  }
  return df > 0 ? Math.sqrt(squares / df) : Number.POSITIVE_INFINITY;
}

/**
 * Σ loss(d_j, s_j) over the sizes `open` against `leader`, as a share of the leader's score:
 * d_j = (score_j − score_L)/score_L and s_j = cv·√(score_L²/n_L + score_j²/n_j)/score_L, with
 * cv the relative spread pooled over `leader`, `open` and `others`.
 */
export function leaderExpectedLoss(
  leader: RankedSize,
  open: readonly RankedSize[],
  others: readonly RankedSize[],
): number {
  if (!(leader.score > 0)) return Number.POSITIVE_INFINITY;
  const cv = pooledRelativeSpread([leader, ...open, ...others]);
  let loss = 0;
  for (const j of open) {
    const s = cv * Math.sqrt(leader.score ** 2 / leader.n + j.score ** 2 / j.n);
    loss += expectedLoss((j.score - leader.score) / leader.score, s / leader.score);
  }
  return loss;
}
