/**
 * Reads history months into query periods: which hours fall in each period, and what those
 * hours add to a period's statistics (sums come from MonthSeries.sum).
 */
import type { MonthSeries } from "./history.js";
import type { Bucket, LambdaMetric } from "./metric-bucket.js";

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

/** Adds history hours [h0, h1) of one metric to a period's bucket. */
export function addHours(
  b: Bucket,
  metric: LambdaMetric,
  month: MonthSeries,
  h0: number,
  h1: number,
  cv: number,
): void {
  if (metric === "ProvisionedConcurrencyUtilization") {
    // One sample per hour, idle hours included (an idle allocation is 0 % used, not missing):
    // the month's configured utilisation is each hour's Maximum and Average.
    const u = month.provisionedUtilization;
    if (u !== undefined) addAggregate(b, h1 - h0, u * (h1 - h0), u, u);
    return;
  }
  const n = month.sum("invocations", h0, h1);
  if (n === 0) return;
  switch (metric) {
    case "Invocations":
      addAggregate(b, n, n, 1, 1);
      return;
    case "Duration": {
      const sum = month.sum("durationTicks", h0, h1);
      // Within a day every hour has the day's mean; the extremes come from the days' means.
      let low = Number.POSITIVE_INFINITY;
      let high = 0;
      for (let d = Math.floor(h0 / 24); d * 24 < h1; d += 1) {
        const from = Math.max(h0, d * 24);
        const to = Math.min(h1, d * 24 + 24);
        const count = month.sum("invocations", from, to);
        if (count === 0) continue;
        const mean = month.sum("durationTicks", from, to) / count;
        low = Math.min(low, mean);
        high = Math.max(high, mean);
      }
      // Shortest and longest calls: half the fastest day's mean, 2.5× the slowest's.
      addAggregate(b, n, sum, low * 0.5, high * 2.5);
      b.historyCount += n;
      b.historySum += sum;
      b.historyCv = cv;
      return;
    }
    case "Errors": {
      const e = month.sum("errors", h0, h1);
      addAggregate(b, n, e, e === n ? 1 : 0, e > 0 ? 1 : 0);
      return;
    }
    case "Throttles":
      addAggregate(b, n, 0, 0, 0);
      return;
    case "ConcurrentExecutions":
    case "ProvisionedConcurrentExecutions": {
      // One sample per hour, by Little's law: mean concurrency = arrival rate × mean duration.
      const field = metric === "ConcurrentExecutions" ? "invocations" : "provisionedInvocations";
      for (let h = h0; h < h1; h += 1) {
        const count = month.sum(field, h, h + 1);
        if (count === 0) continue;
        const meanMs = month.sum("durationTicks", h, h + 1) / month.sum("invocations", h, h + 1);
        const c = Math.max(1, Math.ceil((count * meanMs) / HOUR_MS));
        addAggregate(b, 1, c, c, c);
      }
      return;
    }
    case "ProvisionedConcurrencyInvocations": {
      const pc = month.sum("provisionedInvocations", h0, h1);
      if (pc > 0) addAggregate(b, pc, pc, 1, 1);
      return;
    }
    case "ProvisionedConcurrencySpilloverInvocations": {
      const spill = month.sum("spilloverInvocations", h0, h1);
      if (spill > 0) addAggregate(b, spill, spill, 1, 1);
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
