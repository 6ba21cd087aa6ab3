/**
 * Reads a calendar month of AWS/Lambda metrics for many functions with as few GetMetricData
 * calls as the API allows: three queries per function (Invocations, Duration and
 * ProvisionedConcurrencyInvocations, each Sum with period 86400), packed 500 to a call — the
 * API's limit — so N functions cost exactly ceil(3N / 500) calls when no answer is partial.
 * A batch whose answer carries a NextToken (PartialData) is continued until it has none.
 */
import {
  CloudWatchClient,
  GetMetricDataCommand,
  type GetMetricDataCommandOutput,
  type MetricDataQuery,
} from "@aws-sdk/client-cloudwatch";
import { Decimal, ZERO } from "../core/money/index.js";
import { type AwsConnection, sdkClientConfig, withClient } from "./connection.js";
import { toAwsError } from "./errors.js";

/** The month's sums for one function (FunctionName dimension: all versions and aliases). */
export interface FunctionMetricSums {
  invocations: Decimal;
  durationMsSum: Decimal;
  provisionedInvocations: Decimal;
}

export interface MonthlyMetricsRequest {
  region: string;
  functionNames: readonly string[];
  /** Inclusive start and exclusive end of the calendar month (UTC). */
  start: Date;
  end: Date;
  /** Datapoints per answer before the service pages with NextToken (API default 100,800). */
  maxDatapoints?: number | undefined;
}

export interface MonthlyMetrics {
  sums: Map<string, FunctionMetricSums>;
  /** GetMetricData calls made (continuations included); retries are not counted. */
  calls: number;
}

/** GetMetricData's documented maximum number of queries per call. */
export const MAX_QUERIES_PER_CALL = 500;
/** One datapoint per day: 31 × 500 = 15,500 points per call, under the 100,800 limit. */
const PERIOD_SECONDS = 86_400;

const METRICS = [
  { key: "invocations", metricName: "Invocations", idPrefix: "i" },
  { key: "durationMsSum", metricName: "Duration", idPrefix: "d" },
  { key: "provisionedInvocations", metricName: "ProvisionedConcurrencyInvocations", idPrefix: "p" },
] as const;

type MetricKey = (typeof METRICS)[number]["key"];

interface PlannedQuery {
  query: MetricDataQuery;
  functionName: string;
  key: MetricKey;
}

/** Three Sum queries per function; Ids start with a lowercase letter as the API requires. */
export function planQueries(functionNames: readonly string[]): PlannedQuery[] {
  return functionNames.flatMap((functionName, index) =>
    METRICS.map(({ key, metricName, idPrefix }) => ({
      functionName,
      key,
      query: {
        Id: `${idPrefix}${index}`,
        MetricStat: {
          Metric: {
            Namespace: "AWS/Lambda",
            MetricName: metricName,
            Dimensions: [{ Name: "FunctionName", Value: functionName }],
          },
          Period: PERIOD_SECONDS,
          Stat: "Sum",
        },
        ReturnData: true,
      },
    })),
  );
}

const adaptiveClient = (connection: AwsConnection) =>
  new CloudWatchClient({ ...sdkClientConfig(connection), retryMode: "adaptive" });

/**
 * Sums the month's metrics for every named function. Functions with no datapoints get zeros.
 * Accepts a connection (a client is built and destroyed here) or a ready client (left open).
 */
export async function readMonthlyMetrics(
  source: AwsConnection | CloudWatchClient,
  request: MonthlyMetricsRequest,
): Promise<MonthlyMetrics> {
  const sums = new Map<string, FunctionMetricSums>();
  for (const name of request.functionNames) {
    sums.set(name, { invocations: ZERO, durationMsSum: ZERO, provisionedInvocations: ZERO });
  }
  const planned = planQueries(request.functionNames);
  const calls = await withClient(source, adaptiveClient, async (client) => {
    let made = 0;
    for (let offset = 0; offset < planned.length; offset += MAX_QUERIES_PER_CALL) {
      const batch = planned.slice(offset, offset + MAX_QUERIES_PER_CALL);
      made += await readBatch(client, request, batch, sums);
    }
    return made;
  });
  return { sums, calls };
}

/** One batch of ≤ 500 queries, following NextToken; returns the number of calls made. */
async function readBatch(
  client: CloudWatchClient,
  request: MonthlyMetricsRequest,
  batch: PlannedQuery[],
  sums: Map<string, FunctionMetricSums>,
): Promise<number> {
  const byId = new Map(batch.map((planned) => [planned.query.Id ?? "", planned]));
  let nextToken: string | undefined;
  let calls = 0;
  do {
    const output = await sendGetMetricData(client, request.region, {
      MetricDataQueries: batch.map((planned) => planned.query),
      StartTime: request.start,
      EndTime: request.end,
      ScanBy: "TimestampAscending",
      NextToken: nextToken,
      MaxDatapoints: request.maxDatapoints,
    });
    calls += 1;
    for (const result of output.MetricDataResults ?? []) {
      const planned = byId.get(result.Id ?? "");
      if (!planned) continue;
      const target = sums.get(planned.functionName);
      if (!target) continue;
      target[planned.key] = target[planned.key].plus(sumValues(result.Values ?? []));
    }
    // PartialData comes with a NextToken; the next page continues the same queries.
    nextToken = output.NextToken || undefined;
  } while (nextToken);
  return calls;
}

/**
 * Sums one answer's datapoints exactly. Counts are whole numbers, which doubles add exactly up
 * to 2^53, so they are summed as numbers (one Decimal instead of 31); anything else (Duration)
 * is added as decimals, each value read at its shortest decimal spelling.
 */
export function sumValues(values: readonly number[]): Decimal {
  let count = 0;
  let whole = true;
  for (const value of values) {
    count += value;
    if (!Number.isInteger(value)) whole = false;
  }
  if (whole && Number.isSafeInteger(count)) return new Decimal(count);
  let total = ZERO;
  for (const value of values) total = total.plus(new Decimal(value));
  return total;
}

/** One GetMetricData call; its errors leave as AwsError naming the action and region. */
export async function sendGetMetricData(
  client: CloudWatchClient,
  region: string,
  input: ConstructorParameters<typeof GetMetricDataCommand>[0],
) {
  let output: GetMetricDataCommandOutput;
  try {
    output = await client.send(new GetMetricDataCommand(input));
  } catch (error) {
    throw toAwsError(error, { action: "cloudwatch:GetMetricData", region });
  }
  // A query CloudWatch could not answer comes back inside a successful reply; it fails the call.
  for (const result of output.MetricDataResults ?? []) {
    if (result.StatusCode === "Forbidden" || result.StatusCode === "InternalError") {
      const detail = result.Messages?.map((m) => m.Value).join("; ");
      throw toAwsError(
        Object.assign(new Error(detail || result.StatusCode), {
          name: result.StatusCode === "Forbidden" ? "AccessDenied" : "InternalError",
        }),
        { action: "cloudwatch:GetMetricData", region },
      );
    }
  }
  return output;
}

/**
 * Sum of a function's Invocations over the 30 whole days before today (UTC), or undefined when
 * there were none or CloudWatch cannot be read: tune's monthly volume when no flag gives one.
 */
export async function lastThirtyDaysInvocations(
  connection: AwsConnection,
  functionName: string,
  now = new Date(),
): Promise<number | undefined> {
  const end = new Date(Math.floor(now.getTime() / 86_400_000) * 86_400_000);
  const start = new Date(end.getTime() - 30 * 86_400_000);
  try {
    const metrics = await withClient(
      connection,
      (c) => new CloudWatchClient(sdkClientConfig({ ...c, maxAttempts: 2 })),
      (client) =>
        readMonthlyMetrics(client, {
          region: connection.region,
          functionNames: [functionName],
          start,
          end,
        }),
    );
    const count = metrics.sums.get(functionName)?.invocations.toNumber();
    return count && count > 0 ? count : undefined;
  } catch {
    return undefined;
  }
}
