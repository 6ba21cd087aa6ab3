/**
 * The Logs Insights scan price lives in the price table's logs block (one place for CloudWatch
 * Logs prices) and `advise` reads it from there: the figure typed in from Amazon CloudWatch
 * pricing (https://aws.amazon.com/cloudwatch/pricing/, Logs Insights, US East (N. Virginia),
 * $0.005 per GB scanned, read 2026-12-01), the regions without it, a malformed block, and a
 * scan priced from whatever table advise is given.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { adviseFunctions, insightsPerGbScanned } from "../../src/core/advice/index.js";
import { PricingDataError } from "../../src/core/errors.js";
import { dec } from "../../src/core/money/index.js";
import { parseLambdaPriceTable } from "../../src/core/pricing/index.js";
import type { LambdaPriceTable, RegionPrices } from "../../src/core/pricing/types.js";
import { loadLambdaPriceTable } from "../../src/prices/lambda-prices.js";

const raw = JSON.parse(readFileSync(new URL("../../pricing/lambda.json", import.meta.url), "utf8"));
const table = loadLambdaPriceTable();

/** The shipped table with us-east-1's Logs Insights price replaced (nothing else touched). */
function withInsightsPrice(perGb: string): LambdaPriceTable {
  const east = table.regions["us-east-1"] as RegionPrices;
  if (!east.logs) throw new Error("the shipped table prices CloudWatch Logs in us-east-1");
  const logs = { ...east.logs, insightsPerGbScanned: dec(perGb) };
  return { ...table, regions: { ...table.regions, "us-east-1": { ...east, logs } } };
}

describe("the Logs Insights price in the table", () => {
  it("is $0.005 per GB scanned in us-east-1, with the CloudWatch pricing page as its source", () => {
    expect(insightsPerGbScanned(table, "us-east-1")?.toFixed()).toBe("0.005");
    const logs = raw.regions["us-east-1"].logs;
    expect(logs.insightsPerGbScanned).toBe("0.005");
    expect(logs.sources).toContainEqual(
      expect.stringMatching(
        /^Amazon CloudWatch pricing page, https:\/\/aws\.amazon\.com\/cloudwatch\/pricing\/ \(Logs, Analyze \(Logs Insights queries\): \$0\.005 per GB of data scanned, US East \(N\. Virginia\), read 2026-12-01\)$/,
      ),
    );
  });

  it("is unknown (never guessed) where the table has no logs block, and for unknown regions", () => {
    expect(raw.regions["eu-west-1"].logs).toBeNull();
    expect(insightsPerGbScanned(table, "eu-west-1")).toBeUndefined();
    expect(insightsPerGbScanned(table, "xx-nowhere-1")).toBeUndefined();
    expect(insightsPerGbScanned(table, "constructor")).toBeUndefined();
  });

  it("is required in a logs block and must be a plain decimal", () => {
    const without = structuredClone(raw);
    delete without.regions["us-east-1"].logs.insightsPerGbScanned;
    expect(() => parseLambdaPriceTable(without)).toThrow(PricingDataError);
    expect(() => parseLambdaPriceTable(without)).toThrow(/insightsPerGbScanned/);
    const float = structuredClone(raw);
    float.regions["us-east-1"].logs.insightsPerGbScanned = 0.005;
    expect(() => parseLambdaPriceTable(float)).toThrow(PricingDataError);
  });
});

describe("advise prices its scan from the table it is given", () => {
  const scanOf = (priced: LambdaPriceTable, scanned: Array<{ region: string; bytes: number }>) =>
    adviseFunctions({
      evidence: [],
      window: {
        days: 14,
        start: new Date("2026-11-17T00:00:00Z"),
        end: new Date("2026-12-01T00:00:00Z"),
      },
      regions: scanned.map((s) => s.region),
      table: priced,
      logsRates: () => undefined,
      freeTier: false,
      minInvocations: 50,
      scanned: scanned.map((s) => ({ ...s, queries: 1 })),
      failures: [],
    }).summary.scan;

  it("2 GiB scanned in us-east-1 at the shipped $0.005 per GB = $0.01", () => {
    // 2 × 1024³ bytes = 2 GB (GB = 1024³ bytes); 2 × 0.005 = 0.01
    expect(scanOf(table, [{ region: "us-east-1", bytes: 2 * 1024 ** 3 }]).cost.toFixed()).toBe(
      "0.01",
    );
  });

  it("follows a table with another price: 2 GiB at $0.0076 per GB = $0.0152", () => {
    // 2 × 0.0076 = 0.0152: the price comes from the table, not from a constant in advise
    const priced = withInsightsPrice("0.0076");
    expect(scanOf(priced, [{ region: "us-east-1", bytes: 2 * 1024 ** 3 }]).cost.toFixed()).toBe(
      "0.0152",
    );
  });

  it("counts a region without a price as $0 (the CLI names it as unpriced)", () => {
    // 1 GiB in us-east-1 at $0.005 = $0.005; 3 GiB in eu-west-1, no price there: $0
    const scan = scanOf(table, [
      { region: "us-east-1", bytes: 1024 ** 3 },
      { region: "eu-west-1", bytes: 3 * 1024 ** 3 },
    ]);
    expect(scan.cost.toFixed()).toBe("0.005");
    expect(scan.bytesScanned).toBe(4 * 1024 ** 3);
  });
});
