/**
 * The billed month from Cost Explorer: GetCostAndUsage, MONTHLY, UnblendedCost and
 * UsageQuantity, SERVICE = "AWS Lambda", grouped by USAGE_TYPE (and LINKED_ACCOUNT for an
 * organisation), every page. Cost Explorer charges $0.01 per request
 * (https://aws.amazon.com/aws-cost-management/aws-cost-explorer/pricing/, read 2026-11), so the
 * adapter counts them. The client is imported lazily.
 */
import { AwsError } from "../core/errors.js";
import { Decimal } from "../core/money/index.js";
import { type CalendarMonth, monthRange } from "../core/report/month.js";
import type { BillingSource } from "../core/report/organization-ports.js";
import type { BilledUsage } from "../core/report/reconcile.js";
import { type AwsConnection, sdkClientConfig } from "./connection.js";
import { toAwsError } from "./errors.js";

/** Cost Explorer lives in us-east-1 whatever region the report reads. */
const COST_EXPLORER_REGION = "us-east-1";

export function createCostExplorerBilling(
  connection: Omit<AwsConnection, "region">,
): BillingSource {
  let requests = 0;
  return {
    requestCount: () => requests,
    async lambdaUsage(
      month: CalendarMonth,
      options: { accountId: string; byLinkedAccount: boolean },
    ) {
      const { CostExplorerClient, GetCostAndUsageCommand } = await import(
        "@aws-sdk/client-cost-explorer"
      );
      const client = new CostExplorerClient(
        sdkClientConfig({ ...connection, region: COST_EXPLORER_REGION }),
      );
      const { start, end } = monthRange(month);
      const groupBy = [
        ...(options.byLinkedAccount
          ? [{ Type: "DIMENSION" as const, Key: "LINKED_ACCOUNT" as const }]
          : []),
        { Type: "DIMENSION" as const, Key: "USAGE_TYPE" as const },
      ];
      const usage: BilledUsage[] = [];
      let token: string | undefined;
      try {
        do {
          requests += 1;
          const out = await client.send(
            new GetCostAndUsageCommand({
              TimePeriod: {
                Start: start.toISOString().slice(0, 10),
                End: end.toISOString().slice(0, 10),
              },
              Granularity: "MONTHLY",
              Metrics: ["UnblendedCost", "UsageQuantity"],
              Filter: { Dimensions: { Key: "SERVICE", Values: ["AWS Lambda"] } },
              GroupBy: groupBy,
              ...(token ? { NextPageToken: token } : {}),
            }),
          );
          for (const result of out.ResultsByTime ?? []) {
            for (const group of result.Groups ?? []) {
              const keys = group.Keys ?? [];
              const accountId = options.byLinkedAccount ? keys[0] : options.accountId;
              const usageType = keys[options.byLinkedAccount ? 1 : 0];
              if (!accountId || !usageType) continue;
              usage.push({
                accountId,
                usageType,
                cost: amount(group.Metrics?.UnblendedCost?.Amount),
                quantity: amount(group.Metrics?.UsageQuantity?.Amount),
              });
            }
          }
          token = out.NextPageToken;
        } while (token);
        return usage;
      } catch (error) {
        if (error instanceof AwsError) throw error;
        throw toAwsError(error, { action: "ce:GetCostAndUsage", region: COST_EXPLORER_REGION });
      } finally {
        client.destroy();
      }
    },
  };
}

/** Cost Explorer's amounts are decimal strings: parsed exactly, never through a float. */
function amount(text: string | undefined): Decimal {
  if (text === undefined || !/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text)) return new Decimal(0);
  return new Decimal(text);
}
