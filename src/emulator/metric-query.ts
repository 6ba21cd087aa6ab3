/** Shared by GetMetricData and GetMetricStatistics: metric identity, period rules, timestamps. */
import { cloudwatchError } from "./http.js";
import { LAMBDA_METRICS, type LambdaMetric } from "./metric-bucket.js";

export interface MetricIdentity {
  namespace: string;
  metricName: string;
  dimensions: Array<{ Name: string; Value: string }>;
}

/** The (function, resource) a metric's dimensions name, or undefined if there is no such data. */
export function lambdaSeries(
  metric: MetricIdentity,
): { metric: LambdaMetric; functionName: string; resource: string | undefined } | undefined {
  if (metric.namespace !== "AWS/Lambda") return undefined;
  if (!(LAMBDA_METRICS as readonly string[]).includes(metric.metricName)) return undefined;
  const dims = new Map(metric.dimensions.map((d) => [d.Name, d.Value]));
  const functionName = dims.get("FunctionName");
  if (functionName === undefined) return undefined;
  const resource = dims.get("Resource");
  if (dims.size !== (resource === undefined ? 1 : 2)) return undefined;
  return { metric: metric.metricName as LambdaMetric, functionName, resource };
}

export function unitOf(metricName: string): string {
  return metricName === "Duration" ? "Milliseconds" : "Count";
}

/** Epoch seconds (the JSON 1.0 wire form) to ms; missing is 400 MissingParameter. */
export function epochMs(value: unknown, field: string): number {
  if (value === undefined || value === null) {
    throw cloudwatchError(
      "MissingRequiredParameterException",
      `The parameter ${field} is required.`,
    );
  }
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw cloudwatchError(
      "InvalidParameterValueException",
      `The parameter ${field} must be a timestamp.`,
    );
  }
  return value * 1000;
}

const DAY_MS = 86_400_000;

/**
 * CloudWatch's retention rules (aws-wire.md §2): data older than 15 days exists only at 5-minute
 * resolution, older than 63 days at 1 hour. StartTime is rounded down to that resolution; a
 * period that is not a multiple of it returns no datapoints ("or no data points in that time
 * range is returned", GetMetricData API reference).
 */
export function periodRule(
  startMs: number,
  nowMs: number,
  periodSec: number,
): { alignedStartMs: number; problem: string | undefined } {
  const age = nowMs - startMs;
  const resolutionSec = age > 63 * DAY_MS ? 3600 : age > 15 * DAY_MS ? 300 : 60;
  const alignedStartMs = Math.floor(startMs / (resolutionSec * 1000)) * resolutionSec * 1000;
  const ok = age <= 3 * 3_600_000 ? true : periodSec % resolutionSec === 0;
  return {
    alignedStartMs,
    problem: ok
      ? undefined
      : `Period ${periodSec} is not a multiple of ${resolutionSec} seconds, required for a StartTime ${Math.floor(age / DAY_MS)} days ago`,
  };
}

export function validPeriod(period: unknown): number {
  if (
    typeof period !== "number" ||
    !Number.isInteger(period) ||
    period < 1 ||
    !([1, 5, 10, 20, 30].includes(period) || period % 60 === 0)
  ) {
    throw cloudwatchError(
      "InvalidParameterValueException",
      `The parameter Period must be 1, 5, 10, 20, 30 or a multiple of 60 (got ${String(period)}).`,
    );
  }
  return period;
}
