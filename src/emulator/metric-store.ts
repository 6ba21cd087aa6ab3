/**
 * CloudWatch `AWS/Lambda` data: live samples recorded as emulated invocations happen, plus the
 * history months generated on demand (see history.ts) and kept in a bounded cache, so 10,000
 * functions with a month of history each cost nothing until queried.
 */
import type { FunctionRecord } from "./function-record.js";
import { MonthSeries, monthBounds } from "./history.js";
import { addHours, hourRanges } from "./history-buckets.js";
import { type Bucket, LAMBDA_METRICS, type LambdaMetric } from "./metric-bucket.js";
import type { HistoryMonth } from "./types.js";

/**
 * Metrics Lambda publishes per alias or version (`Resource` dimension) for provisioned
 * concurrency. ProvisionedConcurrencyUtilization exists only there: "for a version or alias"
 * (Lambda Developer Guide, "Types of metrics for Lambda functions").
 */
const PC_RESOURCE_METRICS: ReadonlySet<LambdaMetric> = new Set([
  "ProvisionedConcurrencyInvocations",
  "ProvisionedConcurrencySpilloverInvocations",
  "ProvisionedConcurrentExecutions",
  "ProvisionedConcurrencyUtilization",
]);

interface LiveSeries {
  region: string;
  functionName: string;
  resource: string | undefined;
  metric: LambdaMetric;
  times: number[];
  values: number[];
}

interface HistorySpec {
  /** Registration number: a re-registered function never reads its old cached months. */
  generation: number;
  region: string;
  functionName: string;
  months: HistoryMonth[];
  errorRate: number;
  cv: number;
  /**
   * `name:qualifier` of each provisioned concurrency config: the first one receives the
   * history's PC and spillover invocations, every one the history's utilisation.
   */
  pcResources: string[];
}

/** What a function's history adds up to over a time range (Logs Insights and DescribeLogGroups). */
export interface HistoryTotals {
  invocations: number;
  durationMsSum: number;
  outOfMemory: number;
  logBytes: number;
}

/** Months kept generated (about 1.2 KB each); beyond this the oldest is dropped and regenerated. */
const CACHE_LIMIT = 65_536;

export class MetricStore {
  private readonly seed: number;
  private readonly live = new Map<string, LiveSeries>();
  private readonly history = new Map<string, HistorySpec>();
  private readonly cache = new Map<string, MonthSeries>();
  private generation = 0;

  constructor(seed: number) {
    this.seed = seed;
  }

  registerHistory(fn: FunctionRecord): void {
    const key = `${fn.region}|${fn.name}`;
    for (const cached of this.cache.keys())
      if (cached.startsWith(`${key}|`)) this.cache.delete(cached);
    if (!fn.spec.history?.length) {
      this.history.delete(key);
      return;
    }
    this.generation += 1;
    this.history.set(key, {
      generation: this.generation,
      region: fn.region,
      functionName: fn.name,
      months: fn.spec.history,
      errorRate: fn.spec.model.errorRate,
      // History percentiles assume this spread around each hour's mean.
      cv: Math.max(fn.spec.model.noiseCv, 0.2),
      pcResources: (fn.spec.provisionedConcurrency ?? []).map(
        (pc) => `${fn.name}:${/^\d+$/.test(pc.qualifier) ? "1" : pc.qualifier}`,
      ),
    });
  }

  record(
    region: string,
    functionName: string,
    resource: string | undefined,
    metric: LambdaMetric,
    value: number,
    timeMs: number,
  ): void {
    const key = `${region}|${functionName}|${resource ?? ""}|${metric}`;
    let series = this.live.get(key);
    if (!series) {
      series = { region, functionName, resource, metric, times: [], values: [] };
      this.live.set(key, series);
    }
    series.times.push(timeMs);
    series.values.push(value);
  }

  /** Samples of one metric grouped into periods aligned on `startMs`. */
  buckets(
    region: string,
    metric: LambdaMetric,
    functionName: string,
    resource: string | undefined,
    startMs: number,
    endMs: number,
    periodMs: number,
  ): Map<number, Bucket> {
    const out = new Map<number, Bucket>();
    const bucketAt = (t: number): Bucket => {
      const at = startMs + Math.floor((t - startMs) / periodMs) * periodMs;
      let b = out.get(at);
      if (!b) {
        b = {
          count: 0,
          sum: 0,
          min: Number.POSITIVE_INFINITY,
          max: Number.NEGATIVE_INFINITY,
          values: [],
          historyCount: 0,
          historySum: 0,
          historyCv: 0,
        };
        out.set(at, b);
      }
      return b;
    };
    const live = this.live.get(`${region}|${functionName}|${resource ?? ""}|${metric}`);
    if (live) {
      for (let i = 0; i < live.times.length; i += 1) {
        const t = live.times[i]!;
        if (t < startMs || t >= endMs) continue;
        const v = live.values[i]!;
        const b = bucketAt(t);
        b.count += 1;
        b.sum += v;
        b.min = Math.min(b.min, v);
        b.max = Math.max(b.max, v);
        b.values.push(v);
      }
    }
    const spec = this.history.get(`${region}|${functionName}`);
    if (spec && this.servesHistory(spec, metric, resource)) {
      this.addHistory(spec, metric, startMs, endMs, periodMs, bucketAt);
    }
    return out;
  }

  /** FunctionName alone: every metric but utilisation; with Resource: PC metrics of PC configs. */
  private servesHistory(spec: HistorySpec, metric: LambdaMetric, resource: string | undefined) {
    if (resource === undefined) return metric !== "ProvisionedConcurrencyUtilization";
    if (!PC_RESOURCE_METRICS.has(metric)) return false;
    const index = spec.pcResources.indexOf(resource);
    if (index < 0) return false;
    return index === 0 || metric === "ProvisionedConcurrencyUtilization";
  }

  /**
   * The history's invocations, duration, out-of-memory invocations and log bytes over
   * [startMs, endMs): what Logs Insights scans and what a log group stores.
   */
  historyTotals(
    region: string,
    functionName: string,
    startMs: number,
    endMs: number,
  ): HistoryTotals {
    const totals: HistoryTotals = { invocations: 0, durationMsSum: 0, outOfMemory: 0, logBytes: 0 };
    const spec = this.history.get(`${region}|${functionName}`);
    if (!spec) return totals;
    for (const entry of spec.months) {
      const bounds = monthBounds(entry.month);
      if (bounds.endMs <= startMs || bounds.startMs >= endMs) continue;
      const month = this.month(spec, entry);
      const hourAt = (t: number) =>
        Math.min(month.hours, Math.max(0, Math.ceil((t - month.startMs) / 3_600_000)));
      const h0 = hourAt(startMs);
      const h1 = hourAt(endMs);
      const invocations = month.sum("invocations", h0, h1);
      totals.invocations += invocations;
      totals.durationMsSum += month.sum("durationTicks", h0, h1);
      totals.outOfMemory += month.sum("outOfMemory", h0, h1);
      totals.logBytes += invocations * month.logBytesPerInvocation;
    }
    return totals;
  }

  /** Whether the function has been invoked on the emulator (its log group then exists). */
  hasLiveInvocations(region: string, functionName: string): boolean {
    return this.live.has(`${region}|${functionName}||Invocations`);
  }

  /** Whether the function has history (and so a log group with history behind it). */
  historyMonths(region: string, functionName: string): HistoryMonth[] {
    return this.history.get(`${region}|${functionName}`)?.months ?? [];
  }

  private addHistory(
    spec: HistorySpec,
    metric: LambdaMetric,
    startMs: number,
    endMs: number,
    periodMs: number,
    bucketAt: (t: number) => Bucket,
  ): void {
    for (const entry of spec.months) {
      const bounds = monthBounds(entry.month);
      if (bounds.endMs <= startMs || bounds.startMs >= endMs) continue;
      const month = this.month(spec, entry);
      for (const [t, h0, h1] of hourRanges(month, startMs, endMs, periodMs)) {
        addHours(bucketAt(t), metric, month, h0, h1, spec.cv);
      }
    }
  }

  private month(spec: HistorySpec, entry: HistoryMonth): MonthSeries {
    const key = `${spec.generation}|${entry.month}`;
    let month = this.cache.get(key);
    if (!month) {
      month = new MonthSeries(
        this.seed,
        `${spec.region}|${spec.functionName}`,
        entry,
        spec.errorRate,
      );
      if (this.cache.size >= CACHE_LIMIT) {
        this.cache.delete(this.cache.keys().next().value as string);
      }
      this.cache.set(key, month);
    }
    return month;
  }

  /** Every series with data in [sinceMs, untilMs), for ListMetrics. */
  listSeries(
    sinceMs: number,
    untilMs: number,
  ): Array<{
    region: string;
    functionName: string;
    resource: string | undefined;
    metric: LambdaMetric;
  }> {
    const out: Array<{
      region: string;
      functionName: string;
      resource: string | undefined;
      metric: LambdaMetric;
    }> = [];
    for (const s of this.live.values()) {
      if (s.times.some((t) => t >= sinceMs && t < untilMs)) {
        out.push({
          region: s.region,
          functionName: s.functionName,
          resource: s.resource,
          metric: s.metric,
        });
      }
    }
    const liveKeys = new Set(out.map((s) => `${s.region}|${s.functionName}||${s.metric}`));
    for (const spec of this.history.values()) {
      const active = spec.months.some((m) => {
        const b = monthBounds(m.month);
        return m.invocationsPerDay > 0 && b.startMs < untilMs && b.endMs > sinceMs;
      });
      if (!active) continue;
      const pc = spec.months.some((m) => (m.provisionedShare ?? 0) > 0);
      const spill = spec.months.some((m) => (m.spilloverShare ?? 0) > 0);
      for (const metric of LAMBDA_METRICS) {
        if (metric === "ProvisionedConcurrencyUtilization") continue;
        if (metric === "ProvisionedConcurrencySpilloverInvocations" && !spill) continue;
        if (!pc && metric.startsWith("ProvisionedConcurren")) continue;
        if (liveKeys.has(`${spec.region}|${spec.functionName}||${metric}`)) continue;
        out.push({
          region: spec.region,
          functionName: spec.functionName,
          resource: undefined,
          metric,
        });
      }
    }
    return out;
  }
}
