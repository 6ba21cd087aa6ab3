/** CloudWatch GetMetricData: MetricStat queries, up to 500 a call, paged by MaxDatapoints. */
import { cloudwatchError } from "./http.js";
import { epochMs, lambdaSeries, periodRule, unitOf, validPeriod } from "./metric-query.js";
import type { EmulatorState } from "./state.js";
import { isSupportedStat, statistic } from "./statistics.js";

export const MAX_QUERIES = 500;
export const DEFAULT_MAX_DATAPOINTS = 100_800;

export type Body = Record<string, unknown>;

interface QueryResult {
  id: string;
  label: string;
  timestamps: number[];
  values: number[];
  messages: Array<{ Code: string; Value: string }>;
}

export function getMetricData(state: EmulatorState, region: string, body: Body): unknown {
  const queries = body.MetricDataQueries;
  if (!Array.isArray(queries) || queries.length === 0) {
    throw cloudwatchError(
      "MissingRequiredParameterException",
      "The parameter MetricDataQueries is required.",
    );
  }
  if (queries.length > MAX_QUERIES) {
    throw cloudwatchError(
      "ValidationException",
      `1 validation error detected: Value at 'metricDataQueries' failed to satisfy constraint: Member must have length less than or equal to ${MAX_QUERIES}`,
    );
  }
  const startMs = epochMs(body.StartTime, "StartTime");
  const endMs = epochMs(body.EndTime, "EndTime");
  if (startMs >= endMs) {
    throw cloudwatchError(
      "InvalidParameterValueException",
      "The parameter StartTime must be less than the parameter EndTime.",
    );
  }
  const maxDatapoints = body.MaxDatapoints ?? DEFAULT_MAX_DATAPOINTS;
  if (typeof maxDatapoints !== "number" || !Number.isInteger(maxDatapoints) || maxDatapoints < 1) {
    throw cloudwatchError(
      "InvalidParameterValueException",
      "The parameter MaxDatapoints must be a positive integer.",
    );
  }
  const ascending = body.ScanBy === "TimestampAscending";
  const ids = new Set<string>();
  const results = queries.map((q: Body) => {
    const id = q.Id;
    if (typeof id !== "string" || !/^[a-z][a-zA-Z0-9_]*$/.test(id) || id.length > 255) {
      throw cloudwatchError(
        "ValidationException",
        `Invalid Id ${JSON.stringify(id)}: must start with a lowercase letter and contain only letters, digits and underscores.`,
      );
    }
    if (ids.has(id)) {
      throw cloudwatchError("ValidationException", `The value ${id} for field Id is duplicated.`);
    }
    ids.add(id);
    return runQuery(state, region, q, startMs, endMs, ascending);
  });
  const offset = decodeToken(body.NextToken);
  let index = 0;
  let more = false;
  const end = offset + maxDatapoints;
  const out = results.map((r) => {
    const from = Math.max(0, offset - index);
    const to = Math.max(0, Math.min(r.timestamps.length, end - index));
    index += r.timestamps.length;
    const partial = index > end && to < r.timestamps.length;
    if (partial) more = true;
    return {
      Id: r.id,
      Label: r.label,
      Timestamps: r.timestamps.slice(from, Math.max(from, to)),
      Values: r.values.slice(from, Math.max(from, to)),
      StatusCode: partial ? "PartialData" : "Complete",
      ...(r.messages.length > 0 ? { Messages: r.messages } : {}),
    };
  });
  return {
    MetricDataResults: out,
    ...(more ? { NextToken: Buffer.from(`p:${end}`).toString("base64url") } : {}),
    Messages: [],
  };
}

/** NextToken: base64url of the offset into the flattened datapoints (or metrics). */
export function decodeToken(token: unknown): number {
  if (token === undefined || token === null) return 0;
  const offset =
    typeof token === "string"
      ? Number(Buffer.from(token, "base64url").toString().replace(/^p:/, ""))
      : Number.NaN;
  if (!Number.isInteger(offset) || offset < 0) {
    throw cloudwatchError(
      "InvalidNextToken",
      "The service couldn't process your request because the NextToken is invalid.",
    );
  }
  return offset;
}

function runQuery(
  state: EmulatorState,
  region: string,
  q: Body,
  startMs: number,
  endMs: number,
  ascending: boolean,
): QueryResult {
  const id = q.Id as string;
  if (q.Expression !== undefined) {
    throw cloudwatchError(
      "InvalidParameterValueException",
      `Query ${id}: metric math Expressions are not supported by the lambda-cost emulator; use MetricStat.`,
    );
  }
  const stat = q.MetricStat as Body | undefined;
  const metric = stat?.Metric as Body | undefined;
  if (!stat || !metric) {
    throw cloudwatchError(
      "MissingRequiredParameterException",
      `Query ${id}: MetricStat with Metric is required.`,
    );
  }
  const statName = stat.Stat;
  if (typeof statName !== "string" || !isSupportedStat(statName)) {
    throw cloudwatchError(
      "InvalidParameterValueException",
      `Query ${id}: unsupported Stat ${JSON.stringify(statName)}; use Sum, Average, Minimum, Maximum, SampleCount or pNN.`,
    );
  }
  const periodSec = validPeriod(stat.Period);
  const identity = {
    namespace: String(metric.Namespace ?? ""),
    metricName: String(metric.MetricName ?? ""),
    dimensions: (metric.Dimensions ?? []) as Array<{ Name: string; Value: string }>,
  };
  const label = typeof q.Label === "string" ? q.Label : identity.metricName;
  const result: QueryResult = { id, label, timestamps: [], values: [], messages: [] };
  if (q.ReturnData === false) return result;
  // A Unit that is not the metric's own selects no data, as on CloudWatch.
  if (stat.Unit !== undefined && stat.Unit !== unitOf(identity.metricName)) return result;
  const rule = periodRule(startMs, state.now(), periodSec);
  if (rule.problem) {
    result.messages.push({ Code: "InvalidPeriod", Value: rule.problem });
    return result;
  }
  const series = lambdaSeries(identity);
  if (!series) return result;
  const buckets = state.metrics.buckets(
    region,
    series.metric,
    series.functionName,
    series.resource,
    rule.alignedStartMs,
    endMs,
    periodSec * 1000,
  );
  const times = [...buckets.keys()].sort((a, b) => (ascending ? a - b : b - a));
  for (const t of times) {
    const value = statistic(buckets.get(t)!, statName);
    if (value === undefined) continue;
    result.timestamps.push(t / 1000);
    result.values.push(value);
  }
  return result;
}
