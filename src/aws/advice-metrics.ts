/**
 * The window's metrics for advice, one datapoint per query (the period is the whole window, a
 * multiple of 3,600 s valid at any data age): per function Invocations, Duration (Sum and p99),
 * Errors, Throttles, ConcurrentExecutions (Maximum), ProvisionedConcurrencyInvocations and
 * ProvisionedConcurrencySpilloverInvocations under FunctionName, and
 * ProvisionedConcurrencyUtilization (Maximum) under FunctionName + Resource for each PC
 * configuration, the only dimension Lambda publishes it under.
 */
import type { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import type {
  AdviceFunction,
  AdviceWindow,
  MetricEvidence,
  WindowMetrics,
} from "../core/advice/index.js";
import { sumValues } from "./cloudwatch-metrics.js";
import { readStatBatches, type StatQuery } from "./metric-batches.js";

const PER_FUNCTION = [
  ["i", "Invocations", "Sum"],
  ["d", "Duration", "Sum"],
  ["q", "Duration", "p99"],
  ["e", "Errors", "Sum"],
  ["t", "Throttles", "Sum"],
  ["c", "ConcurrentExecutions", "Maximum"],
  ["p", "ProvisionedConcurrencyInvocations", "Sum"],
  ["s", "ProvisionedConcurrencySpilloverInvocations", "Sum"],
] as const;

export function planAdviceQueries(functions: readonly AdviceFunction[]): StatQuery[] {
  return functions.flatMap((fn, n) => {
    const byName = [{ Name: "FunctionName", Value: fn.functionName }];
    return [
      ...PER_FUNCTION.map(([prefix, metricName, stat]) => ({
        id: `${prefix}${n}`,
        metricName,
        dimensions: byName,
        stat,
      })),
      ...fn.provisioned.map((pc, k) => ({
        id: `u${n}_${k}`,
        metricName: "ProvisionedConcurrencyUtilization",
        dimensions: [...byName, { Name: "Resource", Value: `${fn.functionName}:${pc.qualifier}` }],
        stat: "Maximum",
      })),
    ];
  });
}

export async function readAdviceMetrics(
  client: CloudWatchClient,
  region: string,
  functions: readonly AdviceFunction[],
  window: AdviceWindow,
): Promise<{ metrics: Map<string, WindowMetrics>; calls: number }> {
  const { values, calls } = await readStatBatches(
    client,
    { region, start: window.start, end: window.end, periodSeconds: window.days * 86_400 },
    planAdviceQueries(functions),
  );
  const sumOf = (id: string) => sumValues(values.get(id) ?? []);
  const maxOf = (id: string) => {
    const list = values.get(id) ?? [];
    return list.length > 0 ? Math.max(...list) : undefined;
  };
  const metrics = new Map<string, WindowMetrics>();
  functions.forEach((fn, n) => {
    const evidence: MetricEvidence = {
      invocations: sumOf(`i${n}`),
      durationMsSum: sumOf(`d${n}`),
      durationP99Ms: maxOf(`q${n}`),
      errors: sumOf(`e${n}`),
      throttles: sumOf(`t${n}`),
      maxConcurrentExecutions: maxOf(`c${n}`),
      provisionedInvocations: sumOf(`p${n}`),
      spilloverInvocations: sumOf(`s${n}`),
    };
    metrics.set(fn.functionName, {
      metrics: evidence,
      maxUtilization: new Map(fn.provisioned.map((pc, k) => [pc.qualifier, maxOf(`u${n}_${k}`)])),
    });
  });
  return { metrics, calls };
}
