/**
 * A month of CloudWatch history for one function, generated lazily from its `history` entry,
 * in two levels so that the common query (daily or monthly sums over thousands of functions)
 * never touches hours: days first, each day's hours only when a query cuts into the day.
 * Both levels split their total by cumulative rounding, so every sum is exact:
 *   month Invocations = invocationsPerDay × days, month Duration = that × avgDurationMs,
 * and a day's hours add up to the day. Everything depends only on (seed, function, month).
 */
import { hash32, Rng } from "./rng.js";
import type { HistoryMonth } from "./types.js";

/** Duration sums are kept in 1/1024 ms ticks: dyadic values add up exactly in floating point. */
const TICKS_PER_MS = 1024;

export type HistoryField =
  | "invocations"
  | "durationTicks"
  | "errors"
  | "provisionedInvocations"
  | "spilloverInvocations"
  | "outOfMemory";
const FIELDS: readonly HistoryField[] = [
  "invocations",
  "durationTicks",
  "errors",
  "provisionedInvocations",
  "spilloverInvocations",
  "outOfMemory",
];

/** Running totals (`x[i]` = total over units [0, i)) of each field. */
type Totals = Record<HistoryField, Float64Array>;

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
  const out = new Float64Array(n + 1);
  const sumWeights = cumulativeWeights[n]!;
  if (total === 0 || sumWeights === 0) return out;
  for (let i = 1; i < n; i += 1) out[i] = Math.round((total * cumulativeWeights[i]!) / sumWeights);
  out[n] = total;
  return out;
}

/** Hour-of-day traffic shape: a daytime peak around 15:00 UTC, a night trough. */
const DIURNAL = Array.from(
  { length: 24 },
  (_, h) => 1 + 0.5 * Math.sin((2 * Math.PI * (h - 9)) / 24),
);

/** Splits a whole (day or month) into parts weighted by `weights`, field by field. */
function split(whole: Record<HistoryField, number>, cumulativeWeights: Float64Array): Totals {
  const invocations = allocateCumulative(whole.invocations, cumulativeWeights);
  return {
    invocations,
    durationTicks: allocateCumulative(whole.durationTicks, invocations),
    errors: allocateCumulative(whole.errors, invocations),
    provisionedInvocations: allocateCumulative(whole.provisionedInvocations, invocations),
    spilloverInvocations: allocateCumulative(whole.spilloverInvocations, invocations),
    outOfMemory: allocateCumulative(whole.outOfMemory, invocations),
  };
}

export class MonthSeries {
  readonly startMs: number;
  readonly days: number;
  readonly hours: number;
  /** The month's ProvisionedConcurrencyUtilization (Maximum and Average of every hour). */
  readonly provisionedUtilization: number | undefined;
  /** Log bytes each invocation of the month writes. */
  readonly logBytesPerInvocation: number;
  private readonly key: number;
  private readonly seed: number;
  private readonly byDay: Totals;
  private lastDay = -1;
  private lastDayHours: Totals | undefined;

  constructor(seed: number, functionKey: string, entry: HistoryMonth, errorRate: number) {
    const { startMs, days } = monthBounds(entry.month);
    this.startMs = startMs;
    this.days = days;
    this.hours = days * 24;
    this.provisionedUtilization = entry.provisionedUtilization;
    this.logBytesPerInvocation = entry.logBytesPerInvocation ?? 0;
    this.seed = seed;
    this.key = hash32(`${functionKey}|${entry.month}`);
    const rng = new Rng(seed ^ this.key);
    const dayWeights = new Float64Array(days + 1);
    const dayLatency = new Float64Array(days);
    for (let d = 0; d < days; d += 1) {
      // ±20 % day-to-day traffic, ±10 % day-to-day latency.
      dayWeights[d + 1] = dayWeights[d]! + 0.8 + 0.4 * rng.next();
      dayLatency[d] = 0.9 + 0.2 * rng.next();
    }
    const total = entry.invocationsPerDay * days;
    const invocations = allocateCumulative(total, dayWeights);
    // Duration weights: each day's calls × its latency factor.
    const durationWeights = new Float64Array(days + 1);
    for (let d = 0; d < days; d += 1) {
      durationWeights[d + 1] =
        durationWeights[d]! + (invocations[d + 1]! - invocations[d]!) * dayLatency[d]!;
    }
    this.byDay = {
      invocations,
      durationTicks: allocateCumulative(
        Math.round(total * entry.avgDurationMs * TICKS_PER_MS),
        durationWeights,
      ),
      errors: allocateCumulative(Math.round(total * errorRate), invocations),
      provisionedInvocations: allocateCumulative(
        Math.round(total * (entry.provisionedShare ?? 0)),
        invocations,
      ),
      spilloverInvocations: allocateCumulative(
        Math.round(total * (entry.spilloverShare ?? 0)),
        invocations,
      ),
      // Never more out-of-memory invocations than invocations.
      outOfMemory: allocateCumulative(Math.min(entry.oomCount ?? 0, total), invocations),
    };
  }

  /** The total of a field over hours [h0, h1) of the month; durations in ms. */
  sum(field: HistoryField, h0: number, h1: number): number {
    if (h1 <= h0) return 0;
    const firstFullDay = Math.ceil(h0 / 24);
    const lastFullDay = Math.floor(h1 / 24);
    let total: number;
    if (firstFullDay > lastFullDay) {
      // Inside one day.
      const d = Math.floor(h0 / 24);
      total = this.hourly(d, field, h0 - d * 24, h1 - d * 24);
    } else {
      const days = this.byDay[field];
      total = days[lastFullDay]! - days[firstFullDay]!;
      if (h0 < firstFullDay * 24) total += this.hourly(firstFullDay - 1, field, h0 % 24, 24);
      if (h1 > lastFullDay * 24) total += this.hourly(lastFullDay, field, 0, h1 % 24);
    }
    return field === "durationTicks" ? total / TICKS_PER_MS : total;
  }

  private hourly(day: number, field: HistoryField, from: number, to: number): number {
    const hours = this.dayHours(day)[field];
    return hours[to]! - hours[from]!;
  }

  /** Day `day` split into its 24 hours (the last one is kept: queries walk hours in order). */
  private dayHours(day: number): Totals {
    if (day === this.lastDay && this.lastDayHours) return this.lastDayHours;
    const rng = new Rng(this.seed ^ this.key ^ Math.imul(day + 1, 0x9e3779b1));
    const weights = new Float64Array(25);
    for (let h = 0; h < 24; h += 1) {
      // ±10 % hour to hour around the daily shape.
      weights[h + 1] = weights[h]! + DIURNAL[h]! * (0.9 + 0.2 * rng.next());
    }
    const whole = {} as Record<HistoryField, number>;
    for (const field of FIELDS)
      whole[field] = this.byDay[field][day + 1]! - this.byDay[field][day]!;
    this.lastDay = day;
    this.lastDayHours = split(whole, weights);
    return this.lastDayHours;
  }
}
