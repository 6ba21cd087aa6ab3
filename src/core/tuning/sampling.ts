/**
 * Sampling planners: what to invoke next, given the samples so far.
 *
 * - fixed: N invocations per size, in one batch.
 * - auto (`--invocations auto`): a race between the sizes (racing.ts) over a coarse-then-fine
 *   search of the sizes given (size-search.ts), capped at the grid it replaces.
 *
 * The minimum auto spends, so that its statistics are honest: every measured size gets a first
 * batch of 8 invocations (a t-interval needs a spread, and the first invocations of each new
 * version are cold starts, which the warm statistics leave out), and the recommended size — and
 * every size called equivalent to it — has at least 20 invocations behind its mean, unless the
 * cap is smaller; when the CPU-scaling model decided, the sizes next to it that the per-size
 * comparison has not ruled out have at least 13.
 */
import { raceRound } from "./racing.js";
import { coarseSizes } from "./size-search.js";
import { summarizeSize } from "./summarize.js";
import type {
  InvocationCostModel,
  InvocationSample,
  SamplingMode,
  SamplingPlanner,
  StrategyOptions,
} from "./types.js";

export interface SamplingPlannerOptions {
  sizes: readonly number[];
  mode: SamplingMode;
  strategyOptions: StrategyOptions;
  costModel: InvocationCostModel;
  /** Auto mode: invocations per size in the first batch (default 8). */
  initialInvocations?: number | undefined;
  /** Auto mode: invocations behind the pick's mean, and each equivalent size's (default 20). */
  finalistInvocations?: number | undefined;
  /**
   * Auto mode: sizes still not told apart stop when each has this many invocations (default
   * 40) …
   */
  settleInvocations?: number | undefined;
  /**
   * … or, under cost while the CPU-scaling model fits the sizes measured, when they have this
   * many each on average (default 16; the model's rounds spread invocations over the sizes that
   * best pin their differences, model-rounds.ts).
   */
  settleInvocationsWithModel?: number | undefined;
  /**
   * Auto mode, cost: the average at which a race down to two sizes stops while the model with
   * its memory-pressure term decides, or when a smaller size ran out of memory (default 50, the
   * grid's count; racing.ts, pressurePair).
   */
  settleInvocationsPressurePair?: number | undefined;
  /**
   * Auto mode: before a stop the CPU-scaling model decided, invocations behind the mean of each
   * size next to the pick that the per-size comparison has not ruled out (default 13; 0 turns
   * the check off). See racing.ts, neighbourRound.
   */
  neighbourInvocations?: number | undefined;
  /**
   * Auto mode, cost strategy: stop once the expected loss of picking the leader is at most this
   * share of its cost (default 0.005, see expected-loss.ts); a negative value turns it off.
   */
  stopAtLoss?: number | undefined;
  /** Auto mode, cost: the settle points at high stakes (RaceSettings.highStakes); default above. */
  highStakes?: { loss: number; settleAt: number; settleAtWithModel: number } | undefined;
  /** Passed to summarizeSize; must match what analyzeTuning is given. Default 0. */
  coldStartShare?: number | undefined;
}

type Samples = ReadonlyMap<number, readonly InvocationSample[]>;

/** The per-size count of the grid that auto replaces (and Power Tuning's usual count). */
export const GRID_INVOCATIONS_PER_SIZE = 50;
export const DEFAULT_INITIAL_INVOCATIONS = 8;
export const DEFAULT_FINALIST_INVOCATIONS = 20;
const MIN_ROUND = 5;
/**
 * 16, not 20, since the neighbour check (DEFAULT_NEIGHBOUR_INVOCATIONS): together they keep the
 * spend of bench:tune's randomised suite (median 27.7%, p90 48.8% of the grid) where 20 alone
 * had it (26.7%, 49.3%) at a lower mean regret; 16 alone raised it (0.300% → 0.309%).
 */
export const DEFAULT_SETTLE_WITH_MODEL = 16;
/** Invocations behind the mean of the pick's neighbours before a model-decided stop: 8 + 5. */
export const DEFAULT_NEIGHBOUR_INVOCATIONS = 13;
export const DEFAULT_SETTLE_WITHOUT_MODEL = 40;
/**
 * Cost: the settle points rise to 50 each (30 on average with the model) while picking the
 * leader is expected to lose more than 4% of its cost. On bench:tune's randomised suite (30
 * draws, 6,000 shapes) this cut auto's mean regret from 0.32% to 0.30% (the grid 0.27%; paired
 * difference +0.06% → +0.03% ± 0.04%) for a p90 of 49.3% instead of 48.9%; raising them for
 * every race instead bought less regret per invocation (docs/tune.md).
 */
export const DEFAULT_HIGH_STAKES = { loss: 0.04, settleAt: 50, settleAtWithModel: 30 };
/**
 * Cost: a race stops when picking the leader is expected to lose at most 0.5% of its cost to the
 * sizes not yet told apart from it. On the randomised suite of bench:tune this ends the races
 * whose leader is ahead by about 1.5–2 standard errors — not yet surely ahead — and brought the
 * median share of the grid from 32% to 27% at the same mean regret (docs/tune.md).
 */
export const DEFAULT_STOP_AT_LOSS = 0.005;

/**
 * The most `--invocations auto` may spend: the grid it replaces (50 per size), or
 * --max-invocations when that is lower. `autoInvocationCap(6, 400)` is 300.
 */
export function autoInvocationCap(sizeCount: number, maxInvocations: number): number {
  return Math.min(maxInvocations, GRID_INVOCATIONS_PER_SIZE * sizeCount);
}

/**
 * Creates the planner the runner calls between batches.
 *
 * @example
 * const planner = createSamplingPlanner({ sizes: [512, 1024], mode: { kind: "fixed",
 *   invocationsPerSize: 50 }, strategyOptions, costModel });
 * planner.next(new Map()) // → { items: [{ memoryMb: 512, invocations: 50 }, …], done: false }
 */
export function createSamplingPlanner(options: SamplingPlannerOptions): SamplingPlanner {
  const sizes = [...new Set(options.sizes)].sort((a, b) => a - b);
  if (options.mode.kind === "fixed") {
    const perSize = options.mode.invocationsPerSize;
    return {
      next(samples) {
        const items = sizes
          .map((memoryMb) => ({
            memoryMb,
            invocations: perSize - (samples.get(memoryMb)?.length ?? 0),
          }))
          .filter((item) => item.invocations > 0);
        if (items.length > 0) return { items, done: false };
        return { items: [], done: true, reason: `${perSize} invocations per size` };
      },
    };
  }
  const cap = autoInvocationCap(sizes.length, options.mode.maxInvocations);
  const coarse = coarseSizes(sizes);
  const initial = Math.max(
    2,
    Math.min(
      options.initialInvocations ?? DEFAULT_INITIAL_INVOCATIONS,
      Math.floor(cap / coarse.length),
    ),
  );
  const settings = {
    initial,
    finalist: Math.max(initial, options.finalistInvocations ?? DEFAULT_FINALIST_INVOCATIONS),
    minRound: MIN_ROUND,
    settleAt: options.settleInvocations ?? DEFAULT_SETTLE_WITHOUT_MODEL,
    settleAtWithModel: options.settleInvocationsWithModel ?? DEFAULT_SETTLE_WITH_MODEL,
    settleAtPressurePair: options.settleInvocationsPressurePair ?? GRID_INVOCATIONS_PER_SIZE,
    neighbour: neighbourFloor(options.neighbourInvocations),
    stopAtLoss: options.stopAtLoss ?? DEFAULT_STOP_AT_LOSS,
    highStakes: options.highStakes ?? DEFAULT_HIGH_STAKES,
  };
  return {
    next(samples) {
      const searched = sizes.filter((m) => coarse.includes(m) || (samples.get(m)?.length ?? 0) > 0);
      const summaries = searched.map((memoryMb) =>
        summarizeSize(memoryMb, samples.get(memoryMb) ?? [], {
          costModel: options.costModel,
          maxDurationMs: options.strategyOptions.maxDurationMs,
          coldStartShare: options.coldStartShare,
        }),
      );
      return raceRound({
        sizes,
        summaries,
        spent: total(samples),
        cap,
        strategy: options.strategyOptions,
        settings,
        costModel: options.costModel,
      });
    },
  };
}

/** The neighbour check's floor; undefined (off) for 0. */
function neighbourFloor(invocations = DEFAULT_NEIGHBOUR_INVOCATIONS): number | undefined {
  return invocations > 0 ? invocations : undefined;
}

function total(samples: Samples): number {
  let count = 0;
  for (const list of samples.values()) count += list.length;
  return count;
}
