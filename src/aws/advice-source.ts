/**
 * The advise service's AdviceSource over the SDK: Lambda (ListFunctions, every page, and the PC
 * configurations of functions with a published version), CloudWatch (GetMetricData batches)
 * and CloudWatch Logs (DescribeLogGroups, Logs Insights). Read-only calls only. The Logs client
 * is imported the first time a region needs it. Clients are made per region and kept until
 * close(); `calls` counts the requests made by kind (retries not counted).
 */
import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import type { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { LambdaClient } from "@aws-sdk/client-lambda";
import { type AdviceFunction, type AdviceSource, functionConfigOf } from "../core/advice/index.js";
import { readAdviceMetrics } from "./advice-metrics.js";
import { type AwsConnection, sdkClientConfig } from "./connection.js";
import { attachProvisionedConfigs, listRegionFunctions } from "./function-inventory.js";
import { listLogGroups } from "./log-groups.js";
import { type InsightsOptions, queryReportStatistics } from "./logs-insights.js";

export interface AwsAdviceSourceOptions {
  connection?: Omit<AwsConnection, "region"> | undefined;
  /** ListProvisionedConcurrencyConfigs calls in flight per region (default 8). */
  concurrency?: number | undefined;
  insights?: InsightsOptions | undefined;
}

export interface AwsAdviceSource extends AdviceSource {
  /** Requests made so far by kind, e.g. "cloudwatch:GetMetricData" → 4. */
  calls: Map<string, number>;
  close(): void;
}

export function createAwsAdviceSource(options: AwsAdviceSourceOptions = {}): AwsAdviceSource {
  const clients = new Map<string, { destroy(): void }>();
  const calls = new Map<string, number>();
  const count = (kind: string, n = 1) => calls.set(kind, (calls.get(kind) ?? 0) + n);
  const config = (region: string) => ({
    ...sdkClientConfig({ ...options.connection, region }),
    // Adaptive retry: on throttling the SDK also slows its own send rate.
    retryMode: "adaptive",
  });
  const client = <T extends { destroy(): void }>(key: string, make: () => T): T => {
    let made = clients.get(key) as T | undefined;
    if (!made) {
      made = make();
      clients.set(key, made);
    }
    return made;
  };
  const lambda = (region: string) =>
    client(`lambda|${region}`, () => new LambdaClient(config(region)));
  const cloudwatch = (region: string) =>
    client(`cloudwatch|${region}`, () => new CloudWatchClient(config(region)));
  const logs = async (region: string): Promise<CloudWatchLogsClient> => {
    const existing = clients.get(`logs|${region}`) as CloudWatchLogsClient | undefined;
    if (existing) return existing;
    const { CloudWatchLogsClient: Logs } = await import("@aws-sdk/client-cloudwatch-logs");
    return client(`logs|${region}`, () => new Logs(config(region)));
  };
  // Each SDK send is one request of its kind: counted by a middleware on every client.
  return {
    calls,
    async listFunctions(region) {
      const inventory = await listRegionFunctions(counted(lambda(region), count), region);
      await attachProvisionedConfigs(
        counted(lambda(region), count),
        region,
        inventory.functions,
        options.concurrency,
      );
      return inventory.functions.map(
        (fn): AdviceFunction => ({
          ...functionConfigOf(fn),
          logGroupName: fn.logGroupName,
          provisioned: fn.provisionedConfigs.map((pc) => ({
            qualifier: pc.qualifier,
            configured: pc.requested,
          })),
        }),
      );
    },
    async readWindowMetrics(region, functions, window) {
      if (functions.length === 0) return new Map();
      const { metrics } = await readAdviceMetrics(
        counted(cloudwatch(region), count),
        region,
        functions,
        window,
      );
      return metrics;
    },
    async listLogGroups(region) {
      const { groups } = await listLogGroups(counted(await logs(region), count), region);
      return groups;
    },
    async queryReports(region, groupNames, window) {
      return queryReportStatistics(
        counted(await logs(region), count),
        region,
        groupNames,
        window,
        options.insights,
      );
    },
    close() {
      for (const made of clients.values()) made.destroy();
      clients.clear();
    },
  };
}

const COUNTED = Symbol("advice-call-counter");

/**
 * Adds (once) a middleware that counts each request the client sends by `<service>:<Command>`
 * (the command name without "Command"), so the benchmark can report API calls by kind.
 */
function counted<T>(sdkClient: T, count: (kind: string) => void): T {
  const target = sdkClient as T & {
    [COUNTED]?: boolean;
    middlewareStack: {
      add(
        mw: (
          next: (args: unknown) => Promise<unknown>,
          context: Record<string, unknown>,
        ) => (args: unknown) => Promise<unknown>,
        options: { step: string; name: string },
      ): void;
    };
  };
  if (target[COUNTED]) return sdkClient;
  target[COUNTED] = true;
  target.middlewareStack.add(
    (next, context) => (args) => {
      const service = String(context.clientName ?? "")
        .replace(/Client$/, "")
        .replace(/^CloudWatchLogs$/, "logs")
        .replace(/^CloudWatch$/, "cloudwatch")
        .replace(/^Lambda$/, "lambda");
      count(`${service}:${String(context.commandName ?? "").replace(/Command$/, "")}`);
      return next(args);
    },
    { step: "initialize", name: "adviceCallCounter" },
  );
  return sdkClient;
}
