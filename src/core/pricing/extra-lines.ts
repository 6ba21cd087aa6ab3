/**
 * The lines of one function beyond requests, duration, PC and storage: SnapStart, response
 * streaming, tenant isolation, durable functions and CloudWatch Logs, each priced from its
 * region block of the table (a region without it is a PricingDataError naming the regions that
 * have it). Streaming's free allowance and the logs tiers are the account's, spent in the
 * order the functions are given, like the Lambda free tier and duration tiers.
 */
import { dec } from "../money/index.js";
import type { AccountState } from "./account.js";
import { durableLines } from "./durable-lines.js";
import type { LineFields } from "./line-fields.js";
import { logLines } from "./log-lines.js";
import { linePrices, requirePrice } from "./lookup.js";
import { snapStartLines } from "./snapstart-lines.js";
import { billableStreamingGb } from "./streaming-lines.js";
import { tenantIsolationLine } from "./tenant-isolation-lines.js";
import type { CostLine, FunctionUsage, LambdaPriceTable } from "./types.js";

/**
 * Attaches the function, region and architecture that own a line.
 *
 * @example
 * ownedBy({ name: "api", region: "us-east-1", architecture: "arm64", … }, { name: "Durable operations", … });
 * // → { name: "Durable operations", …, functionName: "api", region: "us-east-1", architecture: "arm64" }
 */
export function ownedBy(usage: FunctionUsage, fields: LineFields): CostLine {
  return {
    ...fields,
    ...(usage.name === undefined ? {} : { functionName: usage.name }),
    region: usage.region,
    architecture: usage.architecture,
  };
}

/**
 * The extra lines of one function, in a fixed order (SnapStart, streaming, tenant isolation,
 * durable, logs); spends the account's streaming allowance and moves its logs tiers.
 *
 * @example
 * // AWS's tenant-isolation example: 200,000 new environments at 1,024 MB, x86_64, us-east-1.
 * extraLines({ region: "us-east-1", architecture: "x86_64", memoryMb: 1024, monthlyRequests: 10_000_000,
 *   averageDurationMs: 2000, tenantIsolation: { newEnvironments: 200_000 } }, table, account);
 * // → [Tenant isolation (new environments × memory GB): 200,000 GB × $0.000166667 = $33.3334]
 */
export function extraLines(
  usage: FunctionUsage,
  table: LambdaPriceTable,
  account: AccountState,
): CostLine[] {
  const { region, architecture } = usage;
  const fields: LineFields[] = [];
  if (usage.snapStart) {
    const prices = linePrices(table, region, "snapStart");
    fields.push(...snapStartLines({ ...usage, snapStart: usage.snapStart }, prices));
  }
  if (usage.streaming) {
    const block = linePrices(table, region, "responseStreaming");
    const price = requirePrice(
      block.perGb[architecture],
      "response streaming",
      region,
      architecture,
    );
    const streamed = billableStreamingGb(usage.streaming);
    const free = account.takeFreeStreamingGb(streamed);
    const quantity = streamed.minus(free);
    fields.push({
      name: "Response streaming (beyond 6 MB a response)",
      quantity,
      unit: "GB",
      unitPrice: price,
      cost: quantity.times(price),
      ...(free.gt(0) ? { freeTierQuantity: free } : {}),
    });
  }
  if (usage.tenantIsolation) {
    const block = linePrices(table, region, "tenantIsolation");
    const price = requirePrice(block.perGb[architecture], "tenant isolation", region, architecture);
    fields.push(tenantIsolationLine({ ...usage, tenantIsolation: usage.tenantIsolation }, price));
  }
  if (usage.durable) {
    fields.push(...durableLines(usage.durable, linePrices(table, region, "durable")));
  }
  if (usage.logs) {
    const { logClass } = usage.logs;
    const prices = linePrices(table, region, "logs").classes[logClass];
    fields.push(...logLines(usage.logs, prices, account.logsIngested(region, logClass)));
    account.recordLogs(region, logClass, dec(usage.logs.ingestedGb));
  }
  return fields.map((f) => ownedBy(usage, f));
}
