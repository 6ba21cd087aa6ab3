/**
 * `--invocations auto`: a race between the sizes, spending invocations only where they can
 * still change the decision (issue 19).
 *
 * Each call looks at the samples so far and
 * 1. fills every size of the search (coarse pass, then finer steps, see size-search.ts) to the
 *    first batch; a size that proves infeasible drops out at once;
 * 2. ranks the feasible sizes and classifies each against the leader: out (it cannot become the
 *    pick), equivalent (within the margin that does not matter) or open — from the CPU-scaling
 *    model fitted across every measured size when it fits them (model-decision.ts), else from
 *    each size's own samples (equivalence.ts);
 * 3. tops the pick and every size shown equivalent up to the finalist floor, so that no
 *    decision rests on a spread measured from a handful of values;
 * 4. when nothing is open — or, under cost, when picking the leader is expected to lose at most
 *    `stopAtLoss` (0.5%) of its cost to the sizes still open (expected-loss.ts; from the fit
 *    while the model decides, model-rounds.ts) — refines the size search around the pick, or
 *    stops: "separated" when every other size is out, "equivalent" when some are within the
 *    margin, else with the expected loss;
 * 5. under cost while the model decides, spends each round where it best pins the fitted
 *    differences of the open sizes from the leader, on any measured size (model-rounds.ts), and
 *    stops when the sizes still racing have had `settleAtWithModel` (16; 30 at high stakes;
 *    50 for two sizes while the memory-pressure term decides) invocations each on average (the
 *    pick and the leader topped up to the finalist floor);
 * 6. otherwise gives each open size, and the leader, the invocations that the measured spread
 *    says would settle it (separation or equivalence, whichever comes first), at most doubling
 *    what it has, so a lucky early estimate cannot make one round overshoot; and stops when the
 *    sizes still racing have `settleAt` (40; 50 while picking the leader is expected to lose
 *    over 4% of its cost, `highStakes`) invocations each — a near-tie that many
 *    invocations cannot settle costs less than the invocations it would take; under speed at
 *    the finalist floor (20), since the pick among sizes not told apart is the largest
 *    (equivalence.ts, fastestNotToldApart).
 * Before any stop the model decided, the sizes next to the pick that the per-size comparison
 * has not ruled out get `neighbour` (13) invocations behind their means (neighbourRound).
 * It never spends more than the cap: the grid it replaces (50 per size) or --max-invocations.
 */
import { type Decision, decide, differenceInterval } from "./equivalence.js";
import { leaderExpectedLoss } from "./expected-loss.js";
import { decideByModel, type ModelDecision } from "./model-decision.js";
import { modelExpectedLoss, modelRound } from "./model-rounds.js";
import {
  lossReason,
  modelSettledReason,
  settledReason,
  settlePointReason,
} from "./race-reasons.js";
import { type RankedSize, rankSizes } from "./rank.js";
import { refineAround } from "./size-search.js";
import { ranOutOfMemory } from "./summarize.js";
import type { InvocationCostModel, SamplingBatch, SizeSummary, StrategyOptions } from "./types.js";

export interface RaceSettings {
  /** Invocations of each size's first batch. */
  initial: number;
  /** Invocations behind the mean of the pick and of each size called equivalent to it. */
  finalist: number;
  /** Smallest top-up worth a round. */
  minRound: number;
  /**
   * Before a stop the CPU-scaling model decided: invocations behind the mean of each size next to
   * the pick (the nearest measured size below and above it) that the per-size comparison has not
   * ruled out. Undefined: no such check.
   */
  neighbour?: number | undefined;
  /**
   * When the sizes still racing are not told apart, stop once each comparison with the leader
   * is as precise as this many invocations on both sides would make it — with the per-size
   * comparison (the CPU-scaling model does not fit), the grid's 50.
   */
  settleAt: number;
  /**
   * When the CPU-scaling model fits (scaling-model.ts): under cost, the average invocations of
   * the sizes still racing at which its rounds (model-rounds.ts) stop; see sampling.ts.
   */
  settleAtWithModel: number;
  /**
   * Cost: stop once the expected loss of picking the leader (expected-loss.ts) is at most this
   * share of its cost, the leader and every open size having had a round beyond the first batch.
   * Undefined: no such stop.
   */
  stopAtLoss?: number | undefined;
  /**
   * Cost: the average invocations at which a race down to two sizes stops while the CPU-scaling
   * model with its memory-pressure term decides, or when a smaller size ran out of memory (the
   * grid's 50 by default), instead of `settleAtWithModel`. Undefined: no such rule.
   */
  settleAtPressurePair?: number | undefined;
  /**
   * Cost: while picking the leader is still expected to lose more than `loss` of its cost, the
   * settle points rise to `settleAt` and `settleAtWithModel`: a near-tie with that much at stake
   * is worth more invocations than one with little. Undefined: they never rise.
   */
  highStakes?: { loss: number; settleAt: number; settleAtWithModel: number } | undefined;
}

export interface RaceState {
  /** Every size the user gave, ascending. */
  sizes: readonly number[];
  /** Summaries of the sizes measured or being measured. */
  summaries: readonly SizeSummary[];
  spent: number;
  cap: number;
  strategy: StrategyOptions;
  settings: RaceSettings;
  /** Prices a size's billed duration; lets the race use the CPU-scaling model (cost, speed). */
  costModel?: InvocationCostModel | undefined;
}

type Items = SamplingBatch["items"];

export function raceRound(state: RaceState): SamplingBatch {
  const { summaries, settings, strategy } = state;
  const first = summaries
    .filter((s) => s.invocations < settings.initial && (s.invocations === 0 || s.feasible))
    .map((s) => ({ memoryMb: s.memoryMb, invocations: settings.initial - s.invocations }));
  // A size that fails too often on its first batch is confirmed on the finalist floor before it
  // drops out: 3 failures in 8 pass the 95% test against the 10% limit even at a 3% error rate
  // (once in about 700 sizes), and over many sizes such a draw can exclude the best one.
  const confirm = summaries
    .filter((s) => s.failsTooOften && s.invocations < settings.finalist)
    .map((s) => ({ memoryMb: s.memoryMb, invocations: settings.finalist - s.invocations }));
  if (first.length + confirm.length > 0) return batch([...first, ...confirm], state);
  const ranked = rankSizes(summaries, strategy);
  const direct = decide(ranked, strategy);
  if (!direct) return stop("no size is feasible", state);
  const model = state.costModel ? decideByModel(ranked, strategy, state.costModel, direct) : null;
  const decision = model ?? direct;
  const finalists = [decision.pick, decision.leader, ...decision.equivalent];
  const thin = unique(finalists).filter((r) => r.n < settings.finalist);
  const topUp = () =>
    batch(
      thin.map((r) => ({ memoryMb: r.summary.memoryMb, invocations: settings.finalist - r.n })),
      state,
    );
  // Every stop keeps the promise of the stop line: the finalist floor behind the pick, the
  // leader and each size equivalent to the pick (a settle point can be reached while an
  // equivalent pick, not racing itself, is still at its first batch), then the neighbours.
  const finish = (reason: string) => {
    const floor = thin.length > 0 ? topUp() : null;
    if (floor && !floor.done) return floor;
    return (model && neighbourRound(model, direct, ranked, state)) || stop(reason, state);
  };
  // Under cost the race also ends when the leader is ahead of the sizes still open by enough
  // that picking it is expected to lose a negligible share of its cost (expected-loss.ts).
  // Under cost, while the model decides, its rounds go where they best pin the fitted
  // differences (model-rounds.ts), and the expected loss comes from the fit too.
  const byModel = model !== null && strategy.strategy === "cost" ? model : null;
  const loss = strategy.strategy === "cost" ? negligibleLoss(decision, settings, byModel) : null;
  const settled = decision.open.length === 0 || loss !== null;
  if (settled && thin.length > 0) return topUp();
  if (settled) {
    const measured = summaries.map((s) => s.memoryMb);
    const finer = refineAround(state.sizes, measured, decision.pick.summary.memoryMb);
    if (finer.length > 0) {
      return batch(
        finer.map((memoryMb) => ({ memoryMb, invocations: settings.initial })),
        state,
      );
    }
    if (loss !== null) return finish(lossReason(decision, loss, settings.stopAtLoss ?? 0, byModel));
    return finish(settledReason(decision, model));
  }
  // Under speed the pick among sizes not told apart is the largest (fastestNotToldApart): it is
  // at least as fast as the others whatever more invocations would show, so the race only
  // goes on as long as it takes to put the finalist floor behind each of them.
  if (byModel) return modelRaceRound(byModel, ranked, state, finish);
  const speed = strategy.strategy === "speed";
  const others = [...decision.out, ...decision.equivalent];
  const raised =
    strategy.strategy === "cost"
      ? highStakes(settings, () => leaderExpectedLoss(decision.leader, decision.open, others))
      : undefined;
  const settleAt = speed ? settings.finalist : (raised?.settleAt ?? settings.settleAt);
  const racing = [decision.leader, ...decision.open];
  if (racing.every((r) => r.n >= settleAt)) {
    return finish(settlePointReason(decision, racing, settleAt, model, speed));
  }
  return batch(openRound(decision, settings, settleAt), state);
}

/**
 * A round of the cost race while the model decides: stops (through `finish`, which first tops the
 * finalists up to their floor) once the leader and the open sizes have had `settleAtWithModel`
 * invocations each on average, else spends where the fit's differences gain most.
 */
function modelRaceRound(
  decision: ModelDecision,
  ranked: readonly RankedSize[],
  state: RaceState,
  finish: (reason: string) => SamplingBatch,
): SamplingBatch {
  const { settings } = state;
  const racing = [decision.leader, ...decision.open];
  const average = racing.reduce((sum, r) => sum + r.n, 0) / racing.length;
  const settleAtWithModel = Math.max(
    highStakes(settings, () => modelExpectedLoss(decision))?.settleAtWithModel ??
      settings.settleAtWithModel,
    pressurePair(decision, racing, state),
  );
  if (average < settleAtWithModel) {
    return batch(modelRound(decision, ranked, state.strategy, settings.minRound), state);
  }
  return finish(modelSettledReason(decision, racing, settleAtWithModel));
}

/**
 * Before a stop the model decided, the sizes next to its pick that the per-size comparison has
 * not ruled out are topped up to `neighbour` invocations behind their means; null when none is
 * short (or the cap leaves no room). The model's rounds put their invocations where they pin
 * the fitted line best, at its ends, and a size between them can stay at its first batch; when
 * the line bends there (memory pressure too mild for the fit to need its term) the best size is
 * most often the pick's neighbour. On bench:tune's randomised suite (30 draws, 6,000 cost
 * shapes) a floor of 13 cut auto's mean regret from 0.300% to 0.285% (30 other draws: 0.331% to
 * 0.307%), paid for by lowering the model's settle point from 20 to 16 (sampling.ts).
 */
function neighbourRound(
  model: ModelDecision,
  direct: Decision,
  ranked: readonly RankedSize[],
  state: RaceState,
): SamplingBatch | null {
  const floor = state.settings.neighbour;
  if (floor === undefined) return null;
  const bySize = [...ranked].sort((a, b) => a.summary.memoryMb - b.summary.memoryMb);
  const at = bySize.indexOf(model.pick);
  const short = [bySize[at - 1], bySize[at + 1]].filter(
    (r): r is RankedSize =>
      r !== undefined &&
      r.n < floor &&
      !direct.out.includes(r) &&
      // Values that do not count (cold starts, errors) could keep n below the floor round after
      // round: a size stops getting them once it has had the floor and a first batch more.
      r.summary.invocations < floor + state.settings.initial,
  );
  if (short.length === 0) return null;
  const next = batch(
    short.map((r) => ({ memoryMb: r.summary.memoryMb, invocations: floor - r.n })),
    state,
  );
  return next.done ? null : next;
}

/**
 * A race down to two sizes while the fit with the memory-pressure term decides — or while a
 * size below both ran out of memory (outOfMemoryBelow) — settles at
 * `settleAtPressurePair`, not at the model's usual point; 0 otherwise. The two are then
 * neighbours in the list (on the suite below, every time), and their difference rests mostly
 * on the pressure term's coefficient, which only the sizes near the function's memory use pin
 * well. On bench:tune's randomised suite such pairs under the pressure term ended 3% of the cost
 * races and, settled at 16 on average, carried 0.045% of auto's 0.285% mean regret (the grid's
 * on the same shapes: 0.012%). Settled at the grid's 50 they cut auto's mean regret to 0.263%
 * (the grid 0.267%); on 30 draws not used to choose it, 0.307% → 0.284% (the grid 0.252%); the
 * p90 of the share of the grid 48.8% → 49.3%.
 */
function pressurePair(
  decision: ModelDecision,
  racing: readonly RankedSize[],
  state: RaceState,
): number {
  if (racing.length !== 2) return 0;
  const pair = decision.fit.pressure || outOfMemoryBelow(racing, state.summaries);
  return pair ? (state.settings.settleAtPressurePair ?? 0) : 0;
}

/**
 * True when a size below every racing one ran out of memory: the function then uses more memory
 * than that size has, a large share of the smaller racing size's, where a collector is likely
 * to be slowed — and below 1,769 MB the plain model can only make the smaller size the cheaper
 * (cost = price·(m·F + 1769·C)), so its pick rests on there being no such slowdown. On the 30
 * draws of suite seeds 29–38 adding these pairs to the rule took auto's mean regret from 0.283%
 * to 0.271% (the grid 0.252%), within 1% 5,585 → 5,591 (the grid 5,591); on seeds 19–28
 * 0.2635% → 0.2643% (the grid 0.2669%); the median share of the grid 27.7% → 28.2% and 28.2% →
 * 29.0%.
 */
function outOfMemoryBelow(racing: readonly RankedSize[], summaries: readonly SizeSummary[]) {
  const smallest = Math.min(...racing.map((r) => r.summary.memoryMb));
  return summaries.some((s) => !s.feasible && s.memoryMb < smallest && ranOutOfMemory(s));
}

/** The high-stakes settle points, when the race has them and picking the leader risks more. */
function highStakes(
  settings: RaceSettings,
  loss: () => number,
): RaceSettings["highStakes"] | undefined {
  const raised = settings.highStakes;
  return raised && loss() > raised.loss ? raised : undefined;
}

/**
 * Each open size, and the leader, get what the measured spread says would settle their
 * comparison, at most doubling what they have and never past the settle point. (Giving the
 * leader √k times the invocations of each of k open sizes, the allocation that makes k
 * comparisons sharing one side equally precise for the fewest invocations, was tried: with
 * spreads that differ between sizes it needed extra rounds and spent more, see docs/tune.md.)
 */
function openRound(decision: Decision, settings: RaceSettings, settleAt: number): Items {
  const { leader } = decision;
  const wanted = new Map<RankedSize, number>();
  for (const j of decision.open) {
    const target = invocationsToSettle(leader, j, decision.margin);
    wanted.set(j, Math.max(wanted.get(j) ?? 0, target));
    wanted.set(leader, Math.max(wanted.get(leader) ?? 0, target));
  }
  return [...wanted].map(([r, target]) => ({
    memoryMb: r.summary.memoryMb,
    invocations: Math.min(
      Math.max(target - r.n, settings.minRound),
      Math.max(r.n, settings.minRound),
      Math.max(settleAt - r.n, 0),
    ),
  }));
}

/**
 * Invocations per size at which the difference interval would settle, if the means and spreads
 * stay as measured: its half-width z·√(s_a² + s_b²)/√n must fall below the distance to
 * separation (|d|) or to equivalence (margin·|L| − |d|), whichever is larger.
 */
export function invocationsToSettle(leader: RankedSize, j: RankedSize, margin: number): number {
  const { diff } = differenceInterval(leader, j);
  const zone = margin * Math.abs(leader.score);
  const reach = Math.max(Math.abs(diff), zone - Math.abs(diff));
  const spread = Math.sqrt(leader.stdDev ** 2 + j.stdDev ** 2);
  if (!Number.isFinite(spread) || reach <= 0) return Number.POSITIVE_INFINITY;
  return Math.ceil(((1.96 * spread) / reach) ** 2);
}

/**
 * The expected loss of picking the leader, when it is small enough to stop on; else null. Each
 * size compared must have had a round beyond its first batch: until then the pooled spread rests
 * on the few warm invocations of first batches (their first invocations are cold starts), and a
 * lucky first batch could end the race (tried: allowing the stop from the first batch on raised
 * the suite's mean regret from 0.35% to 0.37%, see docs/tune.md).
 */
function negligibleLoss(
  decision: Decision,
  settings: RaceSettings,
  byModel: ModelDecision | null,
): number | null {
  if (settings.stopAtLoss === undefined || decision.open.length === 0) return null;
  const floor = settings.initial + settings.minRound;
  if ([decision.leader, ...decision.open].some((r) => r.n < floor)) return null;
  const others = [...decision.out, ...decision.equivalent];
  const loss = byModel
    ? modelExpectedLoss(byModel)
    : leaderExpectedLoss(decision.leader, decision.open, others);
  return loss <= settings.stopAtLoss ? loss : null;
}

/** Trims a batch to the cap, taking from the largest requests first. */
function batch(items: Items, state: RaceState): SamplingBatch {
  let over = items.reduce((sum, item) => sum + item.invocations, 0) - (state.cap - state.spent);
  const trimmed = items.map((item) => ({ ...item }));
  while (over > 0) {
    const largest = trimmed.reduce((a, b) => (b.invocations > a.invocations ? b : a));
    if (largest.invocations === 0) break;
    largest.invocations -= 1;
    over -= 1;
  }
  const kept = trimmed.filter((item) => item.invocations > 0);
  if (kept.length === 0) return stop(`reached the cap of ${state.cap} invocations`, state);
  return { items: kept, done: false };
}

/** Every stop says what auto promises: its minimum and its cap. */
function stop(reason: string, state: RaceState): SamplingBatch {
  const { initial, finalist } = state.settings;
  return {
    items: [],
    done: true,
    reason: `${reason} (auto: at least ${initial} invocations per measured size and ${finalist} behind the recommendation, at most ${state.cap})`,
  };
}

function unique<T>(list: readonly T[]): T[] {
  return [...new Set(list)];
}
