/**
 * Practical equivalence: when two sizes differ by less than a margin that does not matter, the
 * decision between them is made on price, not on noise (issue 19).
 *
 * For the leader L (best mean score) and another size j, the 95% Welch interval of the
 * difference d = score_j − score_L is d ± t(ν)·√(s_L²/n_L + s_j²/n_j). Then j is
 * - equivalent to L when the whole interval lies inside ±margin·|score_L| (two one-sided tests
 *   at 2.5% each: a difference as large as the margin is ruled out both ways);
 * - out when it cannot become the pick: worse than L beyond the margin (d − hw > margin·|L|),
 *   or surely worse (d − hw > 0) and not cheaper than L — a size slightly slower but cheaper
 *   may still be picked as "the cheaper of the equally fast" (under speed a size larger than L
 *   only beyond the margin: more memory is never slower, see standing);
 * - open otherwise: more invocations could still change the decision.
 * The pick is the cheapest of L and the sizes equivalent to it (cost, speed and balanced alike;
 * under cost that is L itself) — except under speed when no size is equivalent and some larger
 * size is still open against L: then the largest of those (see fastestNotToldApart).
 */
import type { RankedSize } from "./rank.js";
import { tQuantile975 } from "./stats.js";
import type { StrategyOptions } from "./types.js";

/** Defaults: ±1% of cost (cost, balanced), ±2% of duration (speed). */
export const DEFAULT_COST_MARGIN = 0.01;
export const DEFAULT_DURATION_MARGIN = 0.02;

/** The relative margin for the strategy's score: the option if given, else the default. */
export function equivalenceMarginOf(options: StrategyOptions): number {
  if (options.equivalenceMargin !== undefined) return options.equivalenceMargin;
  return options.strategy === "speed" ? DEFAULT_DURATION_MARGIN : DEFAULT_COST_MARGIN;
}

/** 95% Welch interval of b.score − a.score; half-width Infinity when either has n < 2. */
export function differenceInterval(
  a: RankedSize,
  b: RankedSize,
): { diff: number; halfWidth: number } {
  const diff = b.score - a.score;
  if (a.n < 2 || b.n < 2 || !Number.isFinite(a.stdDev) || !Number.isFinite(b.stdDev)) {
    return { diff, halfWidth: Number.POSITIVE_INFINITY };
  }
  const va = a.stdDev ** 2 / a.n;
  const vb = b.stdDev ** 2 / b.n;
  if (va + vb === 0) return { diff, halfWidth: 0 };
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  return { diff, halfWidth: tQuantile975(Math.max(1, df)) * Math.sqrt(va + vb) };
}

export type Standing = "equivalent" | "out" | "open";

/**
 * Under speed, the warm invocations a size larger than the leader needs before its samples may
 * show it slower: the finalist floor's 20, the most a speed race gives any size. On bench:tune's
 * randomised suite (30 draws of 200 shapes), calling larger sizes out on their first batch (4
 * warm values, a spread that is itself a guess) left auto's mean regret at twice the grid's
 * (0.016% against 0.008%, within 1% 99.60% against 99.72%); three first batches' worth (12)
 * brought it to 0.009% and 99.72%. Pooled over suite seeds 19–28 × run seeds 0–2, 12 → 20:
 * 0.0060% → 0.0046% (the grid 0.0062%), within 1% 5,986 → 5,988 of 6,000 (the grid 5,987); on
 * seeds 29–38, 0.0057% → 0.0044% (0.0054%), 5,994 → 5,995 (5,992); the same invocations.
 */
export const MIN_WARM_TO_CALL_LARGER_SLOWER = 20;

/**
 * Where size j stands against the leader (see the file comment). With `speed`, a size larger
 * than the leader is out only when slower beyond the margin and measured at least
 * MIN_WARM_TO_CALL_LARGER_SLOWER times: it cannot truly be slower (fastestNotToldApart), so a
 * difference that merely excludes 0 after several looks at the data, or rests on a handful of
 * values, is more likely noise than a reason to drop it.
 */
export function standing(
  leader: RankedSize,
  j: RankedSize,
  margin: number,
  speed = false,
): Standing {
  const { diff, halfWidth } = differenceInterval(leader, j);
  return classify(diff, halfWidth, margin * Math.abs(leader.score), j, leader, speed);
}

/** The classification of a difference diff ± halfWidth of j from the leader (see standing). */
export function classify(
  diff: number,
  halfWidth: number,
  zone: number,
  j: RankedSize,
  leader: RankedSize,
  speed: boolean,
): Standing {
  if (diff - halfWidth >= -zone && diff + halfWidth <= zone) return "equivalent";
  const cheaper = j.summary.costPerInvocation.lessThan(leader.summary.costPerInvocation);
  const noSlower = speed && largerOnSameArchitecture(j, leader);
  if (noSlower && j.n < MIN_WARM_TO_CALL_LARGER_SLOWER) return "open";
  if (diff - halfWidth > zone || (diff - halfWidth > 0 && !cheaper && !noSlower)) return "out";
  return "open";
}

export interface Decision {
  leader: RankedSize;
  /** What to recommend: the cheapest of the leader and the sizes equivalent to it. */
  pick: RankedSize;
  /** Sizes shown to be within the margin of the leader (the leader excluded). */
  equivalent: RankedSize[];
  out: RankedSize[];
  open: RankedSize[];
  margin: number;
  /** True when the pick is a larger size not told apart from the leader (speed, see below). */
  largerNotToldApart?: boolean | undefined;
}

/** Classifies every ranked size against the leader; null when nothing is ranked. */
export function decide(ranked: readonly RankedSize[], options: StrategyOptions): Decision | null {
  const [leader, ...others] = ranked;
  if (!leader) return null;
  const margin = equivalenceMarginOf(options);
  const decision: Decision = { leader, pick: leader, equivalent: [], out: [], open: [], margin };
  const speed = options.strategy === "speed";
  for (const j of others) decision[standing(leader, j, margin, speed)].push(j);
  for (const j of decision.equivalent) {
    if (j.summary.costPerInvocation.lessThan(decision.pick.summary.costPerInvocation)) {
      decision.pick = j;
    }
  }
  return fastestNotToldApart(decision, options);
}

/**
 * j has more memory than `than` on the same architecture: only then is it at least as fast (the
 * CPU-for-memory rule holds within one architecture; x86_64 and arm64 run different CPUs, so
 * with `--arch x86_64,arm64` a larger arm64 size says nothing about a smaller x86_64 one).
 */
function largerOnSameArchitecture(j: RankedSize, than: RankedSize): boolean {
  return (
    j.summary.architecture === than.summary.architecture &&
    j.summary.memoryMb > than.summary.memoryMb
  );
}

/**
 * Under speed, a size the samples cannot tell apart from the fastest measured one and that has
 * more memory is at least as fast: Lambda gives a function CPU in proportion to its memory (AWS
 * Lambda developer guide, "Memory and computing power"), so its duration never grows with
 * memory. When no size is shown equivalent to the leader, the pick is therefore the largest of
 * the leader and the open sizes above it — the measured order between them is noise, the
 * physical one is not. Only sizes on the leader's architecture count. A larger size the samples show to be slower (out) is not picked: there
 * the data wins. Cost and balanced are left alone (their score does grow with memory).
 *
 * @example
 * // speed: leader 1769 MB (250.1 ms), 3008 MB open (251.0 ms ± 6) → pick 3008 MB
 */
export function fastestNotToldApart<D extends Decision>(decision: D, options: StrategyOptions): D {
  if (options.strategy !== "speed" || decision.equivalent.length > 0) return decision;
  const zone = decision.margin * Math.abs(decision.leader.score);
  for (const j of decision.open) {
    // Open only for want of values (MIN_WARM_TO_CALL_LARGER_SLOWER): measured slower beyond
    // the margin, it is not picked — more invocations may clear it, these do not.
    const { diff, halfWidth } = differenceInterval(decision.leader, j);
    if (diff - halfWidth > zone) continue;
    if (largerOnSameArchitecture(j, decision.pick)) {
      decision.pick = j;
      decision.largerNotToldApart = true;
    }
  }
  return decision;
}
