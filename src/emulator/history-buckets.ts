/**
 * Reads history months into query periods: which hours fall in each period, and what those
 * hours add to a period's statistics (sums from running totals in O(1)).
 */
import type { MonthSeries } from "./history.js";
import type { Bucket, LambdaMetric } from "./metric-store.js";

const HOUR_MS = 3_600_000;

/**
 * The hours [h0, h1) of a month that fall in each period: one range per period when periods
 * span hours, one hour at a time when periods are shorter. Returns [periodStartMs, h0, h1].
 */
export function hourRanges(
  month: MonthSeries,
  startMs: number,
  endMs: number,
  periodMs: number,
): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  const hourAt = (t: number) =>
    Math.min(month.hours, Math.max(0, Math.ceil((t - month.startMs) / HOUR_MS)));
  const first = hourAt(startMs);
  const last = hourAt(endMs);
  if (first >= last) return out;
  if (periodMs < HOUR_MS) {
    for (let h = first; h < last; h += 1) {
      const t = month.startMs + h * HOUR_MS;
      out.push([startMs + Math.floor((t - startMs) / periodMs) * periodMs, h, h + 1]);
    }
    return out;
  }
  const firstPeriod = Math.floor((month.startMs + first * HOUR_MS - startMs) / periodMs);
  for (let k = firstPeriod; ; k += 1) {
    const periodStart = startMs + k * periodMs;
    const h0 = Math.max(first, hourAt(periodStart));
    const h1 = Math.min(last, hourAt(periodStart + periodMs));
    if (h0 >= last) break;
    if (h1 > h0) out.push([periodStart, h0, h1]);
  }
  return out;
}

const diff = (series: Float64Array, h0: number, h1: number) => series[h1]! - series[h0]!;

/** Adds history hours [h0, h1) of one metric to a period's bucket. */
export function addHours(
  b: Bucket,
  metric: LambdaMetric,
  month: MonthSeries,
  h0: number,
  h1: number,
  cv: number,
): void {
  const n = diff(month.invocations, h0, h1);
  if (n === 0) return;
  switch (metric) {
    case "Invocations":
      addAggregate(b, n, n, 1, 1);
      return;
    case "Duration": {
      let low = Number.POSITIVE_INFINITY;
      let high = 0;
      for (let h = h0; h < h1; h += 1) {
        const count = diff(month.invocations, h, h + 1);
        if (count === 0) continue;
        const mean = diff(month.durationMs, h, h + 1) / count;
        low = Math.min(low, mean);
        high = Math.max(high, mean);
      }
      const sum = diff(month.durationMs, h0, h1);
      // Shortest and longest calls: half the quietest hour's mean, 2.5× the slowest's.
      addAggregate(b, n, sum, low * 0.5, high * 2.5);
      b.historyCount += n;
      b.historySum += sum;
      b.historyCv = cv;
      return;
    }
    case "Errors": {
      const e = diff(month.errors, h0, h1);
      addAggregate(b, n, e, e === n ? 1 : 0, e > 0 ? 1 : 0);
      return;
    }
    case "Throttles":
      addAggregate(b, n, 0, 0, 0);
      return;
    case "ConcurrentExecutions":
    case "ProvisionedConcurrentExecutions": {
      // One sample per hour, by Little's law: mean concurrency = arrival rate × mean duration.
      const series =
        metric === "ConcurrentExecutions" ? month.invocations : month.provisionedInvocations;
      for (let h = h0; h < h1; h += 1) {
        const count = diff(series, h, h + 1);
        if (count === 0) continue;
        const c = Math.max(
          1,
          Math.ceil(
            (diff(month.durationMs, h, h + 1) * (count / diff(month.invocations, h, h + 1))) /
              HOUR_MS,
          ),
        );
        addAggregate(b, 1, c, c, c);
      }
      return;
    }
    case "ProvisionedConcurrencyInvocations": {
      const pc = diff(month.provisionedInvocations, h0, h1);
      if (pc > 0) addAggregate(b, pc, pc, 1, 1);
      return;
    }
    default:
      return;
  }
}

export function addAggregate(
  b: Bucket,
  count: number,
  sum: number,
  min: number,
  max: number,
): void {
  b.count += count;
  b.sum += sum;
  b.min = Math.min(b.min, min);
  b.max = Math.max(b.max, max);
}
