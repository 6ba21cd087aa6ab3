/** CloudWatch GetMetricStatistics: one metric, Statistics and ExtendedStatistics per period. */
import type { Body } from "./cloudwatch-metric-data.js";
import { cloudwatchError } from "./http.js";
import { epochMs, lambdaSeries, periodRule, unitOf, validPeriod } from "./metric-query.js";
import type { EmulatorState } from "./state.js";
import { isSupportedStat, statistic } from "./statistics.js";

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
  const unitMismatch = body.Unit !== undefined && body.Unit !== unitOf(metricName);
  if (!series || rule.problem || unitMismatch) return { Label: metricName, Datapoints: [] };
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
