/**
 * CloudWatch Logs ingestion tiers for Lambda's logs, checked at each boundary against hand
 * computations with the us-east-1 rates (Amazon CloudWatch pricing, vended logs from AWS Lambda,
 * https://aws.amazon.com/cloudwatch/pricing/, read 2026-12-01): Standard $0.50/GB for the first
 * 10 TB (10,240 GB) a month, $0.25 for the next 20 TB (to 30,720 GB), $0.10 for the next 20 TB
 * (to 51,200 GB), $0.05 above; Infrequent Access $0.25, $0.15, $0.075, $0.05; storage $0.03 per
 * GB-month. The tiers count the account's GB per region and class, across functions.
 */
import { describe, expect, it } from "vitest";
import { type FunctionUsage, type LogsUsage, priceLambda } from "../../src/core/pricing/index.js";
import { loadLambdaPriceTable } from "../../src/prices/lambda-prices.js";

const table = loadLambdaPriceTable();

function fn(logs: LogsUsage, name?: string): FunctionUsage {
  return {
    ...(name ? { name } : {}),
    region: "us-east-1",
    architecture: "x86_64",
    memoryMb: 128,
    monthlyRequests: 0,
    averageDurationMs: 0,
    logs,
  };
}

function logLines(usages: FunctionUsage[]) {
  return priceLambda(usages, table, { freeTier: false })
    .lines.filter((l) => l.name.startsWith("Logs"))
    .map((l) => [l.name, l.quantity.toFixed(), l.unitPrice.toFixed(), l.cost.toFixed()]);
}

const standard = (ingestedGb: number, storedGb = 0): LogsUsage => ({
  ingestedGb,
  logClass: "standard",
  storedGb,
});

describe("CloudWatch Logs tiers, Standard class", () => {
  it.each([
    // [GB ingested, expected ingestion lines [tier, GB, cost]]
    [10_239, [[1, "10239", "5119.5"]]], // 10,239 × 0.50
    [10_240, [[1, "10240", "5120"]]], // the whole first tier: 10,240 × 0.50
    [
      10_241,
      [
        [1, "10240", "5120"],
        [2, "1", "0.25"],
      ],
    ],
    [
      30_720,
      [
        [1, "10240", "5120"],
        [2, "20480", "5120"], // 20,480 × 0.25
      ],
    ],
    [
      30_721,
      [
        [1, "10240", "5120"],
        [2, "20480", "5120"],
        [3, "1", "0.1"],
      ],
    ],
    [
      51_200,
      [
        [1, "10240", "5120"],
        [2, "20480", "5120"],
        [3, "20480", "2048"], // 20,480 × 0.10
      ],
    ],
    [
      51_201,
      [
        [1, "10240", "5120"],
        [2, "20480", "5120"],
        [3, "20480", "2048"],
        [4, "1", "0.05"],
      ],
    ],
  ] as const)("%s GB", (gb, expected) => {
    const lines = logLines([fn(standard(gb))]);
    expect(lines.slice(0, -1)).toEqual(
      expected.map(([tier, q, cost]) => [
        `Logs ingestion (Standard, tier ${tier})`,
        q,
        ["0.5", "0.25", "0.1", "0.05"][tier - 1],
        cost,
      ]),
    );
    expect(lines.at(-1)).toEqual(["Logs storage (Standard)", "0", "0.03", "0"]);
  });

  it("a second function continues from where the first left the account's tiers", () => {
    const lines = logLines([fn(standard(10_000), "a"), fn(standard(500, 200), "b")]);
    expect(lines).toEqual([
      ["Logs ingestion (Standard, tier 1)", "10000", "0.5", "5000"],
      ["Logs storage (Standard)", "0", "0.03", "0"],
      // b: 240 GB finish tier 1 (240 × 0.50 = 120), 260 GB in tier 2 (260 × 0.25 = 65)
      ["Logs ingestion (Standard, tier 1)", "240", "0.5", "120"],
      ["Logs ingestion (Standard, tier 2)", "260", "0.25", "65"],
      ["Logs storage (Standard)", "200", "0.03", "6"], // 200 GB-month × 0.03
    ]);
  });
});

describe("CloudWatch Logs tiers, Infrequent Access class", () => {
  it("has its own prices and its own tier count", () => {
    const ia = (gb: number): LogsUsage => ({
      ingestedGb: gb,
      logClass: "infrequentAccess",
      storedGb: 0,
    });
    const lines = logLines([fn(standard(20_000), "std"), fn(ia(51_201), "ia")]);
    // The Standard GB do not move the Infrequent Access tiers: 10,240 × 0.25 = 2,560;
    // 20,480 × 0.15 = 3,072; 20,480 × 0.075 = 1,536; 1 × 0.05.
    expect(lines.filter((l) => l[0]?.includes("Infrequent"))).toEqual([
      ["Logs ingestion (Infrequent Access, tier 1)", "10240", "0.25", "2560"],
      ["Logs ingestion (Infrequent Access, tier 2)", "20480", "0.15", "3072"],
      ["Logs ingestion (Infrequent Access, tier 3)", "20480", "0.075", "1536"],
      ["Logs ingestion (Infrequent Access, tier 4)", "1", "0.05", "0.05"],
      ["Logs storage (Infrequent Access)", "0", "0.03", "0"],
    ]);
  });
});
