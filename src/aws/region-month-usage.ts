/**
 * One region's month: its functions (ListFunctions with their versions), then the PC
 * configurations of those with a published version and the month's metrics at the same time
 * (both need only the names), as the pure core's inputs.
 */
import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { LambdaClient } from "@aws-sdk/client-lambda";
import { ZERO } from "../core/money/index.js";
import { type CalendarMonth, monthRange } from "../core/report/month.js";
import type { RegionMonthUsage, UsageSource } from "../core/report/ports.js";
import type { FunctionMonthInput } from "../core/report/types.js";
import { type MonthlyMetrics, readMonthlyMetrics } from "./cloudwatch-metrics.js";
import { type AwsConnection, sdkClientConfig, withClient } from "./connection.js";
import {
  attachProvisionedConfigs,
  type FunctionInventory,
  listRegionFunctions,
} from "./function-inventory.js";

/** Ready SDK clients per region (e.g. inside a Lambda handler, or with custom middleware). */
export interface RegionClients {
  lambda(region: string): LambdaClient;
  cloudwatch(region: string): CloudWatchClient;
}

export interface AwsUsageSourceOptions {
  connection?: Omit<AwsConnection, "region"> | undefined;
  clients?: RegionClients | undefined;
}

/** The report's UsageSource over the SDK: `clients` when given, else clients built per region. */
export function createAwsUsageSource(options: AwsUsageSourceOptions = {}): UsageSource {
  return {
    readRegion: (region, month, concurrency) => readRegion(region, month, concurrency, options),
  };
}

async function readRegion(
  region: string,
  month: CalendarMonth,
  concurrency: number,
  options: AwsUsageSourceOptions,
): Promise<RegionMonthUsage> {
  const connection: AwsConnection = { ...options.connection, region };
  // Adaptive retry: on throttling the SDK also slows its own send rate. Lambda's control plane
  // allows ~15 requests/s and the report makes one PC call per function with a published version.
  const config = { ...sdkClientConfig(connection), retryMode: "adaptive" };
  const { start, end } = monthRange(month);
  return withClient(
    options.clients?.lambda(region) ?? connection,
    () => new LambdaClient(config),
    (lambda) =>
      withClient(
        options.clients?.cloudwatch(region) ?? connection,
        () => new CloudWatchClient(config),
        async (cloudwatch) => {
          const inventory = await listRegionFunctions(lambda, region);
          // The PC calls and the metric batches only need the names: run them together.
          const [, metrics] = await Promise.all([
            attachProvisionedConfigs(lambda, region, inventory.functions, concurrency),
            readMonthlyMetrics(cloudwatch, {
              region,
              functionNames: inventory.functions.map((fn) => fn.functionName),
              start,
              end,
            }),
          ]);
          const inputs = toInputs(region, inventory, metrics);
          return { region, accountId: inventory.accountId, inputs };
        },
      ),
  );
}

function toInputs(
  region: string,
  inventory: FunctionInventory,
  metrics: MonthlyMetrics,
): FunctionMonthInput[] {
  return inventory.functions.map((fn): FunctionMonthInput => {
    const sums = metrics.sums.get(fn.functionName);
    return {
      region,
      functionName: fn.functionName,
      architecture: fn.architecture,
      memoryMb: fn.memoryMb,
      ephemeralStorageMb: fn.ephemeralStorageMb,
      invocations: sums?.invocations ?? ZERO,
      durationMsSum: sums?.durationMsSum ?? ZERO,
      provisionedInvocations: sums?.provisionedInvocations ?? ZERO,
      provisionedConcurrency: fn.provisionedConfigs.reduce((a, c) => a + c.requested, 0),
    };
  });
}
