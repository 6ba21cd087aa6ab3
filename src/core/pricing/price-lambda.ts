/**
 * priceLambda: a month of Lambda usage for a whole account → cost lines and a total, exact.
 *
 * Rules (source: the AWS Lambda pricing page, https://aws.amazon.com/lambda/pricing/, read 2026-09-28):
 * - Requests: every invocation, on-demand and PC-served, at the region's request price.
 * - Duration: on-demand GB-s (invocations × duration s × memory MB/1024), then INIT GB-s of
 *   cold starts (billed for on-demand functions since 2025-08-01), through the monthly tiers of
 *   the (region, architecture) pool, accumulated across functions in the order given.
 * - Free tier (when on): 1M requests and 400,000 GB-s per account per month, one pool for all
 *   regions and architectures, spent by the functions in the order given. Free GB-s are the
 *   account's first GB-s and still count toward the tier boundaries. Never PC, PC duration or
 *   storage.
 * - PC: allocation = concurrency × memory GB × enabled seconds (rounded up to 5 minutes) at the
 *   PC price; PC-served invocations bill their GB-s at the PC-duration price. Not tiered, and
 *   they do not move the on-demand tiers.
 * - Ephemeral storage: (MB − 512)/1024 GB × the billed seconds of every invocation (on-demand,
 *   INIT and PC-served: storage is configured for the function, so every run carries it).
 * - Lambda@Edge functions (edge: true) bill requests and GB-s at the Edge prices instead (no
 *   free tier, not tiered); Lambda Managed Instances functions bill instance-hours, the 15%
 *   fee and LMI requests instead (no duration, no free tier).
 * - SnapStart, response streaming, tenant isolation, durable functions and CloudWatch Logs
 *   are added per function (./extra-lines.ts); event pollers once for the account.
 * Each rule, with AWS's worked example for it, is in docs/pricing-rules.md.
 */
import { type Decimal, dec, sum, ZERO } from "../money/index.js";
import { AccountState } from "./account.js";
import { edgeLines } from "./edge-lines.js";
import { billedEphemeralStorageMb, ephemeralStorageGbSeconds } from "./ephemeral-storage.js";
import { eventPollerLines } from "./event-poller-lines.js";
import { extraLines, ownedBy } from "./extra-lines.js";
import { validateAccountUsage } from "./extra-usage-validation.js";
import { durationLines, type FunctionContext, line } from "./function-lines.js";
import { architecturePrices, linePrices, regionPrices, requirePrice } from "./lookup.js";
import { managedInstancesLines } from "./managed-instances-lines.js";
import { gbSeconds } from "./tiers.js";
import type {
  CostLine,
  FunctionUsage,
  LambdaEstimate,
  LambdaPriceTable,
  PricingOptions,
} from "./types.js";
import { validateUsage } from "./usage-validation.js";

/** PC is billed in 5-minute increments of enabled time. */
const PC_INCREMENT_SECONDS = 300;

function priceFunction(ctx: FunctionContext, requestPrice: Decimal): void {
  const { usage, prices, account } = ctx;
  const onDemand = dec(usage.monthlyRequests);
  const pc = usage.provisioned;
  const pcRequests = dec(pc?.requests ?? 0);

  const requests = onDemand.plus(pcRequests);
  const freeRequests = account.takeFreeRequests(requests);
  const billableRequests = requests.minus(freeRequests);
  line(ctx, {
    name: "Requests",
    quantity: billableRequests,
    unit: "requests",
    unitPrice: requestPrice,
    cost: billableRequests.times(requestPrice),
    ...(freeRequests.gt(0) ? { freeTierQuantity: freeRequests } : {}),
  });

  const durationMs = onDemand.times(usage.averageDurationMs);
  durationLines(ctx, "Duration", gbSeconds(usage.memoryMb, durationMs));

  let initMs = ZERO;
  if (usage.coldStartRate !== undefined && usage.coldStartRate > 0) {
    initMs = onDemand.times(usage.coldStartRate).times(usage.initDurationMs ?? 0);
    durationLines(ctx, "INIT duration", gbSeconds(usage.memoryMb, initMs));
  }

  let pcMs = ZERO;
  if (pc) {
    const where = [usage.region, usage.architecture] as const;
    const pcPrice = requirePrice(
      prices.provisionedConcurrencyPerGbSecond,
      "provisioned-concurrency",
      ...where,
    );
    const pcDurationPrice = requirePrice(
      prices.provisionedDurationPerGbSecond,
      "provisioned-duration",
      ...where,
    );
    const increments = dec(pc.hoursPerMonth).times(3600).div(PC_INCREMENT_SECONDS).ceil();
    const allocation = gbSeconds(
      usage.memoryMb,
      increments.times(PC_INCREMENT_SECONDS * 1000),
    ).times(pc.concurrency);
    line(ctx, {
      name: "Provisioned concurrency",
      quantity: allocation,
      unit: "GB-s",
      unitPrice: pcPrice,
      cost: allocation.times(pcPrice),
    });
    pcMs = pcRequests.times(pc.averageDurationMs);
    const pcGbSeconds = gbSeconds(usage.memoryMb, pcMs);
    line(ctx, {
      name: "Provisioned duration",
      quantity: pcGbSeconds,
      unit: "GB-s",
      unitPrice: pcDurationPrice,
      cost: pcGbSeconds.times(pcDurationPrice),
    });
  }

  if (billedEphemeralStorageMb(usage.ephemeralStorageMb) > 0) {
    const where = [usage.region, usage.architecture] as const;
    const price = requirePrice(prices.ephemeralStoragePerGbSecond, "ephemeral-storage", ...where);
    const seconds = durationMs.plus(initMs).plus(pcMs).div(1000);
    const quantity = ephemeralStorageGbSeconds(usage.ephemeralStorageMb, seconds);
    line(ctx, {
      name: "Ephemeral storage",
      quantity,
      unit: "GB-s",
      unitPrice: price,
      cost: quantity.times(price),
    });
  }
}

/**
 * Prices a month of usage for one account.
 *
 * @example
 * // AWS's mobile-backend example: 3M requests × 120 ms at 1536 MB, us-east-1 x86_64, free tier on.
 * const estimate = priceLambda(
 *   [{ region: "us-east-1", architecture: "x86_64", memoryMb: 1536, monthlyRequests: 3_000_000, averageDurationMs: 120 }],
 *   table,
 *   { freeTier: true },
 * );
 * // lines: Requests 2,000,000 × 0.0000002 = 0.40; Duration (tier 1) 140,000 GB-s × 0.0000166667 = 2.333338
 * formatUsd(estimate.total); // "$2.73" — AWS's published total
 */
export function priceLambda(
  usages: FunctionUsage[],
  table: LambdaPriceTable,
  options: PricingOptions,
): LambdaEstimate {
  validateAccountUsage(options.account);
  const account = new AccountState(table, options.freeTier, options.account?.streamingFreeGib);
  const caveats = new Set<string>();
  const lines: CostLine[] = [];
  usages.forEach((usage, index) => {
    validateUsage(usage, usages.length > 1 ? (usage.name ?? `function ${index + 1}`) : usage.name);
    const region = regionPrices(table, usage.region);
    for (const caveat of region.caveats) caveats.add(caveat);
    if (usage.managedInstances) {
      const { managedInstances } = usage;
      for (const fields of managedInstancesLines({ ...usage, managedInstances }, options.ec2)) {
        lines.push(ownedBy(usage, fields));
      }
    } else if (usage.edge) {
      const prices = linePrices(table, usage.region, "edge");
      for (const fields of edgeLines(usage, prices)) lines.push(ownedBy(usage, fields));
    } else {
      const prices = architecturePrices(table, usage.region, usage.architecture);
      priceFunction({ usage, prices, account, caveats, lines }, region.requestPrice);
    }
    lines.push(...extraLines(usage, table, account));
  });
  lines.push(...eventPollerLines(options.account?.eventPollers ?? [], table));
  return {
    currency: "USD",
    lines,
    total: sum(lines.map((l) => l.cost)),
    freeTierApplied: options.freeTier,
    caveats: [...caveats],
    priceTableAsOf: table.asOf,
    freeTierUsed: {
      requests: account.freeRequestsTotal.minus(account.freeRequestsLeft),
      gbSeconds: account.freeGbSecondsTotal.minus(account.freeGbSecondsLeft),
    },
  };
}
