/**
 * Fixed result models for the renderer tests (unit tests and golden files): a tune result from
 * a hand cost model, a monthly report from a test price table, an estimate of the README's
 * example. Every dollar figure the renderers print from them is worked out by hand below.
 */
import { type Decimal, dec } from "../../src/core/money/index.js";
import { priceLambda } from "../../src/core/pricing/price-lambda.js";
import type { FunctionUsage, PricingOptions } from "../../src/core/pricing/types.js";
import { buildMonthlyReport } from "../../src/core/report/build-report.js";
import { parseMonth } from "../../src/core/report/month.js";
import type { FunctionMonthInput } from "../../src/core/report/types.js";
import { analyzeTuning } from "../../src/core/tuning/analyze.js";
import type { InvocationSample, TuneResult } from "../../src/core/tuning/types.js";
import { buildEstimateReport, type EstimateReport } from "../../src/output/estimate-model.js";
import { loadEc2PriceTable } from "../../src/prices/ec2-prices.js";
import { loadLambdaPriceTable } from "../../src/prices/lambda-prices.js";
import { TEST_PRICE_TABLE } from "./report-price-table.js";

// us-east-1 x86_64: $0.20 per 1M requests, $0.0000166667 per GB-s (hand model, not the engine).
export const costModel = (memoryMb: number, billedMs: number): Decimal =>
  dec("0.0000002").plus(
    dec(memoryMb).div(1024).times(dec(billedMs).div(1000)).times("0.0000166667"),
  );

export const run = (
  memoryMb: number,
  billed: number[],
  extra: Partial<InvocationSample> = {},
): InvocationSample[] =>
  billed.map((ms) => ({
    memoryMb,
    durationMs: ms - 0.5,
    billedDurationMs: ms,
    maxMemoryUsedMb: 100,
    coldStart: false,
    ...extra,
  }));

/**
 * 128 MB: out of memory ×2. 512 MB: billed 398, 402, 400, 400 → mean 400 (0.2 GB-s):
 *   $0.0000002 + 0.2 × $0.0000166667 = $0.00000353334 → $3.53334 per 1M.
 * 1024 MB: billed 180 ×4 → 0.18 GB-s: $0.0000002 + $0.000003000006 = $0.000003200006 → $3.200006.
 * Monthly at 10M: 512 → $35.3334, 1024 → $32.00006, saving $3.33334.
 */
export function tuneResult(): TuneResult {
  const analysis = analyzeTuning({
    samplesBySize: new Map([
      [128, run(128, [40, 40], { errorType: "Runtime.OutOfMemory", maxMemoryUsedMb: 128 })],
      [512, run(512, [398, 402, 400, 400])],
      [1024, run(1024, [180, 180, 180, 180])],
    ]),
    costModel,
    strategyOptions: { strategy: "cost", balancedWeight: 0.5 },
    originalMemoryMb: 512,
    monthly: { invocations: 10_000_000, source: "flag" },
  });
  return {
    function: "resize-image",
    region: "us-east-1",
    architecture: "x86_64",
    strategy: "cost",
    balancedWeight: 0.5,
    originalMemoryMb: 512,
    sizes: analysis.sizes,
    recommendation: analysis.recommendation,
    monthlyProjection: analysis.monthlyProjection,
    tuningCost: analysis.tuningCost,
    restored: true,
    totalInvocations: analysis.totalInvocations,
    stopReason: "4 invocations per size",
  };
}

const reportInput = (functionName: string, invocations: number): FunctionMonthInput => ({
  region: "us-east-1",
  functionName,
  architecture: "x86_64",
  memoryMb: 1024,
  ephemeralStorageMb: 512,
  invocations: dec(invocations),
  // 99.5 ms each, so billed ms = 100 ms each: 0.1 GB-s per invocation at 1 GB.
  durationMsSum: dec(invocations).times("99.5"),
  provisionedInvocations: dec(0),
  provisionedConcurrency: 0,
});

/**
 * a: 1,000,000 invocations → 100,000 GB-s → 0.2 + 1.66667 = 1.86667 (free tier off);
 * b: 10,000 → 1,000 GB-s → 0.002 + 0.0166667 = 0.0186667; total 1.8853367.
 */
export function monthlyReport(
  regions = ["us-east-1"],
  failedRegions = [{ region: "eu-west-1", message: 'boom, "quoted"' }],
) {
  return buildMonthlyReport(
    [reportInput("b", 10_000), reportInput("a", 1_000_000)],
    TEST_PRICE_TABLE,
    {
      month: parseMonth("2026-10"),
      accountId: "123456789012",
      freeTier: false,
      regions,
      failedRegions,
    },
  );
}

/**
 * The README's example priced with the shipped table: 3M requests of 120 ms at 1536 MB in
 * us-east-1 → 540,000 GB-s; free tier 1M requests and 400,000 GB-s; 2M × $0.0000002 = $0.40,
 * 140,000 × $0.0000166667 = $2.333338; total $2.733338.
 */
export function estimateReport(
  usages: FunctionUsage[] = [README_USAGE],
  options: Partial<PricingOptions> = {},
): EstimateReport {
  return buildEstimateReport(
    priceLambda(usages, loadLambdaPriceTable(), { freeTier: true, ...options }),
    usages,
  );
}

/**
 * Every billing line of issue #11 in one account (us-east-1, free tier on): AWS's worked
 * examples as functions (SnapStart and streaming on one, Lambda@Edge, tenant isolation,
 * durable functions, Managed Instances), CloudWatch Logs, and 8,000 SQS EPU-hours.
 */
export function allLinesReport(): EstimateReport {
  const base = { region: "us-east-1", architecture: "x86_64" as const, memoryMb: 1024 };
  return estimateReport(
    [
      {
        ...base,
        name: "ssr",
        memoryMb: 1536,
        monthlyRequests: 3_000_000,
        averageDurationMs: 500,
        runtime: "python3.12",
        snapStart: { versions: 1, activeHours: 744, restores: 30_000 },
        streaming: {
          responseGroups: [
            { responses: 2_000_000, averageResponseKb: 100 },
            { responses: 1_000_000, averageResponseKb: 7 * 1024 },
          ],
        },
        logs: { ingestedGb: 100, logClass: "standard", storedGb: 50 },
      },
      {
        ...base,
        name: "edge",
        memoryMb: 128,
        monthlyRequests: 10_000_000,
        averageDurationMs: 10,
        edge: true,
      },
      {
        ...base,
        name: "saas",
        monthlyRequests: 10_000_000,
        averageDurationMs: 2000,
        tenantIsolation: { newEnvironments: 200_000 },
      },
      {
        ...base,
        name: "claims",
        architecture: "arm64",
        monthlyRequests: 2_000_000,
        averageDurationMs: 16_000,
        durable: {
          executions: 1_000_000,
          operationsPerExecution: 4,
          dataWrittenKbPerExecution: 104,
          runningDays: 7,
          retentionDays: 14,
        },
      },
      {
        ...base,
        name: "api-lmi",
        architecture: "arm64",
        monthlyRequests: 100_000_000,
        averageDurationMs: 200,
        managedInstances: { instanceType: "m7g.xlarge", instanceHours: 2000, hourlyUsd: 0.0457 },
      },
    ],
    {
      account: { eventPollers: [{ region: "us-east-1", source: "sqs", epuHours: 8000 }] },
      ec2: loadEc2PriceTable(),
    },
  );
}

export const README_USAGE: FunctionUsage = {
  region: "us-east-1",
  architecture: "x86_64",
  memoryMb: 1536,
  monthlyRequests: 3_000_000,
  averageDurationMs: 120,
};

const tenInput = (
  functionName: string,
  invocations: number,
  region = "us-east-1",
  architecture: "x86_64" | "arm64" = "x86_64",
): FunctionMonthInput => ({ ...reportInput(functionName, invocations), region, architecture });

/**
 * Ten functions in two regions and both architectures (the HTML size budget is for a
 * 10-function report), free tier off, each invocation billed 100 ms at 1 GB = 0.1 GB-s:
 * us-east-1 x86_64 costs $0.0000002 + 0.1 × $0.0000166667 = $0.00000186667 an invocation, so
 * api (1,000,000) is $1.86667; us-east-1 arm64 $0.0000002 + 0.1 × $0.0000133334 =
 * $0.00000153334, so thumbs (500,000) is $0.76667. `extraFunctions` adds that many us-east-1
 * x86_64 functions of 1,000 invocations ($0.00186667 each).
 */
export function tenFunctionReport(extraFunctions = 0) {
  const extra = Array.from({ length: extraFunctions }, (_, i) => tenInput(`extra-${i + 1}`, 1_000));
  return buildMonthlyReport(
    [
      ...extra,
      tenInput("api", 1_000_000),
      tenInput("auth", 800_000),
      tenInput("orders", 600_000),
      tenInput("search", 400_000),
      tenInput("mail", 200_000),
      tenInput("cron", 10_000),
      tenInput("thumbs", 500_000, "us-east-1", "arm64"),
      tenInput("resize", 300_000, "us-east-1", "arm64"),
      tenInput("eu-api", 700_000, "eu-west-1"),
      tenInput("eu-cron", 50_000, "eu-west-1"),
    ],
    TEST_PRICE_TABLE,
    {
      month: parseMonth("2026-10"),
      accountId: "123456789012",
      freeTier: false,
      regions: ["eu-west-1", "us-east-1"],
      failedRegions: [],
    },
  );
}

/** Last month's report as the summary reads it back: api was $1.50, thumbs $0.90, old-job gone. */
export const PREVIOUS_MONTH = {
  month: "2026-09",
  file: "reports/lambda-cost-2026-09-123456789012.csv",
  rows: [
    { region: "us-east-1", functionName: "api", totalCost: dec("1.5") },
    { region: "us-east-1", functionName: "thumbs", totalCost: dec("0.9") },
    { region: "us-east-1", functionName: "old-job", totalCost: dec("0.3") },
  ],
};
