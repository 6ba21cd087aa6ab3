/**
 * A month of CloudWatch history for one function, generated lazily from its `history` entry:
 * hourly datapoints with seeded day-to-day and hour-of-day variation, allocated by cumulative
 * rounding so that the month's sums are exact:
 *   Invocations sum = invocationsPerDay × days, Duration sum = that × avgDurationMs.
 * Generation depends only on (seed, function, month), never on query order.
 */
import { hash32, hashUnit } from "./rng.js";
import type { HistoryMonth } from "./types.js";

/** Duration sums are kept in 1/1024 ms ticks: dyadic values add up exactly in floating point. */
const TICKS_PER_MS = 1024;

export interface MonthSeries {
  startMs: number;
  hours: number;
  invocations: Float64Array;
  durationMs: Float64Array;
  errors: Float64Array;
  provisionedInvocations: Float64Array;
  /** Day factor of each hour's average duration (for Min / Max / percentiles). */
  avgDurationMs: Float64Array;
}

export function monthBounds(month: string): { startMs: number; endMs: number; days: number } {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const startMs = Date.UTC(y, m - 1, 1);
  const endMs = Date.UTC(y, m, 1);
  return { startMs, endMs, days: Math.round((endMs - startMs) / 86_400_000) };
}

/** Splits `total` into integers proportional to `weights`, summing exactly to `total`. */
export function allocate(total: number, weights: Float64Array): Float64Array {
  const out = new Float64Array(weights.length);
  let sumWeights = 0;
  for (const w of weights) sumWeights += w;
  if (total === 0 || sumWeights === 0) return out;
  let cumulative = 0;
  let previous = 0;
  for (let i = 0; i < weights.length; i += 1) {
    cumulative += weights[i]!;
    const upTo = i === weights.length - 1 ? total : Math.round((total * cumulative) / sumWeights);
    out[i] = upTo - previous;
    previous = upTo;
  }
  return out;
}

/** Hour-of-day traffic shape: a daytime peak around 15:00 UTC, a night trough. */
function diurnal(hourOfDay: number): number {
  return 1 + 0.5 * Math.sin((2 * Math.PI * (hourOfDay - 9)) / 24);
}

export function generateMonth(
  seed: number,
  functionKey: string,
  entry: HistoryMonth,
  errorRate: number,
): MonthSeries {
  const { startMs, days } = monthBounds(entry.month);
  const hours = days * 24;
  const key = hash32(`${functionKey}|${entry.month}`);
  const weights = new Float64Array(hours);
  const dayDuration = new Float64Array(days);
  for (let d = 0; d < days; d += 1) {
    // ±20 % day-to-day traffic, ±10 % day-to-day latency.
    const dayFactor = 0.8 + 0.4 * hashUnit(seed, key, d);
    dayDuration[d] = 0.9 + 0.2 * hashUnit(seed, key ^ 0x2545f491, d);
    for (let h = 0; h < 24; h += 1) {
      const jitter = 0.9 + 0.2 * hashUnit(seed, key ^ 0x68e31da4, d * 24 + h);
      weights[d * 24 + h] = dayFactor * diurnal(h) * jitter;
    }
  }
  const total = entry.invocationsPerDay * days;
  const invocations = allocate(total, weights);
  const durationWeights = new Float64Array(hours);
  for (let i = 0; i < hours; i += 1) {
    durationWeights[i] = invocations[i]! * dayDuration[Math.floor(i / 24)]!;
  }
  const ticks = allocate(Math.round(total * entry.avgDurationMs * TICKS_PER_MS), durationWeights);
  const durationMs = new Float64Array(hours);
  const avgDurationMs = new Float64Array(hours);
  for (let i = 0; i < hours; i += 1) {
    durationMs[i] = ticks[i]! / TICKS_PER_MS;
    avgDurationMs[i] = invocations[i]! > 0 ? durationMs[i]! / invocations[i]! : 0;
  }
  return {
    startMs,
    hours,
    invocations,
    durationMs,
    errors: allocate(Math.round(total * errorRate), invocations),
    provisionedInvocations: allocate(
      Math.round(total * (entry.provisionedShare ?? 0)),
      invocations,
    ),
    avgDurationMs,
  };
}
