/**
 * GetMetricData for any list of MetricStat queries, packed 500 to a call (the API's limit) and
 * continued with NextToken while an answer is partial, as the monthly report reads its sums.
 * Returns every query's datapoint values by Id.
 */
import type { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { MAX_QUERIES_PER_CALL, sendGetMetricData } from "./cloudwatch-metrics.js";

export interface StatQuery {
  /** Starts with a lowercase letter; [a-zA-Z0-9_]. */
  id: string;
  metricName: string;
  dimensions: Array<{ Name: string; Value: string }>;
  /** Sum, Maximum, p99, … */
  stat: string;
}

export interface StatBatchRequest {
  region: string;
  start: Date;
  end: Date;
  periodSeconds: number;
}

export async function readStatBatches(
  client: CloudWatchClient,
  request: StatBatchRequest,
  queries: readonly StatQuery[],
): Promise<{ values: Map<string, number[]>; calls: number }> {
  const values = new Map<string, number[]>();
  let calls = 0;
  for (let offset = 0; offset < queries.length; offset += MAX_QUERIES_PER_CALL) {
    const batch = queries.slice(offset, offset + MAX_QUERIES_PER_CALL);
    let nextToken: string | undefined;
    do {
      const output = await sendGetMetricData(client, request.region, {
        MetricDataQueries: batch.map((q) => ({
          Id: q.id,
          MetricStat: {
            Metric: { Namespace: "AWS/Lambda", MetricName: q.metricName, Dimensions: q.dimensions },
            Period: request.periodSeconds,
            Stat: q.stat,
          },
          ReturnData: true,
        })),
        StartTime: request.start,
        EndTime: request.end,
        ScanBy: "TimestampAscending",
        NextToken: nextToken,
      });
      calls += 1;
      for (const result of output.MetricDataResults ?? []) {
        const id = result.Id ?? "";
        values.set(id, [...(values.get(id) ?? []), ...(result.Values ?? [])]);
      }
      nextToken = output.NextToken || undefined;
    } while (nextToken);
  }
  return { values, calls };
}
