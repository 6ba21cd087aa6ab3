/** CloudWatch (AWS JSON 1.0): GetMetricData, GetMetricStatistics, ListMetrics. */
import { cloudwatchError } from "./http.js";
import { epochMs, lambdaSeries, periodRule, unitOf, validPeriod } from "./metric-query.js";
import type { EmulatorState } from "./state.js";
import { isSupportedStat, statistic } from "./statistics.js";

export const MAX_QUERIES = 500;
export const DEFAULT_MAX_DATAPOINTS = 100_800;

type Body = Record<string, unknown>;

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

function decodeToken(token: unknown): number {
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

const MAX_STATISTICS_DATAPOINTS = 1440;

export function getMetricStatistics(state: EmulatorState, region: string, body: Body): unknown {
  const startMs = epochMs(body.StartTime, "StartTime");
  const endMs = epochMs(body.EndTime, "EndTime");
  const periodSec = validPeriod(body.Period);
  const statistics = (body.Statistics ?? []) as string[];
  const extended = (body.ExtendedStatistics ?? []) as string[];
  if (statistics.length + extended.length === 0) {
    throw cloudwatchError(
      "InvalidParameterCombinationException",
      "Must specify either Statistics or ExtendedStatistics, but not both.",
    );
  }
  for (const s of statistics) {
    if (!["Sum", "Average", "Minimum", "Maximum", "SampleCount"].includes(s)) {
      throw cloudwatchError("InvalidParameterValueException", `Unsupported statistic ${s}`);
    }
  }
  for (const s of extended) {
    if (!/^p/.test(s) || !isSupportedStat(s)) {
      throw cloudwatchError(
        "InvalidParameterValueException",
        `Unsupported extended statistic ${s}`,
      );
    }
  }
  if (startMs >= endMs) {
    throw cloudwatchError(
      "InvalidParameterValueException",
      "The parameter StartTime must be less than the parameter EndTime.",
    );
  }
  const requested = Math.ceil((endMs - startMs) / (periodSec * 1000));
  if (requested > MAX_STATISTICS_DATAPOINTS) {
    throw cloudwatchError(
      "InvalidParameterCombinationException",
      `You have requested up to ${requested} datapoints, which exceeds the limit of ${MAX_STATISTICS_DATAPOINTS}. You may reduce the datapoints requested by increasing Period, or decreasing the time range.`,
    );
  }
  const metricName = String(body.MetricName ?? "");
  const identity = {
    namespace: String(body.Namespace ?? ""),
    metricName,
    dimensions: (body.Dimensions ?? []) as Array<{ Name: string; Value: string }>,
  };
  const series = lambdaSeries(identity);
  const rule = periodRule(startMs, state.now(), periodSec);
  if (!series || rule.problem) return { Label: metricName, Datapoints: [] };
  const buckets = state.metrics.buckets(
    region,
    series.metric,
    series.functionName,
    series.resource,
    rule.alignedStartMs,
    endMs,
    periodSec * 1000,
  );
  const unit = unitOf(metricName);
  const datapoints = [...buckets.entries()]
    .filter(([, b]) => b.count > 0)
    .sort(([a], [b]) => a - b)
    .map(([t, b]) => {
      const point: Record<string, unknown> = { Timestamp: t / 1000, Unit: unit };
      for (const s of statistics) point[s] = statistic(b, s);
      if (extended.length > 0) {
        point.ExtendedStatistics = Object.fromEntries(extended.map((s) => [s, statistic(b, s)]));
      }
      return point;
    });
  return { Label: metricName, Datapoints: datapoints };
}

const LIST_PAGE = 500;
const TWO_WEEKS_MS = 14 * 86_400_000;

export function listMetrics(state: EmulatorState, region: string, body: Body): unknown {
  const now = state.now();
  const since = body.RecentlyActive === "PT3H" ? now - 3 * 3_600_000 : now - TWO_WEEKS_MS;
  const wantDims = (body.Dimensions ?? []) as Array<{ Name: string; Value?: string }>;
  const namespaceOk = body.Namespace === undefined || body.Namespace === "AWS/Lambda";
  const all = state.metrics
    .listSeries(since, now + 1)
    .filter((s) => namespaceOk && s.region === region)
    .filter((s) => body.MetricName === undefined || body.MetricName === s.metric)
    .filter((s) =>
      wantDims.every((w) =>
        w.Name === "FunctionName"
          ? w.Value === undefined || w.Value === s.functionName
          : w.Name === "Resource" &&
            s.resource !== undefined &&
            (w.Value === undefined || w.Value === s.resource),
      ),
    )
    .map((s) => ({ key: `${s.functionName}\u0000${s.resource ?? ""}\u0000${s.metric}`, s }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ s }) => s);
  const offset = decodeToken(body.NextToken);
  const items = all.slice(offset, offset + LIST_PAGE).map((s) => ({
    Namespace: "AWS/Lambda",
    MetricName: s.metric,
    Dimensions: [
      { Name: "FunctionName", Value: s.functionName },
      ...(s.resource !== undefined ? [{ Name: "Resource", Value: s.resource }] : []),
    ],
  }));
  return {
    Metrics: items,
    ...(offset + LIST_PAGE < all.length
      ? { NextToken: Buffer.from(`p:${offset + LIST_PAGE}`).toString("base64url") }
      : {}),
  };
}
