/**
 * A month of CloudWatch history for one function, generated lazily from its `history` entry:
 * hourly datapoints with seeded day-to-day and hour-of-day variation, allocated by cumulative
 * rounding so that the month's sums are exact:
 *   Invocations sum = invocationsPerDay × days, Duration sum = that × avgDurationMs.
 * Generation depends only on (seed, function, month), never on query order.
 */
import { hash32, Rng } from "./rng.js";
import type { HistoryMonth } from "./types.js";

/** Duration sums are kept in 1/1024 ms ticks: dyadic values add up exactly in floating point. */
const TICKS_PER_MS = 1024;

/**
 * One month as running totals: `x[i]` is the total over hours [0, i), so any range of hours
 * sums in O(1) and exactly (integers, and durations in 1/1024 ms ticks, stay below 2^53).
 */
export interface MonthSeries {
  startMs: number;
  hours: number;
  invocations: Float64Array;
  durationMs: Float64Array;
  errors: Float64Array;
  provisionedInvocations: Float64Array;
}

export function monthBounds(month: string): { startMs: number; endMs: number; days: number } {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const startMs = Date.UTC(y, m - 1, 1);
  const endMs = Date.UTC(y, m, 1);
  return { startMs, endMs, days: Math.round((endMs - startMs) / 86_400_000) };
}

/**
 * Splits `total` into integers in proportion to weights given as running totals
 * (`cumulativeWeights[i]` = weight of items [0, i)), and returns the running totals of the
 * split: `round(total × W[i] / W[n])`, so consecutive differences are integers that add up to
 * exactly `total`.
 */
export function allocateCumulative(total: number, cumulativeWeights: Float64Array): Float64Array {
  const n = cumulativeWeights.length - 1;
  const sumWeights = cumulativeWeights[n]!;
  if (total === 0 || sumWeights === 0) return zeros(n + 1);
  const out = new Float64Array(n + 1);
  for (let i = 1; i < n; i += 1) out[i] = Math.round((total * cumulativeWeights[i]!) / sumWeights);
  out[n] = total;
  return out;
}

const ZEROS = new Map<number, Float64Array>();
/** A shared all-zero series (never written to). */
function zeros(length: number): Float64Array {
  let z = ZEROS.get(length);
  if (!z) {
    z = new Float64Array(length);
    ZEROS.set(length, z);
  }
  return z;
}

/** Hour-of-day traffic shape: a daytime peak around 15:00 UTC, a night trough. */
const DIURNAL = Array.from(
  { length: 24 },
  (_, h) => 1 + 0.5 * Math.sin((2 * Math.PI * (h - 9)) / 24),
);

export function generateMonth(
  seed: number,
  functionKey: string,
  entry: HistoryMonth,
  errorRate: number,
): MonthSeries {
  const { startMs, days } = monthBounds(entry.month);
  const hours = days * 24;
  // One seeded stream per (seed, function, month): the month is the same whenever it is made.
  const rng = new Rng(seed ^ hash32(`${functionKey}|${entry.month}`));
  const dayDuration = new Float64Array(days);
  const cumulative = new Float64Array(hours + 1);
  for (let d = 0; d < days; d += 1) {
    // ±20 % day-to-day traffic, ±10 % day-to-day latency, ±10 % hour to hour.
    const dayFactor = 0.8 + 0.4 * rng.next();
    dayDuration[d] = 0.9 + 0.2 * rng.next();
    for (let h = 0; h < 24; h += 1) {
      const i = d * 24 + h;
      cumulative[i + 1] = cumulative[i]! + dayFactor * DIURNAL[h]! * (0.9 + 0.2 * rng.next());
    }
  }
  const total = entry.invocationsPerDay * days;
  const invocations = allocateCumulative(total, cumulative);
  // Duration weights: each hour's calls × its day's latency factor (reusing `cumulative`).
  for (let i = 0; i < hours; i += 1) {
    const calls = invocations[i + 1]! - invocations[i]!;
    cumulative[i + 1] = cumulative[i]! + calls * dayDuration[Math.floor(i / 24)]!;
  }
  const ticks = allocateCumulative(
    Math.round(total * entry.avgDurationMs * TICKS_PER_MS),
    cumulative,
  );
  const durationMs = new Float64Array(hours + 1);
  for (let i = 0; i <= hours; i += 1) durationMs[i] = ticks[i]! / TICKS_PER_MS;
  return {
    startMs,
    hours,
    invocations,
    durationMs,
    errors: allocateCumulative(Math.round(total * errorRate), invocations),
    provisionedInvocations: allocateCumulative(
      Math.round(total * (entry.provisionedShare ?? 0)),
      invocations,
    ),
  };
}
